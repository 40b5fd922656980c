"""Plausibility suite for ``raw.companies``: the company list the marts attach sectors from.

Each delivery of the list is a batch; the marts use the latest one, so the suite
judges the latest batch (a corrected list supersedes a wrong one rather than
adding to it). A company is joined to the survey by ``brand_id`` and to its
sector by ``sector_code``; both must be unambiguous for sector ranks to mean
anything.
"""

from __future__ import annotations

import great_expectations as gx

from expectations.params import QualityParams
from expectations.suites.spec import ERROR

SUITE_NAME = "raw_companies"
SOURCE_TABLES = ("raw.companies", "raw.sectors")
KEY_COLUMNS = ("brand_id", "batch_id", "row_number")
COUNTRY_CODE = r"^[A-Z]{2}$"

SOURCE_SQL = """
with

latest_companies as (
    select *
    from raw.companies
    where batch_id = (select arg_max(batch_id, loaded_at) from raw.companies)
),

latest_sectors as (
    select sector_code
    from raw.sectors
    where batch_id = (select arg_max(batch_id, loaded_at) from raw.sectors)
),

final as (
    select
        brand_id,
        batch_id,
        row_number,
        brand_name,
        sector_code,
        country,
        revenue,
        employees,
        sector_code in (select sector_code from latest_sectors) as is_sector_listed
    from latest_companies
)

select * from final
"""


def build_suite(params: QualityParams) -> gx.ExpectationSuite:
    """Keys, sectors and sizes of the latest company list."""
    del params  # no thresholds: every rule here is definitional
    return gx.ExpectationSuite(
        name=SUITE_NAME,
        expectations=[*_key_expectations(), *_sector_expectations(), *_size_expectations()],
        notes="The latest company list: one row per brand, a known sector, sizes ≥ 0.",
    )


def _key_expectations() -> list[gx.expectations.Expectation]:
    return [
        gx.expectations.ExpectColumnValuesToNotBeNull(
            column="brand_id",
            meta=ERROR,
            notes="brand_id links a company to its evaluations; without it the row is unusable.",
        ),
        gx.expectations.ExpectColumnValuesToBeUnique(
            column="brand_id",
            meta=ERROR,
            notes="One row per company in a list: a second row would give a brand two "
            "sectors or count its revenue twice in revenue-weighted sector averages.",
        ),
        gx.expectations.ExpectColumnValuesToMatchRegex(
            column="country",
            regex=COUNTRY_CODE,
            meta=ERROR,
            notes="A company belongs to one country, given as an ISO alpha-2 code.",
        ),
    ]


def _sector_expectations() -> list[gx.expectations.Expectation]:
    return [
        gx.expectations.ExpectColumnValuesToNotBeNull(
            column="sector_code",
            meta=ERROR,
            notes="Sector ranks, leaders and averages group companies by sector; a company "
            "without one silently drops out of all of them.",
        ),
        gx.expectations.ExpectColumnValuesToBeInSet(
            column="is_sector_listed",
            value_set=[True],
            meta=ERROR,
            notes="The sector must be in the latest sector list, or the company's sector "
            "has no name and no NACE division in the marts.",
        ),
    ]


def _size_expectations() -> list[gx.expectations.Expectation]:
    return [
        gx.expectations.ExpectColumnValuesToBeBetween(
            column=column,
            min_value=0,
            meta=ERROR,
            notes=f"{column} is a size; negative sizes make revenue-weighted averages meaningless.",
        )
        for column in ("revenue", "employees")
    ]
