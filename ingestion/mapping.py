"""Questionnaire mappings: how one provider's export translates to canonical fields.

A mapping is validated completely before any row is read, and every problem is
reported with the YAML key it concerns, so a researcher fixes a mapping in one
round instead of one error at a time.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from cxbench.catalogue import statement_ids

KEY_FIELDS = ("respondent_id", "brand_id")
CONTEXT_FIELDS = ("interaction_date", "channel", "age", "gender")
FIXED_FIELDS = ("country", "wave")
STATEMENT_SCALE = (1.0, 10.0)
OUTCOME_SCALES: dict[str, tuple[float, float]] = {
    "nps": (0.0, 10.0),
    "loyalty": (0.0, 10.0),
    "csat": (1.0, 5.0),
    "ces": (1.0, 7.0),
}
SOURCE_FORMATS = ("csv", "parquet")


class MappingError(ValueError):
    """A questionnaire mapping that cannot be used; lists every problem found."""

    def __init__(self, path: Path, problems: list[str]) -> None:
        self.path = path
        self.problems = problems
        listing = "\n".join(f"  - {problem}" for problem in problems)
        super().__init__(f"invalid mapping {path}:\n{listing}")


@dataclass(frozen=True)
class ItemMapping:
    """One scored item: its source column and how to bring it onto the canonical scale."""

    column: str
    source_scale: tuple[float, float]
    target_scale: tuple[float, float]
    missing: tuple[str, ...] = ()
    offset: float = 0.0


@dataclass(frozen=True)
class SourceSpec:
    """How to read the file: format, and for CSV the delimiter and encoding."""

    format: str = "csv"
    delimiter: str | None = None
    encoding: str = "utf-8"


@dataclass(frozen=True)
class QuestionnaireMapping:
    """A validated mapping from one export's columns to the canonical survey record."""

    path: Path
    source: SourceSpec
    fixed: dict[str, Any]
    keys: dict[str, str]
    fields: dict[str, str]
    statements: dict[str, ItemMapping]
    outcomes: dict[str, ItemMapping]
    comment: str | None
    description: str = ""
    raw_text: str = field(default="", repr=False)

    def source_columns(self) -> list[str]:
        """Every source column the mapping names (they must all exist in the file)."""
        columns = [*self.keys.values(), *self.fields.values()]
        columns += [item.column for item in (*self.statements.values(), *self.outcomes.values())]
        if self.comment:
            columns.append(self.comment)
        return columns


def load_mapping(path: Path) -> QuestionnaireMapping:
    """Read and validate a mapping file; raise :class:`MappingError` listing all problems."""
    try:
        text = path.read_text(encoding="utf-8")
        document = yaml.safe_load(text)
    except (OSError, yaml.YAMLError) as error:
        raise MappingError(path, [f"cannot read YAML: {error}"]) from error
    if not isinstance(document, Mapping):
        raise MappingError(path, ["top level must be a mapping of keys"])
    problems: list[str] = []
    mapping = _parse(path, document, problems)
    if problems:
        raise MappingError(path, problems)
    return QuestionnaireMapping(**{**mapping.__dict__, "raw_text": text})


def _parse(path: Path, doc: Mapping[str, Any], problems: list[str]) -> QuestionnaireMapping:
    if doc.get("mapping_version") != 1:
        problems.append("mapping_version: must be 1")
    source = _parse_source(doc.get("source") or {}, problems)
    fixed = dict(doc.get("fixed") or {})
    for name in fixed:
        if name not in FIXED_FIELDS:
            problems.append(f"fixed.{name}: unknown field (allowed: {', '.join(FIXED_FIELDS)})")
    keys = _column_dict(doc, "keys", problems)
    for name in KEY_FIELDS:
        if name not in keys:
            problems.append(f"keys.{name}: required")
    for name in keys:
        if name not in KEY_FIELDS:
            problems.append(f"keys.{name}: unknown key field")
    fields = _column_dict(doc, "fields", problems)
    for name in fields:
        if name not in CONTEXT_FIELDS:
            problems.append(f"fields.{name}: unknown field (allowed: {', '.join(CONTEXT_FIELDS)})")
    for name in FIXED_FIELDS:
        if name not in fixed and name not in fields:
            problems.append(f"fixed.{name}: required when the file has no {name} column")
    defaults = doc.get("defaults") or {}
    statements = _parse_items(doc, "statements", set(statement_ids()), defaults, problems)
    outcomes = _parse_items(doc, "outcomes", set(OUTCOME_SCALES), {}, problems)
    if not statements:
        problems.append("statements: at least one statement must be mapped")
    comment = (doc.get("text") or {}).get("comment")
    return QuestionnaireMapping(
        path=path,
        source=source,
        fixed=fixed,
        keys=keys,
        fields=fields,
        statements=statements,
        outcomes=outcomes,
        comment=comment,
        description=str(doc.get("description", "")),
    )


def _parse_source(raw: Mapping[str, Any], problems: list[str]) -> SourceSpec:
    source_format = raw.get("format", "csv")
    if source_format not in SOURCE_FORMATS:
        problems.append(f"source.format: {source_format!r} is not one of {SOURCE_FORMATS}")
    return SourceSpec(
        format=source_format,
        delimiter=raw.get("delimiter"),
        encoding=raw.get("encoding", "utf-8"),
    )


def _column_dict(doc: Mapping[str, Any], key: str, problems: list[str]) -> dict[str, str]:
    section = doc.get(key) or {}
    if not isinstance(section, Mapping):
        problems.append(f"{key}: must map canonical names to source columns")
        return {}
    result = {}
    for name, column in section.items():
        if not isinstance(column, str) or not column:
            problems.append(f"{key}.{name}: source column must be a non-empty string")
        else:
            result[str(name)] = column
    return result


def _parse_items(
    doc: Mapping[str, Any],
    key: str,
    allowed: set[str],
    defaults: Mapping[str, Any],
    problems: list[str],
) -> dict[str, ItemMapping]:
    section = doc.get(key) or {}
    items: dict[str, ItemMapping] = {}
    for name, spec in section.items():
        where = f"{key}.{name}"
        if name not in allowed:
            problems.append(f"{where}: unknown {key[:-1]} id")
            continue
        spec = {"column": spec} if isinstance(spec, str) else dict(spec or {})
        merged = {**defaults, **spec}
        target = STATEMENT_SCALE if key == "statements" else OUTCOME_SCALES[name]
        scale = merged.get("scale", list(target))
        if (
            not isinstance(scale, list | tuple)
            or len(scale) != 2
            or not all(isinstance(bound, int | float) for bound in scale)
            or scale[0] >= scale[1]
        ):
            problems.append(f"{where}.scale: must be [low, high] with low < high, got {scale!r}")
            continue
        column = merged.get("column")
        if not isinstance(column, str) or not column:
            problems.append(f"{where}.column: required")
            continue
        items[name] = ItemMapping(
            column=column,
            source_scale=(float(scale[0]), float(scale[1])),
            target_scale=target,
            missing=tuple(str(code) for code in merged.get("missing", []) or []),
            offset=float(merged.get("offset", 0) or 0),
        )
    return items
