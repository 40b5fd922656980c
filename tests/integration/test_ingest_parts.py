"""A CSV loaded in parallel parts stores exactly what a load of the whole file stores."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from cxbench.ingestion.load import load_survey_file
from cxbench.ingestion.mapping_parse import load_mapping
from cxbench.ingestion.readers import SourceReadError, csv_parts
from cxbench.ingestion.readers import csv as csv_reader
from tests.integration.test_ingest import MAPPING

HEADER = "resp_id,brand_code,age,gender,q01,q02,recommend,remarks\n"


def _rows(count: int) -> list[str]:
    rows = [f"R{n},NL-{'ABC'[n % 3]},{20 + n % 50},female,{1 + n % 10},{1 + n % 9},{n % 11},\n"
            for n in range(1, count + 1)]  # fmt: skip
    rows[10] = "R11,NL-B,30,male,12,5,7,\n"  # out of scale
    rows[40] = "R41,,30,male,5,5,7,\n"  # no brand
    rows[70] = rows[69]  # duplicate key
    rows[100] = "R101,NL-A,30,male,5,5,7,,,\n"  # two fields too many
    rows[130] = 'R131,NL-A,30,male,5,5,7,"a ""quoted"", comment, mail me at a@b.nl"\n'
    return rows


STRAY_QUOTE = 'R999,NL-A,30,male,5,5,7,a 5" screen\n'  # DuckDB reads it as it is
#: Each case's rows, and how many parts the file is cut into.
CASES = {
    "typed": (_rows(400), 3),
    "text": ([*_rows(400)[:200], "R900,NL-A,30,male,x,5,7,\n", *_rows(400)[200:]], 3),
    "blank_line": ([*_rows(400)[:150], "\n", *_rows(400)[150:]], 3),
    "quoted_line_feed": (
        [*_rows(400)[:150], 'R999,NL-A,30,male,5,5,7,"two\nlines"\n', *_rows(400)[150:]],
        3,
    ),
    # A stray quote upsets the count of quotes: no cut after it is trusted.
    "stray_quote_early": ([*_rows(400)[:20], STRAY_QUOTE, *_rows(400)[20:]], 0),
    "stray_quote_late": ([*_rows(400)[:350], STRAY_QUOTE, *_rows(400)[350:]], 3),
}


def _load(root: Path, rows: list[str], header: str = HEADER, mapping_text: str = MAPPING) -> Path:
    """Load ``rows`` as one export into a new warehouse under ``root``."""
    root.mkdir()
    mapping = root / "export.mapping.yaml"
    mapping.write_text(mapping_text)
    source = root / "export.csv"
    source.write_bytes((header + "".join(rows)).encode())
    db = root / "wh.duckdb"
    result = load_survey_file(db, source, load_mapping(mapping), salt="s")
    assert result.status == "loaded", result.message
    return db


def _stored(db: Path) -> dict[str, list[tuple]]:
    with duckdb.connect(str(db), read_only=True) as con:
        return {
            "raw": con.execute(
                "select * exclude (batch_id, loaded_at, source_file) "
                "from raw.survey_evaluations order by row_number"
            ).fetchall(),
            "rejected": con.execute(
                "select row_number, field, reason, record from raw.rejected_rows order by 1"
            ).fetchall(),
            "batch": con.execute(
                "select rows_in, rows_loaded, rows_rejected from raw.load_batches"
            ).fetchall(),
        }


@pytest.fixture
def in_three_parts(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Loads from here on cut their files into three parts; the list gets each cut's count."""
    cuts: list[int] = []
    original = csv_parts.cut_into_parts

    def three_parts(path: Path, wanted: int, scratch: Path) -> list[csv_parts.CsvPart] | None:
        parts = original(path, 3, scratch)
        cuts.append(len(parts or []))
        return parts

    monkeypatch.setattr(csv_parts, "MIN_PART_BYTES", 256)
    monkeypatch.setattr(csv_reader, "cut_into_parts", three_parts)
    return cuts


@pytest.mark.parametrize("case", list(CASES))
def test_parts_store_what_the_whole_file_stores(
    tmp_path: Path, request: pytest.FixtureRequest, case: str
) -> None:
    rows, cut_into = CASES[case]
    whole = _stored(_load(tmp_path / "whole", rows))
    cuts = request.getfixturevalue("in_three_parts")
    parts = _stored(_load(tmp_path / "parts", rows))

    assert cuts == [cut_into]
    assert parts == whole
    assert len(whole["raw"]) + len(whole["rejected"]) == whole["batch"][0][0]
    assert len(whole["rejected"]) >= 4 and whole["rejected"][0][0] == 11


def test_a_file_level_error_names_the_line_of_the_whole_file(
    tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    """A row too ragged to pad stops the file; the message is the whole file's, not a part's."""
    rows = _rows(400)
    rows[300] = "R301,NL-A,30,male,5,5,7," + "," * 12 + "\n"
    messages = []
    for name in ("whole", "parts"):
        if name == "parts":
            cuts = request.getfixturevalue("in_three_parts")
        with pytest.raises(SourceReadError) as raised:
            _load(tmp_path / name, rows)
        messages.append(str(raised.value).replace(str(tmp_path / name), "<dir>"))
    assert cuts == [3]
    assert messages[0] == messages[1]
    assert "export.csv" in messages[1] and "part-" not in messages[1]


def test_parts_that_cannot_be_copied_leave_the_file_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, in_three_parts: list[int]
) -> None:
    def disk_full(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(csv_parts, "copy_range", disk_full)
    rows, _ = CASES["typed"]
    parts = _stored(_load(tmp_path / "parts", rows))
    assert in_three_parts == [0]
    monkeypatch.undo()
    assert parts == _stored(_load(tmp_path / "whole", rows))


def test_a_line_break_in_a_column_name_keeps_the_name_and_every_row(
    tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    """Alt+Enter in a spreadsheet's header: a CRLF inside a quoted name of an LF file.

    DuckDB alone reads no row of such a file; the loader reads it through a copy
    whose header is flattened, and the column keeps its name as the file gives it.
    """
    name = "remarks\r\n(free text)"
    header = HEADER.replace("remarks", f'"{name}"')
    mapping = MAPPING.replace("comment: remarks", 'comment: "remarks\\r\\n(free text)"')
    assert mapping != MAPPING
    rows = _rows(400)
    plain = _stored(_load(tmp_path / "plain", rows))
    whole = _stored(_load(tmp_path / "whole", rows, header, mapping))
    cuts = request.getfixturevalue("in_three_parts")
    parts = _stored(_load(tmp_path / "parts", rows, header, mapping))

    assert cuts == [3]
    assert whole == parts
    assert whole["batch"] == plain["batch"] == [(400, 396, 4)]
    assert whole["raw"] == plain["raw"]
    assert '"remarks\\r\\n(free text)":null' in whole["rejected"][0][3]  # the file's own name
