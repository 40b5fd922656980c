"""Plausibility suite for ``marts.fct_maturity_outcome_links``: honest statistics.

Arithmetic is an error: a correlation outside [−1, 1], an estimate outside its own
interval, a link estimated from fewer organisations than the methodology asks for
(``maturity_min_link_companies``, read from the dbt vars like every threshold).
Plausibility is a warning: organisations that rate themselves more mature
having a significantly *lower* CX index would contradict everything the
benchmark assumes, and more likely means a reversed scale in an assessment file.
"""

from __future__ import annotations

import great_expectations as gx
import yaml
from great_expectations.expectations.row_conditions import Column

from expectations.params import DBT_PROJECT_FILE, QualityParams
from expectations.suites.spec import ERROR, WARNING

SUITE_NAME = "fct_maturity_outcome_links"
SOURCE_TABLES = ("marts.fct_maturity_outcome_links",)
KEY_COLUMNS = ("wave", "item_id", "outcome_id")
ESTIMABLE = Column("is_estimable") == True  # noqa: E712  (builds a GX condition)
DEFAULT_MIN_LINK_COMPANIES = 10

SOURCE_SQL = """
select
    wave,
    item_id,
    outcome_id,
    n_companies,
    correlation,
    correlation_ci_low,
    correlation_ci_high,
    slope,
    slope_ci_low,
    slope_ci_high,
    is_estimable,
    (item_id = 'overall' and outcome_id = 'cee' and is_significant and slope < 0)
        as is_overall_link_reversed
from marts.fct_maturity_outcome_links
"""


def min_link_companies() -> int:
    """``maturity_min_link_companies`` from dbt_project.yml (the shared params omit it)."""
    try:
        dbt_vars = yaml.safe_load(DBT_PROJECT_FILE.read_text(encoding="utf-8")).get("vars", {})
    except OSError:
        return DEFAULT_MIN_LINK_COMPANIES
    return int(dbt_vars.get("maturity_min_link_companies", DEFAULT_MIN_LINK_COMPANIES))


def build_suite(params: QualityParams) -> gx.ExpectationSuite:
    """Keys, correlation bounds, intervals around their estimates, enough organisations."""
    minimum = min_link_companies()
    inside = [
        gx.expectations.ExpectColumnPairValuesAToBeGreaterThanB(
            column_A=upper,
            column_B=lower,
            or_equal=True,
            row_condition=ESTIMABLE,
            meta=ERROR,
            notes=f"An interval contains its estimate: {lower} ≤ {upper}.",
        )
        for lower, upper in (
            ("correlation_ci_low", "correlation"),
            ("correlation", "correlation_ci_high"),
            ("slope_ci_low", "slope"),
            ("slope", "slope_ci_high"),
        )
    ]
    return gx.ExpectationSuite(
        name=SUITE_NAME,
        expectations=[
            gx.expectations.ExpectCompoundColumnsToBeUnique(
                column_list=list(KEY_COLUMNS),
                meta=ERROR,
                notes="One link per wave × maturity item × outcome.",
            ),
            gx.expectations.ExpectColumnValuesToBeBetween(
                column="correlation",
                min_value=-1,
                max_value=1,
                meta=ERROR,
                notes="A correlation lies in [−1, 1].",
            ),
            gx.expectations.ExpectColumnValuesToBeBetween(
                column="n_companies",
                min_value=minimum,
                row_condition=ESTIMABLE,
                meta=ERROR,
                notes=f"A link is estimated from at least {minimum} organisations "
                "(maturity_min_link_companies); fewer make a correlation noise.",
            ),
            *inside,
            gx.expectations.ExpectColumnValuesToBeInSet(
                column="is_overall_link_reversed",
                value_set=[False],
                meta=WARNING,
                notes="More mature organisations with a significantly lower CX index "
                "contradict the premise of the benchmark: check assessment scales.",
            ),
        ],
        notes="Maturity × outcome links: bounds, intervals and the organisations behind them.",
    )
