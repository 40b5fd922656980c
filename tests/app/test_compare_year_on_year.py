"""Compare page, year on year and all measures: CX index, ranks, NPS/CSAT/CES and every
pillar against the previous wave with significance; the trend with intervals; the
outcome measures with their intervals next to the averages; a Dutch page in Dutch
numbers.

Expected values come from the fixture rows (``warehouse_fixture``: Alfa rose
significantly on every pillar from 2023 to 2024, Beta moved within the uncertainty).
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
from fixture_aggregates import aggregate
from fixture_company_marts import csat, pillar_change
from page_helpers import MakePage, chart_with, choose, metrics, run, table_with, texts
from streamlit.testing.v1 import AppTest
from warehouse_fixture import PILLAR_IDS, score_of

from cxbench.app import state


def compare_page(make_page: MakePage, organisation: str, language: str = "en") -> AppTest:
    """The Compare page of ``organisation`` in NL 2024, in ``language``."""
    at = run(make_page("compare"))
    if language != "en":
        choose(at, state.LANGUAGE, language)
    return choose(at, state.ORGANISATION, organisation)


def changes(at: AppTest) -> pd.DataFrame:
    """The year-on-year table, indexed by measure (cx_index, ranks, nps, …, pillar ids)."""
    return table_with(at, "previous_text", "change_text").set_index("measure")


def test_every_measure_and_pillar_is_compared_with_the_previous_wave(
    warehouse: Path, make_page: MakePage
) -> None:
    at = compare_page(make_page, "nl_alfa")

    alfa, before = score_of("nl_alfa"), score_of("nl_alfa", wave=2023)
    assert "Since 2023" in [item.value for item in at.subheader]
    shown = changes(at)
    assert list(shown.index) == [
        "cx_index", "rank_in_country", "rank_in_sector", "nps", "csat", "ces", *PILLAR_IDS
    ]  # fmt: skip
    assert shown.loc["cx_index", "previous"] == before.cx_index
    assert shown.loc["cx_index", "change_text"] == "+0.65 ▲ improved"
    assert shown.loc["rank_in_country", "change_text"] == "2 → 1"
    assert shown.loc["nps", "change_text"] == "+23.5 ▲ improved"
    # CSAT rose 6.5 points: within its interval, so no arrow
    assert shown.loc["csat", "change"] == csat(alfa) - csat(before)
    assert shown.loc["csat", "change_text"] == "+6.5 pts no significant change"
    for pillar_id in PILLAR_IDS:
        _, previous, change, _, significant = pillar_change(alfa, pillar_id)
        assert shown.loc[pillar_id, "previous"] == previous
        assert shown.loc[pillar_id, "change"] == change
        assert (significant, shown.loc[pillar_id, "direction"]) == (True, "ahead")
        assert "▲ improved" in shown.loc[pillar_id, "change_text"]
    plotted = chart_with(at, "mean_score_change", "low", "direction_label")
    assert set(plotted["direction_label"]) == {"▲ improved"}
    assert (plotted["low"] > 0).all()  # significant: the interval stays above zero


def test_without_a_comparable_previous_wave_no_change_is_shown(
    warehouse: Path, make_page: MakePage
) -> None:
    at = compare_page(make_page, "nl_gamma")  # not ranked: not a comparable mover

    assert "There is no comparable previous wave" in texts(at)
    assert not [frame for frame in at.dataframe if "previous_text" in frame.value.columns]
    assert metrics(at)["CX index"] == f"{score_of('nl_gamma').cx_index:.2f}"


def test_trend_of_the_index_carries_its_interval(warehouse: Path, make_page: MakePage) -> None:
    at = compare_page(make_page, "nl_beta")

    index = chart_with(at, "wave", "value", "series", "ci_low")
    beta = index[index["series"] == "Beta Bank"].sort_values("wave")
    assert (beta["ci_low"] < beta["value"]).all() and (beta["value"] < beta["ci_high"]).all()
    averages = index[index["series"] != "Beta Bank"]
    assert averages["ci_low"].isna().all()  # the marts hold no interval of the averages


def test_nps_csat_and_ces_are_shown_with_intervals_next_to_the_averages(
    warehouse: Path, make_page: MakePage
) -> None:
    at = compare_page(make_page, "nl_beta")

    beta = score_of("nl_beta")
    outcomes = table_with(at, "value_text", "sector_text").set_index("measure")
    assert outcomes.loc["nps", "value"] == beta.nps_score
    assert outcomes.loc["nps", "value_text"] == "−4.5 (−12.5–3.5)"
    assert outcomes.loc["nps", "sector_average"] == aggregate("NL", 2024, "BANK").mean(
        [row.nps_score for row in aggregate("NL", 2024, "BANK").ranked]
    )
    assert outcomes.loc["nps", "national_text"] == "13.0"  # (31.5 + 12.0 − 4.5) / 3
    assert outcomes.loc["csat", "value_text"] == "66.0% (60.0%–72.0%)"
    assert outcomes.loc["csat", "sector_text"] == "—"  # the marts hold no CSAT average
    assert {"NPS", "CSAT (top-2 box)", "CES (top-3 box)"} <= set(metrics(at))


def test_dutch_page_writes_decimal_commas_everywhere(warehouse: Path, make_page: MakePage) -> None:
    at = compare_page(make_page, "nl_beta", language="nl")

    shown = metrics(at)
    assert shown["CX-index"] == "7,10"
    assert shown["Verschil (u − leider)"] == "−0,75"
    assert shown["Positie in land (van 3)"] == "3 (2–3)"
    scores = table_with(at, "s0_mean", "s0_text")
    beta = score_of("nl_beta")
    mean, low, high = beta.pillar("personalisation")
    assert scores["s0_text"].iloc[0] == f"{mean:.2f} ({low:.2f}–{high:.2f})".replace(".", ",")
    assert changes(at).loc["cx_index", "change_text"] == "−0,20 geen significante verandering"
    texts_shown = [
        *scores["s0_text"],
        *table_with(at, "leader_text", "sector_text", "country_text")["sector_text"],
        *changes(at)["change_text"],
        *changes(at)["current_text"],
    ]
    assert texts_shown and not [text for text in texts_shown if re.search(r"\d\.\d", text)]
    assert "Sinds 2023" in [item.value for item in at.subheader]
    # sector and country names in Dutch too
    assert at.subheader[0].value == "Beta Bank vs. sectorleider — Bankwezen, Nederland 2024"
