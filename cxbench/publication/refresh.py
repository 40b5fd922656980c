"""``cxbench refresh``: add a survey wave to the served warehouse without taking it down.

The served file is never written. A refresh copies it into a staging folder
(:mod:`cxbench.publication.swap`), loads the wave's files into the copy, builds it with
dbt (the heavy per-evaluation models are incremental by wave, so the waves
already there are not recomputed), runs the quality suites and the
publication gate on the copy, and only when all of that passed swaps the copy
in. Any failure — a bad file, a failed dbt test, a failed expectation, a kill
— leaves the served file and its published rankings exactly as they were.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from cxbench import pipeline
from cxbench.dbt_runner import DbtError, run_dbt
from cxbench.ingestion.mapping_parse import load_mapping
from cxbench.ingestion.privacy import SaltError, resolve_salt
from cxbench.publication.store import (
    ensure_schema,
    published_fingerprint,
    record_refresh,
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
from cxcore.dbt_builds import last_build
from cxcore.settings import Settings
from cxcore.storage import connect_writable


class RefreshFailed(RuntimeError):
    """A stage failed; the served warehouse is untouched. ``stage`` says which.

    ``exit_code`` 2 marks what the user can fix or retry (bad input files,
    another writer busy, a served file written meanwhile); 1 a failed build,
    check or gate.
    """

    def __init__(self, stage: str, message: str, exit_code: int | None = None) -> None:
        super().__init__(f"refresh failed at {stage}: {message}")
        self.stage = stage
        self.exit_code = exit_code if exit_code is not None else 2 if stage == "ingest" else 1


@dataclass
class RefreshResult:
    """What a successful refresh did, with seconds per stage."""

    wave: int
    db_path: Path
    build_id: str
    quality_run_id: str
    files_loaded: list[str] = field(default_factory=list)
    files_skipped: list[str] = field(default_factory=list)
    n_evaluations: int = 0
    seconds: dict[str, float] = field(default_factory=dict)


def wave_files(input_dir: Path, wave: int) -> list[tuple[str, Path]]:
    """The files a refresh of ``wave`` loads from ``input_dir``, in load order.

    Reference files (companies, sectors, margins, maturity) always: unchanged
    ones are skipped by checksum. Survey exports only when their mapping says
    they hold this wave (``fixed: {wave: …}``), or, for a mapping without a
    fixed wave, when the year is in the file name.
    """
    if not input_dir.is_dir():
        raise RefreshFailed("ingest", f"--input {input_dir} is not a folder")
    chosen: list[tuple[str, Path]] = []
    for kind, path in pipeline.world_files(input_dir):
        if kind != "survey":
            if path.is_file():
                chosen.append((kind, path))
            continue
        try:
            fixed = load_mapping(pipeline.mapping_for(path)).fixed
        except (ValueError, OSError) as error:
            raise RefreshFailed("ingest", f"{path.name}: {error}") from None
        file_wave = fixed.get("wave")
        if file_wave == wave or (file_wave is None and str(wave) in path.stem):
            chosen.append((kind, path))
    if not any(kind == "survey" for kind, _ in chosen):
        raise RefreshFailed("ingest", f"no survey export of wave {wave} in {input_dir}/survey")
    return chosen


def refresh_wave(
    settings: Settings,
    wave: int,
    input_dir: Path,
    *,
    full_refresh: bool = False,
    dbt_vars: str | None = None,
    on_stage: Callable[[str], None] | None = None,
    on_line: Callable[[str], None] | None = None,
) -> RefreshResult:
    """Stage, ingest, build, check, gate and swap; raise :class:`RefreshFailed` on any failure.

    ``dbt_vars`` (YAML/JSON text, as ``dbt --vars`` takes it) overrides
    dbt_project.yml vars for this build, e.g. a methodology version on trial.
    """
    db_path = settings.db_path
    try:
        with writer_lock(db_path, f"cxbench refresh --wave {wave}"):
            laps = _Laps(on_stage or _ignore)
            options = [*(["--full-refresh"] if full_refresh else []), *_vars_option(dbt_vars)]
            return _refresh_locked(db_path, wave, input_dir, options, laps, on_line)
    except WarehouseBusy as error:
        raise RefreshFailed("stage", str(error), exit_code=2) from None
    except ServedChanged as error:
        raise RefreshFailed("swap", str(error), exit_code=2) from None


class _Laps:
    """Seconds per stage, measured from one stage's start to the next."""

    def __init__(self, on_stage: Callable[[str], None]) -> None:
        self.seconds: dict[str, float] = {}
        self._on_stage = on_stage
        self._stage: str | None = None
        self._since = time.perf_counter()

    def start(self, stage: str) -> None:
        self.stop()
        self._stage, self._since = stage, time.perf_counter()
        self._on_stage(stage)

    def stop(self) -> None:
        if self._stage is not None:
            self.seconds[self._stage] = time.perf_counter() - self._since
            self._stage = None


def _refresh_locked(
    db_path: Path,
    wave: int,
    input_dir: Path,
    dbt_options: list[str],
    laps: _Laps,
    on_line: Callable[[str], None] | None,
) -> RefreshResult:
    laps.start("stage")
    files = wave_files(input_dir, wave)
    folder = new_staging_dir(db_path, "refresh")
    try:
        return _stage_build_swap(
            db_path, folder, wave, input_dir, files, dbt_options, laps, on_line
        )
    finally:
        remove_staging(folder)  # swapped in, or abandoned: the served file is what counts


def _stage_build_swap(
    db_path: Path,
    folder: Path,
    wave: int,
    input_dir: Path,
    files: list[tuple[str, Path]],
    dbt_options: list[str],
    laps: _Laps,
    on_line: Callable[[str], None] | None,
) -> RefreshResult:
    started_at = datetime.now(UTC)
    staged = folder / db_path.name
    copied = copy_served(db_path, staged)  # WarehouseBusy, ServedChanged: see refresh_wave
    before = published_fingerprint(db_path) if copied else None

    laps.start("ingest")
    try:
        salt = resolve_salt(db_path.parent)
    except SaltError as error:
        raise RefreshFailed("ingest", str(error)) from None
    loaded, skipped = _ingest(staged, files, salt)
    n_evaluations = _wave_evaluations(staged, wave)
    if n_evaluations == 0:
        raise RefreshFailed("ingest", f"the files in {input_dir} hold no evaluation of wave {wave}")

    laps.start("build")
    previous = last_build(staged)
    try:  # the production build; dbt_runner shares the project's parse state
        run_dbt([*pipeline.DBT_BUILD, *dbt_options], staged, on_line)
    except DbtError as error:
        raise RefreshFailed("build", str(error)) from None
    recorded = last_build(staged)
    if recorded is None or recorded == previous:
        raise RefreshFailed(
            "build", "dbt recorded no build in audit.dbt_builds; cannot tell what was built"
        )

    laps.start("check")
    run_id = _run_checks(staged, recorded.invocation_id)

    laps.start("gate")
    _gate(staged, recorded.invocation_id)
    with connect_writable(staged) as connection:
        ensure_schema(connection)
        ensure_access_schema(connection)
        tampered = tampered_publications(connection)
        if tampered:
            raise RefreshFailed(
                "gate", f"published rows changed outside cxbench: {', '.join(tampered)}"
            )
        record_refresh(connection, wave, recorded.invocation_id, run_id, started_at)
    if before is not None and published_fingerprint(staged) != before:
        raise RefreshFailed("gate", "published rankings differ in the staged copy; not swapping")
    finish_staged(staged)

    laps.start("swap")
    swap_in(staged, db_path, copied)
    _keep_data_docs(folder, db_path.parent)
    laps.stop()
    return RefreshResult(
        wave, db_path, recorded.invocation_id, run_id, loaded, skipped, n_evaluations, laps.seconds
    )


def _vars_option(dbt_vars: str | None) -> list[str]:
    """``--vars`` for dbt, checked first: a typo should fail here, not after the ingest."""
    if not dbt_vars:
        return []
    try:
        parsed = pipeline.parse_dbt_vars(dbt_vars)
    except ValueError as error:
        raise RefreshFailed("stage", str(error)) from None
    return ["--vars", json.dumps(parsed)]


def _keep_data_docs(folder: Path, served_dir: Path) -> None:
    """The swapped-in build's Data Docs replace the served ones (best effort: docs only)."""
    staged_docs, served_docs = folder / "data_docs", served_dir / "data_docs"
    if not staged_docs.is_dir():
        return
    shutil.rmtree(served_docs, ignore_errors=True)
    with contextlib.suppress(OSError):
        os.replace(staged_docs, served_docs)


def _ingest(staged: Path, files: list[tuple[str, Path]], salt: str) -> tuple[list[str], list[str]]:
    """Load the files into the staged copy; any file error or refused batch fails the refresh."""
    loaded: list[str] = []
    skipped: list[str] = []
    report = pipeline.ingest_files(staged, files, salt=salt)
    if report.errors:
        raise RefreshFailed("ingest", "; ".join(report.errors.values()))
    for result in report.results:
        if result.status == "refused":
            raise RefreshFailed("ingest", f"{result.source_path.name}: {result.message}")
        (skipped if result.status == "skipped" else loaded).append(result.source_path.name)
    return loaded, skipped


def _wave_evaluations(staged: Path, wave: int) -> int:
    with duckdb.connect(str(staged), read_only=True) as connection:
        return int(
            connection.execute(
                "select count(*) from raw.survey_evaluations "
                f"where wave = ? and {ACTIVE_BATCH_ROWS}",
                [wave],
            ).fetchall()[0][0]
        )


def _run_checks(staged: Path, build_id: str) -> str:
    """Run every quality suite on the staged copy; fail naming the blocking expectations."""
    from cxbench.expectations.runner import QualityTargetMissingError, run_checks

    try:
        # Rendered always: a successful refresh serves its Data Docs (_keep_data_docs).
        run = run_checks(staged, build_id=build_id, data_docs=True)
    except QualityTargetMissingError as error:
        raise RefreshFailed("check", str(error)) from None
    if not run.success:
        named = "; ".join(
            f"{item.suite}: {item.expectation}" + (f" on {item.column}" if item.column else "")
            for item in run.blocking[:10]
        )
        raise RefreshFailed(
            "check", f"{len(run.blocking)} error-severity expectation(s) failed: {named}"
        )
    return run.run_id


def _gate(staged: Path, build_id: str) -> None:
    from cxbench.expectations.gate import GateRefused, assert_publishable

    try:
        assert_publishable(staged, build_id)
    except GateRefused as error:
        raise RefreshFailed("gate", str(error)) from None


def _ignore(_stage: str) -> None:
    return None
