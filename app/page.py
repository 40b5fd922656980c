"""What a page of the app declares, and what the router derives from the set of pages.

A page is a view module (``app/views/<noun>.py``) whose ``render(warehouse, language)``
lays out content, plus one :class:`Page` descriptor beside it. The router
(``app/streamlit_app.py``) reads the descriptors for everything around the content:
the menu entry, the title, the tables checked before the page is drawn, the URL
parameters read on a session's first run and written back after each run, and the
interface strings. So adding a page is one view module with its descriptor, one
line in the router's ``PAGES`` and one strings module in ``app/i18n/``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from cxbench.app import i18n, state
from cxbench.app.queries import WarehouseFile

#: Draws a page's content for a warehouse that passed the page's check, in a language.
Render = Callable[[WarehouseFile, str], None]
#: Interface strings of one module: key -> language -> template.
Strings = Mapping[str, Mapping[str, str]]


@dataclass(frozen=True)
class Page:
    """One page of the app: everything the router needs to frame its content.

    ``url_keys`` maps the session-state keys the page shares through the URL to their
    query-parameter names (the language is the router's own and always included).
    ``tables`` are ``schema.table`` names the page reads beyond the core marts every
    page needs; a warehouse lacking one gets the "missing tables" hint instead of the
    page. ``strings`` is the page's module in ``app/i18n/``; it holds ``title_key``.
    """

    slug: str
    title_key: str
    icon: str
    render: Render
    strings: Strings
    tables: tuple[str, ...] = ()
    url_keys: Mapping[str, str] = field(default_factory=dict)
    analysts_only: bool = False

    def url_params(self) -> dict[str, str]:
        """Session key -> query parameter this page mirrors into the URL, language first."""
        return {**state.LANGUAGE_PARAM, **self.url_keys}


def url_params(pages: Iterable[Page]) -> dict[str, str]:
    """Every session key any page shares through the URL -> its query parameter.

    Raises ValueError when two pages give one key different parameters or one
    parameter to different keys: a shared link must mean one thing on every page.
    """
    params: dict[str, str] = {}
    for page in pages:
        for key, param in page.url_params().items():
            if params.setdefault(key, param) != param:
                raise ValueError(f"{page.slug}: key {key!r} is {params[key]!r} elsewhere")
    names = list(params.values())
    twice = sorted({name for name in names if names.count(name) > 1})
    if twice:
        raise ValueError(f"query parameters used for two keys: {twice}")
    return params


def strings(pages: Iterable[Page]) -> dict[str, dict[str, str]]:
    """The shared strings and every page's, merged; a key defined twice raises ValueError.

    Also refuses a page whose strings lack its own title, which would fail only when
    the menu is drawn.
    """
    pages = list(pages)
    for page in pages:
        if page.title_key not in page.strings:
            raise ValueError(f"{page.slug}: title {page.title_key!r} not in its strings")
    return i18n.merged(i18n.SHARED_STRINGS, *(page.strings for page in pages))
