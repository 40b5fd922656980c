"""fct_pillar_comparisons and fct_leader_gaps against an independent recomputation.

From the company marts alone (pillar means and standard errors, eligibility,
CX index, sector leaders) pandas rebuilds each average's member set and
weights (plain mean of the eligible, ranked companies: w_j = 1/k), and the
variance of company − comparator as the quadratic form Σ_j a_j² se_j² of the
difference's coefficient vector a (a_c = 1 − w_c when the company is a member,
a_j = −w_j for the others) — not the SQL's shortcut from the published
standard error. Differences, standard errors and directions must agree to
1e-9; the member set must reproduce the published averages. Then the rules a
client acts on: only a significant shortfall is a priority, and the demo's
companies that are significantly ahead of their leader come out 'ahead'.
"""

from __future__ import annotations

from pathlib import Path
from statistics import NormalDist

import numpy as np
import pandas as pd
import pytest

from tests.conftest import DemoWarehouse
from tests.fixtures.dbt_warehouse import DBT_VARS, read_sql

pytestmark = pytest.mark.slow

Z_CRITICAL = NormalDist().inv_cdf(0.5 + DBT_VARS["confidence_level"] / 2)
TOLERANCE = 1e-9
KEYS = ["study_id", "company_id", "country", "wave", "pillar_id", "comparator"]

PILLARS_SQL = """
select
    pillars.study_id, pillars.company_id, pillars.country, pillars.wave, pillars.pillar_id,
    pillars.mean_score, pillars.std_error, scores.sector_code, scores.is_eligible,
    scores.cx_index, scores.is_sector_leader
from marts.fct_company_pillar_scores as pillars
inner join marts.fct_company_scores as scores
    using (study_id, company_id, country, wave)
"""


def direction(z: float) -> str:
    if np.isnan(z) or abs(z) <= Z_CRITICAL:
        return "level"
    return "behind" if z < 0 else "ahead"


def against_averages(pillars: pd.DataFrame, published: pd.DataFrame) -> pd.DataFrame:
    """Each company against its sector and national plain average, from the member set."""
    rows = []
    scored = pillars["cx_index"].notna() & pillars["mean_score"].notna()
    members_of = pillars["is_eligible"] & scored
    for level, extra in (("sector", ["sector_code"]), ("country", [])):
        cell_keys = ["study_id", "country", "wave", "pillar_id", *extra]
        for keys, cell in pillars.groupby(cell_keys):
            members = cell[members_of.loc[cell.index]]
            shown = published[
                (published["benchmark_level"] == level)
                & (published["study_id"] == keys[0])
                & (published["country"] == keys[1])
                & (published["wave"] == keys[2])
                & (published["pillar_id"] == keys[3])
                & (published["sector_code"] == (keys[4] if extra else "*"))
            ]
            average = shown["avg_score"].iloc[0] if len(shown) else np.nan
            if not np.isnan(average):
                assert abs(members["mean_score"].mean() - average) < TOLERANCE, keys
            weight = pd.Series(1 / max(len(members), 1), index=members["company_id"])
            se = cell.set_index("company_id")["std_error"]
            for company in cell.itertuples():
                if np.isnan(average):
                    difference, variance = np.nan, np.nan
                elif np.isnan(company.std_error):  # one evaluation: no error, no test
                    difference, variance = company.mean_score - average, np.nan
                else:
                    coefficients = -weight.reindex(se.index, fill_value=0.0)
                    coefficients[company.company_id] += 1.0
                    difference = company.mean_score - average
                    variance = float((coefficients**2 * se**2).sum())
                rows.append((company.study_id, company.company_id, company.country,
                             company.wave, company.pillar_id, level, difference,
                             np.sqrt(variance)))  # fmt: skip
    return pd.DataFrame(rows, columns=[*KEYS, "difference", "difference_std_error"])


def against_leaders(pillars: pd.DataFrame) -> pd.DataFrame:
    """Each company against its sector leader (ties: the lowest company_id)."""
    leaders = (
        pillars[pillars["is_sector_leader"]]
        .sort_values("company_id")
        .drop_duplicates(["study_id", "country", "wave", "sector_code", "pillar_id"])
    )
    cell = ["study_id", "country", "wave", "sector_code", "pillar_id"]
    merged = pillars.merge(
        leaders[[*cell, "company_id", "mean_score", "std_error"]],
        on=cell,
        suffixes=("", "_leader"),
    )
    is_self = merged["company_id"] == merged["company_id_leader"]
    merged["difference"] = (merged["mean_score"] - merged["mean_score_leader"]).where(~is_self, 0.0)
    merged["difference_std_error"] = np.sqrt(
        merged["std_error"] ** 2 + merged["std_error_leader"] ** 2
    ).where(~is_self, 0.0)
    merged["comparator"] = "leader"
    return merged[[*KEYS, "difference", "difference_std_error"]]


def recompute(db_path: Path) -> pd.DataFrame:
    pillars = read_sql(db_path, PILLARS_SQL)
    published = read_sql(db_path, "select * from marts.fct_benchmark_pillar_scores")
    expected = pd.concat([against_averages(pillars, published), against_leaders(pillars)])
    z = expected["difference"] / expected["difference_std_error"].where(
        expected["difference_std_error"] > 0
    )
    expected["direction"] = [
        None if np.isnan(d) else direction(value)
        for d, value in zip(expected["difference"], z.fillna(np.nan), strict=True)
    ]
    return expected


@pytest.fixture(scope="module")
def comparisons(demo_warehouse: DemoWarehouse) -> pd.DataFrame:
    actual = read_sql(demo_warehouse.db_path, "select * from marts.fct_pillar_comparisons")
    expected = recompute(demo_warehouse.db_path)
    return actual.merge(expected, on=KEYS, how="outer", suffixes=("", "_expected"),
                        validate="1:1", indicator=True)  # fmt: skip


def test_every_company_pillar_and_comparator_is_there_once(comparisons: pd.DataFrame) -> None:
    assert (comparisons["_merge"] == "both").all()
    assert set(comparisons["comparator"]) == {"leader", "sector", "country"}


def test_differences_and_standard_errors_equal_the_recomputation(
    comparisons: pd.DataFrame,
) -> None:
    for column in ("difference", "difference_std_error"):
        actual, expected = comparisons[column], comparisons[f"{column}_expected"]
        assert (actual.isna() == expected.isna()).all(), column
        assert (actual - expected).abs().max() < TOLERANCE, column
    # the company inside its average: less variance than two independent samples
    shown = comparisons["direction"].notna()
    members = comparisons[(comparisons["comparator"] == "sector") & shown]
    independent = np.sqrt(members["std_error"] ** 2 + members["comparator_std_error"] ** 2)
    assert (members["difference_std_error"] < independent).mean() > 0.5


def test_directions_equal_the_recomputation(comparisons: pd.DataFrame) -> None:
    actual = comparisons["direction"].fillna("none")
    expected = comparisons["direction_expected"].fillna("none")
    assert (actual == expected).all()
    assert {"behind", "level", "ahead"} <= set(comparisons["direction"].dropna())
    suppressed = comparisons["comparator_mean_score"].isna()
    assert comparisons.loc[suppressed, "direction"].isna().all()
    leader_self = (comparisons["comparator"] == "leader") & (
        comparisons["comparator_company_id"] == comparisons["company_id"]
    )
    assert (comparisons.loc[leader_self, "direction"] == "level").all()


def test_only_significant_shortfalls_are_priorities(demo_warehouse: DemoWarehouse) -> None:
    gaps = read_sql(demo_warehouse.db_path, "select * from marts.fct_leader_gaps")
    not_behind = gaps[gaps["direction"] != "behind"]
    assert not_behind["priority"].isna().all() and not_behind["priority_rank"].isna().all()
    behind = gaps[gaps["direction"] == "behind"]
    assert (behind["gap_to_leader"] / behind["gap_std_error"] > Z_CRITICAL).all()
    assert (behind["priority"] > 0).all()
    # companies significantly ahead of their leader are never told to close a gap
    ahead = gaps[(gaps["gap_to_leader"] / gaps["gap_std_error"]) < -Z_CRITICAL]
    assert len(ahead) > 0 and (ahead["direction"] == "ahead").all()
    assert ahead["priority"].isna().all()
    # the priority interval brackets the priority, from the delta method
    se = np.sqrt(
        behind["importance"] ** 2 * behind["gap_std_error"] ** 2
        + behind["gap_to_leader"] ** 2 * behind["importance_std_error"] ** 2
    )
    high = behind["priority"] + Z_CRITICAL * se
    assert (behind["priority_ci_high"] - high).abs().max() < TOLERANCE
    low = (behind["priority"] - Z_CRITICAL * se).clip(lower=0)
    assert (behind["priority_ci_low"] - low).abs().max() < TOLERANCE


def test_leader_gaps_and_leader_comparisons_agree(
    demo_warehouse: DemoWarehouse, comparisons: pd.DataFrame
) -> None:
    gaps = read_sql(demo_warehouse.db_path, "select * from marts.fct_leader_gaps")
    leader = comparisons[comparisons["comparator"] == "leader"]
    merged = gaps.merge(leader, on=KEYS[:5], suffixes=("", "_comparison"), validate="1:1")
    assert len(merged) == len(gaps) == len(leader)
    assert (merged["direction"] == merged["direction_comparison"]).all()
    assert (merged["gap_to_leader"] + merged["difference"]).abs().max() < TOLERANCE


def test_importance_intervals_hold_their_estimates(demo_warehouse: DemoWarehouse) -> None:
    importance = read_sql(demo_warehouse.db_path, "select * from marts.fct_pillar_importance")
    estimated = importance[importance["importance"].notna()]
    assert estimated["importance_std_error"].notna().all()
    assert (estimated["importance_std_error"] > 0).all()
    assert (estimated["importance_ci_low"] <= estimated["importance"]).all()
    assert (estimated["importance"] <= estimated["importance_ci_high"]).all()
    assert (estimated["replicate_groups"] >= 2).all()
    assert (estimated["methodology_version"] == DBT_VARS["methodology_version"]).all()
