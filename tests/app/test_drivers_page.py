"""Drivers page against the fixture warehouse: importance and R² per country × wave."""

from __future__ import annotations

from pathlib import Path

from fixture_aggregates import EXPLAINED, IMPORTANCE, NOT_ESTIMATED_NOTE
from page_helpers import MakePage, chart_with, choose, metrics, run, table_with, texts
from warehouse_fixture import PILLARS

from app import state


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
