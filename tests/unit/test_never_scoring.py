"""A declared pillar or outcome that the loaded rows can never score is named, with why."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import pytest

from cxbench.ingestion.raw_schema import ensure_raw_schema
from cxcore.dbt_vars import DBT_PROJECT_FILE, min_answered_share, project_vars
from cxcore.never_scoring import (
    batch_verdicts,
    declared_outcomes,
    every_subject_can_score,
    judge_batch,
)

MAPPING = """
study: {id: tracker, name: Our tracker}
statements: {int_1: q1, int_2: q2, int_3: q3, int_4: q4, emp_2: q5}
outcomes:
  nps: rec
  csat: {column: sat, scale: [1, 5]}
"""


def _counts(**overrides: Any) -> dict[str, Any]:
    """One batch's answer counts as ``answer_counts_sql`` returns them: all answerable."""
    counts: dict[str, Any] = {
        "batch_id": "survey-0123",
        "source_path": "/data/exports/tracker_2024.csv",
        "study_id": "tracker",
        "study_name": "Our tracker",
        "measured_statements": "int_1,int_2,int_3,int_4,emp_2",
        "mapping": MAPPING,
        "n_rows": 40,
        "max_answered_integrity": 4,
        "max_answered_empathy": 1,
        "n_answered_nps": 40,
        "n_answered_csat": 38,
    }
    counts.update(
        {
            f"max_answered_{pillar}": 0
            for pillar in ("personalisation", "expectations", "resolution", "time_effort")
        }
        | {"n_answered_loyalty": 0, "n_answered_ces": 0}
    )
    return counts | overrides


def _warnings(counts: dict[str, Any], share: float = 0.5) -> dict[str, str]:
    return {
        verdict.subject_id: verdict.reason
        for verdict in judge_batch(counts, share)
        if not verdict.can_score
    }


def test_a_batch_that_can_score_everything_it_declares_has_no_warning() -> None:
    verdicts = judge_batch(_counts(), 0.5)
    assert [(v.subject, v.subject_id) for v in verdicts] == [
        ("pillar", "integrity"),
        ("pillar", "empathy"),
        ("outcome", "nps"),
        ("outcome", "csat"),
    ]  # undeclared pillars and outcomes (loyalty, ces) are not judged
    assert all(verdict.can_score for verdict in verdicts)


def test_a_pillar_whose_only_statement_is_never_answered_never_scores() -> None:
    [verdict] = [v for v in judge_batch(_counts(max_answered_empathy=0), 0.5) if not v.can_score]
    assert verdict.message() == (
        "tracker_2024.csv (study tracker): pillar empathy can never score: no answer in any "
        "of the 40 loaded rows (emp_2 is always missing or don't know)"
    )


def test_a_pillar_never_answered_enough_in_one_row_never_scores() -> None:
    """Four integrity statements at share 0.5 need two answered in one evaluation."""
    assert _warnings(_counts(max_answered_integrity=2)) == {}
    assert _warnings(_counts(max_answered_integrity=1)) == {
        "integrity": "no row answers more than 1 of its 4 measured statements "
        "(int_1, int_2, int_3, int_4); a pillar score needs 2 (min_answered_share 0.5 × 4)"
    }
    assert "needs 4" in _warnings(_counts(max_answered_integrity=3), share=0.8)["integrity"]


def test_a_declared_outcome_never_answered_is_named() -> None:
    assert _warnings(_counts(n_answered_csat=0)) == {
        "csat": "no answer in any of the 40 loaded rows (every value missing)"
    }


def test_a_batch_whose_rows_were_all_rejected_scores_nothing() -> None:
    counts = _counts(n_rows=0, max_answered_integrity=None, max_answered_empathy=None,
                     n_answered_nps=0, n_answered_csat=0)  # fmt: skip
    warnings = _warnings(counts)
    assert set(warnings) == {"integrity", "empathy", "nps", "csat"}
    assert set(warnings.values()) == {"no row of the file was loaded"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (MAPPING, ("nps", "csat")),
        ("outcomes: {ces: c, loyalty: l, nps: n}", ("nps", "loyalty", "ces")),
        ("statements: {int_1: q1}", ()),
        ("outcomes: [nps]", ()),
        (None, ()),
        ("keys: [unclosed", ()),
    ],
)
def test_declared_outcomes_are_the_mapped_ones_in_canonical_order(
    text: str | None, expected: tuple[str, ...]
) -> None:
    assert declared_outcomes(text) == expected


def test_min_answered_share_is_the_dbt_projects(tmp_path: Path) -> None:
    assert min_answered_share() == project_vars(DBT_PROJECT_FILE)["min_answered_share"]
    project = tmp_path / "dbt_project.yml"
    project.write_text("name: x\nvars:\n  min_answered_share: 0.75\n")
    assert min_answered_share(project) == 0.75
    assert min_answered_share(tmp_path / "absent.yml") == 0.5


def test_check_suite_judges_every_batch_alike_and_only_warns() -> None:
    """``cxbench check`` applies the same verdicts to every batch, at warning severity."""
    from cxbench.expectations.params import QualityParams
    from cxbench.expectations.runner import quiet_context, validate_frame
    from cxbench.expectations.suites import REGISTRY
    from cxbench.expectations.suites.raw_study_coverage import SUITE_NAME, judge_batches

    frame = judge_batches(
        pd.DataFrame(
            [
                _counts() | {"min_answered_share": 0.5},
                _counts(batch_id="survey-dirty", max_answered_empathy=0)
                | {"min_answered_share": 0.5},
            ]
        )
    )
    assert len(frame) == 8  # 2 batches × (2 pillars + 2 outcomes)
    [result] = validate_frame(
        quiet_context(), SUITE_NAME, REGISTRY[SUITE_NAME], frame, QualityParams()
    )
    assert (result.success, result.severity, result.blocks) == (False, "warning", False)
    [example] = result.unexpected_examples
    assert (example["batch_id"], example["subject_id"]) == ("survey-dirty", "empathy")
    assert example["source_file"] == "tracker_2024.csv"


def _loaded_batch(rows: list[dict[str, float | None]]) -> duckdb.DuckDBPyConnection:
    """A warehouse holding one batch of MAPPING's questionnaire with these answers."""
    con = duckdb.connect()
    ensure_raw_schema(con)
    con.execute(
        "insert into raw.load_batches (batch_id, source_path, sha256, kind, mapping, rows_in, "
        "rows_loaded, rows_rejected, started_at, finished_at, status, study_id, study_name, "
        "measured_statements) values ('survey-0123', '/data/tracker_2024.csv', 'f00', "
        "'survey', ?, ?, ?, 0, now(), now(), 'loaded', 'tracker', 'Our tracker', "
        "'int_1,int_2,int_3,int_4,emp_2')",
        [MAPPING, len(rows), len(rows)],
    )
    for number, answers in enumerate(rows, 1):
        names = ", ".join(answers)
        con.execute(
            "insert into raw.survey_evaluations (batch_id, source_file, row_number, loaded_at, "
            f"study_id, wave, country, respondent_id, brand_id, {names}) values ('survey-0123', "
            f"'tracker_2024.csv', ?, now(), 'tracker', 2024, 'NL', ?, 'B1', "
            f"{', '.join('?' for _ in answers)})",
            [number, f"r{number}", *answers.values()],
        )
    return con


ANSWERED = {"int_1": 4.0, "int_2": 2.0, "int_3": 5.0, "int_4": 1.0, "emp_2": 3.0, "nps": 9.0,
            "csat": 4.0}  # fmt: skip


@pytest.mark.parametrize(
    ("rows", "can_score"),
    [
        ([ANSWERED, ANSWERED | {"int_1": None}], True),
        # Two of four integrity statements in one row is just enough at share 0.5.
        (
            [
                ANSWERED | {"int_1": None, "int_2": None},
                ANSWERED | {"int_3": None, "int_4": None, "emp_2": None},
            ],
            True,
        ),
        ([ANSWERED | {"int_1": None, "int_2": None, "int_3": None}], False),
        ([ANSWERED | {"emp_2": None}, ANSWERED | {"emp_2": None}], False),
        ([ANSWERED | {"csat": None}], False),
        ([], False),
    ],
    ids=["all", "just_enough", "integrity_short", "empathy_never", "csat_never", "no_rows"],
)
def test_the_quick_probe_agrees_with_the_full_verdicts(
    rows: list[dict[str, float | None]], can_score: bool
) -> None:
    """Ingest asks the quick ``exists`` probes first; only a False computes the reasons."""
    con = _loaded_batch(rows)
    verdicts = batch_verdicts(con, 0.5, "survey-0123")
    assert all(verdict.can_score for verdict in verdicts) is can_score
    assert every_subject_can_score(con, 0.5, "survey-0123") is can_score
