"""The report as a 16:9 PowerPoint (python-pptx): a cover slide, then one slide per section.

The same :class:`~cxbench.app.report.sections.Report` as the PDF, so a slide says what its page
says: title, the chart(s) on the left, the table on the right, notes underneath. Text
is left to the viewer's fonts (PowerPoint embeds none); every letter of the four
languages is in the common ones.
"""

from __future__ import annotations

import io

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.slide import Slide
from pptx.table import _Cell
from pptx.util import Emu, Inches, Pt

from cxbench.app.report.document import Cover, Report, Section, Table

BRAND = RGBColor(0x1F, 0x4E, 0x79)
GREY = RGBColor(0x6E, 0x6E, 0x6E)
HIGHLIGHT = RGBColor(0xDE, 0xEB, 0xF7)
WHITE = RGBColor(0xFF, 0xFF, 0xFF)
WIDTH, HEIGHT = Inches(13.333), Inches(7.5)
MARGIN = Inches(0.5)


def render(report: Report, page_word: str) -> bytes:
    """The PowerPoint of ``report``; ``page_word`` is e.g. ``"Pagina {page}"``."""
    deck = Presentation()
    deck.slide_width, deck.slide_height = WIDTH, HEIGHT
    blank = deck.slide_layouts[6]
    _cover(deck.slides.add_slide(blank), report.cover)
    for number, section in enumerate(report.sections, start=2):
        slide = deck.slides.add_slide(blank)
        _section(slide, section)
        _text(
            slide,
            f"{report.footer}  ·  {page_word.format(page=number)}",
            MARGIN,
            HEIGHT - Inches(0.45),
            WIDTH - 2 * MARGIN,
            Inches(0.3),
            size=9,
            colour=GREY,
        )
    stream = io.BytesIO()
    deck.save(stream)
    return stream.getvalue()


def _text(
    slide: Slide,
    text: str,
    left: int,
    top: int,
    width: int,
    height: int,
    size: float,
    colour: RGBColor | None = None,
    bold: bool = False,
) -> None:
    box = slide.shapes.add_textbox(left, top, width, height)
    frame = box.text_frame
    frame.word_wrap = True
    paragraph = frame.paragraphs[0]
    run = paragraph.add_run()
    run.text = text
    run.font.size = Pt(size)
    run.font.bold = bold
    if colour is not None:
        run.font.color.rgb = colour


def _band(slide: Slide, height: int) -> None:
    band = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, 0, 0, WIDTH, height)
    band.fill.solid()
    band.fill.fore_color.rgb = BRAND
    band.line.fill.background()


def _cover(slide: Slide, cover: Cover) -> None:
    _band(slide, Inches(3.6))
    inner = WIDTH - 2 * MARGIN
    _text(slide, cover.brand, MARGIN, Inches(0.6), inner, Inches(0.5), 16, WHITE, bold=True)
    _text(slide, cover.title, MARGIN, Inches(1.4), inner, Inches(0.9), 36, WHITE, bold=True)
    _text(slide, cover.organisation, MARGIN, Inches(2.3), inner, Inches(0.8), 28, WHITE)
    top = Inches(3.8)
    for label, value in cover.facts:
        _text(slide, label, MARGIN, top, Inches(3.0), Inches(0.45), 16, GREY)
        _text(slide, value, MARGIN + Inches(3.0), top, Inches(9), Inches(0.45), 16, bold=True)
        top += Inches(0.45)
    _text(slide, cover.prepared_for, MARGIN, Inches(6.7), inner, Inches(0.4), 11, GREY)


def _section(slide: Slide, section: Section) -> None:
    _band(slide, Inches(0.15))
    inner = WIDTH - 2 * MARGIN
    _text(slide, section.title, MARGIN, Inches(0.3), inner, Inches(0.7), 26, BRAND, bold=True)
    top = Inches(1.05)
    if section.paragraphs:
        _text(slide, " ".join(section.paragraphs), MARGIN, top, inner, Inches(0.9), 13)
        top += Inches(0.9)
    bottom = HEIGHT - Inches(0.6) - (Inches(0.6) if section.notes else 0)
    space = bottom - top
    table_left = MARGIN
    if section.images:
        # a wide table (the pillars against three comparators) gets more of the slide
        share = 0.55 if section.table is None or len(section.table.header) <= 4 else 0.42
        image_width = inner * share if section.table is not None else inner
        _images(slide, section.images, MARGIN, top, int(image_width), int(space))
        table_left = MARGIN + int(image_width) + Inches(0.2)
    if section.table is not None:
        _table(slide, section.table, table_left, top, WIDTH - MARGIN - table_left, space)
    if section.notes:
        _text(slide, " ".join(section.notes), MARGIN, bottom, inner, Inches(0.6), 10, GREY)


def _images(
    slide: Slide, images: list[bytes], left: int, top: int, width: int, height: int
) -> None:
    """Charts side by side in the box, each as large as fits with its aspect ratio."""
    from PIL import Image

    each = width // len(images)
    for position, image in enumerate(images):
        pixels_wide, pixels_high = Image.open(io.BytesIO(image)).size
        scale = min(each / pixels_wide, height / pixels_high)
        slide.shapes.add_picture(
            io.BytesIO(image),
            left + position * each,
            top,
            Emu(int(pixels_wide * scale)),
            Emu(int(pixels_high * scale)),
        )


def _table(slide: Slide, table: Table, left: int, top: int, width: int, height: int) -> None:
    rows, columns = len(table.rows) + 1, len(table.header)
    row_height = min(Inches(0.4), height // rows)
    shape = slide.shapes.add_table(rows, columns, left, top, width, row_height * rows)
    grid = shape.table
    size = 12 if rows <= 9 and columns <= 5 else 10
    for column, text in enumerate(table.header):
        _cell(grid.cell(0, column), text, size, WHITE, BRAND, bold=True)
    for row, cells in enumerate(table.rows, start=1):
        own = (row - 1) in table.highlight
        for column, text in enumerate(cells):
            colour = table.colour_of(text)
            _cell(
                grid.cell(row, column),
                text,
                size,
                RGBColor.from_string(colour.lstrip("#")) if colour else None,
                HIGHLIGHT if own else WHITE,
                bold=own or colour is not None,
            )


def _cell(
    cell: _Cell, text: str, size: float, colour: RGBColor | None, fill: RGBColor, bold: bool = False
) -> None:
    cell.fill.solid()
    cell.fill.fore_color.rgb = fill
    cell.margin_left = cell.margin_right = Inches(0.05)
    frame = cell.text_frame
    frame.word_wrap = True
    run = frame.paragraphs[0].add_run()
    run.text = text
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.color.rgb = colour if colour is not None else RGBColor(0, 0, 0)
