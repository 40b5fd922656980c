"""Maturity page: an organisation's CX maturity profile next to its sector's.

Placeholder while the marts are being built; it always renders, so the router's
import never breaks.
"""

from __future__ import annotations

import streamlit as st


def render() -> None:
    """Draw the page (for now, a note that maturity data is not available yet)."""
    st.title("Maturity")
    st.info("No maturity self-assessments are loaded in this warehouse yet.")
