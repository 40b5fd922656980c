"""Reader helpers: encoding detection, transcoding, delimiter sniffing, column names, cells."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import pytest

from cxbench.ingestion.passes import computed_sql
from cxbench.ingestion.readers import encoding as encoding_module
from cxbench.ingestion.readers.arrow_stage import cell_text
from cxbench.ingestion.readers.csv import open_csv
from cxbench.ingestion.readers.csv_dialect import complete_text, header_names, sniff_delimiter
from cxbench.ingestion.readers.encoding import (
    canonical_encoding,
    detect_encoding,
    is_utf8,
    refuse_non_text,
    transcode_to_utf8,
)
from cxbench.ingestion.readers.errors import SourceReadError
from cxbench.ingestion.readers.options import ReadOptions, legacy_encoding_for

TEXT = "resp;brand;remark\nR1;B1;Müller zahlt 5 € – „prima“\nR2;B2;Æbleskiver og smørrebrød\n"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("utf-16"), "utf-16"),
        (TEXT.encode("cp1252"), "cp1252"),
    ],
    ids=["utf8", "utf8_bom", "utf16_bom", "windows_1252"],
)
def test_encoding_is_detected_from_a_sample(data: bytes, expected: str) -> None:
    assert canonical_encoding(detect_encoding(data)) == canonical_encoding(expected)


def test_ties_between_code_pages_go_to_the_country_s_code_page() -> None:
    polish = "a,b\nx,Łódź Gdańsk żółć\n".encode("cp1250")
    assert detect_encoding(polish, prefer="cp1250") == "cp1250"
    assert legacy_encoding_for("PL") == "cp1250" and legacy_encoding_for("NL") == "cp1252"


def test_utf16_without_bom_is_not_taken_for_utf8() -> None:
    assert "utf_16" in detect_encoding(TEXT.encode("utf-16-le")).replace("-", "_")


def test_utf8_cut_inside_a_character_is_still_utf8() -> None:
    data = "ü".encode() * 10
    assert detect_encoding(data[:-1]) == "utf-8"


def test_utf8_with_a_stray_legacy_row_is_refused_naming_the_line() -> None:
    """Not guessed as a code page, which would garble every UTF-8 accent of the file."""
    rows = ["id,gender\n"] + [f"{n},señora\n" for n in range(1, 40)]
    data = "".join(rows).encode() + "40,señora\n".encode("cp1252") + "41,señora\n".encode()
    with pytest.raises(SourceReadError, match=r"line 41 \(byte \d+\) is not valid UTF-8.*mixes"):
        detect_encoding(data)


def test_a_few_utf8_rows_among_legacy_ones_are_refused_too() -> None:
    """Whichever part is larger, one code page for all would garble the other part."""
    rows = [b"id,gender\n"]
    rows += [f"{n},señora\n".encode("utf-8" if n in (5, 6) else "cp1252") for n in range(1, 60)]
    with pytest.raises(SourceReadError, match=r"line 2 \(byte \d+\) is not valid UTF-8"):
        detect_encoding(b"".join(rows))


def test_legacy_text_with_a_utf8_looking_pair_is_refused_until_declared(tmp_path: Path) -> None:
    """'CAFÉ”' in Windows-1252 holds a valid UTF-8 pair: declared, the file reads as written."""
    data = ("a,b\n" + "x,crème brûlée\n" * 20 + "y,“CAFÉ”\n").encode("cp1252")
    with pytest.raises(SourceReadError, match=r"declare source\.encoding"):
        detect_encoding(data)
    target = tmp_path / "utf8.csv"
    (tmp_path / "legacy.csv").write_bytes(data)
    transcode_to_utf8(tmp_path / "legacy.csv", "cp1252", target)
    assert target.read_text(encoding="utf-8").endswith("y,“CAFÉ”\n")


def test_a_header_that_only_starts_like_a_binary_format_is_text() -> None:
    """Parquet files start PAR1 and a page header; a CSV may name its first column PAR1."""
    refuse_non_text(b"PAR1,q1\n1,2\n", "utf-8")
    with pytest.raises(SourceReadError, match="a Parquet file"):
        refuse_non_text(b"PAR1\x15\x04\x15 binary", "utf-8")


def test_transcoding_streams_in_chunks_across_multibyte_characters(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(encoding_module, "CHUNK_BYTES", 7)
    source, target = tmp_path / "in.csv", tmp_path / "out.csv"
    source.write_bytes(TEXT.encode("utf-16"))
    transcode_to_utf8(source, "utf-16", target)
    assert target.read_text(encoding="utf-8") == TEXT


def test_transcoding_names_the_offending_byte(tmp_path: Path) -> None:
    source = tmp_path / "in.csv"
    source.write_bytes(b"a,b\n1,\xff\xfe\n")
    with pytest.raises(SourceReadError, match="byte 6 is not valid utf-8"):
        transcode_to_utf8(source, "utf-8", tmp_path / "out.csv")


def test_encoding_names_are_normalised_and_checked() -> None:
    assert canonical_encoding("windows-1252") == "cp1252"
    assert is_utf8("UTF8") and is_utf8("utf-8-sig") and not is_utf8("latin-1")
    with pytest.raises(ValueError, match="unknown encoding"):
        canonical_encoding("klingon")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a,b,c\n1,2,3\n", ","),
        ("a;b;c\n1;2,5;3\n", ";"),
        ("a\tb\n1\t2\n", "\t"),
        ('a|b\n"x|y"|2\n', "|"),
        ('a,b\n"one, two",2\n"three\nlines",4\n', ","),
        ("single\nvalue\n", None),
    ],
    ids=["comma", "semicolon_with_decimal_comma", "tab", "pipe", "quoted", "one_column"],
)
def test_delimiter_is_the_one_that_splits_every_record_alike(text: str, expected: str) -> None:
    assert sniff_delimiter(text) == expected


def test_header_names_fill_blanks_and_number_repeats() -> None:
    assert header_names('"",a,a, b ,\n1,2,3,4,5\n', ",") == ["column1", "a", "a_1", "b", "column5"]


def test_a_cut_sample_loses_its_last_partial_line() -> None:
    assert complete_text("a,b\n1,2\n3,", truncated=True) == "a,b\n1,2\n"
    assert complete_text("a,b\n1,2", truncated=False) == "a,b\n1,2"


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (7.0, "7"),
        (7.5, "7.5"),
        (float("nan"), None),
        (None, None),
        ("  ", None),
        (True, "true"),
        (dt.datetime(2024, 5, 1), "2024-05-01"),
        (dt.datetime(2024, 5, 1, 13, 30), "2024-05-01T13:30:00"),
        (dt.date(2024, 5, 1), "2024-05-01"),
        ("=HYPERLINK(x)", "=HYPERLINK(x)"),
    ],
)
def test_cells_become_the_text_a_csv_would_hold(value: object, text: str | None) -> None:
    assert cell_text(value) == text


def test_the_suffix_chooses_the_reader_and_the_format_covers_unknown_suffixes() -> None:
    options = ReadOptions(format="csv")
    assert options.format_for(Path("x.SAV")) == "sav"
    assert options.format_for(Path("x.parquet")) == "parquet"
    assert options.format_for(Path("export.dat")) == "csv"
    assert ReadOptions().format_for(Path("export.dat")) is None


@pytest.mark.parametrize(
    "data",
    [
        b"id,q\nR1,1\nR2,2\nR3,3\n",
        b"id,q\r\nR1,1\r\nR2,2\r\nR3,3",
        b"id,q\rR1,1\rR2,2\rR3,3\r",
        b'id,q\nR1,"one\nline"\nR2,2\nR3,3',
    ],
    ids=["lf", "crlf_no_final_break", "cr_only", "quoted_break"],
)
def test_csv_rows_are_numbered_in_the_scan_in_file_order(tmp_path: Path, data: bytes) -> None:
    """The positional numbering covers every row, whatever the line ends (no update needed)."""
    path = tmp_path / "rows.csv"
    path.write_bytes(data)
    con = duckdb.connect()
    source = open_csv(con, path, ReadOptions(encoding="utf-8", delimiter=","), tmp_path)
    serial = source.serial()
    assert source.row_number_column == "source_row_number" and serial is not None
    for way in (source, serial):
        query = f"{computed_sql(way, [], numbered=True)} select source_row_number, id from derived"
        try:
            rows = con.execute(query).fetchall()
        except duckdb.Error as error:  # the parallel reader cannot pad a quoted line break
            assert way is source and "quoted new lines" in str(error)
            continue
        assert rows == [(1, "R1"), (2, "R2"), (3, "R3")]
