"""dbt commands that only read a built warehouse: ``docs generate``, ``source freshness``.

They run on profiles.yml's ``read_only`` target (:func:`cxbench.dbt_runner.run_dbt`
with ``read_only``), so they work beside the app and any other reader and never
need the writer lock. Their artefacts (target and log folders) go to a scratch
folder of their own, because an analyst may read a warehouse whose folder only its
owner can write. Before dbt starts (several seconds), the file is opened read-only
here once, so that a missing, unbuilt or busy warehouse is refused at once with
the reason.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from cxbench.dbt_runner import DbtResult, run_dbt


class WarehouseUnreadable(Exception):
    """The warehouse cannot be read (yet): the message says why and what to do."""


def check_readable(db_path: Path) -> None:
    """Open ``db_path`` read-only and find the marts; WarehouseUnreadable otherwise."""
    if not db_path.is_file():
        raise WarehouseUnreadable(
            f"no warehouse at {db_path} (set --db or $CXBENCH_DB, or run cxbench demo)"
        )
    try:
        with duckdb.connect(str(db_path), read_only=True) as connection:
            marts = connection.execute(
                "select count(*) from information_schema.tables where table_schema = 'marts'"
            ).fetchall()[0][0]
    except duckdb.IOException as error:
        if "lock" in str(error).lower():
            raise WarehouseUnreadable(
                f"{db_path} is being written by another process (a build or an ingest); "
                "try again when it has finished"
            ) from None
        raise WarehouseUnreadable(
            f"{db_path} is not a readable DuckDB warehouse: {error}"
        ) from None
    except duckdb.Error as error:
        raise WarehouseUnreadable(
            f"{db_path} is not a readable DuckDB warehouse: {error}"
        ) from None
    if not marts:
        raise WarehouseUnreadable(f"{db_path} has no marts yet: run cxbench build")


@contextmanager
def scratch_target() -> Iterator[Path]:
    """A folder for one read-only run's dbt artefacts, removed afterwards."""
    with tempfile.TemporaryDirectory(prefix="cxbench-dbt-") as scratch:
        yield Path(scratch)


def run_read_only(
    command: list[str],
    db_path: Path,
    artefacts: Path,
    on_line: Callable[[str], None] | None = None,
) -> DbtResult:
    """``dbt <command>`` on the read-only target; artefacts under ``artefacts``."""
    check_readable(db_path)
    return run_dbt(command, db_path, on_line, read_only=True, artefacts=artefacts)
