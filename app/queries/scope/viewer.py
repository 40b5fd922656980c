"""Who the cursor's viewer is, and which samples (study × country × wave) it may see."""

from __future__ import annotations

#: The viewer of the cursor: its role, its entitled companies, the words of pseudonyms.
VIEWER = """
create or replace macro viewer_is_client() as
    coalesce(getvariable('viewer')['role'] = 'client', false);
create or replace macro viewer_is_analyst() as
    coalesce(getvariable('viewer')['role'] = 'analyst', false);
create or replace macro viewer_companies() as
    coalesce(getvariable('viewer')['companies'], []::varchar[]);
create or replace macro viewer_word(word) as
    coalesce(getvariable('viewer')[word], '');
"""

#: The samples (study × country × wave) the viewer may see.
SAMPLES = """
create or replace macro visible_samples() as table
select distinct
    scores.study_id,
    scores.country,
    scores.wave,
from wh.marts.fct_company_scores as scores
where viewer_is_analyst()
    or (
        viewer_is_client()
        and scores.study_id in (select study_id from wh.marts.dim_study where is_canonical)
        and exists (
            select 1
            from scope_published_waves as published
            where published.country = scores.country and published.wave = scores.wave
        )
    );

create or replace macro visible_waves() as table
select distinct country, wave from visible_samples();
"""
