"""One suite module per target; :data:`REGISTRY` is what the runner validates, in this order.

Adding a suite means writing ``suites/<target>.py`` with ``SUITE_NAME``, its SQL
(``SOURCE_SQL``, or ``source_sql(context)`` when it depends on thresholds or on
the columns a table has) and ``build_suite(params)``, and adding one entry here.

Raw layer first (what was delivered), then marts (what gets published), then
wave-over-wave comparisons (what changed since the previous wave). The suites
judge plausibility, privacy and recomputations only; keys, not-null columns,
accepted values, scales and references are dbt's (docs/data-contracts.md,
"Who checks what"). Each suite reads a SQL screen or aggregate — the rows or
groups worth judging — never a whole mart; ``screened_from`` names the table a
screen was taken from, so that counts are stated against it.
"""

from __future__ import annotations

from cxbench.expectations.suites import (
    aggregate_disclosure,
    fct_company_pillar_scores,
    fct_company_scores,
    fct_leader_gaps,
    fct_maturity,
    fct_maturity_outcome_links,
    fct_maturity_stages,
    fct_pillar_importance,
    raw_population_margins,
    raw_study_coverage,
    raw_survey_evaluations,
    sample_weights,
    wave_missingness,
    wave_score_jumps,
    wave_sector_shares,
)
from cxbench.expectations.suites.comment_privacy import flag_phone_numbers
from cxbench.expectations.suites.spec import SourceContext, SuiteSpec

__all__ = ["REGISTRY", "SourceContext", "SuiteSpec"]

REGISTRY: dict[str, SuiteSpec] = {
    raw_survey_evaluations.SUITE_NAME: SuiteSpec(
        source_sql=raw_survey_evaluations.source_sql,
        build_suite=raw_survey_evaluations.build_suite,
        key_columns=raw_survey_evaluations.EXAMPLE_COLUMNS,
        source_tables=(raw_survey_evaluations.TABLE,),
        screened_from=raw_survey_evaluations.TABLE,
        derive=flag_phone_numbers,
    ),
    raw_population_margins.SUITE_NAME: SuiteSpec(
        source_sql=raw_population_margins.SOURCE_SQL,
        build_suite=raw_population_margins.build_suite,
        key_columns=raw_population_margins.KEY_COLUMNS,
        source_tables=raw_population_margins.SOURCE_TABLES,
    ),
    raw_study_coverage.SUITE_NAME: SuiteSpec(
        source_sql=raw_study_coverage.source_sql,
        build_suite=raw_study_coverage.build_suite,
        key_columns=raw_study_coverage.KEY_COLUMNS,
        source_tables=raw_study_coverage.SOURCE_TABLES,
        derive=raw_study_coverage.judge_batches,
    ),
    fct_company_pillar_scores.SUITE_NAME: SuiteSpec(
        source_sql=fct_company_pillar_scores.source_sql,
        build_suite=fct_company_pillar_scores.build_suite,
        key_columns=fct_company_pillar_scores.GRAIN,
        source_tables=fct_company_pillar_scores.SOURCE_TABLES,
        screened_from=fct_company_pillar_scores.TABLE,
    ),
    fct_company_scores.SUITE_NAME: SuiteSpec(
        source_sql=fct_company_scores.source_sql,
        build_suite=fct_company_scores.build_suite,
        key_columns=fct_company_scores.KEY_COLUMNS,
        source_tables=fct_company_scores.SOURCE_TABLES,
        screened_from=fct_company_scores.SOURCE_TABLES[0],
    ),
    sample_weights.SUITE_NAME: SuiteSpec(
        source_sql=sample_weights.SOURCE_SQL,
        build_suite=sample_weights.build_suite,
        key_columns=sample_weights.KEY_COLUMNS,
        source_tables=sample_weights.SOURCE_TABLES,
    ),
    aggregate_disclosure.SUITE_NAME: SuiteSpec(
        source_sql=aggregate_disclosure.source_sql,
        build_suite=aggregate_disclosure.build_suite,
        key_columns=aggregate_disclosure.KEY_COLUMNS,
        source_tables=aggregate_disclosure.SOURCE_TABLES,
    ),
    fct_maturity.SUITE_NAME: SuiteSpec(
        source_sql=fct_maturity.SOURCE_SQL,
        build_suite=fct_maturity.build_suite,
        key_columns=fct_maturity.KEY_COLUMNS,
        source_tables=fct_maturity.SOURCE_TABLES,
    ),
    fct_maturity_stages.SUITE_NAME: SuiteSpec(
        source_sql=fct_maturity_stages.SOURCE_SQL,
        build_suite=fct_maturity_stages.build_suite,
        key_columns=fct_maturity_stages.KEY_COLUMNS,
        source_tables=fct_maturity_stages.SOURCE_TABLES,
        screened_from=fct_maturity_stages.SOURCE_TABLES[0],
    ),
    fct_maturity_outcome_links.SUITE_NAME: SuiteSpec(
        source_sql=fct_maturity_outcome_links.source_sql,
        build_suite=fct_maturity_outcome_links.build_suite,
        key_columns=fct_maturity_outcome_links.KEY_COLUMNS,
        source_tables=fct_maturity_outcome_links.SOURCE_TABLES,
        screened_from=fct_maturity_outcome_links.SOURCE_TABLES[0],
    ),
    fct_leader_gaps.SUITE_NAME: SuiteSpec(
        source_sql=fct_leader_gaps.SOURCE_SQL,
        build_suite=fct_leader_gaps.build_suite,
        key_columns=fct_leader_gaps.KEY_COLUMNS,
        source_tables=fct_leader_gaps.SOURCE_TABLES,
        screened_from=fct_leader_gaps.SOURCE_TABLES[0],
    ),
    fct_pillar_importance.SUITE_NAME: SuiteSpec(
        source_sql=fct_pillar_importance.SOURCE_SQL,
        build_suite=fct_pillar_importance.build_suite,
        key_columns=fct_pillar_importance.KEY_COLUMNS,
        source_tables=fct_pillar_importance.SOURCE_TABLES,
    ),
    wave_score_jumps.SUITE_NAME: SuiteSpec(
        source_sql=wave_score_jumps.SOURCE_SQL,
        build_suite=wave_score_jumps.build_suite,
        key_columns=wave_score_jumps.KEY_COLUMNS,
        source_tables=wave_score_jumps.SOURCE_TABLES,
    ),
    wave_sector_shares.SUITE_NAME: SuiteSpec(
        source_sql=wave_sector_shares.SOURCE_SQL,
        build_suite=wave_sector_shares.build_suite,
        key_columns=wave_sector_shares.KEY_COLUMNS,
        source_tables=wave_sector_shares.SOURCE_TABLES,
    ),
    wave_missingness.SUITE_NAME: SuiteSpec(
        source_sql=wave_missingness.source_sql,
        build_suite=wave_missingness.build_suite,
        key_columns=wave_missingness.KEY_COLUMNS,
        source_tables=wave_missingness.SOURCE_TABLES,
    ),
}
