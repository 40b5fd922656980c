"""``cxbench export`` on the session's demo warehouse (built and published by ``cxbench demo``):
every format's files against the warehouse (tables, row counts, checksums, values), the
data dictionary against the warehouse's columns, ``--published-only``, and refusals.

Parquet and CSV export the marts; Excel exports the published rankings (the marts as a
workbook take half a minute in openpyxl) from a copy of the warehouse without its build's
dbt manifest, so the dictionary comes from ``dbt parse``.
"""

from __future__ import annotations

import csv
import hashlib
import json
import shutil
from pathlib import Path

import duckdb
import pytest
from openpyxl import load_workbook

from tests.conftest import DemoWarehouse
from tests.fixtures.history import cli_env, cxbench

pytestmark = pytest.mark.slow

#: Marts whose Parquet files are compared value by value with the warehouse.
COMPARED = ("marts.dim_company", "marts.fct_company_scores", "marts.fct_benchmark_scores")


def relations(db_path: Path, schema: str) -> dict[str, list[str]]:
    """``schema.table`` → its columns in order, as the warehouse has them."""
    with duckdb.connect(str(db_path), read_only=True) as connection:
        rows = connection.execute(
            "select table_name, column_name from information_schema.columns "
            "where table_schema = ? order by table_name, ordinal_position",
            [schema],
        ).fetchall()
    found: dict[str, list[str]] = {}
    for table, column in rows:
        found.setdefault(f"{schema}.{table}", []).append(column)
    return found


def row_counts(db_path: Path, names: list[str]) -> dict[str, int]:
    with duckdb.connect(str(db_path), read_only=True) as connection:
        return {
            name: connection.execute(f"select count(*) from {name}").fetchall()[0][0]
            for name in names
        }


@pytest.fixture(scope="module")
def env(demo_warehouse: DemoWarehouse) -> dict[str, str]:
    return cli_env(demo_warehouse.db_path, demo_warehouse.world_dir.parent)


@pytest.fixture(scope="module")
def unparsed_copy(demo_warehouse: DemoWarehouse, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo warehouse alone in a folder: no dbt manifest beside it."""
    copy = tmp_path_factory.mktemp("unparsed") / "cxbench.duckdb"
    shutil.copyfile(demo_warehouse.db_path, copy)
    return copy


@pytest.fixture(scope="module")
def exports(
    env: dict[str, str],
    demo_warehouse: DemoWarehouse,
    unparsed_copy: Path,
    tmp_path_factory: pytest.TempPathFactory,
) -> dict[str, tuple[Path, Path, str]]:
    """Per format: (export folder, warehouse exported, schema exported)."""
    root = tmp_path_factory.mktemp("exports")
    made = {}
    for file_format, db_path, schema in (
        ("parquet", demo_warehouse.db_path, "marts"),
        ("csv", demo_warehouse.db_path, "marts"),
        ("xlsx", unparsed_copy, "published"),
    ):
        folder = root / file_format / "out"  # the parent is missing too: both are created
        scope = ["--published-only"] if schema == "published" else []
        cxbench(env, "export", "--format", file_format, "--to", str(folder),
                "--db", str(db_path), *scope)  # fmt: skip
        made[file_format] = (folder, db_path, schema)
    return made


def manifest(folder: Path) -> dict:
    return json.loads((folder / "manifest.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("file_format", ["parquet", "csv", "xlsx"])
def test_every_table_exported_with_the_warehouse_row_count(
    exports: dict[str, tuple[Path, Path, str]], file_format: str
) -> None:
    folder, db_path, schema = exports[file_format]
    document = manifest(folder)
    exported = {table["table"]: table["rows"] for table in document["tables"]}
    assert set(exported) == set(relations(db_path, schema))
    assert exported == row_counts(db_path, list(exported))
    assert document["format"] == file_format
    assert document["scope"] == schema
    with duckdb.connect(str(db_path), read_only=True) as connection:
        build_id = connection.execute(
            "select invocation_id from audit.dbt_builds where command = 'build' "
            "order by started_at desc limit 1"
        ).fetchall()[0][0]
        version = connection.execute(
            "select distinct methodology_version from marts.dim_methodology"
        ).fetchall()[0][0]
    assert document["build_id"] == build_id
    assert document["methodology_version"] == version
    assert document["cxbench_version"]
    assert document["created_at"]
    if db_path.parent.joinpath("dbt", "target", "manifest.json").is_file():
        assert document["dictionary_source"].startswith("the build's dbt manifest")


@pytest.mark.parametrize("file_format", ["parquet", "csv", "xlsx"])
def test_manifest_checksums_match_the_files(
    exports: dict[str, tuple[Path, Path, str]], file_format: str
) -> None:
    folder = exports[file_format][0]
    listed = {entry["file"]: entry for entry in manifest(folder)["files"]}
    assert set(listed) | {"manifest.json"} == {path.name for path in folder.iterdir()}
    for name, entry in listed.items():
        data = (folder / name).read_bytes()
        assert entry["sha256"] == hashlib.sha256(data).hexdigest(), name
        assert entry["size_bytes"] == len(data), name


@pytest.mark.parametrize("file_format", ["parquet", "csv", "xlsx"])
def test_dictionary_describes_every_column_of_every_exported_table(
    exports: dict[str, tuple[Path, Path, str]], file_format: str
) -> None:
    folder, db_path, schema = exports[file_format]
    with (folder / "data_dictionary.csv").open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    described: dict[str, list[str]] = {}
    for row in rows:
        described.setdefault(row["table"], []).append(row["column"])
        assert row["description"].strip(), f"{row['table']}.{row['column']} has no description"
        assert row["table_description"].strip(), row["table"]
        assert row["data_type"]
    assert described == relations(db_path, schema)
    markdown = (folder / "data_dictionary.md").read_text(encoding="utf-8")
    assert all(f"## {relation}" in markdown for relation in described)


def test_parquet_values_equal_the_warehouse(
    exports: dict[str, tuple[Path, Path, str]],
) -> None:
    folder, db_path, _ = exports["parquet"]
    with duckdb.connect() as connection:
        connection.execute("attach ? as warehouse (read_only)", [str(db_path)])
        for relation in COMPARED:
            path = str(folder / f"{relation}.parquet")
            for first, second in (
                (f"warehouse.{relation}", "read_parquet(?)"),
                ("read_parquet(?)", f"warehouse.{relation}"),
            ):
                differing = connection.execute(
                    f"select count(*) from (select * from {first} except all "
                    f"select * from {second})",
                    [path],
                ).fetchall()[0][0]
                assert differing == 0, f"{relation}: {first} has {differing} rows not in {second}"


def test_csv_files_hold_every_row_under_a_header(
    exports: dict[str, tuple[Path, Path, str]],
) -> None:
    folder, db_path, _ = exports["csv"]
    columns = relations(db_path, "marts")
    for table in manifest(folder)["tables"]:
        with (folder / table["file"]).open(encoding="utf-8", newline="") as stream:
            header, *body = list(csv.reader(stream))
        assert header == columns[table["table"]]
        assert len(body) == table["rows"]


def test_workbook_has_the_dictionary_first_then_a_sheet_per_published_table(
    exports: dict[str, tuple[Path, Path, str]],
) -> None:
    folder, db_path, _ = exports["xlsx"]
    document = manifest(folder)
    assert document["dictionary_source"].startswith("dbt parse")  # no manifest beside the copy
    workbook = load_workbook(folder / "cxbench_export.xlsx", read_only=True)
    tables = document["tables"]
    assert workbook.sheetnames == ["dictionary", *(table["sheet"] for table in tables)]
    columns = relations(db_path, "published")
    for table in tables:
        rows = list(workbook[table["sheet"]].iter_rows(values_only=True))
        assert list(rows[0]) == columns[table["table"]]
        assert len(rows) - 1 == table["rows"]
    dictionary = list(workbook["dictionary"].iter_rows(values_only=True))
    assert len(dictionary) - 1 == sum(len(names) for names in columns.values())


def test_published_only_exports_nothing_but_the_published_schema(
    env: dict[str, str], demo_warehouse: DemoWarehouse, tmp_path: Path
) -> None:
    folder = tmp_path / "published"
    cxbench(env, "export", "--format", "parquet", "--to", str(folder), "--published-only")
    exported = {table["table"] for table in manifest(folder)["tables"]}
    assert exported == set(relations(demo_warehouse.db_path, "published"))
    assert {"published.rankings", "published.publications"} <= exported
    assert not any(path.name.startswith("marts.") for path in folder.iterdir())
    assert manifest(folder)["methodology_versions_in_rows"]


def test_refuses_a_non_empty_folder_and_leaves_it_as_it_was(
    env: dict[str, str], tmp_path: Path
) -> None:
    (tmp_path / "notes.txt").write_text("mine\n")
    completed = cxbench(env, "export", "--format", "csv", "--to", str(tmp_path), check=False)
    assert completed.returncode == 2, completed.stdout + completed.stderr
    assert "not empty" in completed.stdout and "--force" in completed.stdout
    assert "Traceback" not in completed.stdout + completed.stderr
    assert [path.name for path in tmp_path.iterdir()] == ["notes.txt"]


def test_force_replaces_a_previous_export_and_keeps_other_files(
    env: dict[str, str], tmp_path: Path
) -> None:
    cxbench(env, "export", "--format", "csv", "--to", str(tmp_path), "--published-only")
    (tmp_path / "notes.txt").write_text("mine\n")
    cxbench(env, "export", "--format", "parquet", "--to", str(tmp_path), "--published-only",
            "--force")  # fmt: skip
    names = {path.name for path in tmp_path.iterdir()}
    listed = {entry["file"] for entry in manifest(tmp_path)["files"]}
    assert names == listed | {"manifest.json", "notes.txt"}
    assert not any(name.endswith(".csv") and name.startswith("published.") for name in names)


@pytest.mark.parametrize("file_format", ["json", "duckdb", ""])
def test_a_bad_format_exits_2_and_writes_nothing(
    env: dict[str, str], tmp_path: Path, file_format: str
) -> None:
    folder = tmp_path / "out"
    completed = cxbench(env, "export", "--format", file_format, "--to", str(folder), check=False)
    assert completed.returncode == 2, completed.stdout + completed.stderr
    assert "--format" in completed.stdout and "parquet, csv, xlsx" in completed.stdout
    assert not folder.exists()


def test_wave_keeps_that_waves_rows_and_dimensions_whole(
    env: dict[str, str], demo_warehouse: DemoWarehouse, tmp_path: Path
) -> None:
    cxbench(env, "export", "--format", "parquet", "--to", str(tmp_path), "--wave", "2025")
    document = manifest(tmp_path)
    assert document["waves"] == [2025]
    columns = relations(demo_warehouse.db_path, "marts")
    with duckdb.connect(str(demo_warehouse.db_path), read_only=True) as connection:
        for table in document["tables"]:
            has_wave = "wave" in columns[table["table"]]
            where = " where wave = 2025" if has_wave else ""
            expected = connection.execute(
                f"select count(*) from {table['table']}{where}"
            ).fetchall()[0][0]
            assert (table["rows"], table["filtered_by_wave"]) == (expected, has_wave)
            if has_wave:
                waves = connection.execute(
                    "select distinct wave from read_parquet(?)", [str(tmp_path / table["file"])]
                ).fetchall()
                assert waves in ([(2025,)], []), table["table"]
    assert any(t["filtered_by_wave"] and t["rows"] for t in document["tables"])
    assert any(not t["filtered_by_wave"] and t["rows"] for t in document["tables"])


def test_an_unknown_wave_exits_2_naming_the_waves_there_are(
    env: dict[str, str], tmp_path: Path
) -> None:
    folder = tmp_path / "out"
    completed = cxbench(env, "export", "--format", "csv", "--to", str(folder), "--wave", "1999",
                        check=False)  # fmt: skip
    assert completed.returncode == 2, completed.stdout + completed.stderr
    assert "--wave 1999" in completed.stdout and "2025" in completed.stdout
    assert not folder.exists()
