"""dbt source freshness on the raw loads: fresh after a build, stale a wave cycle later.

The demo warehouse was loaded minutes ago: every checked table passes, and the
check (read-only) records nothing in the warehouse. A scratch copy whose load
times are moved back — survey loads 450 days (past the 400-day warning), margins
600 days (past the 550-day error) — warns and errors accordingly.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from cxbench.cli import app
from cxbench.dbt_freshness import SourceFreshness, check_freshness
from tests.conftest import DemoWarehouse

pytestmark = pytest.mark.slow

CHECKED = {"survey.survey_evaluations", "survey.load_batches", "industry.population_margins"}


def _builds(db_path: Path) -> int:
    with duckdb.connect(str(db_path), read_only=True) as connection:
        return connection.execute("select count(*) from audit.dbt_builds").fetchall()[0][0]


def test_a_fresh_build_passes(demo_warehouse: DemoWarehouse) -> None:
    builds = _builds(demo_warehouse.db_path)
    result = CliRunner().invoke(app, ["freshness", "--db", str(demo_warehouse.db_path)])
    assert result.exit_code == 0, result.output
    for source in CHECKED:
        line = next(line for line in result.output.splitlines() if source in line)
        assert "pass" in line, line
    assert _builds(demo_warehouse.db_path) == builds


def test_loads_a_wave_cycle_old_warn_and_older_ones_error(
    demo_warehouse: DemoWarehouse, tmp_path: Path
) -> None:
    old = tmp_path / "cxbench.duckdb"
    shutil.copyfile(demo_warehouse.db_path, old)
    with duckdb.connect(str(old)) as connection:
        connection.execute(
            "update raw.survey_evaluations set loaded_at = loaded_at - interval 450 days"
        )
        connection.execute(
            "update raw.load_batches set finished_at = finished_at - interval 450 days"
        )
        connection.execute(
            "update raw.population_margins set loaded_at = loaded_at - interval 600 days"
        )
    results = {result.source: result for result in check_freshness(old)}
    assert set(results) == CHECKED
    assert {source: result.status for source, result in results.items()} == {
        "survey.survey_evaluations": "warn",
        "survey.load_batches": "warn",
        "industry.population_margins": "error",
    }
    assert 449 < results["survey.load_batches"].age_days < 451
    assert results["survey.load_batches"].warn_after == "400 d"
    assert results["industry.population_margins"].error_after == "550 d"


def test_the_command_exits_1_past_an_error_threshold(monkeypatch: pytest.MonkeyPatch) -> None:
    stale = SourceFreshness("industry.population_margins", "error", None, 600.0, "400 d", "550 d")
    monkeypatch.setattr("cxbench.dbt_freshness.check_freshness", lambda db_path: [stale])
    result = CliRunner().invoke(app, ["freshness", "--db", "/tmp/any/cxbench.duckdb"])
    assert result.exit_code == 1, result.output
    assert "industry.population_margins" in result.output and "error" in result.output
