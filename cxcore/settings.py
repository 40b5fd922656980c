"""Settings read in one place, on demand (never at import time).

Every component asks :func:`load_settings` for paths instead of reading the
environment itself, so that a test can point the whole pipeline at a temporary
warehouse by setting one variable.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

#: The folder holding the ``cxcore`` package: a repository checkout (an editable
#: install runs from it too) or, installed from a wheel, ``site-packages``.
PACKAGE_ROOT = Path(__file__).resolve().parents[1]


def find_checkout(package_root: Path) -> Path | None:
    """``package_root`` if it is a repository checkout (editable installs run from one).

    A checkout holds ``pyproject.toml`` and ``dbt_project/`` beside the packages; an
    installed wheel's ``site-packages`` holds neither (its project is
    ``cxbench/dbt_project``).
    """
    is_checkout = (package_root / "pyproject.toml").is_file() and (
        package_root / "dbt_project" / "dbt_project.yml"
    ).is_file()
    return package_root if is_checkout else None


#: The repository when running from a checkout, ``None`` when installed from a wheel.
#: Only a checkout has ``docs/``, the tests and a git history.
CHECKOUT_ROOT = find_checkout(PACKAGE_ROOT)
#: Kept for the tests and tools that only run from a checkout (installed: the
#: ``site-packages`` folder, which has no ``docs/`` — use :data:`CHECKOUT_ROOT`).
REPO_ROOT = CHECKOUT_ROOT or PACKAGE_ROOT
#: Where the folders shipped as ``cxbench.<name>`` live: the repository's top level in
#: a checkout (setup.py maps ``cxbench.dbt_project`` onto ``dbt_project/`` and so on),
#: the installed ``cxbench`` package otherwise.
RESOURCE_ROOT = CHECKOUT_ROOT or PACKAGE_ROOT / "cxbench"
DBT_PROJECT_DIR = RESOURCE_ROOT / "dbt_project"
APP_DIR = RESOURCE_ROOT / "app"
#: Checkout: ``<repo>/warehouse/cxbench.duckdb`` as always. Installed there is no
#: repository (and ``site-packages`` may be read-only), so the warehouse and the
#: generated worlds go under the folder the command runs in: these relative paths
#: are resolved by :func:`load_settings` when called, not at import.
DEFAULT_DB_PATH = (CHECKOUT_ROOT or Path()) / "warehouse" / "cxbench.duckdb"
DEFAULT_GENERATED_DIR = (CHECKOUT_ROOT or Path()) / "data" / "generated"
#: Schemas of the warehouse. DuckDB names a file's catalog after its stem, so a
#: file called ``raw.duckdb`` makes every ``raw.<table>`` ambiguous.
WAREHOUSE_SCHEMAS = frozenset(
    {"raw", "staging", "intermediate", "marts", "reference", "audit", "published", "main"}
)


class WarehousePathError(ValueError):
    """The warehouse path cannot work (its name collides with a schema)."""


@dataclass(frozen=True)
class Settings:
    """Where the warehouse lives and where generated data goes."""

    db_path: Path
    generated_dir: Path

    @property
    def warehouse_dir(self) -> Path:
        """Folder beside the DuckDB file for data docs, key files and logs."""
        return self.db_path.parent


def load_settings(db_path: Path | str | None = None) -> Settings:
    """Resolve settings: explicit argument, then ``CXBENCH_DB``, then the default."""
    chosen = db_path or os.environ.get("CXBENCH_DB") or DEFAULT_DB_PATH
    resolved = Path(chosen).expanduser().resolve()
    if resolved.stem.lower() in WAREHOUSE_SCHEMAS:
        raise WarehousePathError(
            f"warehouse file {resolved}: DuckDB would name its catalog {resolved.stem!r}, "
            f"the same as a schema of the warehouse; choose another file name "
            f"(not {', '.join(sorted(WAREHOUSE_SCHEMAS))})"
        )
    generated = Path(os.environ.get("CXBENCH_DATA_DIR", DEFAULT_GENERATED_DIR)).resolve()
    return Settings(db_path=resolved, generated_dir=generated)
