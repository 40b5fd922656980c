"""What ``cxbench ingest`` says a survey file measures, read from its mapping alone."""

from __future__ import annotations

from cxbench.ingestion.coverage_summary import summarize_coverage
from cxbench.ingestion.mapping_parse import load_mapping
from cxcore.settings import REPO_ROOT

EXAMPLES = REPO_ROOT / "data" / "examples"


def test_partial_questionnaire_counts_statements_per_pillar_and_names_the_rest() -> None:
    summary = summarize_coverage(load_mapping(EXAMPLES / "corporate_reputation.mapping.yaml"))
    assert (summary.study_id, summary.study_name) == (
        "corporate-reputation-de",
        "Corporate reputation study (Hair et al.)",
    )
    assert summary.pillars_text() == (
        "Integrity 3/5, Empathy 1/5; "
        "not measured: Personalisation, Expectations, Resolution, Time & Effort"
    )
    assert summary.outcomes_text() == "nps, loyalty, csat"


def test_three_pillars_of_one_statement_each() -> None:
    summary = summarize_coverage(load_mapping(EXAMPLES / "ecsi_satisfaction.mapping.yaml"))
    assert [(p.pillar_id, p.n_measured, p.n_statements) for p in summary.measured] == [
        ("integrity", 1, 5),
        ("expectations", 1, 4),
        ("empathy", 1, 5),
    ]
    assert [pillar.label for pillar in summary.not_measured] == [
        "Personalisation",
        "Resolution",
        "Time & Effort",
    ]


def test_full_questionnaire_measures_every_pillar_with_every_statement() -> None:
    summary = summarize_coverage(load_mapping(EXAMPLES / "synthetic_panel_export.mapping.yaml"))
    assert summary.study_id == "cxbench"
    assert summary.not_measured == ()
    assert summary.pillars_text() == (
        "Personalisation 6/6, Integrity 5/5, Expectations 4/4, Resolution 5/5, "
        "Time & Effort 5/5, Empathy 5/5"
    )
    assert summary.outcomes_text() == "nps, loyalty, csat, ces"
