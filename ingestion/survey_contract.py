"""The survey evaluation contract: a questionnaire mapping compiled into target columns."""

from __future__ import annotations

from collections.abc import Mapping

from cxbench.catalogue import statement_ids
from ingestion.contracts import (
    TargetColumn,
    country_column,
    date_column,
    integer_in_range,
    nul_check,
    optional_text,
    required_text,
    scored_item,
    text_of,
    wave_column,
)
from ingestion.mapping import OUTCOME_SCALES, ColumnSource, ItemMapping, QuestionnaireMapping
from ingestion.privacy import hashed_id_sql, scrubbed_text_sql
from ingestion.recoding import fixed_or_column_sql, recoded_text, row_number_id_sql

#: Rows with the same key within a file or already in raw are duplicates.
SURVEY_KEY = ("wave", "country", "respondent_id", "brand_id")
#: Rows of raw that can hold a duplicate of a new row share these with it.
SURVEY_PARTITION = ("wave", "country")

ValueLabels = Mapping[str, Mapping[str, str]]


def survey_columns(
    mapping: QuestionnaireMapping, salt: str, file_sha256: str, labels: ValueLabels | None = None
) -> list[TargetColumn]:
    """Target columns of ``raw.survey_evaluations`` for one mapped export.

    Statements and outcomes the mapping does not cover stay NULL: a provider
    questionnaire may measure only some pillars, and saying so beats inventing.
    """
    labels = labels or {}
    fields, fixed = mapping.fields, mapping.fixed
    columns = [
        wave_column(fixed_or_column_sql(fixed.get("wave"), fields.get("wave"))),
        country_column(fixed_or_column_sql(fixed.get("country"), fields.get("country"))),
        _respondent(mapping.keys["respondent_id"], salt, file_sha256),
        _brand(mapping, labels),
        _field_date(fields.get("interaction_date")),
        _field_text("channel", fields.get("channel"), labels, "lower({})"),
        _field_age(fields.get("age")),
        _field_text("gender", fields.get("gender"), labels, "lower({})"),
    ]
    for statement_id in statement_ids():
        columns.append(_item_column(statement_id, mapping.statements.get(statement_id), mapping))
    for outcome in OUTCOME_SCALES:
        columns.append(_item_column(outcome, mapping.outcomes.get(outcome), mapping))
    columns.append(comment_column(mapping.comment))
    return columns


def comment_column(column: str | None) -> TargetColumn:
    """Free text with e-mails and IBANs masked in SQL (phones follow, see ingestion.phones)."""
    if column is None:
        return TargetColumn("comment", "varchar", "cast(null as varchar)")
    return TargetColumn(
        "comment", "varchar", scrubbed_text_sql(text_of(column)), (nul_check("comment", column),)
    )


def _respondent(source: ColumnSource, salt: str, file_sha256: str) -> TargetColumn:
    if source.row_number:
        return TargetColumn(
            "respondent_id", "varchar", hashed_id_sql(row_number_id_sql(file_sha256), salt)
        )
    assert source.column is not None
    plain = required_text("respondent_id", source.column)
    return TargetColumn(
        "respondent_id", "varchar", hashed_id_sql(plain.value_sql, salt), plain.checks
    )


def _brand(mapping: QuestionnaireMapping, labels: ValueLabels) -> TargetColumn:
    fixed = mapping.fixed.get("brand_id")
    if fixed is not None:
        return TargetColumn("brand_id", "varchar", fixed_or_column_sql(fixed, None))
    source = mapping.keys["brand_id"]
    return recoded_text("brand_id", source, labels.get(source.column or ""), required=True)


def _field_text(
    name: str, source: ColumnSource | None, labels: ValueLabels, transform: str
) -> TargetColumn:
    if source is None:
        return optional_text(name, None)
    return recoded_text(name, source, labels.get(source.column or ""), transform=transform)


def _field_date(source: ColumnSource | None) -> TargetColumn:
    return date_column("interaction_date", source.column if source else None)


def _field_age(source: ColumnSource | None) -> TargetColumn:
    return integer_in_range("age", source.column if source else None, 14, 110)


def _item_column(
    name: str, item: ItemMapping | None, mapping: QuestionnaireMapping
) -> TargetColumn:
    if item is None:
        return TargetColumn(name, "double", "cast(null as double)")
    return scored_item(
        name,
        item.column,
        item.source_scale,
        item.target_scale,
        item.missing,
        item.offset,
        mapping.decimal,
    )


def needs_row_number(columns: list[TargetColumn]) -> bool:
    """Whether a value refers to the row number, which the scan must then provide."""
    return any("source_row_number" in column.value_sql for column in columns)
