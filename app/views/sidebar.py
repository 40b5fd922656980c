"""Controls and guards shared by every page: language, warehouse, country and wave."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import streamlit as st

from app import i18n, queries, state


@dataclass(frozen=True)
class CountryWave:
    """The country × wave a page shows."""

    country: str
    wave: int


def language_selector() -> str:
    """Draw the language picker and return the chosen language code.

    The choice persists across pages (``state.PERSISTENT_KEYS``) and is mirrored
    into the URL by the page, so one selector serves all pages.
    """
    state.settle_choice(state.LANGUAGE, i18n.LANGUAGES, default=i18n.DEFAULT_LANGUAGE)
    current = st.session_state[state.LANGUAGE]
    return st.sidebar.selectbox(
        i18n.text("language", current),
        options=i18n.LANGUAGES,
        format_func=i18n.LANGUAGE_NAMES.__getitem__,
        key=state.LANGUAGE,
    )


def open_or_explain(page: str, language: str) -> queries.WarehouseFile | None:
    """The warehouse key, or None after telling the user what to run to get one.

    Every page starts here, so an empty, half-built or foreign file gives the same
    friendly hint everywhere instead of a stack trace.
    """
    try:
        return queries.open_warehouse(page=page)
    except queries.WarehouseUnavailable as exc:
        st.info(i18n.text(exc.reason, language, path=exc.path, detail=exc.detail))
        return None


def country_wave_selectors(warehouse: queries.WarehouseFile, language: str) -> CountryWave | None:
    """Draw the country and wave selectors (shared keys); None when nothing is scored.

    Each choice is settled before its widget is drawn (URL first, then the current
    choice), because the waves offered depend on the country chosen.
    """
    countries = queries.countries(warehouse)
    state.settle_choice(state.COUNTRY, countries)
    if not countries:
        return None
    country = st.sidebar.selectbox(
        i18n.text("country", language), options=countries, key=state.COUNTRY
    )
    waves = queries.waves(warehouse, country)
    state.settle_choice(state.WAVE, waves, parse=int)
    if not waves:
        return None
    wave = st.sidebar.selectbox(i18n.text("wave", language), options=waves, key=state.WAVE)
    return CountryWave(country=country, wave=wave)


@dataclass(frozen=True)
class Selection:
    """The country × wave × organisation the user is looking at."""

    country: str
    wave: int
    company_id: str


#: Organisations offered for a country × wave: company id -> name, in display order.
OrganisationList = Callable[[queries.WarehouseFile, str, int], dict[str, str]]


def organisation_selectors(
    warehouse: queries.WarehouseFile,
    language: str,
    organisations: OrganisationList,
    key: str,
    default: str | None = None,
) -> Selection | None:
    """Country, wave and organisation selectors; None when a list is empty.

    ``key`` is the organisation's session (and URL) key; ``default`` is preferred
    when the current choice is not on offer (the Maturity page starts from the
    organisation chosen on Compare).
    """
    chosen = country_wave_selectors(warehouse, language)
    if chosen is None:
        return None
    names = organisations(warehouse, chosen.country, chosen.wave)
    state.settle_choice(key, list(names), default=default)
    if not names:
        return None
    company_id = st.sidebar.selectbox(
        i18n.text("organisation", language),
        options=list(names),
        format_func=names.__getitem__,
        key=key,
    )
    return Selection(country=chosen.country, wave=chosen.wave, company_id=company_id)


def finish_page(url_keys: tuple[str, ...]) -> None:
    """Record that the URL was read and write this page's state back into it."""
    state.mark_url_read()
    state.mirror_to_url(url_keys)
