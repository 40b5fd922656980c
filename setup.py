"""Package layout: the repository's stage folders install under the ``cxbench`` name.

The repository keeps one folder per stage at the top (``app/``, ``ingestion/``,
``expectations/``) so a reader finds each stage where the README says; installed, they
are ``cxbench.app``, ``cxbench.ingestion`` and ``cxbench.expectations``, so the
distribution adds no generic top-level names (``app`` is claimed by many packages). An
editable install maps the same names onto the folders. Everything else is declared in
pyproject.toml; pyproject cannot compute a mapped package list, hence this file.

``dbt_project/`` ships as the data package ``cxbench.dbt_project`` (no Python in it):
every file of the project, found by walking the folder so a new file or folder (a
``selectors.yml``, ``snapshots/``) ships without a change here, except what dbt
writes into it (:data:`DBT_OUTPUT`) and hidden files. ``cxcore.settings`` finds the
project there when installed and at ``<repo>/dbt_project`` in a checkout.
"""

from pathlib import Path

from setuptools import find_packages, setup

STAGES = ("app", "ingestion", "expectations")
DBT_PROJECT = Path(__file__).resolve().parent / "dbt_project"
#: What dbt writes into the project folder: artefacts of a run, never shipped.
DBT_OUTPUT = frozenset({"target", "logs", "dbt_packages"})


def dbt_project_files() -> list[str]:
    """Every file of the dbt project, relative to it, without dbt's output or hidden files."""
    files = []
    for path in sorted(DBT_PROJECT.rglob("*")):
        relative = path.relative_to(DBT_PROJECT)
        skipped = relative.parts[0] in DBT_OUTPUT or any(
            part.startswith(".") or part == "__pycache__" for part in relative.parts
        )
        if path.is_file() and not skipped:
            files.append(relative.as_posix())
    return files


packages = find_packages(include=["cxcore", "cxcore.*", "cxbench", "cxbench.*"])
package_dir = {}
for stage in STAGES:
    for name in find_packages(include=[stage, f"{stage}.*"]):
        packages.append(f"cxbench.{name}")
    package_dir[f"cxbench.{stage}"] = stage
packages.append("cxbench.dbt_project")
package_dir["cxbench.dbt_project"] = "dbt_project"

setup(
    packages=packages,
    package_dir=package_dir,
    package_data={
        "cxbench.dbt_project": dbt_project_files(),
        # The report prints in DejaVu Sans; its free licence ships beside the fonts.
        "cxbench.app": ["report/fonts/*"],
        # The benchmark's hand-written SQL yardstick (cxbench.benchmarks.sql.core_script).
        "cxbench.benchmarks.sql": ["*.sql"],
    },
)
