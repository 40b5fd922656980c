"""Compare page, direction and significance: the headline, behind / level / ahead of each
comparator, and "what to fix first" holding significant shortfalls only.

Expected values come from the fixture rows (``warehouse_fixture``: Beta follows Alfa
in NL 2024, Gamma is unranked but its empathy beats the leader's significantly;
``fixture_comparisons``: the comparisons and gaps the marts were written with).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from fixture_access import add_publication_and_access
from fixture_comparisons import comparisons_of, gaps_of
from page_helpers import MakePage, chart_with, choose, metrics, run, table_with, texts
from streamlit.proto.Metric_pb2 import Metric as MetricProto
from streamlit.testing.v1 import AppTest
from warehouse_fixture import PILLAR_IDS, PILLARS, score_of

from cxbench.app import charts, queries, state

#: English pillar label by pillar id, as the fixture's dim_pillar holds it.
LABELS = {pillar[0]: pillar[3] for pillar in PILLARS}


def compare_page(make_page: MakePage, organisation: str, wave: int = 2024) -> AppTest:
    """The Compare page of ``organisation`` in NL ``wave``."""
    at = run(make_page("compare"))
    if wave != 2024:
        choose(at, state.WAVE, wave)
    return choose(at, state.ORGANISATION, organisation)


def metric(at: AppTest, label: str) -> MetricProto:
    """The proto of the headline metric ``label`` (value, delta, arrow, colour)."""
    (found,) = [item.proto for item in at.metric if item.label == label]
    return found


def directions(at: AppTest) -> pd.DataFrame:
    """The behind / level / ahead table, indexed by pillar label."""
    return table_with(at, "leader_text", "sector_text", "country_text").set_index("pillar_label")


def test_headline_delta_is_the_change_since_last_wave_not_the_gap(
    warehouse: Path, make_page: MakePage
) -> None:
    at = compare_page(make_page, "nl_alfa")

    alfa, before = score_of("nl_alfa"), score_of("nl_alfa", wave=2023)
    index = metric(at, "CX index")
    assert index.body == f"{alfa.cx_index:.2f}"
    assert index.delta == f"+{alfa.cx_index - before.cx_index:.2f}"  # +0.65: significant
    assert index.direction == MetricProto.MetricDirection.UP
    assert index.delta_description == "since 2023 · significant"
    # the leader has no gap to itself: no "you − leader" number at all
    assert "Difference (you − leader)" not in metrics(at)
    assert "CX index: 95% interval 7.60–8.10." in texts(at)


def test_gap_to_the_leader_is_separate_signed_you_minus_leader_with_direction(
    warehouse: Path, make_page: MakePage
) -> None:
    at = compare_page(make_page, "nl_beta")

    beta, alfa = score_of("nl_beta"), score_of("nl_alfa")
    gap = metric(at, "Difference (you − leader)")
    assert gap.body == f"−{alfa.cx_index - beta.cx_index:.2f}"  # −0.75: behind
    assert gap.delta == "behind"
    assert gap.direction == MetricProto.MetricDirection.NONE  # a word, not a fall


def test_non_significant_change_has_no_arrow_or_colour(
    warehouse: Path, make_page: MakePage
) -> None:
    at = compare_page(make_page, "nl_beta")

    index = metric(at, "CX index")  # 7.30 -> 7.10, within the uncertainty
    assert index.delta == "−0.20"
    assert index.direction == MetricProto.MetricDirection.NONE
    assert index.color == MetricProto.MetricColor.GRAY
    assert index.delta_description == "since 2023 · not significant"
    nps = metric(at, "NPS")  # 10.5 -> −4.5: significant, so it gets its arrow
    assert nps.direction == MetricProto.MetricDirection.DOWN
    changes = table_with(at, "previous_text", "change_text").set_index("measure")
    assert changes.loc["cx_index", "change_text"] == "−0.20 no significant change"
    for pillar_id in PILLAR_IDS:  # none of Beta's pillars moved significantly
        assert changes.loc[pillar_id, "direction"] == "level"
        assert not {"▲", "▼"} & set(changes.loc[pillar_id, "change_text"])
    assert changes.loc["nps", "change_text"] == "−15.0 ▼ declined"


def test_ranks_show_the_range_they_cannot_be_told_apart_from_and_last_wave(
    warehouse: Path, make_page: MakePage
) -> None:
    at = compare_page(make_page, "nl_beta")

    # Beta (7.10) and Delta (7.40) overlap: Beta is 3rd but could be 2nd
    country = metric(at, "Rank in country (of 3)")
    assert country.body == "3 (2–3)"
    assert country.delta == "2023: 1"
    assert country.direction == MetricProto.MetricDirection.NONE
    assert metric(at, "Rank in sector (of 2)").body == "2"  # Alfa is significantly ahead


def test_each_pillar_is_behind_level_or_ahead_of_leader_sector_and_nation(
    warehouse: Path, make_page: MakePage
) -> None:
    at = compare_page(make_page, "nl_beta")

    shown = directions(at)
    for comparator in ("leader", "sector", "country"):
        expected = comparisons_of("nl_beta", comparator)
        for pillar_id, item in expected.items():
            row = shown.loc[LABELS[pillar_id]]
            assert row[f"{comparator}_direction"] == item.direction
            assert row[f"{comparator}_difference"] == item.difference  # you − comparator
            sign = "+" if item.difference > 0 else "−"
            assert row[f"{comparator}_text"] == f"{sign}{abs(item.difference):.2f} {item.direction}"
    assert shown.loc["Personalisation", "leader_text"] == "−1.20 behind"
    assert shown.loc["Integrity", "leader_text"] == "−0.20 level"
    plotted = chart_with(at, "group", "comparator", "direction_label")
    assert set(plotted["group"]) == {
        "you − leader",
        "you − sector average",
        "you − national average",
    }
    assert (plotted["low"] <= plotted["difference"]).all()


def test_a_pillar_significantly_ahead_is_ahead_and_never_a_priority(
    warehouse: Path, make_page: MakePage
) -> None:
    at = compare_page(make_page, "nl_gamma")

    empathy = comparisons_of("nl_gamma", "leader")["empathy"]
    assert (empathy.direction, empathy.difference > 0) == ("ahead", True)
    assert directions(at).loc["Empathy", "leader_text"] == f"+{empathy.difference:.2f} ahead"
    plotted = chart_with(at, "series", "mean_score", "is_gap_significant")
    gamma = plotted[plotted["series"] == "Gamma Bank"].set_index("pillar_label")
    assert gamma.loc["Empathy", "direction"] == "ahead"  # the teal ring, not the gap ring
    assert set(gamma.drop("Empathy")["direction"]) == {"behind"}
    priorities = table_with(at, "priority_rank", "priority")
    assert "Empathy" not in set(priorities["pillar_label"])
    assert priorities["pillar_label"].tolist() == [
        LABELS[gap.pillar_id] for gap, rank in gaps_of("nl_gamma") if rank is not None
    ]
    assert (priorities["difference"] < 0).all()  # only shortfalls, shown you − leader
    assert (chart_with(at, "priority", "priority_ci_low")["priority"] > 0).all()
    assert "Not listed: 0 level with the leader, 1 ahead of it." in texts(at)


def test_rings_are_coloured_by_direction() -> None:
    frame = pd.DataFrame(
        {
            "series": ["Org", "Org", "Org"],
            "role": ["organisation"] * 3,
            "pillar_label": ["A", "B", "C"],
            "sort_order": [1, 2, 3],
            "mean_score": [7.0, 8.0, 7.5],
            "ci_low": [6.8, 7.8, 7.3],
            "ci_high": [7.2, 8.2, 7.7],
            "n_evaluations": [100] * 3,
            "is_gap_significant": [True, True, False],
            "direction": ["behind", "ahead", "level"],
        }
    )
    titles = {key: key for key in ("pillar", "score", "ci_low", "ci_high")}
    layers = charts.pillar_comparison(frame, titles).to_dict()["layer"]
    rings = {
        layer["encoding"]["color"]["value"]: layer["transform"][0]["filter"]
        for layer in layers
        if "transform" in layer
    }
    assert rings == {
        "#d95f02": "(datum.direction === 'behind')",
        "#1b9e77": "(datum.direction === 'ahead')",
    }


def test_without_a_significant_shortfall_there_is_nothing_to_fix_first(
    warehouse: Path, make_page: MakePage
) -> None:
    at = compare_page(make_page, "nl_alfa", wave=2023)  # Beta led in 2023, all level

    assert not any(gap.priority for gap, _ in gaps_of("nl_alfa", wave=2023))
    assert "No pillar is significantly behind the sector leader" in texts(at)
    assert not [frame for frame in at.dataframe if "priority_text" in frame.value.columns]


def test_a_client_gets_no_comparisons_of_a_peer(warehouse: Path) -> None:
    """The macro's scope (tests/app/test_scope_comparisons.py) holds for the page's query."""
    add_publication_and_access(warehouse)
    viewer = queries.Viewer(role="client", company_ids=("nl_beta",))
    client = queries.open_warehouse(viewer, warehouse)
    own = queries.pillar_comparisons(client, "cxbench", "NL", 2024, "nl_beta", "en")
    assert set(own["comparator"]) == {"leader", "sector", "country"}
    assert set(own.loc[own["comparator"] == "leader", "comparator_company_id"]) == {
        "sector-leader-1"
    }
    assert queries.pillar_comparisons(client, "cxbench", "NL", 2024, "nl_alfa", "en").empty
