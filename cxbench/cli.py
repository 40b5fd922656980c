"""The ``cxbench`` command: one entry point for researchers, analysts and CI.

Commands stay thin: they parse options, call a stage in :mod:`cxbench.pipeline`
(or the generator, checks, benchmark) and render the outcome. Exit codes: 0 done,
1 a quality gate or build failed, 2 bad input.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.text import Text

from cxbench import pipeline
from cxbench.access_cli import register as register_access_commands
from cxbench.batches_cli import register as register_batch_commands
from cxbench.cli_globals import register as register_global_options
from cxbench.cli_lock import writing
from cxbench.console import (
    console,
    coverage_lines,
    ingest_details,
    ingest_table,
    never_scoring_lines,
    progress_bar,
    red,
)
from cxbench.dbt_results import report_lines
from cxbench.dbt_runner import DbtError
from cxbench.docs_cli import register as register_docs_commands
from cxbench.export.cli import register as register_export_command
from cxbench.ingestion.reject_limit import DEFAULT_MAX_REJECT_RATE
from cxbench.publication.cli import register as register_publication_commands
from cxbench.report_cli import register as register_report_command
from cxbench.sql_cli import register as register_sql_command
from cxcore.settings import load_settings

app = typer.Typer(
    help="Customer-experience benchmarking warehouse: Six-Pillar scores per company, "
    "sector and country.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)

DbOption = Annotated[
    Path | None,
    typer.Option("--db", help="Warehouse file (default: $CXBENCH_DB or warehouse/cxbench.duckdb)."),
]
KINDS = ("survey", "companies", "sectors", "margins", "maturity")
DEFAULT_WAVES = "2024,2025"
DEFAULT_COUNTRIES = "NL,NO,PL,GB,DE"


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


@app.command()
def generate(
    out: Annotated[Path, typer.Option(help="Folder to write the synthetic world into.")],
    evaluations: Annotated[int, typer.Option(help="Total evaluations over all files.")] = 200_000,
    waves: Annotated[str, typer.Option(help="Comma-separated survey years.")] = DEFAULT_WAVES,
    countries: Annotated[str, typer.Option(help="Comma-separated ISO codes.")] = DEFAULT_COUNTRIES,
    seed: Annotated[int, typer.Option(help="Random seed; same seed, same files.")] = 42,
    partial_study_evaluations: Annotated[
        int,
        typer.Option(
            help="Also write a second study of this many evaluations that asks only 10 of "
            "the 30 statements (survey/partial_*, truth/partial_study_pillar_means.csv); "
            "0: none.",
        ),
    ] = 0,
    world: Annotated[
        str,
        typer.Option(
            help="default: the world the methodology assumes; harder: selection on a latent "
            "trait and region, measurement error, non-linear outcomes, an omitted driver, "
            "age × gender interaction (cxbench/generator/realism.py); observable: the "
            "harder world without the selection the weights cannot see.",
        ),
    ] = "default",
    wave_truth: Annotated[
        bool | None,
        typer.Option(
            "--wave-truth/--no-wave-truth",
            help="Write truth per wave over active companies (importance, R², NPS, CSAT, "
            "CES); default: off for --world default, on for the others.",
        ),
    ] = None,
) -> None:
    """Write a synthetic survey world: exports + mappings, industry files, ground truth."""
    from cxbench.generator import generate_world

    try:
        wave_years = [int(wave) for wave in _split(waves)]
    except ValueError:
        console.print(f"[red]--waves must be comma-separated years, got {waves!r}[/]")
        raise typer.Exit(2) from None
    with progress_bar() as progress:
        task = progress.add_task(
            "generating evaluations", total=evaluations + max(partial_study_evaluations, 0)
        )
        try:
            summary = generate_world(
                out,
                evaluations=evaluations,
                waves=wave_years,
                countries=_split(countries),
                seed=seed,
                progress=lambda done: progress.advance(task, done),
                partial_study_evaluations=partial_study_evaluations,
                realism=world,
                wave_truth=wave_truth,
            )
        except ValueError as error:
            console.print(red(error), highlight=False)
            raise typer.Exit(2) from None
    partial = summary.partial_study_evaluations
    console.print(
        f"wrote {summary.total_evaluations:,} evaluations"
        + (f" and {partial:,} of the partial-instrument study" if partial else "")
        + f" in {len(summary.files)} files to {out}"
    )


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files, or a generated world folder.")],
    kind: Annotated[str, typer.Option(help=f"One of {', '.join(KINDS)}.")] = "survey",
    mapping: Annotated[
        Path | None, typer.Option(help="Questionnaire mapping (default: <file>.mapping.yaml).")
    ] = None,
    max_reject_rate: Annotated[
        float,
        typer.Option(
            help="Refuse a batch whose share of rejected rows is above this "
            "(nothing written; a batch loading no row is always refused)."
        ),
    ] = DEFAULT_MAX_REJECT_RATE,
    replace: Annotated[
        bool,
        typer.Option(
            "--replace",
            help="Supersede the active batch this file corrects (same sha256, or same file "
            "name, study, country and wave): its rows stay in raw, marked superseded.",
        ),
    ] = False,
    db: DbOption = None,
) -> None:
    """Load files into the raw layer: every row loaded or rejected with its reason.

    Exit 0 when every file loaded (or was already loaded), 2 on bad input: a file
    that cannot be read, a bad mapping, a damaged salt file, a batch refused by
    --max-reject-rate (or loading no row), or another command writing the warehouse.
    Each survey file's coverage (study, pillars, outcomes) is shown; a declared
    pillar or outcome that can never score is a warning (recorded in
    raw.load_warnings), not an error.
    """
    if kind not in KINDS:
        console.print(f"[red]--kind must be one of {', '.join(KINDS)}, got {kind!r}[/]")
        raise typer.Exit(2)
    if not 0.0 <= max_reject_rate <= 1.0:
        console.print(f"[red]--max-reject-rate must be between 0 and 1, got {max_reject_rate}[/]")
        raise typer.Exit(2)
    settings = load_settings(db)
    files = [
        (item_kind, item)
        for path in paths
        for item_kind, item in (pipeline.world_files(path) if path.is_dir() else [(kind, path)])
    ]
    from cxbench.ingestion.privacy import SaltError

    with writing(settings.db_path, "cxbench ingest"), progress_bar() as progress:
        task = progress.add_task("loading files", total=len(files))
        try:
            report = pipeline.ingest_files(
                settings.db_path,
                files,
                mapping,
                max_reject_rate,
                on_done=lambda _path: progress.advance(task),
                on_step=lambda path, step: progress.update(
                    task, description=f"{path.name}: {step}"
                ),
                replace=replace,
            )
        except SaltError as error:
            console.print(red(error))
            raise typer.Exit(2) from None
    console.print(ingest_table(report))
    for line in [*coverage_lines(report), *ingest_details(report), *never_scoring_lines(report)]:
        console.print(line, highlight=False)
    if not report.ok:
        raise typer.Exit(2)


@app.command()
def build(
    unit_tests: Annotated[
        bool,
        typer.Option(
            "--unit-tests/--no-unit-tests",
            help="Also run dbt's unit tests (SQL logic on fixed rows; `make test` runs them).",
        ),
    ] = False,
    dbt_vars: Annotated[
        str | None,
        typer.Option(
            "--vars",
            help="Methodology variables for this build, YAML or JSON, "
            "e.g. '{min_base: 50, min_answered_share: 0.6}' (dbt_project.yml lists them).",
        ),
    ] = None,
    select: Annotated[
        list[str] | None,
        typer.Option("--select", "-s", help="Build only these dbt nodes (dbt selector syntax)."),
    ] = None,
    full_refresh: Annotated[
        bool,
        typer.Option("--full-refresh", help="Rebuild incremental models from scratch."),
    ] = False,
    engine: Annotated[
        str,
        typer.Option(
            "--engine",
            help="duckdb, or spark: build on a local Spark (pip install 'cxbench[spark]', "
            "Java 17) and bring the marts back into the warehouse (docs/spark.md).",
        ),
    ] = "duckdb",
    db: DbOption = None,
) -> None:
    """Build the dbt project (staging → intermediate → marts) and run its data tests.

    A failure names each failing model or test with the database's own error.
    """
    try:
        parsed_vars = pipeline.parse_dbt_vars(dbt_vars) if dbt_vars else None
        if engine not in pipeline.ENGINES:
            raise ValueError(f"--engine must be one of {', '.join(pipeline.ENGINES)}")
    except ValueError as error:
        console.print(red(error), highlight=False)
        raise typer.Exit(2) from None
    settings = load_settings(db)
    with writing(settings.db_path, "cxbench build"), console.status("dbt build") as status:
        try:
            result = pipeline.build(
                settings.db_path,
                on_line=lambda line: status.update(Text(line[-90:])),
                unit_tests=unit_tests,
                dbt_vars=parsed_vars,
                select=select or (),
                full_refresh=full_refresh,
                engine=engine,
            )
        except DbtError as error:
            console.print(red(error), highlight=False)
            raise typer.Exit(1) from None
    for line in report_lines(settings.db_path, list(result.problems)):
        console.print(Text(line, style="yellow"), highlight=False)
    console.print(
        f"dbt build: {result.n_nodes} nodes, {result.n_failed} failed, "
        f"{len(result.problems)} warned, {result.elapsed_seconds:.1f} s "
        f"(invocation {result.invocation_id})"
    )


@app.command()
def check(
    build_id: Annotated[
        str | None,
        typer.Option(help="Build the run vouches for (default: the last dbt build)."),
    ] = None,
    show_all: Annotated[
        bool, typer.Option("--all", help="List every expectation, not only the failed ones.")
    ] = False,
    docs: Annotated[
        bool,
        typer.Option("--docs", help="Render GX Data Docs even when every check passes."),
    ] = False,
    db: DbOption = None,
) -> None:
    """Run the Great Expectations suites; exit 1 when an error-severity check fails.

    Every run is recorded in ``audit.quality_runs``/``quality_results``; Data Docs
    are rendered when a check fails, or on ``--docs``.
    """
    from cxbench.expectations.report import check_run_table, never_scoring_lines
    from cxbench.expectations.runner import QualityTargetMissingError, run_checks

    settings = load_settings(db)
    try:
        with writing(settings.db_path, "cxbench check"), console.status("running quality checks"):
            run = run_checks(settings.db_path, build_id=build_id, data_docs=docs or None)
    except FileNotFoundError as error:
        console.print(red(error), highlight=False)
        raise typer.Exit(2) from None
    except QualityTargetMissingError as error:
        console.print(red(f"quality gate failed: {error}"), highlight=False)
        raise typer.Exit(1) from None
    console.print(check_run_table(run, only_failed=not show_all))
    for line in never_scoring_lines(run):
        console.print(line, highlight=False)
    if run.data_docs_index:
        console.print(f"Data Docs: {run.data_docs_index}", highlight=False)
    if not run.success:
        console.print(f"[red]quality gate failed: {len(run.blocking)} error-severity check(s)[/]")
        raise typer.Exit(1)


@app.command(name="app")
def run_app(
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8501,
    address: Annotated[
        str,
        typer.Option(
            help="Address to listen on. Other than 127.0.0.1, ::1 or localhost it needs "
            "a login configured in .streamlit/secrets.toml (docs/deployment.md)."
        ),
    ] = "127.0.0.1",
    preview_client: Annotated[
        str | None,
        typer.Option(
            "--preview-client",
            metavar="ORG_ID",
            help="Serve exactly what this client sees, without a login, on this machine only.",
        ),
    ] = None,
    db: DbOption = None,
) -> None:
    """Start the Streamlit comparison app on the warehouse (read-only).

    Without a login it is the local analyst's app, on this machine only; on a public
    address every user logs in with the identity provider configured for it.
    """
    from cxbench.app_server import ServingRefused, check_serving
    from cxbench.demo import serve_app

    db_path = load_settings(db).db_path
    try:
        previewed = check_serving(address, preview_client, db_path)
    except ServingRefused as refusal:
        console.print(red(refusal))
        raise typer.Exit(2) from None
    if previewed is not None:
        console.print(f"client preview: what {previewed} ({preview_client}) sees", markup=False)
    serve_app(db_path, port, address=address, preview_client=preview_client)


@app.command()
def demo(
    evaluations: Annotated[int, typer.Option(help="Size of the synthetic world.")] = 500_000,
    seed: Annotated[int, typer.Option(help="Random seed.")] = 42,
    app_: Annotated[bool, typer.Option("--app/--no-app", help="Start the app at the end.")] = True,
    port: Annotated[int, typer.Option(help="Port for the app.")] = 8501,
    db: DbOption = None,
) -> None:
    """Generate → ingest → build → check → publish the waves, print a summary, then the app."""
    from cxbench.demo import run_demo

    code = run_demo(load_settings(db), evaluations, seed, start_app=app_, port=port)
    raise typer.Exit(code)


@app.command()
def bench(
    evaluations: Annotated[int, typer.Option(help="Size of the benchmark world.")] = 1_850_000,
    seed: Annotated[int, typer.Option(help="Random seed.")] = 7,
    record: Annotated[bool, typer.Option(help="Append a row to docs/benchmarks.md.")] = True,
) -> None:
    """Time every stage in its own process, report peak memory, print JSON."""
    from cxbench.benchmarks.stages import run_benchmark

    run_benchmark(evaluations, seed, record=record)


register_global_options(app)
register_publication_commands(app)
register_batch_commands(app)
register_access_commands(app)
register_report_command(app)
register_sql_command(app)
register_export_command(app)
register_docs_commands(app)

if __name__ == "__main__":
    app()
