"""The salt file: created atomically, never empty, never silently regenerated."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from cxbench.ingestion.privacy import SALT_ENV, SALT_FILE_NAME, SaltError, resolve_salt
from tests.fixtures.history import cli_env, cxbench, query
from tests.integration.test_correctable_loads import CLEAN_ROWS
from tests.integration.test_ingest import MAPPING


@pytest.fixture(autouse=True)
def no_salt_in_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(SALT_ENV, raising=False)


def test_a_new_salt_is_64_hex_characters_private_and_no_temporary_file_is_left(
    tmp_path: Path,
) -> None:
    salt = resolve_salt(tmp_path / "wh")

    key_file = tmp_path / "wh" / SALT_FILE_NAME
    assert len(salt) == 64 and int(salt, 16) >= 0
    assert key_file.read_text() == salt
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert [path.name for path in key_file.parent.iterdir()] == [SALT_FILE_NAME]
    assert resolve_salt(tmp_path / "wh") == salt  # read again, never regenerated


@pytest.mark.parametrize(
    ("content", "state"), [("", "empty"), ("  \n", "empty"), ("0123abcd", "only 8 characters long")]
)
def test_an_empty_or_short_salt_file_is_refused_and_kept(
    tmp_path: Path, content: str, state: str
) -> None:
    key_file = tmp_path / SALT_FILE_NAME
    key_file.write_text(content)

    with pytest.raises(SaltError, match=f"salt is {state}.*restore it from your backup"):
        resolve_salt(tmp_path)

    assert key_file.read_text() == content  # not regenerated


def test_ingest_with_an_empty_salt_file_exits_two_and_writes_nothing(tmp_path: Path) -> None:
    (tmp_path / "export.csv").write_text(CLEAN_ROWS)
    (tmp_path / "export.mapping.yaml").write_text(MAPPING)
    db_path = tmp_path / "wh" / "cxbench.duckdb"
    db_path.parent.mkdir()
    (db_path.parent / SALT_FILE_NAME).write_text("")  # a crash while it was written
    env = {**cli_env(db_path, tmp_path / "gen"), "COLUMNS": "1000"}
    env.pop(SALT_ENV)

    result = cxbench(env, "ingest", str(tmp_path / "export.csv"), check=False)

    assert result.returncode == 2, result.stdout + result.stderr
    assert f"{db_path.parent / SALT_FILE_NAME}: the pseudonymisation salt is empty" in result.stdout
    assert "restore it from your backup" in result.stdout and "Traceback" not in result.stderr
    assert not db_path.exists() or query(db_path, "select count(*) from raw.load_batches") == [(0,)]
    assert os.path.getsize(db_path.parent / SALT_FILE_NAME) == 0


def test_refresh_with_a_short_salt_file_exits_two_and_serves_nothing_new(tmp_path: Path) -> None:
    survey = tmp_path / "input" / "survey"
    survey.mkdir(parents=True)
    (survey / "export.csv").write_text(CLEAN_ROWS)
    (survey / "export.mapping.yaml").write_text(MAPPING)
    db_path = tmp_path / "wh" / "cxbench.duckdb"
    db_path.parent.mkdir()
    (db_path.parent / SALT_FILE_NAME).write_text("abc\n")
    env = {**cli_env(db_path, tmp_path / "gen"), "COLUMNS": "1000"}
    env.pop(SALT_ENV)

    result = cxbench(env, "refresh", "--wave", "2024", "--input", str(tmp_path / "input"),
                     check=False)  # fmt: skip

    assert result.returncode == 2, result.stdout + result.stderr
    assert "refresh failed at ingest" in result.stdout
    assert "salt is only 3 characters long" in result.stdout
    assert not db_path.exists()
