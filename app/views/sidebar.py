"""Selectors several pages draw in the sidebar: study, country, wave and organisation.

Options are codes (the state and the URL keep ``NL``); what the reader sees is the
country's name in the interface language ("Nederland", "Holandia").

The language picker, the title and the warehouse check are the router's
(``app/streamlit_app.py``); these are the choices a page makes within its content.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import streamlit as st

from cxbench.app import formatting, i18n, queries, state


@dataclass(frozen=True)
class CountryWave:
    """The study × country × wave a page shows."""

    study_id: str
    country: str
    wave: int


def study_selector(warehouse: queries.WarehouseFile, language: str) -> str | None:
    """Settle the study (shared key) and draw its selector when there is a choice.

    Scores are compared within one study only, so every page with scores shows one.
    With a single study the selector would only take room: it is not drawn, but the
    study is still in the state (and the URL). None when no study has scores.
    """
    names = queries.studies(warehouse)
    state.settle_choice(state.STUDY, list(names))
    if not names:
        return None
    if len(names) == 1:
        return st.session_state[state.STUDY]
    return st.sidebar.selectbox(
        i18n.text("study", language),
        options=list(names),
        format_func=names.__getitem__,
        key=state.STUDY,
    )


def country_wave_selectors(warehouse: queries.WarehouseFile, language: str) -> CountryWave | None:
    """Draw the study, country and wave selectors (shared keys); None when nothing is scored.

    Each choice is settled before its widget is drawn (URL first, then the current
    choice), because the countries offered depend on the study and the waves on the
    country chosen.
    """
    study_id = study_selector(warehouse, language)
    if study_id is None:
        return None
    countries = queries.countries(warehouse, study_id)
    state.settle_choice(state.COUNTRY, countries)
    if not countries:
        return None
    country = st.sidebar.selectbox(
        i18n.text("country", language),
        options=countries,
        format_func=lambda code: formatting.country_name(code, language),
        key=state.COUNTRY,
    )
    waves = queries.waves(warehouse, study_id, country)
    state.settle_choice(state.WAVE, waves, parse=int)
    if not waves:
        return None
    wave = st.sidebar.selectbox(i18n.text("wave", language), options=waves, key=state.WAVE)
    return CountryWave(study_id=study_id, country=country, wave=wave)


@dataclass(frozen=True)
class Selection:
    """The study × country × wave × organisation the user is looking at."""

    study_id: str
    country: str
    wave: int
    company_id: str


#: Organisations offered for a study × country × wave: company id -> name, display order.
OrganisationList = Callable[[queries.WarehouseFile, str, str, int], dict[str, str]]


def organisation_selectors(
    warehouse: queries.WarehouseFile,
    language: str,
    organisations: OrganisationList,
    key: str,
    default: str | None = None,
) -> Selection | None:
    """Study, country, wave and organisation selectors; None when a list is empty.

    ``key`` is the organisation's session (and URL) key; ``default`` is preferred
    when the current choice is not on offer (the Maturity page starts from the
    organisation chosen on Compare).
    """
    chosen = country_wave_selectors(warehouse, language)
    if chosen is None:
        return None
    names = organisations(warehouse, chosen.study_id, chosen.country, chosen.wave)
    state.settle_choice(key, list(names), default=default)
    if not names:
        return None
    company_id = st.sidebar.selectbox(
        i18n.text("organisation", language),
        options=list(names),
        format_func=names.__getitem__,
        key=key,
    )
    return Selection(
        study_id=chosen.study_id, country=chosen.country, wave=chosen.wave, company_id=company_id
    )
