"""Section readers shared by survey and maturity mappings, collecting every problem.

Both kinds of mapping name a ``source`` (format, delimiter, encoding …), map
fields to ``{column, values, labels, row_number}`` and items to ``{column, scale,
missing, offset}``; reading these in one place keeps their rules and messages the
same. Each reader appends ``"<yaml key>: <what is wrong>"`` to ``problems``
instead of raising.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ingestion.mapping import DECIMALS, ColumnSource, ItemMapping
from ingestion.readers.arrow_stage import cell_text
from ingestion.readers.encoding import canonical_encoding
from ingestion.readers.options import FORMATS, ReadOptions

SOURCE_KEYS = {"format", "delimiter", "encoding", "decimal", "sheet", "header_row"}
ITEM_KEYS = {"column", "scale", "missing", "offset"}
#: Waves are survey years.
WAVE_RANGE = (2000, 2100)


def section(doc: Mapping[str, Any], key: str, problems: list[str]) -> Mapping[str, Any]:
    """The mapping under ``key`` (empty when absent or not a mapping, which is a problem)."""
    value = doc.get(key)
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        problems.append(f"{key}: must be a mapping of keys")
        return {}
    return value


def source_options(raw: Mapping[str, Any], problems: list[str]) -> tuple[ReadOptions, str]:
    """How to read the file (``source`` section) and its decimal separator."""
    problems += [f"source.{key}: unknown option" for key in raw if key not in SOURCE_KEYS]
    source_format = raw.get("format")
    if source_format is not None and source_format not in FORMATS:
        problems.append(f"source.format: {source_format!r} is not one of {', '.join(FORMATS)}")
    delimiter = raw.get("delimiter")
    if delimiter in ("auto", None):
        delimiter = None
    elif not isinstance(delimiter, str) or len(delimiter) != 1 or delimiter in '"\r\n':
        problems.append(f"source.delimiter: one character (or auto), got {delimiter!r}")
    encoding = raw.get("encoding")
    if encoding in ("auto", None):
        encoding = None
    else:
        try:
            canonical_encoding(str(encoding))
        except ValueError as error:
            problems.append(f"source.encoding: {error}")
    decimal = str(raw.get("decimal", "auto"))
    if decimal not in DECIMALS:
        problems.append(f"source.decimal: one of {', '.join(DECIMALS)}, got {decimal!r}")
    sheet = raw.get("sheet")
    if sheet is not None and not isinstance(sheet, str | int):
        problems.append("source.sheet: a sheet name or its 1-based number")
    header_row = raw.get("header_row", 1)
    if not isinstance(header_row, int) or isinstance(header_row, bool) or header_row < 1:
        problems.append(f"source.header_row: a row number from 1, got {header_row!r}")
        header_row = 1
    options = ReadOptions(source_format, delimiter, encoding and str(encoding), sheet, header_row)
    return options, decimal


def column_sources(
    raw: Mapping[str, Any], key: str, allowed: tuple[str, ...], problems: list[str]
) -> dict[str, ColumnSource]:
    """Fields of a ``keys``/``fields`` section (only ``allowed`` names) and their sources."""
    result: dict[str, ColumnSource] = {}
    for name, spec in raw.items():
        where = f"{key}.{name}"
        if name not in allowed:
            problems.append(f"{where}: unknown field (allowed: {', '.join(allowed)})")
            continue
        parsed = _column_source(spec, where, problems)
        if parsed is not None:
            result[str(name)] = parsed
    return result


def _column_source(spec: Any, where: str, problems: list[str]) -> ColumnSource | None:
    if isinstance(spec, str) and spec:
        return ColumnSource(column=spec)
    if not isinstance(spec, Mapping):
        problems.append(f"{where}: a source column name or {{column: ..., values: ...}}")
        return None
    unknown = set(spec) - {"column", "values", "labels", "row_number"}
    problems += [f"{where}.{option}: unknown option" for option in sorted(unknown)]
    if spec.get("row_number") is True:
        if set(spec) != {"row_number"}:
            problems.append(f"{where}: row_number: true takes no other option")
        return ColumnSource(row_number=True)
    column = spec.get("column")
    if not isinstance(column, str) or not column:
        problems.append(f"{where}.column: required")
        return None
    values = spec.get("values")
    labels = spec.get("labels", False) is True
    if values is not None and labels:
        problems.append(f"{where}: use either values or labels, not both")
    if values is not None:
        if not isinstance(values, Mapping) or not values:
            problems.append(f"{where}.values: a non-empty map of source code → value")
            values = None
        else:
            values = {cell_text(code) or str(code): str(value) for code, value in values.items()}
            if any(not value.strip() for value in values.values()):
                problems.append(f"{where}.values: every code needs a non-empty value")
    return ColumnSource(column=column, values=values, labels=labels)


def item_mapping(
    spec: Mapping[str, Any], target: tuple[float, float], where: str, problems: list[str]
) -> ItemMapping | None:
    """One scored item onto the ``target`` scale; None (and a problem) when unusable."""
    scale = spec.get("scale", list(target))
    if (
        not isinstance(scale, list | tuple)
        or len(scale) != 2
        or not all(isinstance(bound, int | float) for bound in scale)
        or scale[0] >= scale[1]
    ):
        problems.append(f"{where}.scale: must be [low, high] with low < high, got {scale!r}")
        return None
    column = spec.get("column")
    if not isinstance(column, str) or not column:
        problems.append(f"{where}.column: required")
        return None
    offset = spec.get("offset", 0) or 0
    if not isinstance(offset, int | float):
        problems.append(f"{where}.offset: a number, got {offset!r}")
        offset = 0
    missing = spec.get("missing", []) or []
    if not isinstance(missing, list | tuple):
        missing = [missing]
    low, high = float(scale[0]), float(scale[1])
    for code in missing:
        number = _number(code)
        if number is not None and low <= number + offset <= high:
            problems.append(
                f"{where}.missing: code {code!r} lies inside the scale {low:g}-{high:g}; "
                "it would hide real answers"
            )
    return ItemMapping(
        column=column,
        source_scale=(low, high),
        target_scale=target,
        missing=tuple(cell_text(code) or str(code) for code in missing),
        offset=float(offset),
    )


def _number(code: Any) -> float | None:
    try:
        return float(code)
    except (TypeError, ValueError):
        return None
