"""Digits joined by an underscore (``1_0``), which DuckDB's number parser reads as one number.

DuckDB takes ``_`` as a digit separator wherever it parses a number: a CSV
column read as DOUBLE and ``try_cast`` alike turn ``1_0`` into 10 and ``4_5.5``
into 45.5, without a word. No survey tool writes numbers so, but a typing slip
or a join of two codes can, and the value stored would not be the one in the
file. A CSV holding such digits anywhere is therefore never typed by the
reader (its numbers arrive as text, where
:func:`cxbench.ingestion.contracts.number_sql` refuses the underscore and the
row is rejected with its reason). Only digits that may be a number count: an
underscore inside a run of number characters (digits, ``_``, ``.``, signs,
exponents) that a letter does not begin, so ids such as ``NL_2024_7`` leave the
file typed. (Read as text, the 1.85M-evaluation export loaded in 6.8 s, not 4.7.)

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
#: A run of number characters longer than this is taken for a number, to be safe.
MAX_RUN = 64
_UNDERSCORE = ord("_")

#: Answers found for files as they were (path, size, modification time).
_known: dict[tuple[Path, int, int], bool] = {}
_known_lock = threading.Lock()


class DigitSeparatorSearch:
    """A search fed a file's bytes in order, chunk by chunk (:meth:`feed`)."""

    def __init__(self) -> None:
        self.found = False
        # The end of the bytes fed: an underscore there lacks its right neighbour
        # until the next chunk, and a run cut by the chunk boundary its beginning.
        self._carried = b""

    def feed(self, chunk: bytes) -> None:
        if self.found or not chunk:
            return
        # The seam (the end of the last chunk and the start of this one) is searched
        # on its own, the chunk from where a run has its whole left in it: gluing
        # the chunks together would copy every chunk once more.
        seam = self._carried + chunk[: MAX_RUN + 2]
        self.found = _joins_digits(seam, max(1, len(self._carried) - 1)) or _joins_digits(
            chunk, MAX_RUN + 1
        )
        self._carried = (self._carried + chunk[-(MAX_RUN + 2) :])[-(MAX_RUN + 2) :]


def has_digit_separators(path: Path, chunk_bytes: int = CHUNK_BYTES) -> bool:
    """Whether ``path`` joins two digits by ``_`` where a number may stand (any column)."""
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


def _joins_digits(window: bytes, first: int = 1) -> bool:
    """Whether some ``_`` of ``window`` from ``first`` on joins two digits of what may be a number.

    The last byte of ``window`` is left to the next window, which begins with it.
    """
    joins = _joining_underscores(window, first)
    if joins.size == 0:
        return False
    octets = np.frombuffer(window, dtype=np.uint8)
    # Walk left over the run the underscore sits in (digits, "_", ".", signs, exponents).
    start = joins - 1
    for _ in range(MAX_RUN):
        inside = _NUMERIC[octets[start]] & (start > 0)
        if not inside.any():
            break
        start = np.where(inside, start - 1, start)
    # A letter before the run makes it part of a word or an id ("R_2024_1"), never a number.
    return bool(np.any(~(_LETTER[octets[start]] & ~_NUMERIC[octets[start]])))


def _joining_underscores(window: bytes, first: int) -> np.ndarray:
    """Positions from ``first`` on (not the last) of the underscores with a digit on each side.

    The first few underscores (an e-mail address in a comment) are looked at one
    by one; after :data:`FEW` (one in every id), the rest at once, by numpy.
    """
    joins: list[int] = []
    start = first
    for _ in range(FEW):
        found = window.find(b"_", start, len(window) - 1)
        if found == -1:
            return np.array(joins, dtype=np.intp)
        if window[found - 1 : found].isdigit() and window[found + 1 : found + 2].isdigit():
            joins.append(found)
        start = found + 1
    octets = np.frombuffer(window, dtype=np.uint8)
    rest = np.flatnonzero(octets[start:-1] == _UNDERSCORE) + start
    rest = rest[_DIGIT[octets[rest - 1]] & _DIGIT[octets[rest + 1]]]
    return np.concatenate([np.array(joins, dtype=np.intp), rest])


def _byte_class(members: bytes) -> np.ndarray:
    table = np.zeros(256, dtype=bool)
    table[list(members)] = True
    return table


_DIGIT = _byte_class(b"0123456789")
_NUMERIC = _byte_class(b"0123456789_.+-eE")
_LETTER = _byte_class(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
