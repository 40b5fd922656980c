"""Compare page, against the averages: intervals, suppression, significance, priorities, trend.

Expected values come from the fixture (``fixture_aggregates`` holds the sector and
national averages, ``fixture_comparisons`` the leader gaps the marts were written with).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from fixture_aggregates import aggregate
from fixture_comparisons import gaps_of
from page_helpers import MakePage, chart_with, choose, run, table_with, texts
from streamlit.testing.v1 import AppTest
from warehouse_fixture import PILLAR_IDS, PILLARS, score_of

from cxbench.app import state

#: English pillar label by pillar id, as the fixture's dim_pillar holds it.
LABELS = {pillar[0]: pillar[3] for pillar in PILLARS}


def comparison_chart(at: AppTest) -> pd.DataFrame:
    """The rows behind the pillar comparison chart."""
    return chart_with(at, "series", "mean_score", "is_gap_significant")


def test_sector_and_national_averages_are_shown_with_intervals(
    warehouse: Path, make_page: MakePage
) -> None:
    at = run(make_page("compare"))
    choose(at, state.ORGANISATION, "nl_beta")

    bank, nl = aggregate("NL", 2024, "BANK"), aggregate("NL", 2024)
    shown = table_with(at, "sector_mean", "country_mean")
    assert shown["sector_mean"].tolist() == [bank.pillar_average(p) for p in PILLAR_IDS]
    assert shown["country_mean"].tolist() == [nl.pillar_average(p) for p in PILLAR_IDS]
    plotted = comparison_chart(at)
    sector_rows = plotted[plotted["series"] == "Sector average"]
    assert sector_rows["mean_score"].tolist() == [bank.pillar_average(p) for p in PILLAR_IDS]
    half_widths = (sector_rows["ci_high"] - sector_rows["mean_score"]).tolist()
    assert half_widths == pytest.approx([bank.pillar_half_width(p) for p in PILLAR_IDS], abs=1e-3)
    national_rows = plotted[plotted["series"] == "National average"]
    assert (national_rows["ci_low"] < national_rows["mean_score"]).all()


def test_suppressed_sector_average_is_said_with_its_reason(
    warehouse: Path, make_page: MakePage
) -> None:
    at = run(make_page("compare"))
    choose(at, state.ORGANISATION, "nl_delta")

    reason = aggregate("NL", 2024, "TEL").suppression_reason
    assert reason is not None
    assert f"The sector average of Telecom is suppressed: {reason}." in texts(at)
    assert table_with(at, "sector_mean")["sector_mean"].isna().all()
    assert "Sector average" not in set(comparison_chart(at)["series"])
    assert "National average" in set(comparison_chart(at)["series"])


def test_significant_gaps_are_marked_in_chart_and_table(
    warehouse: Path, make_page: MakePage
) -> None:
    at = run(make_page("compare"))
    choose(at, state.ORGANISATION, "nl_beta")

    expected = {gap.pillar_id: gap.is_significant for gap, _ in gaps_of("nl_beta")}
    assert set(expected.values()) == {True, False}  # the fixture has both kinds
    plotted = comparison_chart(at)
    beta = plotted[plotted["series"] == "Beta Bank"].set_index("pillar_label")
    assert beta["is_gap_significant"].to_dict() == {
        LABELS[pillar_id]: significant for pillar_id, significant in expected.items()
    }
    assert not plotted.loc[plotted["series"] != "Beta Bank", "is_gap_significant"].any()
    shown = table_with(at, "sector_mean", "is_gap_significant")
    assert shown["is_gap_significant"].tolist() == [expected[p] for p in PILLAR_IDS]


def test_priority_list_ranks_gap_times_importance(warehouse: Path, make_page: MakePage) -> None:
    at = run(make_page("compare"))
    choose(at, state.ORGANISATION, "nl_beta")

    priorities = table_with(at, "priority_rank", "priority")
    expected = [(gap, rank) for gap, rank in gaps_of("nl_beta") if rank is not None]
    assert len(expected) == 4  # integrity and resolution are level with the leader
    assert priorities["pillar_label"].tolist() == [LABELS[gap.pillar_id] for gap, _ in expected]
    assert priorities["priority"].tolist() == [gap.priority for gap, _ in expected]
    assert priorities["priority_rank"].tolist() == [rank for _, rank in expected]
    assert priorities["priority_text"].iloc[0] == (
        f"{expected[0][0].priority:.3f} ({expected[0][0].priority_interval[0]:.3f}–"
        f"{expected[0][0].priority_interval[1]:.3f})"
    )
    bars = chart_with(at, "priority", "priority_ci_low")
    assert sorted(bars["priority"]) == sorted(gap.priority for gap, _ in expected)
    assert "Not listed: 2 level with the leader, 0 ahead of it." in texts(at)

    choose(at, state.ORGANISATION, "nl_gamma")
    assert table_with(at, "priority_rank", "priority")["priority"].tolist() == [
        gap.priority for gap, rank in gaps_of("nl_gamma") if rank is not None
    ]


def test_leader_gets_no_priority_list(warehouse: Path, make_page: MakePage) -> None:
    at = run(make_page("compare"))
    choose(at, state.ORGANISATION, "nl_alfa")

    assert "Alfa Bank leads its sector" in texts(at)
    assert not [frame for frame in at.dataframe if "priority" in frame.value.columns]


def test_trend_shows_every_wave_of_the_organisation(warehouse: Path, make_page: MakePage) -> None:
    at = run(make_page("compare"))
    choose(at, state.ORGANISATION, "nl_beta")

    index = chart_with(at, "wave", "value", "series")
    beta = index[index["series"] == "Beta Bank"].sort_values("wave")
    assert beta["value"].tolist() == [
        score_of("nl_beta", wave=2023).cx_index,
        score_of("nl_beta").cx_index,
    ]
    sector = index[index["series"] == "Sector average"].sort_values("wave")
    assert sector["value"].tolist() == [
        aggregate("NL", 2023, "BANK").avg_cx_index,
        aggregate("NL", 2024, "BANK").avg_cx_index,
    ]
    pillars = chart_with(at, "wave", "pillar_label", "ci_low")
    assert sorted(set(pillars["wave"])) == [2023, 2024]
    integrity_2023 = pillars[(pillars["wave"] == 2023) & (pillars["pillar_id"] == "integrity")]
    assert integrity_2023[["mean_score", "ci_low", "ci_high"]].iloc[0].tolist() == list(
        score_of("nl_beta", wave=2023).pillar("integrity")
    )

    choose(at, state.COUNTRY, "PL")
    assert "Only one wave so far" in texts(at)


def test_trend_says_which_averages_were_suppressed(warehouse: Path, make_page: MakePage) -> None:
    at = run(make_page("compare"))
    choose(at, state.ORGANISATION, "nl_delta")

    index = chart_with(at, "wave", "value", "series")
    delta = index[index["series"] == "Delta Telecom"].sort_values("wave")
    assert delta["value"].tolist() == [
        score_of("nl_delta", wave=2023).cx_index,
        score_of("nl_delta").cx_index,
    ]
    assert "Sector average" not in set(index["series"])
    for wave in (2023, 2024):
        reason = aggregate("NL", wave, "TEL").suppression_reason
        assert f"Sector average {wave} is suppressed: {reason}." in texts(at)
