"""The salt file: beside the warehouse folder, created atomically, never empty, never
silently regenerated; one left inside the folder by an older version is moved out."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from cxbench.ingestion.privacy import SALT_ENV, SaltError, resolve_salt
from cxcore.salt_location import LEGACY_SALT_FILE_NAME, SALT_FILE_ENV
from tests.fixtures.history import cli_env, cxbench, query
from tests.integration.test_correctable_loads import CLEAN_ROWS
from tests.integration.test_ingest import MAPPING


@pytest.fixture(autouse=True)
def no_salt_in_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(SALT_ENV, raising=False)
    monkeypatch.delenv(SALT_FILE_ENV, raising=False)


#: Where the key file of a warehouse folder called ``wh`` lives: beside it.
KEY_NAME = ".wh.cxbench_salt"


def test_a_new_salt_is_64_hex_characters_private_and_no_temporary_file_is_left(
    tmp_path: Path,
) -> None:
    (tmp_path / "wh").mkdir()
    salt = resolve_salt(tmp_path / "wh")

    key_file = tmp_path / KEY_NAME
    assert len(salt) == 64 and int(salt, 16) >= 0
    assert key_file.read_text() == salt
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert sorted(path.name for path in tmp_path.iterdir()) == [KEY_NAME, "wh"]
    assert list((tmp_path / "wh").iterdir()) == []  # nothing inside the warehouse folder
    assert resolve_salt(tmp_path / "wh") == salt  # read again, never regenerated


@pytest.mark.parametrize(
    ("content", "state"), [("", "empty"), ("  \n", "empty"), ("0123abcd", "only 8 characters long")]
)
def test_an_empty_or_short_salt_file_is_refused_and_kept(
    tmp_path: Path, content: str, state: str
) -> None:
    key_file = tmp_path / KEY_NAME
    key_file.write_text(content)

    with pytest.raises(SaltError, match=f"salt is {state}.*restore it from your backup"):
        resolve_salt(tmp_path / "wh")

    assert key_file.read_text() == content  # not regenerated


def test_ingest_with_an_empty_salt_file_exits_two_and_writes_nothing(tmp_path: Path) -> None:
    (tmp_path / "export.csv").write_text(CLEAN_ROWS)
    (tmp_path / "export.mapping.yaml").write_text(MAPPING)
    db_path = tmp_path / "wh" / "cxbench.duckdb"
    db_path.parent.mkdir()
    key_file = tmp_path / KEY_NAME
    key_file.write_text("")  # a crash while it was written
    env = {**cli_env(db_path, tmp_path / "gen"), "COLUMNS": "1000"}
    env.pop(SALT_ENV)

    result = cxbench(env, "ingest", str(tmp_path / "export.csv"), check=False)

    assert result.returncode == 2, result.stdout + result.stderr
    assert f"{key_file}: the pseudonymisation salt is empty" in result.stdout
    assert "restore it from your backup" in result.stdout and "Traceback" not in result.stderr
    assert not db_path.exists() or query(db_path, "select count(*) from raw.load_batches") == [(0,)]
    assert os.path.getsize(key_file) == 0


def test_refresh_with_a_short_salt_file_exits_two_and_serves_nothing_new(tmp_path: Path) -> None:
    survey = tmp_path / "input" / "survey"
    survey.mkdir(parents=True)
    (survey / "export.csv").write_text(CLEAN_ROWS)
    (survey / "export.mapping.yaml").write_text(MAPPING)
    db_path = tmp_path / "wh" / "cxbench.duckdb"
    db_path.parent.mkdir()
    (tmp_path / KEY_NAME).write_text("abc\n")
    env = {**cli_env(db_path, tmp_path / "gen"), "COLUMNS": "1000"}
    env.pop(SALT_ENV)

    result = cxbench(env, "refresh", "--wave", "2024", "--input", str(tmp_path / "input"),
                     check=False)  # fmt: skip

    assert result.returncode == 2, result.stdout + result.stderr
    assert "refresh failed at ingest" in result.stdout
    assert "salt is only 3 characters long" in result.stdout
    assert not db_path.exists()


def test_a_salt_inside_the_warehouse_folder_moves_beside_it_and_keeps_its_value(
    tmp_path: Path,
) -> None:
    legacy = tmp_path / "wh" / LEGACY_SALT_FILE_NAME
    legacy.parent.mkdir()
    legacy.write_text("a" * 64 + "\n")
    legacy.chmod(0o644)

    assert resolve_salt(tmp_path / "wh") == "a" * 64

    key_file = tmp_path / KEY_NAME
    assert not legacy.exists()
    assert key_file.read_text().strip() == "a" * 64
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert resolve_salt(tmp_path / "wh") == "a" * 64


def test_two_different_salts_old_and_new_are_refused_and_both_kept(tmp_path: Path) -> None:
    legacy = tmp_path / "wh" / LEGACY_SALT_FILE_NAME
    legacy.parent.mkdir()
    legacy.write_text("a" * 64)
    (tmp_path / KEY_NAME).write_text("b" * 64)

    with pytest.raises(SaltError, match="two pseudonymisation salts"):
        resolve_salt(tmp_path / "wh")

    assert legacy.read_text() == "a" * 64
    assert (tmp_path / KEY_NAME).read_text() == "b" * 64


def test_a_damaged_salt_inside_the_folder_is_refused_where_it_lies(tmp_path: Path) -> None:
    legacy = tmp_path / "wh" / LEGACY_SALT_FILE_NAME
    legacy.parent.mkdir()
    legacy.write_text("abc")

    with pytest.raises(SaltError, match=f"{legacy}: the pseudonymisation salt is only 3"):
        resolve_salt(tmp_path / "wh")

    assert legacy.read_text() == "abc" and not (tmp_path / KEY_NAME).exists()


def test_cxbench_salt_file_chooses_the_key_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    chosen = tmp_path / "keys" / "cxbench.key"
    monkeypatch.setenv(SALT_FILE_ENV, str(chosen))

    salt = resolve_salt(tmp_path / "wh")

    assert chosen.read_text() == salt and not (tmp_path / KEY_NAME).exists()


def test_processes_creating_the_salt_at_once_all_get_the_same_one(tmp_path: Path) -> None:
    script = (
        "import sys\nfrom pathlib import Path\n"
        "from cxbench.ingestion.privacy import resolve_salt\n"
        "print(resolve_salt(Path(sys.argv[1])))\n"
    )
    env = {key: value for key, value in os.environ.items() if key not in (SALT_ENV, SALT_FILE_ENV)}
    runs = [
        subprocess.Popen(
            [sys.executable, "-c", script, str(tmp_path / "wh")],
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        for _ in range(4)
    ]
    salts = {run.communicate(timeout=60)[0].strip() for run in runs}

    assert salts == {(tmp_path / KEY_NAME).read_text()}
    assert sorted(path.name for path in tmp_path.iterdir()) == [KEY_NAME]
