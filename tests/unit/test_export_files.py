"""The export's file rules without a warehouse: the folder is written whole or not at all,
Excel's limits are refused up front, sheet names fit Excel."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cxbench.export.folder import STAGING_PREFIX, ExportFolder
from cxbench.export.formats import XLSX_MAX_ROWS, check_fits_excel, sheet_names
from cxbench.export.request import ExportRefused


def test_a_failed_export_leaves_no_folder_it_created(tmp_path: Path) -> None:
    target = tmp_path / "new" / "export"
    with pytest.raises(RuntimeError), ExportFolder(target, force=False) as folder:
        (folder.staging / "marts.dim_company.csv").write_text("half")
        raise RuntimeError("disk full")
    assert not (tmp_path / "new").exists()


def test_a_failed_export_into_an_empty_folder_leaves_it_empty(tmp_path: Path) -> None:
    with pytest.raises(KeyboardInterrupt), ExportFolder(tmp_path, force=False) as folder:
        (folder.staging / "x.csv").write_text("half")
        raise KeyboardInterrupt
    assert list(tmp_path.iterdir()) == []


def test_files_appear_only_on_commit_with_the_manifest(tmp_path: Path) -> None:
    with ExportFolder(tmp_path / "out", force=False) as folder:
        (folder.staging / "a.csv").write_text("a")
        (folder.staging / "manifest.json").write_text("{}")
        assert [path.name for path in (tmp_path / "out").iterdir()] == [folder.staging.name]
        moved = folder.commit()
    assert moved == ["a.csv", "manifest.json"]
    assert sorted(path.name for path in (tmp_path / "out").iterdir()) == moved


def test_a_non_empty_folder_is_refused_without_force(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(ExportRefused, match=r"not empty.*--force"), ExportFolder(tmp_path, False):
        pass
    assert [path.name for path in tmp_path.iterdir()] == ["notes.txt"]


def test_force_removes_only_files_of_the_previous_export(tmp_path: Path) -> None:
    listed = ["old.csv", "../outside.txt"]
    (tmp_path / "manifest.json").write_text(json.dumps({"files": [{"file": n} for n in listed]}))
    (tmp_path / "old.csv").write_text("old")
    (tmp_path / "notes.txt").write_text("mine")
    (tmp_path.parent / "outside.txt").write_text("keep")
    with ExportFolder(tmp_path, force=True) as folder:
        (folder.staging / "new.csv").write_text("new")
        (folder.staging / "manifest.json").write_text("{}")
        folder.commit()
    assert sorted(path.name for path in tmp_path.iterdir()) == [
        "manifest.json", "new.csv", "notes.txt"
    ]  # fmt: skip
    assert (tmp_path.parent / "outside.txt").exists()


def test_a_killed_exports_temporary_folder_does_not_count_and_is_removed(tmp_path: Path) -> None:
    (tmp_path / f"{STAGING_PREFIX}dead").mkdir()
    with ExportFolder(tmp_path, force=False) as folder:
        (folder.staging / "manifest.json").write_text("{}")
        folder.commit()
    assert [path.name for path in tmp_path.iterdir()] == ["manifest.json"]


def test_a_table_longer_than_a_sheet_is_refused_naming_it() -> None:
    check_fits_excel("marts.fct_channel_scores", XLSX_MAX_ROWS, 18)
    with pytest.raises(
        ExportRefused, match=r"marts\.fct_channel_scores has 1,048,576 rows.*parquet"
    ):
        check_fits_excel("marts.fct_channel_scores", XLSX_MAX_ROWS + 1, 18)


def test_sheet_names_are_unique_and_at_most_31_characters() -> None:
    long = "fct_a_very_long_mart_name_beyond_excel"
    names = sheet_names([f"marts.{long}_one", f"marts.{long}_two", "marts.dictionary", "x.a:b"])
    assert all(len(name) <= 31 for name in names.values())
    assert len({name.lower() for name in names.values()}) == 4
    assert names["marts.dictionary"] != "dictionary"  # the dictionary sheet keeps its name
    assert names["x.a:b"] == "a_b"
