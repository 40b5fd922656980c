"""Contracts of the industry files: companies, sectors, population margins.

These files come from the research team in a fixed shape (docs/data-contracts.md
§1), so their columns are named as in the raw tables and need no mapping.
Maturity self-assessments have their own contract (:mod:`cxbench.ingestion.maturity_contract`):
they are answered per manager and may come with a mapping, like a survey.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass

from cxbench.ingestion.contracts import (
    MIN_WAVE,
    Check,
    TargetColumn,
    country_column,
    integer_in_range,
    number_at_least,
    optional_text,
    plausible_year_sql,
    required_text,
    shown,
    text_of,
    wave_column,
    whole_year_sql,
)
from cxbench.ingestion.mapping import ColumnSource
from cxbench.ingestion.plan import GroupSum
from cxbench.ingestion.recoding import recoded_text
from cxcore.sql_text import quote_literal

#: NACE Rev. 2 divisions (two digits); gaps such as 04, 34, 40 are not divisions.
NACE_DIVISIONS = tuple(
    f"{division:02d}"
    for low, high in (
        (1, 3), (5, 33), (35, 39), (41, 43), (45, 47), (49, 53), (55, 56), (58, 66),
        (68, 75), (77, 82), (84, 88), (90, 99),
    )
    for division in range(low, high + 1)
)  # fmt: skip
MARGIN_DIMENSIONS = ("age_band", "gender", "region")
#: A company is one row of the company list per wave its attributes hold from
#: (docs/data-contracts.md §1, "Reference data that changes"): listed again for
#: the same ``valid_from_wave``, in another country or another file, it would make
#: two companies of one brand_id.
COMPANY_LISTED_ONCE = (
    "; a company is listed once per valid_from_wave, with the one country it is "
    "benchmarked in (its evaluations in other countries are scored there all the same); "
    "a list for a later wave says from which wave it holds in a valid_from_wave column"
)
SECTOR_LISTED_ONCE = (
    "; a sector is listed once per valid_from_wave: a list for a later wave says "
    "from which wave it holds in a valid_from_wave column"
)
#: The column that dates a delivery of companies or sectors: the first wave its
#: rows hold for (NULL, or the column absent: from the first wave on).
VALID_FROM = "valid_from_wave"


@dataclass(frozen=True)
class IndustryKind:
    """What one kind of industry file must contain and where it lands."""

    table: str
    required_columns: tuple[str, ...]
    key: tuple[str, ...]
    #: Target columns from the columns present and how the file writes decimals.
    columns: Callable[[set[str], str], list[TargetColumn]]
    #: Partition for duplicates against raw (``None``: only within the file).
    dedupe_partition: tuple[str, ...] | None = None
    group_sum: GroupSum | None = None
    duplicate_hint: str = ""
    #: Key columns that may be NULL (``valid_from_wave``), compared null-safe.
    nullable_key: tuple[str, ...] = ()


def _valid_from_wave(present: set[str]) -> TargetColumn:
    """The first wave a row holds for: a whole year, or NULL for "from the first wave".

    Checked as text (four digits, or a float's ``2024.0``) so that ``2024.6`` is
    rejected, not rounded.
    """
    if VALID_FROM not in present:
        return TargetColumn(VALID_FROM, "integer", "cast(null as integer)")
    text = text_of(VALID_FROM)
    # "2025.0" is how a float column (pandas, with an empty cell) writes 2025.
    year = whole_year_sql(text, "{4}")
    check = Check(
        VALID_FROM,
        f"{text} is not null and ({year} is null or not ({plausible_year_sql(year)}))",
        f"'{VALID_FROM}: ' || {shown(text)} || ' is not a plausible year (a whole year "
        f"{MIN_WAVE} … next year, or empty for the first wave)'",
    )
    return TargetColumn(
        VALID_FROM,
        "integer",
        year,
        (check,),
    )


def _company_id(name: str, required: bool = False) -> TargetColumn:
    """A brand id read as the survey files read theirs (:mod:`cxbench.ingestion.id_text`).

    A companies file typed or pasted by hand carries the same invisible
    characters and full-width letters as a survey export; unnormalised, the
    listed brand would never meet its evaluations.
    """
    return recoded_text(name, ColumnSource(column=name), required=required, is_id=True)


def _merged_into(present: set[str]) -> TargetColumn:
    """The company a brand is absorbed into from its ``valid_from_wave`` (NULL: none)."""
    if "merged_into" not in present:
        return optional_text("merged_into", None)
    merged = _company_id("merged_into")
    # the normalised ids (recoded_text's prepared aliases), as they will be stored
    target, brand = "_merged_into_normal", "_brand_id_normal"
    into_itself = Check(
        "merged_into",
        f"{target} = {brand}",
        f"'merged_into: ' || {shown(target)} || ' is the brand itself; name the company "
        "that absorbs it'",
    )
    undated = Check(
        "merged_into",
        f"{target} is not null and {text_of(VALID_FROM) if VALID_FROM in present else 'null'}"
        " is null",
        "'merged_into: ' || "
        f"{shown(target)} || ' needs valid_from_wave, the first wave the brand is part of it'",
    )
    return dataclasses.replace(merged, checks=(*merged.checks, into_itself, undated))


def _optional(name: str, present: set[str]) -> str | None:
    return name if name in present else None


def _company_columns(present: set[str], decimal: str = "auto") -> list[TargetColumn]:
    """``decimal``: how the file writes numbers (``effective_decimal``)."""
    return [
        _company_id("brand_id", required=True),
        required_text("brand_name", "brand_name"),
        optional_text("parent", _optional("parent", present)),
        required_text("sector_code", "sector_code"),
        country_column(text_of("country")),
        number_at_least("revenue", _optional("revenue", present), 0, decimal),
        integer_in_range(
            "employees", _optional("employees", present), 0, 10_000_000, decimal=decimal
        ),
        _valid_from_wave(present),
        _merged_into(present),
    ]


def _sector_columns(present: set[str], _decimal: str = "auto") -> list[TargetColumn]:
    nace = optional_text("nace_division", _optional("nace_division", present))
    if "nace_division" not in present:
        return [
            required_text("sector_code", "sector_code"),
            required_text("sector_name", "sector_name"),
            nace,
            _valid_from_wave(present),
        ]
    # "47.0" is how a float column (pandas, with an empty cell) writes division 47.
    division = f"regexp_replace({text_of('nace_division')}, '\\.0+$', '')"
    known = ", ".join(quote_literal(code) for code in NACE_DIVISIONS)
    # A one-digit division gets its leading zero; anything longer than two
    # characters (a class such as 47.11, or 100) is refused, never cut to two.
    padded = f"case when strlen({division}) <= 2 then lpad({division}, 2, '0') end"
    check = Check(
        "nace_division",
        f"{division} is not null and coalesce({padded} not in ({known}), true)",
        f"'nace_division: ''' || {division} || ''' is not a NACE Rev. 2 division (two "
        "digits, 01-99; a class such as 47.11 belongs to division 47)'",
    )
    return [
        required_text("sector_code", "sector_code"),
        required_text("sector_name", "sector_name"),
        TargetColumn("nace_division", "varchar", padded, (*nace.checks, check)),
        _valid_from_wave(present),
    ]


def _margin_columns(present: set[str], decimal: str = "auto") -> list[TargetColumn]:
    share = number_at_least("share", "share", 0, decimal)
    bounded = Check(
        "share",
        f"_share_number > 1 or {text_of('share')} is null",
        "'share: ' || coalesce(nullif(trim(share), ''), 'missing') || "
        "' is not a share between 0 and 1'",
    )
    dimension = required_text("dimension", "dimension")
    known = ", ".join(quote_literal(name) for name in MARGIN_DIMENSIONS)
    dimension_known = Check(
        "dimension",
        f"{dimension.value_sql} not in ({known})",
        f"'dimension: ''' || {dimension.value_sql} || ''' is not one of "
        f"{', '.join(MARGIN_DIMENSIONS)}'",
    )
    return [
        country_column(text_of("country")),
        wave_column(text_of("wave")),
        TargetColumn(
            "dimension", "varchar", dimension.value_sql, (*dimension.checks, dimension_known)
        ),
        required_text("category", "category"),
        TargetColumn("share", "double", share.value_sql, (*share.checks, bounded), share.prepared),
    ]


INDUSTRY_KINDS: dict[str, IndustryKind] = {
    "companies": IndustryKind(
        "companies",
        ("brand_id", "brand_name", "sector_code", "country"),
        ("brand_id", VALID_FROM),
        _company_columns,
        dedupe_partition=(),
        duplicate_hint=COMPANY_LISTED_ONCE,
        nullable_key=(VALID_FROM,),
    ),
    "sectors": IndustryKind(
        "sectors",
        ("sector_code", "sector_name"),
        ("sector_code", VALID_FROM),
        _sector_columns,
        dedupe_partition=(),
        duplicate_hint=SECTOR_LISTED_ONCE,
        nullable_key=(VALID_FROM,),
    ),
    "margins": IndustryKind(
        "population_margins",
        ("country", "wave", "dimension", "category", "share"),
        ("country", "wave", "dimension", "category"),
        _margin_columns,
        group_sum=GroupSum(("country", "wave", "dimension"), "share"),
    ),
}
