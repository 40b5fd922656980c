"""``cxbench access``: who may use the app, granted and revoked through the real CLI.

The warehouse is a DuckDB file holding only ``marts.dim_company`` (what the
commands check company ids against): small enough to read by hand, and the
commands need nothing else. The swap is tested against a reader in another
process holding the served file open, as the app does.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from cxbench.cli import app
from cxcore.access_schema import has_access_schema, pseudonym_key

runner = CliRunner()

COMPANIES = (
    ("NL-TEL-01", "Tellux"),
    ("NL-TEL-02", "Mobiro Mobile"),
    ("NL-BAN-01", "Bankora"),
)
READER = """
import sys
import duckdb
connection = duckdb.connect(sys.argv[1], read_only=True)
print(connection.execute("select count(*) from marts.dim_company").fetchall()[0][0], flush=True)
sys.stdin.readline()
print(connection.execute("select count(*) from marts.dim_company").fetchall()[0][0], flush=True)
"""
HOLDER = """
import sys, time
from pathlib import Path
from cxbench.writer_lock import writer_lock
with writer_lock(Path(sys.argv[1]), "cxbench refresh --wave 2025", wait=0):
    print("held", flush=True)
    time.sleep(5)
"""


@pytest.fixture
def warehouse(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    db_path = tmp_path / "wh" / "cxbench.duckdb"
    db_path.parent.mkdir()
    with duckdb.connect(str(db_path)) as connection:
        connection.execute("create schema marts")
        connection.execute(
            "create table marts.dim_company (company_id varchar, company_name varchar)"
        )
        connection.executemany("insert into marts.dim_company values (?, ?)", COMPANIES)
    monkeypatch.setenv("CXBENCH_DB", str(db_path))
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.setenv("USER", "researcher")
    monkeypatch.setenv("CXBENCH_LOCK_WAIT", "0")
    return db_path


def access(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["access", *args])
    return result.exit_code, " ".join(result.output.split())


def grants(db_path: Path) -> list[tuple[str, str, str | None, str]]:
    with duckdb.connect(str(db_path), read_only=True) as connection:
        return connection.execute(
            "select principal, role, company_id, granted_by from access.grants order by all"
        ).fetchall()


def stamp(db_path: Path) -> tuple[int, int]:
    """Inode and mtime: a swap gives the served file a new inode."""
    stat = db_path.stat()
    return stat.st_ino, stat.st_mtime_ns


def test_grant_list_revoke_round_trip(warehouse: Path) -> None:
    assert access("grant", " Ann@Client.Example ", "--client", "NL-TEL-01",
                  "--client", "NL-TEL-02")[0] == 0  # fmt: skip
    assert access("grant", "boss@firm.example", "--analyst", "--by", "lead")[0] == 0
    assert grants(warehouse) == [
        ("ann@client.example", "client", "NL-TEL-01", "researcher"),
        ("ann@client.example", "client", "NL-TEL-02", "researcher"),
        ("boss@firm.example", "analyst", None, "lead"),
    ]
    result = runner.invoke(app, ["access", "list", "--json"])
    assert result.exit_code == 0, result.output
    listed = {entry["principal"]: entry for entry in json.loads(result.output)}
    assert listed["ann@client.example"]["role"] == "client"
    assert listed["ann@client.example"]["companies"] == [
        {"company_id": "NL-TEL-01", "company_name": "Tellux"},
        {"company_id": "NL-TEL-02", "company_name": "Mobiro Mobile"},
    ]
    assert listed["boss@firm.example"] == {
        **listed["boss@firm.example"],
        "role": "analyst",
        "companies": [],
    }
    code, table = access("list")
    assert code == 0 and "Mobiro Mobile" in table and "all, named" in table

    code, message = access("revoke", "ANN@client.example", "--client", "NL-TEL-01")
    assert code == 0 and "still a client of NL-TEL-02" in message
    code, message = access("revoke", "boss@firm.example")
    assert code == 0 and "no access now" in message
    assert grants(warehouse) == [("ann@client.example", "client", "NL-TEL-02", "researcher")]


@pytest.mark.parametrize(
    "address",
    ["not an address", "ann@localhost", "a b@x.example", "ann@@x.example", "<ann@x.example>"],
)
def test_an_implausible_address_exits_2_naming_it(warehouse: Path, address: str) -> None:
    before = stamp(warehouse)
    code, message = access("grant", address, "--analyst")
    assert code == 2 and "is not an e-mail address" in message and address.strip() in message
    assert stamp(warehouse) == before


def test_an_unknown_company_exits_2_with_the_nearest_one(warehouse: Path) -> None:
    before = stamp(warehouse)
    code, message = access("grant", "ann@client.example", "--client", "NL-TEL-9",
                           "--client", "bankora", "--client", "ZZZ")  # fmt: skip
    assert code == 2
    assert "NL-TEL-9: not a company in marts.dim_company; did you mean NL-TEL-02" in message
    assert (
        "bankora: not a company in marts.dim_company; did you mean NL-BAN-01 (Bankora)" in message
    )
    assert "ZZZ: not a company in marts.dim_company —" in message
    assert "nothing granted" in message
    assert stamp(warehouse) == before


def test_granting_twice_changes_nothing(warehouse: Path) -> None:
    assert access("grant", "ann@client.example", "--client", "NL-TEL-01")[0] == 0
    before = stamp(warehouse)
    code, message = access("grant", "ANN@client.example", "--client", "NL-TEL-01")
    assert code == 0 and "already has this access; nothing changed" in message
    assert stamp(warehouse) == before
    code, message = access("grant", "ann@client.example", "--client", "NL-TEL-02")
    assert code == 0 and "granted ann@client.example client access to NL-TEL-02" in message
    assert [row[2] for row in grants(warehouse)] == ["NL-TEL-01", "NL-TEL-02"]


def test_a_principal_is_an_analyst_or_a_client_not_both(warehouse: Path) -> None:
    assert access("grant", "ann@client.example", "--client", "NL-TEL-01")[0] == 0
    code, message = access("grant", "ann@client.example", "--analyst")
    assert code == 2 and "not both" in message and "--replace" in message
    code, message = access("grant", "ann@client.example", "--analyst", "--client", "NL-TEL-01")
    assert code == 2 and "either --analyst or one or more --client" in message
    code, message = access("grant", "ann@client.example", "--analyst", "--replace")
    assert code == 0 and "replaced its earlier grants" in message
    assert grants(warehouse) == [("ann@client.example", "analyst", None, "researcher")]
    code, message = access("grant", "ann@client.example", "--client", "NL-BAN-01", "--replace")
    assert code == 0
    assert grants(warehouse) == [("ann@client.example", "client", "NL-BAN-01", "researcher")]


def test_revoking_what_was_not_granted_exits_2(warehouse: Path) -> None:
    assert access("grant", "ann@client.example", "--client", "NL-TEL-01")[0] == 0
    assert access("grant", "boss@firm.example", "--analyst")[0] == 0
    before = stamp(warehouse)
    code, message = access("revoke", "nobody@client.example")
    assert code == 2 and "has no grant" in message
    code, message = access("revoke", "ann@client.example", "--client", "NL-BAN-01")
    assert code == 2 and "no client access to NL-BAN-01 (granted: NL-TEL-01)" in message
    code, message = access("revoke", "boss@firm.example", "--client", "NL-TEL-01")
    assert code == 2 and "is an analyst" in message
    assert stamp(warehouse) == before


def test_list_is_read_only_and_says_when_no_one_has_access(warehouse: Path) -> None:
    before = stamp(warehouse)
    code, message = access("list")
    assert code == 0 and "no one has access to the app" in message
    result = runner.invoke(app, ["access", "list", "--json"])
    assert result.exit_code == 0 and json.loads(result.output) == []
    assert stamp(warehouse) == before
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        assert not has_access_schema(connection)


def test_no_warehouse_or_no_marts_exits_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CXBENCH_DB", str(tmp_path / "missing.duckdb"))
    code, message = access("grant", "ann@client.example", "--analyst")
    assert code == 2 and "no warehouse at" in message
    empty = tmp_path / "empty.duckdb"
    duckdb.connect(str(empty)).close()
    monkeypatch.setenv("CXBENCH_DB", str(empty))
    code, message = access("grant", "ann@client.example", "--client", "NL-TEL-01")
    assert code == 2 and "has no marts.dim_company" in message


def test_a_reader_holding_the_served_file_keeps_reading_and_does_not_block(warehouse: Path) -> None:
    reader = subprocess.Popen(
        [sys.executable, "-c", READER, str(warehouse)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert reader.stdin is not None and reader.stdout is not None
    try:
        assert reader.stdout.readline().strip() == "3"
        inode = warehouse.stat().st_ino
        code, message = access("grant", "ann@client.example", "--client", "NL-TEL-01")
        assert code == 0, message
        assert warehouse.stat().st_ino != inode  # a new file swapped in, not written in place
        reader.stdin.write("\n")
        reader.stdin.flush()
        assert reader.stdout.readline().strip() == "3"  # the old file, still whole
    finally:
        reader.communicate(timeout=30)
    assert reader.returncode == 0
    assert grants(warehouse) == [("ann@client.example", "client", "NL-TEL-01", "researcher")]
    assert not (warehouse.parent / ".staging").exists()


def test_a_busy_writer_lock_exits_2_naming_the_holder(warehouse: Path) -> None:
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(warehouse)],
                              stdout=subprocess.PIPE, text=True)  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        code, message = access("grant", "ann@client.example", "--analyst")
        assert code == 2 and "cxbench refresh --wave 2025" in message
    finally:
        holder.kill()
        holder.wait()
    assert grants_or_none(warehouse) is None


def grants_or_none(db_path: Path) -> list[tuple[str, str, str | None, str]] | None:
    with duckdb.connect(str(db_path), read_only=True) as connection:
        if not has_access_schema(connection):
            return None
    return grants(db_path)


def test_the_pseudonym_key_survives_grants_and_changes_only_on_rotation(warehouse: Path) -> None:
    assert access("grant", "ann@client.example", "--client", "NL-TEL-01")[0] == 0
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        key = pseudonym_key(connection)
    assert access("grant", "boss@firm.example", "--analyst")[0] == 0
    assert access("revoke", "boss@firm.example")[0] == 0
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        assert pseudonym_key(connection) == key
    declined = runner.invoke(app, ["access", "rotate-key"], input="n\n")
    assert declined.exit_code == 0 and "not rotated" in declined.output
    code, message = access("rotate-key", "--yes")
    assert code == 0 and "letters" in message
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        rotated = pseudonym_key(connection)
    assert rotated != key and len(rotated) == 64
    assert grants(warehouse) == [("ann@client.example", "client", "NL-TEL-01", "researcher")]


def test_a_build_gives_an_older_warehouse_the_schema_and_keeps_its_key(
    dbt_warehouse: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The fixture is built by dbt alone, as a warehouse from before schema access was."""
    db_path = tmp_path / "cxbench.duckdb"
    shutil.copyfile(dbt_warehouse, db_path)
    monkeypatch.setenv("CXBENCH_DB", str(db_path))
    with duckdb.connect(str(db_path), read_only=True) as connection:
        assert not has_access_schema(connection)
    keys = []
    for _ in range(2):
        result = runner.invoke(app, ["build", "--select", "dim_pillar"])
        assert result.exit_code == 0, result.output
        with duckdb.connect(str(db_path), read_only=True) as connection:
            keys.append(pseudonym_key(connection))
    assert keys[0] == keys[1]
