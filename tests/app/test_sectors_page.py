"""Sectors page against the fixture warehouse: averages, spread, suppression, profiles."""

from __future__ import annotations

from pathlib import Path
from statistics import median

import pandas as pd
from fixture_aggregates import aggregate
from page_helpers import MakePage, chart_with, choose, run, table_with, texts
from streamlit.testing.v1 import AppTest
from warehouse_fixture import PILLAR_IDS

from cxbench.app import state


def sectors_table(at: AppTest) -> pd.DataFrame:
    return table_with(at, "sector_name", "status", "avg_cx_index").set_index("sector_code")


def test_sector_table_shows_averages_spread_and_suppression(
    warehouse: Path, make_page: MakePage
) -> None:
    at = run(make_page("sectors"))

    shown = sectors_table(at)
    bank, telecom = aggregate("NL", 2024, "BANK"), aggregate("NL", 2024, "TEL")
    assert shown.loc["BANK", "avg_cx_index"] == bank.avg_cx_index
    assert shown.loc["BANK", "revenue_weighted_cx_index"] == bank.revenue_weighted_cx_index
    ranked = [row.cx_index for row in bank.ranked]
    assert shown.loc["BANK", ["min_cx_index", "median_cx_index", "max_cx_index"]].tolist() == [
        min(ranked),
        median(ranked),
        max(ranked),
    ]
    assert shown.loc["BANK", "status"] == "shown"
    assert shown.loc["TEL", "status"] == f"suppressed: {telecom.suppression_reason}"
    assert shown.loc["TEL", ["avg_cx_index", "min_cx_index", "max_cx_index"]].isna().all()
    spread = chart_with(at, "sector_name", "p25_cx_index")
    assert spread["sector_name"].tolist() == ["Banking"]


def test_choosing_a_sector_changes_its_pillar_profile(warehouse: Path, make_page: MakePage) -> None:
    at = run(make_page("sectors"))
    assert at.selectbox(key=state.SECTORS_SECTOR).value == "BANK"

    profile = chart_with(at, "series", "is_gap_significant")
    banking = profile[profile["series"] == "Banking"]
    bank = aggregate("NL", 2024, "BANK")
    assert banking["mean_score"].tolist() == [bank.pillar_average(p) for p in PILLAR_IDS]
    assert at.query_params["profile"] == "BANK"

    choose(at, state.SECTORS_SECTOR, "TEL")
    reason = aggregate("NL", 2024, "TEL").suppression_reason
    assert f"The sector average of Telecom is suppressed: {reason}." in texts(at)
    profile = chart_with(at, "series", "is_gap_significant")
    assert set(profile["series"]) == {"National average"}
    assert at.query_params["profile"] == "TEL"


def test_wave_choice_changes_the_table(warehouse: Path, make_page: MakePage) -> None:
    at = run(make_page("sectors"))
    choose(at, state.WAVE, 2023)

    shown = sectors_table(at)
    assert list(shown.index) == ["BANK", "TEL"]  # shown first, then suppressed
    assert shown.loc["BANK", "avg_cx_index"] == aggregate("NL", 2023, "BANK").avg_cx_index
    reason = aggregate("NL", 2023, "TEL").suppression_reason
    assert shown.loc["TEL", "status"] == f"suppressed: {reason}"
