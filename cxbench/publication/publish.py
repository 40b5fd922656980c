"""``cxbench publish``: freeze a wave's rankings as a versioned, append-only publication.

A publication is the promise behind a press release: the rankings of one wave
under one methodology version, with the parameters' hash, the load batches
they came from and the moment they were published. It is only made from a
build whose latest quality run passed (expectations/gate.py), it is never
changed afterwards, and the same wave, inputs and methodology published again
adds nothing. Movers are computed here, against the previous *published* wave
(the same methodology version when that wave has one), so a mover in a press
release always refers to a number that was itself published.

The rankings published are those of the canonical study (``cxbench``, the
six-pillar questionnaire): other studies are ranked in the marts, within
themselves, but a publication is the benchmark's own yearly ranking.

Like a refresh, publishing never writes the served file: the new rows go into
a staged copy that is swapped in (:mod:`cxbench.publication.swap`).
"""

from __future__ import annotations

import hashlib
import json
import math
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from statistics import NormalDist
from typing import Any

import duckdb
import pyarrow as pa

from cxbench.publication.store import (
    MOVE_COLUMNS,
    ROW_COLUMNS,
    ensure_move_columns,
    ensure_schema,
    has_schema,
    rows_hash,
    stored_rows,
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
from cxcore.active_batches import ACTIVE_BATCH_ROWS
from cxcore.catalogue import DEFAULT_STUDY_ID
from cxcore.storage import connect_writable

RANKING_SQL = """
select
    scores.wave,
    scores.country,
    scores.company_id,
    companies.company_name,
    scores.sector_code,
    scores.rank_in_country,
    scores.rank_in_sector,
    scores.is_sector_leader,
    round(scores.cx_index, 6) as cx_index,
    round(scores.cx_index_std_error, 6) as cx_index_std_error,
    round(scores.nps_score, 4) as nps_score,
    scores.n_evaluations,
    round(scores.effective_n, 4) as effective_n,
    scores.methodology_version
from marts.fct_company_scores as scores
left join marts.dim_company_history as companies
    on scores.company_id = companies.company_id
    and coalesce(companies.valid_from_wave <= scores.wave, true)
    and coalesce(scores.wave < companies.valid_to_wave, true)
where scores.wave = ? and scores.study_id = ? and scores.rank_in_country is not null
order by scores.country, scores.company_id
"""
SOURCE_BATCHES_SQL = f"""
select distinct batch_id from raw.survey_evaluations
where wave = ? and study_id = ? and {ACTIVE_BATCH_ROWS}
union select distinct batch_id from raw.population_margins where wave = ?
union select distinct batch_id from raw.companies where coalesce(valid_from_wave <= ?, true)
union select distinct batch_id from raw.sectors where coalesce(valid_from_wave <= ?, true)
order by 1
"""
#: Waves in which a company's make-up changed (a brand merged into it, or a merger
#: ended): its move into such a wave compares two different companies, so it is
#: not published as a move.
MAKE_UP_CHANGES_SQL = """
select merged_into_company_id, valid_from_wave
from marts.dim_company_history
where merged_into_company_id is not null and valid_from_wave is not null
union
select merged_into_company_id, valid_to_wave
from marts.dim_company_history
where merged_into_company_id is not null and valid_to_wave is not null
"""
CONFIDENCE_LEVEL_SQL = """
select parameter_value from marts.dim_methodology where parameter_name = 'confidence_level'
"""
PREVIOUS_SQL = """
select publication_id, wave, methodology_version
from published.publications
where wave < ?
order by wave desc, (methodology_version = ?) desc, published_at desc
limit 1
"""


class PublishRefused(RuntimeError):
    """The wave may not be published (gate, changed inputs, tampering); nothing was written."""


class PublishBlocked(PublishRefused):
    """Another writer holds the warehouse, or wrote it meanwhile: retry later (exit 2)."""


@dataclass(frozen=True)
class Move:
    """One published company's move since the previous published wave."""

    country: str
    company_id: str
    company_name: str | None
    cx_index_change: float
    change_std_error: float | None
    #: None when the previous publication has no standard error (made before they were kept).
    is_significant: bool | None
    rank_in_country_change: int


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


@dataclass(frozen=True)
class Candidate:
    """What would be published for a wave from the served marts, before movers."""

    wave: int
    methodology_version: str
    parameters: str
    parameters_hash: str
    source_batch_ids: list[str]
    inputs_hash: str
    rows: list[dict[str, Any]]
    #: (company_id, wave) in which the company's make-up changed (MAKE_UP_CHANGES_SQL).
    make_up_changes: frozenset[tuple[str, int]] = frozenset()
    #: The marts' confidence level (dim_methodology), which a move's significance uses too.
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


def read_candidate(connection: duckdb.DuckDBPyConnection, wave: int) -> Candidate:
    """The wave's ranked companies, methodology and inputs as the served marts hold them."""
    cursor = connection.execute(RANKING_SQL, [wave, DEFAULT_STUDY_ID])
    names = [item[0] for item in cursor.description or []]
    rows = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
    if not rows:
        raise PublishRefused(f"wave {wave} has no ranked company in marts.fct_company_scores")
    versions = {row.pop("methodology_version") for row in rows}
    if len(versions) != 1:
        raise PublishRefused(f"wave {wave} mixes methodology versions {sorted(versions)}")
    parameters = json.dumps(
        connection.execute(
            "select parameter_name, parameter_value from marts.dim_methodology order by 1"
        ).fetchall()
    )
    sources = connection.execute(
        SOURCE_BATCHES_SQL, [wave, DEFAULT_STUDY_ID, wave, wave, wave]
    ).fetchall()
    batches = [row[0] for row in sources]
    changes = connection.execute(MAKE_UP_CHANGES_SQL).fetchall()
    level = connection.execute(CONFIDENCE_LEVEL_SQL).fetchall()
    return Candidate(
        wave=wave,
        methodology_version=versions.pop(),
        parameters=parameters,
        parameters_hash=_sha256(parameters),
        source_batch_ids=batches,
        inputs_hash=_sha256(json.dumps([wave, batches])),
        rows=rows,
        make_up_changes=frozenset((company_id, changed) for company_id, changed in changes),
        confidence_level=float(level[0][0]) if level else 0.95,
    )


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


def _with_movers(
    connection: duckdb.DuckDBPyConnection, candidate: Candidate
) -> tuple[list[dict[str, Any]], int | None]:
    """Candidate rows with change in CX index and rank since the previous published wave."""
    previous = (
        connection.execute(PREVIOUS_SQL, [candidate.wave, candidate.methodology_version]).fetchall()
        if has_schema(connection)
        else []
    )
    before: dict[tuple[str, str], dict[str, Any]] = {}
    previous_wave = previous_version = None
    if previous:
        publication_id, previous_wave, previous_version = previous[0]
        before = {
            (row["country"], row["company_id"]): row
            for row in stored_rows(connection, publication_id)
        }
    critical = NormalDist().inv_cdf(0.5 + candidate.confidence_level / 2)
    rows = []
    for row in candidate.rows:
        earlier = before.get((row["country"], row["company_id"]))
        if previous_wave is not None and any(
            company_id == row["company_id"] and previous_wave < changed <= candidate.wave
            for company_id, changed in candidate.make_up_changes
        ):
            earlier = None  # absorbed a brand since: not the company published then
        rows.append(
            {
                **row,
                "previous_published_wave": previous_wave,
                "previous_methodology_version": previous_version,
                "previous_cx_index": earlier["cx_index"] if earlier else None,
                "cx_index_change": (
                    round(row["cx_index"] - earlier["cx_index"], 6) if earlier else None
                ),
                "previous_rank_in_country": earlier["rank_in_country"] if earlier else None,
                "rank_in_country_change": (
                    earlier["rank_in_country"] - row["rank_in_country"] if earlier else None
                ),
                **_move_significance(row, earlier, critical),
            }
        )
    return rows, previous_wave


def _move_significance(
    row: dict[str, Any], earlier: dict[str, Any] | None, critical: float
) -> dict[str, Any]:
    """The move's standard error and significance, as the marts judge a change.

    The two waves are independent samples: the change's standard error is
    sqrt(se_now² + se_then²), and the move is significant when it exceeds
    ``critical`` of them. Unknown (None) against a publication made before the
    index's standard error was published.
    """
    now = row.get("cx_index_std_error")
    then = earlier.get("cx_index_std_error") if earlier else None
    if earlier is None or now is None or then is None:
        return {"cx_index_change_std_error": None, "is_cx_index_change_significant": None}
    error = math.sqrt(now * now + then * then)
    change = row["cx_index"] - earlier["cx_index"]
    return {
        "cx_index_change_std_error": round(error, 6),
        "is_cx_index_change_significant": bool(abs(change) > critical * error),
    }


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
            rows, previous_wave = _with_movers(connection, candidate)
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
        published_at, previous_wave, _moves(rows), candidate.confidence_level,
    )  # fmt: skip


def _moves(rows: list[dict[str, Any]]) -> tuple[Move, ...]:
    """The rows with a move, largest change (either way) first."""
    moved = [row for row in rows if row["cx_index_change"] is not None]
    moved.sort(key=lambda row: (-abs(row["cx_index_change"]), row["country"], row["company_id"]))
    return tuple(
        Move(
            country=row["country"],
            company_id=row["company_id"],
            company_name=row["company_name"],
            cx_index_change=row["cx_index_change"],
            change_std_error=row["cx_index_change_std_error"],
            is_significant=row["is_cx_index_change_significant"],
            rank_in_country_change=row["rank_in_country_change"],
        )
        for row in moved
    )


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


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()
