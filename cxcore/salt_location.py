"""Where the pseudonymisation salt's key file lives: outside the warehouse folder.

A SQL session reaches the warehouse file and, when exporting, one export folder
(:mod:`cxcore.sandbox`); the salt must be in neither, or a query could read it and
re-identify respondents by hashing guessed ids. So the key file sits *beside* the
warehouse folder, not in it: ``<parent>/.<folder>.cxbench_salt`` (for the default
``warehouse/cxbench.duckdb`` that is ``.warehouse.cxbench_salt`` next to
``warehouse/``), or wherever ``CXBENCH_SALT_FILE`` points. Older warehouses kept it
inside the folder as ``.cxbench_salt``; :mod:`cxbench.ingestion.privacy` moves it once.
"""

from __future__ import annotations

import os
from pathlib import Path

SALT_FILE_ENV = "CXBENCH_SALT_FILE"
#: The key file's name inside the warehouse folder before it moved out (migrated).
LEGACY_SALT_FILE_NAME = ".cxbench_salt"


def salt_file_path(warehouse_dir: Path) -> Path:
    """The key file for the warehouse in ``warehouse_dir``: ``CXBENCH_SALT_FILE`` or beside it."""
    chosen = os.environ.get(SALT_FILE_ENV)
    if chosen:
        return Path(chosen).expanduser().resolve()
    folder = warehouse_dir.expanduser().resolve()
    return folder.parent / f".{folder.name or 'warehouse'}.cxbench_salt"


def legacy_salt_file_path(warehouse_dir: Path) -> Path:
    """Where the key file used to be (inside the warehouse folder): migrated on first use."""
    return warehouse_dir.expanduser().resolve() / LEGACY_SALT_FILE_NAME
