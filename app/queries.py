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


def open_warehouse(db_path: Path | None = None) -> WarehouseFile:
    """Check that the warehouse can serve the marts and return the key of its current file.

    Raises :class:`WarehouseUnavailable` when the file is missing, cannot be opened or
    lacks a mart or column the app reads.
    """
    path = db_path or load_settings().db_path
    try:
        stat = path.stat()
    except FileNotFoundError as exc:
        raise WarehouseUnavailable("missing_file", path) from exc
    key = WarehouseFile(str(path), stat.st_ino, stat.st_mtime_ns)
    try:
        missing = _missing_marts(key)
    except duckdb.Error as exc:
        raise WarehouseUnavailable("unreadable", path, str(exc).splitlines()[0]) from exc
    if missing:
        raise WarehouseUnavailable("missing_marts", path, ", ".join(missing))
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
    """Six rows (one per pillar, in pillar order) of one company's scores with labels.

    Columns: ``pillar_id, sort_order, pillar_label, mean_score, ci_low, ci_high,
    n_evaluations, is_eligible``. The label column is chosen by a parameter in a
    ``case`` expression, so not even the language is formatted into the SQL.
    """
    return _frame(
        key,
        """
        with pillars as (
            select
                pillar_id,
                sort_order,
                case ?
                    when 'nl' then label_nl
                    when 'no' then label_no
                    when 'pl' then label_pl
                    else label_en
                end as pillar_label,
            from wh.marts.dim_pillar
        ),

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
