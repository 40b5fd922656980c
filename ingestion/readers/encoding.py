"""Text encodings: detect an undeclared one, and transcode what DuckDB cannot read.

DuckDB's CSV reader decodes UTF-8 (and a few others only through an extension we
cannot download), so any other encoding is transcoded to a temporary UTF-8 copy
in fixed-size chunks with an incremental decoder: memory stays flat whatever the
file size, and the original file is never touched.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from charset_normalizer import from_bytes

from cxbench.ingestion.readers.errors import SourceReadError

SAMPLE_BYTES = 1 << 20
CHUNK_BYTES = 1 << 22
#: A UTF-8 "valid" sample with this share of NUL bytes is UTF-16 without a BOM.
NUL_SHARE_OF_UTF16 = 0.1


def read_sample(path: Path, size: int = SAMPLE_BYTES) -> bytes:
    """The first ``size`` bytes of ``path``."""
    with path.open("rb") as handle:
        return handle.read(size)


def canonical_encoding(name: str) -> str:
    """Python's name for an encoding (``windows-1252`` → ``cp1252``); ValueError if unknown.

    Python's codec registry also holds transforms that are not text encodings
    (``rot13``, ``base64``, ``zlib``): a file cannot be "in" one, so they are
    refused here instead of failing mid-read.
    """
    try:
        info = codecs.lookup(name)
    except LookupError as error:
        raise ValueError(f"unknown encoding {name!r}") from error
    if not getattr(info, "_is_text_encoding", True):
        raise ValueError(
            f"{name!r} is a transform, not a text encoding (e.g. utf-8, windows-1252, latin-1)"
        )
    return info.name


#: Leading bytes of files that are not text at all, and what they are. Each
#: signature is long enough that no header of a text file starts with it.
NOT_TEXT = (
    (re.compile(rb"\x1f\x8b"), "gzip-compressed: decompress it first"),
    (re.compile(rb"BZh[1-9]1AY&SY"), "bzip2-compressed: decompress it first"),
    (re.compile(rb"\xfd7zXZ\x00"), "xz-compressed: decompress it first"),
    (re.compile(rb"%PDF-"), "a PDF document: export the data as CSV, Excel or SPSS"),
    (
        re.compile(rb"PK\x03\x04"),
        "a ZIP archive (an Excel workbook saved under a .csv name?): give an Excel file "
        "its .xlsx name",
    ),
    (
        re.compile(rb"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"),
        "an Excel 97-2003 workbook (.xls): save it as .xlsx",
    ),
    (re.compile(rb"PAR1\x15"), "a Parquet file: give it its .parquet name"),
    (re.compile(rb"\$FL2"), "an SPSS file: give it its .sav name"),
    (re.compile(rb"\$FL3"), "a compressed SPSS file: give it its .zsav name"),
)


def refuse_non_text(sample: bytes, declared: str | None) -> None:
    """Raise for a CSV whose bytes are not text, or not in the encoding declared for it.

    Without this, the bytes are read as a header of garbage and the error lists
    "missing columns" with binary noise, which says nothing of the real cause.
    """
    for signature, what in NOT_TEXT:
        if signature.match(sample):
            raise SourceReadError(f"the file is not text but {what}")
    if declared is None or not is_utf8(declared):
        return
    utf16 = sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    if utf16 or _mostly_nul(sample):
        raise SourceReadError(
            f"the mapping declares {declared}, but the file looks UTF-16 (Excel's "
            "'Unicode text'): declare source.encoding: utf-16, or auto"
        )


def _mostly_nul(sample: bytes) -> bool:
    """Whether ``sample`` has the NUL bytes of UTF-16 text without a BOM."""
    return sample.count(0) > NUL_SHARE_OF_UTF16 * max(len(sample), 1)


def is_utf8(encoding: str) -> bool:
    """Whether DuckDB reads ``encoding`` as it is (UTF-8, with or without a BOM)."""
    return canonical_encoding(encoding) in {"utf-8", "utf-8-sig"}


def detect_encoding(sample: bytes, prefer: str = "cp1252") -> str:
    """Best guess for an undeclared encoding: BOM, then strict UTF-8, then charset-normalizer.

    UTF-8 is tried strictly first because it is by far the most common and a
    statistical detector can mistake short UTF-8 samples for a legacy code page.
    On a short sample several code pages often fit equally well (cp1250 and
    cp1252 agree on ü and €); among those ties ``prefer`` wins, the code page of
    the file's country (cp1250 for Polish exports), then cp1252.
    """
    evident = evident_encoding(sample)
    if evident is not None:
        return evident
    refuse_mixed_utf8(sample)
    matches = list(from_bytes(sample))
    if not matches:
        raise SourceReadError("cannot tell the text encoding; declare source.encoding")
    best = matches[0]
    tied = {
        canonical_encoding(name)
        for match in matches
        if (match.chaos, match.coherence) == (best.chaos, best.coherence)
        for name in (match.encoding, *match.could_be_from_charset)
    }
    for candidate in (prefer, "cp1252"):
        if canonical_encoding(candidate) in tied:
            return canonical_encoding(candidate)
    return best.encoding


def refuse_mixed_utf8(sample: bytes) -> None:
    """Raise if ``sample`` holds both valid multi-byte UTF-8 and bytes UTF-8 cannot be.

    A file edited in two programs (rows typed in a Windows-1252 editor into a
    UTF-8 export, or the other way round) fails the strict UTF-8 test, and a
    statistical guess then picks one code page for all of it, which turns the
    other part's accents into wrong characters: a silent change of values. Such
    a file is refused, naming the first line that is not UTF-8. A file wholly in
    a legacy code page rarely holds a byte pair that is also valid UTF-8 (an
    accented capital followed by a curly quote, "É”"); when it does, it is
    refused too, and declaring its encoding loads it.
    """
    decoder = codecs.getincrementaldecoder("utf-8")(errors="surrogateescape")
    text = decoder.decode(sample, final=False)  # a character cut at the sample's end waits
    if not any("\udc80" <= char <= "\udcff" for char in text):
        return
    multibyte = sum(1 for char in text if char >= "\x80" and not "\udc80" <= char <= "\udcff")
    if not multibyte:
        return
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError as error:
        line = sample.count(b"\n", 0, error.start) + 1
        raise SourceReadError(
            f"line {line} (byte {error.start}) is not valid UTF-8, though {multibyte} other "
            "accented character(s) of the file are: the file mixes encodings. Save it as UTF-8 "
            "throughout; or, if it is all in one legacy code page, declare source.encoding"
        ) from error


def evident_encoding(sample: bytes) -> str | None:
    """The encoding a BOM names, or UTF-8 if the sample decodes as it; None if neither.

    The cheap part of :func:`detect_encoding`, without the statistical guess.
    """
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if _mostly_nul(sample):
        return None
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
    except UnicodeDecodeError:
        return None
    return "utf-8"


def transcode_to_utf8(path: Path, encoding: str, target: Path) -> None:
    """Write ``path`` decoded from ``encoding`` to ``target`` as UTF-8, chunk by chunk."""
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    offset = 0
    with path.open("rb") as source, target.open("wb") as output:
        for chunk in iter(lambda: source.read(CHUNK_BYTES), b""):
            try:
                output.write(decoder.decode(chunk).encode("utf-8"))
            except UnicodeDecodeError as error:
                raise SourceReadError(
                    f"{path}: byte {offset + error.start} is not valid {encoding}; "
                    "declare the right source.encoding"
                ) from error
            offset += len(chunk)
        try:
            output.write(decoder.decode(b"", final=True).encode("utf-8"))
        except UnicodeDecodeError as error:
            raise SourceReadError(f"{path}: the file ends inside a {encoding} character") from error
