"""profiles.yml finds the standard warehouse without CXBENCH_DB.

By hand, from the repository root, ``dbt debug --project-dir dbt_project
--profiles-dir dbt_project`` must connect to ``warehouse/cxbench.duckdb`` — the
path cxcore.settings uses when nothing is set. The test runs dbt in a scratch
folder laid out like the root (DuckDB resolves the relative default against the
folder dbt runs in), so the checkout's own warehouse is never touched.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import duckdb
import yaml

from cxcore.settings import CHECKOUT_ROOT, DBT_PROJECT_DIR, DEFAULT_DB_PATH

PROFILE = DBT_PROJECT_DIR / "profiles.yml"
#: The settings' default warehouse, relative to where commands run (the checkout).
DEFAULT_RELATIVE = DEFAULT_DB_PATH.relative_to(CHECKOUT_ROOT or Path())
DEFAULT = re.compile(r"env_var\('CXBENCH_DB', '([^']+)'\)")


def test_the_profile_default_is_the_settings_default_path() -> None:
    outputs = yaml.safe_load(PROFILE.read_text())["cxbench"]["outputs"]
    for target in ("dev", "read_only"):
        match = DEFAULT.fullmatch(outputs[target]["path"].strip("{} "))
        assert match, outputs[target]["path"]
        assert Path(match.group(1)) == DEFAULT_RELATIVE
    assert outputs["read_only"]["config_options"] == {"access_mode": "read_only"}


def test_dbt_debug_connects_to_the_default_warehouse_without_cxbench_db(tmp_path: Path) -> None:
    root = tmp_path / "checkout"
    warehouse = root / DEFAULT_RELATIVE
    warehouse.parent.mkdir(parents=True)
    duckdb.connect(str(warehouse)).close()
    env = {key: value for key, value in os.environ.items() if key != "CXBENCH_DB"}
    env |= {"DBT_LOG_PATH": str(tmp_path / "logs"), "DBT_TARGET_PATH": str(tmp_path / "target"),
            "DBT_SEND_ANONYMOUS_USAGE_STATS": "false"}  # fmt: skip
    dbt = str(Path(sys.executable).with_name("dbt"))
    command = [dbt, "debug", "--project-dir", str(DBT_PROJECT_DIR),
               "--profiles-dir", str(DBT_PROJECT_DIR)]  # fmt: skip
    completed = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True)
    assert completed.returncode == 0, completed.stdout[-3000:]
    assert "path: warehouse/cxbench.duckdb" in completed.stdout
    assert "All checks passed" in completed.stdout

    warehouse.unlink()  # no warehouse where the default points: dbt says so
    warehouse.parent.rmdir()
    completed = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True)
    assert completed.returncode != 0
    assert "warehouse/cxbench.duckdb" in completed.stdout
