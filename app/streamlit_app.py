"""Router of the cxbench app: the frame every page shares, then the page's content.

Before a page draws anything the router has set the language (picker in the
sidebar, menu titled in it), written the page's title, checked that the warehouse
holds the tables the page reads, and taken the page's choices from a shared URL;
after the page, it writes the choices back into the URL. A page only lays out its
content, in ``render(warehouse, language)``.

Adding a page: write ``app/views/<noun>.py`` with its ``render`` and a
:class:`app.page.Page` descriptor ``PAGE`` (title key, icon, tables read, URL keys
it owns, its strings), its words in ``app/i18n/<noun>.py``, and list ``PAGE`` in
:data:`PAGES` below. Its SQL goes in ``app/queries/<noun>.py``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import streamlit as st

from app import auth, i18n, page, queries, state
from app.views import compare, drivers, maturity, methodology, quality, rankings, sectors

#: The pages in menu order.
PAGES: tuple[page.Page, ...] = (
    compare.PAGE,
    rankings.PAGE,
    sectors.PAGE,
    drivers.PAGE,
    maturity.PAGE,
    quality.PAGE,
    methodology.PAGE,
)
#: The page a bare URL opens.
DEFAULT_PAGE = "compare"


def main(pages: Sequence[page.Page] = PAGES, default: str = DEFAULT_PAGE) -> None:
    """Frame and run the chosen page of ``pages`` (``default`` for a bare URL)."""
    st.set_page_config(page_title="cxbench", page_icon=":bar_chart:", layout="wide")
    i18n.install(page.strings(pages))
    params = page.url_params(pages)
    state.preserve_across_pages(params)
    state.take_url(params)
    language = _language_selector()
    if auth.identify() is None:
        return
    entries = [
        st.Page(
            _framed(shown, language, set(params.values())),
            title=i18n.text(shown.title_key, language),
            icon=shown.icon,
            url_path=shown.slug,
            default=shown.slug == default,
        )
        for shown in pages
    ]
    st.navigation(entries).run()


def _language_selector() -> str:
    """Draw the language picker and return the chosen language code.

    Drawn on every page before the menu, so the menu, the title and the page all
    speak the language chosen in this run; the URL's ``lang`` wins on a first run.
    """
    state.settle_choice(state.LANGUAGE, i18n.LANGUAGES, default=i18n.DEFAULT_LANGUAGE)
    current = st.session_state[state.LANGUAGE]
    return st.sidebar.selectbox(
        i18n.text("language", current),
        options=i18n.LANGUAGES,
        format_func=i18n.LANGUAGE_NAMES.__getitem__,
        key=state.LANGUAGE,
    )


def _framed(shown: page.Page, language: str, known_params: set[str]) -> Callable[[], None]:
    """The callable Streamlit runs for ``shown``: title, warehouse check, content, URL."""

    def run() -> None:
        st.title(i18n.text(shown.title_key, language))
        warehouse = _open_or_explain(shown, language)
        if warehouse is not None:
            shown.render(warehouse, language)
        state.finish_run(shown.url_params(), known_params)

    run.__name__ = shown.slug
    return run


def _open_or_explain(shown: page.Page, language: str) -> queries.WarehouseFile | None:
    """The warehouse key, or None after telling the user what to run to get one.

    Every page passes here, so an empty, half-built or foreign file gives the same
    friendly hint everywhere instead of a stack trace.
    """
    try:
        return queries.open_warehouse(tables=shown.tables)
    except queries.WarehouseUnavailable as exc:
        st.info(i18n.text(exc.reason, language, path=exc.path, detail=exc.detail))
        return None


if __name__ == "__main__":  # `streamlit run` runs this file as __main__; tests import main
    main()
