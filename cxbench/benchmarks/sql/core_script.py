"""Run cxbench/benchmarks/sql/core_numbers.sql and compare its results with the marts.

The script is the benchmark's yardstick (cxbench.benchmarks.build): hand-written
DuckDB SQL for the core numbers, split into steps at ``-- step: name`` lines,
with ``-- python: name`` steps handled by :mod:`cxbench.benchmarks.sql.core_hooks`.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from cxbench.benchmarks.sql.core_hooks import importance_hook, rake_hook
from cxcore.storage import connect_writable

CORE_SCRIPT = Path(__file__).resolve().parent / "core_numbers.sql"


def run_core_script(db_path: Path) -> None:
    """Execute cxbench/benchmarks/sql/core_numbers.sql on ``db_path`` (the benchmark's SQL side)."""
    hooks = {"rake": rake_hook, "importance": importance_hook}
    with connect_writable(db_path) as connection:
        connection.execute("set enable_progress_bar = false")
        for kind, name, sql in script_steps(CORE_SCRIPT.read_text()):
            if kind == "python":
                hooks[name](connection)
            elif sql.strip():
                connection.execute(sql)


def script_steps(text: str) -> list[tuple[str, str, str]]:
    """Split the script at ``-- step: name`` / ``-- python: name`` lines."""
    steps: list[tuple[str, str, str]] = []
    kind, name, lines = "step", "preamble", []
    for line in text.splitlines():
        for marker in ("step", "python"):
            prefix = f"-- {marker}: "
            if line.startswith(prefix):
                steps.append((kind, name, "\n".join(lines)))
                kind, name, lines = marker, line[len(prefix) :].strip(), []
                break
        else:
            lines.append(line)
    steps.append((kind, name, "\n".join(lines)))
    return [step for step in steps if step[0] == "python" or step[2].strip()]


def compare_core_numbers(dbt_db: Path, sql_db: Path) -> float:
    """Largest absolute difference between the marts and the script's tables."""
    checks = {
        "company_pillar_scores": (
            ["company_id", "wave", "pillar_id"],
            ["mean_score", "std_error", "ci_low", "ci_high", "unweighted_mean_score"],
            "fct_company_pillar_scores",
        ),
        "company_scores": (
            ["company_id", "wave"],
            ["cx_index", "rank_in_country", "rank_in_sector"],
            "fct_company_scores",
        ),
    }
    worst = 0.0
    with duckdb.connect(":memory:") as connection:
        connection.execute(f"attach '{dbt_db}' as built (read_only)")
        connection.execute(f"attach '{sql_db}' as script (read_only)")
        for table, (keys, measures, mart) in checks.items():
            differences = ", ".join(
                f"max(abs(mart.{column} - core.{column}))" for column in measures
            )
            mismatched = ", ".join(
                f"count(*) filter (where (mart.{column} is null) <> (core.{column} is null))"
                for column in measures
            )
            row = connection.execute(
                f"""
                select count(*), count(core.{keys[0]}), {mismatched}, {differences}
                from built.marts.{mart} as mart
                left join script.core.{table} as core using ({", ".join(keys)})
                """
            ).fetchall()[0]
            n_rows, n_matched, *rest = row
            nulls, maxima = rest[: len(measures)], rest[len(measures) :]
            if n_rows != n_matched or any(nulls):
                raise RuntimeError(f"{table}: rows or NULLs differ ({row})")
            worst = max(worst, *(value or 0.0 for value in maxima))
    return worst
