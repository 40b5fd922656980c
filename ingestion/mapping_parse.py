"""Parsing a mapping document into a :class:`QuestionnaireMapping`, collecting every problem.

Each function reads one section and appends ``"<yaml key>: <what is wrong>"`` to
``problems`` instead of raising, so one run reports everything.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from cxcore.catalogue import statement_ids
from cxcore.countries import is_country_code
from ingestion.mapping import (
    DECIMALS,
    FIXED_FIELDS,
    KEY_FIELDS,
    OUTCOME_SCALES,
    ROW_FIELDS,
    STATEMENT_SCALE,
    ColumnSource,
    ItemMapping,
    QuestionnaireMapping,
)
from ingestion.mapping_coverage import parse_coverage
from ingestion.readers.arrow_stage import cell_text
from ingestion.readers.encoding import canonical_encoding
from ingestion.readers.options import FORMATS, ReadOptions, legacy_encoding_for

TOP_LEVEL_KEYS = {
    "mapping_version", "description", "source", "fixed", "keys", "fields", "defaults",
    "statements", "outcomes", "text", "coverage",
}  # fmt: skip
SOURCE_KEYS = {"format", "delimiter", "encoding", "decimal", "sheet", "header_row"}
ITEM_KEYS = {"column", "scale", "missing", "offset"}
WAVE_RANGE = (2000, 2100)


def parse_mapping(path: Path, doc: Mapping[str, Any], problems: list[str]) -> QuestionnaireMapping:
    """Every section of ``doc``; problems are appended, never raised."""
    if doc.get("mapping_version") != 1:
        problems.append("mapping_version: must be 1")
    problems += [f"{key}: unknown section" for key in doc if key not in TOP_LEVEL_KEYS]
    source, decimal = _source(_section(doc, "source", problems), problems)
    fixed = _fixed(_section(doc, "fixed", problems), problems)
    source = _with_country_code_page(source, fixed)
    keys = _sources(_section(doc, "keys", problems), "keys", KEY_FIELDS, problems)
    if "respondent_id" not in keys:
        problems.append("keys.respondent_id: required (a column, or {row_number: true})")
    if "brand_id" not in keys and "brand_id" not in fixed:
        problems.append("keys.brand_id: required (a column, a value map, or fixed.brand_id)")
    if "brand_id" in keys and "brand_id" in fixed:
        problems.append("fixed.brand_id: also given in keys.brand_id; keep one")
    if keys.get("brand_id", ColumnSource(column="x")).row_number:
        problems.append("keys.brand_id: row_number is only for respondent_id")
    fields = _sources(_section(doc, "fields", problems), "fields", ROW_FIELDS, problems)
    for name in ("country", "wave"):
        if name not in fixed and name not in fields:
            problems.append(f"fixed.{name}: required when the file has no {name} column")
        if name in fixed and name in fields:
            problems.append(f"fixed.{name}: also given in fields.{name}; keep one")
    problems += [
        f"fields.{name}: row_number is only for keys.respondent_id"
        for name, spec in fields.items()
        if spec.row_number
    ]
    defaults = _section(doc, "defaults", problems)
    statement_items = _items(doc, "statements", defaults, problems)
    outcome_items = _items(doc, "outcomes", {}, problems)
    coverage = parse_coverage(
        _section(doc, "coverage", problems), statement_items, outcome_items, problems
    )
    comment = _section(doc, "text", problems).get("comment")
    if comment is not None and (not isinstance(comment, str) or not comment):
        problems.append("text.comment: source column must be a non-empty string")
    return QuestionnaireMapping(
        path=path,
        source=source,
        decimal=decimal,
        fixed=fixed,
        keys=keys,
        fields=fields,
        statements=statement_items,
        outcomes=outcome_items,
        comment=comment or None,
        coverage=coverage,
        description=str(doc.get("description", "")),
    )


def _section(doc: Mapping[str, Any], key: str, problems: list[str]) -> Mapping[str, Any]:
    section = doc.get(key)
    if section is None:
        return {}
    if not isinstance(section, Mapping):
        problems.append(f"{key}: must be a mapping of keys")
        return {}
    return section


def _source(raw: Mapping[str, Any], problems: list[str]) -> tuple[ReadOptions, str]:
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


def _with_country_code_page(options: ReadOptions, fixed: Mapping[str, Any]) -> ReadOptions:
    """Detection of an undeclared legacy encoding leans on the export's country."""
    return replace(options, legacy_encoding=legacy_encoding_for(fixed.get("country")))


def _fixed(raw: Mapping[str, Any], problems: list[str]) -> dict[str, Any]:
    fixed = dict(raw)
    for name in fixed:
        if name not in FIXED_FIELDS:
            problems.append(f"fixed.{name}: unknown field (allowed: {', '.join(FIXED_FIELDS)})")
    country = fixed.get("country")
    if country is not None and not is_country_code(str(country)):
        problems.append(f"fixed.country: {country!r} is not an ISO 3166-1 alpha-2 code")
    wave = fixed.get("wave")
    if wave is not None and (
        not isinstance(wave, int) or not WAVE_RANGE[0] <= wave <= WAVE_RANGE[1]
    ):
        problems.append(f"fixed.wave: a year between {WAVE_RANGE[0]} and {WAVE_RANGE[1]}")
    brand = fixed.get("brand_id")
    if brand is not None and (not isinstance(brand, str | int) or not str(brand).strip()):
        problems.append("fixed.brand_id: a non-empty brand id")
    return fixed


def _sources(
    raw: Mapping[str, Any], key: str, allowed: tuple[str, ...], problems: list[str]
) -> dict[str, ColumnSource]:
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


def _items(
    doc: Mapping[str, Any], key: str, defaults: Mapping[str, Any], problems: list[str]
) -> dict[str, ItemMapping]:
    allowed = set(statement_ids()) if key == "statements" else set(OUTCOME_SCALES)
    items: dict[str, ItemMapping] = {}
    for name, spec in _section(doc, key, problems).items():
        where = f"{key}.{name}"
        if name not in allowed:
            problems.append(f"{where}: unknown {key[:-1]} id")
            continue
        spec = {"column": spec} if isinstance(spec, str) else dict(spec or {})
        problems += [
            f"{where}.{option}: unknown option" for option in spec if option not in ITEM_KEYS
        ]
        merged = {**defaults, **spec}
        target = STATEMENT_SCALE if key == "statements" else OUTCOME_SCALES[name]
        item = _item(merged, target, where, problems)
        if item is not None:
            items[name] = item
    return items


def _item(
    spec: Mapping[str, Any], target: tuple[float, float], where: str, problems: list[str]
) -> ItemMapping | None:
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
