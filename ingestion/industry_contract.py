"""Contracts of the industry files: companies, sectors and population margins.

These files come from the research team in a fixed shape (docs/data-contracts.md
§1), so their columns are named as in the raw tables and need no mapping.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ingestion.contracts import (
    Check,
    TargetColumn,
    country_column,
    integer_in_range,
    number_at_least,
    optional_text,
    required_text,
    text_of,
    wave_column,
)


@dataclass(frozen=True)
class IndustryKind:
    """What one kind of industry file must contain and where it lands."""

    table: str
    required_columns: tuple[str, ...]
    key: tuple[str, ...]
    columns: Callable[[set[str]], list[TargetColumn]]


def _optional(name: str, present: set[str]) -> str | None:
    return name if name in present else None


def _company_columns(present: set[str]) -> list[TargetColumn]:
    return [
        required_text("brand_id", "brand_id"),
        required_text("brand_name", "brand_name"),
        optional_text("parent", _optional("parent", present)),
        required_text("sector_code", "sector_code"),
        country_column(text_of("country")),
        number_at_least("revenue", _optional("revenue", present), 0),
        integer_in_range("employees", _optional("employees", present), 0, 10_000_000),
    ]


def _sector_columns(present: set[str]) -> list[TargetColumn]:
    return [
        required_text("sector_code", "sector_code"),
        required_text("sector_name", "sector_name"),
        optional_text("nace_division", _optional("nace_division", present)),
    ]


def _margin_columns(present: set[str]) -> list[TargetColumn]:
    share = number_at_least("share", "share", 0)
    bounded = Check(
        "share",
        f"{share.value_sql} > 1 or {share.value_sql} is null",
        "'share: ' || coalesce(trim(share), 'missing') || ' is not a share between 0 and 1'",
    )
    return [
        country_column(text_of("country")),
        wave_column(text_of("wave")),
        required_text("dimension", "dimension"),
        required_text("category", "category"),
        TargetColumn("share", "double", share.value_sql, (*share.checks, bounded)),
    ]


INDUSTRY_KINDS: dict[str, IndustryKind] = {
    "companies": IndustryKind(
        "companies",
        ("brand_id", "brand_name", "sector_code", "country"),
        ("brand_id",),
        _company_columns,
    ),
    "sectors": IndustryKind(
        "sectors", ("sector_code", "sector_name"), ("sector_code",), _sector_columns
    ),
    "margins": IndustryKind(
        "population_margins",
        ("country", "wave", "dimension", "category", "share"),
        ("country", "wave", "dimension", "category"),
        _margin_columns,
    ),
}
