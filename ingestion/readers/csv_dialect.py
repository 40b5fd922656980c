"""What a CSV file looks like: its delimiter and header, decided before DuckDB reads it.

We give DuckDB an explicit dialect instead of letting its sniffer guess: on a
ragged file the sniffer can decide to skip leading lines or read every line as
one column, which would lose rows silently. With the dialect fixed and strict
mode on, a malformed line is an error naming its line number instead.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from itertools import islice
from pathlib import Path

from cxbench.ingestion.readers.encoding import CHUNK_BYTES
from cxbench.ingestion.readers.options import DELIMITER_CANDIDATES

SNIFF_RECORDS = 50


def complete_text(sample: str, truncated: bool) -> str:
    """The sample without its last, possibly cut, line."""
    if not truncated:
        return sample
    end = sample.rfind("\n")
    return sample[: end + 1] if end >= 0 else sample


def sniff_delimiter(text: str) -> str | None:
    """The candidate that splits the first records into one consistent, largest field count.

    Deterministic (unlike ``csv.Sniffer``, which guesses from character
    frequencies): a delimiter qualifies when every sampled record has the same
    number of fields, more than one; the widest such split wins.
    """
    best: tuple[int, str] | None = None
    for delimiter in DELIMITER_CANDIDATES:
        records = [row for row in islice(_records(text, delimiter), SNIFF_RECORDS) if row]
        widths = {len(row) for row in records}
        if len(widths) == 1 and (width := widths.pop()) > 1 and (best is None or width > best[0]):
            best = (width, delimiter)
    return best[1] if best else None


def header_names(text: str, delimiter: str) -> list[str]:
    """Column names from the first record: blanks become ``column<N>``, repeats get ``_<k>``."""
    return unique_names(header_record(text, delimiter))


def header_record(text: str, delimiter: str) -> list[str]:
    """The first record as written (CRLF, LF or CR-only line ends alike)."""
    return next(_records(text, delimiter), [])


def _records(text: str, delimiter: str) -> Iterator[list[str]]:
    # newline="": the csv module itself tells line ends from a quoted "\r\n" and
    # takes a CR-only file (old Mac exports) as lines instead of failing on it.
    # A field may be as long as the sample (its 128 KiB default limit raised).
    csv.field_size_limit(max(csv.field_size_limit(), len(text) + 1))
    return csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)


#: A cell that is a number written with a decimal comma ("7,5", "-0,25").
DECIMAL_COMMA_CELL = re.compile(r"\s*[+-]?\d+,\d+\s*")


def has_decimal_commas(text: str, delimiter: str) -> bool:
    """Whether any data cell of ``text`` (a sample) is a number with a decimal comma.

    Only in a file not separated by commas, where such a cell needs no quotes: in
    a comma-separated file a quoted "1,234" is as likely an English thousands
    separator.
    """
    if delimiter == ",":
        return False
    records = islice(_records(text, delimiter), 1, None)
    return any(DECIMAL_COMMA_CELL.fullmatch(cell) for record in records for cell in record)


def duplicated_names(raw: Sequence[object]) -> tuple[str, ...]:
    """Non-blank header names that occur more than once, in order of first repeat."""
    names = [str(value).strip() for value in raw if value is not None and str(value).strip()]
    counts = Counter(names)
    return tuple(name for name in dict.fromkeys(names) if counts[name] > 1)


def unique_names(raw: list[object]) -> list[str]:
    """Usable, distinct column names in order (shared by the CSV and Excel readers)."""
    names: list[str] = []
    seen: set[str] = set()
    for position, value in enumerate(raw, 1):
        name = str(value).strip() if value is not None else ""
        name = name or f"column{position}"
        candidate, suffix = name, 1
        while candidate in seen:
            candidate = f"{name}_{suffix}"
            suffix += 1
        seen.add(candidate)
        names.append(candidate)
    return names


#: A line end of any kind: CRLF, LF or CR (old Mac exports).
LINE_BREAK = re.compile(rb"\r\n|\r|\n")


def mixed_line_ends(path: Path, limit: int = 64 << 20) -> str:
    """A hint for a CSV whose lines end in more than one way ("" if they do not).

    DuckDB reads one kind of line end per file and stops at another with a
    message about its parser's state; this names the first line that differs
    within the file's first ``limit`` bytes (quoted line breaks count as lines).
    """
    kinds = {b"\r\n": "CRLF", b"\n": "LF", b"\r": "CR"}
    first, line, read = None, 0, 0
    try:
        with path.open("rb") as handle:
            while read < limit and (chunk := handle.read(CHUNK_BYTES)):
                read += len(chunk)
                if chunk.endswith(b"\r"):  # a CRLF cut between two chunks
                    chunk += handle.read(1)
                    read += 1
                for match in LINE_BREAK.finditer(chunk):
                    line += 1
                    first = first or match.group()
                    if match.group() != first:
                        return (
                            f"; the file mixes line ends: line {line} ends with "
                            f"{kinds[match.group()]}, line 1 with {kinds[first]}. "
                            "Save it with one kind of line end"
                        )
    except OSError:
        return ""
    return ""
