"""Drivers page against the fixture warehouse: importance with its interval and rank
range, and R² per country × wave."""

from __future__ import annotations

from pathlib import Path

import fixture_uncertainty
import pandas as pd
import pytest
from fixture_aggregates import EXPLAINED, IMPORTANCE, NOT_ESTIMATED_NOTE
from page_helpers import MakePage, chart_with, choose, metrics, run, table_with, texts
from warehouse_fixture import PILLARS

from cxbench.app import state
from cxbench.app.views import drivers


@pytest.fixture
def warehouse(warehouse: Path) -> Path:
    """The fixture warehouse with the importances' intervals (standard error 0.02)."""
    return fixture_uncertainty.fill(warehouse)


def test_importance_and_r2_equal_the_mart(warehouse: Path, make_page: MakePage) -> None:
    at = run(make_page("drivers"))

    nps_r2, loyalty_r2, cases = EXPLAINED[("NL", 2024)]
    assert metrics(at) == {
        "R² advocacy (NPS)": f"{nps_r2:.3f}",
        "R² loyalty": f"{loyalty_r2:.3f}",
        "Complete cases": f"{cases:,}",
    }
    shown = table_with(at, "importance", "importance_rank")
    assert shown["pillar_label"].tolist() == [pillar[3] for pillar in PILLARS]
    assert shown["importance"].tolist() == list(IMPORTANCE[("NL", 2024)])
    assert shown["importance_rank"].iloc[1] == 1  # integrity weighs most in the fixture
    bars = chart_with(at, "measure", "value")
    importance = bars[bars["measure"] == "Importance"]
    assert sorted(importance["value"]) == sorted(IMPORTANCE[("NL", 2024)])


def test_r2_is_listed_for_every_country_and_wave(warehouse: Path, make_page: MakePage) -> None:
    at = run(make_page("drivers"))

    variance = table_with(at, "nps_r2", "loyalty_r2", "country")
    rows = {
        (country, wave): (nps, loyalty)
        for country, wave, nps, loyalty in variance[
            ["country", "wave", "nps_r2", "loyalty_r2"]
        ].itertuples(index=False)
    }
    assert rows.keys() == EXPLAINED.keys()
    assert rows[("NL", 2023)] == EXPLAINED[("NL", 2023)][:2]


def test_changing_country_shows_why_importance_is_missing(
    warehouse: Path, make_page: MakePage
) -> None:
    at = run(make_page("drivers"))
    choose(at, state.COUNTRY, "PL")

    assert f"Importance could not be estimated: {NOT_ESTIMATED_NOTE}" in texts(at)
    assert table_with(at, "importance", "importance_rank")["importance"].isna().all()
    assert at.query_params["country"] == "PL"


def test_language_switch_translates_pillars_and_text(warehouse: Path, make_page: MakePage) -> None:
    at = run(make_page("drivers"))
    choose(at, state.LANGUAGE, "no")

    shown = table_with(at, "importance", "importance_rank")
    assert shown["pillar_label"].tolist() == [pillar[5] for pillar in PILLARS]
    assert at.title[0].value == "Drivere"
    assert "R² lojalitet" in metrics(at)


def test_importance_is_shown_with_its_interval_and_rank_range(
    warehouse: Path, make_page: MakePage
) -> None:
    at = run(make_page("drivers"))

    shown = table_with(at, "importance_text", "rank_range").set_index("pillar_id")
    assert shown.loc["integrity", "importance_text"] == "0.250 (0.211–0.289)"
    assert shown.loc["integrity", "importance_ci_low"] == pytest.approx(0.25 - 1.96 * 0.02)
    assert shown["rank_range"].to_dict() == {
        "personalisation": "1–4",
        "integrity": "1–3",
        "expectations": "3–6",
        "resolution": "1–5",
        "time_effort": "4–6",
        "empathy": "2–6",
    }
    assert (
        "Personalisation, Integrity and Resolution cannot be told apart: "
        "each of them may matter most." in texts(at)
    )
    dots = chart_with(at, "measure", "value", "ci_low", "ci_high")
    importance = dots[dots["measure"] == "Importance"].set_index("pillar_label")
    assert importance.loc["Integrity", "ci_high"] == pytest.approx(0.25 + 1.96 * 0.02)
    assert set(dots["measure"]) == {"Importance"}  # the shares are in the table


def test_a_pillar_clear_of_the_others_is_named_as_the_most_important() -> None:
    frame = pd.DataFrame(
        {
            "pillar_label": ["A", "B", "C"],
            "importance": [0.5, 0.3, 0.2],
            "importance_ci_low": [0.45, 0.25, 0.15],
            "importance_ci_high": [0.55, 0.35, 0.26],
            "importance_rank": [1, 2, 3],
            "nps_share": [0.5, 0.3, 0.2],
            "loyalty_share": [0.5, 0.3, 0.2],
        }
    )
    shown = drivers.readable(frame, "en")
    assert shown["rank_range"].tolist() == ["1", "2–3", "2–3"]
    assert drivers._top_sentence(shown, "en") == (
        "A matters most: its interval lies above every other pillar's."
    )


def test_dutch_reader_gets_decimal_commas(warehouse: Path, make_page: MakePage) -> None:
    at = make_page("drivers")
    at.query_params["lang"] = "nl"
    run(at)

    shown = table_with(at, "importance_text", "rank_range").set_index("pillar_id")
    assert shown.loc["integrity", "importance_text"] == "0,250 (0,211–0,289)"
    assert shown.loc["integrity", "nps_share_text"] == "0,250"
    assert metrics(at)["R² loyaliteit"] == "0,610"
    variance = table_with(at, "nps_r2_text", "country_text")
    assert "Nederland" in variance["country_text"].tolist()
