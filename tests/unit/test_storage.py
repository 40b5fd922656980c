"""cxcore.storage: project files are created in a format DuckDB 1.x reads, and stay in it."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import duckdb
import pytest
import yaml

import cxbench
import cxbench.app
import cxbench.expectations
import cxbench.ingestion
import cxcore
from cxbench.publication.swap import copy_served, finish_staged
from cxcore.settings import DBT_PROJECT_DIR
from cxcore.storage import (
    STORAGE_VERSION,
    attach_options,
    connect_writable,
    storage_version_of,
)

COMPATIBLE = f"{STORAGE_VERSION}+"
#: Column types the marts and raw tables use, written under the old format.
TYPED_TABLE = """
create table typed as
select
    range::bigint as n,
    'company ' || range as name,
    (range / 7)::decimal(18, 6) as score,
    range / 3 as ratio,
    range % 2 = 0 as is_even,
    timestamp '2025-01-01' + to_days(range::int) as loaded_at,
    date '2025-01-01' as wave_date,
    [range, range + 1] as pair,
    {'low': range, 'high': range + 1} as bounds,
    uuid() as id
from range(5000)
"""


def test_connect_writable_creates_the_compatible_format(tmp_path: Path) -> None:
    path = tmp_path / "new.duckdb"
    with connect_writable(path) as connection:
        connection.execute(TYPED_TABLE)
    assert storage_version_of(path) == COMPATIBLE
    with duckdb.connect(str(path), read_only=True) as connection:
        assert connection.execute("select count(*) from typed").fetchall() == [(5000,)]


def test_the_default_format_is_newer(tmp_path: Path) -> None:
    """Why the helper exists: a plain duckdb 2 connect creates what 1.x cannot read."""
    path = tmp_path / "plain.duckdb"
    duckdb.connect(str(path)).close()
    assert storage_version_of(path) != COMPATIBLE


def test_a_plain_writer_keeps_an_existing_file_in_its_format(tmp_path: Path) -> None:
    """The format is fixed at creation: later writers (dbt, a plain connect) cannot upgrade it."""
    path = tmp_path / "kept.duckdb"
    connect_writable(path).close()
    with duckdb.connect(str(path)) as connection:
        connection.execute(TYPED_TABLE)
        connection.execute("checkpoint")
    assert storage_version_of(path) == COMPATIBLE


def test_attach_options_create_the_compatible_format(tmp_path: Path) -> None:
    path = tmp_path / "attached.duckdb"
    with duckdb.connect(":memory:") as connection:
        connection.execute(f"attach ? as out ({attach_options()})", [str(path)])
        connection.execute("create table out.t as select 1 as n")
    assert storage_version_of(path) == COMPATIBLE


def test_a_staged_copy_keeps_the_format(tmp_path: Path) -> None:
    """Publications, refreshes and grants work on a byte copy, checkpointed before the swap."""
    served = tmp_path / "served.duckdb"
    with connect_writable(served) as connection:
        connection.execute(TYPED_TABLE)
    staged = tmp_path / "staged.duckdb"
    copy_served(served, staged)
    with duckdb.connect(str(staged)) as connection:
        connection.execute("insert into typed select * from typed")
    finish_staged(staged)
    assert storage_version_of(staged) == COMPATIBLE


def test_a_staged_copy_converts_a_newer_file(tmp_path: Path) -> None:
    """A warehouse created before the pin is converted by its next staged change."""
    served = tmp_path / "served.duckdb"
    with duckdb.connect(str(served)) as connection:
        connection.execute(TYPED_TABLE)
        connection.execute("create schema access")
        connection.execute(
            "create table access.grants (principal varchar primary key, "
            "role varchar check (role in ('analyst', 'client')))"
        )
        connection.execute("insert into access.grants values ('a@example.org', 'analyst')")
        connection.execute("create view even as select n, name from typed where is_even")
    assert storage_version_of(served) != COMPATIBLE
    staged = tmp_path / "staged.duckdb"
    copy_served(served, staged)
    finish_staged(staged)
    assert storage_version_of(staged) == COMPATIBLE
    sql = (
        "select (select md5(string_agg(hash(typed)::varchar, ',')) from typed), "
        "(select count(*) from even), (select string_agg(principal) from access.grants)"
    )
    with duckdb.connect(str(served), read_only=True) as connection:
        expected = connection.execute(sql).fetchall()
    with duckdb.connect(str(staged)) as connection:
        assert connection.execute(sql).fetchall() == expected
        refused = "insert into access.grants values ('b@example.org', 'owner')"
        with pytest.raises(duckdb.ConstraintException):
            connection.execute(refused)


def test_dbt_profile_creates_files_in_the_same_format() -> None:
    """profiles.yml's default equals STORAGE_VERSION (dbt run by hand creates the same file)."""
    profile = yaml.safe_load((DBT_PROJECT_DIR / "profiles.yml").read_text(encoding="utf-8"))
    setting = profile["cxbench"]["outputs"]["dev"]["config_options"]
    default = re.fullmatch(
        r"\{\{ env_var\('CXBENCH_STORAGE_VERSION', '([^']+)'\) \}\}",
        setting["storage_compatibility_version"],
    )
    assert default is not None
    assert default.group(1) == STORAGE_VERSION


def _plain_writable_connects(source: Path) -> list[str]:
    """``duckdb.connect(<file>)`` calls in ``source`` that neither read nor use the helper."""
    found = []
    for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
        if not (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "connect"
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id == "duckdb"
        ):
            continue
        first = node.args[0] if node.args else None
        in_memory = isinstance(first, ast.Constant) and first.value == ":memory:"
        read_only = any(keyword.arg == "read_only" for keyword in node.keywords)
        if not (in_memory or read_only):
            found.append(f"{source}:{node.lineno}")
    return found


def test_every_writable_connection_goes_through_the_helper() -> None:
    """Whichever writer comes first creates the file, so every writer must use the helper."""
    packages = (cxbench, cxbench.app, cxbench.expectations, cxbench.ingestion, cxcore)
    sources = {path for package in packages for path in Path(package.__file__).parent.rglob("*.py")}
    helper = Path(connect_writable.__code__.co_filename)
    offenders = [
        call for source in sorted(sources - {helper}) for call in _plain_writable_connects(source)
    ]
    assert offenders == []
