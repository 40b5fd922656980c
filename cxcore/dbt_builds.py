"""Which dbt build made the warehouse, read from the warehouse itself (``audit.dbt_builds``).

dbt's hooks (dbt_project/macros/audit/dbt_builds.sql) write one row per
invocation: 'running' when it starts, 'success' or 'failed' when it ends. The
quality runner records its checks against the latest build that changed data,
and the publish gate refuses a build that failed, never finished, or was never
recorded; refresh refuses a build that recorded nothing. Both stages and the
orchestration read the table through this module, so the rule "which build is
this warehouse" is written once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import duckdb

#: Commands that change the warehouse's data; ``dbt test`` only reads it, so a test
#: run after a build leaves the build the one that made the data.
DATA_COMMANDS = ("build", "run", "seed", "snapshot")
SUCCESS = "success"
COLUMNS = (
    "invocation_id, command, selection, methodology_version, status, started_at, "
    "finished_at, n_nodes, n_failed"
)
LAST_BUILD_SQL = f"""
select {COLUMNS}
from audit.dbt_builds
where command in ({", ".join("?" for _ in DATA_COMMANDS)})
order by started_at desc
limit 1
"""
BUILD_SQL = f"select {COLUMNS} from audit.dbt_builds where invocation_id = ?"


@dataclass(frozen=True)
class DbtBuild:
    """One recorded dbt invocation."""

    invocation_id: str
    command: str
    #: ``--select … --exclude … --selector …`` as given; None when the whole project ran.
    selection: str | None
    methodology_version: str | None
    #: 'running' until dbt's on-run-end hook records 'success' or 'failed'.
    status: str
    started_at: datetime
    finished_at: datetime | None
    n_nodes: int | None
    n_failed: int | None

    @property
    def succeeded(self) -> bool:
        return self.status == SUCCESS


def last_build(db_path: Path) -> DbtBuild | None:
    """The latest invocation that changed the warehouse's data, or None if none is recorded."""
    rows = _query(db_path, LAST_BUILD_SQL, list(DATA_COMMANDS))
    return DbtBuild(*rows[0]) if rows else None


def recorded_build(db_path: Path, invocation_id: str) -> DbtBuild | None:
    """The recorded invocation ``invocation_id``, or None if the warehouse has no such row."""
    rows = _query(db_path, BUILD_SQL, [invocation_id])
    return DbtBuild(*rows[0]) if rows else None


def _query(db_path: Path, sql: str, parameters: list[str]) -> list[tuple]:
    """Rows of ``sql`` read read-only; none when the file or the audit table does not exist."""
    if not db_path.is_file():
        return []
    with duckdb.connect(str(db_path), read_only=True) as connection:
        exists = connection.execute(
            "select count(*) from information_schema.tables "
            "where table_schema = 'audit' and table_name = 'dbt_builds'"
        ).fetchall()[0][0]
        if not exists:
            return []
        return connection.execute(sql, parameters).fetchall()
