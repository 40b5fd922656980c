"""A yearly refresh with an updated company list (issue 15): each wave keeps its attributes.

The history warehouse (2019 and 2020 refreshed and published, conftest.py) gets
wave 2021 together with ``companies_2021.csv``: the whole list again, valid from
2021, with one company's revenue tripled, one renamed, one moved to another
sector and one brand merged into another company of its sector. After the
refresh and the publication of 2021, 2019 and 2020 keep the old sector, name and
revenue and 2021 has the new ones.
"""

from __future__ import annotations

import csv
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.fixtures.history import History, cxbench, query

pytestmark = pytest.mark.slow

NEW_WAVE = 2021
#: The generated world's country with the most ranked companies at this size.
COUNTRY = "DE"


@dataclass(frozen=True)
class Changes:
    """Which companies the second list changes (all benchmarked in COUNTRY)."""

    richer: str
    renamed: str
    moved: str
    absorber: str
    merged: str
    old_sector: str
    new_sector: str
    new_name: str


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _pick(history: History, companies: list[dict[str, str]]) -> Changes:
    """Four companies ranked in 2019 and 2020 and active in 2021, and a brand to merge.

    The merged brand is another company of the absorber's sector evaluated in
    2021 (any other company evaluated in 2021 if the sector has none).
    """
    ranked = [
        company_id
        for (company_id,) in query(
            history.db_path,
            "select company_id from marts.fct_company_scores where country = ? "
            "and rank_in_country is not null group by all having count(*) = 2 order by all",
            [COUNTRY],
        )
    ]
    active = {
        row["brand_id"]
        for row in _read_csv(history.world_dir / "truth" / "company_waves.csv")
        if row["wave"] == str(NEW_WAVE) and row["is_active"] == "true"
    }
    listed = {row["brand_id"]: row for row in companies if row["country"] == COUNTRY}
    richer, renamed, moved, absorber = [company for company in ranked if company in active][:4]
    others = sorted(set(listed) & active - {richer, renamed, moved, absorber})
    same_sector = [
        company
        for company in others
        if listed[company]["sector_code"] == listed[absorber]["sector_code"]
    ]
    merged = (same_sector or others)[0]
    old_sector = listed[moved]["sector_code"]
    new_sector = sorted({row["sector_code"] for row in companies} - {old_sector})[0]
    return Changes(
        richer, renamed, moved, absorber, merged, old_sector, new_sector, "Renamed Brand GmbH"
    )


def _second_list(companies: list[dict[str, str]], changes: Changes) -> list[dict[str, str]]:
    """The whole list again, valid from 2021, with the four changes."""
    rows = []
    for row in companies:
        new = {**row, "valid_from_wave": str(NEW_WAVE), "merged_into": ""}
        if row["brand_id"] == changes.richer:
            new["revenue"] = str(round(float(row["revenue"]) * 3, 1))
        if row["brand_id"] == changes.renamed:
            new["brand_name"] = changes.new_name
        if row["brand_id"] == changes.moved:
            new["sector_code"] = changes.new_sector
        if row["brand_id"] == changes.merged:
            new["merged_into"] = changes.absorber
        rows.append(new)
    return rows


def _refresh_input(history: History, folder: Path, rows: list[dict[str, str]]) -> Path:
    """The world's files plus ``industry/companies_2021.csv`` (surveys linked, not copied)."""
    shutil.copytree(history.world_dir / "industry", folder / "industry")
    (folder / "survey").symlink_to(history.world_dir / "survey", target_is_directory=True)
    with (folder / "industry" / f"companies_{NEW_WAVE}.csv").open("w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return folder


def _scores(db_path: Path, company_id: str) -> dict[int, tuple]:
    rows = query(
        db_path,
        "select wave, sector_code, n_evaluations, round(cx_index_change, 9), is_mover_comparable "
        "from marts.fct_company_scores where company_id = ? and country = ? "
        "and study_id = 'cxbench'",
        [company_id, COUNTRY],
    )
    return {row[0]: row[1:] for row in rows}


def _revenue_weighted(db_path: Path, wave: int) -> tuple[float, float]:
    """The country's revenue-weighted CX index, and the same from the wave's revenues."""
    mart = query(
        db_path,
        "select revenue_weighted_cx_index from marts.fct_benchmark_scores "
        "where benchmark_level = 'country' and country = ? and wave = ? "
        "and study_id = 'cxbench'",
        [COUNTRY, wave],
    )[0][0]
    recomputed = query(
        db_path,
        "select sum(history.revenue * scores.cx_index) / sum(history.revenue) "
        "from marts.fct_company_scores as scores "
        "inner join marts.dim_company_history as history "
        "on scores.company_id = history.company_id "
        "and coalesce(history.valid_from_wave <= scores.wave, true) "
        "and coalesce(scores.wave < history.valid_to_wave, true) "
        "where scores.country = ? and scores.wave = ? and scores.study_id = 'cxbench' "
        "and scores.rank_in_country is not null and history.revenue > 0",
        [COUNTRY, wave],
    )[0][0]
    return mart, recomputed


def test_a_yearly_company_list_changes_the_new_wave_and_keeps_the_old_ones(
    copied: History, tmp_path: Path
) -> None:
    companies = _read_csv(copied.world_dir / "industry" / "companies.csv")
    changes = _pick(copied, companies)
    folder = _refresh_input(copied, tmp_path / "input", _second_list(companies, changes))
    before = {
        company_id: _scores(copied.db_path, company_id)
        for company_id in (changes.moved, changes.absorber)
    }
    benchmark_2020 = _revenue_weighted(copied.db_path, 2020)

    cxbench(copied.env, "refresh", "--wave", str(NEW_WAVE), "--input", str(folder))
    published = cxbench(copied.env, "publish", "--wave", str(NEW_WAVE))
    assert "published" in published.stdout
    db = copied.db_path

    # every delivery stays in raw; the old list still holds for 2019 and 2020
    assert query(
        db, "select valid_from_wave, count(*) from raw.companies group by all order by 1"
    ) == [(NEW_WAVE, len(companies)), (None, len(companies))]

    # sector move: the old waves rank the company in its old sector, the new wave in the new
    moved = _scores(db, changes.moved)
    assert {wave: row[0] for wave, row in moved.items()} == {
        2019: changes.old_sector, 2020: changes.old_sector, NEW_WAVE: changes.new_sector,
    }  # fmt: skip
    assert {wave: moved[wave] for wave in (2019, 2020)} == before[changes.moved]

    # merger: the brand has no 2021 row, its 2021 evaluations count as the absorber's,
    # and the absorber's 2021 is not compared with its 2020 (another company then)
    merged = _scores(db, changes.merged)
    assert set(merged) == {2019, 2020}
    n_brand_evaluations = query(
        db,
        "select count(*) filter (where brand_id = ?), count(*) from raw.survey_evaluations "
        "where wave = ? and country = ? and brand_id in (?, ?)",
        [changes.merged, NEW_WAVE, COUNTRY, changes.merged, changes.absorber],
    )[0]
    assert n_brand_evaluations[0] > 0
    absorber = _scores(db, changes.absorber)
    assert absorber[NEW_WAVE][1] == n_brand_evaluations[1]
    assert absorber[NEW_WAVE][2:] == (None, False)
    assert {wave: absorber[wave] for wave in (2019, 2020)} == before[changes.absorber]

    # revenue: each wave's revenue-weighted benchmark uses that wave's revenue
    assert _revenue_weighted(db, 2020) == pytest.approx(benchmark_2020)
    mart_2021, recomputed_2021 = _revenue_weighted(db, NEW_WAVE)
    assert mart_2021 == pytest.approx(recomputed_2021, rel=1e-9)
    revenues = query(
        db,
        "select valid_from_wave, revenue from marts.dim_company_history "
        "where company_id = ? order by valid_from_wave nulls first",
        [changes.richer],
    )
    assert [wave for wave, _ in revenues] == [None, NEW_WAVE]
    assert revenues[1][1] == pytest.approx(3 * revenues[0][1], abs=0.06)

    # rename: the dimension shows the current name, its history both, and each wave's
    # publication the name of its wave; 2020 republished is unchanged
    old_name = next(row["brand_name"] for row in companies if row["brand_id"] == changes.renamed)
    assert query(
        db, "select company_name from marts.dim_company where company_id = ?", [changes.renamed]
    ) == [(changes.new_name,)]
    assert query(
        db,
        "select valid_from_wave, valid_to_wave, is_current, company_name "
        "from marts.dim_company_history where company_id = ? order by valid_from_wave nulls first",
        [changes.renamed],
    ) == [(None, NEW_WAVE, False, old_name), (NEW_WAVE, None, True, changes.new_name)]
    names = dict(
        query(
            db,
            "select wave, company_name from published.rankings "
            "where company_id = ? and country = ?",
            [changes.renamed, COUNTRY],
        )
    )
    assert names == {2019: old_name, 2020: old_name, NEW_WAVE: changes.new_name}
    assert "nothing to publish" in cxbench(copied.env, "publish", "--wave", "2020").stdout

    # published movers never compare the absorber with the company it was before
    published_absorber = query(
        db,
        "select cx_index_change, previous_rank_in_country from published.rankings "
        "where company_id = ? and country = ? and wave = ?",
        [changes.absorber, COUNTRY, NEW_WAVE],
    )
    assert published_absorber == [(None, None)]
    assert query(
        db,
        "select count(*) from published.rankings where company_id = ? and wave = ?",
        [changes.merged, NEW_WAVE],
    ) == [(0,)]
