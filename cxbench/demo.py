"""``cxbench demo``: the whole main job on a synthetic world, its waves published, then the app.

Rerunning is quick: an already generated world (same size and seed) is reused
and its files are skipped by checksum at ingest, so only dbt and the checks run.
"""

from __future__ import annotations

import contextlib
import json
import subprocess
import time
from pathlib import Path

from rich.markup import escape

from cxbench import pipeline
from cxbench.app_server import app_env, streamlit_command
from cxbench.console import console, ingest_table, layer_table, progress_bar
from cxbench.dbt_runner import DbtError
from cxbench.writer_lock import WarehouseBusy, writer_lock
from cxcore.settings import Settings

DEMO_WAVES = (2024, 2025)
DEMO_COUNTRIES = ("NL", "NO", "PL", "GB", "DE")


def world_dir_for(settings: Settings, evaluations: int, seed: int) -> Path:
    """Where the demo keeps the world of a given size and seed."""
    return settings.generated_dir / f"world-{evaluations}-seed{seed}"


def ensure_world(out_dir: Path, evaluations: int, seed: int) -> bool:
    """Generate the demo world unless a complete one is already there; True if generated."""
    from cxbench.generator import generate_world

    manifest = out_dir / "manifest.json"
    if manifest.exists() and json.loads(manifest.read_text()).get("seed") == seed:
        return False
    with progress_bar() as progress:
        task = progress.add_task("generating evaluations", total=evaluations)
        generate_world(
            out_dir,
            evaluations=evaluations,
            waves=DEMO_WAVES,
            countries=DEMO_COUNTRIES,
            seed=seed,
            progress=lambda done: progress.advance(task, done),
        )
    return True


def run_demo(settings: Settings, evaluations: int, seed: int, start_app: bool, port: int) -> int:
    """Run generate → ingest → build → check → publish; return the process exit code.

    The writer lock is held from the ingest to the end of the publications, not
    while the app serves.
    """
    started = time.perf_counter()
    timings: dict[str, float] = {}
    world = world_dir_for(settings, evaluations, seed)

    mark = time.perf_counter()
    generated = ensure_world(world, evaluations, seed)
    timings["generate"] = time.perf_counter() - mark
    if not generated:
        console.print(f"reusing the generated world in {world}")

    from cxbench.ingestion.privacy import SaltError

    try:
        with writer_lock(settings.db_path, "cxbench demo"):
            code = _load_build_check(settings, world, timings, started)
    except (WarehouseBusy, SaltError) as error:
        console.print(f"[red]{escape(str(error))}[/]", highlight=False)
        return 2
    if code:
        return code
    if start_app:
        serve_app(settings.db_path, port)
    else:
        console.print(f"app: cxbench app --port {port}  (then open http://localhost:{port})")
    return 0


def _load_build_check(
    settings: Settings, world: Path, timings: dict[str, float], started: float
) -> int:
    """Ingest, build and check the demo warehouse (under the writer lock); the exit code."""
    from cxbench.expectations.report import check_run_table
    from cxbench.expectations.runner import run_checks

    mark = time.perf_counter()
    files = pipeline.world_files(world)
    with progress_bar() as progress:
        task = progress.add_task("loading files", total=len(files))
        report = pipeline.ingest_world(
            settings.db_path, world, on_done=lambda _path: progress.advance(task)
        )
    timings["ingest"] = time.perf_counter() - mark
    console.print(ingest_table(report))
    if not report.ok:
        return 2

    mark = time.perf_counter()
    try:
        with console.status("dbt build") as status:
            build = pipeline.build(settings.db_path, on_line=lambda line: status.update(line[-90:]))
    except DbtError as error:
        console.print(f"[red]{error}[/]", highlight=False)
        return 1
    timings["build"] = time.perf_counter() - mark
    console.print(f"dbt build: {build.n_nodes} nodes, {build.n_failed} failed")

    mark = time.perf_counter()
    with console.status("quality checks"):
        run = run_checks(settings.db_path, build_id=build.invocation_id, data_docs=True)
    timings["check"] = time.perf_counter() - mark
    console.print(check_run_table(run))

    console.print(layer_table(pipeline.layer_counts(settings.db_path)))
    if run.success:
        mark = time.perf_counter()
        if not _publish_waves(settings.db_path):
            return 1
        timings["publish"] = time.perf_counter() - mark
    passed = sum(1 for result in run.results if result.success)
    console.print(
        f"checks passed: {passed}/{len(run.results)}   "
        + "   ".join(f"{stage} {seconds:.1f} s" for stage, seconds in timings.items())
        + f"   total {time.perf_counter() - started:.1f} s"
    )
    console.print(f"warehouse: {settings.db_path}")
    if not run.success:
        console.print("[red]quality gate failed: not starting the app[/]")
        return 1
    return 0


def _publish_waves(db_path: Path) -> bool:
    """Publish every demo wave, oldest first, as ``cxbench publish`` does; False if refused.

    The app shows clients only published waves, so a demo without publications
    would show a client nothing. Oldest first, so the newer wave's movers are
    measured against the published older one. A rerun on the same inputs is a
    no-op per wave (the publication already exists).
    """
    from cxbench.publication.publish import PublishRefused, publish_wave

    for wave in DEMO_WAVES:
        try:
            with console.status(f"publishing wave {wave}"):
                result = publish_wave(db_path, wave)
        except PublishRefused as error:
            console.print(f"[red]publish of wave {wave} refused: {escape(str(error))}[/]")
            return False
        done = "already published" if result.status == "unchanged" else "published"
        console.print(
            f"{done}: wave {wave}, methodology {result.methodology_version}, "
            f"{result.n_rows} ranked companies (publication {result.publication_id})",
            highlight=False,
        )
    return True


def serve_app(
    db_path: Path, port: int, address: str = "127.0.0.1", preview_client: str | None = None
) -> None:
    """Run Streamlit in the foreground until interrupted (loopback unless told otherwise).

    Callers check first that ``address`` and ``preview_client`` may be served
    (:func:`cxbench.app_server.check_serving`); the demo serves the local analyst.
    """
    host = "localhost" if address in {"127.0.0.1", "localhost"} else address
    host = f"[{host}]" if ":" in host else host
    console.print(f"[bold green]app: http://{host}:{port}[/]  (Ctrl+C to stop)")
    command = streamlit_command(port, address=address)
    with contextlib.suppress(KeyboardInterrupt):
        subprocess.run(command, env=app_env(db_path, preview_client), check=False)
