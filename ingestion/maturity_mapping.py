"""Maturity self-assessment mappings: which column of a client's file is which item.

Several managers of one organisation each answer one statement per management
pillar (seed 001: strategy, customer understanding, metrics, customer journey,
governance, culture) and per maturity step (seed 002: customer-centric, personal,
flexible, direct, consistent, controlled, coordinated), on a 1–5 agreement scale.
Assessment tools export this in their own column names and scales, so a file comes
with a YAML mapping in the same style as a survey's (docs/data-contracts.md §2);
a file already in the canonical columns needs none (:func:`canonical_mapping`).
Parsing reuses the survey mapping's section readers, so both formats report every
problem at once with the YAML key it concerns.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cxbench.ingestion.mapping import ColumnSource, ItemMapping, MappingError, read_mapping_document
from cxbench.ingestion.mapping_sections import (
    ITEM_KEYS,
    WAVE_RANGE,
    column_sources,
    item_mapping,
    section,
    source_options,
)
from cxbench.ingestion.mapping_yaml import unknown_key
from cxbench.ingestion.readers.options import ReadOptions

MANAGEMENT_PILLARS = (
    "strategy", "customer_understanding", "metrics", "customer_journey", "governance", "culture",
)  # fmt: skip
MATURITY_STEPS = (
    "customer_centric", "personal", "flexible", "direct", "consistent", "controlled",
    "coordinated",
)  # fmt: skip
#: Score columns of raw.maturity_assessments (and of a canonical file).
MATURITY_SCORES = tuple(f"mgmt_{name}" for name in MANAGEMENT_PILLARS) + tuple(
    f"step_{name}" for name in MATURITY_STEPS
)
MATURITY_SCALE = (1.0, 5.0)
KEY_FIELDS = ("respondent_id", "brand_id")
ROW_FIELDS = ("wave", "assessed_on", "role")
#: Options beyond ``column`` that take effect per field (maturity files carry no labels).
FIELD_OPTIONS: dict[str, frozenset[str]] = {
    "respondent_id": frozenset({"row_number"}),
    "brand_id": frozenset({"values"}),
    "wave": frozenset({"values"}),
}
TOP_LEVEL_KEYS = {
    "mapping_version", "kind", "description", "source", "fixed", "keys", "fields", "defaults",
    "items",
}  # fmt: skip


@dataclass(frozen=True)
class MaturityMapping:
    """A validated mapping from an assessment file's columns to raw.maturity_assessments."""

    path: Path | None
    source: ReadOptions
    decimal: str
    fixed: dict[str, Any]
    keys: dict[str, ColumnSource]
    fields: dict[str, ColumnSource]
    items: dict[str, ItemMapping]
    description: str = ""
    raw_text: str | None = field(default=None, repr=False)

    def source_columns(self) -> list[str]:
        """Every source column the mapping names (they must all exist in the file)."""
        sources = [*self.keys.values(), *self.fields.values()]
        columns = [source.column for source in sources if source.column]
        columns += [item.column for item in self.items.values()]
        return list(dict.fromkeys(columns))


def canonical_mapping(columns: Sequence[str]) -> MaturityMapping:
    """The identity mapping of a file already in raw's column names (1–5, blank = missing)."""
    present = set(columns)
    fields = {name: ColumnSource(column=name) for name in ROW_FIELDS if name in present}
    items = {
        name: ItemMapping(name, MATURITY_SCALE, MATURITY_SCALE)
        for name in MATURITY_SCORES
        if name in present
    }
    return MaturityMapping(
        path=None,
        source=ReadOptions(),
        decimal="auto",
        fixed={},
        keys={name: ColumnSource(column=name) for name in KEY_FIELDS},
        fields=fields,
        items=items,
    )


def load_maturity_mapping(path: Path) -> MaturityMapping:
    """Read and validate a maturity mapping; raise :class:`MappingError` listing all problems."""
    text, doc = read_mapping_document(path)
    problems: list[str] = []
    if doc.get("mapping_version") != 1:
        problems.append("mapping_version: must be 1")
    if doc.get("kind", "maturity") != "maturity":
        problems.append(f"kind: must be maturity, got {doc.get('kind')!r}")
    problems += [
        unknown_key("", key, TOP_LEVEL_KEYS, "section") for key in doc if key not in TOP_LEVEL_KEYS
    ]
    source, decimal = source_options(section(doc, "source", problems), problems)
    fixed = dict(section(doc, "fixed", problems))
    problems += [f"fixed.{name}: only wave may be fixed" for name in fixed if name != "wave"]
    wave = fixed.get("wave")
    if wave is not None and (
        not isinstance(wave, int) or not WAVE_RANGE[0] <= wave <= WAVE_RANGE[1]
    ):
        problems.append(f"fixed.wave: a year between {WAVE_RANGE[0]} and {WAVE_RANGE[1]}")
    keys = column_sources(
        section(doc, "keys", problems), "keys", KEY_FIELDS, problems, FIELD_OPTIONS
    )
    fields = column_sources(
        section(doc, "fields", problems), "fields", ROW_FIELDS, problems, FIELD_OPTIONS
    )
    problems += [f"keys.{name}: required" for name in KEY_FIELDS if name not in keys]
    if keys.get("brand_id", ColumnSource(column="x")).row_number:
        problems.append("keys.brand_id: row_number is only for respondent_id")
    if "wave" not in fixed and "wave" not in fields:
        problems.append("fixed.wave: required when the file has no wave column")
    defaults = section(doc, "defaults", problems)
    problems += [
        unknown_key("defaults", key, ITEM_KEYS - {"column"})
        for key in defaults
        if key not in ITEM_KEYS or key == "column"
    ]
    items = _items(section(doc, "items", problems), defaults, problems)
    if not items:
        problems.append("items: map at least one of " + ", ".join(MATURITY_SCORES))
    if problems:
        raise MappingError(path, problems)
    return MaturityMapping(
        path, source, decimal, fixed, keys, fields, items, str(doc.get("description", "")), text
    )


def _items(
    raw: Mapping[str, Any], defaults: Mapping[str, Any], problems: list[str]
) -> dict[str, ItemMapping]:
    items: dict[str, ItemMapping] = {}
    for name, spec in raw.items():
        where = f"items.{name}"
        if name not in MATURITY_SCORES:
            problems.append(unknown_key("items", name, MATURITY_SCORES, "item"))
            continue
        if not isinstance(spec, str | Mapping) or not spec:
            problems.append(f"{where}: a source column name or {{column: ..., scale: ...}}")
            continue
        spec = {"column": spec} if isinstance(spec, str) else dict(spec)
        problems += [unknown_key(where, key, ITEM_KEYS) for key in spec if key not in ITEM_KEYS]
        item = item_mapping({**defaults, **spec}, MATURITY_SCALE, where, problems)
        if item is not None:
            items[name] = item
    return items
