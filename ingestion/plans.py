"""Load plans per kind of file: a mapped survey export, or one of the industry files."""

from __future__ import annotations

from cxbench.ingestion.contracts import effective_decimal
from cxbench.ingestion.industry_contract import INDUSTRY_KINDS
from cxbench.ingestion.mapping import QuestionnaireMapping
from cxbench.ingestion.plan import LoadPlan
from cxbench.ingestion.readers import ReadOptions, SourceTable
from cxbench.ingestion.survey_contract import (
    SURVEY_KEY,
    SURVEY_PARTITION,
    survey_columns,
    typed_candidates,
)

KINDS = ("survey", *INDUSTRY_KINDS, "maturity")  # maturity: ingestion.maturity_contract


def survey_plan(mapping: QuestionnaireMapping, salt: str) -> LoadPlan:
    """How to load one survey export through its questionnaire mapping."""
    private = {}
    respondent = mapping.keys["respondent_id"]
    if respondent.column:
        private[respondent.column] = "respondent_id"
    if mapping.comment:
        private[mapping.comment] = "comment"
    return LoadPlan(
        kind="survey",
        table="survey_evaluations",
        required_columns=tuple(mapping.source_columns()),
        columns=lambda source, sha: survey_columns(mapping, salt, sha, source.value_labels, source),
        key=SURVEY_KEY,
        dedupe_partition=SURVEY_PARTITION,
        private_columns=private,
        record_columns=tuple(mapping.source_columns()),
        read_options=mapping.source,
        labelled_columns=tuple(mapping.labelled_columns()),
        typed_tiers=typed_candidates(mapping),
        mapping_text=mapping.raw_text,
        study=mapping.study,
        measured_statements=mapping.measured_statements(),
        latent_statements=mapping.latent_statements(),
        design_weight_column=weight.column if (weight := mapping.fields.get("weight")) else None,
    )


def industry_plan(kind: str, read_options: ReadOptions | None = None) -> LoadPlan:
    """How to load a companies, sectors or margins file."""
    spec = INDUSTRY_KINDS[kind]

    def columns(source: SourceTable, _sha: str) -> list:
        return spec.columns(set(source.columns), effective_decimal("auto", source))

    return LoadPlan(
        kind=kind,
        table=spec.table,
        required_columns=spec.required_columns,
        columns=columns,
        key=spec.key,
        dedupe_partition=spec.dedupe_partition,
        duplicate_hint=spec.duplicate_hint,
        nullable_key=spec.nullable_key,
        group_sum=spec.group_sum,
        read_options=read_options or ReadOptions(),
    )
