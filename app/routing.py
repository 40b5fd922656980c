"""Which page a URL asks for: every page at its own slug, and our own "not found".

Streamlit serves the default page at the bare URL only, so ``/compare`` was "Page
not found"; and a path no page has gets Streamlit's English error dialog before it
falls back to the default page. The router instead registers, beside the menu's
pages, a hidden alias of the default page at its slug and a hidden "not found" page,
and sends a request for a path (or a page id) it does not offer to that page, which
says so in the reader's language and links to the pages that exist. A client asking
for an analysts-only page gets the same answer as for a page that does not exist.

Streamlit has no public hook for the requested path: :func:`requested_unknown` and
:func:`redirect` read and set the script run's page intent. If that internal ever
changes they do nothing, and Streamlit's own handling applies again.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from cxbench.app import i18n

#: URL path of the hidden page that answers an unknown path.
NOT_FOUND_SLUG = "page-not-found"
#: Suffix of the default page's internal path: Streamlit shows the default page at the
#: bare URL whatever its path, which frees the slug itself for the hidden alias.
DEFAULT_SUFFIX = "-start"
#: A requested path is repeated to the reader only when it looks like a path: it is
#: shown as Markdown, and a crafted link must not put a link or markup on our page.
_SHOWN_PATH = re.compile(r"[\w.\-]{1,80}")


def _intent() -> tuple[str, str, str] | None:
    """(page id, page name, main script's id) this run was asked for; None outside a run.

    The main script's id asks for no page in particular (Streamlit runs the default).
    """
    ctx = get_script_run_ctx()
    manager = getattr(ctx, "pages_manager", None)
    if manager is None:
        return None
    page_hash = getattr(manager, "intended_page_script_hash", None) or ""
    name = getattr(manager, "intended_page_name", None) or ""
    return page_hash, name, getattr(manager, "main_script_hash", "")


def requested_unknown(entries: Sequence[st.Page]) -> str | None:
    """The path asked for when no entry serves it ("" for an unknown page id), else None."""
    intent = _intent()
    if intent is None:
        return None
    page_hash, name, main_hash = intent
    if page_hash:
        known = {main_hash} | {entry._script_hash for entry in entries}  # Streamlit's page id
        return None if page_hash in known else name
    if name and name not in {entry.url_path for entry in entries}:
        return name
    return None


def redirect(target: st.Page) -> None:
    """Make this run serve ``target`` instead of what the URL asked for."""
    ctx = get_script_run_ctx()
    manager = getattr(ctx, "pages_manager", None)
    if manager is not None and hasattr(manager, "set_script_intent"):
        manager.set_script_intent(target._script_hash, "")


def not_found_page(language: str, asked: str, offered: Sequence[st.Page]) -> st.Page:
    """The hidden page that says, in ``language``, that ``asked`` is not a page here."""

    def run() -> None:
        st.title(i18n.text("page_not_found", language))
        if _SHOWN_PATH.fullmatch(asked):
            st.warning(i18n.text("page_not_found_path", language, path=f"/{asked}"))
        else:
            st.warning(i18n.text("page_not_found_link", language))
        st.markdown(i18n.text("page_not_found_choose", language))
        for entry in offered:
            st.page_link(entry, label=entry.title, icon=entry.icon)

    run.__name__ = "page_not_found"
    return st.Page(
        run,
        title=i18n.text("page_not_found", language),
        url_path=NOT_FOUND_SLUG,
        visibility="hidden",
    )
