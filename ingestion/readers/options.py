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
DELIMITER_CANDIDATES = (",", ";", "\t", "|")


@dataclass(frozen=True)
class ReadOptions:
    """Reader settings; ``None`` means "detect" (delimiter, encoding) or "first" (sheet)."""

    format: str | None = None
    delimiter: str | None = None
    encoding: str | None = None
    sheet: str | int | None = None
    header_row: int = 1

    def format_for(self, path: Path) -> str | None:
        """The reader to use for ``path``: its suffix first, then the declared format."""
        return FORMAT_BY_SUFFIX.get(path.suffix.lower(), self.format)
