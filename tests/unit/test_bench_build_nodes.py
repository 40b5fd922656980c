"""The build benchmark names where a size's time goes: dbt's slowest nodes, kind kept."""

from __future__ import annotations

from cxbench.benchmarks.build import slowest_nodes


def test_the_slowest_nodes_come_first_named_by_kind_and_name() -> None:
    results = [
        {"unique_id": "seed.cxbench.pillars", "execution_time": 0.1},
        {"unique_id": "model.cxbench.fct_company_scores", "execution_time": 1.234},
        {"unique_id": "test.cxbench.raw_survey_evaluations_structure", "execution_time": 3.0},
    ]

    assert slowest_nodes(results, count=2) == {
        "test raw_survey_evaluations_structure": 3.0,
        "model fct_company_scores": 1.23,
    }
