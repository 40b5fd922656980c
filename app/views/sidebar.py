"""Sidebar controls shared by every page (for now: the language)."""

from __future__ import annotations

import streamlit as st

from app import i18n, state


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
