"""Both real files load through their example mappings, and agree with hand calculations.

The files are GPL-3 data kept outside the repository (../shared/data/real); the
tests skip, saying why, when that folder is absent. Expected numbers are computed
here from the CSV with the standard library (no DuckDB), and the simplest ones
were also counted by hand with awk and are written out.
"""

from __future__ import annotations

import csv
from pathlib import Path
from statistics import mean

import duckdb
import pytest

from cxbench.ingestion.load import load_survey_file
from cxbench.ingestion.mapping_parse import load_mapping
from cxcore.settings import REPO_ROOT

REAL = REPO_ROOT.parent / "shared" / "data" / "real"
EXAMPLES = REPO_ROOT / "data" / "examples"

pytestmark = pytest.mark.skipif(
    not REAL.is_dir(), reason=f"real data folder {REAL} is absent (kept outside the repo, GPL-3)"
)


def _load(tmp_path: Path, name: str) -> tuple[Path, list[dict[str, str]], str]:
    source = REAL / f"{name}.csv"
    if not source.exists():
        pytest.skip(f"{source} is absent")
    db = tmp_path / "wh.duckdb"
    result = load_survey_file(
        db, source, load_mapping(EXAMPLES / f"{name}.mapping.yaml"), salt="real"
    )
    assert result.status == "loaded" and result.rows_rejected == 0
    delimiter = ";" if name == "corporate_reputation" else ","
    with source.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter=delimiter))
    assert result.rows_in == result.rows_loaded == len(rows)
    return db, rows, result.batch_id


def _query(db: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql).fetchall()


def _rescaled(value: float, low: float, high: float, to_low: float, to_high: float) -> float:
    return to_low + (value - low) * (to_high - to_low) / (high - low)


def test_corporate_reputation_brands_outcomes_and_missing_codes(tmp_path: Path) -> None:
    db, rows, _ = _load(tmp_path, "corporate_reputation")
    per_brand = _query(
        db,
        "select brand_id, count(*), count(nps), avg(nps), avg(loyalty), avg(csat), avg(int_2) "
        "from raw.survey_evaluations group by all order by 1",
    )
    # Counted by hand (awk): 130, 127, 44 and 43 respondents; cusl_1 = -99 three times.
    assert [(brand, n) for brand, n, *_ in per_brand] == [
        ("CR-PROVIDER-1", 130), ("CR-PROVIDER-2", 127), ("CR-PROVIDER-3", 44),
        ("CR-PROVIDER-4", 43),
    ]  # fmt: skip
    assert sum(n - answered for _, n, answered, *_ in per_brand) == 3
    for brand, _, answered, nps, loyalty, csat, int_2 in per_brand:
        mine = [row for row in rows if f"CR-PROVIDER-{row['serviceprovider']}" == brand]

        def expected(column: str, to: tuple[float, float], rows_: list = mine) -> float:
            values = [float(row[column]) for row in rows_ if row[column] != "-99"]
            return _rescaled(mean(values), 1, 7, *to)

        assert answered == sum(row["cusl_1"] != "-99" for row in mine)
        assert nps == pytest.approx(expected("cusl_1", (0, 10)))
        assert loyalty == pytest.approx(expected("cusl_3", (0, 10)))
        assert csat == pytest.approx(expected("cusa", (1, 5)))
        assert int_2 == pytest.approx(expected("qual_7", (1, 10)))
    # Provider 1 by hand: cusl_1 sums to 640 over 129 answers → (640/129 − 1) × 10/6.
    assert per_brand[0][3] == pytest.approx((640 / 129 - 1) * 10 / 6)


def test_corporate_reputation_unmapped_pillars_stay_null(tmp_path: Path) -> None:
    db, _, _ = _load(tmp_path, "corporate_reputation")
    counts = _query(
        db,
        "select count(per_1), count(exp_1), count(res_1), count(tim_1), count(int_3), "
        "count(emp_5), count(distinct respondent_id), min(country), min(wave) "
        "from raw.survey_evaluations",
    )
    assert counts == [(0, 0, 0, 0, 344, 344, 344, "DE", 2017)]


def test_ecsi_single_company_statistics_match_hand_calculation(tmp_path: Path) -> None:
    db, rows, _ = _load(tmp_path, "ecsi_satisfaction")
    stats = _query(
        db,
        "select count(*), avg(nps), avg(loyalty), avg(int_2), avg(exp_2), avg(csat), "
        "count(*) filter (where gender = 'female'), count(distinct brand_id) "
        "from raw.survey_evaluations",
    )[0]
    # By hand (awk): loy3 sums to 1700 and loy1 to 1786 over 250 rows; imag2 to 1951;
    # 148 women and 102 men.
    assert stats[0] == 250
    assert stats[1] == pytest.approx(1700 / 250)
    assert stats[2] == pytest.approx(1786 / 250)
    assert stats[3] == pytest.approx(1 + (1951 / 250) * 0.9)
    assert stats[4] == pytest.approx(_rescaled(mean(float(r["sat2"]) for r in rows), 0, 10, 1, 10))
    assert stats[5] == pytest.approx(_rescaled(mean(float(r["sat1"]) for r in rows), 0, 10, 1, 5))
    assert stats[6:] == (148, 1)


def test_row_number_ids_are_hashed_and_distinct_per_file(tmp_path: Path) -> None:
    db, _, _ = _load(tmp_path, "ecsi_satisfaction")
    ids = _query(db, "select min(length(respondent_id)), count(distinct respondent_id) "
                     "from raw.survey_evaluations")  # fmt: skip
    assert ids == [(64, 250)]
