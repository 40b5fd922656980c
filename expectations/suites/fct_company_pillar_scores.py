"""Plausibility suite for ``marts.fct_company_pillar_scores``: pillar bases against the company's.

dbt checks the mart's structure while building (contract, key, scales, interval
around the mean, a company row behind every pillar row: ``fct_company_pillar_scores_structure``).
This suite judges what dbt does not know: whether a ranked company really has
``min_base`` evaluations, whether a pillar is scored by no more evaluations than
the company has, and whether a ranked company's standard error is plausible.
Every expectation says in ``meta.severity`` whether a failure blocks
publication (``error``) or only needs a look (``warning``), and in ``notes``
why the rule holds, which Data Docs show next to the result.

Eligibility is decided on the company's whole base in a country × wave, while a
pillar row's ``n_evaluations`` counts only evaluations that scored that pillar
(too few answered statements leave it NULL). So an eligible company can have a
pillar row below ``min_base``; the rows are read together with the company base
from ``fct_company_scores`` and the rule is checked on that. Only the rows that
break a rule are read (a SQL screen written from the same thresholds); the
runner states the counts against the whole mart.
"""

from __future__ import annotations

import great_expectations as gx
from great_expectations.expectations.row_conditions import Column

from cxbench.expectations.params import QualityParams
from cxbench.expectations.suites.spec import ERROR, WARNING, SourceContext
from cxcore.sql_text import number_literal

SUITE_NAME = "fct_company_pillar_scores"
TABLE = "marts.fct_company_pillar_scores"
SOURCE_TABLES = (TABLE, "marts.fct_company_scores")
#: The grain of the mart: one row per study × company × country × pillar × wave.
GRAIN = ("study_id", "company_id", "country", "pillar_id", "wave")
#: Columns that identify a row.
KEY_COLUMNS = ("study_id", "company_id", "country", "wave", "pillar_id")

#: Rows the methodology ranks. ``== True`` builds a GX condition, it is not a comparison.
ELIGIBLE = Column("is_eligible") == True  # noqa: E712


def source_sql(context: SourceContext) -> str:
    """The pillar rows (with their company's base) that break one of the suite's rules."""
    params = context.params
    return f"""
select
    pillar_scores.study_id,
    pillar_scores.company_id,
    pillar_scores.country,
    pillar_scores.wave,
    pillar_scores.pillar_id,
    pillar_scores.n_evaluations,
    pillar_scores.std_error,
    pillar_scores.is_eligible,
    company_scores.n_evaluations as company_n_evaluations
from {TABLE} as pillar_scores
left join marts.fct_company_scores as company_scores
    on pillar_scores.study_id = company_scores.study_id
    and pillar_scores.company_id = company_scores.company_id
    and pillar_scores.country = company_scores.country
    and pillar_scores.wave = company_scores.wave
where (pillar_scores.is_eligible and company_scores.n_evaluations < {params.min_base})
    or company_scores.n_evaluations < pillar_scores.n_evaluations
    or (
        pillar_scores.is_eligible
        and pillar_scores.std_error > {number_literal(params.max_eligible_std_error)}
    )
order by all
"""


def build_suite(params: QualityParams) -> gx.ExpectationSuite:
    """All expectations for the mart, with thresholds from ``params``, in reading order."""
    # Passing the expectations to the constructor keeps the suite free of any GX
    # context (``add_expectation`` needs one), so it can be built and inspected alone.
    return gx.ExpectationSuite(
        name=SUITE_NAME,
        expectations=[
            *_base_expectations(params),
            gx.expectations.ExpectColumnValuesToBeBetween(
                column="std_error",
                max_value=params.max_eligible_std_error,
                row_condition=ELIGIBLE,
                meta=WARNING,
                notes="On a 1–10 scale a pillar scored by about min_base evaluations has a "
                "smaller standard error; a larger one means a thin pillar base, extreme "
                "weights or a wrong formula.",
            ),
        ],
        notes="Plausibility of company × pillar × wave scores under the methodology.",
    )


def _base_expectations(params: QualityParams) -> list[gx.expectations.Expectation]:
    """Eligibility on the company's base, and pillar counts that fit inside it."""
    return [
        gx.expectations.ExpectColumnValuesToBeBetween(
            column="company_n_evaluations",
            min_value=params.min_base,
            row_condition=ELIGIBLE,
            meta=ERROR,
            notes=f"Only companies with at least min_base ({params.min_base}) "
            "evaluations in the country × wave are ranked.",
        ),
        gx.expectations.ExpectColumnPairValuesAToBeGreaterThanB(
            column_A="company_n_evaluations",
            column_B="n_evaluations",
            or_equal=True,
            ignore_row_if="either_value_is_missing",
            meta=ERROR,
            notes="A pillar is scored by at most all of the company's evaluations.",
        ),
    ]
