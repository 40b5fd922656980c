"""Router of the cxbench app: page config, navigation, nothing else.

Pages are functions in ``app/views/<noun>.py``; add a page by importing its
``render`` and listing one more ``st.Page`` below.
"""

from __future__ import annotations

import streamlit as st

from app import i18n, state
from app.views import compare


def main() -> None:
    """Configure the page, keep cross-page state alive and run the chosen page."""
    st.set_page_config(page_title="cxbench", page_icon=":bar_chart:", layout="wide")
    state.preserve_across_pages()
    language = st.session_state.get(state.LANGUAGE, i18n.DEFAULT_LANGUAGE)
    pages = [
        st.Page(
            compare.render,
            title=i18n.text("compare_page", language),
            icon=":material/compare_arrows:",
            url_path="compare",
            default=True,
        ),
    ]
    st.navigation(pages).run()


main()
