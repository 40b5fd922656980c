"""Wave over wave: company pillar scores that move more than sampling error explains.

A company's pillar mean moves from one wave to the next by true change plus
sampling error. The change is measured in standard errors of the difference,
|Δ mean| / √(se₁² + se₂²), for companies eligible in both waves. More than
``max_score_jump_se`` is a warning: true movers do that too, and the researcher
should know before publishing that a company jumped. More than
``max_score_jump_points`` on the 1–10 scale in one year is no plausible change of
a customer base — a reversed scale or a brand mapped to the wrong company — and
blocks publication. Each failing row names company, country, waves and pillar.
"""

from __future__ import annotations

import great_expectations as gx

from cxbench.expectations.params import QualityParams
from cxbench.expectations.suites.spec import ERROR, WARNING
from cxbench.expectations.suites.wave_pairs import previous_waves_sql

SUITE_NAME = "wave_score_jumps"
SOURCE_TABLES = ("marts.fct_company_pillar_scores",)
KEY_COLUMNS = ("study_id", "company_id", "country", "wave", "previous_wave", "pillar_id")

SOURCE_SQL = f"""
with

pillar_scores as (
    select
        study_id, company_id, country, wave, pillar_id, n_statements_measured, mean_score,
        std_error
    from marts.fct_company_pillar_scores
    where is_eligible
),

previous_waves as ({previous_waves_sql("marts.fct_company_pillar_scores")}),

compared as (
    select
        this_wave.study_id,
        this_wave.company_id,
        this_wave.country,
        this_wave.wave,
        previous_waves.previous_wave,
        this_wave.pillar_id,
        last_wave.mean_score as previous_mean_score,
        this_wave.mean_score,
        abs(this_wave.mean_score - last_wave.mean_score) as score_jump,
        abs(this_wave.mean_score - last_wave.mean_score)
            / nullif(sqrt(this_wave.std_error ^ 2 + last_wave.std_error ^ 2), 0)
            as score_jump_in_standard_errors
    from pillar_scores as this_wave
    inner join previous_waves
        on this_wave.study_id = previous_waves.study_id
        and this_wave.country = previous_waves.country
        and this_wave.wave = previous_waves.wave
    inner join pillar_scores as last_wave
        on this_wave.study_id = last_wave.study_id
        and this_wave.company_id = last_wave.company_id
        and this_wave.country = last_wave.country
        and this_wave.pillar_id = last_wave.pillar_id
        and last_wave.wave = previous_waves.previous_wave
        -- a pillar measured by other statements in the two waves is another measure
        and this_wave.n_statements_measured = last_wave.n_statements_measured
)

select * from compared
"""


def build_suite(params: QualityParams) -> gx.ExpectationSuite:
    """A warning in standard errors, an error in points on the scale."""
    return gx.ExpectationSuite(
        name=SUITE_NAME,
        expectations=[
            gx.expectations.ExpectColumnValuesToBeBetween(
                column="score_jump_in_standard_errors",
                max_value=params.max_score_jump_se,
                meta=WARNING,
                notes=f"A move beyond {params.max_score_jump_se:g} standard errors of the "
                "difference is not sampling noise: a true mover, or a data problem. Look "
                "before publishing.",
            ),
            gx.expectations.ExpectColumnValuesToBeBetween(
                column="score_jump",
                max_value=params.max_score_jump_points,
                meta=ERROR,
                notes=f"More than {params.max_score_jump_points:g} points on the 1–10 scale "
                "in one year is not how a customer base changes its mind; it is a "
                "reversed scale, a wrong mapping or another brand's answers.",
            ),
        ],
        notes="Company pillar means compared with the previous wave of the same country.",
    )
