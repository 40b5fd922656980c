"""Columns whose value comes from a value map, SPSS value labels, a fixed value or the row.

A brand coded 1–4 in the export becomes a brand id through the mapping's value
map (an unmapped code rejects the row: a brand cannot be guessed); a gender coded
1/2 in an SPSS file can store its label instead. Both are one ``CASE`` in SQL,
so recoding costs no Python per row.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from cxbench.ingestion.contracts import Check, TargetColumn, nul_check, shown, text_of
from cxbench.ingestion.id_text import (
    needs_work_sql,
    normal_id_sql,
    unusable_id_sql,
    visible_id_sql,
)
from cxbench.ingestion.mapping import ColumnSource
from cxbench.ingestion.privacy import hashed_id_sql
from cxbench.ingestion.scored_items import code_match, is_number
from cxcore.sql_text import quote_literal

ROW_NUMBER = "source_row_number"


def case_sql(text: str, values: Mapping[str, str]) -> str:
    """``CASE text WHEN code THEN value … END`` (NULL when no code matches)."""
    whens = " ".join(
        f"when {quote_literal(code)} then {quote_literal(value)}" for code, value in values.items()
    )
    return f"case {text} {whens} end"


def value_map_sql(text: str, values: Mapping[str, str]) -> str:
    """The mapping's value for the cell ``text`` (NULL when no code matches).

    A code matches its text exactly first; a numeric code then also matches the
    same number written otherwise ("1.0" or "01" for 1, as a spreadsheet or a
    float column exports it), as missing codes do. Exact text goes first so that
    a map listing both "1" and "01" keeps them apart.
    """
    whens = [f"when {text} = {quote_literal(code)} then {quote_literal(value)}"
             for code, value in values.items()]  # fmt: skip
    whens += [
        f"when {code_match(text, code)} then {quote_literal(value)}"
        for code, value in values.items()
        if is_number(code)
    ]
    return f"case {' '.join(whens)} end"


def missing_codes_sql(text: str, codes: tuple[str, ...], numeric: bool = False) -> str:
    """SQL: the cell ``text`` (``numeric``: parsed by the reader) is a declared missing code."""
    return "(" + " or ".join(code_match(text, code, numeric) for code in codes) + ")"


def recoded_text(
    name: str,
    source: ColumnSource,
    labels: Mapping[str, str] | None = None,
    required: bool = False,
    transform: str = "{}",
    is_id: bool = False,
) -> TargetColumn:
    """A text column read through ``source``: plain, value-mapped or labelled.

    ``is_id``: the cell is an id, read normalised (:mod:`cxbench.ingestion.id_text`) before
    any code is matched; one still holding a control character rejects the row.

    A declared missing code is NULL before any recoding. A value-mapped code not in
    the map rejects the row; a labelled code without a label keeps its code (SPSS
    files often label only some values). With ``out_of_range: missing`` both become
    NULL instead, because the mapping said that the map or the labels are complete.
    """
    assert source.column is not None
    text = text_of(source.column)
    prepared: tuple[tuple[str, str], ...] = ()
    derived: tuple[tuple[str, str], ...] = ()
    checks = [nul_check(name, source.column)]
    if is_id:
        normalised, needs_work = f"_{name}_normal", f"_{name}_needs_work"
        prepared = ((needs_work, needs_work_sql(text)), (normalised, normal_id_sql(text, name)))
        text = normalised
        checks.append(
            Check(
                name,
                unusable_id_sql(text, needs_work),
                f"{quote_literal(source.column + ': id ')} || {shown(visible_id_sql(text))} || "
                "' holds a control or text-direction character; correct it in the file'",
            )
        )
    if source.missing:
        alias = f"_{name}_text"
        kept = f"case when {missing_codes_sql(text, source.missing)} then null else {text} end"
        if is_id:
            derived = ((alias, kept),)
        else:
            prepared = ((alias, kept),)
        text = alias
    lenient = source.out_of_range == "missing"
    if source.values is not None:
        value = value_map_sql(text, source.values)
        if not lenient:
            checks.append(
                Check(
                    name,
                    f"{text} is not null and {value} is null",
                    f"{quote_literal(source.column + ': code ')} || {shown(text)} || "
                    "' is not in the mapping''s value map'",
                )
            )
    elif source.labels and labels:
        value = case_sql(text, labels) if lenient else f"coalesce({case_sql(text, labels)}, {text})"
    else:
        value = text
    if required:
        checks.insert(
            0,
            Check(name, f"{text} is null", quote_literal(f"{source.column}: missing value")),
        )
    return TargetColumn(
        name,
        "varchar",
        f"cast({transform.format(value)} as varchar)",
        tuple(checks),
        prepared=prepared,
        derived=derived,
    )


def fixed_or_column_sql(
    fixed: object, source: ColumnSource | None, labels: Mapping[str, str] | None = None
) -> str:
    """SQL for a value given once in the mapping or per row in a column (NULL if neither).

    A column may be recoded by a value map (an unmapped code is NULL, which the
    field's own check rejects) or by its SPSS value labels (a code without a label
    keeps the code, which the field's check then judges as it stands).
    """
    if fixed is not None:
        return quote_literal(str(fixed))
    if source is None or source.column is None:
        return "cast(null as varchar)"
    text = text_of(source.column)
    if source.values is not None:
        return value_map_sql(text, source.values)
    if source.labels and labels:
        return f"coalesce({case_sql(text, labels)}, {text})"
    return text


def row_number_id_sql(file_sha256: str) -> str:
    """An id for a file without respondent ids: its checksum prefix and the row number.

    The checksum keeps row 1 of two different files apart, so they never collide as
    "the same respondent"; it also means such ids cannot link one person across
    files, which a file without ids could not do anyway.
    """
    return f"{quote_literal(file_sha256[:16] + '#')} || cast({ROW_NUMBER} as varchar)"


def hashed_respondent(source: ColumnSource, salt: str, file_sha256: str) -> TargetColumn:
    """``respondent_id`` as a salted hash of the source id (or of the file row, without ids).

    The contract checks run on the plain id (present, no NUL bytes); only the hash
    is stored, and a rejected row's record keeps the hash too (``finish``).
    """
    if source.row_number:
        plain_sql, checks = row_number_id_sql(file_sha256), ()
    else:
        assert source.column is not None
        plain = recoded_text("respondent_id", source, required=True, is_id=True)
        return replace(
            plain,
            value_sql=hashed_id_sql(plain.value_sql, salt),
            checked_sql=plain.value_sql,
            finish=lambda held: hashed_id_sql(held, salt),
        )
    return TargetColumn(
        "respondent_id",
        "varchar",
        hashed_id_sql(plain_sql, salt),
        checks,
        checked_sql=plain_sql,
        finish=lambda held: hashed_id_sql(held, salt),
    )
