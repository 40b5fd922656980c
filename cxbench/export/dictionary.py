"""The data dictionary of an export: every table and column with its type and meaning.

Generated, never written by hand: types from the warehouse, descriptions from the
dbt docs (:mod:`cxbench.export.dbt_docs`), so it cannot drift from what was
exported. Written as Markdown (to read) and CSV (one row per column, to filter
or join), and as the first sheet of an Excel export.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from cxbench.export.dbt_docs import Descriptions
from cxbench.export.tables import ExportTable

MARKDOWN_NAME = "data_dictionary.md"
CSV_NAME = "data_dictionary.csv"
#: Columns of the CSV file and of the workbook's dictionary sheet.
HEADER = ("table", "file", "column", "position", "data_type", "description", "table_description")
#: Nested types (lists, structs, maps) have no CSV or Excel cell of their own.
NESTED_NOTE = " (written as JSON text in CSV and Excel)"


@dataclass(frozen=True)
class DictionaryColumn:
    name: str
    position: int
    data_type: str
    description: str


@dataclass(frozen=True)
class DictionaryTable:
    """One exported table: where it is, what it holds, its columns."""

    relation: str
    file: str
    n_rows: int
    description: str
    columns: tuple[DictionaryColumn, ...]
    #: The waves the rows were limited to (--wave); empty: every row of the table.
    waves: tuple[int, ...] = ()


def is_nested(data_type: str) -> bool:
    """True for DuckDB types a CSV or Excel cell cannot hold as such."""
    upper = data_type.upper()
    return upper.endswith("]") or upper.startswith(("STRUCT", "MAP", "UNION"))


def build_dictionary(
    tables: list[ExportTable], files: dict[str, str], descriptions: Descriptions
) -> list[DictionaryTable]:
    """Dictionary entries for ``tables``; ``files`` maps each relation to its file (or sheet)."""
    entries = []
    for table in tables:
        described = descriptions.columns.get(table.relation, {})
        columns = tuple(
            DictionaryColumn(
                column.name, position, column.data_type, described.get(column.name, "")
            )
            for position, column in enumerate(table.columns, start=1)
        )
        entries.append(
            DictionaryTable(
                table.relation,
                files[table.relation],
                table.n_rows,
                " ".join(descriptions.tables.get(table.relation, "").split()),
                columns,
                table.waves,
            )
        )
    return entries


def dictionary_rows(entries: list[DictionaryTable], textual: bool) -> list[tuple[object, ...]]:
    """One row per column (HEADER order); ``textual``: note nested types written as JSON."""
    return [
        (
            entry.relation,
            entry.file,
            column.name,
            column.position,
            column.data_type,
            _flat(column.description)
            + (NESTED_NOTE if textual and is_nested(column.data_type) else ""),
            entry.description,
        )
        for entry in entries
        for column in entry.columns
    ]


def dictionary_csv(entries: list[DictionaryTable], textual: bool) -> str:
    """The dictionary as CSV text with a header row."""
    stream = io.StringIO()
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(HEADER)
    writer.writerows(dictionary_rows(entries, textual))
    return stream.getvalue()


def dictionary_markdown(entries: list[DictionaryTable], heading: str, textual: bool) -> str:
    """The dictionary as Markdown: a section per table with a column table."""
    lines = [f"# Data dictionary: {heading}", ""]
    lines += [f"- [`{entry.relation}`](#{entry.relation.replace('.', '')}) "
              f"({entry.n_rows:,} rows)" for entry in entries]  # fmt: skip
    for entry in entries:
        lines += [
            "",
            f"## {entry.relation}",
            "",
            f"File: `{entry.file}` — {entry.n_rows:,} rows{_only(entry.waves)}.",
            "",
        ]
        lines += [entry.description or "(no description in the dbt docs)", ""]
        lines += ["| # | column | type | description |", "|---|---|---|---|"]
        for column in entry.columns:
            note = NESTED_NOTE if textual and is_nested(column.data_type) else ""
            lines.append(
                f"| {column.position} | `{column.name}` | {column.data_type} | "
                f"{_cell(column.description)}{note} |"
            )
    return "\n".join(lines) + "\n"


def _only(waves: tuple[int, ...]) -> str:
    """What --wave kept of a table, for its heading."""
    return f" (wave {', '.join(map(str, waves))} only)" if waves else ""


def _flat(text: str) -> str:
    """A description on one line (YAML folded text keeps line breaks)."""
    return " ".join(text.split())


def _cell(text: str) -> str:
    """A description fit for one Markdown table cell."""
    return _flat(text).replace("|", "\\|") or "—"
