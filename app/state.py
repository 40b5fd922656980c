"""Session-state keys shared by the pages, and their mirror in the URL.

Every widget gets its key from here so that tests (AppTest finds widgets by key)
and pages agree on one spelling, and so that a shared URL restores the same view.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import streamlit as st

#: Interface and pillar-label language; shared by every page.
LANGUAGE = "language"
#: Country and wave are shared by every page that has them: choosing NL 2025 on
#: Compare and opening Rankings shows NL 2025 there too.
COUNTRY = "country"
WAVE = "wave"
#: Compare page.
ORGANISATION = "compare_organisation"
#: Maturity page: the assessed organisation (starts from the Compare choice).
MATURITY_ORGANISATION = "maturity_organisation"
#: Rankings page: sector filter ("" = all sectors) and how many companies to list.
RANKINGS_SECTOR = "rankings_sector"
RANKINGS_TOP_N = "rankings_top_n"
#: Sectors page: the sector whose pillar profile is drawn.
SECTORS_SECTOR = "sectors_sector"
#: Data quality page: the check run shown and whether to list failures only.
QUALITY_RUN = "quality_run"
QUALITY_FAILURES_ONLY = "quality_failures_only"

#: Session-state key -> query-parameter name. Short names keep shared URLs readable.
QUERY_PARAMS: dict[str, str] = {
    LANGUAGE: "lang",
    COUNTRY: "country",
    WAVE: "wave",
    ORGANISATION: "org",
    MATURITY_ORGANISATION: "assessed",
    RANKINGS_SECTOR: "sector",
    RANKINGS_TOP_N: "top",
    SECTORS_SECTOR: "profile",
    QUALITY_RUN: "run",
    QUALITY_FAILURES_ONLY: "failures",
}

#: Keys whose values must survive a visit to another page. Streamlit drops a
#: widget's state when the widget is not drawn in a run; re-assigning the value at
#: the start of every run keeps it.
PERSISTENT_KEYS: tuple[str, ...] = tuple(QUERY_PARAMS)

#: Set once the URL has been read, so later reruns do not overwrite the user's
#: widget choices with the (older) URL values.
_RESTORED_FROM_URL = "_restored_from_url"


def preserve_across_pages() -> None:
    """Re-assign the persistent keys so Streamlit does not clean them up on page switches."""
    for key in PERSISTENT_KEYS:
        if key in st.session_state:
            st.session_state[key] = st.session_state[key]


def url_value(key: str) -> str | None:
    """The URL's value for a state key on the first run of a session, else None.

    Only the first run reads the URL: afterwards the widgets are the source of truth
    and the URL is written from them.
    """
    if st.session_state.get(_RESTORED_FROM_URL):
        return None
    value = st.query_params.get(QUERY_PARAMS[key])
    return value if value else None


def current_language(languages: Sequence[str], default: str) -> str:
    """The language before the page's selector has run: the router titles the menu with it.

    On a session's first run the language is only in the URL (``?lang=nl``), so the
    URL is read here too; afterwards the selector's value in session state wins.
    """
    chosen = st.session_state.get(LANGUAGE) or url_value(LANGUAGE)
    return chosen if chosen in languages else default


def mark_url_read() -> None:
    """Remember that this session has taken its initial view from the URL."""
    st.session_state[_RESTORED_FROM_URL] = True


def settle_choice(
    key: str,
    options: Sequence[Any],
    default: Any = None,
    parse: Callable[[str], Any] = str,
) -> None:
    """Put a valid value into ``st.session_state[key]`` before its widget is drawn.

    Order of preference: the URL (first run only), the current choice, ``default``,
    the first option. A value that is no longer among the options (another country
    was chosen, a wave disappeared after a refresh) is replaced rather than left to
    make the widget raise.
    """
    from_url = url_value(key)
    if from_url is not None:
        try:
            parsed = parse(from_url)
        except ValueError:
            parsed = None
        if parsed in options:
            st.session_state[key] = parsed
            return
    if st.session_state.get(key) in options:
        return
    if default in options:
        st.session_state[key] = default
    elif options:
        st.session_state[key] = options[0]
    else:
        st.session_state.pop(key, None)


def mirror_to_url(keys: Sequence[str]) -> None:
    """Write the current values of ``keys`` into ``st.query_params`` (a shareable URL).

    Parameters of other pages are removed, so a shared link carries exactly the
    state of the page it was copied from.
    """
    for key, param in QUERY_PARAMS.items():
        value = st.session_state.get(key) if key in keys else None
        if value is None:
            if param in st.query_params:
                del st.query_params[param]
        elif st.query_params.get(param) != str(value):
            st.query_params[param] = str(value)
