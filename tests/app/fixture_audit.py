"""Load batches, rejected rows, quality-check runs and methodology parameters of the
fixture warehouse: what the Data quality and Methodology pages read.

Two check runs: an older one that passed and the newest, which failed one error
expectation (so the page opens on a failure) and passed two others.
"""

from __future__ import annotations

from datetime import datetime

import duckdb
from warehouse_fixture import METHODOLOGY

from tests.fixtures.mart_tables import create_marts

# fmt: off
BATCHES = [
    # batch_id, source_path, sha256, kind, mapping, rows_in, rows_loaded, rows_rejected,
    # started_at, finished_at, status, superseded_by, status_changed_at, status_reason
    ("companies-1", "industry/companies.csv", "a" * 64, "companies", None, 5, 5, 0,
     datetime(2025, 3, 1, 9, 0, 0), datetime(2025, 3, 1, 9, 0, 1), "loaded", None, None, None),
    ("survey-nl-2024", "cx_NL_2024.csv", "b" * 64, "survey", "cx_NL_2024.csv.mapping.yaml",
     613, 610, 3, datetime(2025, 3, 1, 9, 1, 0), datetime(2025, 3, 1, 9, 1, 4), "loaded",
     None, None, None),
    ("survey-pl-2024", "cx_PL_2024.parquet", "c" * 64, "survey", None, 131, 130, 1,
     datetime(2025, 3, 1, 9, 2, 0), datetime(2025, 3, 1, 9, 2, 2), "loaded", None, None, None),
    # an export loaded with a wrong mapping, then replaced by the corrected load above
    ("survey-nl-2024-wrong", "cx_NL_2024.csv", "d" * 64, "survey", None, 613, 590, 23,
     datetime(2025, 2, 28, 9, 0, 0), datetime(2025, 2, 28, 9, 0, 3), "superseded",
     "survey-nl-2024", datetime(2025, 3, 1, 9, 1, 4),
     "replaced by ingest --replace of cx_NL_2024.csv"),
    ("survey-de-2024", "cx_DE_2024.csv", "e" * 64, "survey", None, 40, 40, 0,
     datetime(2025, 2, 27, 9, 0, 0), datetime(2025, 2, 27, 9, 0, 1), "retracted",
     None, datetime(2025, 3, 1, 8, 0, 0), "not our panel"),
]
REJECTS = [
    # batch_id, row_number, field, reason, record
    ("survey-nl-2024", 17, "nps", "out of range 0-10", '{"nps": 14}'),
    ("survey-nl-2024", 230, "nps", "out of range 0-10", '{"nps": 11}'),
    ("survey-nl-2024", 402, "country", "unknown country code", '{"country": "XX"}'),
    ("survey-pl-2024", 5, "nps", "out of range 0-10", '{"nps": -3}'),
]
RUNS = [
    # run_id, build_id, started_at, finished_at, success, n_expectations, n_failed
    ("run-2", "build-2", datetime(2025, 3, 2, 10, 0), datetime(2025, 3, 2, 10, 1), False, 3, 1),
    ("run-1", "build-1", datetime(2025, 3, 1, 10, 0), datetime(2025, 3, 1, 10, 1), True, 2, 0),
]
RESULTS = [
    # run_id, suite, expectation, column_name, severity, success, observed_value, examples
    ("run-2", "fct_company_scores", "expect_column_values_to_be_between", "cx_index",
     "error", False, "1 of 7 rows unexpected", '[{"cx_index": 11.2}]'),
    ("run-2", "fct_company_scores", "expect_column_values_to_not_be_null", "company_id",
     "error", True, "0 of 7 rows unexpected", "[]"),
    ("run-2", "raw_survey_evaluations", "expect_table_row_count_to_be_between", None,
     "warning", True, "740 rows", "[]"),
    ("run-1", "fct_company_scores", "expect_column_values_to_not_be_null", "company_id",
     "error", True, "0 of 7 rows unexpected", "[]"),
    ("run-1", "raw_survey_evaluations", "expect_table_row_count_to_be_between", None,
     "warning", True, "740 rows", "[]"),
]
PARAMETERS = [
    ("min_base", "100", "Evaluations a company needs in a country × wave to be eligible."),
    ("min_answered_share", "0.5", "Share of a pillar's statements that must be answered."),
    ("confidence_level", "0.95", "Two-sided confidence level of intervals."),
    ("weighting_dimensions", '["age_band", "gender"]', "Dimensions samples are raked on."),
    ("weight_trim_min", "0.3", "Lower trim bound of raking weights."),
    ("weight_trim_max", "3.0", "Upper trim bound of raking weights."),
    ("min_importance_cases", "200", "Complete cases needed to estimate importance."),
    ("cee_weights", '"driver"', "CX index weighting."),
    ("min_aggregate_companies", "2", "Eligible companies an aggregate needs."),
    ("max_company_share", "0.6", "Largest share of an aggregate one company may hold."),
    ("min_channel_base", "30", "Evaluations a channel score needs."),
]
# fmt: on

_DDL = """
create schema raw;
create schema audit;
create table raw.load_batches (
    batch_id varchar, source_path varchar, sha256 varchar, kind varchar, mapping varchar,
    rows_in bigint, rows_loaded bigint, rows_rejected bigint, started_at timestamp,
    finished_at timestamp, status varchar, superseded_by varchar,
    status_changed_at timestamp, status_reason varchar
);
create table raw.rejected_rows (
    batch_id varchar, row_number bigint, field varchar, reason varchar, record json
);
create table audit.quality_runs (
    run_id varchar, build_id varchar, started_at timestamp, finished_at timestamp,
    success boolean, n_expectations integer, n_failed integer
);
create table audit.quality_results (
    run_id varchar, suite varchar, expectation varchar, column_name varchar,
    severity varchar, success boolean, observed_value varchar, unexpected_examples varchar
);
"""


def write(connection: duckdb.DuckDBPyConnection) -> None:
    """Create and fill the raw, audit and methodology tables in the fixture's connection."""
    connection.execute(_DDL)
    create_marts(connection, "dim_methodology")
    for table, rows in (
        ("raw.load_batches", BATCHES),
        ("raw.rejected_rows", REJECTS),
        ("audit.quality_runs", RUNS),
        ("audit.quality_results", RESULTS),
        ("marts.dim_methodology", [(*row, METHODOLOGY) for row in PARAMETERS]),
    ):
        marks = ", ".join("?" * len(rows[0]))
        connection.executemany(f"insert into {table} values ({marks})", rows)
