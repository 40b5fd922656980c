"""Industry files: each kind has its own contract checks and its own batches."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from ingestion.load import FileContractError, load_industry_file

COMPANIES = """brand_id,brand_name,parent,sector_code,country,revenue,employees
NL-A,Alpha,,retail,NL,10.5,120
NL-B,Beta,Alpha Group,retail,nl,"7,25",
NL-A,Alpha again,,retail,NL,1,1
NL-C,Gamma,,retail,UK,1,1
NL-D,Delta,,retail,NL,-3,10
NL-E,Epsilon,,retail,NL,3,12.5
NL-F,,,retail,NL,3,12
"""
SECTORS = """sector_code,sector_name,nace_division
retail,Retail,47
grocery,Grocery,47
bank,Banking,64
odd,Odd one,34
letters,Letters,G4
short,Short code,1
"""
MARGINS = """country,wave,dimension,category,share
NL,2024,gender,female,0.51
NL,2024,gender,male,0.49
NO,2024,gender,female,0.6
NO,2024,gender,male,0.6
NL,2024,age_band,18-34,1.2
NL,2024,income,low,1
"""


def _load(tmp_path: Path, kind: str, text: str, name: str = "file.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return load_industry_file(tmp_path / "wh.duckdb", path, kind, max_reject_rate=1.0)


def _rejects(tmp_path: Path, batch_id: str) -> dict[int, str]:
    with duckdb.connect(str(tmp_path / "wh.duckdb"), read_only=True) as con:
        rows = con.execute(
            "select row_number, field from raw.rejected_rows where batch_id = ?", [batch_id]
        ).fetchall()
    return dict(rows)


def _query(tmp_path: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(tmp_path / "wh.duckdb"), read_only=True) as con:
        return con.execute(sql).fetchall()


def test_companies_reject_duplicate_ids_unknown_countries_and_bad_numbers(tmp_path: Path) -> None:
    result = _load(tmp_path, "companies", COMPANIES)
    assert (result.rows_loaded, result.rows_rejected) == (2, 5)
    assert _rejects(tmp_path, result.batch_id) == {
        3: "brand_id", 4: "country", 5: "revenue", 6: "employees", 7: "brand_name",
    }  # fmt: skip
    assert _query(tmp_path, "select brand_id, parent, country, revenue from raw.companies "
                            "order by 1") == [
        ("NL-A", None, "NL", 10.5), ("NL-B", "Alpha Group", "NL", 7.25),
    ]  # fmt: skip


def test_sectors_check_the_nace_division(tmp_path: Path) -> None:
    result = _load(tmp_path, "sectors", SECTORS)
    assert _rejects(tmp_path, result.batch_id) == {4: "nace_division", 5: "nace_division"}
    assert _query(tmp_path, "select sector_code, nace_division from raw.sectors order by 1") == [
        ("bank", "64"), ("grocery", "47"), ("retail", "47"), ("short", "01"),
    ]  # fmt: skip


def test_margins_reject_groups_whose_shares_do_not_add_up(tmp_path: Path) -> None:
    result = _load(tmp_path, "margins", MARGINS)
    assert _rejects(tmp_path, result.batch_id) == {3: "share", 4: "share", 5: "share",
                                                   6: "dimension"}  # fmt: skip
    reasons = _query(tmp_path, "select reason from raw.rejected_rows where row_number = 3")
    assert reasons == [("share: the values of (NO, 2024, gender) add up to 1.2, not 1",)]
    assert result.rows_loaded == 2


def test_industry_file_without_its_required_columns_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(FileContractError, match=r"missing column\(s\) brand_name, sector_code"):
        _load(tmp_path, "companies", "brand_id,country\nX,NL\n")
    assert _query(tmp_path, "select count(*) from raw.load_batches") == [(0,)]


def test_a_brand_listed_in_two_countries_is_rejected_in_the_file_and_across_files(
    tmp_path: Path,
) -> None:
    """A company is one row of the company list, in one country; a second listing is refused.

    Left in raw, it would make two companies of one brand_id and fail the build's
    key test; rejected at ingest, the row says why and the first listing stands.
    """
    first = _load(
        tmp_path,
        "companies",
        "brand_id,brand_name,sector_code,country\nACME,Acme,retail,DE\nACME,Acme,retail,AT\n",
        name="companies_de.csv",
    )
    second = _load(
        tmp_path,
        "companies",
        "brand_id,brand_name,sector_code,country\nACME,Acme,retail,CH\nBETA,Beta,retail,CH\n",
        name="companies_ch.csv",
    )
    assert (first.rows_loaded, first.rows_rejected) == (1, 1)
    assert (second.rows_loaded, second.rows_rejected) == (1, 1)
    reasons = _query(
        tmp_path, "select batch_id, row_number, reason from raw.rejected_rows order by batch_id"
    )
    by_batch = {batch: (row, reason) for batch, row, reason in reasons}
    row, reason = by_batch[first.batch_id]
    assert row == 2
    assert reason.startswith("duplicate key: same (brand_id) as row 1; a company is listed once")
    row, reason = by_batch[second.batch_id]
    assert row == 1
    assert reason.startswith(f"duplicate key: (brand_id) already loaded by batch {first.batch_id}")
    assert "one country it is benchmarked in" in reason
    assert _query(tmp_path, "select brand_id, country from raw.companies order by 1") == [
        ("ACME", "DE"),
        ("BETA", "CH"),
    ]
