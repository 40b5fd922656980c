"""Plausibility suite for ``marts.fct_company_pillar_scores``.

dbt's tests check the model contract (types, keys); this suite checks that the
numbers can be true under the methodology: scores on the canonical 1–10 scale,
confidence intervals around their mean, and ranked companies with at least
``min_base`` evaluations. Every expectation says in ``meta.severity`` whether a
failure blocks publication (``error``) or only needs a look (``warning``), and in
``notes`` why the rule holds, which Data Docs show next to the result.

Eligibility is decided on the company's whole base in a country × wave, while a
pillar row's ``n_evaluations`` counts only evaluations that scored that pillar
(too few answered statements leave it NULL). So an eligible company can have a
pillar row below ``min_base``; the rows are read together with the company base
from ``fct_company_scores`` and the rule is checked on that.
"""

from __future__ import annotations

import great_expectations as gx
from great_expectations.expectations.row_conditions import Column

from cxcore.catalogue import pillars
from expectations.params import QualityParams

SUITE_NAME = "fct_company_pillar_scores"
SOURCE_SQL = """
select
    pillar_scores.*,
    company_scores.n_evaluations as company_n_evaluations
from marts.fct_company_pillar_scores as pillar_scores
left join marts.fct_company_scores as company_scores
    on pillar_scores.company_id = company_scores.company_id
    and pillar_scores.country = company_scores.country
    and pillar_scores.wave = company_scores.wave
"""

#: The grain of the mart: one row per company × pillar × wave.
GRAIN = ("company_id", "pillar_id", "wave")
#: Columns that identify a row; ``country`` rides along with the company.
KEY_COLUMNS = ("company_id", "country", "wave", "pillar_id")

ERROR = {"severity": "error"}
WARNING = {"severity": "warning"}

#: Rows the methodology ranks. ``== True`` builds a GX condition, it is not a comparison.
ELIGIBLE = Column("is_eligible") == True  # noqa: E712


def build_suite(params: QualityParams) -> gx.ExpectationSuite:
    """All expectations for the mart, with thresholds from ``params``, in reading order."""
    # Passing the expectations to the constructor keeps the suite free of any GX
    # context (``add_expectation`` needs one), so it can be built and inspected alone.
    return gx.ExpectationSuite(
        name=SUITE_NAME,
        expectations=[*_key_expectations(), *_score_expectations(params)],
        notes="Plausibility of company × pillar × wave scores under the methodology.",
    )


def _key_expectations() -> list[gx.expectations.Expectation]:
    """The grain holds: keys present, one row per company × pillar × wave, known pillars."""
    not_null = [
        gx.expectations.ExpectColumnValuesToNotBeNull(
            column=column, meta=ERROR, notes=f"{column} is part of the row's key."
        )
        for column in KEY_COLUMNS
    ]
    return [
        *not_null,
        gx.expectations.ExpectCompoundColumnsToBeUnique(
            column_list=list(GRAIN),
            meta=ERROR,
            notes="One row per company × pillar × wave; a duplicate double-counts a company.",
        ),
        gx.expectations.ExpectColumnValuesToBeInSet(
            column="pillar_id",
            value_set=[pillar.pillar_id for pillar in pillars()],
            meta=ERROR,
            notes="Only the six pillars of the statement catalogue exist.",
        ),
    ]


def _score_expectations(params: QualityParams) -> list[gx.expectations.Expectation]:
    """Scores, spreads and intervals that the methodology can actually produce."""
    return [
        gx.expectations.ExpectColumnValuesToBeBetween(
            column="mean_score",
            min_value=params.score_min,
            max_value=params.score_max,
            meta=ERROR,
            notes="A mean of answers on the canonical scale stays on that scale.",
        ),
        gx.expectations.ExpectColumnValuesToBeBetween(
            column="n_evaluations",
            min_value=params.min_evaluations,
            meta=ERROR,
            notes="A company × pillar row exists only because someone evaluated it.",
        ),
        gx.expectations.ExpectColumnValuesToBeBetween(
            column="stddev_score",
            min_value=0,
            meta=ERROR,
            notes="A standard deviation is never negative.",
        ),
        gx.expectations.ExpectColumnValuesToBeBetween(
            column="std_error",
            min_value=0,
            meta=ERROR,
            notes="A standard error is never negative.",
        ),
        *_interval_expectations(),
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
    ]


def _base_expectations(params: QualityParams) -> list[gx.expectations.Expectation]:
    """Eligibility on the company's base, and pillar counts that fit inside it."""
    return [
        gx.expectations.ExpectColumnValuesToNotBeNull(
            column="company_n_evaluations",
            meta=ERROR,
            notes="Every company × pillar × wave row has its company × wave row.",
        ),
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


def _interval_expectations() -> list[gx.expectations.Expectation]:
    """ci_low ≤ mean_score ≤ ci_high; rows without an interval (n = 1) are skipped."""
    return [
        gx.expectations.ExpectColumnPairValuesAToBeGreaterThanB(
            column_A=upper,
            column_B=lower,
            or_equal=True,
            ignore_row_if="either_value_is_missing",
            meta=ERROR,
            notes="The confidence interval contains its own mean.",
        )
        for upper, lower in (("mean_score", "ci_low"), ("ci_high", "mean_score"))
    ]
