"""How old the newest raw load is: ``dbt source freshness``, read-only.

The thresholds live with the sources (dbt_project/models/staging/*/_*__sources.yml):
a wave arrives once a year, so a load may be a year old; 400 days warns (the
next wave is late), 550 days is an error (a wave was missed). dbt writes one
result per checked table to ``sources.json``; it exits 1 when any table is past
its error threshold, which here is a result to report, not a failure to run.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from cxbench.dbt_read_only import run_read_only, scratch_target
from cxbench.dbt_runner import DbtError

#: dbt's statuses, mildest first; "runtime error": the table could not be checked
#: (e.g. empty, so it has no newest load).
STATUSES = ("pass", "warn", "error", "runtime error")
SECONDS_PER_DAY = 86_400


@dataclass(frozen=True)
class SourceFreshness:
    """One checked raw table: its newest load and how it compares with the thresholds."""

    source: str  # "survey.survey_evaluations"
    status: str
    newest_load: datetime | None
    age_days: float | None
    warn_after: str
    error_after: str
    message: str = ""

    @property
    def is_error(self) -> bool:
        return self.status in ("error", "runtime error")


def check_freshness(
    db_path: Path, on_line: Callable[[str], None] | None = None
) -> list[SourceFreshness]:
    """Run ``dbt source freshness`` on ``db_path`` read-only; one result per checked table."""
    with scratch_target() as artefacts:
        results = artefacts / "target" / "sources.json"
        try:
            run_read_only(["source", "freshness"], db_path, artefacts, on_line)
        except DbtError:
            if not results.is_file():
                raise  # dbt did not get as far as checking (parse or connection error)
        return read_results(results)


def read_results(path: Path) -> list[SourceFreshness]:
    """The results of ``sources.json``, worst first, then by table."""
    results = [_result(entry) for entry in json.loads(path.read_text())["results"]]
    return sorted(results, key=lambda result: (-_rank(result.status), result.source))


def _result(entry: dict) -> SourceFreshness:
    criteria = entry.get("criteria") or {}
    loaded = entry.get("max_loaded_at")
    age = entry.get("max_loaded_at_time_ago_in_s")
    return SourceFreshness(
        source=entry["unique_id"].split(".", 2)[-1],
        status=entry["status"],
        newest_load=datetime.fromisoformat(loaded) if loaded else None,
        age_days=age / SECONDS_PER_DAY if age is not None else None,
        warn_after=_threshold(criteria.get("warn_after")),
        error_after=_threshold(criteria.get("error_after")),
        message=entry.get("message") or "",
    )


def _threshold(value: dict | None) -> str:
    if not value or not value.get("count"):
        return ""
    return f"{value['count']} {value['period'][0]}"  # "400 d", as the table shows it


def _rank(status: str) -> int:
    return STATUSES.index(status) if status in STATUSES else len(STATUSES)
