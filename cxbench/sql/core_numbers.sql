-- The core numbers of the methodology in one hand-written DuckDB script: the
-- benchmark's yardstick for `dbt build` (docs/benchmarks.md). It computes what
-- the dbt marts compute for company pillar scores, the CX index and ranks —
-- raking weights, weighted means with standard errors, driver weights from
-- Johnson's relative weights — as directly as DuckDB allows: pillar scores are
-- never materialised, the evaluations are read once for the cell counts and
-- once more for company sums and regression moments together.
--
-- Run by cxbench.bench_build: statements are separated by `-- step:` lines.
-- Two steps are `-- python:` hooks where the runner reads a small table (cell
-- counts, 8 × 8 moments) into numpy and writes a small one back (cell weights,
-- pillar weights): iterative raking and an eigen-decomposition are not SQL.
-- Parameters are the methodology defaults (dbt_project.yml vars):
-- min_base 100, half the statements answered, confidence 0.95, trim 0.3–3.0,
-- cee_weights driver.

-- step: schema
create schema if not exists core;

-- step: evaluation_scores
create or replace temp view evaluation_scores as
with answered as (
    select
        brand_id as company_id,
        country,
        wave,
        coalesce(channel, 'unknown') as channel,
        case
            when age between 18 and 24 then '18-24'
            when age between 25 and 34 then '25-34'
            when age between 35 and 44 then '35-44'
            when age between 45 and 54 then '45-54'
            when age between 55 and 64 then '55-64'
            when age >= 65 then '65+'
        end as age_band,
        gender,
        nps,
        loyalty,
        (per_1 is not null)::integer + (per_2 is not null)::integer + (per_3 is not null)::integer
            + (per_4 is not null)::integer + (per_5 is not null)::integer
            + (per_6 is not null)::integer as personalisation_n,
        coalesce(per_1, 0) + coalesce(per_2, 0) + coalesce(per_3, 0) + coalesce(per_4, 0)
            + coalesce(per_5, 0) + coalesce(per_6, 0) as personalisation_sum,
        (int_1 is not null)::integer + (int_2 is not null)::integer + (int_3 is not null)::integer
            + (int_4 is not null)::integer + (int_5 is not null)::integer as integrity_n,
        coalesce(int_1, 0) + coalesce(int_2, 0) + coalesce(int_3, 0) + coalesce(int_4, 0)
            + coalesce(int_5, 0) as integrity_sum,
        (exp_1 is not null)::integer + (exp_2 is not null)::integer + (exp_3 is not null)::integer
            + (exp_4 is not null)::integer as expectations_n,
        coalesce(exp_1, 0) + coalesce(exp_2, 0) + coalesce(exp_3, 0)
            + coalesce(exp_4, 0) as expectations_sum,
        (res_1 is not null)::integer + (res_2 is not null)::integer + (res_3 is not null)::integer
            + (res_4 is not null)::integer + (res_5 is not null)::integer as resolution_n,
        coalesce(res_1, 0) + coalesce(res_2, 0) + coalesce(res_3, 0) + coalesce(res_4, 0)
            + coalesce(res_5, 0) as resolution_sum,
        (tim_1 is not null)::integer + (tim_2 is not null)::integer + (tim_3 is not null)::integer
            + (tim_4 is not null)::integer + (tim_5 is not null)::integer as time_effort_n,
        coalesce(tim_1, 0) + coalesce(tim_2, 0) + coalesce(tim_3, 0) + coalesce(tim_4, 0)
            + coalesce(tim_5, 0) as time_effort_sum,
        (emp_1 is not null)::integer + (emp_2 is not null)::integer + (emp_3 is not null)::integer
            + (emp_4 is not null)::integer + (emp_5 is not null)::integer as empathy_n,
        coalesce(emp_1, 0) + coalesce(emp_2, 0) + coalesce(emp_3, 0) + coalesce(emp_4, 0)
            + coalesce(emp_5, 0) as empathy_sum
    from raw.survey_evaluations
)
select
    company_id,
    country,
    wave,
    channel,
    age_band,
    gender,
    nps,
    loyalty,
    case when personalisation_n >= 3 then personalisation_sum / personalisation_n end as personalisation,
    case when integrity_n >= 2.5 then integrity_sum / integrity_n end as integrity,
    case when expectations_n >= 2 then expectations_sum / expectations_n end as expectations,
    case when resolution_n >= 2.5 then resolution_sum / resolution_n end as resolution,
    case when time_effort_n >= 2.5 then time_effort_sum / time_effort_n end as time_effort,
    case when empathy_n >= 2.5 then empathy_sum / empathy_n end as empathy
from answered;

-- step: sample_cells
create or replace temp table sample_cells as
select
    country,
    wave,
    case
        when age between 18 and 24 then '18-24'
        when age between 25 and 34 then '25-34'
        when age between 35 and 44 then '35-44'
        when age between 45 and 54 then '45-54'
        when age between 55 and 64 then '55-64'
        when age >= 65 then '65+'
    end as age_band,
    gender,
    count(*) as n_evaluations
from raw.survey_evaluations
group by all;

-- python: rake
-- (reads sample_cells and raw.population_margins, writes temp table cell_weights)

-- step: company_and_moment_sums
-- One pass over the weighted evaluations: company sums per pillar and, with
-- grouping sets, the country × wave regression moments of the complete cases.
create or replace temp table weighted_sums as
with weighted as (
    select
        evaluation_scores.*,
        coalesce(cell_weights.weight, 1.0) as w,
        personalisation is not null and integrity is not null and expectations is not null
            and resolution is not null and time_effort is not null and empathy is not null
            and nps is not null and loyalty is not null as is_complete
    from evaluation_scores
    left join cell_weights
        on evaluation_scores.country = cell_weights.country
        and evaluation_scores.wave = cell_weights.wave
        and evaluation_scores.age_band = cell_weights.age_band
        and evaluation_scores.gender = cell_weights.gender
)
select
    grouping(company_id) as is_moments,
    company_id,
    country,
    wave,
    count(*) as n_evaluations,
    count(personalisation) as personalisation_n,
    sum(case when personalisation is not null then w end) as personalisation_w,
    sum(case when personalisation is not null then w * w end) as personalisation_w2,
    sum(w * personalisation) as personalisation_wx,
    sum(w * personalisation * personalisation) as personalisation_wx2,
    sum(personalisation) as personalisation_x,
    count(integrity) as integrity_n,
    sum(case when integrity is not null then w end) as integrity_w,
    sum(case when integrity is not null then w * w end) as integrity_w2,
    sum(w * integrity) as integrity_wx,
    sum(w * integrity * integrity) as integrity_wx2,
    sum(integrity) as integrity_x,
    count(expectations) as expectations_n,
    sum(case when expectations is not null then w end) as expectations_w,
    sum(case when expectations is not null then w * w end) as expectations_w2,
    sum(w * expectations) as expectations_wx,
    sum(w * expectations * expectations) as expectations_wx2,
    sum(expectations) as expectations_x,
    count(resolution) as resolution_n,
    sum(case when resolution is not null then w end) as resolution_w,
    sum(case when resolution is not null then w * w end) as resolution_w2,
    sum(w * resolution) as resolution_wx,
    sum(w * resolution * resolution) as resolution_wx2,
    sum(resolution) as resolution_x,
    count(time_effort) as time_effort_n,
    sum(case when time_effort is not null then w end) as time_effort_w,
    sum(case when time_effort is not null then w * w end) as time_effort_w2,
    sum(w * time_effort) as time_effort_wx,
    sum(w * time_effort * time_effort) as time_effort_wx2,
    sum(time_effort) as time_effort_x,
    count(empathy) as empathy_n,
    sum(case when empathy is not null then w end) as empathy_w,
    sum(case when empathy is not null then w * w end) as empathy_w2,
    sum(w * empathy) as empathy_wx,
    sum(w * empathy * empathy) as empathy_wx2,
    sum(empathy) as empathy_x,
    -- regression moments over complete cases (kept for the grouping set without company)
    count(*) filter (where is_complete) as m_n,
    sum(w) filter (where is_complete) as m_w,
    sum(w * w) filter (where is_complete) as m_w2,
    list_value(
        sum(w * personalisation) filter (where is_complete),
        sum(w * integrity) filter (where is_complete),
        sum(w * expectations) filter (where is_complete),
        sum(w * resolution) filter (where is_complete),
        sum(w * time_effort) filter (where is_complete),
        sum(w * empathy) filter (where is_complete),
        sum(w * nps) filter (where is_complete),
        sum(w * loyalty) filter (where is_complete)
    ) as m_sums,
    list_value(
        sum(w * personalisation * personalisation) filter (where is_complete),
        sum(w * personalisation * integrity) filter (where is_complete),
        sum(w * personalisation * expectations) filter (where is_complete),
        sum(w * personalisation * resolution) filter (where is_complete),
        sum(w * personalisation * time_effort) filter (where is_complete),
        sum(w * personalisation * empathy) filter (where is_complete),
        sum(w * personalisation * nps) filter (where is_complete),
        sum(w * personalisation * loyalty) filter (where is_complete),
        sum(w * integrity * integrity) filter (where is_complete),
        sum(w * integrity * expectations) filter (where is_complete),
        sum(w * integrity * resolution) filter (where is_complete),
        sum(w * integrity * time_effort) filter (where is_complete),
        sum(w * integrity * empathy) filter (where is_complete),
        sum(w * integrity * nps) filter (where is_complete),
        sum(w * integrity * loyalty) filter (where is_complete),
        sum(w * expectations * expectations) filter (where is_complete),
        sum(w * expectations * resolution) filter (where is_complete),
        sum(w * expectations * time_effort) filter (where is_complete),
        sum(w * expectations * empathy) filter (where is_complete),
        sum(w * expectations * nps) filter (where is_complete),
        sum(w * expectations * loyalty) filter (where is_complete),
        sum(w * resolution * resolution) filter (where is_complete),
        sum(w * resolution * time_effort) filter (where is_complete),
        sum(w * resolution * empathy) filter (where is_complete),
        sum(w * resolution * nps) filter (where is_complete),
        sum(w * resolution * loyalty) filter (where is_complete),
        sum(w * time_effort * time_effort) filter (where is_complete),
        sum(w * time_effort * empathy) filter (where is_complete),
        sum(w * time_effort * nps) filter (where is_complete),
        sum(w * time_effort * loyalty) filter (where is_complete),
        sum(w * empathy * empathy) filter (where is_complete),
        sum(w * empathy * nps) filter (where is_complete),
        sum(w * empathy * loyalty) filter (where is_complete),
        sum(w * nps * nps) filter (where is_complete),
        sum(w * nps * loyalty) filter (where is_complete),
        sum(w * loyalty * loyalty) filter (where is_complete)
    ) as m_cross_products
from weighted
group by grouping sets ((company_id, country, wave), (country, wave));

-- python: importance
-- (reads the moment rows of weighted_sums, writes temp table pillar_weights:
-- country, wave, pillar_id, weight = mean of the nps and loyalty shares)

-- step: company_pillar_scores
create or replace table core.company_pillar_scores as
with company_sums as (
    select * from weighted_sums where is_moments = 0
),
long as (
    unpivot company_sums
    on
        (personalisation_n, personalisation_w, personalisation_w2, personalisation_wx, personalisation_wx2, personalisation_x) as personalisation,
        (integrity_n, integrity_w, integrity_w2, integrity_wx, integrity_wx2, integrity_x) as integrity,
        (expectations_n, expectations_w, expectations_w2, expectations_wx, expectations_wx2, expectations_x) as expectations,
        (resolution_n, resolution_w, resolution_w2, resolution_wx, resolution_wx2, resolution_x) as resolution,
        (time_effort_n, time_effort_w, time_effort_w2, time_effort_wx, time_effort_wx2, time_effort_x) as time_effort,
        (empathy_n, empathy_w, empathy_w2, empathy_wx, empathy_wx2, empathy_x) as empathy
    into name pillar_id value n, sw, sw2, swx, swx2, sx
),
stats as (
    select
        company_id,
        country,
        wave,
        pillar_id,
        n_evaluations >= 100 as is_eligible,
        n,
        swx / sw as mean_score,
        sx / n as unweighted_mean_score,
        case
            when sw - sw2 / sw > 1e-12 * sw
                then sqrt(greatest((swx2 - swx * swx / sw) / (sw - sw2 / sw), 0)) / sqrt(sw * sw / sw2)
        end as std_error
    from long
)
select
    company_id,
    country,
    wave,
    pillar_id,
    n::integer as n_evaluations,
    mean_score,
    std_error,
    mean_score - 1.959963984540054 * std_error as ci_low,
    mean_score + 1.959963984540054 * std_error as ci_high,
    unweighted_mean_score,
    is_eligible
from stats;

-- step: company_scores
create or replace table core.company_scores as
with indexed as (
    select
        scores.company_id,
        scores.country,
        scores.wave,
        bool_and(scores.is_eligible) as is_eligible,
        case
            when count(scores.mean_score) = 6
                then sum(weights.weight * (scores.mean_score - 1.0) / 9.0 * 10.0)
        end as cx_index
    from core.company_pillar_scores as scores
    join pillar_weights as weights using (country, wave, pillar_id)
    group by all
),
with_sector as (
    select indexed.*, companies.sector_code
    from indexed
    left join raw.companies as companies on indexed.company_id = companies.brand_id
)
select
    company_id,
    country,
    wave,
    sector_code,
    cx_index,
    is_eligible,
    case when is_eligible and cx_index is not null then
        rank() over (partition by country, wave, is_eligible and cx_index is not null order by cx_index desc)
    end::integer as rank_in_country,
    case when is_eligible and cx_index is not null then
        rank() over (partition by country, wave, sector_code, is_eligible and cx_index is not null order by cx_index desc)
    end::integer as rank_in_sector
from with_sector;
