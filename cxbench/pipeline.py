"""The stages of the main job, callable from the CLI, the demo, the benchmark and tests.

Each stage takes the warehouse path explicitly and opens (and closes) its own
connection: DuckDB allows one writer process and no readers while it writes, so
stages never hold the file open across each other.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from cxbench.dbt_runner import DbtResult, run_dbt
from cxbench.ingestion.reject_limit import DEFAULT_MAX_REJECT_RATE

if TYPE_CHECKING:
    from cxbench.ingestion.coverage_summary import CoverageSummary
    from cxbench.ingestion.load import BatchResult

INDUSTRY_FILES = (
    ("sectors", "sectors.csv"),
    ("companies", "companies.csv"),
    ("margins", "margins.csv"),
)
MAPPING_SUFFIX = ".mapping.yaml"
#: The production build, named in dbt_project/selectors.yml: seeds, models and
#: dbt's data tests, which gate every build of real data. dbt's unit tests check
#: SQL logic on fixed rows, not the data, so (as dbt advises) they run in
#: development and CI — ``make test`` builds the test fixture with them, and
#: ``cxbench build --unit-tests`` adds them.
PRODUCTION_SELECTOR = "production"
DBT_BUILD = ("build", "--selector", PRODUCTION_SELECTOR)
#: A partial production build (``--select``): dbt ignores ``--select`` beside
#: ``--selector``, so the selection leaves out unit tests as the selector does.
WITHOUT_UNIT_TESTS = ("--exclude-resource-type", "unit_test")
MATURITY_FILE = "maturity.csv"
#: Engines the dbt project builds on: DuckDB itself, or a local Spark whose marts
#: come back into the DuckDB file (docs/spark.md).
ENGINES = ("duckdb", "spark")

#: Tables counted in the demo's summary, by layer.
LAYER_TABLES = {
    "raw": ("raw.survey_evaluations", "raw.rejected_rows", "raw.companies", "raw.load_batches"),
    "staging": ("staging.stg_survey__evaluations",),
    "marts": (
        "marts.dim_company",
        "marts.fct_company_pillar_scores",
        "marts.fct_company_scores",
        "marts.fct_leader_gaps",
        "marts.fct_benchmark_scores",
        "marts.fct_maturity",
    ),
}


@dataclass
class IngestReport:
    """Results of loading several files; errors are file-level failures by path.

    ``coverage`` holds, per survey file whose mapping was read, what it measures
    (study, pillars with statements per pillar, outcomes), for the CLI to show.
    """

    results: list[BatchResult] = field(default_factory=list)
    errors: dict[Path, str] = field(default_factory=dict)
    coverage: dict[Path, CoverageSummary] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.errors and all(r.status != "refused" for r in self.results)


def mapping_for(path: Path) -> Path:
    """The questionnaire mapping shipped beside an export: ``x.csv`` → ``x.mapping.yaml``."""
    return path.with_name(path.stem + MAPPING_SUFFIX)


def ingest_files(
    db_path: Path,
    files: Iterable[tuple[str, Path]],
    mapping_path: Path | None = None,
    max_reject_rate: float = DEFAULT_MAX_REJECT_RATE,
    on_done: Callable[[Path], None] | None = None,
    on_step: Callable[[Path, str], None] | None = None,
    salt: str | None = None,
    replace: bool = False,
) -> IngestReport:
    """Load each ``(kind, path)`` as its own batch; a bad file is reported, the others load.

    The mapping is read and validated before the file is opened, so a bad mapping
    fails the file without reading a row. ``salt`` defaults to the one beside
    ``db_path``; a refresh building a staged copy elsewhere passes the served
    warehouse's salt, so respondent hashes stay comparable across waves.
    ``replace`` supersedes the batches each file corrects (ingestion.batch_status).
    An unusable salt file raises :class:`cxbench.ingestion.privacy.SaltError` before any load.
    """
    import duckdb

    from cxbench.ingestion.privacy import resolve_salt

    files = list(files)
    report = IngestReport()
    if salt is None and any(kind in ("survey", "maturity") for kind, _ in files):
        salt = resolve_salt(db_path.parent)
    for kind, path in files:
        step = partial(on_step, path) if on_step else None
        limits = (max_reject_rate, replace)
        try:
            report.results.append(
                _load_one(db_path, path, kind, mapping_path, salt or "", limits, step, report)
            )
        except (ValueError, OSError) as error:
            report.errors[path] = str(error)
        except duckdb.IOException as error:
            report.errors[path] = f"{path}: cannot open the warehouse: {error}"
        if on_done:
            on_done(path)
    return report


def _load_one(
    db_path: Path,
    path: Path,
    kind: str,
    mapping_path: Path | None,
    salt: str,
    limits: tuple[float, bool],
    on_step: Callable[[str], None] | None,
    report: IngestReport,
) -> BatchResult:
    """Load one file of ``kind``, through its mapping where it has one.

    A survey file's coverage goes into ``report`` as soon as its mapping is
    valid, so it is shown even when the file then fails.
    """
    from cxbench.ingestion.coverage_summary import summarize_coverage
    from cxbench.ingestion.load import load_industry_file, load_survey_file
    from cxbench.ingestion.mapping_parse import load_mapping

    max_reject_rate, replace = limits
    if kind == "survey":
        mapping = load_mapping(mapping_path or mapping_for(path))
        report.coverage[path] = summarize_coverage(mapping)
        return load_survey_file(
            db_path, path, mapping, salt, max_reject_rate, on_step=on_step, replace=replace
        )
    if kind == "maturity":
        return _load_maturity(db_path, path, mapping_path, salt, limits, on_step)
    return load_industry_file(db_path, path, kind, max_reject_rate, on_step, replace)


def _load_maturity(
    db_path: Path,
    path: Path,
    mapping_path: Path | None,
    salt: str,
    limits: tuple[float, bool],
    on_step: Callable[[str], None] | None,
) -> BatchResult:
    """A maturity file through ``--mapping``, else its ``<file>.mapping.yaml``, else as is."""
    from cxbench.ingestion.load import load_maturity_file
    from cxbench.ingestion.maturity_mapping import load_maturity_mapping

    chosen = mapping_path or mapping_for(path)
    mapping = load_maturity_mapping(chosen) if mapping_path or chosen.is_file() else None
    max_reject_rate, replace = limits
    return load_maturity_file(
        db_path, path, mapping, salt, max_reject_rate, on_step=on_step, replace=replace
    )


def world_files(world_dir: Path) -> list[tuple[str, Path]]:
    """Files of a generated world in load order: reference data first, then survey CSVs."""
    files = []
    for kind, name in INDUSTRY_FILES:
        files.append((kind, world_dir / "industry" / name))
        files += [(kind, path) for path in later_deliveries(world_dir / "industry", name)]
    maturity = world_dir / "industry" / MATURITY_FILE
    if maturity.is_file():  # worlds generated before maturity assessments existed lack it
        files.append(("maturity", maturity))
    files += [("survey", path) for path in sorted((world_dir / "survey").glob("*.csv"))]
    return files


def later_deliveries(folder: Path, name: str) -> list[Path]:
    """Later deliveries of one reference file beside it, oldest first by name.

    A yearly list is delivered next to the first one as ``<stem>_<suffix>.csv``
    (``companies_2021.csv``), its rows dated by ``valid_from_wave``
    (docs/data-contracts.md §1, "Reference data that changes"); every delivery is
    loaded and kept.
    """
    stem, suffix = name.rsplit(".", 1)
    return sorted(folder.glob(f"{stem}_*.{suffix}"))


def ingest_world(
    db_path: Path, world_dir: Path, on_done: Callable[[Path], None] | None = None
) -> IngestReport:
    """Load every file of a generated world (the demo's and benchmark's ingest stage)."""
    return ingest_files(db_path, world_files(world_dir), on_done=on_done)


def build(
    db_path: Path,
    on_line: Callable[[str], None] | None = None,
    unit_tests: bool = False,
    dbt_vars: Mapping[str, object] | None = None,
    select: Sequence[str] = (),
    full_refresh: bool = False,
    engine: str = "duckdb",
) -> DbtResult:
    """Seed, run and test every dbt model into ``db_path`` (the production build).

    ``unit_tests`` adds dbt's unit tests, for development: the production build
    leaves them to ``make test`` (see :data:`DBT_BUILD`). ``dbt_vars`` overrides
    methodology variables of ``dbt_project.yml`` for this build, ``select``
    limits it to dbt node selectors, ``full_refresh`` rebuilds incremental
    models from scratch: each is passed to dbt as is. Raw tables loaded by an
    earlier version first get the columns added since (nothing else is written),
    and every built warehouse holds schema ``access`` (the app's grants and
    pseudonym key; cxcore/access_schema.py), an older one from its next build.
    ``engine`` ``spark`` builds on a local Spark from the raw layer exported to
    Parquet and brings the marts back into ``db_path`` (cxbench.spark.build).
    """
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}: one of {', '.join(ENGINES)}")
    _upgrade_raw_layer(db_path)
    command = build_command(unit_tests, dbt_vars, select, full_refresh)
    if engine == "spark":
        from cxbench.spark.build import build_on_spark

        result = build_on_spark(db_path, command, on_line)
    else:
        result = run_dbt(command, db_path, on_line)
    _ensure_access(db_path)
    return result


def _upgrade_raw_layer(db_path: Path) -> None:
    from cxbench.ingestion.raw_schema import upgrade_raw_schema
    from cxcore.storage import connect_writable

    if not db_path.is_file():
        return  # dbt says there is nothing to build from
    with connect_writable(db_path) as con:
        upgrade_raw_schema(con)


def _ensure_access(db_path: Path) -> None:
    """Create schema ``access`` (with a pseudonym key) unless the warehouse has it already."""
    from cxcore.access_schema import ensure_access_schema
    from cxcore.storage import connect_writable

    with connect_writable(db_path) as con:
        ensure_access_schema(con)


def build_command(
    unit_tests: bool = False,
    dbt_vars: Mapping[str, object] | None = None,
    select: Sequence[str] = (),
    full_refresh: bool = False,
) -> list[str]:
    """The dbt arguments of :func:`build` (vars as JSON, which dbt reads as YAML)."""
    if select:
        command = ["build", "--select", *select, *([] if unit_tests else WITHOUT_UNIT_TESTS)]
    else:
        command = ["build"] if unit_tests else list(DBT_BUILD)
    if dbt_vars:
        command += ["--vars", json.dumps(dict(dbt_vars), sort_keys=True)]
    if full_refresh:
        command.append("--full-refresh")
    return command


def parse_dbt_vars(text: str) -> dict[str, object]:
    """``--vars`` text (YAML or JSON, which is YAML) as a mapping; ValueError otherwise."""
    import yaml

    try:
        parsed = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise ValueError(f"--vars is not YAML or JSON: {error}") from None
    if parsed is None:
        return {}
    if not isinstance(parsed, dict):
        raise ValueError(
            f"--vars must be a mapping such as '{{min_base: 50}}', got {type(parsed).__name__}"
        )
    return {str(key): value for key, value in parsed.items()}


def layer_counts(db_path: Path) -> dict[str, dict[str, int | None]]:
    """Row counts per table and layer; None for a table that does not exist (yet)."""
    import duckdb

    counts: dict[str, dict[str, int | None]] = {}
    with duckdb.connect(str(db_path), read_only=True) as con:
        existing = {
            f"{schema}.{name}"
            for schema, name in con.execute(
                "select table_schema, table_name from information_schema.tables"
            ).fetchall()
        }
        for layer, tables in LAYER_TABLES.items():
            counts[layer] = {
                table: con.execute(f"select count(*) from {table}").fetchall()[0][0]
                if table in existing
                else None
                for table in tables
            }
    return counts
