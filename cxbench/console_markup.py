"""Console output that prints every message literally: only our own style tags are markup.

Rich reads ``[...]`` in any printed string as markup: an error quoting a mapping
(``scale: must be [low, high]``) lost its brackets, and a path such as
``[/data]`` in a message crashed the CLI with a markup error. Escaping each
call site would leave the next one open, so the console itself parses strings
with :func:`literal_markup`: a tag is a style only when it names one
(``[red]``, ``[bold green]``, ``[/]``) and closes one that is open; anything
else in brackets is text, printed as written. Emoji codes (``:smile:``) are text
too. Backslash escapes work as in Rich (``rich.markup.escape`` output prints
the same).
"""

from __future__ import annotations

import re
from typing import Any

from rich.console import Console
from rich.errors import MissingStyle, StyleSyntaxError
from rich.style import Style
from rich.text import Text

#: ``(backslashes)[tag]``: Rich's own tag syntax, so its escapes keep their meaning.
TAG = re.compile(r"(\\*)\[([^\[\]\n]*)\]")
#: What a style tag may look like; "[low, high]" or "[/data]" cannot be one.
STYLE_NAME = re.compile(r"[a-z][a-z0-9_. ]*")


def literal_markup(console: Console, text: str, style: str | Style = "") -> Text:
    """``text`` as a :class:`Text`, styled by the tags that name a style, the rest verbatim."""
    result = Text(style=style)
    open_styles: list[tuple[str, int]] = []
    position = 0
    for match in TAG.finditer(text):
        result.append(text[position : match.start()])
        position = match.end()
        backslashes, tag = match.group(1), match.group(2)
        result.append("\\" * (len(backslashes) // 2))
        if len(backslashes) % 2 or not _apply_tag(console, tag, result, open_styles):
            result.append(f"[{tag}]")
    result.append(text[position:])
    for name, start in reversed(open_styles):
        result.stylize(name, start, len(result))
    return result


def _apply_tag(
    console: Console, tag: str, result: Text, open_styles: list[tuple[str, int]]
) -> bool:
    """Open or close a style for ``tag``; False when the tag is text, not a style."""
    if tag.startswith("/"):
        name = tag[1:].strip()
        if not open_styles or (name and name != open_styles[-1][0]):
            return False
        opened, start = open_styles.pop()
        result.stylize(opened, start, len(result))
        return True
    if not STYLE_NAME.fullmatch(tag) or not _is_style(console, tag):
        return False
    open_styles.append((tag, len(result)))
    return True


def _is_style(console: Console, name: str) -> bool:
    try:
        console.get_style(name)
    except (MissingStyle, StyleSyntaxError):
        return False
    return True


class LiteralConsole(Console):
    """A Rich console whose strings go through :func:`literal_markup`, never Rich markup."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("emoji", False)
        super().__init__(**kwargs)

    def render_str(self, text: str, *, style: str | Style = "", **kwargs: Any) -> Text:
        markup = kwargs.pop("markup", None)
        if markup is False or (markup is None and not self._markup):
            return super().render_str(text, style=style, markup=False, **kwargs)
        rendered = literal_markup(self, text, style)
        rendered.justify = kwargs.get("justify")
        rendered.overflow = kwargs.get("overflow")
        return self._highlighted(rendered, kwargs.get("highlight"), kwargs.get("highlighter"))

    def _highlighted(self, rendered: Text, highlight: bool | None, highlighter: Any) -> Text:
        enabled = highlight or (highlight is None and self._highlight)
        chosen = (highlighter or self.highlighter) if enabled else None
        if chosen is None:
            return rendered
        highlighted = chosen(str(rendered))
        highlighted.copy_styles(rendered)
        return highlighted

    def status(self, status: Any, *args: Any, **kwargs: Any) -> Any:
        """A spinner whose text is literal too (Rich's spinner parses markup itself)."""
        if isinstance(status, str):
            status = literal_markup(self, status)
        return super().status(status, *args, **kwargs)
