"""Pillar comparisons as the viewer sees them: its own companies against their leader,
sector and national averages (fct_pillar_comparisons)."""

from __future__ import annotations

#: A client sees its own companies' rows only; the leader (comparator_company_id on the
#: leader rows) under its label ("Sector leader" for a client), and a leader row whose
#: leader it may not see is left out, as in ``leader_gaps()``. Averages are already
#: NULL where suppressed, with their difference, standard error and direction.
COMPARISONS = """
create or replace macro pillar_comparisons() as table
select
    labels.shown_id as company_id,
    leaders.shown_id as comparator_company_id,
    comparisons.* exclude (company_id, comparator_company_id),
from wh.marts.fct_pillar_comparisons as comparisons
inner join company_labels() as labels
    on comparisons.study_id = labels.study_id
    and comparisons.country = labels.country
    and comparisons.wave = labels.wave
    and comparisons.company_id = labels.company_id
left join company_labels() as leaders
    on comparisons.study_id = leaders.study_id
    and comparisons.country = leaders.country
    and comparisons.wave = leaders.wave
    and comparisons.comparator_company_id = leaders.company_id
where (viewer_is_analyst() or labels.is_own)
    and (comparisons.comparator <> 'leader' or leaders.shown_id is not null);
"""
