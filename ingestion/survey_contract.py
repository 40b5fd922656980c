"""The survey evaluation contract: a questionnaire mapping compiled into target columns."""

from __future__ import annotations

from cxbench.catalogue import statement_ids
from ingestion.contracts import (
    TargetColumn,
    country_column,
    date_column,
    fixed_or_column,
    integer_in_range,
    optional_text,
    required_text,
    scored_item,
    text_of,
    wave_column,
)
from ingestion.mapping import OUTCOME_SCALES, ItemMapping, QuestionnaireMapping
from ingestion.privacy import hashed_id_sql, scrubbed_text_sql

#: Rows with the same key within a file or already in raw are duplicates.
SURVEY_KEY = ("wave", "country", "respondent_id", "brand_id")


def survey_columns(mapping: QuestionnaireMapping, salt: str) -> list[TargetColumn]:
    """Target columns of ``raw.survey_evaluations`` for one mapped export.

    Statements and outcomes the mapping does not cover stay NULL: a provider
    questionnaire may measure only some pillars, and saying so beats inventing.
    """
    fields = mapping.fields
    respondent = required_text("respondent_id", mapping.keys["respondent_id"])
    columns = [
        wave_column(fixed_or_column("wave", mapping.fixed.get("wave"), fields.get("wave"))),
        country_column(
            fixed_or_column("country", mapping.fixed.get("country"), fields.get("country"))
        ),
        TargetColumn(
            "respondent_id", "varchar", hashed_id_sql(respondent.value_sql, salt), respondent.checks
        ),
        required_text("brand_id", mapping.keys["brand_id"]),
        date_column("interaction_date", fields.get("interaction_date")),
        optional_text("channel", fields.get("channel"), "lower({})"),
        integer_in_range("age", fields.get("age"), 14, 110),
        optional_text("gender", fields.get("gender"), "lower({})"),
    ]
    for statement_id in statement_ids():
        item = mapping.statements.get(statement_id)
        columns.append(_item_column(statement_id, item))
    for outcome in OUTCOME_SCALES:
        columns.append(_item_column(outcome, mapping.outcomes.get(outcome)))
    comment = mapping.comment
    columns.append(
        TargetColumn(
            "comment",
            "varchar",
            scrubbed_text_sql(text_of(comment)) if comment else "cast(null as varchar)",
        )
    )
    return columns


def _item_column(name: str, item: ItemMapping | None) -> TargetColumn:
    if item is None:
        return TargetColumn(name, "double", "cast(null as double)")
    return scored_item(
        name, item.column, item.source_scale, item.target_scale, item.missing, item.offset
    )
