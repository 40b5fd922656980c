"""Selectors several pages draw in the sidebar: country, wave and organisation.

The language picker, the title and the warehouse check are the router's
(``app/streamlit_app.py``); these are the choices a page makes within its content.
"""

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
