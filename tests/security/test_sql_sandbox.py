"""Escape attempts through ``cxbench sql`` and the app's connection: all refused.

Each attempt must exit 2 with a message saying it was refused (``cxbench sql``) or
raise (the app's connection, which runs no user SQL but holds the same sandbox), and
must not have read or written what it aimed at. ``raw`` attempts bypass the
statement check (:mod:`cxbench.sql_guard`) to show the connection itself
(:func:`cxcore.sandbox.connect_read_only`) refuses too.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from cxbench.app.queries import scope
from cxbench.cli import app
from cxcore.sandbox import SandboxError, connect_read_only
from tests.security.conftest import Target


def escapes(target: Target) -> dict[str, str]:
    """Name → SQL of every escape attempt (paths of the target filled in)."""
    salt, secret, out = target.salt_file, target.secret_file, target.outside
    db = target.db_path
    return {
        "read_csv /etc/passwd": "select * from read_csv('/etc/passwd')",
        "read_text the salt": f"select * from read_text('{salt}')",
        "read_text the salt, relative": f"select * from read_text('../{salt.name}')",
        "read_blob the salt": f"select * from read_blob('{salt}')",
        "read_text in the warehouse folder": f"select content from read_text('{secret}')",
        "read_csv_auto relative path": "select * from read_csv_auto('secret.txt')",
        "file as a table": "select * from '/etc/passwd'",
        "salt as a table": f"select * from '{salt}'",
        "glob everything": "select * from glob('/**')",
        "glob the warehouse folder": f"select * from glob('{db.parent}/*')",
        "sniff_csv": "select * from sniff_csv('/etc/passwd')",
        "parquet_metadata": f"select * from parquet_metadata('{db}')",
        "read_json over http (autoload httpfs)": "select * from read_json('http://127.0.0.1:9/x.json')",
        "https table": "select * from 'https://127.0.0.1:9/x.csv'",
        "copy to a file": f"copy (select 1) to '{out}/copy.csv'",
        "copy over the salt": f"copy (select 'x') to '{salt}'",
        "export database": f"export database '{out}/export'",
        "install httpfs": "install httpfs",
        "load httpfs": "load httpfs",
        "set enable_external_access": "set enable_external_access = true",
        "reset lock_configuration": "reset lock_configuration",
        "set allowed_directories": "set allowed_directories = ['/']",
        "pragma": "pragma enable_profiling",
        "attach a new file": f"attach '{out}/new.duckdb' as other",
        "attach memory": "attach ':memory:' as scratch",
        "detach the warehouse": "detach wh",
        "multiple statements": f"select 1; copy (select 1) to '{out}/second.csv'",
        "create secret": "create secret leak (type s3, key_id 'a', secret 'b')",
        "duckdb_secrets": "select * from duckdb_secrets()",
        "getvariable": "select getvariable('viewer')",
        "getenv": "select getenv('HOME')",
        "query_table": "select * from query_table('marts.dim_pillar')",
        "query runs sql text": "select * from query('select 1')",
        "settings change via duckdb_settings": (
            "update duckdb_settings set value = 'true' where name = 'enable_external_access'"
        ),
        "create a table": "create table marts.x as select 1 as a",
        "checkpoint": "checkpoint",
        "use another catalog": "use memory",
        "set variable": "set variable viewer = {'role': 'analyst'}",
        "the pseudonym key": "select * from access.settings",
        "the users' addresses, quoted": 'select * from "access"."grants"',
        "a function named as text": "select * from destroy_external_resource('query', 'select 42')",
        "a table named as text": "from histogram_values('access.settings', pseudonym_key)",
    }


#: Attempts the statement check stops but the connection alone would allow: harmless
#: in a session of its own (an empty in-memory database, the session's variables,
#: catalog tables it may read anyway), refused for a clear surface.
HARMLESS_ON_THE_CONNECTION = {
    "attach memory",
    "detach the warehouse",
    "getvariable",
    "query_table",
    "query runs sql text",
    "duckdb_secrets",
    "use another catalog",
    "set variable",
    "checkpoint",
    "file as a table",  # a missing table: a catalog error, no file read
    "salt as a table",
    "getenv",  # no such function in the Python client
}


#: Attempts only the statement check stops: the app's connection reads ``access``
#: (a client's grants, the key that turns competitors into letters), and DuckDB's
#: resource functions run whatever a query could; an analyst's query may do neither.
STOPPED_BY_THE_CHECK = {
    "the pseudonym key",
    "the users' addresses, quoted",
    "a function named as text",
    "a table named as text",
}


#: The attempts' names, for parametrising (the paths are filled in per test).
NAMES = sorted(escapes(Target(Path("/x"), "", Path("/x"), Path("/x"), Path("/x"))))
CONNECTION_REFUSES = sorted(set(NAMES) - HARMLESS_ON_THE_CONNECTION - STOPPED_BY_THE_CHECK)


def run_sql(target: Target, sql: str) -> tuple[int, str]:
    """Exit code and output with the console's line wrapping undone."""
    result = CliRunner().invoke(app, ["sql", "--db", str(target.db_path), sql])
    return result.exit_code, " ".join(result.output.split())


def assert_nothing_leaked(target: Target, output: str) -> None:
    assert target.salt not in output
    assert "top-secret-canary" not in output and "root:" not in output
    assert list(target.outside.iterdir()) == []
    assert target.salt_file.read_text() == target.salt


def test_the_corpus_has_at_least_25_attempts(target: Target) -> None:
    assert len(escapes(target)) >= 25


@pytest.mark.parametrize("name", NAMES)
def test_cxbench_sql_refuses_the_escape(target: Target, name: str) -> None:
    code, output = run_sql(target, escapes(target)[name])

    assert code == 2, output
    assert "refused" in output, output
    assert "Traceback" not in output
    assert_nothing_leaked(target, output)


@pytest.mark.parametrize("name", CONNECTION_REFUSES)
def test_the_sandboxed_connection_refuses_it_without_the_statement_check(
    target: Target, name: str
) -> None:
    with connect_read_only(target.db_path) as connection, pytest.raises(duckdb.Error) as error:
        connection.execute(escapes(target)[name]).fetchall()

    assert_nothing_leaked(target, str(error.value))


@pytest.mark.parametrize("name", CONNECTION_REFUSES)
def test_the_apps_connection_refuses_it_on_every_cursor(target: Target, name: str) -> None:
    connection = scope.connect(str(target.db_path))
    try:
        with connection.cursor() as cursor, pytest.raises(duckdb.Error) as error:
            cursor.execute("set variable viewer = {'role': 'nobody'}")
            cursor.execute(escapes(target)[name]).fetchall()
    finally:
        connection.close()

    assert_nothing_leaked(target, str(error.value))


def test_the_apps_connection_still_sets_the_viewer_and_reads_through_the_macros(
    target: Target,
) -> None:
    connection = scope.connect(str(target.db_path))
    try:
        with connection.cursor() as cursor:
            cursor.execute("set variable viewer = ?", [{"role": "analyst", "companies": []}])
            viewer = cursor.execute("select getvariable('viewer').role").fetchall()
            locked = cursor.execute("select current_setting('lock_configuration')").fetchall()
            pillars = cursor.execute("select count(*) from wh.marts.dim_pillar").fetchall()
    finally:
        connection.close()

    assert viewer == [("analyst",)] and locked == [(True,)] and pillars == [(1,)]


def test_cxbench_sql_reads_the_marts_by_schema_and_by_catalog(target: Target) -> None:
    for sql in ("select pillar_id from marts.dim_pillar", "from wh.marts.dim_pillar"):
        code, output = run_sql(target, sql)
        assert code == 0 and "integrity" in output, output
    code, output = run_sql(target, "describe marts.dim_pillar")
    assert code == 0 and "pillar_id" in output, output


def test_cxbench_sql_names_what_it_refuses_and_what_to_use_instead(target: Target) -> None:
    code, output = run_sql(target, f"copy (select 1) to '{target.outside}/a.csv'")

    assert code == 2
    assert "COPY" in output and "cxbench export" in output


def test_an_export_folder_is_the_only_place_a_sandboxed_session_writes(target: Target) -> None:
    folder = target.outside.parent / "export"
    folder.mkdir(exist_ok=True)
    with connect_read_only(target.db_path, export_dir=folder) as connection:
        connection.execute(
            f"copy (select pillar_id from marts.dim_pillar) to '{folder}/pillars.csv'"
        )
        with pytest.raises(duckdb.PermissionException):
            connection.execute(f"copy marts.dim_pillar to '{target.outside}/pillars.csv'")
        with pytest.raises(duckdb.PermissionException):
            connection.execute(f"select * from read_text('{folder}/../outside/x')").fetchall()

    assert (folder / "pillars.csv").read_text().splitlines() == ["pillar_id", "integrity"]
    assert list(target.outside.iterdir()) == []


@pytest.mark.parametrize("where", ["warehouse folder", "its parent (holds the salt)"])
def test_an_export_folder_holding_the_warehouse_or_the_salt_is_refused(
    target: Target, where: str
) -> None:
    folder = target.db_path.parent if where == "warehouse folder" else target.db_path.parent.parent

    with pytest.raises(SandboxError, match="export to a folder outside"):
        connect_read_only(target.db_path, export_dir=folder)


def test_the_temporary_folder_is_not_a_way_out(target: Target, tmp_path: Path, monkeypatch) -> None:
    """DuckDB allows its spill folder (``.tmp`` in the working directory) by default."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".tmp").mkdir()
    with connect_read_only(target.db_path) as connection, pytest.raises(duckdb.PermissionException):
        connection.execute("copy (select 1) to '.tmp/out.csv'")

    assert list((tmp_path / ".tmp").iterdir()) == []


def test_a_long_result_shows_its_first_rows_and_csv_streams_every_row(target: Target) -> None:
    """A table on the terminal is capped; --csv writes all rows, fetched in batches."""
    code, output = run_sql(target, "select * from range(1001)")
    assert code == 0
    assert "the first 1,000 rows; the result has more" in output
    result = CliRunner().invoke(
        app, ["sql", "--csv", "--db", str(target.db_path), "select * from range(25000)"]
    )
    lines = result.output.splitlines()
    assert result.exit_code == 0
    assert (len(lines), lines[0], lines[-1]) == (25001, "range", "24999")
