"""All SQL of the app: parameterised, read-only queries on the marts (contract §4).

The warehouse file is attached ``READ_ONLY`` to an in-memory DuckDB connection,
because a second ``duckdb.connect`` to the same path in one process hands back the
already-open database, and an open connection keeps reading the old file after a
refresh swaps a new one in with ``os.replace``. The cached connection is keyed on
the file's path, inode and modification time (:class:`WarehouseFile`), so a swap
yields a new key, a new connection and new cached results, without a restart.

Every query function takes that key as its first argument: it is part of the
``st.cache_data`` key, so a swapped file never serves stale results. User choices
only ever travel as ``?`` parameters.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import streamlit as st

from cxbench.settings import load_settings

#: Columns the app reads from each mart; a warehouse lacking any is reported, not queried.
# fmt: off
REQUIRED_COLUMNS: dict[str, frozenset[str]] = {
    "dim_pillar": frozenset({
        "pillar_id", "sort_order", "label_en", "label_nl", "label_no", "label_pl",
    }),
    "dim_company": frozenset({"company_id", "company_name", "sector_code", "sector_name"}),
    "fct_company_pillar_scores": frozenset({
        "company_id", "country", "wave", "pillar_id", "n_evaluations", "mean_score", "ci_low",
        "ci_high", "is_eligible",
    }),
    "fct_company_scores": frozenset({
        "company_id", "country", "wave", "sector_code", "n_evaluations", "cx_index",
        "is_eligible", "rank_in_country", "rank_in_sector", "is_sector_leader",
        "methodology_version",
    }),
}
# fmt: on

#: Tables each page reads beyond :data:`REQUIRED_COLUMNS` (``schema.table``). A page
#: whose tables are absent explains what to run instead of failing; the core marts
#: stay the precondition of every page.
# fmt: off
PAGE_TABLES: dict[str, tuple[str, ...]] = {
    "compare": ("marts.fct_leader_gaps", "marts.fct_sector_pillar_scores",
                "marts.fct_country_pillar_scores", "marts.fct_sector_scores",
                "marts.fct_country_scores"),
    "rankings": ("marts.dim_sector",),
    "sectors": ("marts.fct_sector_scores", "marts.fct_sector_pillar_scores",
                "marts.fct_country_pillar_scores", "marts.dim_sector"),
    "drivers": ("marts.fct_pillar_importance",),
    "quality": ("raw.load_batches", "raw.rejected_rows", "audit.quality_runs",
                "audit.quality_results"),
    "methodology": ("marts.dim_methodology",),
}
# fmt: on


@dataclass(frozen=True)
class WarehouseFile:
    """Identity of one version of the warehouse file: a swap changes inode and mtime."""

    path: str
    inode: int
    mtime_ns: int


class WarehouseUnavailable(Exception):
    """The warehouse cannot serve the app; views turn this into a hint, not a trace.

    ``reason`` is ``missing_file``, ``missing_marts`` or ``unreadable`` (an i18n key).
    """

    def __init__(self, reason: str, path: Path, detail: str = "") -> None:
        super().__init__(f"{reason}: {path} {detail}".strip())
        self.reason = reason
        self.path = path
        self.detail = detail


@dataclass(frozen=True)
class CompanyScore:
    """One company's headline numbers in one country × wave (a ``fct_company_scores`` row)."""

    company_id: str
    company_name: str
    sector_code: str
    sector_name: str
    n_evaluations: int
    cx_index: float | None
    is_eligible: bool
    rank_in_country: int | None
    rank_in_sector: int | None
    is_sector_leader: bool
    n_ranked_in_country: int
    n_ranked_in_sector: int
    methodology_version: str | None


def open_warehouse(db_path: Path | None = None, page: str | None = None) -> WarehouseFile:
    """Check that the warehouse can serve the marts and return the key of its current file.

    Raises :class:`WarehouseUnavailable` when the file is missing, cannot be opened or
    lacks a mart or column the app reads, or (with ``page``) a table of
    :data:`PAGE_TABLES` that page reads (reason ``missing_tables``).
    """
    path = db_path or load_settings().db_path
    try:
        stat = path.stat()
    except FileNotFoundError as exc:
        raise WarehouseUnavailable("missing_file", path) from exc
    key = WarehouseFile(str(path), stat.st_ino, stat.st_mtime_ns)
    try:
        missing = _missing_marts(key)
        absent = sorted(set(PAGE_TABLES.get(page or "", ())) - _tables(key))
    except duckdb.Error as exc:
        raise WarehouseUnavailable("unreadable", path, str(exc).splitlines()[0]) from exc
    if missing:
        raise WarehouseUnavailable("missing_marts", path, ", ".join(missing))
    if absent:
        raise WarehouseUnavailable("missing_tables", path, ", ".join(absent))
    return key


@st.cache_resource(max_entries=2, show_spinner=False)
def _connection(key: WarehouseFile) -> duckdb.DuckDBPyConnection:
    """One in-memory connection per file version, with the file attached read-only as ``wh``.

    Two entries: the current file, and the one a running session may still be reading
    while a swap happens. An evicted connection closes when its last cursor is gone.
    """
    connection = duckdb.connect(":memory:")
    try:
        connection.execute("attach ? as wh (read_only)", [key.path])
    except duckdb.Error:
        connection.close()
        raise
    return connection


def _rows(key: WarehouseFile, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    """Run ``sql`` on its own cursor (connections are not thread-safe) and fetch all rows."""
    with _connection(key).cursor() as cursor:
        result = cursor.execute(sql, params)
        names = [column[0] for column in result.description]
        return [dict(zip(names, row, strict=True)) for row in result.fetchall()]


def _frame(key: WarehouseFile, sql: str, params: list[Any]) -> pd.DataFrame:
    """Run ``sql`` on its own cursor and return the whole result as a DataFrame."""
    with _connection(key).cursor() as cursor:
        return cursor.execute(sql, params).df()


@st.cache_data(show_spinner=False)
def _tables(key: WarehouseFile) -> set[str]:
    """``schema.table`` of every table and view in the attached file."""
    sql = """
        select distinct table_schema || '.' || table_name as name,
        from information_schema.tables
        where table_catalog = 'wh'
    """
    return {row["name"] for row in _rows(key, sql, [])}


@st.cache_data(show_spinner=False)
def _missing_marts(key: WarehouseFile) -> list[str]:
    """Marts (or ``mart.column``) the app needs that the attached file lacks."""
    found = _rows(
        key,
        """
        select
            table_name,
            column_name,
        from information_schema.columns
        where table_catalog = 'wh' and table_schema = 'marts'
        """,
        [],
    )
    columns_by_table: dict[str, set[str]] = {}
    for row in found:
        columns_by_table.setdefault(row["table_name"], set()).add(row["column_name"])
    missing: list[str] = []
    for table, needed in REQUIRED_COLUMNS.items():
        if table not in columns_by_table:
            missing.append(f"marts.{table}")
            continue
        absent = sorted(needed - columns_by_table[table])
        missing.extend(f"marts.{table}.{column}" for column in absent)
    return missing


@st.cache_data(show_spinner=False)
def countries(key: WarehouseFile) -> list[str]:
    """Countries with company scores, alphabetical."""
    sql = "select distinct country from wh.marts.fct_company_scores order by country"
    return [row["country"] for row in _rows(key, sql, [])]


@st.cache_data(show_spinner=False)
def waves(key: WarehouseFile, country: str) -> list[int]:
    """Waves with company scores in ``country``, newest first (the default is the newest)."""
    rows = _rows(
        key,
        """
        select distinct wave
        from wh.marts.fct_company_scores
        where country = ?
        order by wave desc
        """,
        [country],
    )
    return [row["wave"] for row in rows]


@st.cache_data(show_spinner=False)
def organisations(key: WarehouseFile, country: str, wave: int) -> dict[str, str]:
    """``company_id -> company_name`` of every scored company in country × wave, by name.

    Ineligible companies are included: a client below the minimum base still sees
    its own numbers.
    """
    rows = _rows(
        key,
        """
        select
            scores.company_id,
            companies.company_name,
        from wh.marts.fct_company_scores as scores
        inner join wh.marts.dim_company as companies
            on scores.company_id = companies.company_id
        where scores.country = ? and scores.wave = ?
        order by companies.company_name, scores.company_id
        """,
        [country, wave],
    )
    return {str(row["company_id"]): row["company_name"] for row in rows}


#: Pillar labels in the chosen language; the language is the first ``?`` of any query
#: that starts with this CTE, chosen in a ``case`` so nothing is formatted into SQL.
#: The ``label_<language>`` column chosen by a ``?`` parameter (English by default).
_LABEL_IN_LANGUAGE = """case ?
            when 'nl' then label_nl
            when 'no' then label_no
            when 'pl' then label_pl
            else label_en
        end"""

_PILLARS_CTE = f"""
pillars as (
    select
        pillar_id,
        sort_order,
        {_LABEL_IN_LANGUAGE} as pillar_label,
    from wh.marts.dim_pillar
)
"""


# --- Compare ---


@st.cache_data(show_spinner=False)
def benchmark_pillars(
    key: WarehouseFile, country: str, wave: int, sector_code: str, language: str
) -> pd.DataFrame:
    """Sector and national average per pillar, with its interval and any suppression.

    One row per ``benchmark`` (``sector``, ``country``) × pillar. ``mean_score`` and
    the interval are the marts' (NULL when suppressed; ``suppression_reason`` says
    why): the average of k company means with standard error sqrt(Σ se²) / k.
    """
    return _frame(
        key,
        f"""
        with {_PILLARS_CTE},

        averages as (
            select
                'sector' as benchmark,
                pillar_id,
                n_companies_scored,
                avg_score,
                ci_low,
                ci_high,
                is_suppressed,
                suppression_reason,
            from wh.marts.fct_sector_pillar_scores
            where country = ? and wave = ? and sector_code = ?
            union all
            select
                'country' as benchmark,
                pillar_id,
                n_companies_scored,
                avg_score,
                ci_low,
                ci_high,
                is_suppressed,
                suppression_reason,
            from wh.marts.fct_country_pillar_scores
            where country = ? and wave = ?
        )

        select
            averages.benchmark,
            pillars.pillar_id,
            pillars.sort_order,
            pillars.pillar_label,
            averages.avg_score as mean_score,
            averages.ci_low,
            averages.ci_high,
            averages.n_companies_scored,
            averages.is_suppressed,
            averages.suppression_reason,
        from averages
        inner join pillars
            on averages.pillar_id = pillars.pillar_id
        order by averages.benchmark desc, pillars.sort_order
        """,
        [language, country, wave, sector_code, country, wave],
    )


@st.cache_data(show_spinner=False)
def leader_gaps(
    key: WarehouseFile, country: str, wave: int, company_id: str, language: str
) -> pd.DataFrame:
    """The company's gap to its sector leader per pillar, in priority order (1 = fix first).

    Empty when the company's sector has no leader in that country × wave.
    """
    return _frame(
        key,
        f"""
        with {_PILLARS_CTE}

        select
            gaps.pillar_id,
            pillars.sort_order,
            pillars.pillar_label,
            gaps.mean_score,
            gaps.leader_mean_score,
            gaps.gap_to_leader,
            gaps.gap_z_score,
            gaps.importance,
            gaps.priority,
            gaps.priority_rank,
            gaps.is_gap_significant,
            gaps.is_leader,
        from wh.marts.fct_leader_gaps as gaps
        inner join pillars
            on gaps.pillar_id = pillars.pillar_id
        where gaps.country = ? and gaps.wave = ? and cast(gaps.company_id as varchar) = ?
        order by gaps.priority_rank nulls last, pillars.sort_order
        """,
        [language, country, wave, company_id],
    )


@st.cache_data(show_spinner=False)
def pillar_trend(key: WarehouseFile, country: str, company_id: str, language: str) -> pd.DataFrame:
    """The company's pillar means with intervals in every wave it was scored, oldest first."""
    return _frame(
        key,
        f"""
        with {_PILLARS_CTE}

        select
            scores.wave,
            pillars.pillar_id,
            pillars.sort_order,
            pillars.pillar_label,
            scores.mean_score,
            scores.ci_low,
            scores.ci_high,
            scores.n_evaluations,
        from wh.marts.fct_company_pillar_scores as scores
        inner join pillars
            on scores.pillar_id = pillars.pillar_id
        where scores.country = ? and cast(scores.company_id as varchar) = ?
        order by scores.wave, pillars.sort_order
        """,
        [language, country, company_id],
    )


@st.cache_data(show_spinner=False)
def cx_index_trend(key: WarehouseFile, country: str, company_id: str) -> pd.DataFrame:
    """Per wave: the company's CX index and rank next to its sector and national averages.

    An average that disclosure control suppressed is NULL with its reason beside it.
    """
    return _frame(
        key,
        """
        with company as (
            select
                country,
                wave,
                sector_code,
                cx_index,
                rank_in_country,
            from wh.marts.fct_company_scores
            where country = ? and cast(company_id as varchar) = ?
        )

        select
            company.wave,
            company.cx_index,
            company.rank_in_country,
            sectors.avg_cx_index as sector_avg_cx_index,
            sectors.suppression_reason as sector_suppression_reason,
            countries.avg_cx_index as country_avg_cx_index,
            countries.suppression_reason as country_suppression_reason,
        from company
        left join wh.marts.fct_sector_scores as sectors
            on company.country = sectors.country
            and company.wave = sectors.wave
            and company.sector_code = sectors.sector_code
        left join wh.marts.fct_country_scores as countries
            on company.country = countries.country and company.wave = countries.wave
        order by company.wave
        """,
        [country, company_id],
    )


# --- Rankings ---


@st.cache_data(show_spinner=False)
def sectors_scored(key: WarehouseFile, country: str, wave: int) -> dict[str, str]:
    """``sector_code -> sector_name`` of the sectors with company scores, by name."""
    rows = _rows(
        key,
        """
        select distinct
            scores.sector_code,
            coalesce(sectors.sector_name, scores.sector_code) as sector_name,
        from wh.marts.fct_company_scores as scores
        left join wh.marts.dim_sector as sectors
            on scores.sector_code = sectors.sector_code
        where scores.country = ? and scores.wave = ?
        order by sector_name, scores.sector_code
        """,
        [country, wave],
    )
    return {row["sector_code"]: row["sector_name"] for row in rows}


_RANKED_COMPANIES_SQL = """
select
    scores.rank_in_country,
    scores.rank_in_sector,
    scores.company_id,
    companies.company_name,
    scores.sector_code,
    coalesce(companies.sector_name, scores.sector_code) as sector_name,
    scores.cx_index,
    scores.nps_score,
    scores.n_evaluations,
    scores.previous_cx_index,
    scores.cx_index_change,
    scores.previous_rank_in_country,
    scores.rank_in_country_change,
    scores.is_sector_leader,
    scores.methodology_version,
from wh.marts.fct_company_scores as scores
inner join wh.marts.dim_company as companies
    on scores.company_id = companies.company_id
where scores.country = ? and scores.wave = ? and scores.rank_in_country is not null
"""


@st.cache_data(show_spinner=False)
def ranking(
    key: WarehouseFile, country: str, wave: int, sector_code: str, top_n: int
) -> pd.DataFrame:
    """The ``top_n`` ranked companies of country × wave, best first; ``sector_code`` "" = all."""
    return _frame(
        key,
        f"""{_RANKED_COMPANIES_SQL}
        and (? = '' or scores.sector_code = ?)
        order by scores.rank_in_country, scores.company_id
        limit ?
        """,
        [country, wave, sector_code, sector_code, top_n],
    )


@st.cache_data(show_spinner=False)
def sector_leaders(key: WarehouseFile, country: str, wave: int) -> pd.DataFrame:
    """Every sector's leader in country × wave (tied leaders all listed), best index first."""
    return _frame(
        key,
        f"""{_RANKED_COMPANIES_SQL}
        and scores.is_sector_leader
        order by scores.cx_index desc, sector_name, scores.company_id
        """,
        [country, wave],
    )


@st.cache_data(show_spinner=False)
def movers(key: WarehouseFile, country: str, wave: int) -> pd.DataFrame:
    """Companies ranked in this and the previous wave, biggest CX index gain first.

    Only ``is_mover_comparable`` rows: a change is meaningless for a company that
    was not ranked in both waves.
    """
    return _frame(
        key,
        f"""{_RANKED_COMPANIES_SQL}
        and scores.is_mover_comparable
        order by scores.cx_index_change desc, scores.company_id
        """,
        [country, wave],
    )


# --- Sectors ---


@st.cache_data(show_spinner=False)
def sector_profiles(key: WarehouseFile, country: str, wave: int) -> pd.DataFrame:
    """One row per sector of country × wave: averages, suppression and the spread.

    The spread (min, quartiles, max of the ranked companies' CX index) is computed
    here and, like the averages, withheld for a suppressed sector: a spread of a
    small sector would disclose what suppression hides.
    """
    return _frame(
        key,
        """
        with spread as (
            select
                sector_code,
                min(cx_index) as min_cx_index,
                quantile_cont(cx_index, 0.25) as p25_cx_index,
                median(cx_index) as median_cx_index,
                quantile_cont(cx_index, 0.75) as p75_cx_index,
                max(cx_index) as max_cx_index,
            from wh.marts.fct_company_scores
            where country = ? and wave = ? and rank_in_country is not null
            group by all
        )

        select
            profiles.sector_code,
            coalesce(sectors.sector_name, profiles.sector_code) as sector_name,
            profiles.n_companies,
            profiles.n_eligible_companies,
            profiles.n_evaluations,
            profiles.avg_cx_index,
            profiles.revenue_weighted_cx_index,
            profiles.avg_nps_score,
            if(profiles.is_suppressed, null, spread.min_cx_index) as min_cx_index,
            if(profiles.is_suppressed, null, spread.p25_cx_index) as p25_cx_index,
            if(profiles.is_suppressed, null, spread.median_cx_index) as median_cx_index,
            if(profiles.is_suppressed, null, spread.p75_cx_index) as p75_cx_index,
            if(profiles.is_suppressed, null, spread.max_cx_index) as max_cx_index,
            profiles.is_suppressed,
            profiles.suppression_reason,
        from wh.marts.fct_sector_scores as profiles
        left join wh.marts.dim_sector as sectors
            on profiles.sector_code = sectors.sector_code
        left join spread
            on profiles.sector_code = spread.sector_code
        where profiles.country = ? and profiles.wave = ?
        order by profiles.is_suppressed, profiles.avg_cx_index desc nulls last, sector_name
        """,
        [country, wave, country, wave],
    )


# --- Drivers ---


@st.cache_data(show_spinner=False)
def pillar_importance(key: WarehouseFile, country: str, wave: int, language: str) -> pd.DataFrame:
    """Importance of each pillar for advocacy and loyalty in country × wave, pillar order."""
    return _frame(
        key,
        f"""
        with {_PILLARS_CTE}

        select
            pillars.pillar_id,
            pillars.sort_order,
            pillars.pillar_label,
            drivers.importance,
            drivers.importance_rank,
            drivers.nps_share,
            drivers.loyalty_share,
            drivers.nps_r2,
            drivers.loyalty_r2,
            drivers.n_complete_cases,
            drivers.is_estimated,
            drivers.estimation_note,
        from wh.marts.fct_pillar_importance as drivers
        inner join pillars
            on drivers.pillar_id = pillars.pillar_id
        where drivers.country = ? and drivers.wave = ?
        order by pillars.sort_order
        """,
        [language, country, wave],
    )


@st.cache_data(show_spinner=False)
def explained_variance(key: WarehouseFile) -> pd.DataFrame:
    """R² of advocacy (nps) and loyalty on the six pillars, per country × wave."""
    return _frame(
        key,
        """
        select
            country,
            wave,
            any_value(nps_r2) as nps_r2,
            any_value(loyalty_r2) as loyalty_r2,
            any_value(n_complete_cases) as n_complete_cases,
        from wh.marts.fct_pillar_importance
        group by all
        order by country, wave
        """,
        [],
    )


# --- Data quality ---


@st.cache_data(show_spinner=False)
def latest_batches(key: WarehouseFile, limit: int) -> pd.DataFrame:
    """The ``limit`` most recent load batches, newest first."""
    return _frame(
        key,
        """
        select
            batch_id,
            kind,
            source_path,
            status,
            rows_in,
            rows_loaded,
            rows_rejected,
            started_at,
            finished_at,
        from wh.raw.load_batches
        order by started_at desc, batch_id
        limit ?
        """,
        [limit],
    )


@st.cache_data(show_spinner=False)
def reject_reasons(key: WarehouseFile, limit: int) -> pd.DataFrame:
    """Rejected rows counted by file, field and reason, commonest first."""
    return _frame(
        key,
        """
        select
            batches.source_path,
            rejects.field,
            rejects.reason,
            count(*) as n_rows,
            min(rejects.row_number) as first_row_number,
        from wh.raw.rejected_rows as rejects
        inner join wh.raw.load_batches as batches
            on rejects.batch_id = batches.batch_id
        group by all
        order by n_rows desc, batches.source_path, rejects.field, rejects.reason
        limit ?
        """,
        [limit],
    )


@st.cache_data(show_spinner=False)
def quality_runs(key: WarehouseFile) -> pd.DataFrame:
    """Every stored check run, newest first."""
    return _frame(
        key,
        """
        select
            run_id,
            build_id,
            started_at,
            finished_at,
            success,
            n_expectations,
            n_failed,
        from wh.audit.quality_runs
        order by started_at desc, run_id
        """,
        [],
    )


@st.cache_data(show_spinner=False)
def quality_results(key: WarehouseFile, run_id: str, failures_only: bool) -> pd.DataFrame:
    """The results of one check run: failures first, errors before warnings."""
    return _frame(
        key,
        """
        select
            suite,
            expectation,
            column_name,
            severity,
            success,
            observed_value,
            unexpected_examples,
        from wh.audit.quality_results
        where run_id = ? and (not ? or not success)
        order by
            success,
            case severity when 'error' then 0 when 'warning' then 1 else 2 end,
            suite,
            expectation,
            column_name
        """,
        [run_id, failures_only],
    )


# --- Methodology ---


@st.cache_data(show_spinner=False)
def methodology_parameters(key: WarehouseFile) -> pd.DataFrame:
    """The parameters the marts were built with (values as JSON text), by name."""
    return _frame(
        key,
        """
        select
            parameter_name,
            parameter_value,
            description,
            methodology_version,
        from wh.marts.dim_methodology
        order by parameter_name
        """,
        [],
    )


@st.cache_data(show_spinner=False)
def methodology_coverage(key: WarehouseFile) -> pd.DataFrame:
    """Which methodology version produced the company scores of each country × wave."""
    return _frame(
        key,
        """
        select
            methodology_version,
            country,
            wave,
            count(*) as n_companies,
            count(rank_in_country) as n_ranked,
        from wh.marts.fct_company_scores
        group by all
        order by wave desc, country, methodology_version
        """,
        [],
    )


_COMPANY_SCORE_SQL = """
with wave_scores as (
    select
        *,
        count(rank_in_country) over () as n_ranked_in_country,
        count(rank_in_sector) over (partition by sector_code)
            as n_ranked_in_sector,
    from wh.marts.fct_company_scores
    where country = ? and wave = ?
),

final as (
    select
        wave_scores.company_id,
        companies.company_name,
        wave_scores.sector_code,
        companies.sector_name,
        wave_scores.n_evaluations,
        wave_scores.cx_index,
        wave_scores.is_eligible,
        wave_scores.rank_in_country,
        wave_scores.rank_in_sector,
        wave_scores.is_sector_leader,
        wave_scores.n_ranked_in_country,
        wave_scores.n_ranked_in_sector,
        wave_scores.methodology_version,
    from wave_scores
    inner join wh.marts.dim_company as companies
        on wave_scores.company_id = companies.company_id
)

select * from final
"""


def _company_score(row: dict[str, Any]) -> CompanyScore:
    """Build the record, turning NULL flags into False so views can test them plainly."""
    return CompanyScore(
        **{
            **row,
            "company_id": str(row["company_id"]),
            "is_eligible": bool(row["is_eligible"]),
            "is_sector_leader": bool(row["is_sector_leader"]),
        }
    )


@st.cache_data(show_spinner=False)
def company_score(
    key: WarehouseFile, country: str, wave: int, company_id: str
) -> CompanyScore | None:
    """The headline numbers of one company in country × wave, or None if it has none."""
    rows = _rows(
        key,
        f"{_COMPANY_SCORE_SQL} where cast(company_id as varchar) = ?",
        [country, wave, company_id],
    )
    return _company_score(rows[0]) if rows else None


@st.cache_data(show_spinner=False)
def sector_leader(
    key: WarehouseFile, country: str, wave: int, sector_code: str
) -> CompanyScore | None:
    """The sector leader of country × wave × sector, or None when no company is eligible."""
    rows = _rows(
        key,
        f"""{_COMPANY_SCORE_SQL}
        where sector_code = ? and is_sector_leader
        order by rank_in_sector nulls last, company_id
        limit 1
        """,
        [country, wave, sector_code],
    )
    return _company_score(rows[0]) if rows else None


@st.cache_data(show_spinner=False)
def pillar_scores(
    key: WarehouseFile, country: str, wave: int, company_id: str, language: str
) -> pd.DataFrame:
    """One company's scores with labels: a row per pillar it was scored on, in pillar order.

    Columns: ``pillar_id, sort_order, pillar_label, mean_score, ci_low, ci_high,
    n_evaluations, is_eligible``. The label column is chosen by a parameter in a
    ``case`` expression, so not even the language is formatted into the SQL.
    """
    return _frame(
        key,
        f"""
        with {_PILLARS_CTE},

        select
            pillars.pillar_id,
            pillars.sort_order,
            pillars.pillar_label,
            scores.mean_score,
            scores.ci_low,
            scores.ci_high,
            scores.n_evaluations,
            scores.is_eligible,
        from wh.marts.fct_company_pillar_scores as scores
        inner join pillars
            on scores.pillar_id = pillars.pillar_id
        where scores.country = ? and scores.wave = ? and cast(scores.company_id as varchar) = ?
        order by pillars.sort_order
        """,
        [language, country, wave, company_id],
    )


# --- Maturity ---
# Organisational CX maturity (issue 9): self-assessments, stages, links with customer
# outcomes and priorities. These marts are optional: a warehouse built before they
# existed, or without assessments loaded, has no rows and the page says so.

#: Marts the Maturity page reads.
MATURITY_TABLES = (
    "marts.fct_maturity_stages",
    "marts.fct_maturity_priorities",
    "marts.fct_maturity_outcome_links",
    "marts.dim_maturity_item",
)

#: Maturity item labels in the chosen language (first ``?`` of the query).
_MATURITY_ITEMS_CTE = f"""
items as (
    select
        item_id,
        item_group,
        sort_order,
        {_LABEL_IN_LANGUAGE} as item_label,
    from wh.marts.dim_maturity_item
)
"""


@st.cache_data(show_spinner=False)
def maturity_available(key: WarehouseFile) -> bool:
    """Whether the maturity marts exist and hold at least one assessed organisation."""
    if not set(MATURITY_TABLES) <= _tables(key):
        return False
    rows = _rows(key, "select count(*) as n from wh.marts.fct_maturity_stages", [])
    return rows[0]["n"] > 0


@st.cache_data(show_spinner=False)
def maturity_organisations(key: WarehouseFile, country: str, wave: int) -> dict[str, str]:
    """``company_id -> company_name`` of the organisations assessed in country × wave."""
    rows = _rows(
        key,
        """
        select
            stages.company_id,
            coalesce(companies.company_name, stages.company_id) as company_name,
        from wh.marts.fct_maturity_stages as stages
        left join wh.marts.dim_company as companies
            on stages.company_id = companies.company_id
        where stages.country = ? and stages.wave = ?
        order by 2, 1
        """,
        [country, wave],
    )
    return {str(row["company_id"]): row["company_name"] for row in rows}


@st.cache_data(show_spinner=False)
def maturity_stage(
    key: WarehouseFile, wave: int, company_id: str, language: str
) -> dict[str, Any] | None:
    """The organisation's stage row with names: its own, its sector's, its leader's, steps'."""
    rows = _rows(
        key,
        f"""
        with {_MATURITY_ITEMS_CTE},
        leaders as (
            select distinct on (company_id, wave)
                company_id,
                wave,
                leader_company_id,
            from wh.marts.fct_maturity_priorities
            where leader_company_id is not null
        )
        select
            stages.*,
            coalesce(companies.company_name, stages.company_id) as company_name,
            companies.sector_name,
            leaders.leader_company_id,
            leader_names.company_name as leader_name,
            leader_stages.maturity_stage as leader_stage,
            reached.item_label as stage_label,
            next_step.item_label as next_step_label,
        from wh.marts.fct_maturity_stages as stages
        left join wh.marts.dim_company as companies
            on stages.company_id = companies.company_id
        left join leaders
            on stages.company_id = leaders.company_id and stages.wave = leaders.wave
        left join wh.marts.dim_company as leader_names
            on leaders.leader_company_id = leader_names.company_id
        left join wh.marts.fct_maturity_stages as leader_stages
            on leaders.leader_company_id = leader_stages.company_id
            and stages.wave = leader_stages.wave
        left join items as reached
            on stages.stage_item_id = reached.item_id
        left join items as next_step
            on stages.next_step_item_id = next_step.item_id
        where stages.wave = ? and stages.company_id = ?
        """,
        [language, wave, company_id],
    )
    return rows[0] if rows else None


@st.cache_data(show_spinner=False)
def maturity_profile(key: WarehouseFile, wave: int, company_id: str, language: str) -> pd.DataFrame:
    """One row per item the organisation scored: its score and spread, the sector's and the
    leader's scores, the item's link with the CX index and the priority rank."""
    return _frame(
        key,
        f"""
        with {_MATURITY_ITEMS_CTE}
        select
            items.item_id,
            items.item_group,
            items.sort_order,
            items.item_label,
            priorities.score,
            maturity.score_sd,
            priorities.n_respondents,
            priorities.sector_avg_score,
            priorities.n_sector_companies,
            priorities.leader_score,
            priorities.gap_to_leader,
            priorities.cee_correlation,
            priorities.is_link_significant,
            priorities.priority,
            priorities.priority_rank,
            links.n_companies as n_link_companies,
        from wh.marts.fct_maturity_priorities as priorities
        inner join items
            on priorities.item_id = items.item_id
        left join wh.marts.fct_maturity as maturity
            on priorities.company_id = maturity.company_id
            and priorities.wave = maturity.wave
            and priorities.item_id = maturity.item_id
        left join wh.marts.fct_maturity_outcome_links as links
            on priorities.wave = links.wave
            and priorities.item_id = links.item_id
            and links.outcome_id = 'cee'
        where priorities.wave = ? and priorities.company_id = ?
        order by items.item_group, items.sort_order
        """,
        [language, wave, company_id],
    )


@st.cache_data(show_spinner=False)
def maturity_links(key: WarehouseFile, wave: int, language: str) -> pd.DataFrame:
    """Per maturity item (and overall): its link with the CX index — correlation, interval,
    slope, organisations, significance — and its correlation with each pillar score
    (one ``r · <pillar label>`` column per pillar, pivoted here rather than in SQL)."""
    links = _frame(
        key,
        f"""
        with {_MATURITY_ITEMS_CTE}
        select
            links.item_id,
            links.item_group,
            links.sort_order,
            coalesce(items.item_label, links.item_id) as item_label,
            links.n_companies,
            links.correlation,
            links.correlation_ci_low,
            links.correlation_ci_high,
            links.slope,
            links.slope_ci_low,
            links.slope_ci_high,
            links.is_estimable,
            links.is_significant,
        from wh.marts.fct_maturity_outcome_links as links
        left join items
            on links.item_id = items.item_id
        where links.wave = ? and links.outcome_id = 'cee'
        order by links.item_group = 'overall' desc, links.item_group, links.sort_order
        """,
        [language, wave],
    )
    pillars = _frame(
        key,
        f"""
        with {_PILLARS_CTE}
        select
            links.item_id,
            'r · ' || pillars.pillar_label as outcome,
            links.correlation,
        from wh.marts.fct_maturity_outcome_links as links
        inner join pillars
            on links.outcome_id = pillars.pillar_id
        where links.wave = ? and links.outcome_group = 'pillar'
        order by pillars.sort_order
        """,
        [language, wave],
    )
    if pillars.empty:
        return links
    order = list(dict.fromkeys(pillars["outcome"]))
    wide = pillars.pivot(index="item_id", columns="outcome", values="correlation")[order]
    return links.merge(wide.reset_index(), on="item_id", how="left")
