"""Router of the cxbench app: the frame every page shares, then the page's content.

Before a page draws anything the router has set the language (picker in the
sidebar, menu titled in it), found out who is looking (:mod:`cxbench.app.auth`: a login, a
preview or a local analyst) and what they may see (:mod:`cxbench.app.viewer`), offered only
the pages for them, written the page's title, checked that the warehouse holds the
tables the page reads, and taken the page's choices from a shared URL; after the
page, it writes the choices back into the URL. Every page is also at its own slug
(``/compare`` too), and a path that is no page gets a localised answer
(:mod:`cxbench.app.routing`). A page only lays out its content, in
``render(warehouse, language)``; the ``warehouse`` key it gets carries the viewer, so
every query it runs is scoped to that viewer in SQL (:mod:`cxbench.app.queries.scope`).

Adding a page: write ``app/views/<noun>.py`` with its ``render`` and a
:class:`cxbench.app.page.Page` descriptor ``PAGE`` (title key, icon, tables read, URL keys
it owns, its strings), its words in ``app/i18n/<noun>.py``, and list ``PAGE`` in
:data:`PAGES` below. Its SQL goes in ``app/queries/<noun>.py``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence

import streamlit as st

from cxbench.app import auth, charts, i18n, page, queries, routing, state, viewer
from cxbench.app.views import (
    channels,
    compare,
    drivers,
    maturity,
    methodology,
    quality,
    rankings,
    sectors,
)

#: The pages in menu order.
PAGES: tuple[page.Page, ...] = (
    compare.PAGE,
    rankings.PAGE,
    sectors.PAGE,
    drivers.PAGE,
    channels.PAGE,
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
    charts.set_language(language)
    identity = auth.identify()
    if identity is None:
        return
    seen_as = _viewer(identity, language)
    if seen_as is None:
        return
    _viewer_badge(identity, seen_as, language)
    offered = [shown for shown in pages if seen_as.viewer.is_analyst or not shown.analysts_only]
    runs = {
        shown.slug: _framed(shown, language, set(params.values()), seen_as.viewer)
        for shown in offered
    }
    entries = [
        st.Page(
            runs[shown.slug],
            title=i18n.text(shown.title_key, language),
            icon=shown.icon,
            url_path=shown.slug + (routing.DEFAULT_SUFFIX if shown.slug == default else ""),
            default=shown.slug == default,
        )
        for shown in offered
    ]
    hidden = [
        st.Page(
            runs[shown.slug],
            title=i18n.text(shown.title_key, language),
            icon=shown.icon,
            url_path=shown.slug,
            visibility="hidden",
        )
        for shown in offered
        if shown.slug == default
    ]
    asked = routing.requested_unknown([*entries, *hidden])
    not_found = routing.not_found_page(language, asked or "", entries)
    if asked is not None:
        routing.redirect(not_found)
    st.navigation([*entries, *hidden, not_found]).run()


def _viewer(identity: auth.Identity, language: str) -> queries.WarehouseFile | None:
    """The warehouse key of the person looking, or None after saying why nothing is shown.

    Only a local analyst is told where the warehouse is and what to run: file paths
    are not for clients.
    """
    try:
        probe = queries.open_warehouse(viewer.NOBODY)
    except queries.WarehouseUnavailable as exc:
        if identity.mode == "local":
            st.info(i18n.text(exc.reason, language, path=exc.path, detail=exc.detail))
        else:
            st.info(i18n.text("benchmark_unavailable", language))
        return None
    resolved = viewer.resolve(identity, probe, language)
    if isinstance(resolved, viewer.Refusal):
        st.warning(i18n.text(resolved.key, language, **resolved.values))
        return None
    return dataclasses.replace(probe, viewer=resolved)


def _viewer_badge(identity: auth.Identity, key: queries.WarehouseFile, language: str) -> None:
    """Say in the sidebar whose view this is, so nobody mistakes a client's for an analyst's."""
    if key.viewer.is_analyst:
        st.sidebar.caption(i18n.text("viewing_as_analyst", language))
        return
    names = ", ".join(viewer.organisation_names(key))
    st.sidebar.caption(i18n.text("viewing_as_client", language, organisations=names))
    if identity.mode == "preview":
        st.sidebar.warning(i18n.text("preview_banner", language))


def _language_selector() -> str:
    """Draw the language picker and return the chosen language code.

    Drawn on every page before the menu, so the menu, the title and the page all
    speak the language chosen in this run; the URL's ``lang`` wins on a first run.
    """
    state.settle_choice(
        state.LANGUAGE, i18n.LANGUAGES, default=i18n.DEFAULT_LANGUAGE, refuse_unknown=False
    )
    current = st.session_state[state.LANGUAGE]
    return st.sidebar.selectbox(
        i18n.text("language", current),
        options=i18n.LANGUAGES,
        format_func=i18n.LANGUAGE_NAMES.__getitem__,
        key=state.LANGUAGE,
    )


def _framed(
    shown: page.Page, language: str, known_params: set[str], seen_by: queries.Viewer
) -> Callable[[], None]:
    """The callable Streamlit runs for ``shown``: title, warehouse check, content, URL.

    A link naming something this viewer is not offered gets a message in place of
    the page (:class:`cxbench.app.state.LinkRefused`), never another organisation's page.
    """

    def run() -> None:
        st.title(i18n.text(shown.title_key, language))
        warehouse = _open_or_explain(shown, language, seen_by)
        if warehouse is not None:
            try:
                shown.render(warehouse, language)
            except state.LinkRefused as refused:
                st.error(_refusal_text(refused, seen_by, language))
        state.finish_run(shown.url_params(), known_params)

    run.__name__ = shown.slug
    return run


#: What a refused link asked for, by session key (i18n key of the noun).
_LINK_NOUNS = {
    state.ORGANISATION: "link_what_organisation",
    state.MATURITY_ORGANISATION: "link_what_organisation",
    state.COUNTRY: "link_what_country",
    state.WAVE: "link_what_wave",
    state.STUDY: "link_what_study",
}


def _refusal_text(refused: state.LinkRefused, seen_by: queries.Viewer, language: str) -> str:
    """The message for a link to something not on offer: "not entitled" for a client's
    link to an organisation (whether or not it exists, and without repeating the id:
    a client learns nothing from it), "not available" otherwise."""
    noun = _LINK_NOUNS.get(refused.key, "link_what_choice")
    if noun == "link_what_organisation" and not seen_by.is_analyst:
        return i18n.text("link_not_entitled", language)
    what = i18n.text(noun, language)
    return i18n.text("link_unknown_value", language, what=what, value=refused.value)


def _open_or_explain(
    shown: page.Page, language: str, seen_by: queries.Viewer
) -> queries.WarehouseFile | None:
    """The warehouse key, or None after telling the user what to run to get one.

    Every page passes here, so an empty, half-built or foreign file gives the same
    friendly hint everywhere instead of a stack trace; a client gets no file path.
    """
    try:
        return queries.open_warehouse(seen_by, tables=shown.tables)
    except queries.WarehouseUnavailable as exc:
        if seen_by.is_analyst:
            st.info(i18n.text(exc.reason, language, path=exc.path, detail=exc.detail))
        else:
            st.info(i18n.text("benchmark_unavailable", language))
        return None


if __name__ == "__main__":  # `streamlit run` runs this file as __main__; tests import main
    main()
