"""Plausibility suite for ``raw.sectors``: the sector list of the latest delivery.

Companies point at sectors by ``sector_code``; a code listed twice would give a
sector two names, and a sector without a name cannot be shown to a client.
"""

from __future__ import annotations

import great_expectations as gx

from expectations.params import QualityParams
from expectations.suites.spec import ERROR

SUITE_NAME = "raw_sectors"
SOURCE_TABLES = ("raw.sectors",)
KEY_COLUMNS = ("sector_code", "batch_id", "row_number")

SOURCE_SQL = """
select sector_code, batch_id, row_number, sector_name, nace_division
from raw.sectors
where batch_id = (select arg_max(batch_id, loaded_at) from raw.sectors)
"""


def build_suite(params: QualityParams) -> gx.ExpectationSuite:
    """One named row per sector code."""
    del params  # no thresholds: every rule here is definitional
    return gx.ExpectationSuite(
        name=SUITE_NAME,
        expectations=[
            gx.expectations.ExpectColumnValuesToNotBeNull(
                column="sector_code",
                meta=ERROR,
                notes="The code is what companies refer to; a row without it is unreachable.",
            ),
            gx.expectations.ExpectColumnValuesToBeUnique(
                column="sector_code",
                meta=ERROR,
                notes="One row per sector: a duplicate code gives a sector two names and "
                "duplicates every company joined to it.",
            ),
            gx.expectations.ExpectColumnValuesToNotBeNull(
                column="sector_name",
                meta=ERROR,
                notes="Sector averages and leaders are shown by name.",
            ),
        ],
        notes="The latest sector list: one named row per code.",
    )
