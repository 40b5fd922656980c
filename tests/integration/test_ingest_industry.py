"""Industry files: each kind has its own contract checks and its own batches."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import duckdb
import pytest
from openpyxl import Workbook

from cxbench.ingestion.load import FileContractError, load_industry_file
from cxbench.ingestion.raw_schema import upgrade_raw_schema

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
        3: "brand_id, valid_from_wave", 4: "country", 5: "revenue", 6: "employees",
        7: "brand_name",
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
    assert reason.startswith(
        "duplicate key: same (brand_id, valid_from_wave) as row 1; a company is listed once"
    )
    row, reason = by_batch[second.batch_id]
    assert row == 1
    assert reason.startswith(
        f"duplicate key: (brand_id, valid_from_wave) already loaded by batch {first.batch_id}"
    )
    assert "one country it is benchmarked in" in reason
    assert "a list for a later wave says from which wave it holds" in reason
    assert _query(tmp_path, "select brand_id, country from raw.companies order by 1") == [
        ("ACME", "DE"),
        ("BETA", "CH"),
    ]


def test_a_list_delivered_again_under_its_name_is_judged_row_by_row(tmp_path: Path) -> None:
    """Reference data cannot be replaced, so a same-named file is never refused whole.

    (A survey file is: its rows would count twice. Here a repeated brand is a row
    rejected as a duplicate key, and a new one loads.)
    """
    header = "brand_id,brand_name,sector_code,country\n"
    first = _load(tmp_path, "companies", header + "ACME,Acme,retail,DE\n", name="companies.csv")
    again = _load(
        tmp_path,
        "companies",
        header + "ACME,Acme,retail,DE\nBETA,Beta,retail,DE\n",
        name="companies.csv",
    )
    assert (first.status, again.status) == ("loaded", "loaded")
    assert (again.rows_loaded, again.rows_rejected) == (1, 1)
    assert _query(tmp_path, "select brand_id from raw.companies order by 1") == [
        ("ACME",),
        ("BETA",),
    ]


def test_a_list_for_a_later_wave_adds_versions_and_every_delivery_is_kept(tmp_path: Path) -> None:
    """A yearly list dated by valid_from_wave loads beside the first; its checks are per row."""
    first = _load(
        tmp_path,
        "companies",
        "brand_id,brand_name,sector_code,country,revenue\nA,Alpha,retail,NL,10\nB,Beta,retail,NL,5\n",
        name="companies.csv",
    )
    later = _load(
        tmp_path,
        "companies",
        "brand_id,brand_name,sector_code,country,revenue,valid_from_wave,merged_into\n"
        "A,Alpha Group,bank,NL,12,2021,\n"  # renamed, moved, new revenue
        "B,Beta,retail,NL,5,2021,A\n"  # merged into A from 2021
        "C,Gamma,retail,NL,1,2024.6,\n"  # not a whole year: rejected, not rounded
        "D,Delta,retail,NL,1,2021,D\n"  # merged into itself
        "E,Epsilon,retail,NL,1,,A\n"  # a merger needs the wave it takes effect
        "A,Alpha again,retail,NL,1,2021,\n",  # A listed twice for 2021
        name="companies_2021.csv",
    )
    assert (first.rows_loaded, later.rows_loaded, later.rows_rejected) == (2, 2, 4)
    assert _rejects(tmp_path, later.batch_id) == {
        3: "valid_from_wave", 4: "merged_into", 5: "merged_into", 6: "brand_id, valid_from_wave",
    }  # fmt: skip
    reasons = dict(
        _query(tmp_path, f"select row_number, reason from raw.rejected_rows "
                         f"where batch_id = '{later.batch_id}'")
    )  # fmt: skip
    assert reasons[3].startswith("valid_from_wave: '2024.6' is not a plausible year")
    assert reasons[4] == "merged_into: 'D' is the brand itself; name the company that absorbs it"
    assert "needs valid_from_wave" in reasons[5]
    assert _query(
        tmp_path,
        "select brand_id, valid_from_wave, brand_name, sector_code, revenue, merged_into "
        "from raw.companies order by brand_id, valid_from_wave nulls first",
    ) == [
        ("A", None, "Alpha", "retail", 10.0, None), ("A", 2021, "Alpha Group", "bank", 12.0, None),
        ("B", None, "Beta", "retail", 5.0, None), ("B", 2021, "Beta", "retail", 5.0, "A"),
    ]  # fmt: skip
    # the same list again without its wave is a duplicate of the first, with the hint
    again = _load(
        tmp_path, "companies", "brand_id,brand_name,sector_code,country\nA,Alpha,retail,NL\n",
        name="companies_again.csv",
    )  # fmt: skip
    # its only row rejected, the batch loads nothing and is refused; the reason is shown
    assert (again.status, again.rows_rejected) == ("refused", 1)
    [(reason, count)] = again.top_reasons
    assert count == 1
    assert "says from which wave it holds in a valid_from_wave column" in reason


def test_a_sector_list_for_a_later_wave_loads_beside_the_first(tmp_path: Path) -> None:
    _load(tmp_path, "sectors", "sector_code,sector_name\nretail,Retail\n", name="sectors.csv")
    later = _load(
        tmp_path,
        "sectors",
        "sector_code,sector_name,valid_from_wave\nretail,Retail trade,2021\nretail,Dup,2021\n",
        name="sectors_2021.csv",
    )
    assert (later.rows_loaded, later.rows_rejected) == (1, 1)
    assert _query(
        tmp_path, "select sector_name, valid_from_wave from raw.sectors order by 2 nulls first"
    ) == [("Retail", None), ("Retail trade", 2021)]


def test_lists_loaded_before_history_hold_from_the_first_wave(tmp_path: Path) -> None:
    """A warehouse of the previous version gets the validity columns, NULL for its rows."""
    _load(tmp_path, "companies", "brand_id,brand_name,sector_code,country\nA,Alpha,retail,NL\n")
    _load(tmp_path, "sectors", "sector_code,sector_name\nretail,Retail\n", name="sectors.csv")
    with duckdb.connect(str(tmp_path / "wh.duckdb")) as con:  # as the previous version left it
        con.execute("alter table raw.companies drop column merged_into")
        con.execute("alter table raw.companies drop column valid_from_wave")
        con.execute("alter table raw.sectors drop column valid_from_wave")
        upgrade_raw_schema(con)
    assert _query(tmp_path, "select brand_id, valid_from_wave, merged_into from raw.companies") == [
        ("A", None, None)
    ]
    later = _load(
        tmp_path,
        "companies",
        "brand_id,brand_name,sector_code,country,valid_from_wave\nA,Alpha Two,retail,NL,2021\n",
        name="companies_2021.csv",
    )
    assert (later.rows_loaded, later.rows_rejected) == (1, 0)
    assert _query(tmp_path, "select count(valid_from_wave) from raw.sectors") == [(0,)]


def test_company_ids_are_read_normalised_like_the_survey_files_ids(tmp_path: Path) -> None:
    """A zero-width space, a BOM or full-width letters do not make another brand; recorded."""
    text = (
        "brand_id,brand_name,sector_code,country,valid_from_wave,merged_into\n"
        "\ufeffＢＲ-１,Bravo,retail,NL,,\n"  # full-width letters after a BOM
        "NL-C\u200b,Charlie,retail,NL,2025,ＢＲ-１\n"  # zero-width space; merged into BR-1
        "NL-D,Delta,retail,NL,2025,NL-D\u200b\n"  # merged into itself once normalised
        "NL-E\u202e,Echo,retail,NL,,\n"  # a text-direction override stays unusable
    )
    result = _load(tmp_path, "companies", text)
    assert (result.rows_loaded, result.rows_rejected) == (2, 2)
    assert _query(tmp_path, "select brand_id, merged_into from raw.companies order by 1") == [
        ("BR-1", None),
        ("NL-C", "BR-1"),
    ]
    reasons = dict(_query(tmp_path, "select row_number, reason from raw.rejected_rows"))
    assert reasons[3].startswith("merged_into: 'NL-D' is the brand itself")
    assert "control or text-direction character" in reasons[4]
    warnings = _query(tmp_path, "select subject_id, reason from raw.load_warnings order by 1")
    assert [subject for subject, _ in warnings] == ["brand_id", "merged_into"]
    assert warnings[0][1].startswith("2 ")


def test_numbers_a_check_cannot_hold_reject_their_row_not_the_file(tmp_path: Path) -> None:
    """An overflowing count, NaN revenue: each row rejected with its field; the rest loads."""
    result = _load(
        tmp_path,
        "companies",
        "brand_id,brand_name,sector_code,country,revenue,employees\n"
        "B1,A,retail,NL,1.5,5\nB2,B,retail,NL,2,1e10\nB3,C,retail,NL,NaN,7\n",
    )
    assert result.status == "loaded"
    assert _rejects(tmp_path, result.batch_id) == {2: "employees", 3: "revenue"}
    assert _query(tmp_path, "select brand_id, revenue, employees from raw.companies") == [
        ("B1", 1.5, 5)
    ]


def test_a_nace_class_is_refused_not_cut_to_its_division_and_floats_load(
    tmp_path: Path,
) -> None:
    result = _load(
        tmp_path,
        "sectors",
        "sector_code,sector_name,nace_division,valid_from_wave\n"
        "food,Food retail,47.11,\nx,X,100,\ny,Y,1,2025.0\nz,Z,47,2024.6\nw,W,47,\nv,V,47.0,\n",
    )
    assert _rejects(tmp_path, result.batch_id) == {
        1: "nace_division",
        2: "nace_division",
        4: "valid_from_wave",
    }
    assert _query(
        tmp_path, "select sector_code, nace_division, valid_from_wave from raw.sectors order by 1"
    ) == [("v", "47", None), ("w", "47", None), ("y", "01", 2025)]


def test_a_workbook_whose_dimension_is_too_small_loads_every_row(tmp_path: Path) -> None:
    """Writers other than Excel may leave <dimension> short; every cell still counts."""
    workbook = Workbook()
    sheet = workbook.active
    for row in (
        ["brand_id", "brand_name", "sector_code", "country", "revenue", "employees"],
        ["B1", "A", "retail", "NL", 58.9, 355],
        ["B2", "B", "retail", "NL", 17.3, 126],
        ["B3", "C", "retail", "NL", 29.1, 198],
    ):
        sheet.append(row)
    written = tmp_path / "written.xlsx"
    workbook.save(written)
    stale = tmp_path / "companies.xlsx"
    with zipfile.ZipFile(written) as source, zipfile.ZipFile(stale, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:D2"/>', data)
            target.writestr(item, data)
    result = load_industry_file(tmp_path / "wh.duckdb", stale, "companies")
    assert (result.rows_in, result.rows_loaded) == (3, 3)
    assert _query(tmp_path, "select brand_id, revenue, employees from raw.companies") == [
        ("B1", 58.9, 355),
        ("B2", 17.3, 126),
        ("B3", 29.1, 198),
    ]


def test_thousands_separators_are_refused_as_ambiguous_never_read_as_decimals(
    tmp_path: Path,
) -> None:
    """'1,000' employees is 1000 or 1.0; '2.500' revenue in a file of decimal commas, 2500."""
    english = _load(
        tmp_path,
        "companies",
        'brand_id,brand_name,sector_code,country,revenue,employees\nB1,A,retail,NL,5,"1,000"\n'
        'B2,B,retail,NL,"1,234",3\nB3,C,retail,NL,"0,75",4\nB6,F,retail,NL,1.5,1.000\n',
        name="english.csv",
    )
    german = _load(
        tmp_path,
        "companies",
        "brand_id;brand_name;sector_code;country;revenue;employees\n"
        "B4;D;retail;DE;58,9;10\nB5;E;retail;DE;2.500;10\n",
        name="german.csv",
    )
    assert _rejects(tmp_path, english.batch_id) == {1: "employees", 2: "revenue", 4: "employees"}
    assert _rejects(tmp_path, german.batch_id) == {2: "revenue"}
    assert _query(
        tmp_path, "select brand_id, revenue, employees from raw.companies order by 1"
    ) == [
        ("B3", 0.75, 4),
        ("B4", 58.9, 10),
    ]


def test_a_margin_group_that_lost_a_row_is_rejected_whole(tmp_path: Path) -> None:
    """Female missing, male 1.0: what is left adds up, but it is not Austria's population."""
    result = _load(
        tmp_path,
        "margins",
        "country,wave,dimension,category,share\nAT,2024,gender,female,\nAT,2024,gender,male,1\n"
        "NL,2024,gender,female,0.51\nNL,2024,gender,male,0.49\n",
    )
    reasons = _query(tmp_path, "select row_number, reason from raw.rejected_rows order by 1")
    assert reasons == [
        (1, "share: missing is not a share between 0 and 1"),
        (
            2,
            "share: row 1 of (AT, 2024, gender) was rejected, "
            "so the rest cannot be taken for the whole",
        ),
    ]
    assert (result.rows_loaded, result.rows_rejected) == (2, 2)
    assert _query(tmp_path, "select distinct country from raw.population_margins") == [("NL",)]
