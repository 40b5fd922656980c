"""The report as a branded A4 PDF (fpdf2): a cover, then one page per section.

Text is set in DejaVu Sans, shipped in ``app/report/fonts/`` with its licence, so every
letter of the four languages prints (ł, ø, ë, the minus sign "−") on any machine.
"""

from __future__ import annotations

import io
from pathlib import Path

from fpdf import FPDF
from fpdf.fonts import FontFace

from cxbench.app.report.document import Cover, Report, Section, Table

FONTS = Path(__file__).parent / "fonts"
#: The brand colour: the organisation's colour on every chart of the app.
BRAND = (31, 78, 121)
GREY = (110, 110, 110)
HIGHLIGHT = (222, 235, 247)
FAMILY = "DejaVu"
#: Printable width of an A4 page between the 15 mm margins.
WIDTH = 180.0


def _rgb(colour: str) -> tuple[int, int, int]:
    value = colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


class _Document(FPDF):
    """A4 with the brand band on top and the footer line on every page but the cover."""

    def __init__(self, footer_text: str, page_word: str) -> None:
        super().__init__(orientation="portrait", unit="mm", format="A4")
        self.footer_text = footer_text
        self.page_word = page_word
        self.add_font(FAMILY, "", str(FONTS / "DejaVuSans.ttf"))
        self.add_font(FAMILY, "B", str(FONTS / "DejaVuSans-Bold.ttf"))
        self.set_margins(15, 20, 15)
        self.set_auto_page_break(auto=True, margin=18)

    def header(self) -> None:
        if self.page_no() == 1:
            return
        self.set_fill_color(*BRAND)
        self.rect(0, 0, 210, 8, style="F")
        self.set_y(12)

    def footer(self) -> None:
        if self.page_no() == 1:
            return
        self.set_y(-12)
        self.set_font(FAMILY, "", 8)
        self.set_text_color(*GREY)
        self.cell(WIDTH / 2, 5, self.footer_text)
        self.cell(WIDTH / 2, 5, self.page_word.format(page=self.page_no()), align="R")
        self.set_text_color(0, 0, 0)


def render(report: Report, page_word: str) -> bytes:
    """The PDF of ``report``; ``page_word`` is e.g. ``"Pagina {page}"``."""
    document = _Document(report.footer, page_word)
    document.set_title(f"{report.cover.title} — {report.cover.organisation}")
    document.set_author("cxbench")
    document.set_creator("cxbench report")
    _cover(document, report.cover)
    for section in report.sections:
        _section(document, section)
    return bytes(document.output())


def _cover(document: _Document, cover: Cover) -> None:
    document.add_page()
    document.set_fill_color(*BRAND)
    document.rect(0, 0, 210, 95, style="F")
    document.set_text_color(255, 255, 255)
    document.set_xy(15, 22)
    document.set_font(FAMILY, "B", 12)
    document.cell(WIDTH, 8, cover.brand, new_x="LMARGIN", new_y="NEXT")
    document.set_y(42)
    document.set_font(FAMILY, "B", 26)
    document.multi_cell(WIDTH, 12, cover.title, new_x="LMARGIN", new_y="NEXT")
    document.set_font(FAMILY, "", 20)
    document.multi_cell(WIDTH, 11, cover.organisation, new_x="LMARGIN", new_y="NEXT")
    document.set_text_color(0, 0, 0)
    document.set_y(110)
    for label, value in cover.facts:
        document.set_font(FAMILY, "", 12)
        document.set_text_color(*GREY)
        document.cell(55, 9, label)
        document.set_text_color(0, 0, 0)
        document.set_font(FAMILY, "B", 12)
        document.multi_cell(WIDTH - 55, 9, value, new_x="LMARGIN", new_y="NEXT")
    document.set_y(250)
    document.set_font(FAMILY, "", 9)
    document.set_text_color(*GREY)
    document.multi_cell(WIDTH, 5, cover.prepared_for, new_x="LMARGIN", new_y="NEXT")
    document.set_text_color(0, 0, 0)


def _estimated_height(section: Section) -> float:
    """Millimetres ``section`` takes (roughly: text at ~95 characters a line), so a short
    section follows the previous one on its page instead of leaving half a page empty."""
    from PIL import Image

    height = 13.0
    for paragraph in section.paragraphs:
        height += (len(paragraph) // 95 + 1) * 5.5 + 2
    if section.images:
        width = WIDTH if len(section.images) == 1 else (WIDTH - 6) / len(section.images)
        sizes = [Image.open(io.BytesIO(image)).size for image in section.images]
        height += max(width * high / wide for wide, high in sizes) + 4
    if section.table is not None:
        height += (len(section.table.rows) + 2) * 5.5
    height += sum((len(note) // 120 + 1) * 4.5 for note in section.notes) + 2
    return height


def _section(document: _Document, section: Section) -> None:
    room = document.page_break_trigger - document.get_y()
    if document.page_no() == 1 or _estimated_height(section) + 10 > room:
        document.add_page()
    else:
        document.ln(10)
    document.set_font(FAMILY, "B", 16)
    document.set_text_color(*BRAND)
    document.multi_cell(WIDTH, 9, section.title, new_x="LMARGIN", new_y="NEXT")
    document.set_text_color(0, 0, 0)
    document.ln(2)
    document.set_font(FAMILY, "", 10)
    for paragraph in section.paragraphs:
        document.multi_cell(WIDTH, 5.5, paragraph, new_x="LMARGIN", new_y="NEXT")
        document.ln(2)
    _images(document, section.images)
    if section.table is not None:
        _table(document, section.table)
    if section.notes:
        document.ln(2)
        document.set_font(FAMILY, "", 8.5)
        document.set_text_color(*GREY)
        for note in section.notes:
            document.multi_cell(WIDTH, 4.5, note, new_x="LMARGIN", new_y="NEXT")
        document.set_text_color(0, 0, 0)


def _images(document: _Document, images: list[bytes]) -> None:
    """One chart across the page, or two side by side."""
    if not images:
        return
    width = WIDTH if len(images) == 1 else (WIDTH - 6) / len(images)
    top, bottom = document.get_y(), document.get_y()
    for position, image in enumerate(images):
        placed = document.image(
            io.BytesIO(image), x=15 + position * (width + 6), y=top, w=width, keep_aspect_ratio=True
        )
        bottom = max(bottom, top + placed.rendered_height)
    document.set_y(bottom + 4)


def column_widths(table: Table) -> tuple[float, ...]:
    """Relative widths: each column as wide as its longest cell or header word, so numbers
    stay on one line and long headers wrap between words."""
    widths = []
    for position, header in enumerate(table.header):
        cells = [row[position] for row in table.rows]
        longest = max([len(cell) for cell in cells] + [len(word) for word in header.split()])
        widths.append(float(max(longest, 2) + 2))
    return tuple(widths)


def _table(document: _Document, table: Table) -> None:
    document.set_font(FAMILY, "", 9)
    heading = FontFace(emphasis="BOLD", color=(255, 255, 255), fill_color=BRAND)
    with document.table(
        col_widths=column_widths(table),
        headings_style=heading,
        line_height=5.5,
        width=WIDTH,
        borders_layout="HORIZONTAL_LINES",
        text_align="LEFT",
    ) as grid:
        header = grid.row()
        for cell in table.header:
            header.cell(cell)
        for position, cells in enumerate(table.rows):
            own = position in table.highlight
            row = grid.row()
            for cell in cells:
                colour = table.colour_of(cell)
                style = FontFace(
                    emphasis="BOLD" if own or colour else None,
                    color=_rgb(colour) if colour else None,
                    fill_color=HIGHLIGHT if own else (255, 255, 255),
                )
                row.cell(cell, style=style)
