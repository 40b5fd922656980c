"""A warehouse of real survey files alone (no companies, sectors or most margins) builds.

Both real files load through their example mappings with the CLI, as a new user
would: ``ingest`` → ``build`` → ``check``. Neither has a companies file, so their
brands land in the unassigned sector with a warning; neither can be raked (ES
2005 gets margins here but the ECSI file has no age; DE 2017 has no margins), so
both samples build unweighted and say why. The files are GPL-3 data kept outside
the repository (../shared/data/real); the tests skip, saying why, when absent.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from tests.fixtures.real_warehouse import FILES, REAL

BRANDS = ["CR-PROVIDER-1", "CR-PROVIDER-2", "CR-PROVIDER-3", "CR-PROVIDER-4", "ECSI-BANK"]

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not all((REAL / f"{name}.csv").is_file() for name in FILES),
        reason=f"real data files are absent from {REAL} (kept outside the repo, GPL-3)",
    ),
]


def _query(db: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql).fetchall()


def test_build_warns_naming_every_brand_without_reference_data(
    real_warehouse: tuple[Path, dict[str, str]],
) -> None:
    _, outputs = real_warehouse
    build = outputs["build"]
    assert "WARN test assert_surveyed_companies_have_reference_data" in build
    assert all(f"company_id={brand}" in build for brand in BRANDS)
    assert "0 failed, 1 warned" in build


def test_brands_without_reference_data_are_visible_in_the_unassigned_sector(
    real_warehouse: tuple[Path, dict[str, str]],
) -> None:
    db, _ = real_warehouse
    companies = _query(
        db,
        "select company_id, company_name, sector_code, sector_name, country, has_reference_data"
        " from marts.dim_company order by company_id",
    )
    countries = {brand: "ES" if brand == "ECSI-BANK" else "DE" for brand in BRANDS}
    assert companies == [
        (brand, brand, "UNASSIGNED", "Unassigned", countries[brand], False) for brand in BRANDS
    ]
    assert _query(db, "select * from marts.dim_sector") == [
        ("UNASSIGNED", "Unassigned", None, len(BRANDS))
    ]


def test_unassigned_companies_are_never_sector_ranked_led_or_benchmarked(
    real_warehouse: tuple[Path, dict[str, str]],
) -> None:
    db, _ = real_warehouse
    scores = _query(
        db,
        "select count(*), count(rank_in_sector), count(*) filter (where is_sector_leader)"
        " from marts.fct_company_scores where sector_code = 'UNASSIGNED'",
    )
    assert scores == [(len(BRANDS), 0, 0)]
    levels = _query(
        db, "select distinct benchmark_level, sector_code from marts.fct_benchmark_scores"
    )
    assert levels == [("country", "*")]
    assert _query(db, "select count(*) from marts.fct_leader_gaps") == [(0,)]


def test_samples_that_cannot_be_raked_build_unweighted_and_say_why(
    real_warehouse: tuple[Path, dict[str, str]],
) -> None:
    db, _ = real_warehouse
    rows = _query(
        db,
        "select country, wave, weighting_method, weighting_note, n_unraked_evaluations,"
        " n_evaluations, design_effect from marts.fct_benchmark_scores order by country",
    )
    assert rows == [
        (
            "DE",
            2017,
            "unweighted",
            "weight 1 for every evaluation: no population margins for this country and wave",
            344,
            344,
            1.0,
        ),
        (
            "ES",
            2005,
            "unweighted",
            "weight 1 for every evaluation: age_band missing",
            250,
            250,
            1.0,
        ),
    ]
    weights = _query(db, "select distinct weight from intermediate.int_sample_cells_raked")
    assert weights == [(1.0,)]


def test_check_passes_on_the_real_warehouse(real_warehouse: tuple[Path, dict[str, str]]) -> None:
    _, outputs = real_warehouse
    assert "passed" in outputs["check"]
