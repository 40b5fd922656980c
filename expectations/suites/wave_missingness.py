"""Wave over wave: a statement's share of missing answers jumping.

Don't-know and unanswered statements are NULL in raw. Their share per statement
is stable from wave to wave unless the questionnaire or its mapping changed: a
rise above ``max_missingness_jump`` is a warning (a reworded or dropped item);
above ``max_missingness_jump_error`` the statement was most likely mapped to the
wrong column or its missing codes are wrong, and publication is blocked —
pillar scores would rest on the remaining statements without anyone deciding so.
Only rises count: fewer missing answers is never a problem.
"""

from __future__ import annotations

import great_expectations as gx

from cxbench.expectations.params import QualityParams
from cxbench.expectations.suites.spec import ERROR, WARNING, SourceContext
from cxbench.expectations.suites.wave_pairs import previous_waves_sql
from cxcore.active_batches import ACTIVE_BATCH_ROWS
from cxcore.catalogue import statement_ids

SUITE_NAME = "wave_missingness"
SOURCE_TABLES = ("raw.survey_evaluations",)
KEY_COLUMNS = ("statement_id", "study_id", "country", "wave", "previous_wave")


def source_sql(context: SourceContext) -> str:
    """Missing share per statement × panel wave against the panel's previous wave (one scan)."""
    del context  # the statements come from the catalogue, read when the run starts
    answered = ", ".join(f"count({column}) as {column}" for column in statement_ids())
    return f"""
with

answer_counts as (
    select study_id, country, wave, count(*) as n_evaluations, {answered}
    from raw.survey_evaluations
    where {ACTIVE_BATCH_ROWS}
    group by all
),

missing_shares as (
    select
        study_id,
        country,
        wave,
        statement_id,
        1 - n_answered / n_evaluations as missing_share
    from (
        unpivot answer_counts
        on {", ".join(statement_ids())}
        into name statement_id value n_answered
    )
),

previous_waves as ({previous_waves_sql("answer_counts")}),

final as (
    select
        this_wave.statement_id,
        this_wave.study_id,
        this_wave.country,
        this_wave.wave,
        previous_waves.previous_wave,
        last_wave.missing_share as previous_missing_share,
        this_wave.missing_share,
        this_wave.missing_share - last_wave.missing_share as missing_share_rise
    from missing_shares as this_wave
    inner join previous_waves
        on this_wave.study_id = previous_waves.study_id
        and this_wave.country = previous_waves.country
        and this_wave.wave = previous_waves.wave
    inner join missing_shares as last_wave
        on this_wave.study_id = last_wave.study_id
        and this_wave.country = last_wave.country
        and this_wave.statement_id = last_wave.statement_id
        and last_wave.wave = previous_waves.previous_wave
)

select * from final
"""


def build_suite(params: QualityParams) -> gx.ExpectationSuite:
    """The same rise judged at two thresholds: a look, then a block."""
    return gx.ExpectationSuite(
        name=SUITE_NAME,
        expectations=[
            gx.expectations.ExpectColumnValuesToBeBetween(
                column="missing_share_rise",
                max_value=params.max_missingness_jump,
                meta=WARNING,
                notes=f"A statement losing more than {params.max_missingness_jump:g} of its "
                "answers from one wave to the next was reworded, moved or dropped.",
            ),
            gx.expectations.ExpectColumnValuesToBeBetween(
                column="missing_share_rise",
                max_value=params.max_missingness_jump_error,
                meta=ERROR,
                notes=f"Losing more than {params.max_missingness_jump_error:g} of its answers "
                "means the statement's column or missing codes are mapped wrong.",
            ),
        ],
        notes="Share of missing answers per statement against the previous wave.",
    )
