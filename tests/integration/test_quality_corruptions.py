"""Each planted fault is caught by the expectation written for it, and by nothing else.

The clean warehouse is ``tests/fixtures/quality_warehouse.py`` (checkable by
hand). Every case corrupts a copy with one SQL statement and runs the suites that
read the corrupted tables; the failures must be exactly the listed ones, with
their severities. Suites that do not read a corrupted table cannot see the fault,
so they are left out to keep the table fast.

Faults in a table's structure (an answer off its scale, a duplicated key, an
unknown pillar or sector, a broken interval, a missing parent row) are dbt's to
catch since dbt owns those rules: ``test_structure_corruptions`` plants each of
them in a built warehouse and shows the dbt test that fails.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import duckdb
import pytest

from cxbench.expectations.params import QualityParams
from cxbench.expectations.runner import validate_warehouse
from cxbench.expectations.suites import REGISTRY
from tests.fixtures.quality_failures import Failure, failure_of
from tests.fixtures.quality_warehouse import TABLES, build_quality_warehouse

PARAMS = QualityParams()  # min_base 100; jumps: 4 se warn, 2.5 points error
ELIGIBLE = "is_eligible == True"


SURVEY = "raw_survey_evaluations"
PILLARS = "fct_company_pillar_scores"
GREATER = "column_pair_values_a_to_be_greater_than_b"
BETWEEN = "column_values_to_be_between"
PAIR_EQUAL = "column_pair_values_to_be_equal"
NOT_REGEX = "column_values_to_not_match_regex"
RANK_RULE = ("fct_company_scores", PAIR_EQUAL, "rank_in_country, expected_rank_in_country", "error")
LEADER_RULE = (
    "fct_company_scores",
    PAIR_EQUAL,
    "is_sector_leader, expected_is_sector_leader",
    "error",
)

CORRUPTIONS: dict[str, tuple[str, set[Failure]]] = {
    "leaked_email": (
        "update raw.survey_evaluations set comment = 'Mail me: jan.jansen@example.nl' "
        "where wave = 2025 and row_number = 3",
        {(SURVEY, NOT_REGEX, "comment [no email]", "error")},
    ),
    "leaked_phone": (
        "update raw.survey_evaluations set comment = 'Call +31 6 1234 5678 please' "
        "where wave = 2024 and row_number = 4",
        {(SURVEY, "column_values_to_be_in_set", "has_phone_number [no phone]", "error")},
    ),
    "leaked_iban": (
        "update raw.survey_evaluations set comment = 'Refund to NL91 ABNA 0417 1643 00' "
        "where wave = 2025 and row_number = 7",
        {(SURVEY, NOT_REGEX, "comment [no iban]", "error")},
    ),
    "margins_do_not_sum_to_one": (
        "update raw.population_margins set share = share + 0.05 "
        "where wave = 2025 and category = '65+'",
        {("raw_population_margins", BETWEEN, "dimension_share_sum", "error")},
    ),
    "ranked_company_under_the_base": (
        "update marts.fct_company_scores set n_evaluations = 90 "
        "where company_id = 'nl_mart' and wave = 2025",
        {
            ("fct_company_scores", BETWEEN, f"n_evaluations where {ELIGIBLE}", "error"),
            (PILLARS, BETWEEN, f"company_n_evaluations where {ELIGIBLE}", "error"),
            (PILLARS, GREATER, "company_n_evaluations, n_evaluations", "error"),
        },
    ),
    "pillar_scored_by_more_than_the_base": (
        "update marts.fct_company_pillar_scores set n_evaluations = 50 "
        "where company_id = 'nl_tiny' and wave = 2025 and pillar_id = 'integrity'",
        {(PILLARS, GREATER, "company_n_evaluations, n_evaluations", "error")},
    ),
    "eligible_pillar_with_a_wide_error": (
        "update marts.fct_company_pillar_scores set std_error = 0.8 "
        "where company_id = 'nl_bank' and wave = 2024 and pillar_id = 'integrity'",
        {(PILLARS, BETWEEN, f"std_error where {ELIGIBLE}", "warning")},
    ),
    "gap_in_ranks": (
        "update marts.fct_company_scores set rank_in_country = 4 "
        "where company_id = 'nl_mart' and wave = 2024",
        {RANK_RULE},
    ),
    "ranks_not_starting_at_one": (
        "update marts.fct_company_scores set rank_in_country = rank_in_country + 1 "
        "where wave = 2024",
        {RANK_RULE},
    ),
    "tie_ranked_apart": (
        "update marts.fct_company_scores set rank_in_country = 2 "
        "where company_id = 'nl_bank' and wave = 2025",
        {RANK_RULE},
    ),
    "company_under_the_base_ranked": (
        "update marts.fct_company_scores set rank_in_country = 4 "
        "where company_id = 'nl_tiny' and wave = 2024",
        {RANK_RULE},
    ),
    "second_sector_leader_without_a_tie": (
        "update marts.fct_company_scores set is_sector_leader = true "
        "where company_id = 'nl_mart' and wave = 2025",
        {LEADER_RULE},
    ),
    "sudden_score_jump": (
        "update marts.fct_company_pillar_scores "
        "set mean_score = mean_score + 1.5, ci_low = ci_low + 1.5, ci_high = ci_high + 1.5 "
        "where company_id = 'nl_bank' and wave = 2025 and pillar_id = 'integrity'",
        {("wave_score_jumps", BETWEEN, "score_jump_in_standard_errors", "warning")},
    ),
    "implausible_score_jump": (
        "update marts.fct_company_pillar_scores "
        "set mean_score = mean_score - 3, ci_low = ci_low - 3, ci_high = ci_high - 3 "
        "where company_id = 'nl_shop' and wave = 2025 and pillar_id = 'resolution'",
        {
            ("wave_score_jumps", BETWEEN, "score_jump_in_standard_errors", "warning"),
            ("wave_score_jumps", BETWEEN, "score_jump", "error"),
        },
    ),
    "sector_share_shift": (
        "update marts.fct_company_scores set n_evaluations = 400 "
        "where company_id = 'nl_bank' and wave = 2025",
        {("wave_sector_shares", BETWEEN, "sample_share_shift", "warning")},
    ),
    "statement_missingness_jump": (
        "update raw.survey_evaluations set per_2 = null where wave = 2025 and row_number <= 3",
        {("wave_missingness", BETWEEN, "missing_share_rise", "warning")},
    ),
    "statement_mapped_to_an_empty_column": (
        "update raw.survey_evaluations set emp_4 = null where wave = 2025",
        {
            ("wave_missingness", BETWEEN, "missing_share_rise", "warning"),
            ("wave_missingness", BETWEEN, "missing_share_rise", "error"),
        },
    ),
}


@pytest.fixture(scope="module")
def clean_warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_quality_warehouse(tmp_path_factory.mktemp("quality") / "cxbench.duckdb")


def _corrupted_copy(clean: Path, tmp_path: Path, sql: str) -> Path:
    db_path = tmp_path / "warehouse" / "cxbench.duckdb"
    db_path.parent.mkdir()
    shutil.copy(clean, db_path)
    with duckdb.connect(str(db_path)) as connection:
        connection.execute(sql)
    return db_path


def _suites_reading(sql: str) -> dict[str, object]:
    """The registered suites that read a table the SQL touches and the fixture holds.

    Suites on marts the hand-made warehouse does not have (weights, aggregates,
    gaps) are tested on the generated warehouse in ``test_quality_mart_corruptions``.
    """
    touched = set(re.findall(r"\b(?:raw|marts)\.\w+", sql))
    return {
        name: spec
        for name, spec in REGISTRY.items()
        if touched & set(spec.source_tables) and set(spec.source_tables) <= TABLES
    }


def test_there_are_at_least_twelve_planted_faults() -> None:
    assert len(CORRUPTIONS) >= 12


@pytest.mark.parametrize("corruption", list(CORRUPTIONS))
def test_planted_fault_fails_exactly_its_expectations(
    clean_warehouse: Path, tmp_path: Path, corruption: str
) -> None:
    sql, expected = CORRUPTIONS[corruption]
    db_path = _corrupted_copy(clean_warehouse, tmp_path, sql)
    registry = _suites_reading(sql)

    run = validate_warehouse(db_path, params=PARAMS, registry=registry)

    assert {failure_of(result) for result in run.failed} == expected
    assert run.success is all(severity == "warning" for *_, severity in expected)
    for result in run.failed:
        assert 1 <= len(result.unexpected_examples) <= PARAMS.max_unexpected_examples, result


def test_failing_row_is_named_by_its_batch_and_row(clean_warehouse: Path, tmp_path: Path) -> None:
    sql, _ = CORRUPTIONS["leaked_email"]
    db_path = _corrupted_copy(clean_warehouse, tmp_path, sql)
    run = validate_warehouse(db_path, params=PARAMS, registry=_suites_reading(sql))
    [failed] = run.failed
    [example] = failed.unexpected_examples
    assert {key: example[key] for key in ("batch_id", "row_number", "wave")} == {
        "batch_id": "survey-2025",
        "row_number": 3,
        "wave": 2025,
    }
    assert "comment" not in example  # the leaked address is not copied to the audit
    assert failed.observed_value == "1 of 16 rows unexpected (SQL screen)"


def test_score_jump_names_company_waves_and_pillar(clean_warehouse: Path, tmp_path: Path) -> None:
    sql, _ = CORRUPTIONS["sudden_score_jump"]
    db_path = _corrupted_copy(clean_warehouse, tmp_path, sql)
    run = validate_warehouse(db_path, params=PARAMS, registry=_suites_reading(sql))
    [warning] = run.failed
    [example] = warning.unexpected_examples
    assert {key: example[key] for key in ("company_id", "wave", "previous_wave", "pillar_id")} == {
        "company_id": "nl_bank",
        "wave": 2025,
        "previous_wave": 2024,
        "pillar_id": "integrity",
    }
    assert example["score_jump_in_standard_errors"] > PARAMS.max_score_jump_se
