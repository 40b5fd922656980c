"""Router of the cxbench app: page config, navigation, nothing else.

Pages are functions in ``app/views/<noun>.py``; add a page by importing its
``render`` and listing one more ``st.Page`` below.
"""

from __future__ import annotations

import streamlit as st

from app import i18n, state
from app.views import compare, drivers, maturity, methodology, quality, rankings, sectors

#: (render function, i18n key of the title, icon, url path) in menu order.
PAGES = (
    (compare.render, "compare_page", ":material/compare_arrows:", "compare"),
    (rankings.render, "rankings_page", ":material/leaderboard:", "rankings"),
    (sectors.render, "sectors_page", ":material/category:", "sectors"),
    (drivers.render, "drivers_page", ":material/insights:", "drivers"),
    (maturity.render, "nav_maturity", ":material/stairs:", "maturity"),
    (quality.render, "quality_page", ":material/fact_check:", "quality"),
    (methodology.render, "methodology_page", ":material/menu_book:", "methodology"),
)


def main() -> None:
    """Configure the page, keep cross-page state alive and run the chosen page."""
    st.set_page_config(page_title="cxbench", page_icon=":bar_chart:", layout="wide")
    state.preserve_across_pages()
    language = state.current_language(i18n.LANGUAGES, i18n.DEFAULT_LANGUAGE)
    pages = [
        st.Page(
            render,
            title=i18n.text(title, language),
            icon=icon,
            url_path=url_path,
            default=url_path == "compare",
        )
        for render, title, icon, url_path in PAGES
    ]
    st.navigation(pages).run()


main()
