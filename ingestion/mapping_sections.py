"""Section readers shared by survey and maturity mappings, collecting every problem.

Both kinds of mapping name a ``source`` (format, delimiter, encoding …), map
fields to ``{column, values, labels, row_number, missing, out_of_range}`` (each
field taking only the options that act on it) and items to ``{column, scale,
missing, offset, values}``; reading these in one place keeps their rules and
messages the same. Each reader appends ``"<yaml key>: <what is wrong>"`` to ``problems``
instead of raising.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from cxbench.ingestion.mapping import (
    DECIMALS,
    FIELD_OPTIONS,
    OUT_OF_RANGE,
    ColumnSource,
    ItemMapping,
)
from cxbench.ingestion.mapping_yaml import unknown_key, yaml_bool_hint
from cxbench.ingestion.readers.arrow_stage import cell_text
from cxbench.ingestion.readers.encoding import canonical_encoding
from cxbench.ingestion.readers.options import FORMATS, ReadOptions

SOURCE_KEYS = {"format", "delimiter", "encoding", "decimal", "sheet", "header_row"}
ITEM_KEYS = {"column", "scale", "missing", "offset", "values", "integer"}
#: What ``defaults`` may hold: everything an item may say except its column.
DEFAULT_KEYS = ITEM_KEYS - {"column"}
#: Waves are survey years; 1990 admits files from the first national indices (ACSI 1994).
WAVE_RANGE = (1990, 2100)


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
    problems += [unknown_key("source", key, SOURCE_KEYS) for key in raw if key not in SOURCE_KEYS]
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
    raw: Mapping[str, Any],
    key: str,
    allowed: tuple[str, ...],
    problems: list[str],
    options: Mapping[str, frozenset[str]] = FIELD_OPTIONS,
) -> dict[str, ColumnSource]:
    """Fields of a ``keys``/``fields`` section (only ``allowed`` names) and their sources.

    ``options`` says per field which options beyond ``column`` take effect there;
    any other is a problem, never silently ignored.
    """
    result: dict[str, ColumnSource] = {}
    for name, spec in raw.items():
        where = f"{key}.{name}"
        if name not in allowed:
            problems.append(unknown_key(key, name, allowed, "field"))
            continue
        parsed = _column_source(spec, where, options.get(str(name), frozenset()), problems)
        if parsed is not None:
            result[str(name)] = parsed
    return result


def _column_source(
    spec: Any, where: str, effective: frozenset[str], problems: list[str]
) -> ColumnSource | None:
    if isinstance(spec, str) and spec:
        return ColumnSource(column=spec)
    if not isinstance(spec, Mapping):
        problems.append(f"{where}: a source column name or {{column: ..., values: ...}}")
        return None
    known = {"column", "values", "labels", "row_number", "missing", "out_of_range"}
    problems += [unknown_key(where, option, known) for option in sorted(set(spec) - known)]
    no_effect = sorted((set(spec) & known) - effective - {"column"})
    problems += [
        f"{where}.{option}: has no effect on this field (it takes: "
        f"{', '.join(['column', *sorted(effective)])})"
        for option in no_effect
    ]
    if spec.get("row_number") is True:
        if set(spec) != {"row_number"}:
            problems.append(f"{where}: row_number: true takes no other option")
        return ColumnSource(row_number=True)
    column = spec.get("column")
    if not isinstance(column, str) or not column:
        problems.append(f"{where}.column: required")
        return None
    values = spec.get("values")
    labels = spec.get("labels", False)
    if not isinstance(labels, bool):
        problems.append(f"{where}.labels: true or false, got {labels!r}")
        labels = False
    if values is not None and labels:
        problems.append(f"{where}: use either values or labels, not both")
    if values is not None:
        if not isinstance(values, Mapping) or not values:
            problems.append(f"{where}.values: a non-empty map of source code → value")
            values = None
        else:
            problems += [
                hint
                for code, value in values.items()
                if (hint := yaml_bool_hint(f"{where}.values.{code}", value)) is not None
            ]
            values = {code_text(code): str(value) for code, value in values.items()}
            if any(not value.strip() for value in values.values()):
                problems.append(f"{where}.values: every code needs a non-empty value")
            problems += same_number_codes(values, where)
    missing = codes_of(spec.get("missing"))
    clash = sorted(set(missing) & set(values or {}))
    if clash:
        problems.append(f"{where}.missing: code(s) {', '.join(clash)} are also in values")
    out_of_range = spec.get("out_of_range", "reject")
    if out_of_range not in OUT_OF_RANGE:
        problems.append(f"{where}.out_of_range: one of {', '.join(OUT_OF_RANGE)}")
        out_of_range = "reject"
    elif out_of_range == "missing" and "values" in effective and values is None and not labels:
        problems.append(
            f"{where}.out_of_range: has no effect without values or labels "
            "(only codes outside the map or labels can be out of range here)"
        )
    return ColumnSource(
        column=column,
        values=values,
        labels=labels,
        missing=missing,
        out_of_range=str(out_of_range),
    )


def code_text(code: Any) -> str:
    """A code from YAML as the text a cell holds (``1``, ``1.0`` and ``"1"`` alike)."""
    return cell_text(code) or str(code)


def same_number_codes(values: Mapping[str, object], where: str) -> list[str]:
    """Problems for codes of one value map that are the same number written twice.

    A cell matches a numeric code by number too ("1.0" and "01" are code 1), so
    two such codes would leave the cell to whichever is listed first.
    """
    seen: dict[float, str] = {}
    problems = []
    for code in values:
        number = _number(code)
        if number is None:
            continue
        if number in seen:
            problems.append(
                f"{where}.values: codes {seen[number]!r} and {code!r} are the same number "
                "(a cell matches a numeric code by number); keep one"
            )
        seen.setdefault(number, code)
    return problems


def codes_of(raw: Any) -> tuple[str, ...]:
    """A ``missing`` list (or a single code) as cell texts."""
    if raw is None:
        return ()
    codes = raw if isinstance(raw, list | tuple) else [raw]
    return tuple(code_text(code) for code in codes)


def item_mapping(
    spec: Mapping[str, Any], target: tuple[float, float], where: str, problems: list[str]
) -> ItemMapping | None:
    """One scored item onto the ``target`` scale; None (and a problem) when unusable."""
    scale = spec.get("scale", list(target))
    if (
        not isinstance(scale, list | tuple)
        or len(scale) != 2
        or not all(_finite(bound) for bound in scale)
        or scale[0] >= scale[1]
    ):
        problems.append(
            f"{where}.scale: must be [low, high], two finite numbers with low < high, got {scale!r}"
        )
        return None
    column = spec.get("column")
    if not isinstance(column, str) or not column:
        problems.append(f"{where}.column: required")
        return None
    offset = spec.get("offset", 0) or 0
    if not _finite(offset):
        problems.append(f"{where}.offset: a finite number, got {offset!r}")
        offset = 0
    integer = spec.get("integer", False)
    if not isinstance(integer, bool):
        problems.append(f"{where}.integer: true or false, got {integer!r}")
        integer = False
    elif integer and not all(float(bound).is_integer() for bound in scale):
        problems.append(f"{where}.integer: an integer scale needs whole bounds, got {scale!r}")
    low, high = float(scale[0]), float(scale[1])
    values = _item_values(spec.get("values"), (low, high), where, problems)
    if values is not None and offset:
        problems.append(f"{where}: use either values or offset (values give the answers)")
    missing = codes_of(spec.get("missing") or None)
    inherited = " (inherited from defaults; override it here)" if spec.get("_inherited") else ""
    for code in missing:
        number = _number(code)
        if number is not None and not math.isfinite(number):
            problems.append(f"{where}.missing: code {code} is not a finite number{inherited}")
            continue
        shown = code if number is not None else repr(code)
        if values is not None:
            if code in values:
                problems.append(f"{where}.missing: code {shown} is also in values{inherited}")
        elif number is not None and low <= number + offset <= high:
            problems.append(
                f"{where}.missing: code {shown} lies inside the scale {low:g}-{high:g}; "
                f"it would hide real answers{inherited}"
            )
    return ItemMapping(
        column=column,
        source_scale=(low, high),
        target_scale=target,
        missing=missing,
        offset=float(offset),
        values=values,
        integer=integer,
    )


def _item_values(
    raw: Any, scale: tuple[float, float], where: str, problems: list[str]
) -> dict[str, float] | None:
    """An item's code → answer map (answers on its source scale), or None."""
    if raw is None:
        return None
    if not isinstance(raw, Mapping) or not raw:
        problems.append(f"{where}.values: a non-empty map of source code → answer")
        return None
    values: dict[str, float] = {}
    for code, answer in raw.items():
        number = _number(answer)
        if not _finite(answer) or number is None or not scale[0] <= number <= scale[1]:
            problems.append(
                f"{where}.values: code {code!r} maps to {answer!r}, "
                f"not a number in the scale {scale[0]:g}-{scale[1]:g}"
            )
            continue
        values[code_text(code)] = number
    problems += same_number_codes(values, where)
    return values


def _finite(value: Any) -> bool:
    """A YAML number usable as a bound, offset or answer: not a boolean, NaN or infinity."""
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _number(code: Any) -> float | None:
    try:
        return float(code)
    except (TypeError, ValueError):
        return None
