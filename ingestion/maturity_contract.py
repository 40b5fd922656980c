"""The maturity self-assessment contract: one row per manager × organisation × wave.

Each row is one manager's answers. The manager's id is personal (often a name or
an e-mail address in the tool's export), so it is replaced by the warehouse's
salted hash exactly like a survey respondent's: the same manager is recognised
across waves of one warehouse, never identified. Scores are brought onto 1–5
through the mapping's scale, missing codes and offset; a row with no score at all
says nothing and is rejected, so "loaded" always means "assessed something".
"""

from __future__ import annotations

from dataclasses import replace

from cxbench.ingestion.contracts import (
    Check,
    TargetColumn,
    date_column,
    effective_decimal,
    optional_text,
    wave_column,
)
from cxbench.ingestion.maturity_mapping import (
    MATURITY_SCALE,
    MATURITY_SCORES,
    MaturityMapping,
    canonical_mapping,
)
from cxbench.ingestion.plan import LoadPlan
from cxbench.ingestion.readers import ReadOptions, SourceTable
from cxbench.ingestion.recoding import fixed_or_column_sql, hashed_respondent, recoded_text
from cxbench.ingestion.scored_items import scored_item

#: One manager answers once per organisation and wave.
MATURITY_KEY = ("brand_id", "wave", "respondent_id")


def maturity_columns(
    mapping: MaturityMapping, salt: str, file_sha256: str, source: SourceTable | None = None
) -> list[TargetColumn]:
    """Target columns of ``raw.maturity_assessments`` for one mapped file.

    ``source``: the file as read, which may show decimal commas (``effective_decimal``).
    """
    decimal = effective_decimal(mapping.decimal, source)
    scores = [
        scored_item(
            name,
            item.column,
            item.source_scale,
            MATURITY_SCALE,
            item.missing,
            item.offset,
            decimal,
            values=item.values,
            integer=item.integer,
        )
        if (item := mapping.items.get(name))
        else TargetColumn(name, "double", "cast(null as double)")
        for name in MATURITY_SCORES
    ]
    answered = [name for name in MATURITY_SCORES if name in mapping.items]
    nothing = " and ".join(f"coalesce(_{name}_missing, true)" for name in answered)
    no_scores = Check("scores", nothing or "true", "'no score given in any maturity item'")
    brand = recoded_text("brand_id", mapping.keys["brand_id"], required=True, is_id=True)
    assessed = mapping.fields.get("assessed_on")
    role = mapping.fields.get("role")
    return [
        replace(brand, checks=(*brand.checks, no_scores)),
        wave_column(fixed_or_column_sql(mapping.fixed.get("wave"), mapping.fields.get("wave"))),
        hashed_respondent(mapping.keys["respondent_id"], salt, file_sha256),
        optional_text("role", role.column if role else None, "lower({})"),
        date_column("assessed_on", assessed.column if assessed else None),
        *scores,
    ]


def maturity_plan(mapping: MaturityMapping | None, salt: str) -> LoadPlan:
    """How to load one assessment file: through its mapping, or as canonical columns."""
    if mapping is None:

        def canonical(source: SourceTable, sha: str) -> list[TargetColumn]:
            return maturity_columns(canonical_mapping(source.columns), salt, sha, source)

        required: tuple[str, ...] = ("brand_id", "wave", "respondent_id")
        columns, options, text, record = canonical, ReadOptions(), None, None
        private = {"respondent_id": "respondent_id"}
    else:
        required = tuple(mapping.source_columns())
        columns = lambda source, sha: maturity_columns(mapping, salt, sha, source)  # noqa: E731
        options, text, record = mapping.source, mapping.raw_text, required
        respondent = mapping.keys["respondent_id"].column
        private = {respondent: "respondent_id"} if respondent else {}
    return LoadPlan(
        kind="maturity",
        table="maturity_assessments",
        required_columns=required,
        columns=columns,
        key=MATURITY_KEY,
        dedupe_partition=("wave",),
        private_columns=private,
        record_columns=record,
        read_options=options,
        mapping_text=text,
    )
