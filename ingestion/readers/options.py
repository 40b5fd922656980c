"""How to read one file: the part of a questionnaire mapping's ``source`` readers need."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

#: File suffix → reader. The suffix decides; ``ReadOptions.format`` only names the
#: reader for a file whose suffix says nothing (``export.dat``).
FORMAT_BY_SUFFIX = {
    ".csv": "csv",
    ".txt": "csv",
    ".tsv": "csv",
    ".parquet": "parquet",
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
    ".sav": "sav",
    ".zsav": "sav",
}
FORMATS = ("csv", "parquet", "xlsx", "sav")
#: Formats a provider may send that we do not read, with what to do instead.
UNSUPPORTED_SUFFIXES = {
    ".xls": "legacy Excel: save it as .xlsx",
    ".ods": "OpenDocument: save it as .xlsx or CSV",
    ".json": "export the table as CSV or Parquet",
    ".xml": "export the table as CSV or Parquet",
    ".dta": "Stata: export as CSV or .sav",
    ".sas7bdat": "SAS: export as CSV or .sav",
    ".por": "SPSS portable: save it as .sav",
}
DELIMITER_CANDIDATES = (",", ";", "\t", "|")


@dataclass(frozen=True)
class ReadOptions:
    """Reader settings; ``None`` means "detect" (delimiter, encoding) or "first" (sheet)."""

    format: str | None = None
    delimiter: str | None = None
    encoding: str | None = None
    sheet: str | int | None = None
    header_row: int = 1
    #: The legacy code page an undeclared non-UTF-8 file most likely uses, from the
    #: country the mapping fixes (cp1250 for Polish exports); breaks detection ties.
    legacy_encoding: str = "cp1252"

    def format_for(self, path: Path) -> str | None:
        """The reader to use for ``path``: its suffix first, then the declared format."""
        return FORMAT_BY_SUFFIX.get(path.suffix.lower(), self.format)


#: Windows code pages by country, for files whose encoding is neither declared nor UTF-8.
CENTRAL_EUROPEAN = frozenset({"AL", "BA", "CZ", "HR", "HU", "ME", "PL", "RO", "RS", "SI", "SK"})
CYRILLIC = frozenset({"BG", "BY", "MK", "RU", "UA"})


def legacy_encoding_for(country: str | None) -> str:
    """The Windows code page exports from ``country`` used before UTF-8."""
    code = (country or "").upper()
    if code in CENTRAL_EUROPEAN:
        return "cp1250"
    if code in CYRILLIC:
        return "cp1251"
    return "cp1252"
