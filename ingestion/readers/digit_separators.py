"""Digits joined by an underscore (``1_0``), which DuckDB's number parser reads as one number.

DuckDB takes ``_`` as a digit separator wherever it parses a number: a CSV
column read as DOUBLE and ``try_cast`` alike turn ``1_0`` into 10 and ``4_5.5``
into 45.5, without a word. No survey tool writes numbers so, but a typing slip
or a join of two codes can, and the value stored would not be the one in the
file. A CSV holding a digit, an underscore and a digit anywhere is therefore
never typed by the reader (its numbers arrive as text, where
:func:`cxbench.ingestion.contracts.number_sql` refuses the underscore and the
row is rejected with its reason). Ids such as ``R_2024_7`` set it off too; such
a file is then read as text, which is slower but loads the same values.

The loader searches while it computes the file's checksum
(:func:`cxbench.ingestion.load`), so a large file is not read once more for it.
"""

from __future__ import annotations

import threading
from pathlib import Path

import numpy as np

CHUNK_BYTES = 1 << 20
#: Up to this many underscores in a chunk are looked at one by one.
FEW = 64
_UNDERSCORE = ord("_")
_ZERO = ord("0")

#: Answers found for files as they were (path, size, modification time).
_known: dict[tuple[Path, int, int], bool] = {}
_known_lock = threading.Lock()


class DigitSeparatorSearch:
    """A search fed a file's bytes in order, chunk by chunk (:meth:`feed`)."""

    def __init__(self) -> None:
        self.found = False
        self._carried = b""  # the last two bytes fed: a match may span chunks

    def feed(self, chunk: bytes) -> None:
        if self.found:
            return
        window = self._carried + chunk
        self.found = b"_" in window and _joins_digits(window)
        self._carried = window[-2:]


def has_digit_separators(path: Path, chunk_bytes: int = CHUNK_BYTES) -> bool:
    """Whether ``path`` holds a digit, ``_`` and a digit in a row (in any column)."""
    key = _key(path)
    with _known_lock:
        if key in _known:
            return _known[key]
    search = DigitSeparatorSearch()
    with path.open("rb") as handle:
        while not search.found and (chunk := handle.read(chunk_bytes)):
            search.feed(chunk)
    record(path, search)
    return search.found


def record(path: Path, search: DigitSeparatorSearch) -> None:
    """Remember what ``search`` found, fed the whole of ``path`` (:func:`has_digit_separators`)."""
    with _known_lock:
        if len(_known) >= 8:
            _known.clear()
        _known[_key(path)] = search.found


def _key(path: Path) -> tuple[Path, int, int]:
    stat = path.stat()
    return path.resolve(), stat.st_size, stat.st_mtime_ns


def _joins_digits(window: bytes) -> bool:
    """Whether some ``_`` of ``window`` (not its first or last byte) has a digit on each side.

    The first few underscores (an e-mail address in a comment) are looked at one
    by one; after :data:`FEW` (one in every id), the rest at once, by numpy.
    """
    start = 1
    for _ in range(FEW):
        found = window.find(b"_", start, len(window) - 1)
        if found == -1:
            return False
        if window[found - 1 : found].isdigit() and window[found + 1 : found + 2].isdigit():
            return True
        start = found + 1
    octets = np.frombuffer(window, dtype=np.uint8)
    inner = np.flatnonzero(octets[start:-1] == _UNDERSCORE) + start
    # uint8 wraps below '0', so one comparison tells a digit
    before = (octets[inner - 1] - _ZERO) < 10
    after = (octets[inner + 1] - _ZERO) < 10
    return bool(np.any(before & after))
