"""``cxbench publish``: freeze a wave's rankings as a versioned, append-only publication.

A publication is the promise behind a press release: the rankings of one wave
under one methodology version, with the parameters' hash, the load batches
they came from and the moment they were published. It is only made from a
build whose latest quality run passed (expectations/gate.py), it is never
changed afterwards, and the same wave, inputs and methodology published again
adds nothing. Movers are computed against the previous *published* wave
(:mod:`cxbench.publication.movers`), so a mover in a press release always
refers to a number that was itself published.

What is published, the canonical study's rankings with the parameters and
batches behind them, is read from the marts by :mod:`cxbench.publication.candidate`.

Like a refresh, publishing never writes the served file: the new rows go into
a staged copy that is swapped in (:mod:`cxbench.publication.swap`).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from cxbench.publication.candidate import Candidate, PublishRefused, read_candidate
from cxbench.publication.movers import Move, moves_of, with_movers
from cxbench.publication.store import (
    MOVE_COLUMNS,
    ROW_COLUMNS,
    ensure_move_columns,
    ensure_schema,
    has_schema,
    rows_hash,
    tampered_publications,
)
from cxbench.publication.swap import (
    ServedChanged,
    WarehouseBusy,
    copy_served,
    finish_staged,
    new_staging_dir,
    remove_staging,
    swap_in,
    writer_lock,
)
from cxcore.access_schema import ensure_access_schema
from cxcore.storage import connect_writable


class PublishBlocked(PublishRefused):
    """Another writer holds the warehouse, or wrote it meanwhile: retry later (exit 2)."""


@dataclass(frozen=True)
class PublishResult:
    """Outcome of one publish: ``published`` a new version or ``unchanged`` (a no-op)."""

    status: str
    wave: int
    methodology_version: str
    publication_id: str
    n_rows: int
    published_at: datetime
    previous_published_wave: int | None = None
    #: The moves published, largest first (empty without an earlier published wave).
    moves: tuple[Move, ...] = ()
    confidence_level: float = 0.95


def publish_wave(db_path: Path, wave: int) -> PublishResult:
    """Publish ``wave`` from the served warehouse; raise :class:`PublishRefused` if not allowed."""
    from cxbench.expectations.gate import GateRefused, assert_publishable

    try:
        with writer_lock(db_path, f"cxbench publish --wave {wave}"):
            if not db_path.is_file():
                raise PublishRefused(f"no warehouse at {db_path}; run `cxbench refresh` first")
            try:
                summary = assert_publishable(db_path)
            except GateRefused as error:
                raise PublishRefused(f"quality gate: {error}") from None
            with duckdb.connect(str(db_path), read_only=True) as connection:
                tampered = tampered_publications(connection)
                if tampered:
                    raise PublishRefused(
                        "published rows were changed outside cxbench (publication(s) "
                        f"{', '.join(tampered)} no longer match their hash); not publishing"
                    )
                candidate = read_candidate(connection, wave)
                existing = _same_version(connection, candidate)
            if existing is not None:
                return existing
            return _append(db_path, candidate, summary.build_id, summary.run_id)
    except (WarehouseBusy, ServedChanged) as error:
        raise PublishBlocked(str(error)) from None
    except duckdb.Error as error:  # no marts yet, or a file that is not a warehouse
        raise PublishRefused(f"cannot read the warehouse {db_path}: {error}") from None


def _same_version(
    connection: duckdb.DuckDBPyConnection, candidate: Candidate
) -> PublishResult | None:
    """The existing publication of this wave and version if it is the same one; refuse if not."""
    if not has_schema(connection):
        return None
    found = connection.execute(
        "select publication_id, parameters_hash, inputs_hash, n_rows, published_at "
        "from published.publications where wave = ? and methodology_version = ?",
        [candidate.wave, candidate.methodology_version],
    ).fetchall()
    if not found:
        return None
    publication_id, parameters_hash, inputs_hash, n_rows, published_at = found[0]
    where = f"wave {candidate.wave} is already published as version {candidate.methodology_version}"
    if parameters_hash != candidate.parameters_hash:
        raise PublishRefused(
            f"{where} with other methodology parameters; a parameter change needs a new "
            "methodology_version (dbt_project.yml vars), published rows never change"
        )
    if inputs_hash != candidate.inputs_hash:
        raise PublishRefused(
            f"{where} from other input batches; published rows never change — publish the "
            "corrected inputs under a new methodology_version"
        )
    return PublishResult(
        "unchanged", candidate.wave, candidate.methodology_version, publication_id, n_rows,
        published_at,
    )  # fmt: skip


def _append(db_path: Path, candidate: Candidate, build_id: str, run_id: str) -> PublishResult:
    """Insert the publication into a staged copy, verify it, swap it in."""
    folder = new_staging_dir(db_path, f"publish-{candidate.wave}")
    staged = folder / db_path.name
    try:
        copied = copy_served(db_path, staged)
        publication_id = str(uuid.uuid4())
        published_at = datetime.now(UTC).replace(tzinfo=None)
        with connect_writable(staged) as connection:
            ensure_schema(connection)
            ensure_move_columns(connection)
            ensure_access_schema(connection)
            n_before = connection.execute("select count(*) from published.rankings").fetchall()
            rows, previous_wave = with_movers(connection, candidate)
            digest = rows_hash(rows)
            _insert(connection, candidate, rows, publication_id, published_at)
            _insert_publication(
                connection, candidate, publication_id, published_at, digest, len(rows), build_id,
                run_id,
            )  # fmt: skip
            n_after = connection.execute("select count(*) from published.rankings").fetchall()
            if n_after[0][0] != n_before[0][0] + len(rows) or tampered_publications(connection):
                raise PublishRefused("the staged publication did not verify; nothing swapped in")
        finish_staged(staged)
        swap_in(staged, db_path, copied)
    finally:
        remove_staging(folder)
    return PublishResult(
        "published", candidate.wave, candidate.methodology_version, publication_id, len(rows),
        published_at, previous_wave, moves_of(rows), candidate.confidence_level,
    )  # fmt: skip


def _insert(
    connection: duckdb.DuckDBPyConnection,
    candidate: Candidate,
    rows: list[dict[str, Any]],
    publication_id: str,
    published_at: datetime,
) -> None:
    """Append the rows in one statement (from Arrow: no row-by-row inserts)."""
    table = pa.Table.from_pylist(
        [
            {
                "publication_id": publication_id,
                **{column: row[column] for column in ROW_COLUMNS},
                **{column: row[column] for column, _ in MOVE_COLUMNS},
                "methodology_version": candidate.methodology_version,
                "parameters_hash": candidate.parameters_hash,
                "source_batch_ids": candidate.source_batch_ids,
                "published_at": published_at,
            }
            for row in rows
        ]
    )
    connection.register("new_rankings", table)
    columns = ", ".join(table.column_names)
    connection.execute(
        f"insert into published.rankings ({columns}) select {columns} from new_rankings"
    )
    connection.unregister("new_rankings")


def _insert_publication(
    connection: duckdb.DuckDBPyConnection,
    candidate: Candidate,
    publication_id: str,
    published_at: datetime,
    digest: str,
    n_rows: int,
    build_id: str,
    run_id: str,
) -> None:
    connection.execute(
        "insert into published.publications values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            publication_id, candidate.wave, candidate.methodology_version,
            candidate.parameters_hash, candidate.parameters, candidate.source_batch_ids,
            candidate.inputs_hash, build_id, run_id, n_rows, digest, published_at,
        ],
    )  # fmt: skip
