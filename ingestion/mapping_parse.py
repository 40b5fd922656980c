"""Reading a survey mapping file into a :class:`QuestionnaireMapping`, collecting every problem.

Each function reads one section and appends ``"<yaml key>: <what is wrong>"`` to
``problems`` instead of raising, so one run reports everything. Sections a
maturity mapping has too are read by :mod:`cxbench.ingestion.mapping_sections`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from cxbench.ingestion.mapping import (
    AGE_RANGE,
    FIXED_FIELDS,
    KEY_FIELDS,
    OUTCOME_SCALES,
    ROW_FIELDS,
    STATEMENT_SCALE,
    ColumnSource,
    ItemMapping,
    MappingError,
    QuestionnaireMapping,
    read_mapping_document,
)
from cxbench.ingestion.mapping_coverage import parse_coverage
from cxbench.ingestion.mapping_latent import LATENT_OPTION, latent_alone_in_pillar, latent_option
from cxbench.ingestion.mapping_sections import (
    DEFAULT_KEYS,
    ITEM_KEYS,
    WAVE_RANGE,
    column_sources,
    item_mapping,
    section,
    source_options,
)
from cxbench.ingestion.mapping_study import parse_study
from cxbench.ingestion.mapping_yaml import unknown_key, yaml_bool_hint
from cxbench.ingestion.readers.options import ReadOptions, legacy_encoding_for
from cxbench.ingestion.scored_items import is_number
from cxcore.catalogue import statement_ids
from cxcore.countries import is_country_code

TOP_LEVEL_KEYS = {
    "mapping_version", "description", "source", "fixed", "keys", "fields", "defaults",
    "statements", "outcomes", "text", "coverage", "study",
}  # fmt: skip


def load_mapping(path: Path) -> QuestionnaireMapping:
    """Read and validate a mapping file; raise :class:`MappingError` listing all problems."""
    text, document = read_mapping_document(path)
    problems: list[str] = []
    mapping = parse_mapping(path, document, problems)
    if problems:
        raise MappingError(path, problems)
    return replace(mapping, raw_text=text)


def parse_mapping(path: Path, doc: Mapping[str, Any], problems: list[str]) -> QuestionnaireMapping:
    """Every section of ``doc``; problems are appended, never raised."""
    if doc.get("mapping_version") != 1:
        problems.append("mapping_version: must be 1")
    problems += [
        unknown_key("", key, TOP_LEVEL_KEYS, "section") for key in doc if key not in TOP_LEVEL_KEYS
    ]
    source, decimal = source_options(section(doc, "source", problems), problems)
    fixed = _fixed(section(doc, "fixed", problems), problems)
    source = _with_country_code_page(source, fixed)
    keys = column_sources(section(doc, "keys", problems), "keys", KEY_FIELDS, problems)
    if "respondent_id" not in keys:
        problems.append("keys.respondent_id: required (a column, or {row_number: true})")
    if "brand_id" not in keys and "brand_id" not in fixed:
        problems.append("keys.brand_id: required (a column, a value map, or fixed.brand_id)")
    if "brand_id" in keys and "brand_id" in fixed:
        problems.append("fixed.brand_id: also given in keys.brand_id; keep one")
    if keys.get("brand_id", ColumnSource(column="x")).row_number:
        problems.append("keys.brand_id: row_number is only for respondent_id")
    fields = column_sources(section(doc, "fields", problems), "fields", ROW_FIELDS, problems)
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
    problems += _age_codes_inside_range(fields.get("age"))
    defaults = section(doc, "defaults", problems)
    problems += [
        unknown_key("defaults", option, DEFAULT_KEYS)
        for option in defaults
        if option not in DEFAULT_KEYS
    ]
    statement_items = _items(doc, "statements", defaults, problems)
    outcome_items = _items(doc, "outcomes", defaults, problems)
    coverage = parse_coverage(
        section(doc, "coverage", problems), statement_items, outcome_items, problems
    )
    study = parse_study(
        section(doc, "study", problems) if "study" in doc else None,
        len(statement_items),
        problems,
    )
    text_section = section(doc, "text", problems)
    problems += [unknown_key("text", key, ["comment"]) for key in text_section if key != "comment"]
    comment = text_section.get("comment")
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
        study=study,
        description=str(doc.get("description", "")),
    )


def _age_codes_inside_range(age: ColumnSource | None) -> list[str]:
    """A missing code that is a plausible age would hide real respondents of that age."""
    low, high = AGE_RANGE
    return [
        f"fields.age.missing: code {code} is a plausible age ({low}-{high}); "
        "it would hide real answers"
        for code in (age.missing if age else ())
        if is_number(code) and low <= float(code) <= high
    ]


def _with_country_code_page(options: ReadOptions, fixed: Mapping[str, Any]) -> ReadOptions:
    """Detection of an undeclared legacy encoding leans on the export's country."""
    return replace(options, legacy_encoding=legacy_encoding_for(fixed.get("country")))


def _fixed(raw: Mapping[str, Any], problems: list[str]) -> dict[str, Any]:
    fixed = dict(raw)
    for name in fixed:
        if name not in FIXED_FIELDS:
            problems.append(unknown_key("fixed", name, FIXED_FIELDS, "field"))
    country = fixed.get("country")
    if (hint := yaml_bool_hint("fixed.country", country)) is not None:
        problems.append(hint)
    elif country is not None and not is_country_code(str(country)):
        problems.append(f"fixed.country: {country!r} is not an ISO 3166-1 alpha-2 code")
    wave = fixed.get("wave")
    if wave is not None and (
        not isinstance(wave, int)
        or isinstance(wave, bool)
        or not WAVE_RANGE[0] <= wave <= WAVE_RANGE[1]
    ):
        problems.append(
            f"fixed.wave: a year between {WAVE_RANGE[0]} and {WAVE_RANGE[1]} (a whole number), "
            f"got {wave!r}"
        )
    brand = fixed.get("brand_id")
    if (hint := yaml_bool_hint("fixed.brand_id", brand)) is not None:
        problems.append(hint)
    elif brand is not None and (not isinstance(brand, str | int) or not str(brand).strip()):
        problems.append("fixed.brand_id: a non-empty brand id")
    return fixed


def _items(
    doc: Mapping[str, Any], key: str, defaults: Mapping[str, Any], problems: list[str]
) -> dict[str, ItemMapping]:
    allowed = set(statement_ids()) if key == "statements" else set(OUTCOME_SCALES)
    items: dict[str, ItemMapping] = {}
    for name, spec in section(doc, key, problems).items():
        where = f"{key}.{name}"
        if name not in allowed:
            problems.append(unknown_key(key, name, allowed, f"{key[:-1]} id"))
            continue
        if not isinstance(spec, str | Mapping) or not spec:
            problems.append(
                f"{where}: a source column name or {{column: ..., scale: ...}}, got {spec!r}"
            )
            continue
        spec = {"column": spec} if isinstance(spec, str) else dict(spec)
        problems += [
            unknown_key(where, option, {*ITEM_KEYS, LATENT_OPTION})
            for option in spec
            if option not in ITEM_KEYS and option != LATENT_OPTION
        ]
        merged = {**{k: v for k, v in defaults.items() if k in DEFAULT_KEYS}, **spec}
        latent = latent_option(spec, merged, key, where, problems)
        merged.pop(LATENT_OPTION, None)
        if "missing" in defaults and "missing" not in spec:
            merged["_inherited"] = True
        target = STATEMENT_SCALE if key == "statements" else OUTCOME_SCALES[name]
        item = item_mapping(merged, target, where, problems)
        if item is not None:
            items[name] = replace(item, latent=latent)
    if key == "statements":
        latent_alone_in_pillar(items, problems)
    return items
