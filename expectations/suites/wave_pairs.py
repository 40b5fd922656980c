"""The wave each wave is compared with: the previous wave of the same study in the same country.

A panel is one study in one country: two unrelated studies fielded in one
country are never successive waves of each other. Countries join a study in
different years and may skip one, so "previous" is the latest earlier wave that
study has in that country, not ``wave - 1``. A panel's first wave has no
previous wave and is compared with nothing; with a single wave the
wave-over-wave frames are empty and their suites pass.
"""

from __future__ import annotations


def previous_waves_sql(panel_waves: str) -> str:
    """A CTE body: ``study_id, country, wave, previous_wave`` for every wave with an earlier one.

    ``panel_waves`` is a query (or CTE name) with ``study_id``, ``country`` and ``wave``.
    """
    return f"""
    select study_id, country, wave, previous_wave
    from (
        select
            study_id,
            country,
            wave,
            lag(wave) over (partition by study_id, country order by wave) as previous_wave
        from (select distinct study_id, country, wave from {panel_waves})
    )
    where previous_wave is not null
    """
