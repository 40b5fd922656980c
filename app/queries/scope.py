"""What one viewer may see, in SQL: the only place the app's queries name warehouse tables.

Every other query module reads the warehouse through the table macros defined here
(``company_scores()``, ``benchmark_scores()``, …), never through ``wh.<schema>.<table>``
(tests/app/test_scope.py holds them to it). Each macro reads the viewer of the cursor
it runs on — ``getvariable('viewer')``, a struct that :func:`app.queries.warehouse.fetch_rows`
sets from the :class:`~app.viewer.Viewer` before every query — and returns only what that
viewer may see:

- an **analyst** sees every row of every wave, every company by its id and name;
- a **client** sees the published waves of the canonical study only (those in
  ``published.latest_rankings``); its entitled companies by id and name; the
  eligible peers of its own sectors only where the sector's peer set is disclosed,
  each as a pseudonym ("Competitor C", the leader as "Sector leader") whose letter is
  drawn from a keyed hash, so the letters are stable for that client within a
  country × wave × sector and differ between clients; every disclosed aggregate,
  with the reason for a suppression reduced to "withheld"; nothing of the data
  quality tables (file paths, respondent-level reject reasons).
- a cursor without a viewer (or with the ``nobody`` viewer that decides who is
  looking) sees nothing: the macros fail closed.

A peer's real id and name never leave SQL: the macros put the pseudonym in the
``company_id`` and ``company_name`` columns, so a query written for an analyst is
safe for a client without knowing it.
"""

from __future__ import annotations

import secrets

import duckdb

#: The viewer of the cursor: its role, its entitled companies, the words of pseudonyms.
_VIEWER = """
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
_SAMPLES = """
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

#: One row per company a viewer may see in a sample: the id and name it is shown under.
#: Letters are ordered by a hash keyed with the warehouse's secret pseudonym key and the
#: client's entitled companies, so they cannot be recomputed or lined up across clients.
_LABELS = """
create or replace macro pseudonym_letters(n) as
    case
        when n <= 26 then chr(cast(64 + n as integer))
        else chr(cast(64 + (n - 1) // 26 as integer)) || chr(cast(65 + (n - 1) % 26 as integer))
    end;

create or replace macro company_labels() as table
with

scored as (
    select
        scores.study_id,
        scores.country,
        scores.wave,
        scores.company_id,
        scores.sector_code,
        scores.is_eligible,
        scores.is_sector_leader,
        list_contains(viewer_companies(), scores.company_id) as is_own,
    from wh.marts.fct_company_scores as scores
    semi join visible_samples() as samples
        on scores.study_id = samples.study_id
        and scores.country = samples.country
        and scores.wave = samples.wave
),

own_sectors as (
    select distinct
        scored.study_id,
        scored.country,
        scored.wave,
        scored.sector_code,
    from scored
    inner join wh.marts.fct_benchmark_scores as sectors
        on sectors.benchmark_level = 'sector'
        and scored.study_id = sectors.study_id
        and scored.country = sectors.country
        and scored.wave = sectors.wave
        and scored.sector_code = sectors.sector_code
    -- a sector's peers are shown to a client only where the marts disclose its peer
    -- set (docs/methodology.md, "What a client can and cannot infer")
    where scored.is_own and sectors.is_peer_set_disclosed
),

peers as (
    select
        scored.*,
        row_number() over (
            partition by
                scored.study_id, scored.country, scored.wave, scored.sector_code,
                scored.is_sector_leader
            order by sha256(
                (select pseudonym_key from scope_key)
                || list_aggregate(list_sort(viewer_companies()), 'string_agg', ',')
                || '|' || scored.company_id
            )
        ) as peer_number,
    from scored
    semi join own_sectors
        on scored.study_id = own_sectors.study_id
        and scored.country = own_sectors.country
        and scored.wave = own_sectors.wave
        and scored.sector_code = own_sectors.sector_code
    where not scored.is_own and scored.is_eligible
),

named as (
    select
        scored.study_id,
        scored.country,
        scored.wave,
        scored.company_id,
        scored.sector_code,
        scored.company_id as shown_id,
        coalesce(companies.company_name, scored.company_id) as shown_name,
        scored.is_own,
        scored.is_sector_leader,
    from scored
    left join wh.marts.dim_company as companies
        on scored.company_id = companies.company_id
    where viewer_is_analyst() or scored.is_own
),

pseudonymised as (
    select
        study_id,
        country,
        wave,
        company_id,
        sector_code,
        case
            when is_sector_leader then 'sector-leader-' || peer_number
            else 'competitor-' || lower(pseudonym_letters(peer_number))
        end as shown_id,
        case
            when is_sector_leader and peer_number = 1 then viewer_word('leader')
            when is_sector_leader then viewer_word('leader') || ' ' || peer_number
            else viewer_word('peer') || ' ' || pseudonym_letters(peer_number)
        end as shown_name,
        false as is_own,
        is_sector_leader,
    from peers
    where not viewer_is_analyst()
)

select * from named
union all by name
select * from pseudonymised;
"""

#: Company marts, rows of visible companies only, ids and names as the viewer sees them.
_COMPANY_MARTS = """
create or replace macro company_scores() as table
select
    labels.shown_id as company_id,
    labels.shown_name as company_name,
    labels.is_own,
    coalesce(sectors.sector_name, scores.sector_code) as sector_name,
    scores.* exclude (company_id),
from (
    -- counted over every company, not only the visible ones: "rank 3 of 12"
    select
        *,
        count(rank_in_country) over (partition by study_id, country, wave)
            as n_ranked_in_country,
        count(rank_in_sector) over (partition by study_id, country, wave, sector_code)
            as n_ranked_in_sector,
    from wh.marts.fct_company_scores
) as scores
inner join company_labels() as labels
    on scores.study_id = labels.study_id
    and scores.country = labels.country
    and scores.wave = labels.wave
    and scores.company_id = labels.company_id
left join wh.marts.dim_sector as sectors
    on scores.sector_code = sectors.sector_code;

create or replace macro company_pillar_scores() as table
select
    labels.shown_id as company_id,
    labels.shown_name as company_name,
    scores.* exclude (company_id),
from wh.marts.fct_company_pillar_scores as scores
inner join company_labels() as labels
    on scores.study_id = labels.study_id
    and scores.country = labels.country
    and scores.wave = labels.wave
    and scores.company_id = labels.company_id;

create or replace macro leader_gaps() as table
select
    labels.shown_id as company_id,
    leaders.shown_id as leader_company_id,
    gaps.* exclude (company_id, leader_company_id),
from wh.marts.fct_leader_gaps as gaps
inner join company_labels() as labels
    on gaps.study_id = labels.study_id
    and gaps.country = labels.country
    and gaps.wave = labels.wave
    and gaps.company_id = labels.company_id
inner join company_labels() as leaders
    on gaps.study_id = leaders.study_id
    and gaps.country = leaders.country
    and gaps.wave = leaders.wave
    and gaps.leader_company_id = leaders.company_id
where viewer_is_analyst() or labels.is_own;
"""

#: Aggregates of the visible samples. Their suppression reasons are for analysts only
#: (a revenue reason quotes a company's revenue share), and so are the dominance shares
#: and a sector's lowest and highest CX index (one company's score each).
_AGGREGATES = """
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
_DIMENSIONS = """
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

#: Data quality: file paths and respondent-level reject reasons are for analysts only.
_AUDIT = """
create or replace macro load_batches() as table
select * from wh.raw.load_batches where viewer_is_analyst();

create or replace macro rejected_rows() as table
select * from wh.raw.rejected_rows where viewer_is_analyst();

create or replace macro quality_runs() as table
select * from wh.audit.quality_runs where viewer_is_analyst();

create or replace macro quality_results() as table
select * from wh.audit.quality_results where viewer_is_analyst();
"""

#: Maturity self-assessments: a client sees its own organisations, and its sector
#: leader (named as such) where the canonical study shows the client that leader.
_MATURITY = """
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

#: Who may look at all: a principal's grants, and the organisation a preview names.
#: Read before there is a viewer (they decide it), so they do not depend on one.
_ACCESS = """
create or replace macro access_grants(who) as table
select grants.role, grants.company_id,
from wh.access.grants as grants
where grants.principal = lower(trim(who));
"""
_NO_ACCESS = """
create or replace macro access_grants(who) as table
select null::varchar as role, null::varchar as company_id, where false;
"""
_KNOWN_COMPANY = """
create or replace macro known_company(wanted) as table
select company_id, company_name, from wh.marts.dim_company where company_id = wanted;
"""


def install_scope(connection: duckdb.DuckDBPyConnection, tables: set[str]) -> None:
    """Define the viewer-scoped macros on a connection with the warehouse attached as ``wh``.

    ``tables`` are the ``schema.table`` names the file holds: the published waves and
    the pseudonym key are copied into the in-memory catalog (empty, resp. a random
    key for this connection, when the file has none). A macro over a table the file
    lacks (maturity, audit, a mart of a half-built file) is left undefined, so an
    older warehouse still serves the pages it can and the others explain what is
    missing (the router checks each page's tables before drawing it).
    """
    if "published.latest_rankings" in tables:
        connection.execute(
            "create or replace table scope_published_waves as "
            "select distinct country, wave from wh.published.latest_rankings"
        )
    else:
        connection.execute(
            "create or replace table scope_published_waves (country varchar, wave integer)"
        )
    if "access.settings" in tables:
        connection.execute(
            "create or replace table scope_key as "
            "select pseudonym_key from wh.access.settings limit 1"
        )
    else:
        connection.execute(
            "create or replace table scope_key as select ? as pseudonym_key",
            [secrets.token_hex(32)],
        )
    blocks = (
        _VIEWER,
        _SAMPLES,
        _LABELS,
        _COMPANY_MARTS,
        _AGGREGATES,
        _DIMENSIONS,
        _AUDIT,
        _MATURITY,
        _ACCESS if "access.grants" in tables else _NO_ACCESS,
        _KNOWN_COMPANY,
    )
    for block in blocks:
        for statement in filter(str.strip, block.split(";")):
            try:
                connection.execute(statement)
            except duckdb.CatalogException:
                continue  # a table (or a macro over one) this file lacks: its pages say so
