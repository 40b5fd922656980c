"""The report as the file formats see it: a cover and sections of text, tables and images.

Every number in them is already text in the reader's language; the PDF
(:mod:`cxbench.app.report.pdf`) and the PowerPoint (:mod:`cxbench.app.report.slides`) only lay
them out, so both say the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: Colours of the directions, the same as the app's (never used for anything else).
DIRECTION_COLOURS = {"behind": "#d95f02", "level": "#999999", "ahead": "#1b9e77"}


@dataclass(frozen=True)
class Table:
    """A table of text cells; ``highlight`` rows are the organisation's own (set in bold);
    ``colours`` maps a word to the colour of a cell that is or ends in it (the direction
    words: "achter", "−1,91 achter")."""

    header: list[str]
    rows: list[list[str]]
    highlight: frozenset[int] = frozenset()
    colours: dict[str, str] = field(default_factory=dict)

    def colour_of(self, cell: str) -> str | None:
        """The colour of the word ``cell`` is or ends in ("w tyle" is one word here)."""
        for word, colour in self.colours.items():
            if cell == word or cell.endswith(f" {word}"):
                return colour
        return None


@dataclass(frozen=True)
class Section:
    """One page of the PDF, one slide of the PowerPoint."""

    title: str
    paragraphs: list[str] = field(default_factory=list)
    table: Table | None = None
    images: list[bytes] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Cover:
    """The cover: who the report is for, where and when."""

    brand: str
    title: str
    organisation: str
    facts: list[tuple[str, str]]
    prepared_for: str


@dataclass(frozen=True)
class Report:
    """The whole report: its cover, its sections in order, the footer of every page."""

    cover: Cover
    sections: list[Section]
    footer: str
