"""Plausibility suite for ``marts.fct_maturity``: how much the managers of one firm disagree.

The mart averages several managers' 1–5 answers per organisation × wave × item.
Its arithmetic bounds — a mean on 1–5, at least one manager, a standard
deviation no set of 1–5 answers can exceed (two managers at 1 and 5: 2√2) — are
rules of the table, checked by dbt while building (``fct_maturity_structure``).
What is left is judgement: strong disagreement between managers is possible, but
on more than a few items it suggests a reversed scale or a mapping that mixes up
items, so a share of items above ``MAX_PLAUSIBLE_SD`` larger than
``1 - PLAUSIBLE_SD_SHARE`` is a warning. One row per wave is read, not the mart.
"""

from __future__ import annotations

import great_expectations as gx

from cxbench.expectations.params import QualityParams
from cxbench.expectations.suites.spec import WARNING

SUITE_NAME = "fct_maturity"
SOURCE_TABLES = ("marts.fct_maturity",)
KEY_COLUMNS = ("wave",)
#: Managers who differ by more than this (sd on 1–5) usually read the statement differently.
MAX_PLAUSIBLE_SD = 1.5
#: Share of items that must stay below that spread.
PLAUSIBLE_SD_SHARE = 0.95

SOURCE_SQL = f"""
select
    wave,
    count(score_sd) as n_items_with_spread,
    count(*) filter (where score_sd > {MAX_PLAUSIBLE_SD})::double
        / nullif(count(score_sd), 0) as wide_spread_share
from marts.fct_maturity
group by all
order by all
"""


def build_suite(params: QualityParams) -> gx.ExpectationSuite:
    """The share of items on which managers disagree strongly, per wave."""
    del params  # the plausible spread is a judgement of this suite, not a methodology var
    return gx.ExpectationSuite(
        name=SUITE_NAME,
        expectations=[
            gx.expectations.ExpectColumnValuesToBeBetween(
                column="wide_spread_share",
                max_value=round(1 - PLAUSIBLE_SD_SHARE, 10),
                meta=WARNING,
                notes="Managers of one organisation rarely differ by more than "
                f"{MAX_PLAUSIBLE_SD:g} points; many such items suggest a reversed scale "
                "or a mapping that mixes up items.",
            ),
        ],
        notes="Maturity per organisation × wave × item: the spread between managers.",
    )
