"""Every SQL answer in docs/analyst-guide.md runs on a built warehouse and returns rows.

Queries go through the analysts' own entry point, ``cxbench sql``, which opens the
warehouse read-only in the sandbox (cxcore/sandbox.py); each must succeed and print
at least one data row. The guide's ```sql refused examples must exit 2, refused.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cxbench.cli import app
from tests.conftest import DemoWarehouse

pytestmark = pytest.mark.slow

GUIDE = Path(__file__).resolve().parents[2] / "docs" / "analyst-guide.md"
QUESTION = re.compile(r"^### (.+)$", re.MULTILINE)
SQL_BLOCK = re.compile(r"```sql\n(.*?)```", re.DOTALL)
REFUSED_BLOCK = re.compile(r"```sql refused\n(.*?)```", re.DOTALL)


def guide_questions() -> list[tuple[str, str]]:
    """(question heading, SQL) for every ```sql block, in order."""
    text = GUIDE.read_text(encoding="utf-8")
    headings = [(match.start(), match.group(1)) for match in QUESTION.finditer(text)]
    questions = []
    for block in SQL_BLOCK.finditer(text):
        heading = [title for start, title in headings if start < block.start()][-1]
        questions.append((heading, block.group(1)))
    return questions


def test_the_guide_answers_at_least_ten_questions() -> None:
    questions = guide_questions()
    assert len(questions) >= 10
    assert len({heading for heading, _ in questions}) == len(questions)


@pytest.mark.parametrize(
    ("heading", "sql"), guide_questions(), ids=[h.split(".")[0] for h, _ in guide_questions()]
)
def test_guide_query_returns_rows(
    demo_warehouse: DemoWarehouse, heading: str, sql: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CXBENCH_DB", str(demo_warehouse.db_path))
    result = CliRunner().invoke(app, ["sql", "--csv", sql])
    assert result.exit_code == 0, f"{heading}\n{result.output}"
    rows = list(csv.reader(io.StringIO(result.output)))
    assert len(rows) >= 2, f"{heading}: no rows\n{result.output}"


def test_the_guide_shows_refused_queries() -> None:
    assert len(REFUSED_BLOCK.findall(GUIDE.read_text(encoding="utf-8"))) >= 2


@pytest.mark.parametrize("sql", REFUSED_BLOCK.findall(GUIDE.read_text(encoding="utf-8")))
def test_guide_refused_query_exits_2(
    demo_warehouse: DemoWarehouse, sql: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CXBENCH_DB", str(demo_warehouse.db_path))
    result = CliRunner().invoke(app, ["sql", "--csv", sql])
    assert result.exit_code == 2, result.output
    assert "refused" in result.output and "Traceback" not in result.output
