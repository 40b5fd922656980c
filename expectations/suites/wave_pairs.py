"""The wave each wave is compared with: the previous wave present for the same country.

Countries join the study in different years and may skip one, so "previous" is
the latest earlier wave that country actually has, not ``wave - 1``. A country's
first wave has no previous wave and is compared with nothing; with a single wave
the wave-over-wave frames are empty and their suites pass.
"""

from __future__ import annotations


def previous_waves_sql(country_waves: str) -> str:
    """A CTE body: ``country, wave, previous_wave`` for every wave with an earlier one.

    ``country_waves`` is a query (or CTE name) with ``country`` and ``wave`` columns.
    """
    return f"""
    select country, wave, previous_wave
    from (
        select
            country,
            wave,
            lag(wave) over (partition by country order by wave) as previous_wave
        from (select distinct country, wave from {country_waves})
    )
    where previous_wave is not null
    """
