"""What went wrong in a dbt run, read from its ``run_results.json``.

dbt's console output interleaves hundreds of lines of progress with the one
that matters; a researcher whose build failed needs the failing model or test
by name and the database's own words (``Constraint Error: NOT NULL constraint
failed: fct_company_scores.sector_code``). ``run_results.json`` holds exactly
that per node. For a failing or warning test it also holds the compiled query,
whose rows *are* the problem (the brands without reference data, the keys
that repeat): :func:`sample_rows` re-reads a few of them, read-only, once dbt
has released the warehouse.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

#: Statuses of a node that did not simply pass.
PROBLEM_STATUSES = ("error", "fail", "warn")
#: Rows of a failing test's query shown in a report.
SAMPLE_ROWS = 5
#: Terminal colour codes dbt leaves in some messages (a unit test's diff).
ANSI_CODE = re.compile(r"\x1b\[[0-9;]*m")


@dataclass(frozen=True)
class NodeProblem:
    """One model, seed or test that errored, failed or warned."""

    unique_id: str
    status: str
    message: str
    compiled_code: str | None = None
    failures: int | None = None

    @property
    def resource_type(self) -> str:
        """``model``, ``test``, ``seed``, ``unit_test``… from the unique id."""
        return self.unique_id.split(".", 1)[0]

    @property
    def name(self) -> str:
        """The node's name (the last part of its unique id, minus a test's hash)."""
        parts = self.unique_id.split(".")
        if self.resource_type == "test" and len(parts) > 3:
            return parts[2]
        return parts[-1]

    @property
    def is_test(self) -> bool:
        return self.resource_type == "test"

    def describe(self) -> str:
        """``<status> <type> <name>: <message>`` with dbt's indentation flattened."""
        text = ANSI_CODE.sub("", self.message)
        message = " ".join(line.strip() for line in text.splitlines() if line.strip())
        return f"{self.status.upper()} {self.resource_type} {self.name}: {message}"


def read_problems(path: Path) -> list[NodeProblem]:
    """Every node of ``run_results.json`` that errored, failed or warned (errors first)."""
    if not path.is_file():
        return []
    results = json.loads(path.read_text()).get("results", [])
    problems = [
        NodeProblem(
            unique_id=result.get("unique_id", "?"),
            status=result.get("status", "?"),
            message=result.get("message") or "",
            compiled_code=result.get("compiled_code"),
            failures=result.get("failures"),
        )
        for result in results
        if result.get("status") in PROBLEM_STATUSES
    ]
    return sorted(problems, key=lambda problem: PROBLEM_STATUSES.index(problem.status))


def sample_rows(
    db_path: Path, problem: NodeProblem, limit: int = SAMPLE_ROWS
) -> tuple[list[str], list[tuple]] | None:
    """Up to ``limit`` rows of a failing test's query, or None when they cannot be read.

    Read-only, after dbt has exited; a query that no longer runs (the table it
    read failed to build) is no reason to hide the failure itself.
    """
    if not problem.is_test or not problem.compiled_code or not db_path.is_file():
        return None
    import duckdb

    try:
        with duckdb.connect(str(db_path), read_only=True) as con:
            cursor = con.execute(
                f"select * from ({problem.compiled_code}) as failing limit {int(limit)}"
            )
            columns = [column[0] for column in cursor.description]
            return columns, cursor.fetchall()
    except duckdb.Error:
        return None


def report_lines(db_path: Path, problems: list[NodeProblem]) -> list[str]:
    """One line per problem, with a test's failing rows indented under it."""
    lines: list[str] = []
    for problem in problems:
        lines.append(problem.describe())
        sample = sample_rows(db_path, problem)
        if sample is None:
            continue
        columns, rows = sample
        for row in rows:
            pairs = zip(columns, row, strict=True)
            lines.append("    " + ", ".join(f"{column}={value}" for column, value in pairs))
        if problem.failures and problem.failures > len(rows):
            lines.append(f"    … {problem.failures - len(rows)} more")
    return lines
