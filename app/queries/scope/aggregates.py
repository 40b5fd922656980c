"""Sector and national aggregates, importance and the dimensions without company data."""

from __future__ import annotations

#: Aggregates of the visible samples. Their suppression reasons are for analysts only
#: (a revenue reason quotes a company's revenue share), and so are the dominance shares
#: and a sector's lowest and highest CX index (one company's score each).
AGGREGATES = """
create or replace macro benchmark_scores() as table
select
    benchmarks.* replace (
        if(viewer_is_analyst(), benchmarks.suppression_reason,
           if(benchmarks.is_suppressed, 'withheld', null)) as suppression_reason,
        if(viewer_is_analyst(), benchmarks.revenue_suppression_reason,
           if(benchmarks.is_revenue_suppressed, 'withheld', null)) as revenue_suppression_reason,
        if(viewer_is_analyst(), benchmarks.top_company_share, null) as top_company_share,
        if(viewer_is_analyst(), benchmarks.top_revenue_share, null) as top_revenue_share
    ),
from wh.marts.fct_benchmark_scores as benchmarks
semi join visible_samples() as samples
    on benchmarks.study_id = samples.study_id
    and benchmarks.country = samples.country
    and benchmarks.wave = samples.wave;

create or replace macro benchmark_pillar_scores() as table
select
    benchmarks.* replace (
        if(viewer_is_analyst(), benchmarks.suppression_reason,
           if(benchmarks.is_suppressed, 'withheld', null)) as suppression_reason
    ),
from wh.marts.fct_benchmark_pillar_scores as benchmarks
semi join visible_samples() as samples
    on benchmarks.study_id = samples.study_id
    and benchmarks.country = samples.country
    and benchmarks.wave = samples.wave;

create or replace macro sector_spreads() as table
select
    scores.study_id,
    scores.country,
    scores.wave,
    scores.sector_code,
    if(viewer_is_analyst(), min(scores.cx_index), null) as min_cx_index,
    quantile_cont(scores.cx_index, 0.25) as p25_cx_index,
    median(scores.cx_index) as median_cx_index,
    quantile_cont(scores.cx_index, 0.75) as p75_cx_index,
    if(viewer_is_analyst(), max(scores.cx_index), null) as max_cx_index,
from wh.marts.fct_company_scores as scores
semi join visible_samples() as samples
    on scores.study_id = samples.study_id
    and scores.country = samples.country
    and scores.wave = samples.wave
where scores.rank_in_country is not null
group by all;

create or replace macro pillar_importance() as table
select importance.*,
from wh.marts.fct_pillar_importance as importance
semi join visible_samples() as samples
    on importance.study_id = samples.study_id
    and importance.country = samples.country
    and importance.wave = samples.wave;
"""

#: Dimensions without company data, and the methodology's parameters (the text every
#: viewer reads is written from them): the same for every viewer.
DIMENSIONS = """
create or replace macro pillar_list() as table
select * from wh.marts.dim_pillar;

create or replace macro sector_list() as table
select sector_code, sector_name, from wh.marts.dim_sector;

create or replace macro study_list() as table
select studies.*,
from wh.marts.dim_study as studies
where studies.study_id in (select study_id from visible_samples());

create or replace macro methodology_parameters() as table
select * from wh.marts.dim_methodology;
"""
