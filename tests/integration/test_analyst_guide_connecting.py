"""The notebook example of the analyst guide's "Connecting" section runs as printed.

Its Python block is run against the demo warehouse (only the file's path is
replaced) and must leave a non-empty pandas DataFrame of the ranked companies,
read through a read-only connection.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from tests.conftest import DemoWarehouse

pytestmark = pytest.mark.slow

GUIDE = Path(__file__).resolve().parents[2] / "docs" / "analyst-guide.md"
PYTHON_BLOCK = re.compile(r"```python\n(.*?)```", re.DOTALL)
DEFAULT_PATH = "warehouse/cxbench.duckdb"


def connecting_section() -> str:
    text = GUIDE.read_text(encoding="utf-8")
    start = text.index("\n## Connecting\n")
    return text[start : text.index("\n## ", start + 1)]


def test_the_connecting_section_shows_notebook_cli_and_a_bi_tool_read_only() -> None:
    section = connecting_section()
    assert "read_only=True" in section
    assert f"duckdb -readonly {DEFAULT_PATH}" in section
    assert "duckdb.read_only" in section and "jdbc:duckdb:" in section


def test_the_notebook_example_runs_read_only(demo_warehouse: DemoWarehouse) -> None:
    (block,) = PYTHON_BLOCK.findall(connecting_section())
    assert DEFAULT_PATH in block
    namespace: dict[str, object] = {}
    exec(block.replace(DEFAULT_PATH, str(demo_warehouse.db_path)), namespace)
    scores = namespace["scores"]
    assert isinstance(scores, pd.DataFrame) and len(scores) > 0
    assert list(scores["rank_in_country"]) == sorted(scores["rank_in_country"])
