"""Session-state keys shared by the pages, and their mirror in the URL.

Every widget gets its key from here so that tests (AppTest finds widgets by key)
and pages agree on one spelling, and so that a shared URL restores the same view.
Which keys a page shares through the URL, and under which query parameter, its
descriptor says (``Page.url_keys``); the router reads the URL before the page is
drawn (:func:`take_url`) and writes it back afterwards (:func:`finish_run`).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from typing import Any

import streamlit as st

#: Interface and pillar-label language; shared by every page.
LANGUAGE = "language"
#: The study whose scores a page shows: scores are compared within one study only
#: (two studies in one country × wave are two samples). Shared like country and wave;
#: its selector is drawn only when the warehouse holds more than one study.
STUDY = "study"
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

#: The router's own URL key: every page carries the language. Short parameter names
#: keep shared URLs readable.
LANGUAGE_PARAM: dict[str, str] = {LANGUAGE: "lang"}
#: Study, country and wave under the names every page that has them uses.
COUNTRY_WAVE_PARAMS: dict[str, str] = {STUDY: "study", COUNTRY: "country", WAVE: "wave"}

#: The URL's values by session key, kept for the first run of a session only.
_URL_VALUES = "_url_values"
#: Set once the URL has been read, so later reruns do not overwrite the user's
#: widget choices with the (older) URL values.
_RESTORED_FROM_URL = "_restored_from_url"


def preserve_across_pages(keys: Iterable[str]) -> None:
    """Re-assign ``keys`` so Streamlit does not clean them up on page switches.

    Streamlit drops a widget's state when the widget is not drawn in a run; the
    router passes every key any page shares through the URL, so a choice survives a
    visit to a page without that widget.
    """
    for key in keys:
        if key in st.session_state:
            st.session_state[key] = st.session_state[key]


def take_url(params: Mapping[str, str]) -> None:
    """On a session's first run, keep the URL's value of each key in ``params``.

    ``params`` maps session keys to query parameters (every page's, because the
    URL may be that of any page). Later runs keep nothing: afterwards the widgets
    are the source of truth and the URL is written from them.
    """
    if st.session_state.get(_RESTORED_FROM_URL):
        return
    st.session_state[_URL_VALUES] = {
        key: st.query_params[param] for key, param in params.items() if st.query_params.get(param)
    }


def url_value(key: str) -> str | None:
    """The URL's value for a state key on the first run of a session, else None."""
    if st.session_state.get(_RESTORED_FROM_URL):
        return None
    return st.session_state.get(_URL_VALUES, {}).get(key)


class LinkRefused(Exception):
    """The URL names a value that is not on offer to this viewer (unknown or not theirs).

    Raised instead of quietly showing another choice: a link to a competitor's page
    must say "not entitled", never open the viewer's own page as if it were that.
    The router turns it into a message in place of the page.
    """

    def __init__(self, key: str, value: str) -> None:
        super().__init__(f"{key}={value!r} is not on offer")
        self.key = key
        self.value = value


def settle_choice(
    key: str,
    options: Sequence[Any],
    default: Any = None,
    parse: Callable[[str], Any] = str,
    refuse_unknown: bool = True,
) -> None:
    """Put a valid value into ``st.session_state[key]`` before its widget is drawn.

    Order of preference: the URL (first run only), the current choice, ``default``,
    the first option. A URL value that is not among the options raises
    :class:`LinkRefused` (``refuse_unknown=False``: it is ignored, for choices as
    harmless as the language). A current choice no longer among the options
    (another country was chosen, a wave disappeared after a refresh) is replaced
    rather than left to make the widget raise.
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
        if refuse_unknown:
            raise LinkRefused(key, from_url)
    if st.session_state.get(key) in options:
        return
    if default in options:
        st.session_state[key] = default
    elif options:
        st.session_state[key] = options[0]
    else:
        st.session_state.pop(key, None)


def finish_run(owned: Mapping[str, str], known: Collection[str]) -> None:
    """Record that the URL was read and write the page's state back into it.

    ``owned`` maps the page's keys to their query parameters; ``known`` names every
    page's parameters, so those of other pages are removed and a shared link carries
    exactly the state of the page it was copied from. Unknown parameters are left.
    """
    st.session_state[_RESTORED_FROM_URL] = True
    st.session_state.pop(_URL_VALUES, None)
    for param in set(known) - set(owned.values()):
        if param in st.query_params:
            del st.query_params[param]
    for key, param in owned.items():
        value = st.session_state.get(key)
        if value is None:
            if param in st.query_params:
                del st.query_params[param]
        elif st.query_params.get(param) != str(value):
            st.query_params[param] = str(value)
