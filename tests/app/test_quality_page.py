"""Data quality page against the fixture warehouse: batches, rejects, check runs."""

from __future__ import annotations

from pathlib import Path

import pytest
from fixture_audit import BATCHES, REJECTS, RESULTS, RUNS
from page_helpers import MakePage, metrics, run, table_with, texts
from warehouse_fixture import build_warehouse


def test_latest_run_opens_with_its_failures_first(warehouse: Path, make_page: MakePage) -> None:
    at = run(make_page("quality"))

    newest = RUNS[0]
    assert at.selectbox(key="quality_run").value == newest[0]
    assert metrics(at) == {"Verdict": "failed", "Expectations": "3", "Failed": "1"}
    results = table_with(at, "suite", "expectation", "severity")
    expected = [row for row in RESULTS if row[0] == newest[0]]
    assert len(results) == len(expected)
    assert results["success"].tolist() == [False, True, True]
    assert results["observed_value"].iloc[0] == expected[0][6]


def test_failures_only_and_run_choice_change_the_results(
    warehouse: Path, make_page: MakePage
) -> None:
    at = run(make_page("quality"))
    at.checkbox(key="quality_failures_only").check()
    run(at)

    results = table_with(at, "suite", "expectation", "severity")
    assert results["success"].tolist() == [False]
    assert at.query_params["failures"] == "True"

    at.selectbox(key="quality_run").select(RUNS[1][0])
    run(at)
    assert metrics(at)["Verdict"] == "passed"
    assert "Every expectation of this run passed." in texts(at)
    assert at.query_params["run"] == RUNS[1][0]


def test_batches_and_reject_reasons_equal_the_raw_tables(
    warehouse: Path, make_page: MakePage
) -> None:
    at = run(make_page("quality"))

    batches = table_with(at, "rows_in", "rows_loaded", "rows_rejected")
    newest_first = sorted(BATCHES, key=lambda batch: batch[8], reverse=True)
    assert batches["batch_id"].tolist() == [batch[0] for batch in newest_first]
    assert (batches["rows_in"] == batches["rows_loaded"] + batches["rows_rejected"]).all()
    rejects = table_with(at, "reason", "n_rows")
    top = rejects.iloc[0]
    expected_top = [row for row in REJECTS if (row[0], row[2]) == ("survey-nl-2024", "nps")]
    assert (top["source_path"], top["field"], top["n_rows"]) == (
        "cx_NL_2024.csv",
        "nps",
        len(expected_top),
    )
    assert rejects["n_rows"].sum() == len(REJECTS)


@pytest.mark.parametrize("language", ["en", "pl"])
def test_warehouse_without_checks_says_what_to_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, make_page: MakePage, language: str
) -> None:
    path = build_warehouse(tmp_path / "unchecked.duckdb", with_audit=False)
    monkeypatch.setenv("CXBENCH_DB", str(path))
    at = make_page("quality")
    at.query_params["lang"] = language
    run(at)

    (info,) = at.info
    assert "audit.quality_runs" in info.value
    assert "cxbench check" in info.value
    assert not at.dataframe


def test_superseded_and_retracted_batches_are_listed_with_why(
    warehouse: Path, make_page: MakePage
) -> None:
    at = run(make_page("quality"))

    inactive = table_with(at, "superseded_by", "status_reason")
    expected = [batch for batch in BATCHES if batch[10] != "loaded"]
    newest_change_first = sorted(expected, key=lambda batch: batch[12], reverse=True)
    assert inactive["batch_id"].tolist() == [batch[0] for batch in newest_change_first]
    superseded = inactive.set_index("batch_id").loc["survey-nl-2024-wrong"]
    assert (superseded["status"], superseded["superseded_by"]) == ("superseded", "survey-nl-2024")
    retracted = inactive.set_index("batch_id").loc["survey-de-2024"]
    assert (retracted["status"], retracted["status_reason"]) == ("retracted", "not our panel")
