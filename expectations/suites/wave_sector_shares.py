"""Wave over wave: a sector's share of a country's sample shifting sharply.

National averages are averages over whoever was sampled. If a sector's share of
a country × wave's evaluations moves a lot from the previous wave, the national
figure moves by composition alone — worth a warning above
``max_sector_share_shift``. A shift above ``max_sector_share_shift_error``
means a sector's file, or part of the brand list, went missing or was loaded
twice, and blocks publication. A sector present in only one of the two waves
counts with share 0 in the other.
"""

from __future__ import annotations

import great_expectations as gx

from cxbench.expectations.params import QualityParams
from cxbench.expectations.suites.spec import ERROR, WARNING
from cxbench.expectations.suites.wave_pairs import previous_waves_sql

SUITE_NAME = "wave_sector_shares"
SOURCE_TABLES = ("marts.fct_company_scores",)
KEY_COLUMNS = ("study_id", "country", "wave", "previous_wave", "sector_code")
NO_SECTOR = "(no sector)"

SOURCE_SQL = f"""
with

sector_counts as (
    select
        study_id,
        country,
        wave,
        coalesce(sector_code, '{NO_SECTOR}') as sector_code,
        sum(n_evaluations) as n_evaluations
    from marts.fct_company_scores
    group by all
),

sector_shares as (
    select
        study_id,
        country,
        wave,
        sector_code,
        n_evaluations / sum(n_evaluations) over (partition by study_id, country, wave)
            as sample_share
    from sector_counts
),

previous_waves as ({previous_waves_sql("sector_counts")}),

sectors_compared as (
    select distinct
        previous_waves.study_id,
        previous_waves.country,
        previous_waves.wave,
        previous_waves.previous_wave,
        sector_shares.sector_code
    from previous_waves
    inner join sector_shares
        on sector_shares.study_id = previous_waves.study_id
        and sector_shares.country = previous_waves.country
        and sector_shares.wave in (previous_waves.wave, previous_waves.previous_wave)
),

final as (
    select
        sectors_compared.*,
        coalesce(last_wave.sample_share, 0) as previous_sample_share,
        coalesce(this_wave.sample_share, 0) as sample_share,
        abs(coalesce(this_wave.sample_share, 0) - coalesce(last_wave.sample_share, 0))
            as sample_share_shift
    from sectors_compared
    left join sector_shares as this_wave
        on this_wave.study_id = sectors_compared.study_id
        and this_wave.country = sectors_compared.country
        and this_wave.wave = sectors_compared.wave
        and this_wave.sector_code = sectors_compared.sector_code
    left join sector_shares as last_wave
        on last_wave.study_id = sectors_compared.study_id
        and last_wave.country = sectors_compared.country
        and last_wave.wave = sectors_compared.previous_wave
        and last_wave.sector_code = sectors_compared.sector_code
)

select * from final
"""


def build_suite(params: QualityParams) -> gx.ExpectationSuite:
    """The same shift judged at two thresholds: a look, then a block."""
    return gx.ExpectationSuite(
        name=SUITE_NAME,
        expectations=[
            gx.expectations.ExpectColumnValuesToBeBetween(
                column="sample_share_shift",
                max_value=params.max_sector_share_shift,
                meta=WARNING,
                notes=f"A sector's share of the sample moving by more than "
                f"{params.max_sector_share_shift:g} moves the national average by "
                "composition alone.",
            ),
            gx.expectations.ExpectColumnValuesToBeBetween(
                column="sample_share_shift",
                max_value=params.max_sector_share_shift_error,
                meta=ERROR,
                notes=f"A shift beyond {params.max_sector_share_shift_error:g} is a sector's "
                "file or brands missing, or loaded twice, not a change in the panel.",
            ),
        ],
        notes="Sector shares of each country × wave sample against the previous wave.",
    )
