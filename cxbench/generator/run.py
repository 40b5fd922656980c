"""``generate_world``: build the world, write every file, return a summary.

Survey files are independent of each other, so with more than one worker they
are written by a small process pool (spawned, not forked: Arrow's thread pools
do not survive a fork). Workers report finished batches through a queue and the
caller's ``progress`` callback runs in this process.
"""

from __future__ import annotations

import dataclasses
import logging
import multiprocessing
import os
import queue
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, wait
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa

from cxbench.generator.countries import CountrySpec, resolve_countries
from cxbench.generator.maturity import mapping_entry, maturity_tables
from cxbench.generator.partial import PARTIAL_TRUTH_FILE, partial_truth_table, write_partial_file
from cxbench.generator.realism import Realism, resolve_realism
from cxbench.generator.survey import SurveyFile, write_survey_file
from cxbench.generator.truth import (
    COMPANY_WAVE_COLUMNS,
    PILLAR_TRUTH_COLUMNS,
    company_pillar_rows,
    company_wave_rows,
    population_importance,
)
from cxbench.generator.truth_waves import (
    COMPANY_OUTCOME_COLUMNS,
    IMPORTANCE_BY_WAVE_COLUMNS,
    R2_BY_WAVE_COLUMNS,
    company_outcome_rows,
    importance_by_wave_rows,
)
from cxbench.generator.world import World, build_world
from cxbench.generator.writer import (
    companies_table,
    importance_tables,
    margins_table,
    sectors_table,
    table_from_rows,
    write_csv,
    write_manifest,
)
from cxcore.checksums import file_sha256

GENERATOR_VERSION = "1.0.0"
WAVE_RANGE = (1990, 2100)  # as the ingestion contract (docs/data-contracts.md §3)
#: Below this many evaluations starting worker processes costs more than it saves.
POOL_THRESHOLD = 200_000
#: A job writes one export: (study, country, wave); study "panel" or "partial".
Job = tuple[str, str, int]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class GenerationSummary:
    """What a run wrote: every file (absolute paths) and the rows of each data file."""

    out_dir: Path
    total_evaluations: int
    files: tuple[Path, ...]
    row_counts: dict[Path, int]
    partial_study_evaluations: int = 0


def split_evaluations(
    evaluations: int, countries: Sequence[CountrySpec], waves: Sequence[int]
) -> dict[tuple[str, int], int]:
    """Evaluations per country × wave: by country size, equal over waves, exact total.

    Largest-remainder rounding, so the parts always add up to ``evaluations``.
    """
    cells = [(spec.code, wave) for spec in countries for wave in waves]
    weight = np.array([spec.size_weight for spec in countries for _ in waves])
    quota = evaluations * weight / weight.sum()
    counts = np.floor(quota).astype(np.int64)
    short = evaluations - int(counts.sum())
    counts[np.argsort(-(quota - counts), kind="stable")[:short]] += 1
    return {cell: int(count) for cell, count in zip(cells, counts, strict=True)}


def _checked_waves(waves: Sequence[int]) -> tuple[int, ...]:
    checked = sorted({int(wave) for wave in waves})
    if not checked:
        raise ValueError("at least one wave is required")
    if len(checked) != len(waves):
        raise ValueError(f"waves given more than once: {list(waves)}")
    outside = [wave for wave in checked if not WAVE_RANGE[0] <= wave <= WAVE_RANGE[1]]
    if outside:
        raise ValueError(f"wave(s) outside {WAVE_RANGE[0]}–{WAVE_RANGE[1]}: {outside}")
    return tuple(checked)


def generate_world(
    out_dir: Path,
    evaluations: int,
    waves: Sequence[int],
    countries: Sequence[str],
    seed: int,
    progress: Callable[[int], None] | None = None,
    *,
    workers: int | None = None,
    partial_study_evaluations: int = 0,
    realism: str | Realism = "default",
    wave_truth: bool | None = None,
) -> GenerationSummary:
    """Generate a synthetic survey world into ``out_dir`` (layout: data contract §1).

    ``progress(n)`` is called with the number of evaluations just written, adding
    up to ``evaluations + partial_study_evaluations``. ``workers`` defaults to two
    processes for large runs and one (no pool) for small ones; the output is
    identical either way. ``partial_study_evaluations`` above 0 adds a second
    study asking only some statements (:mod:`cxbench.generator.partial`), split
    over the same countries and waves, with its truth.

    ``realism`` is "default", "harder" or a :class:`~cxbench.generator.realism.Realism`
    with single knobs on (see that module). ``wave_truth`` writes the truth per
    wave over active companies (:mod:`cxbench.generator.truth_waves`); it defaults
    to on for a non-default world and off for the default one, whose files then
    stay byte-identical to earlier versions.
    """
    chosen = resolve_realism(realism)
    if wave_truth is None:
        wave_truth = not chosen.is_default
    if evaluations < 0:
        raise ValueError(f"evaluations must be >= 0, got {evaluations}")
    if partial_study_evaluations < 0:
        raise ValueError(f"partial_study_evaluations must be >= 0, got {partial_study_evaluations}")
    if seed < 0:
        raise ValueError(f"seed must be >= 0, got {seed}")
    specs = resolve_countries(countries)
    wave_list = _checked_waves(waves)
    out_dir = Path(out_dir)
    for folder in ("survey", "industry", "truth"):
        (out_dir / folder).mkdir(parents=True, exist_ok=True)
    world = build_world(seed, specs, wave_list, chosen)
    sizes: dict[Job, int] = {
        ("panel", code, wave): size
        for (code, wave), size in split_evaluations(evaluations, specs, wave_list).items()
    }
    if partial_study_evaluations:
        split = split_evaluations(partial_study_evaluations, specs, wave_list)
        sizes.update({("partial", code, wave): size for (code, wave), size in split.items()})
    total = evaluations + partial_study_evaluations
    if workers is None:
        workers = min(2, os.cpu_count() or 1) if total >= POOL_THRESHOLD else 1
    log.info("generating %d evaluations with %d worker(s) into %s", total, workers, out_dir)
    if workers > 1:
        surveys, importance = _run_pool(world, sizes, out_dir, workers, progress)
    else:
        surveys = [
            _write_export(world, job, size, out_dir, progress) for job, size in sizes.items()
        ]
        importance = {code: population_importance(world, code) for code in world.countries}
    return _finish(
        world, out_dir, evaluations, partial_study_evaluations, surveys, importance, wave_truth
    )


def _write_export(
    world: World, job: Job, size: int, out_dir: Path, report: Callable[[int], None] | None
) -> SurveyFile:
    """Write one export of the panel or of the partial-instrument study."""
    study, code, wave = job
    write = write_partial_file if study == "partial" else write_survey_file
    return write(world, code, wave, size, out_dir, report)


def _run_pool(
    world: World,
    sizes: dict[Job, int],
    out_dir: Path,
    workers: int,
    progress: Callable[[int], None] | None,
) -> tuple[list[SurveyFile], dict[str, tuple[np.ndarray, np.ndarray]]]:
    context = multiprocessing.get_context("spawn")
    reports = context.Queue()
    with ProcessPoolExecutor(
        workers, context, initializer=_init_worker, initargs=(reports,)
    ) as pool:
        largest_first = sorted(sizes.items(), key=lambda item: -item[1])
        with _single_threaded_math():  # workers are spawned by the first submits
            survey_futures = {
                job: pool.submit(_survey_task, world, job, size, out_dir)
                for job, size in largest_first
            }
        importance_futures = {
            code: pool.submit(population_importance, world, code) for code in world.countries
        }
        pending: set[Future[Any]] = {*survey_futures.values(), *importance_futures.values()}
        reported = 0
        while pending:
            done, pending = wait(pending, timeout=0.1)
            for future in done:
                future.result()  # fail fast on a worker error
            reported += _drain(reports, progress)
        expected = sum(sizes.values())
        while reported < expected:  # reports still in flight from finished workers
            arrived = _drain(reports, progress, wait_seconds=30)
            if not arrived:
                raise RuntimeError(f"workers reported {reported} of {expected} evaluations")
            reported += arrived
    surveys = [survey_futures[key].result() for key in sizes]
    return surveys, {code: future.result() for code, future in importance_futures.items()}


#: Thread-count variables of the BLAS/OpenMP libraries numpy may be linked against.
_MATH_THREAD_VARIABLES = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


@contextmanager
def _single_threaded_math() -> Iterator[None]:
    """Processes started inside run their BLAS single-threaded (unless the user chose).

    Every worker already has a core to itself; a multi-threaded BLAS inside each
    one makes the two pools fight over two cores and costs about half the CPU
    time in spin-waits. Spawned children copy the environment at start, so the
    variables are only set while the workers start.
    """
    previous = {name: os.environ.get(name) for name in _MATH_THREAD_VARIABLES}
    for name, value in previous.items():
        if value is None:
            os.environ[name] = "1"
    try:
        yield
    finally:
        for name, value in previous.items():
            if value is None:
                os.environ.pop(name, None)


_worker_reports: Any = None


def _init_worker(reports: Any) -> None:
    global _worker_reports
    _worker_reports = reports


def _survey_task(world: World, job: Job, size: int, out_dir: Path) -> SurveyFile:
    return _write_export(world, job, size, out_dir, _worker_reports.put)


def _drain(reports: Any, progress: Callable[[int], None] | None, wait_seconds: float = 0.0) -> int:
    """Pass queued batch sizes to ``progress``; return how many evaluations they cover.

    With ``wait_seconds`` it waits that long for the first report, else not at all.
    """
    total = 0
    try:
        while True:
            if total == 0 and wait_seconds:
                count = reports.get(timeout=wait_seconds)
            else:
                count = reports.get_nowait()
            total += count
            if progress is not None:
                progress(count)
    except queue.Empty:
        return total


def _finish(
    world: World,
    out_dir: Path,
    evaluations: int,
    partial_study_evaluations: int,
    surveys: list[SurveyFile],
    importance: dict[str, tuple[np.ndarray, np.ndarray]],
    wave_truth: bool = False,
) -> GenerationSummary:
    """Write industry and truth tables and the manifest; build the summary."""
    weights, r2 = importance_tables(importance)
    planted = [survey.planted for survey in surveys if survey.planted.num_rows]
    tables = {
        "industry/companies.csv": companies_table(world),
        "industry/sectors.csv": sectors_table(),
        "industry/margins.csv": margins_table(world),
        "truth/pillar_importance.csv": weights,
        "truth/r2.csv": r2,
        "truth/company_pillar_means.csv": table_from_rows(
            company_pillar_rows(world), PILLAR_TRUTH_COLUMNS
        ),
        "truth/company_waves.csv": table_from_rows(company_wave_rows(world), COMPANY_WAVE_COLUMNS),
        "truth/planted_pii.csv": (
            pa.concat_tables(planted).select(["file", "row_number", "kind", "value"])
            if planted
            else table_from_rows([], ("file", "row_number", "kind", "value"))
        ),
    }
    if partial_study_evaluations:
        tables[PARTIAL_TRUTH_FILE] = partial_truth_table(world)
    if wave_truth:
        tables.update(wave_truth_tables(world))
    tables.update(maturity_tables(world, out_dir))  # also writes the maturity mapping
    entries: dict[str, tuple[int | None, str]] = mapping_entry(out_dir)
    for survey in surveys:
        for path, digest in survey.sha256.items():
            entries[path] = (None if path == survey.mapping_path else survey.rows, digest)
    for relative, table in tables.items():
        rows = write_csv(table, out_dir / relative)
        entries[relative] = (rows, file_sha256(out_dir / relative))
    arguments: dict[str, Any] = {
        "evaluations": evaluations,
        "waves": list(world.waves),
        "countries": list(world.countries),
    }
    if partial_study_evaluations:  # absent when off: older manifests stay byte-identical
        arguments["partial_study_evaluations"] = partial_study_evaluations
    if not world.realism.is_default:  # likewise absent for the default world
        arguments["realism"] = dataclasses.asdict(world.realism)
    if wave_truth:
        arguments["wave_truth"] = True
    manifest = {
        "generator": "cxbench.generator",
        "generator_version": GENERATOR_VERSION,
        "seed": world.seed,
        "arguments": arguments,
        "files": [
            {"path": path, "rows": rows, "sha256": digest}
            for path, (rows, digest) in sorted(entries.items())
        ],
    }
    write_manifest(out_dir / "manifest.json", manifest)
    files = (*(out_dir / path for path in sorted(entries)), out_dir / "manifest.json")
    row_counts = {out_dir / path: rows for path, (rows, _) in entries.items() if rows is not None}
    return GenerationSummary(out_dir, evaluations, files, row_counts, partial_study_evaluations)


def wave_truth_tables(world: World) -> dict[str, pa.Table]:
    """The per-wave truth files (docs/data-contracts.md §1)."""
    weights, r2 = importance_by_wave_rows(world)
    return {
        "truth/pillar_importance_by_wave.csv": table_from_rows(weights, IMPORTANCE_BY_WAVE_COLUMNS),
        "truth/r2_by_wave.csv": table_from_rows(r2, R2_BY_WAVE_COLUMNS),
        "truth/company_outcomes.csv": table_from_rows(
            company_outcome_rows(world), COMPANY_OUTCOME_COLUMNS
        ),
    }
