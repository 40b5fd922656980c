"""The client report on the fixture warehouse: Beta Bank's client view, NL 2024, as a PDF and
a PowerPoint (``cxbench.app.report``), read back with pypdf and python-pptx.

Fixture facts used: Beta Bank (nl_beta) is third in the country and second in BANK in
NL 2024 behind Alfa Bank, the sector leader (CX index 7.85); NL 2023 is not published;
BANK is "Bankwezen" in Dutch and Personalisation "Personalisatie".
"""

from __future__ import annotations

import io
import re
import string
from pathlib import Path

import duckdb
import pandas as pd
import pypdfium2
import pytest
from fixture_access import add_publication_and_access
from pptx import Presentation
from pypdf import PdfReader

from cxbench.app import i18n, queries, report
from cxbench.app.i18n import report as report_strings
from cxbench.app.report import cells, content, sections
from cxbench.app.report.document import Table

CLIENT = "nl_beta"


@pytest.fixture
def key(warehouse: Path) -> queries.WarehouseFile:
    """The fixture as an analyst opens it: the report must still be Beta Bank's client view."""
    add_publication_and_access(warehouse)
    return queries.open_warehouse(queries.ANALYST, warehouse)


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def other_names(warehouse: Path, own: str) -> list[str]:
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        rows = connection.execute("select company_name from marts.dim_company").fetchall()
    return sorted({name for (name,) in rows if name != own})


def squeezed(text: str) -> str:
    """Text without whitespace: a name wrapped inside a table cell is still found."""
    return re.sub(r"\s+", "", text)


def test_dutch_pdf_is_the_client_view(key: queries.WarehouseFile, warehouse: Path) -> None:
    data = report.build(key, "cxbench", "NL", 2024, CLIENT, "nl")
    text = pdf_text(data)

    assert data.startswith(b"%PDF")
    assert "Beta Bank" in text
    assert "Sectorleider" in text  # Alfa Bank as the client portal names it
    for name in other_names(warehouse, "Beta Bank"):
        assert squeezed(name) not in squeezed(text), name
    assert "Bankwezen" in text  # the sector in Dutch
    assert "Personalisatie" in text  # pillars in Dutch
    assert "7,10" in text and "7,85" in text  # decimal commas: own and leader's CX index
    assert "3 van 3" in text  # rank in the country
    assert squeezed("Verschil (u − leider)") in squeezed(text)  # one sign convention, labelled


def test_gaps_to_close_are_significant_shortfalls_only(key: queries.WarehouseFile) -> None:
    gathered = content.gather(key, "cxbench", "NL", 2024, CLIENT, "en")
    composed = sections.compose(gathered)
    gaps = next(section for section in composed.sections if section.title == "Gaps to close")

    behind = set(gathered.gaps.loc[gathered.gaps["direction"] == "behind", "pillar_label"])
    listed = {row[1] for row in gaps.table.rows}
    assert listed == behind
    assert gathered.gaps["direction"].isin(["level"]).any()  # level pillars exist, not listed
    for row in gaps.table.rows:
        assert row[4].startswith("−")  # you − leader: negative when behind


def test_a_lead_is_never_a_gap_to_close() -> None:
    gaps = pd.DataFrame(
        {
            "pillar_id": ["a", "b", "c"],
            "sort_order": [1, 2, 3],
            "direction": ["behind", "ahead", "level"],
            "priority": [0.2, 0.3, 0.05],  # even were a lead or level pillar given one
        }
    )

    assert content.shortfalls(gaps)["pillar_id"].tolist() == ["a"]


def test_an_unpublished_wave_has_nothing_to_report(key: queries.WarehouseFile) -> None:
    with pytest.raises(report.NothingToReport):
        report.build(key, "cxbench", "NL", 2023, CLIENT, "nl")


def test_first_page_renders_with_ink(key: queries.WarehouseFile) -> None:
    data = report.build(key, "cxbench", "NL", 2024, CLIENT, "pl")
    page = pypdfium2.PdfDocument(data)[0].render(scale=0.5).to_pil().convert("L")
    dark = sum(1 for value in page.getdata() if value < 200)

    assert dark / (page.width * page.height) > 0.1  # the brand band and the cover text


def test_polish_letters_and_the_minus_sign_print(key: queries.WarehouseFile) -> None:
    text = pdf_text(report.build(key, "cxbench", "NL", 2024, CLIENT, "pl"))

    assert "Najważniejsze wyniki" in text
    assert squeezed("Różnica (wy − lider)") in squeezed(text)
    assert "−" in text  # a negative difference, with a true minus


def test_powerpoint_has_a_slide_per_section(key: queries.WarehouseFile, warehouse: Path) -> None:
    data = report.build(key, "cxbench", "NL", 2024, CLIENT, "nl", file_format="pptx")
    deck = Presentation(io.BytesIO(data))
    texts = []
    for slide in deck.slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                texts.append(shape.text_frame.text)
            if shape.has_table:
                texts.extend(cell.text for row in shape.table.rows for cell in row.cells)
    text = "\n".join(texts)

    assert len(deck.slides) == 7  # cover + six sections, as the PDF's pages
    assert "Beta Bank" in text and "Sectorleider" in text and "7,10" in text
    for name in other_names(warehouse, "Beta Bank"):
        assert name not in text


@pytest.mark.parametrize("key", sorted(report_strings.STRINGS))
def test_report_words_exist_in_every_language_with_the_same_placeholders(key: str) -> None:
    translations = report_strings.STRINGS[key]
    fields = {
        language: {name for _, name, _, _ in string.Formatter().parse(template) if name}
        for language, template in translations.items()
    }

    assert set(translations) == set(i18n.LANGUAGES)
    assert all(found == fields["en"] for found in fields.values()), fields


def test_intervals_rank_ranges_and_significance_print_when_the_marts_hold_them(
    warehouse: Path,
) -> None:
    """The report prints the CX index interval, the ranks it cannot be told apart from,
    and the marts' own year-on-year significance (set here on Beta Bank's 2024 rows;
    2023 published too, as a client sees a change only against a published wave)."""
    add_publication_and_access(warehouse, published=(("NL", 2023), ("NL", 2024)))
    added = {
        "fct_company_scores": (
            ("cx_index_ci_low", "double", 6.95),
            ("cx_index_ci_high", "double", 7.25),
            ("rank_in_sector_best", "integer", 1),
            ("rank_in_sector_worst", "integer", 2),
            ("previous_wave", "integer", 2023),
            ("previous_cx_index", "double", 7.30),
            ("cx_index_change", "double", -0.20),
            ("is_cx_index_change_significant", "boolean", False),
        ),
        "fct_company_pillar_scores": (
            ("previous_wave", "integer", 2023),
            ("previous_mean_score", "double", 6.5),
            ("mean_score_change", "double", 0.3),
            ("is_change_significant", "boolean", True),
        ),
    }
    with duckdb.connect(str(warehouse)) as connection:
        for table, columns in added.items():
            for column, sql_type, value in columns:
                connection.execute(
                    f"alter table marts.{table} add column if not exists {column} {sql_type}"
                )
                connection.execute(
                    f"update marts.{table} set {column} = ? "
                    "where company_id = ? and country = 'NL' and wave = 2024",
                    [value, CLIENT],
                )
    key = queries.open_warehouse(queries.ANALYST, warehouse)
    text = squeezed(pdf_text(report.build(key, "cxbench", "NL", 2024, CLIENT, "nl")))

    assert squeezed("7,10 (6,95–7,25)") in text
    assert squeezed("2 van 2 (niet te onderscheiden van posities 1–2)") in text
    assert squeezed("niet significant") in text  # the CX index's change
    assert squeezed("Personalisatie 6,50") in text and "gestegen" in text


#: Comparison rows for Beta Bank: the leader's from its gaps (with the marts' direction),
#: the sector average 0.15 below it on every pillar (ahead), the national 0.05 above (level).
COMPARISONS_SQL = """
insert into marts.fct_pillar_comparisons
    (study_id, company_id, country, wave, sector_code, pillar_id, comparator,
     comparator_company_id, mean_score, comparator_mean_score, difference, direction,
     is_significant, confidence_level, methodology_version)
select
    study_id, company_id, country, wave, sector_code, pillar_id, comparator,
    case when comparator = 'leader' then leader_company_id end,
    mean_score, leader_mean_score,
    case comparator when 'leader' then -gap_to_leader when 'sector' then 0.15 else -0.05 end,
    case comparator when 'leader' then direction when 'sector' then 'ahead' else 'level' end,
    comparator <> 'country', confidence_level, methodology_version
from marts.fct_leader_gaps, (values ('leader'), ('sector'), ('country')) as kinds (comparator)
where company_id = 'nl_beta' and country = 'NL' and wave = 2024
"""


def test_pillars_are_compared_with_leader_and_averages_with_directions(warehouse: Path) -> None:
    add_publication_and_access(warehouse)
    with duckdb.connect(str(warehouse)) as connection:
        connection.execute(
            "delete from marts.fct_pillar_comparisons "
            "where company_id = 'nl_beta' and country = 'NL' and wave = 2024"
        )
        connection.execute(COMPARISONS_SQL)
    key = queries.open_warehouse(queries.ANALYST, warehouse)
    gathered = content.gather(key, "cxbench", "NL", 2024, CLIENT, "nl")
    pillars = next(s for s in sections.compose(gathered).sections if s.table and s.images)

    assert pillars.table.header[3:] == [
        "Verschil (u − leider)",
        "Verschil (u − sectorgemiddelde)",
        "Verschil (u − landelijk gemiddelde)",
    ]
    personalisation = next(row for row in pillars.table.rows if row[0] == "Personalisatie")
    assert personalisation[3:] == ["−1,20 achter", "+0,15 voor", "−0,05 gelijk"]
    assert pillars.table.colour_of("−1,20 achter") == "#d95f02"
    assert pillars.table.colour_of("+0,15 voor") == "#1b9e77"
    assert pillars.table.colour_of("−0,05 gelijk") == "#999999"


def test_a_direction_of_two_words_is_coloured() -> None:
    table = Table(header=["x"], rows=[], colours=cells.direction_colours("pl"))

    assert table.colour_of("−1,20 w tyle") == "#d95f02"
    assert table.colour_of("+0,10 na równi") == "#999999"
    assert table.colour_of("Rozwiązywanie problemów") is None
