"""Plausibility suite for ``marts.fct_maturity``: managers' mean scores and their spread.

The mart averages several managers' 1–5 answers per organisation × wave × item.
Arithmetic bounds are errors: a mean outside the scale, a count of managers below
one, a standard deviation larger than any set of 1–5 answers can have (two
managers at 1 and 5: 2√2). Strong disagreement between managers is possible but
worth a look, so a spread above ``maturity_max_plausible_sd`` on more than a few
items is a warning.
"""

from __future__ import annotations

import math

import great_expectations as gx

from expectations.params import QualityParams
from expectations.suites.spec import ERROR, WARNING

SUITE_NAME = "fct_maturity"
SOURCE_TABLES = ("marts.fct_maturity",)
KEY_COLUMNS = ("company_id", "wave", "item_id")
#: Managers who differ by more than this (sd on 1–5) usually read the statement differently.
MAX_PLAUSIBLE_SD = 1.5
#: Share of items that must stay below that spread.
PLAUSIBLE_SD_SHARE = 0.95

SOURCE_SQL = """
select
    company_id,
    wave,
    item_group,
    item_id,
    n_respondents,
    score,
    score_sd,
    score_std_error,
    is_reportable,
    methodology_version
from marts.fct_maturity
"""


def build_suite(params: QualityParams) -> gx.ExpectationSuite:
    """Keys, the 1–5 scale, counts of managers and the spread between them."""
    largest_sd = (params.maturity_max - params.maturity_min) / math.sqrt(2)
    return gx.ExpectationSuite(
        name=SUITE_NAME,
        expectations=[
            *(
                gx.expectations.ExpectColumnValuesToNotBeNull(
                    column=column,
                    meta=ERROR,
                    notes=f"{column} is needed to place an item score in a profile.",
                )
                for column in (*KEY_COLUMNS, "score", "n_respondents", "methodology_version")
            ),
            gx.expectations.ExpectCompoundColumnsToBeUnique(
                column_list=list(KEY_COLUMNS),
                meta=ERROR,
                notes="One mean per organisation × wave × item; a duplicate would draw "
                "the item twice in the profile.",
            ),
            gx.expectations.ExpectColumnValuesToBeBetween(
                column="score",
                min_value=params.maturity_min,
                max_value=params.maturity_max,
                meta=ERROR,
                notes="A mean of 1–5 answers stays on 1–5.",
            ),
            gx.expectations.ExpectColumnValuesToBeBetween(
                column="n_respondents",
                min_value=1,
                meta=ERROR,
                notes="A row exists only because at least one manager scored the item.",
            ),
            gx.expectations.ExpectColumnValuesToBeBetween(
                column="score_sd",
                min_value=0,
                max_value=largest_sd,
                meta=ERROR,
                notes=f"No set of answers on {params.maturity_min:g}–{params.maturity_max:g} "
                f"has a sample standard deviation above {largest_sd:.2f}.",
            ),
            gx.expectations.ExpectColumnValuesToBeBetween(
                column="score_sd",
                max_value=MAX_PLAUSIBLE_SD,
                mostly=PLAUSIBLE_SD_SHARE,
                meta=WARNING,
                notes="Managers of one organisation rarely differ by more than "
                f"{MAX_PLAUSIBLE_SD:g} points; many such items suggest a reversed scale "
                "or a mapping that mixes up items.",
            ),
        ],
        notes="Maturity per organisation × wave × item: scale, counts and spread.",
    )
