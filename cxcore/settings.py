"""Settings read in one place, on demand (never at import time).

Every component asks :func:`load_settings` for paths instead of reading the
environment itself, so that a test can point the whole pipeline at a temporary
warehouse by setting one variable.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

#: The repository root: the project is installed editable, so the dbt project and
#: the shipped examples are found next to the packages.
REPO_ROOT = Path(__file__).resolve().parents[1]
DBT_PROJECT_DIR = REPO_ROOT / "dbt_project"
DEFAULT_DB_PATH = REPO_ROOT / "warehouse" / "cxbench.duckdb"
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
    generated = Path(os.environ.get("CXBENCH_DATA_DIR", REPO_ROOT / "data" / "generated")).resolve()
    return Settings(db_path=resolved, generated_dir=generated)
