"""A CSV cut into parts: cuts only between records, and row numbers that are right or fail."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from cxbench.ingestion.readers import ReadOptions, csv_parts, warm_up
from cxbench.ingestion.readers.csv_parts import (
    MISCOUNTED,
    cut_into_parts,
    numbered_parts_sql,
    parts_for,
    whole_file,
)

HEADER = b"id,q,note\n"


def _rows(count: int, line_end: bytes = b"\n", note: bytes = b"plain") -> bytes:
    return b"".join(b"R%d,%d,%s%s" % (n, n % 10, note, line_end) for n in range(1, count + 1))


@pytest.fixture
def tiny_parts(monkeypatch: pytest.MonkeyPatch) -> None:
    """Cut files of a few hundred bytes, as if they were gigabytes."""
    monkeypatch.setattr(csv_parts, "MIN_PART_BYTES", 64)


def _scan(path: Path) -> str:
    return (
        f"read_csv('{path}', auto_detect = false, header = true, delim = ',', quote = '\"', "
        "escape = '\"', strict_mode = true, parallel = false, "
        "columns = {'id': 'VARCHAR', 'q': 'VARCHAR', 'note': 'VARCHAR'})"
    )


def _numbered(parts: list[csv_parts.CsvPart]) -> list[tuple[int, str]]:
    sql = f"select source_row_number, id from {numbered_parts_sql(parts, _scan)} order by 1"
    return duckdb.connect().execute(sql).fetchall()


@pytest.mark.parametrize(
    "data",
    [
        HEADER + _rows(90),
        HEADER.replace(b"\n", b"\r\n") + _rows(90, b"\r\n"),
        b"\xef\xbb\xbf" + HEADER + _rows(90),
        HEADER + _rows(90)[:-1],
        HEADER + _rows(90, note=b'"a, ""quoted"" note"'),
        b'id,q,"a\nnote"\n' + _rows(90),
    ],
    ids=["lf", "crlf", "bom", "no_final_break", "quoted_fields", "quoted_break_in_header"],
)
def test_parts_number_every_row_once_in_file_order(
    tmp_path: Path, tiny_parts: None, data: bytes
) -> None:
    source = tmp_path / "rows.csv"
    source.write_bytes(data)
    parts = cut_into_parts(source, 3, tmp_path)
    assert parts is not None and len(parts) == 3
    assert [part.exact for part in parts] == [True, True, False]
    assert _numbered(parts) == [(n, f"R{n}") for n in range(1, 91)]
    assert _numbered([whole_file(source)]) == [(n, f"R{n}") for n in range(1, 91)]


def test_a_cut_never_falls_inside_a_quoted_field(tmp_path: Path, tiny_parts: None) -> None:
    """Records long enough to span a share of the file, each with a quoted line feed."""
    note = b'"' + b"x" * 60 + b"\n" + b"y" * 60 + b'"'
    source = tmp_path / "rows.csv"
    source.write_bytes(HEADER + _rows(6, note=note))
    parts = cut_into_parts(source, 3, tmp_path)
    assert parts is not None
    for part in parts:
        body = part.path.read_bytes().removeprefix(HEADER)
        assert body.count(b'"') % 2 == 0
        assert body.startswith(b"R")


def test_a_miscounted_part_stops_the_scan_instead_of_misnumbering(
    tmp_path: Path, tiny_parts: None
) -> None:
    """A quoted line feed or a blank line in a part: DuckDB's rows differ from its line feeds."""
    for odd in (b'R0,0,"two\nlines"\n', b"\n"):
        data = _rows(30)
        source = tmp_path / "rows.csv"
        source.write_bytes(HEADER + odd + data + data)
        parts = cut_into_parts(source, 2, tmp_path)
        assert parts is not None
        with pytest.raises(duckdb.Error, match=MISCOUNTED):
            _numbered(parts)


def test_small_or_cr_only_files_are_not_cut(tmp_path: Path, tiny_parts: None) -> None:
    source = tmp_path / "rows.csv"
    source.write_bytes(HEADER + _rows(3))
    assert cut_into_parts(source, 3, tmp_path) is None  # 3 rows under 64 bytes a part
    source.write_bytes(HEADER.replace(b"\n", b"\r") + _rows(90, b"\r"))
    assert cut_into_parts(source, 3, tmp_path) is None
    assert _numbered([whole_file(source)]) == [(n, f"R{n}") for n in range(1, 91)]


def test_no_parts_without_room_for_them(
    tmp_path: Path, tiny_parts: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "rows.csv"
    source.write_bytes(HEADER + _rows(90))
    assert cut_into_parts(source, 3, tmp_path) is not None
    usage = shutil.disk_usage(tmp_path)
    tight = usage._replace(free=2 * source.stat().st_size - 1)
    monkeypatch.setattr(csv_parts.shutil, "disk_usage", lambda _: tight)
    assert cut_into_parts(source, 3, tmp_path / "elsewhere") is None


def test_the_warm_up_copies_the_parts_the_reader_then_keeps(
    tmp_path: Path, tiny_parts: None
) -> None:
    """Parts the loader's warm-up copied are used as they are; a part cut short is copied again."""
    source = tmp_path / "rows.csv"
    source.write_bytes(HEADER + _rows(90))
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    warm_up(source, ReadOptions(), 2, scratch)  # on 2 threads
    copied = {part.name: part.stat().st_mtime_ns for part in scratch.glob("part-*.csv")}
    assert len(copied) == parts_for(2)
    second = scratch / "part-1.csv"
    second.write_bytes(second.read_bytes()[:-5])  # as if a copy had stopped short
    parts = cut_into_parts(source, parts_for(2), scratch)
    assert parts is not None
    assert _numbered(parts) == [(n, f"R{n}") for n in range(1, 91)]
    kept = {part.name: part.stat().st_mtime_ns for part in scratch.glob("part-*.csv")}
    assert {name: kept[name] for name in kept if name != second.name} == {
        name: copied[name] for name in copied if name != second.name
    }
    assert second.read_bytes().endswith(b"\n")


def test_a_large_file_has_a_part_per_thread(tmp_path: Path, tiny_parts: None) -> None:
    """Each DuckDB thread reads one part, all of them from the start of the insert."""
    source = tmp_path / "rows.csv"
    source.write_bytes(HEADER + _rows(90))
    for threads in (2, 3):
        scratch = tmp_path / f"on-{threads}"
        scratch.mkdir()
        parts = cut_into_parts(source, parts_for(threads), scratch)
        assert parts is not None and len(parts) == threads
    # One thread has none to balance with: the file is read whole, not copied.
    assert cut_into_parts(source, parts_for(1), tmp_path) is None


@pytest.mark.parametrize(
    ("name", "data", "options"),
    [
        ("rows.csv", HEADER + _rows(90, note="café".encode("cp1252")), ReadOptions()),
        ("rows.csv", HEADER + _rows(90), ReadOptions(encoding="cp1252")),
        ("rows.parquet", HEADER + _rows(90), ReadOptions()),
    ],
    ids=["detected_cp1252", "declared_cp1252", "not_csv"],
)
def test_the_warm_up_leaves_files_not_read_as_they_are(
    tmp_path: Path, tiny_parts: None, name: str, data: bytes, options: ReadOptions
) -> None:
    """A file the reader transcodes first (or does not read as CSV) is not cut by the warm-up."""
    source = tmp_path / name
    source.write_bytes(data)
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    warm_up(source, options, 3, scratch)
    assert list(scratch.iterdir()) == []
