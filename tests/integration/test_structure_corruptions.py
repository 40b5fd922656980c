"""Faults in a table's structure are caught by dbt, in the build, by the rule written for each.

dbt owns keys, not-null columns, accepted values, scales, row rules and
references (docs/data-contracts.md, "Who checks what"); the quality suites no
longer repeat them. Each case plants one fault in a copy of the session's demo
warehouse (generated data through the real build) and runs the data tests that
build compiled; the failures must be exactly the listed rules. One case runs
``dbt test`` itself on the corrupted copy to show the command fails, and a
contract's NOT NULL refuses the fault outright.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from cxcore.settings import DBT_PROJECT_DIR, REPO_ROOT
from tests.conftest import DemoWarehouse
from tests.fixtures.dbt_failures import DbtFailure, dbt_test_failures
from tests.fixtures.quality_failures import first_row

pytestmark = pytest.mark.slow

SURVEY = "raw_survey_evaluations_structure"
COMPANIES = "raw_companies_structure"
PILLARS = "fct_company_pillar_scores_structure"
EVALUATIONS = "raw.survey_evaluations"
PILLAR_ROWS = "marts.fct_company_pillar_scores"
CI_RULE = (PILLARS, "expression(ci_low <= mean_score and mean_score <= ci_high)")
LINKS = "marts.fct_maturity_outcome_links"
BENCHMARKS = "fct_benchmark_scores_structure"
BENCHMARK_ROWS = "marts.fct_benchmark_scores"
BENCHMARK_PILLAR_ROWS = "marts.fct_benchmark_pillar_scores"

CASES: dict[str, tuple[str, set[DbtFailure]]] = {
    # raw layer: what ingestion delivered
    "statement_out_of_scale": (
        f"update {EVALUATIONS} set per_3 = 11 where {first_row(EVALUATIONS, 'per_3 is not null')}",
        {(SURVEY, "range(per_3 in [1, 10])")},
    ),
    "outcome_out_of_its_own_scale": (
        f"update {EVALUATIONS} set csat = 6 where {first_row(EVALUATIONS, 'csat is not null')}",
        {(SURVEY, "range(csat in [1, 5])")},
    ),
    "duplicated_evaluation": (
        f"insert into {EVALUATIONS} select * from {EVALUATIONS} "
        f"where {first_row(EVALUATIONS, 'true')}",
        {
            (SURVEY, "unique(study_id, wave, country, respondent_id, brand_id)"),
            ("assert_every_evaluation_counted_once", None),
        },
    ),
    "country_not_iso": (
        f"update {EVALUATIONS} set country = 'Nederland' where {first_row(EVALUATIONS, 'true')}",
        {
            (SURVEY, "expression(regexp_full_match(country, '[A-Z]{2}'))"),
            # the evaluation now counts in no built country × wave
            ("assert_every_evaluation_counted_once", None),
        },
    ),
    "company_listed_twice": (
        "insert into raw.companies select * replace ('another' as brand_name) "
        f"from raw.companies where {first_row('raw.companies', 'true')}",
        {(COMPANIES, "unique(brand_id, valid_from_wave)")},
    ),
    "company_in_unknown_sector": (
        "update raw.companies set sector_code = 'mining' "
        f"where {first_row('raw.companies', 'true')}",
        {(COMPANIES, "references(sector_code -> sectors)")},
    ),
    "sector_code_twice": (
        "insert into raw.sectors select * from raw.sectors "
        f"where {first_row('raw.sectors', 'true')}",
        {("raw_sectors_structure", "unique(sector_code, valid_from_wave)")},
    ),
    "maturity_score_out_of_scale": (
        "update raw.maturity_assessments set mgmt_metrics = 6 "
        f"where {first_row('raw.maturity_assessments', 'mgmt_metrics is not null')}",
        {("raw_maturity_assessments_structure", "range(mgmt_metrics in [1, 5])")},
    ),
    "maturity_answered_twice": (
        "insert into raw.maturity_assessments select * replace (row_number + 1000 as row_number) "
        f"from raw.maturity_assessments where {first_row('raw.maturity_assessments', 'true')}",
        {("raw_maturity_assessments_structure", "unique(brand_id, wave, respondent_id)")},
    ),
    # marts: what gets published
    "interval_not_containing_its_estimate": (
        f"update {PILLAR_ROWS} set ci_high = mean_score - 0.05 "
        f"where {first_row(PILLAR_ROWS, 'std_error is not null')}",
        {CI_RULE},
    ),
    "interval_low_above_its_estimate": (
        f"update {PILLAR_ROWS} set ci_low = mean_score + 0.1 "
        f"where {first_row(PILLAR_ROWS, 'std_error is not null')}",
        {CI_RULE},
    ),
    "pillar_mean_out_of_scale": (
        f"update {PILLAR_ROWS} set mean_score = 11, ci_low = 10.7, ci_high = 11.3 "
        f"where {first_row(PILLAR_ROWS, 'std_error is not null')}",
        {(PILLARS, "range(mean_score in [1, 10])")},
    ),
    "pillar_row_duplicated": (
        f"insert into {PILLAR_ROWS} select * from {PILLAR_ROWS} "
        f"where {first_row(PILLAR_ROWS, 'true')}",
        {(PILLARS, "unique(study_id, company_id, country, pillar_id, wave)")},
    ),
    "company_row_missing": (
        "delete from marts.fct_company_scores where "
        + first_row("marts.fct_company_scores", "not is_eligible"),
        {(PILLARS, "references(study_id, company_id, country, wave -> fct_company_scores)")},
    ),
    "unknown_pillar": (
        f"update {PILLAR_ROWS} set pillar_id = 'loyalty' where {first_row(PILLAR_ROWS, 'true')}",
        {(PILLARS, "references(pillar_id -> dim_pillar)")},
    ),
    "negative_std_error": (
        f"update {PILLAR_ROWS} set std_error = -0.1 "
        f"where {first_row(PILLAR_ROWS, 'std_error is not null')}",
        {(PILLARS, "range(std_error in [0, ])")},
    ),
    "pillar_without_evaluations": (
        f"update {PILLAR_ROWS} set n_evaluations = 0 "
        f"where {first_row(PILLAR_ROWS, 'effective_n is not null')}",
        {
            (PILLARS, "range(n_evaluations in [1, ])"),
            (PILLARS, "expression(effective_n <= n_evaluations + 0.000001)"),
        },
    ),
    "negative_weight": (
        "update intermediate.int_sample_cells_raked set weight = -0.5 where "
        + first_row("intermediate.int_sample_cells_raked", "is_raked"),
        {("int_sample_cells_raked_structure", "range(weight in (0, ))")},
    ),
    "importance_not_summing_to_one": (
        # the interval moves with the estimate: only the sum is wrong
        "update marts.fct_pillar_importance set importance = importance * 1.1, "
        "importance_ci_low = importance_ci_low * 1.1, "
        "importance_ci_high = importance_ci_high * 1.1 "
        "where (country, wave) = "
        "(select (country, wave) from marts.fct_pillar_importance where is_estimated limit 1)",
        {
            (
                "fct_pillar_importance_structure",
                "group_sum(importance by study_id, country, wave = 1)",
            )
        },
    ),
    "suppressed_without_a_reason": (
        f"update {BENCHMARK_ROWS} set suppression_reason = null where "
        + first_row(BENCHMARK_ROWS, "benchmark_level = 'sector' and is_suppressed"),
        {(BENCHMARKS, "expression(is_suppressed = (suppression_reason is not null))")},
    ),
    "suppressed_pillar_value_shown": (
        f"update {BENCHMARK_PILLAR_ROWS} set avg_score = 6.5 where "
        + first_row(BENCHMARK_PILLAR_ROWS, "benchmark_level = 'sector' and is_suppressed"),
        {
            (
                "fct_benchmark_pillar_scores_structure",
                "expression(avg_score is null and ci_low is null and ci_high is null and "
                "is_revenue_suppressed)",
            )
        },
    ),
    "withheld_revenue_weighted_value_shown": (
        f"update {BENCHMARK_ROWS} set revenue_weighted_cx_index = 6.5 where "
        + first_row(BENCHMARK_ROWS, "is_revenue_suppressed and not is_suppressed"),
        {(BENCHMARKS, "expression(revenue_weighted_cx_index is null)")},
    ),
    "peer_set_shown_where_the_average_is_withheld": (
        f"update {BENCHMARK_ROWS} set is_peer_set_disclosed = true where "
        + first_row(BENCHMARK_ROWS, "benchmark_level = 'sector' and is_suppressed"),
        {
            (
                BENCHMARKS,
                "expression(not is_suppressed and n_eligible_companies >= min_peer_companies)",
            )
        },
    ),
    "country_benchmark_in_an_unknown_country": (
        f"update {BENCHMARK_ROWS} set country = 'ZZ' where "
        + first_row(BENCHMARK_ROWS, "benchmark_level = 'country'"),
        {
            (BENCHMARKS, "references(country -> dim_country)"),
            # its evaluations are no longer counted in any national figure
            ("assert_every_evaluation_counted_once", None),
            (
                "fct_benchmark_pillar_scores_structure",
                "references(benchmark_level, study_id, country, sector_code, wave"
                " -> fct_benchmark_scores)",
            ),
        },
    ),
    "maturity_mean_outside_the_scale": (
        f"update marts.fct_maturity set score = 6 where {first_row('marts.fct_maturity', 'true')}",
        {("fct_maturity_structure", "range(score in [1, 5])")},
    ),
    "impossible_spread": (
        "update marts.fct_maturity set score_sd = 3.5 "
        f"where {first_row('marts.fct_maturity', 'n_respondents > 1')}",
        {("fct_maturity_structure", "range(score_sd in [0, 2.83])")},
    ),
    "correlation_outside_its_interval": (
        f"update {LINKS} set correlation_ci_low = correlation + 0.1 "
        f"where item_id = 'overall' and outcome_id = 'cee'",
        {
            (
                "fct_maturity_outcome_links_structure",
                "expression(not is_estimable or (correlation_ci_low <= correlation and "
                "correlation <= correlation_ci_high and slope_ci_low <= slope and "
                "slope <= slope_ci_high))",
            )
        },
    ),
}


def _manifest(demo: DemoWarehouse) -> Path:
    """The manifest the demo's build wrote (``cxbench`` keeps dbt's target beside the file)."""
    return demo.db_path.parent / "dbt" / "target" / "manifest.json"


def _corrupted_copy(source: Path, workdir: Path, fault: str) -> Path:
    db_path = workdir / "cxbench.duckdb"  # the catalog name the compiled tests use
    shutil.copy(source, db_path)
    with duckdb.connect(str(db_path)) as connection:
        assert connection.execute(fault).fetchall() != [(0,)], "the fault changed no row"
    return db_path


def test_the_clean_build_passes_every_data_test(
    demo_warehouse: DemoWarehouse, tmp_path: Path
) -> None:
    """Without a planted fault nothing fails (no rule that cannot pass)."""
    db_path = tmp_path / "cxbench.duckdb"
    shutil.copy(demo_warehouse.db_path, db_path)
    failures = dbt_test_failures(db_path, _manifest(demo_warehouse))
    # dbt's warn-severity references: maturity assessments may name companies outside the list
    assert {name for name, _rule in failures} <= {
        "fct_maturity_references_warn",
        "fct_maturity_stages_references_warn",
    }


@pytest.mark.parametrize("case", list(CASES))
def test_planted_fault_fails_exactly_its_dbt_rules(
    demo_warehouse: DemoWarehouse, tmp_path: Path, case: str
) -> None:
    sql, expected = CASES[case]
    clean = dbt_test_failures(demo_warehouse.db_path, _manifest(demo_warehouse))
    db_path = _corrupted_copy(demo_warehouse.db_path, tmp_path, sql)
    assert dbt_test_failures(db_path, _manifest(demo_warehouse)) - clean == expected


@pytest.mark.parametrize(
    ("table", "column"),
    [
        (PILLAR_ROWS, "company_id"),  # a mart's contract constraint
        ("raw.maturity_assessments", "brand_id"),  # raw DDL (ingestion/raw_schema.py)
        ("raw.maturity_assessments", "respondent_id"),
        (EVALUATIONS, "respondent_id"),
        ("raw.companies", "sector_code"),
        ("raw.sectors", "sector_name"),
    ],
)
def test_a_missing_key_cannot_be_written(
    demo_warehouse: DemoWarehouse, tmp_path: Path, table: str, column: str
) -> None:
    """NOT NULL columns of raw tables and contracted marts refuse a NULL: no test node needed."""
    db_path = tmp_path / "cxbench.duckdb"
    shutil.copy(demo_warehouse.db_path, db_path)
    with (
        duckdb.connect(str(db_path)) as connection,
        pytest.raises(duckdb.ConstraintException, match="NOT NULL"),
    ):
        connection.execute(f"update {table} set {column} = null where {first_row(table, 'true')}")


def test_dbt_test_fails_on_a_corrupted_copy(demo_warehouse: DemoWarehouse, tmp_path: Path) -> None:
    """The same fault through dbt itself: the command fails and names the test and the rule."""
    sql, _ = CASES["duplicated_evaluation"]
    db_path = _corrupted_copy(demo_warehouse.db_path, tmp_path, sql)
    env = {
        **os.environ,
        "CXBENCH_DB": str(db_path),
        "DBT_TARGET_PATH": str(tmp_path / "target"),
        "DBT_LOG_PATH": str(tmp_path / "logs"),
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
    }
    command = [
        str(Path(sys.executable).with_name("dbt")), "test", "--store-failures",
        "--select", "source:survey.survey_evaluations,test_name:structure",
        "--project-dir", str(DBT_PROJECT_DIR), "--profiles-dir", str(DBT_PROJECT_DIR),
    ]  # fmt: skip
    completed = subprocess.run(
        command, env=env, cwd=REPO_ROOT, capture_output=True, text=True, check=False
    )
    assert completed.returncode == 1, completed.stdout[-3000:]
    assert f"Failure in test {SURVEY}" in completed.stdout
    with duckdb.connect(str(db_path), read_only=True) as connection:
        stored = connection.execute(f"select rule, n_failing from dbt_test__audit.{SURVEY}")
        assert stored.fetchall() == [
            ("unique(study_id, wave, country, respondent_id, brand_id)", 1)
        ]
