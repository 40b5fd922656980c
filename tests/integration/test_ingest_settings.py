"""A load leaves the database instance it shares with the process as it found it.

DuckDB shares one database instance between the connections of a process to
the same file. Settings such as ``force_compression`` are the instance's, and
so are the Python SQL functions a load registers: a load that left its setting
in place would change how every later write of the process is stored, and one
that left its functions made the next load fail ("already exists").
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from cxbench.ingestion import load
from cxbench.ingestion.load import load_survey_file
from cxbench.ingestion.mapping_parse import load_mapping
from cxcore.storage import connect_writable
from tests.integration.test_ingest import MAPPING
from tests.integration.test_ingest_parts import HEADER, _rows

SETTINGS = ("force_compression", "threads", "preserve_insertion_order")


def _settings(con: duckdb.DuckDBPyConnection) -> tuple:
    return tuple(
        con.execute(f"select current_setting('{name}')").fetchall()[0][0] for name in SETTINGS
    )


def test_loads_beside_another_connection_leave_its_settings_and_functions_as_they_were(
    tmp_path: Path,
) -> None:
    mapping = tmp_path / "export.mapping.yaml"
    mapping.write_text(MAPPING)
    good = tmp_path / "export.csv"
    good.write_text(HEADER + "".join(_rows(300)))
    unscored = tmp_path / "unscored.csv"  # every row out of scale: refused, rolled back
    unscored.write_text(HEADER + "R1,NL-A,30,male,12,5,7,\nR2,NL-B,31,male,13,5,7,\n")
    db = tmp_path / "wh.duckdb"
    with connect_writable(db) as other:
        before = _settings(other)
        loaded = load_survey_file(db, good, load_mapping(mapping), salt="s")
        after_loaded = _settings(other)
        refused = load_survey_file(db, unscored, load_mapping(mapping), salt="s")
        after_refused = _settings(other)
        stored = other.execute("select count(*) from raw.survey_evaluations").fetchall()[0][0]
        left = other.execute(
            "select function_name from duckdb_functions() where function_name like 'cxbench%'"
        ).fetchall()
    assert (loaded.status, refused.status) == ("loaded", "refused")
    assert stored == loaded.rows_loaded > 0
    assert before[0] == "auto"
    assert after_loaded == before
    assert after_refused == before
    assert left == []


def test_a_load_failing_before_its_insert_leaves_no_function_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mapping = tmp_path / "export.mapping.yaml"
    mapping.write_text(MAPPING)
    source = tmp_path / "export.csv"
    source.write_text(HEADER + "".join(_rows(300)))
    db = tmp_path / "wh.duckdb"

    def unreadable(*_: object) -> str:  # fails after the functions were registered
        raise OSError(5, "Input/output error")

    with connect_writable(db) as other:
        monkeypatch.setattr(load, "file_sha256", unreadable)
        with pytest.raises(OSError, match="Input/output error"):
            load.load_survey_file(db, source, load_mapping(mapping), salt="s")
        left = other.execute(
            "select function_name from duckdb_functions() where function_name like 'cxbench%'"
        ).fetchall()
        monkeypatch.undo()
        loaded = load.load_survey_file(db, source, load_mapping(mapping), salt="s")
    assert left == []
    assert loaded.status == "loaded" and loaded.rows_loaded > 0
