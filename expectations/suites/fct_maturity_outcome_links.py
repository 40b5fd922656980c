"""Plausibility suite for ``marts.fct_maturity_outcome_links``: honest statistics.

A correlation outside [−1, 1] or an estimate outside its own interval breaks a
rule of the table, checked by dbt while building
(``fct_maturity_outcome_links_structure``). A link estimated from fewer
organisations than the methodology asks for (``maturity_min_link_companies``,
read from the dbt vars like every threshold) is an error here.
Plausibility is a warning: organisations that rate themselves more mature
having a significantly *lower* CX index would contradict everything the
benchmark assumes, and more likely means a reversed scale in an assessment file.
"""

from __future__ import annotations

import great_expectations as gx
import yaml
from great_expectations.expectations.row_conditions import Column

from cxbench.expectations.params import DBT_PROJECT_FILE, QualityParams
from cxbench.expectations.suites.spec import ERROR, WARNING, SourceContext

SUITE_NAME = "fct_maturity_outcome_links"
SOURCE_TABLES = ("marts.fct_maturity_outcome_links",)
KEY_COLUMNS = ("wave", "item_id", "outcome_id")
ESTIMABLE = Column("is_estimable") == True  # noqa: E712  (builds a GX condition)
DEFAULT_MIN_LINK_COMPANIES = 10

LINKS_SQL = """
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


def source_sql(context: SourceContext) -> str:
    """Only the links breaking a rule: too few organisations, or the overall link reversed."""
    del context  # the minimum comes from the dbt vars, like the build's
    return f"""
select * from ({LINKS_SQL})
where (is_estimable and n_companies < {min_link_companies()})
    or is_overall_link_reversed
order by all
"""


def min_link_companies() -> int:
    """``maturity_min_link_companies`` from dbt_project.yml (the shared params omit it)."""
    try:
        dbt_vars = yaml.safe_load(DBT_PROJECT_FILE.read_text(encoding="utf-8")).get("vars", {})
    except OSError:
        return DEFAULT_MIN_LINK_COMPANIES
    return int(dbt_vars.get("maturity_min_link_companies", DEFAULT_MIN_LINK_COMPANIES))


def build_suite(params: QualityParams) -> gx.ExpectationSuite:
    """Enough organisations behind every estimated link; the overall link not reversed."""
    del params  # the minimum comes from the dbt vars (see min_link_companies)
    minimum = min_link_companies()
    return gx.ExpectationSuite(
        name=SUITE_NAME,
        expectations=[
            gx.expectations.ExpectColumnValuesToBeBetween(
                column="n_companies",
                min_value=minimum,
                row_condition=ESTIMABLE,
                meta=ERROR,
                notes=f"A link is estimated from at least {minimum} organisations "
                "(maturity_min_link_companies); fewer make a correlation noise.",
            ),
            gx.expectations.ExpectColumnValuesToBeInSet(
                column="is_overall_link_reversed",
                value_set=[False],
                meta=WARNING,
                notes="More mature organisations with a significantly lower CX index "
                "contradict the premise of the benchmark: check assessment scales.",
            ),
        ],
        notes="Maturity × outcome links: the organisations behind them, and their direction.",
    )
