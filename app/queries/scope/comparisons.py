"""Pillar comparisons (``fct_pillar_comparisons``) as the viewer sees them.

A row compares one company's pillar mean with its sector leader, its sector average or
its national average. A client sees its own companies' rows only; the leader a row
compares with is shown under the id the viewer knows it by (its pseudonym, or NULL
where the client may not see the peer set), never by its real id.
"""

from __future__ import annotations

COMPARISONS = """
create or replace macro pillar_comparisons() as table
select
    labels.shown_id as company_id,
    comparators.shown_id as comparator_company_id,
    comparisons.* exclude (company_id, comparator_company_id),
from wh.marts.fct_pillar_comparisons as comparisons
inner join company_labels() as labels
    on comparisons.study_id = labels.study_id
    and comparisons.country = labels.country
    and comparisons.wave = labels.wave
    and comparisons.company_id = labels.company_id
left join company_labels() as comparators
    on comparisons.study_id = comparators.study_id
    and comparisons.country = comparators.country
    and comparisons.wave = comparators.wave
    and comparisons.comparator_company_id = comparators.company_id
where viewer_is_analyst() or labels.is_own;
"""
