"""The built wheel installs into a fresh venv and runs the demo without the checkout.

The wheel is built from this checkout's files (``git ls-files``: what a clone holds,
plus files not yet committed), with dbt's artefact folders planted in the copy so
the test sees they stay out. It is installed into a new venv in a temporary folder
and run from a temporary working folder, so nothing can come from the repository.

Dependencies: a full install from the package index is the honest test, but it
took 3 min 44 s of wall time here the first time (58 s CPU: mostly downloads; 2
shared cores), about 2 min 15 s with pip's cache warm, on every test run and
dependent on the network. So by default the new venv borrows
this environment's dependencies through a ``.pth`` line and installs the wheel with
``--no-deps``; the wheel's ``Requires-Dist`` is checked against the versions this
environment holds, so the borrowed set is one pip would accept.
``CXBENCH_WHEEL_FULL_INSTALL=1`` installs the dependencies from the index instead.
"""

from __future__ import annotations

import email
import os
import shutil
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import duckdb
import pytest
from packaging.requirements import Requirement

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]
FULL_INSTALL = os.environ.get("CXBENCH_WHEEL_FULL_INSTALL") == "1"
#: What dbt writes into its project folder: planted in the copy, must not ship.
DBT_OUTPUT = ("target", "logs", "dbt_packages")


@dataclass(frozen=True)
class InstalledWheel:
    """A fresh venv with the wheel installed, and the wheel it came from."""

    wheel: Path
    venv: Path
    site_packages: Path

    @property
    def python(self) -> Path:
        return self.venv / "bin" / "python"


def _run(command: list[str | Path], **kwargs: object) -> subprocess.CompletedProcess[str]:
    completed = subprocess.run(
        [str(part) for part in command], capture_output=True, text=True, check=False, **kwargs
    )
    assert completed.returncode == 0, completed.stdout[-3000:] + completed.stderr[-3000:]
    return completed


def _checkout_copy(destination: Path) -> Path:
    """The checkout's files as a clone (plus uncommitted ones) would hold them."""
    listed = _run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"], cwd=REPO
    ).stdout
    for name in filter(None, listed.split("\0")):
        source = REPO / name
        if source.is_file():  # a file deleted but not yet committed is listed too
            (destination / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, destination / name)
    for folder in DBT_OUTPUT:
        (destination / "dbt_project" / folder).mkdir(parents=True, exist_ok=True)
        (destination / "dbt_project" / folder / "planted.json").write_text("{}")
    return destination


def _dependency_dirs() -> list[str]:
    """The site-packages folders this interpreter imports its dependencies from.

    Its own and any another ``.pth`` line added (a helper's venv borrowing the
    project's); ``.pth`` files inside a borrowed folder are not processed, so an
    editable install of the checkout found there stays inert.
    """
    return [entry for entry in sys.path if Path(entry).name == "site-packages"]


def _clean_env(**extra: str) -> dict[str, str]:
    """The environment without anything pointing at the checkout or this venv."""
    drop = {"PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME", "CXBENCH_DB", "CXBENCH_DATA_DIR"}
    env = {key: value for key, value in os.environ.items() if key not in drop}
    return {**env, **extra}


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> InstalledWheel:
    """Build the wheel from a copy of the checkout and install it into a new venv."""
    root = tmp_path_factory.mktemp("wheel")
    source = _checkout_copy(root / "source")
    dist = root / "dist"
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", dist, source])
    (wheel,) = dist.glob("cxbench-*.whl")
    venv = root / "venv"
    base_python = Path(getattr(sys, "_base_executable", sys.executable))
    _run([base_python, "-m", "venv", venv])
    purelib = "import sysconfig; print(sysconfig.get_paths()['purelib'])"
    site = Path(_run([venv / "bin" / "python", "-c", purelib]).stdout.strip())
    if FULL_INSTALL:
        _run([venv / "bin" / "python", "-m", "pip", "install", "-q", wheel], env=_clean_env())
    else:
        (site / "zz_project_deps.pth").write_text("\n".join(_dependency_dirs()) + "\n")
        _run(
            [venv / "bin" / "python", "-m", "pip", "install", "-q", "--no-deps", wheel],
            env=_clean_env(),
        )
        # dbt runs as an executable beside the interpreter (cxbench.dbt_runner); the
        # borrowed dbt's own script would run the other venv's interpreter.
        launcher = venv / "bin" / "dbt"
        launcher.write_text(
            f"#!{venv / 'bin' / 'python'}\nimport sys\nfrom dbt.cli.main import cli\n"
            "sys.exit(cli())\n"
        )
        launcher.chmod(0o755)
    return InstalledWheel(wheel, venv, site)


def _metadata(wheel: Path) -> email.message.Message:
    with zipfile.ZipFile(wheel) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        return email.message_from_bytes(archive.read(name))


def test_wheel_carries_the_dbt_project_and_resources_but_no_run_artefacts(
    installed: InstalledWheel,
) -> None:
    with zipfile.ZipFile(installed.wheel) as archive:
        names = set(archive.namelist())
    tracked = _run(["git", "ls-files", "dbt_project"], cwd=REPO).stdout.split()
    missing = {f"cxbench/{name}" for name in tracked} - names
    assert not missing, f"dbt project files not in the wheel: {sorted(missing)[:5]}"
    assert not [n for n in names if n.split("/")[:3][-1] in DBT_OUTPUT and "dbt_project" in n]
    for resource in (
        "cxbench/dbt_project/dbt_project.yml",
        "cxbench/dbt_project/profiles.yml",
        "cxbench/benchmarks/sql/core_numbers.sql",
        "cxbench/app/streamlit_app.py",
        "cxbench/app/report/fonts/DejaVuSans.ttf",
        "cxbench/app/report/fonts/LICENSE",
        "cxbench/expectations/suites/fct_company_scores.py",
    ):
        assert resource in names
    top_levels = {name.split("/")[0] for name in names if "dist-info" not in name.split("/")[0]}
    assert top_levels == {"cxbench", "cxcore"}


def test_wheel_metadata_declares_the_licence_by_spdx_expression(installed: InstalledWheel) -> None:
    metadata = _metadata(installed.wheel)
    assert metadata["License-Expression"] == "Apache-2.0"
    assert metadata.get_all("License-File") == ["LICENSE"]
    assert metadata["License"] is None  # the deprecated free-text field is gone
    with zipfile.ZipFile(installed.wheel) as archive:
        licence = next(n for n in archive.namelist() if n.endswith("licenses/LICENSE"))
        assert "Apache License" in archive.read(licence).decode()


@pytest.mark.skipif(FULL_INSTALL, reason="dependencies came from the index")
def test_borrowed_dependencies_satisfy_the_wheels_requirements(installed: InstalledWheel) -> None:
    problems = []
    for line in _metadata(installed.wheel).get_all("Requires-Dist") or []:
        requirement = Requirement(line)
        if requirement.marker and not requirement.marker.evaluate({"extra": ""}):
            continue  # an extra (dev)
        try:
            held = version(requirement.name)
        except PackageNotFoundError:
            problems.append(f"{requirement.name}: not installed")
            continue
        if not requirement.specifier.contains(held, prereleases=True):
            problems.append(f"{requirement.name} {held} does not satisfy {requirement.specifier}")
    assert not problems


def test_installed_code_comes_from_the_venv_not_the_checkout(
    installed: InstalledWheel, tmp_path: Path
) -> None:
    probe = (
        "import cxbench, cxcore, cxbench.app, cxbench.ingestion, cxbench.expectations\n"
        "from cxcore import settings\n"
        "from cxbench.app_server import APP_SCRIPT\n"
        "from cxbench.benchmarks.sql.core_script import CORE_SCRIPT\n"
        "print(cxbench.__file__, cxcore.__file__, cxbench.app.__file__,\n"
        "      cxbench.ingestion.__file__, cxbench.expectations.__file__, APP_SCRIPT,\n"
        "      CORE_SCRIPT, settings.DBT_PROJECT_DIR / 'dbt_project.yml', sep='\\n')\n"
        "print(settings.CHECKOUT_ROOT)\n"
        "print(settings.load_settings().db_path)\n"
    )
    lines = _run(
        [installed.python, "-c", probe], cwd=tmp_path, env=_clean_env()
    ).stdout.splitlines()
    *paths, checkout, db_path = lines
    for path in paths:
        assert Path(path).is_relative_to(installed.site_packages), path
        assert not Path(path).is_relative_to(REPO)
        assert Path(path).exists()
    assert checkout == "None"
    assert Path(db_path) == tmp_path.resolve() / "warehouse" / "cxbench.duckdb"


@pytest.mark.parametrize("name", ["app", "ingestion", "expectations"])
def test_no_generic_top_level_names_are_importable(
    installed: InstalledWheel, tmp_path: Path, name: str
) -> None:
    completed = subprocess.run(
        [installed.python, "-c", f"import {name}"],
        cwd=tmp_path, env=_clean_env(), capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert completed.returncode != 0
    assert f"No module named '{name}'" in completed.stderr


def test_python_dash_m_cxbench_prints_the_version(
    installed: InstalledWheel, tmp_path: Path
) -> None:
    completed = _run([installed.python, "-m", "cxbench", "--version"], cwd=tmp_path)
    assert completed.stdout.strip() == f"cxbench {_metadata(installed.wheel)['Version']}"


def test_installed_demo_builds_the_marts_from_a_foreign_folder(
    installed: InstalledWheel, tmp_path: Path
) -> None:
    env = _clean_env(
        CXBENCH_DB=str(tmp_path / "warehouse" / "cxbench.duckdb"),
        CXBENCH_DATA_DIR=str(tmp_path / "generated"),
        CXBENCH_SALT="wheel-test-salt",
        COLUMNS="200",
    )
    command = [installed.venv / "bin" / "cxbench", "-v", "demo", "--no-app",
               "--evaluations", "20000"]  # fmt: skip
    completed = _run(command, cwd=tmp_path, env=env)
    assert "quality run" in completed.stderr  # -v shows the runner's INFO line
    with duckdb.connect(str(tmp_path / "warehouse" / "cxbench.duckdb"), read_only=True) as con:
        companies = con.execute("select count(*) from marts.fct_company_scores").fetchall()
    assert companies[0][0] > 0
    project = installed.site_packages / "cxbench" / "dbt_project"
    on_disk = {
        f"cxbench/dbt_project/{path.relative_to(project).as_posix()}"
        for path in project.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts  # pip compiles dbt's .py models
    }
    with zipfile.ZipFile(installed.wheel) as archive:
        shipped = {name for name in archive.namelist() if name.startswith("cxbench/dbt_project/")}
    assert on_disk == shipped, f"dbt wrote into the installed project: {on_disk - shipped}"
