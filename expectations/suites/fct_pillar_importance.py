"""Plausibility suite for ``marts.fct_pillar_importance``: the weights behind the CX index.

Importance is a split of R² (Johnson's relative weights): that the shares lie
between 0 and 1 and add up to 1 per sample (study × country × wave), and that R²
is a proportion, are rules of the table checked by dbt while building
(``fct_pillar_importance_structure``). This suite reads one row per sample and
asks whether every sample has a row for each pillar its study measures
(``dim_study``). Published studies find that the
pillars explain about two thirds of advocacy and loyalty; an R² far outside
``min_plausible_r2``..``max_plausible_r2`` is no arithmetic error but deserves a look
before the weights go into the index (warning).
"""

from __future__ import annotations

import great_expectations as gx
from great_expectations.expectations.row_conditions import Column

from cxbench.expectations.params import QualityParams
from cxbench.expectations.suites.spec import ERROR, WARNING

SUITE_NAME = "fct_pillar_importance"
SOURCE_TABLES = ("marts.fct_pillar_importance", "marts.dim_study")
KEY_COLUMNS = ("study_id", "country", "wave")
ESTIMATED = Column("n_estimated_pillars") > 0

SOURCE_SQL = """
select
    importance.study_id,
    importance.country,
    importance.wave,
    count(*) as n_pillars,
    max(studies.n_pillars_measured) as n_pillars_measured,
    count(*) filter (where importance.is_estimated) as n_estimated_pillars,
    max(importance.nps_r2) as nps_r2,
    max(importance.loyalty_r2) as loyalty_r2
from marts.fct_pillar_importance as importance
left join marts.dim_study as studies
    on importance.study_id = studies.study_id
group by all
order by all
"""


def build_suite(params: QualityParams) -> gx.ExpectationSuite:
    """A row per measured pillar in every sample, plausible R²."""
    r2 = [
        gx.expectations.ExpectColumnValuesToBeBetween(
            column=column,
            min_value=params.min_plausible_r2,
            max_value=params.max_plausible_r2,
            row_condition=ESTIMATED,
            meta=WARNING,
            notes="The pillars usually explain about two thirds of advocacy and loyalty; "
            "far off, check the outcome items and their mapping.",
        )
        for column in ("nps_r2", "loyalty_r2")
    ]
    return gx.ExpectationSuite(
        name=SUITE_NAME,
        expectations=[
            gx.expectations.ExpectColumnPairValuesToBeEqual(
                column_A="n_pillars",
                column_B="n_pillars_measured",
                meta=ERROR,
                notes="Every sample has a row for each pillar its study measures.",
            ),
            *r2,
        ],
        notes="Pillar importance per study × country × wave.",
    )
