"""The frame and the Sectors, Maturity, Methodology and Quality pages in Dutch and Polish:
decimal commas, sector and country names in the reader's language, a dash for what is
missing, and never "None" or "nan" anywhere a reader looks."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fixture_aggregates import aggregate
from maturity_fixture import add_maturity, score
from page_helpers import MakePage, choose, metrics, run
from streamlit.testing.v1 import AppTest

from cxbench.app import formatting, state

#: A number written with a decimal point (an English habit; a version "0.3.0" is not
#: one) or a decimal comma.
DECIMAL_POINT = re.compile(r"(?<![\d.])\d+\.\d+(?![\d.])")
DECIMAL_COMMA = re.compile(r"\b\d+,\d+\b")
#: What a missing value must never show as.
LEAKED_MISSING = re.compile(r"\b(None|nan|NaN|NaT|<NA>)\b")
#: Columns of the analysts' Data quality page that quote evidence as the checks wrote it
#: (Great Expectations' English summary, the offending rows as JSON): quoted, not
#: numbers of ours to format.
QUOTED_EVIDENCE = {"observed_value", "unexpected_examples"}


def shown_tables(at: AppTest) -> list[list[str]]:
    """Every cell a reader sees: the shown columns of each table, as text, column by column."""
    cells = []
    for table in at.dataframe:
        frame = table.value
        order = list(table.proto.column_order) or list(frame.columns)
        cells += [
            [str(value) for value in frame[column]]
            for column in order
            if column not in QUOTED_EVIDENCE
        ]
    return cells


def shown_text(at: AppTest) -> str:
    """All a reader sees: headings, texts, metrics, selector options and shown table cells."""
    parts = [element.value for element in [*at.title, *at.subheader, *at.markdown, *at.caption]]
    parts += [element.value for element in [*at.info, *at.warning, *at.success]]
    parts += [f"{metric.label}: {metric.value}" for metric in at.metric]
    parts += [option for box in at.selectbox for option in box.options]
    parts += ["\n".join(column) for column in shown_tables(at)]
    return "\n".join(parts)


def opened(make_page: MakePage, slug: str, language: str) -> AppTest:
    at = make_page(slug)
    at.query_params["lang"] = language
    return run(at)


@pytest.mark.parametrize("slug", ["sectors", "maturity", "methodology", "quality"])
@pytest.mark.parametrize("language", ["nl", "pl"])
def test_no_page_shows_none_or_nan(
    warehouse: Path, make_page: MakePage, slug: str, language: str
) -> None:
    add_maturity(warehouse)
    at = opened(make_page, slug, language)

    text = shown_text(at)
    assert not LEAKED_MISSING.search(text), LEAKED_MISSING.search(text)
    assert not DECIMAL_POINT.search(text), DECIMAL_POINT.search(text)


def test_sectors_in_dutch(warehouse: Path, make_page: MakePage) -> None:
    at = opened(make_page, "sectors", "nl")

    assert at.selectbox(key=state.COUNTRY).options == ["Nederland", "Polen"]
    assert at.selectbox(key=state.SECTORS_SECTOR).options == ["Bankwezen", "Telecommunicatie"]
    assert at.subheader[0].value.startswith("Sectoren in Nederland 2024")
    table = at.dataframe[0].value.set_index("sector_code")
    bank = aggregate("NL", 2024, "BANK")
    assert table.loc["BANK", "sector_name"] == "Bankwezen"
    assert table.loc["BANK", "average_text"] == formatting.decimal(bank.avg_cx_index, "nl")
    assert "," in table.loc["BANK", "average_text"]
    assert table.loc["BANK", "avg_cx_index"] == bank.avg_cx_index  # the mart's value kept
    assert table.loc["TEL", "average_text"] == "—"  # suppressed
    assert DECIMAL_COMMA.search(table.loc["BANK", "spread_text"])
    assert "Pijlerprofiel: Bankwezen" in at.subheader[1].value


def test_a_sector_without_a_translation_keeps_its_english_name(
    warehouse: Path, make_page: MakePage
) -> None:
    at = opened(make_page, "sectors", "no")
    assert at.selectbox(key=state.SECTORS_SECTOR).options == ["Banking", "Telekommunikasjon"]
    assert at.selectbox(key=state.COUNTRY).options == ["Nederland", "Polen"]


def test_maturity_in_polish(warehouse: Path, make_page: MakePage) -> None:
    add_maturity(warehouse)
    at = opened(make_page, "maturity", "pl")
    at = choose(at, state.MATURITY_ORGANISATION, "nl_beta")

    assert "Bankowość, Holandia 2024" in at.subheader[0].value
    overall = metrics(at)["Wynik ogólny (1–5)"]
    assert DECIMAL_COMMA.fullmatch(overall)
    profile = [table for table in at.dataframe if "score_text" in table.value.columns]
    (first,) = profile
    first_item = first.value.iloc[0]
    expected = formatting.decimal(score("nl_beta", first_item["item_id"]), "pl")
    assert first_item["score_text"].startswith(f"{expected} ± ")
    assert "," in expected


def test_methodology_in_dutch_writes_shares_and_countries_the_dutch_way(
    warehouse: Path, make_page: MakePage
) -> None:
    at = opened(make_page, "methodology", "nl")

    text = "\n".join(element.value for element in at.markdown)
    assert "95%" in text
    coverage = next(t.value for t in at.dataframe if "country_text" in t.value.columns)
    assert set(coverage["country_text"]) == {"Nederland", "Polen"}


def test_quality_in_polish(warehouse: Path, make_page: MakePage) -> None:
    at = opened(make_page, "quality", "pl")

    batches = next(t.value for t in at.dataframe if "rows_text" in t.value.columns)
    first = batches.iloc[0]
    assert first["rows_text"] == (
        f"{first['rows_in']} = {first['rows_loaded']} + {first['rows_rejected']}"
    )
    assert first["file_text"] == Path(first["source_path"]).name
