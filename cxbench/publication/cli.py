"""The researchers' yearly commands: ``refresh``, ``publish`` and ``diff``.

Kept apart from :mod:`cxbench.cli` (which registers them) because they share
the staging/swap and publication vocabulary and not much else with the
analysts' commands. Exit codes as everywhere: 0 done (a no-op included),
1 a build, quality gate or publication rule refused, 2 bad input.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape
from rich.table import Table

from cxbench.console import console
from cxcore.settings import load_settings

if TYPE_CHECKING:  # the CLI imports the publication code only when a command runs
    from cxbench.publication.publish import PublishResult

DbOption = Annotated[
    Path | None,
    typer.Option("--db", help="Warehouse file (default: $CXBENCH_DB or warehouse/cxbench.duckdb)."),
]
WaveOption = Annotated[int, typer.Option("--wave", help="Survey year.")]
STAGE_LABELS = {
    "stage": "copying the served warehouse to a staging folder",
    "ingest": "loading the wave's files into the copy",
    "build": "dbt build of the copy (incremental: only changed waves are recomputed)",
    "check": "quality suites on the copy",
    "gate": "publication gate",
    "swap": "swapping the copy in",
}


def refresh(
    wave: WaveOption,
    input_dir: Annotated[
        Path, typer.Option("--input", help="Folder with survey/ (and industry/) files.")
    ],
    full_refresh: Annotated[
        bool, typer.Option(help="Recompute every wave, not only changed ones.")
    ] = False,
    dbt_vars: Annotated[
        str | None,
        typer.Option("--vars", help="dbt vars overriding dbt_project.yml, as YAML/JSON."),
    ] = None,
    db: DbOption = None,
) -> None:
    """Load a wave, build a new warehouse file, pass every gate, then swap it in atomically.

    The served warehouse is never written: on any failure it is untouched and
    this says which stage failed and why.
    """
    from cxbench.publication.refresh import RefreshFailed, refresh_wave

    settings = load_settings(db)
    with console.status("refresh") as status:

        def on_stage(stage: str) -> None:
            console.print(f"refresh: {stage} — {STAGE_LABELS[stage]}", highlight=False)
            status.update(STAGE_LABELS[stage])

        try:
            result = refresh_wave(
                settings,
                wave,
                input_dir,
                full_refresh=full_refresh,
                dbt_vars=dbt_vars,
                on_stage=on_stage,
                on_line=lambda line: status.update(line[-90:]),
            )
        except RefreshFailed as error:
            console.print(f"[red]{error}[/]", highlight=False)
            console.print(f"the served warehouse {settings.db_path} is unchanged")
            raise typer.Exit(error.exit_code) from None
    timings = "  ".join(f"{stage} {seconds:.1f} s" for stage, seconds in result.seconds.items())
    console.print(
        f"[green]wave {wave} refreshed[/]: {result.n_evaluations:,} evaluations, "
        f"{len(result.files_loaded)} file(s) loaded, {len(result.files_skipped)} already loaded; "
        f"build {result.build_id}, quality run {result.quality_run_id}",
        highlight=False,
    )
    console.print(f"{timings}   now serving {result.db_path}", highlight=False)
    console.print(f"publish with: cxbench publish --wave {wave}")


def publish(wave: WaveOption, db: DbOption = None) -> None:
    """Append the wave's rankings as a new published version (refused unless the gate passed)."""
    from cxbench.publication.publish import PublishBlocked, PublishRefused, publish_wave

    settings = load_settings(db)
    try:
        with console.status(f"publishing wave {wave}"):
            result = publish_wave(settings.db_path, wave)
    except PublishRefused as error:
        console.print(f"[red]publish refused: {escape(str(error))}[/]", highlight=False)
        raise typer.Exit(2 if isinstance(error, PublishBlocked) else 1) from None
    if result.status == "unchanged":
        console.print(
            f"nothing to publish: wave {wave} is already published as version "
            f"{result.methodology_version} from the same inputs and parameters "
            f"(publication {result.publication_id}, {result.n_rows} rows, "
            f"{result.published_at:%Y-%m-%d %H:%M} UTC)",
            highlight=False,
        )
        return
    against = (
        f"movers against published wave {result.previous_published_wave}"
        if result.previous_published_wave
        else "no earlier published wave: no movers"
    )
    console.print(
        f"[green]published[/] wave {wave}, methodology {result.methodology_version}: "
        f"{result.n_rows} ranked companies, publication {result.publication_id}; {against}",
        highlight=False,
    )
    if result.moves:
        _print_moves(result, limit=MOVES_SHOWN)


#: Moves listed after a publish (largest first); the rest are in published.rankings.
MOVES_SHOWN = 15


def _print_moves(result: PublishResult, limit: int) -> None:
    """The largest moves, each with its standard error and whether it is significant."""
    level = f"{result.confidence_level:.0%}"
    table = Table(
        "country", "company", "name", "Δ CX index", "± s.e.", "places", f"significant ({level})",
        title=f"largest moves since published wave {result.previous_published_wave}",
    )  # fmt: skip
    for move in result.moves[:limit]:
        significant = {True: "yes", False: "no", None: "unknown"}[move.is_significant]
        table.add_row(
            move.country,
            move.company_id,
            move.company_name or "",
            f"{move.cx_index_change:+.3f}",
            _text(move.change_std_error),
            f"{move.rank_in_country_change:+d}" if move.rank_in_country_change else "0",
            significant,
        )
    console.print(table)
    n_significant = sum(1 for move in result.moves if move.is_significant)
    console.print(
        f"{n_significant} of {len(result.moves)} moves significant at {level}"
        + (f" (showing {limit})" if len(result.moves) > limit else ""),
        highlight=False,
    )


def diff(
    wave: WaveOption,
    version_from: Annotated[str, typer.Option("--from", help="Methodology version before.")],
    version_to: Annotated[str, typer.Option("--to", help="Methodology version after.")],
    show_all: Annotated[bool, typer.Option("--all", help="List unchanged companies too.")] = False,
    limit: Annotated[int, typer.Option(help="Rows to show (largest moves first).")] = 40,
    db: DbOption = None,
) -> None:
    """Show what moved in a wave's published rankings between two methodology versions."""
    from cxbench.publication.diff import DiffError, diff_versions

    settings = load_settings(db)
    try:
        result = diff_versions(settings.db_path, wave, version_from, version_to)
    except DiffError as error:
        console.print(f"[red]{error}[/]", highlight=False)
        raise typer.Exit(2) from None
    shown = result.changes if show_all else result.moved
    table = Table(
        "country", "company", "name", f"rank {version_from}", f"rank {version_to}", "places",
        f"CX {version_from}", f"CX {version_to}",
        title=f"wave {wave}: {version_from} → {version_to}",
    )  # fmt: skip
    for change in shown[:limit]:
        places = change.rank_change
        table.add_row(
            change.country,
            change.company_id,
            change.company_name or "",
            _text(change.rank_from),
            _text(change.rank_to),
            "new" if change.rank_from is None else "dropped" if change.rank_to is None
            else f"{places:+d}" if places else "0",
            _text(change.cx_from),
            _text(change.cx_to),
        )  # fmt: skip
    console.print(table)
    console.print(
        f"{len(result.moved)} of {len(result.changes)} ranked companies moved"
        + (f" (showing {limit})" if len(shown) > limit else ""),
        highlight=False,
    )


def _text(value: float | int | None) -> str:
    if value is None:
        return "—"
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def register(app: typer.Typer) -> None:
    """Add the three commands to the ``cxbench`` app."""
    app.command()(refresh)
    app.command()(publish)
    app.command()(diff)
