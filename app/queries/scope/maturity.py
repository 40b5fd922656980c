"""Maturity self-assessments as the viewer may see them."""

from __future__ import annotations

#: Maturity self-assessments: a client sees its own organisations, and its sector
#: leader (named as such) where the canonical study shows the client that leader.
MATURITY = """
create or replace macro maturity_labels() as table
select
    stages.country,
    stages.wave,
    stages.company_id,
    stages.company_id as shown_id,
    coalesce(companies.company_name, stages.company_id) as shown_name,
    list_contains(viewer_companies(), stages.company_id) as is_own,
from wh.marts.fct_maturity_stages as stages
left join wh.marts.dim_company as companies
    on stages.company_id = companies.company_id
where viewer_is_analyst()
    or (
        list_contains(viewer_companies(), stages.company_id)
        and exists (
            select 1
            from visible_waves() as visible
            where visible.country = stages.country and visible.wave = stages.wave
        )
    )
union all by name
select
    labels.country,
    labels.wave,
    labels.company_id,
    labels.shown_id,
    labels.shown_name,
    false as is_own,
from company_labels() as labels
where not viewer_is_analyst() and not labels.is_own and labels.is_sector_leader
    and labels.study_id in (select study_id from wh.marts.dim_study where is_canonical);

create or replace macro maturity_stages() as table
select
    labels.shown_id as company_id,
    labels.shown_name as company_name,
    labels.is_own,
    stages.* exclude (company_id),
from wh.marts.fct_maturity_stages as stages
inner join maturity_labels() as labels
    on stages.country = labels.country
    and stages.wave = labels.wave
    and stages.company_id = labels.company_id;

create or replace macro maturity_priorities() as table
select
    labels.shown_id as company_id,
    leaders.shown_id as leader_company_id,
    priorities.* exclude (company_id, leader_company_id)
    replace (
        if(leaders.shown_id is null, null, priorities.leader_score) as leader_score,
        if(leaders.shown_id is null, null, priorities.gap_to_leader) as gap_to_leader
    ),
from wh.marts.fct_maturity_priorities as priorities
inner join maturity_labels() as labels
    on priorities.country = labels.country
    and priorities.wave = labels.wave
    and priorities.company_id = labels.company_id
left join maturity_labels() as leaders
    on priorities.country = leaders.country
    and priorities.wave = leaders.wave
    and priorities.leader_company_id = leaders.company_id
where viewer_is_analyst() or labels.is_own;

create or replace macro maturity_scores() as table
select
    labels.shown_id as company_id,
    maturity.* exclude (company_id),
from wh.marts.fct_maturity as maturity
inner join maturity_labels() as labels
    on maturity.country = labels.country
    and maturity.wave = labels.wave
    and maturity.company_id = labels.company_id
where viewer_is_analyst() or labels.is_own;

create or replace macro maturity_outcome_links() as table
select links.*,
from wh.marts.fct_maturity_outcome_links as links
where viewer_is_analyst() or links.wave in (select wave from visible_waves());

create or replace macro maturity_item_list() as table
select * from wh.marts.dim_maturity_item;
"""
