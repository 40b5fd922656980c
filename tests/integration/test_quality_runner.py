"""run_checks on a small hand-made warehouse: clean rows pass, each planted fault is caught.

The warehouse holds ``marts.fct_company_pillar_scores`` and the company base from
``marts.fct_company_scores`` (contract §4), written by hand so every number can be
checked against the methodology by eye.
"""

from __future__ import annotations

import json
import math
import shutil
import time
from pathlib import Path

import duckdb
import pytest

from expectations.check_run import CheckResult
from expectations.params import QualityParams
from expectations.runner import QualityTargetMissingError, run_checks
from expectations.suites.fct_company_pillar_scores import SUITE_NAME, build_suite

PARAMS = QualityParams()  # min_base 100, scale 1–10
ELIGIBLE = "is_eligible == True"

MARTS_DDL = """
create schema marts;
create table marts.fct_company_pillar_scores (
    company_id varchar,
    country varchar,
    wave integer,
    pillar_id varchar,
    n_evaluations integer,
    mean_score double,
    stddev_score double,
    std_error double,
    ci_low double,
    ci_high double,
    is_eligible boolean,
    methodology_version varchar
);
create table marts.fct_company_scores (
    company_id varchar,
    country varchar,
    wave integer,
    sector_code varchar,
    n_evaluations integer,
    cx_index double,
    is_eligible boolean,
    rank_in_country integer,
    rank_in_sector integer,
    is_sector_leader boolean,
    methodology_version varchar
);
"""

# company_id, country, sector, evaluations in the wave, stddev of its scores (None: one answer)
COMPANIES = [
    ("nl_bank", "NL", "K64", 120, 1.8),
    ("nl_shop", "NL", "G47", 45, 2.1),
    ("no_telco", "NO", "J61", 1, None),
]
# Per pillar, in order personalisation, integrity, expectations, resolution,
# time_effort, empathy: the mean score and how many evaluations scored the pillar
# (evaluations with too few answered statements leave a pillar unscored).
PILLARS = ["personalisation", "integrity", "expectations", "resolution", "time_effort", "empathy"]
MEANS = {
    "nl_bank": [6.4, 7.9, 7.1, 7.4, 6.8, 6.9],
    "nl_shop": [5.2, 6.8, 6.1, 5.9, 6.3, 5.5],
    "no_telco": [8.0, 9.0, 7.0, 10.0, 6.0, 8.0],
}
SCORED = {
    "nl_bank": [120, 97, 120, 118, 120, 120],
    "nl_shop": [45, 45, 44, 45, 45, 45],
    "no_telco": [1, 1, 1, 1, 1, 1],
}


def _pillar_rows() -> list[tuple[object, ...]]:
    """One row per company × pillar; interval = mean ± 1.96 · sd / √n, none for n = 1."""
    rows = []
    for company_id, country, _sector, base, sd in COMPANIES:
        for pillar_id, mean, n in zip(PILLARS, MEANS[company_id], SCORED[company_id], strict=True):
            se = None if sd is None or n < 2 else round(sd / math.sqrt(n), 4)
            low = None if se is None else round(mean - 1.96 * se, 3)
            high = None if se is None else round(mean + 1.96 * se, 3)
            eligible = base >= PARAMS.min_base
            rows.append(
                (company_id, country, 2024, pillar_id, n, mean, sd, se, low, high, eligible, "t")
            )
    return rows


def _company_rows() -> list[tuple[object, ...]]:
    """One row per company × wave; only nl_bank reaches min_base, so only it is ranked."""
    rows = []
    for company_id, country, sector, base, _sd in COMPANIES:
        eligible = base >= PARAMS.min_base
        cx_index = round(sum(MEANS[company_id]) / len(PILLARS), 4)
        rank = 1 if eligible else None
        rows.append(
            (company_id, country, 2024, sector, base, cx_index, eligible, rank, rank, eligible, "t")
        )
    return rows


@pytest.fixture(scope="module")
def clean_warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The clean warehouse, built once; tests work on copies of it."""
    db_path = tmp_path_factory.mktemp("clean") / "cxbench.duckdb"
    with duckdb.connect(str(db_path)) as connection:
        connection.execute(MARTS_DDL)
        connection.executemany(
            "insert into marts.fct_company_pillar_scores values "
            "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            _pillar_rows(),
        )
        connection.executemany(
            "insert into marts.fct_company_scores values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            _company_rows(),
        )
    return db_path


def _copy(clean: Path, tmp_path: Path, corruption: str | None = None) -> Path:
    """A private copy of the warehouse (its own data_docs folder), optionally corrupted."""
    db_path = tmp_path / "warehouse" / "cxbench.duckdb"
    db_path.parent.mkdir()
    shutil.copy(clean, db_path)
    if corruption:
        with duckdb.connect(str(db_path)) as connection:
            connection.execute(corruption)
    return db_path


def _audit(db_path: Path) -> tuple[list[tuple], list[tuple]]:
    with duckdb.connect(str(db_path), read_only=True) as connection:
        runs = connection.execute("select * from audit.quality_runs").fetchall()
        results = connection.execute(
            "select * from audit.quality_results order by suite, expectation, column_name"
        ).fetchall()
    return runs, results


def _check_key(result: CheckResult) -> tuple[str, str | None, str | None]:
    return (result.expectation, result.column, result.condition)


def test_clean_warehouse_passes_and_is_audited(
    clean_warehouse: Path, tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    db_path = _copy(clean_warehouse, tmp_path)
    started = time.perf_counter()
    run = run_checks(db_path, build_id="build-1", params=PARAMS)
    elapsed = time.perf_counter() - started

    assert run.success, [result for result in run.results if not result.success]
    n_expectations = len(build_suite(PARAMS).expectations)
    assert len(run.results) == n_expectations
    runs, results = _audit(db_path)
    assert len(runs) == 1
    run_id, build_id, started_at, finished_at, success, n_expected, n_failed = runs[0]
    assert (run_id, build_id, success, n_expected, n_failed) == (
        run.run_id,
        "build-1",
        True,
        n_expectations,
        0,
    )
    assert started_at <= finished_at
    assert len(results) == n_expectations
    assert {row[0] for row in results} == {run.run_id}
    assert {row[1] for row in results} == {SUITE_NAME}
    assert all(json.loads(row[7]) == [] for row in results)
    assert run.data_docs_index == db_path.parent / "data_docs" / "index.html"
    assert run.data_docs_index.is_file()
    captured = capfd.readouterr()
    assert "Calculating Metrics" not in captured.out + captured.err
    assert "it/s" not in captured.err
    assert elapsed < 10, f"run_checks took {elapsed:.2f}s"


def test_each_run_appends_to_the_audit(clean_warehouse: Path, tmp_path: Path) -> None:
    db_path = _copy(clean_warehouse, tmp_path)
    first = run_checks(db_path, params=PARAMS)
    second = run_checks(db_path, params=PARAMS)
    runs, results = _audit(db_path)
    assert {row[0] for row in runs} == {first.run_id, second.run_id}
    assert len(results) == 2 * len(first.results)


CORRUPTIONS = {
    "mean_out_of_scale": (
        "update marts.fct_company_pillar_scores "
        "set mean_score = 11, ci_low = 10.7, ci_high = 11.3 "
        "where company_id = 'nl_bank' and pillar_id = 'empathy'",
        ("expect_column_values_to_be_between", "mean_score", None),
    ),
    "duplicated_key": (
        "insert into marts.fct_company_pillar_scores "
        "select * from marts.fct_company_pillar_scores "
        "where company_id = 'nl_bank' and pillar_id = 'integrity'",
        ("expect_compound_columns_to_be_unique", "company_id, pillar_id, wave", None),
    ),
    "ci_high_below_mean": (
        "update marts.fct_company_pillar_scores set ci_high = mean_score - 0.1 "
        "where company_id = 'nl_shop' and pillar_id = 'resolution'",
        ("expect_column_pair_values_a_to_be_greater_than_b", "ci_high, mean_score", None),
    ),
    "ci_low_above_mean": (
        "update marts.fct_company_pillar_scores set ci_low = mean_score + 0.1 "
        "where company_id = 'nl_shop' and pillar_id = 'resolution'",
        ("expect_column_pair_values_a_to_be_greater_than_b", "mean_score, ci_low", None),
    ),
    "eligible_below_min_base": (
        "update marts.fct_company_scores set n_evaluations = 80 where company_id = 'nl_bank';"
        "update marts.fct_company_pillar_scores set n_evaluations = least(n_evaluations, 80) "
        "where company_id = 'nl_bank'",
        ("expect_column_values_to_be_between", "company_n_evaluations", ELIGIBLE),
    ),
    "pillar_scored_by_more_than_the_base": (
        "update marts.fct_company_pillar_scores set n_evaluations = 50 "
        "where company_id = 'nl_shop' and pillar_id = 'integrity'",
        (
            "expect_column_pair_values_a_to_be_greater_than_b",
            "company_n_evaluations, n_evaluations",
            None,
        ),
    ),
    "company_row_missing": (
        "delete from marts.fct_company_scores where company_id = 'no_telco'",
        ("expect_column_values_to_not_be_null", "company_n_evaluations", None),
    ),
    "unknown_pillar": (
        "update marts.fct_company_pillar_scores set pillar_id = 'loyalty' "
        "where company_id = 'nl_shop' and pillar_id = 'empathy'",
        ("expect_column_values_to_be_in_set", "pillar_id", None),
    ),
    "negative_std_error": (
        "update marts.fct_company_pillar_scores set std_error = -0.1 "
        "where company_id = 'nl_shop' and pillar_id = 'integrity'",
        ("expect_column_values_to_be_between", "std_error", None),
    ),
    "no_evaluations": (
        "update marts.fct_company_pillar_scores set n_evaluations = 0 "
        "where company_id = 'no_telco' and pillar_id = 'integrity'",
        ("expect_column_values_to_be_between", "n_evaluations", None),
    ),
}


@pytest.mark.parametrize("corruption", list(CORRUPTIONS))
def test_planted_fault_fails_exactly_its_expectation(
    clean_warehouse: Path, tmp_path: Path, corruption: str
) -> None:
    sql, expected = CORRUPTIONS[corruption]
    db_path = _copy(clean_warehouse, tmp_path, sql)

    run = run_checks(db_path, params=PARAMS)

    assert not run.success
    assert [_check_key(result) for result in run.failed] == [expected]
    [failed] = run.failed
    assert failed.severity == "error"
    assert 1 <= len(failed.unexpected_examples) <= PARAMS.max_unexpected_examples
    runs, results = _audit(db_path)
    assert [(row[4], row[6]) for row in runs] == [(False, 1)]
    [audit_row] = [row for row in results if row[5] is False]
    assert audit_row[2:5] == (expected[0], expected[1], "error")
    assert json.loads(audit_row[7]) == [_json_safe(e) for e in failed.unexpected_examples]


def _json_safe(example: object) -> object:
    return json.loads(json.dumps(example))


def test_null_company_id_fails_not_null_and_loses_its_company_base(
    clean_warehouse: Path, tmp_path: Path
) -> None:
    """A row without company_id cannot join its company row, so two checks catch it."""
    db_path = _copy(
        clean_warehouse,
        tmp_path,
        "update marts.fct_company_pillar_scores set company_id = null "
        "where company_id = 'nl_shop' and pillar_id = 'empathy'",
    )
    run = run_checks(db_path, params=PARAMS)
    assert not run.success
    assert [_check_key(result) for result in run.failed] == [
        ("expect_column_values_to_not_be_null", "company_id", None),
        ("expect_column_values_to_not_be_null", "company_n_evaluations", None),
    ]
    assert run.failed[0].unexpected_examples == (
        {"company_id": None, "pillar_id": "empathy", "wave": 2024},
    )


def test_warning_is_recorded_but_does_not_block(clean_warehouse: Path, tmp_path: Path) -> None:
    db_path = _copy(
        clean_warehouse,
        tmp_path,
        "update marts.fct_company_pillar_scores set std_error = 0.8 "
        "where company_id = 'nl_bank' and pillar_id = 'integrity'",
    )
    run = run_checks(db_path, params=PARAMS)
    assert run.success
    assert [(_check_key(r), r.severity) for r in run.failed] == [
        (("expect_column_values_to_be_between", "std_error", ELIGIBLE), "warning")
    ]
    runs, _ = _audit(db_path)
    assert [(row[4], row[6]) for row in runs] == [(True, 1)]


def test_missing_mart_is_a_clear_error_and_writes_nothing(tmp_path: Path) -> None:
    db_path = tmp_path / "cxbench.duckdb"
    duckdb.connect(str(db_path)).close()
    with pytest.raises(QualityTargetMissingError, match="build the marts"):
        run_checks(db_path, params=PARAMS)
    with duckdb.connect(str(db_path), read_only=True) as connection:
        schemas = connection.execute(
            "select schema_name from information_schema.schemata where schema_name = 'audit'"
        ).fetchall()
    assert schemas == []
