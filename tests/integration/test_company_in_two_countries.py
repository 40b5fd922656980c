"""One organisation measured in several countries: one company, scored in each country.

A provider's export covers one brand in Germany and Austria (a ``LAND`` column
coded 1/2), with no companies file: the brand is one row of ``dim_company`` (in
the unassigned sector, in the country of its earliest wave, alphabetically
first on a tie: AT) that lists both countries, and it has scores in both.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from cxbench.cli import app

pytestmark = pytest.mark.slow

MAPPING = """mapping_version: 1
description: A cross-border brand tracker, Germany and Austria
study: {id: dach-tracker, name: DACH brand tracker}
source: {format: csv, delimiter: ";"}
fixed: {wave: 2024, brand_id: DACH-TEL}
keys: {respondent_id: RESPID}
fields:
  country: {column: LAND, values: {1: DE, 2: AT}}
defaults: {scale: [1, 5], missing: [99]}
statements: {int_1: Q1, int_2: Q2, emp_2: Q3}
outcomes:
  nps: {column: REC, scale: [0, 10]}
  loyalty: {column: STAY, scale: [0, 10]}
coverage: {pillars: [integrity, empathy], outcomes: [nps, loyalty]}
"""
N_ROWS = 80

runner = CliRunner()


def _export() -> str:
    lines = ["RESPID;LAND;Q1;Q2;Q3;REC;STAY"]
    for row in range(N_ROWS):
        answers = [99 if (row + item) % 9 == 0 else 1 + (row * (item + 3)) % 5 for item in range(3)]
        lines.append(";".join(map(str, [f"R{row:03d}", 1 + row % 2, *answers, row % 11,
                                         (row * 7) % 11])))  # fmt: skip
    return "\r\n".join(lines) + "\r\n"


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int, str]:
    """The export ingested and built; the build's exit code and output are the tests' to judge."""
    folder = tmp_path_factory.mktemp("two_countries")
    db = folder / "cxbench.duckdb"
    export = folder / "dach_2024.csv"
    export.write_bytes(_export().encode())
    (folder / "dach_2024.mapping.yaml").write_text(MAPPING)
    result = runner.invoke(app, ["ingest", str(export), "--db", str(db)])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["build", "--db", str(db)], env={"COLUMNS": "200"})
    return db, result.exit_code, result.output


def _query(db: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql).fetchall()


def test_a_brand_surveyed_in_two_countries_is_one_company_listing_both(
    warehouse: tuple[Path, int, str],
) -> None:
    db, _, output = warehouse
    assert "dim_company_structure" not in output  # its key test passed
    assert _query(
        db,
        "select company_id, sector_code, country, has_reference_data, n_countries_surveyed, "
        "countries_surveyed from marts.dim_company",
    ) == [("DACH-TEL", "UNASSIGNED", "AT", False, 2, "AT,DE")]


def test_a_brand_surveyed_in_two_countries_builds_and_is_scored_in_both(
    warehouse: tuple[Path, int, str],
) -> None:
    db, exit_code, output = warehouse
    assert exit_code == 0, output
    scored = _query(
        db,
        "select country, pillar_id, n_evaluations from marts.fct_company_pillar_scores "
        "order by all",
    )
    assert {(country, pillar) for country, pillar, _ in scored} == {
        (country, pillar) for country in ("AT", "DE") for pillar in ("empathy", "integrity")
    }
    assert _query(db, "select country, n_evaluations from marts.fct_company_scores order by 1") == [
        ("AT", N_ROWS // 2),
        ("DE", N_ROWS // 2),
    ]
