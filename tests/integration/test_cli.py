"""The CLI's contract with scripts: exit codes and what it prints."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from cxbench.cli import app
from tests.integration.test_ingest import MAPPING, ROWS

runner = CliRunner()


@pytest.fixture
def export(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CXBENCH_DB", str(tmp_path / "wh.duckdb"))
    monkeypatch.setenv("CXBENCH_SALT", "cli-test")
    monkeypatch.setenv("COLUMNS", "200")
    source = tmp_path / "export.csv"
    source.write_text(ROWS)
    (tmp_path / "export.mapping.yaml").write_text(MAPPING)
    return source


def test_ingest_prints_the_row_balance_and_exits_zero(export: Path) -> None:
    result = runner.invoke(app, ["ingest", str(export), "--max-reject-rate", "1"])
    assert result.exit_code == 0, result.output
    assert "7 = 2 + 5" in result.output and "loaded" in result.output
    again = runner.invoke(app, ["ingest", str(export)])
    assert again.exit_code == 0 and "already loaded" in again.output
    assert "ingest --replace" in again.output


def test_ingest_refuses_a_batch_above_the_reject_rate_with_exit_two(export: Path) -> None:
    result = runner.invoke(app, ["ingest", str(export), "--max-reject-rate", "0.1"])
    assert result.exit_code == 2
    assert "refused" in result.output


def test_ingest_of_a_bad_mapping_names_the_key_and_exits_two(export: Path) -> None:
    mapping = export.with_name("export.mapping.yaml")
    mapping.write_text(MAPPING.replace("per_1: q01", "per_99: q01"))
    result = runner.invoke(app, ["ingest", str(export)])
    assert result.exit_code == 2
    assert "statements.per_99" in result.output


def test_unknown_kind_exits_two(export: Path) -> None:
    result = runner.invoke(app, ["ingest", str(export), "--kind", "weather"])
    assert result.exit_code == 2 and "--kind must be one of" in result.output


def test_sql_prints_csv_and_is_read_only(export: Path) -> None:
    runner.invoke(app, ["ingest", str(export), "--max-reject-rate", "1"])
    result = runner.invoke(
        app, ["sql", "select row_number, per_1 from raw.survey_evaluations order by 1", "--csv"]
    )
    assert result.exit_code == 0
    assert result.output.splitlines() == ["row_number,per_1", "1,7.0", "7,4.0"]
    write = runner.invoke(app, ["sql", "delete from raw.survey_evaluations"])
    assert write.exit_code == 2 and "read-only" in write.output
