"""The survey evaluation contract: a questionnaire mapping compiled into target columns."""

from __future__ import annotations

from collections.abc import Mapping

from cxbench.ingestion.contracts import (
    TargetColumn,
    country_column,
    date_column,
    effective_decimal,
    integer_in_range,
    nul_check,
    optional_text,
    text_of,
    wave_column,
)
from cxbench.ingestion.design_weight import design_weight_column
from cxbench.ingestion.mapping import (
    AGE_RANGE,
    OUTCOME_SCALES,
    ColumnSource,
    ItemMapping,
    QuestionnaireMapping,
)
from cxbench.ingestion.phone_scrub import phone_scrubbed_sql
from cxbench.ingestion.privacy import scrubbed_text_sql
from cxbench.ingestion.readers.source_table import SourceTable
from cxbench.ingestion.recoding import (
    fixed_or_column_sql,
    hashed_respondent,
    missing_codes_sql,
    recoded_text,
)
from cxbench.ingestion.scored_items import is_number, scored_item
from cxcore.catalogue import statement_ids
from cxcore.sql_text import quote_identifier, quote_literal

#: Rows with the same key within a file or already in raw are duplicates; two
#: studies may share respondent ids (a provider's running numbers).
SURVEY_KEY = ("study_id", "wave", "country", "respondent_id", "brand_id")
#: Rows of raw that can hold a duplicate of a new row share these with it.
SURVEY_PARTITION = ("study_id", "wave", "country")

ValueLabels = Mapping[str, Mapping[str, str]]


def survey_columns(
    mapping: QuestionnaireMapping,
    salt: str,
    file_sha256: str,
    labels: ValueLabels | None = None,
    source: SourceTable | None = None,
) -> list[TargetColumn]:
    """Target columns of ``raw.survey_evaluations`` for one mapped export.

    Statements and outcomes the mapping does not cover stay NULL: a provider
    questionnaire may measure only some pillars, and saying so beats inventing.
    ``source`` tells which columns its reader already parsed (numbers, dates).
    """
    labels = labels or {}
    typed = source or SourceTable("", ())
    fields = mapping.fields
    country = country_column(_fixed_or_column("country", mapping, labels))
    columns = [
        TargetColumn("study_id", "varchar", quote_literal(mapping.study.study_id)),
        wave_column(_fixed_or_column("wave", mapping, labels)),
        country,
        hashed_respondent(mapping.keys["respondent_id"], salt, file_sha256),
        _brand(mapping, labels),
        _field_date(fields.get("interaction_date"), typed),
        _field_text("channel", fields.get("channel"), labels, "lower({})"),
        _field_age(fields.get("age"), typed),
        _field_text("gender", fields.get("gender"), labels, "lower({})"),
        # Region names are proper names, matched as spelt (region margins): no case change.
        _field_text("region", fields.get("region"), labels, "{}"),
        _design_weight(fields.get("weight"), effective_decimal(mapping.decimal, typed), typed),
    ]
    for statement_id in statement_ids():
        item = mapping.statements.get(statement_id)
        columns.append(_item_column(statement_id, item, mapping, typed))
    for outcome in OUTCOME_SCALES:
        item = mapping.outcomes.get(outcome)
        columns.append(_item_column(outcome, item, mapping, typed))
    columns.append(comment_column(mapping.comment, country.value_sql))
    return columns


def comment_column(column: str | None, region_sql: str = "cast(null as varchar)") -> TargetColumn:
    """Free text with e-mails and IBANs masked in SQL, then phones for the row's country.

    ``region_sql``: the row's country as stored (cxcore.phones reads national formats).
    """
    if column is None:
        return TargetColumn("comment", "varchar", "cast(null as varchar)")
    text, masked = "_comment_text", "_comment_masked"
    return TargetColumn(
        "comment",
        "varchar",
        phone_scrubbed_sql(masked, region_sql),
        (nul_check("comment", column),),
        prepared=((text, text_of(column)),),
        derived=((masked, scrubbed_text_sql(text)),),
    )


def _fixed_or_column(name: str, mapping: QuestionnaireMapping, labels: ValueLabels) -> str:
    source = mapping.fields.get(name)
    column_labels = labels.get(source.column or "") if source else None
    return fixed_or_column_sql(mapping.fixed.get(name), source, column_labels)


def _brand(mapping: QuestionnaireMapping, labels: ValueLabels) -> TargetColumn:
    fixed = mapping.fixed.get("brand_id")
    if fixed is not None:
        return TargetColumn("brand_id", "varchar", fixed_or_column_sql(fixed, None))
    source = mapping.keys["brand_id"]
    return recoded_text(
        "brand_id", source, labels.get(source.column or ""), required=True, is_id=True
    )


def _field_text(
    name: str, source: ColumnSource | None, labels: ValueLabels, transform: str
) -> TargetColumn:
    if source is None:
        return optional_text(name, None)
    return recoded_text(name, source, labels.get(source.column or ""), transform=transform)


def _field_date(source: ColumnSource | None, typed: SourceTable) -> TargetColumn:
    if source is None or source.column is None:
        return date_column("interaction_date", None)
    if typed.is_typed(source.column, "DATE"):
        return date_column("interaction_date", source.column, typed=True)
    missing = missing_codes_sql(text_of(source.column), source.missing) if source.missing else None
    return date_column("interaction_date", source.column, missing_sql=missing)


def _design_weight(source: ColumnSource | None, decimal: str, typed: SourceTable) -> TargetColumn:
    column = source.column if source else None
    numeric = column is not None and typed.is_typed(column, "NUMBER")
    return design_weight_column(column, numeric, decimal)


def _field_age(source: ColumnSource | None, typed: SourceTable) -> TargetColumn:
    if source is None or source.column is None:
        return integer_in_range("age", None, *AGE_RANGE)
    numeric = typed.is_typed(source.column, "NUMBER")
    # A parsed column holds numbers only: its text codes cannot occur in it.
    cell = quote_identifier(source.column) if numeric else text_of(source.column)
    codes = tuple(code for code in source.missing if is_number(code) or not numeric)
    return integer_in_range(
        "age",
        source.column,
        *AGE_RANGE,
        numeric,
        missing_sql=missing_codes_sql(cell, codes, numeric) if codes else None,
        out_of_range_missing=source.out_of_range == "missing",
    )


def _item_column(
    name: str,
    item: ItemMapping | None,
    mapping: QuestionnaireMapping,
    typed: SourceTable,
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
        effective_decimal(mapping.decimal, typed),
        numeric=typed.is_typed(item.column, "NUMBER"),
        values=item.values,
        integer=item.integer,
    )


def typed_candidates(mapping: QuestionnaireMapping) -> tuple[dict[str, str], ...]:
    """Ways the reader may parse columns itself: numbers as DOUBLE, the date as DATE.

    Items (latent scores included), age and the design weight as DOUBLE, never as a
    whole-number type: DuckDB's CSV reader rounds "7.5" read as SMALLINT to 8 without
    an error, which would change an answer (or make a fractional age plausible)
    silently, and a latent score of 73.4 is not an exception but the rule. Not items or age with
    text missing codes ("#NULL!" would fail the parse every time), not a date with
    missing codes, not with a decimal comma, not an item recoded through a value map.
    """
    dates: dict[str, str] = {}
    date = mapping.fields.get("interaction_date")
    if date and date.column and not date.missing:
        dates[date.column] = "DATE"
    if mapping.decimal == ",":
        return (dates,) if dates else ()
    numbers = []
    weight = mapping.fields.get("weight")
    if weight and weight.column:
        numbers.append(weight.column)
    age = mapping.fields.get("age")
    if age and age.column and all(is_number(code) for code in age.missing):
        numbers.append(age.column)
    numbers += [
        item.column
        for item in [*mapping.statements.values(), *mapping.outcomes.values()]
        if all(is_number(code) for code in item.missing) and item.values is None
    ]
    return ({**dict.fromkeys(numbers, "DOUBLE"), **dates},)
