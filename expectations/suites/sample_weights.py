"""Plausibility suite for the raking weights, one row per sample (study × country × wave).

Every published number is a weighted mean, so a weight gone wrong moves every
company at once and no single mart looks odd. The methodology promises three
things about the weights of a sample (docs/methodology.md, Weighting): each one
is positive, they average exactly 1 (so weighted and unweighted bases agree),
and no raking factor leaves the trim bounds ``weight_trim_min``..``weight_trim_max``.
Cells that could not be raked keep factor 1 and are left out of the bounds
(their factor is not a raking result), but they count in the mean, as in the
marts. With a provider's design weights an evaluation's weight is its design
weight times its cell's weight; the bounds apply to raking's factor, not to
the provider's weights.

The weights live per weighting cell in ``intermediate.int_sample_cells_raked``
with the cell's sum of design weights (its evaluation count without them), so
the sample's mean is Σ(cell weight × Σ design weight) / n — a few hundred rows
to read, not millions. That every weight is positive is a rule of the table itself, checked
by dbt while building (``int_sample_cells_raked_structure``).
"""

from __future__ import annotations

import great_expectations as gx

from cxbench.expectations.params import QualityParams
from cxbench.expectations.suites.spec import ERROR

SUITE_NAME = "sample_weights"
TABLE = "intermediate.int_sample_cells_raked"
SOURCE_TABLES = (TABLE,)
KEY_COLUMNS = ("study_id", "country", "wave")

SOURCE_SQL = f"""
select
    study_id,
    country,
    wave,
    sum(n_evaluations) as n_evaluations,
    count(*) as n_cells,
    sum(sum_design_weights * weight) / sum(n_evaluations) as mean_weight,
    min(case when is_raked then raking_factor end) as min_raked_weight,
    max(case when is_raked then raking_factor end) as max_raked_weight
from {TABLE}
group by all
order by study_id, country, wave
"""

#: Sums of a few million weights in double precision drift well below this.
MEAN_TOLERANCE = 1e-6


def build_suite(params: QualityParams) -> gx.ExpectationSuite:
    """Mean 1 per sample, raked weights inside the trim bounds."""
    return gx.ExpectationSuite(
        name=SUITE_NAME,
        expectations=[
            gx.expectations.ExpectColumnValuesToBeBetween(
                column="mean_weight",
                min_value=1 - MEAN_TOLERANCE,
                max_value=1 + MEAN_TOLERANCE,
                meta=ERROR,
                notes="Weights are normalised to mean 1 per sample, so weighted counts equal "
                "the sample size and effective n is comparable across samples.",
            ),
            gx.expectations.ExpectColumnValuesToBeBetween(
                column="min_raked_weight",
                min_value=params.weight_trim_min - MEAN_TOLERANCE,
                meta=ERROR,
                notes=f"Raked weights are trimmed to at least weight_trim_min "
                f"({params.weight_trim_min:g}); below it one group is all but ignored.",
            ),
            gx.expectations.ExpectColumnValuesToBeBetween(
                column="max_raked_weight",
                max_value=params.weight_trim_max + MEAN_TOLERANCE,
                meta=ERROR,
                notes=f"Raked weights are trimmed to at most weight_trim_max "
                f"({params.weight_trim_max:g}); above it a few respondents speak for many "
                "and the design effect explodes.",
            ),
        ],
        notes="Raking weights per country × wave sample: mean 1, inside the trim bounds.",
    )
