"""Intervals, year-on-year changes and rank ranges of the company marts, recomputed in numpy.

The recomputation reads the evaluation rows with their final weights
(``intermediate.int_evaluations_weighted``, a view no mart reads) and shares nothing
with the models but the methodology: two-pass weighted means and variances, numpy's
weighted covariance for the pillar correlations, the CX index variance as a quadratic
form a' Σ a, pandas for the pairwise rank comparisons. Checked on the hand-made raw
fixture (one wave) and on the same fixture with a second wave (2025) in which one
company got better everywhere, one answered exactly as before and one moved a little.
"""

from __future__ import annotations

from pathlib import Path
from statistics import NormalDist

import duckdb
import numpy as np
import pandas as pd
import pytest

from cxcore.catalogue import pillars, statement_ids
from tests.fixtures.dbt_warehouse import DBT_VARS, PRODUCTION_BUILD, read_sql, run_dbt
from tests.fixtures.make_raw_fixture import create_raw_fixture

pytestmark = pytest.mark.slow

Z_CRITICAL = NormalDist().inv_cdf(0.5 + DBT_VARS["confidence_level"] / 2)
TOLERANCE = 1e-9
PILLAR_IDS = [pillar.pillar_id for pillar in pillars()]
COMPANY_KEYS = ["company_id", "country", "wave"]
#: Second-wave answers: every statement of a company shifted by this much (capped at 10).
SHIFTS = {"nl_retail_alpha": 1.5, "nl_bank_delta": 0.1, "nl_retail_bravo": 0.0}


def _second_wave(db_path: Path) -> None:
    """Copy the 2024 evaluations and margins into 2025, shifting the answers of SHIFTS."""
    shifted = ", ".join(
        f"case when {column} is null then null else least({column} + coalesce("
        f"shifts.shift, 0), 10) end as {column}"
        for column in statement_ids()
    )
    values = ", ".join(f"('{company}', {shift})" for company, shift in SHIFTS.items())
    with duckdb.connect(str(db_path)) as connection:
        connection.execute(
            f"""
            insert into raw.survey_evaluations by name
            select survey_evaluations.* replace (
                2025 as wave, respondent_id || '-2025' as respondent_id, {shifted}
            )
            from raw.survey_evaluations
            left join (values {values}) as shifts (company, shift)
                on survey_evaluations.brand_id = shifts.company
            where wave = 2024
            """
        )
        connection.execute(
            "insert into raw.population_margins by name "
            "select * replace (2025 as wave) from raw.population_margins where wave = 2024"
        )


@pytest.fixture(scope="module")
def two_waves(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The raw fixture with its 2025 copy, built."""
    root = tmp_path_factory.mktemp("two-waves")
    db_path = root / "cxbench.duckdb"
    create_raw_fixture(db_path)
    _second_wave(db_path)
    run_dbt(root, db_path, *PRODUCTION_BUILD)
    return db_path


def _evaluations(db_path: Path) -> pd.DataFrame:
    return read_sql(db_path, "select * from intermediate.int_evaluations_weighted")


def _weighted_mean_and_error(x: np.ndarray, w: np.ndarray) -> tuple[float, float]:
    """Weighted mean and its standard error s / sqrt(n_eff), two-pass."""
    mean = float(np.sum(w * x) / np.sum(w))
    n_eff = np.sum(w) ** 2 / np.sum(w**2)
    variance = np.sum(w * (x - mean) ** 2) / np.sum(w) * n_eff / (n_eff - 1)
    return mean, float(np.sqrt(variance / n_eff))


def expected_pillars(evaluations: pd.DataFrame) -> pd.DataFrame:
    rows = []
    for keys, group in evaluations.groupby(COMPANY_KEYS):
        for pillar_id in PILLAR_IDS:
            scored = group.dropna(subset=[f"{pillar_id}_score"])
            x, w = scored[f"{pillar_id}_score"].to_numpy(), scored["weight"].to_numpy()
            rows.append((*keys, pillar_id, *_weighted_mean_and_error(x, w)))
    return pd.DataFrame(rows, columns=[*COMPANY_KEYS, "pillar_id", "mean_score", "std_error"])


def expected_index_errors(db_path: Path) -> pd.DataFrame:
    """se(CX index) = (10/9) sqrt(a' R∘(s s') a): pillar errors s, complete-case correlations R."""
    evaluations = _evaluations(db_path)
    pillar_errors = expected_pillars(evaluations).set_index([*COMPANY_KEYS, "pillar_id"])
    weights = read_sql(db_path, "select * from intermediate.int_pillar_weights_chosen")
    weights = weights.set_index(["country", "wave", "pillar_id"])["cee_weight"]
    scores = [f"{pillar_id}_score" for pillar_id in PILLAR_IDS]
    rows = []
    for (company_id, country, wave), group in evaluations.groupby(COMPANY_KEYS):
        complete = group.dropna(subset=[*scores, "nps", "loyalty"])
        covariance = np.cov(complete[scores].to_numpy(), rowvar=False, aweights=complete["weight"])
        scale = np.sqrt(np.diag(covariance))
        correlation = covariance / np.outer(scale, scale)
        errors = np.array(
            [pillar_errors.loc[(company_id, country, wave, p), "std_error"] for p in PILLAR_IDS]
        )
        a = np.array([weights.loc[(country, wave, p)] for p in PILLAR_IDS]) * 10 / 9
        correlated = float(np.sqrt(a @ (correlation * np.outer(errors, errors)) @ a))
        independent = float(np.sqrt(np.sum((a * errors) ** 2)))
        rows.append((company_id, country, wave, correlated, independent))
    columns = [*COMPANY_KEYS, "cx_index_std_error", "independent_std_error"]
    return pd.DataFrame(rows, columns=columns)


def expected_rank_ranges(scores: pd.DataFrame, partition: list[str]) -> pd.DataFrame:
    """best = 1 + significantly ahead, worst = n − significantly behind, pair by pair."""
    ranges = {}
    for _, group in scores.groupby(partition):
        for company in group.itertuples():
            others = group[group["company_id"] != company.company_id]
            errors = np.sqrt(company.cx_index_std_error**2 + others["cx_index_std_error"] ** 2)
            bound = Z_CRITICAL * errors
            ahead = int(((others["cx_index"] - company.cx_index) > bound).sum())
            behind = int(((company.cx_index - others["cx_index"]) > bound).sum())
            ranges[company.company_id, company.wave] = (1 + ahead, len(group) - behind)
    return pd.DataFrame.from_dict(ranges, orient="index", columns=["best", "worst"])


# --- tests ---------------------------------------------------------------------------------


@pytest.mark.parametrize("fixture", ["dbt_warehouse", "two_waves"])
def test_cx_index_error_counts_the_pillars_correlation(
    fixture: str, request: pytest.FixtureRequest
) -> None:
    db_path: Path = request.getfixturevalue(fixture)
    expected = expected_index_errors(db_path).set_index(COMPANY_KEYS)
    actual = read_sql(db_path, "select * from marts.fct_company_scores").set_index(COMPANY_KEYS)
    expected = expected.reindex(actual.index)
    difference = (actual["cx_index_std_error"] - expected["cx_index_std_error"]).abs()
    assert difference.max() < TOLERANCE
    # the pillars correlate strongly within respondents: ignoring it would understate the error
    ratio = actual["cx_index_std_error"] / expected["independent_std_error"]
    assert (ratio > 1.5).all(), ratio.tolist()
    low = actual["cx_index"] - Z_CRITICAL * actual["cx_index_std_error"]
    high = actual["cx_index"] + Z_CRITICAL * actual["cx_index_std_error"]
    assert (actual["cx_index_ci_low"] - low.clip(lower=0)).abs().max() < TOLERANCE
    assert (actual["cx_index_ci_high"] - high.clip(upper=10)).abs().max() < TOLERANCE


def test_rank_ranges_equal_pairwise_z_tests(two_waves: Path) -> None:
    scores = read_sql(
        two_waves, "select * from marts.fct_company_scores where rank_in_country is not null"
    )
    expected = expected_rank_ranges(scores, ["country", "wave"])
    actual = scores.set_index(["company_id", "wave"])
    actual.index = actual.index.to_flat_index()
    expected = expected.reindex(actual.index)
    assert actual["rank_in_country_best"].tolist() == expected["best"].tolist()
    assert actual["rank_in_country_worst"].tolist() == expected["worst"].tolist()
    in_sector = expected_rank_ranges(scores, ["country", "wave", "sector_code"]).reindex(
        actual.index
    )
    assert actual["rank_in_sector_best"].tolist() == in_sector["best"].tolist()
    assert actual["rank_in_sector_worst"].tolist() == in_sector["worst"].tolist()
    assert (actual["rank_in_country_best"] <= actual["rank_in_country"]).all()
    assert (actual["rank_in_country"] <= actual["rank_in_country_worst"]).all()


def test_pillar_changes_and_their_significance(two_waves: Path) -> None:
    pillars_now = expected_pillars(_evaluations(two_waves))
    keys = ["company_id", "country", "pillar_id"]
    before = pillars_now[pillars_now["wave"] == 2024].set_index(keys)
    after = pillars_now[pillars_now["wave"] == 2025].set_index(keys)
    change = (after["mean_score"] - before["mean_score"]).rename("change")
    error = np.sqrt(after["std_error"] ** 2 + before["std_error"] ** 2).rename("error")
    expected = pd.concat([change, error], axis=1)
    expected["significant"] = expected["change"].abs() > Z_CRITICAL * expected["error"]

    actual = (
        read_sql(two_waves, "select * from marts.fct_company_pillar_scores where wave = 2025")
        .set_index(keys)
        .sort_index()
    )
    comparable = actual[actual["previous_wave"].notna()]
    # corner (99 evaluations) is never ranked: no comparable move, so no change
    assert set(comparable.index.get_level_values("company_id")) == set(SHIFTS)
    assert actual.loc["nl_retail_corner", "mean_score_change"].isna().all()
    merged = comparable.join(expected, how="left")
    assert (merged["mean_score_change"] - merged["change"]).abs().max() < TOLERANCE
    assert (merged["change_std_error"] - merged["error"]).abs().max() < TOLERANCE
    assert (merged["is_change_significant"] == merged["significant"]).all()
    significant = merged.groupby("company_id")["is_change_significant"].sum()
    assert significant["nl_retail_alpha"] == 6  # shifted 1.5 up everywhere
    assert significant["nl_retail_bravo"] == 0  # the same answers again
    assert significant["nl_bank_delta"] == 0  # 0.1: within the noise


def test_company_changes_follow_the_movers_rule(two_waves: Path) -> None:
    scores = read_sql(
        two_waves, "select * from marts.fct_company_scores where wave = 2025"
    ).set_index("company_id")
    alpha, bravo = scores.loc["nl_retail_alpha"], scores.loc["nl_retail_bravo"]
    assert alpha["is_cx_index_change_significant"] and not bravo["is_cx_index_change_significant"]
    # bravo's answers are the same; only the driver weights, re-estimated, moved a little
    assert abs(bravo["cx_index_change"]) < 0.01
    for measure, previous, change in (
        ("nps_score", "previous_nps_score", "nps_change"),
        ("csat_top2_box_pct", "previous_csat_top2_box_pct", "csat_change"),
        ("ces_top3_box_pct", "previous_ces_top3_box_pct", "ces_change"),
    ):
        moved = scores[scores["is_mover_comparable"]]
        assert (moved[measure] - moved[previous] - moved[change]).abs().max() < TOLERANCE
        assert scores.loc[~scores["is_mover_comparable"], change].isna().all()
    assert not bravo["is_nps_change_significant"]
    assert (scores["csat_ci_low"] <= scores["csat_top2_box_pct"]).all()
    assert (scores["csat_top2_box_pct"] <= scores["csat_ci_high"]).all()
    assert alpha["previous_rank_in_sector"] is not None


def test_csat_and_ces_intervals_are_adjusted_wald_on_the_effective_n(
    dbt_warehouse: Path,
) -> None:
    evaluations = _evaluations(dbt_warehouse)
    actual = read_sql(dbt_warehouse, "select * from marts.fct_company_scores")
    actual = actual.set_index("company_id")
    for outcome, top_box, column, prefix in (
        ("csat", 4, "csat_top2_box_pct", "csat"),
        ("ces", 5, "ces_top3_box_pct", "ces"),
    ):
        for company_id, group in evaluations.groupby("company_id"):
            answered = group.dropna(subset=[outcome])
            w = answered["weight"].to_numpy()
            share = np.sum(w * (answered[outcome].to_numpy() >= top_box)) / np.sum(w)
            n = np.sum(w) ** 2 / np.sum(w**2)
            adjusted = (share * n + Z_CRITICAL**2 / 2) / (n + Z_CRITICAL**2)
            half = Z_CRITICAL * np.sqrt(adjusted * (1 - adjusted) / (n + Z_CRITICAL**2))
            row = actual.loc[company_id]
            assert row[column] == pytest.approx(100 * share, abs=1e-9)
            assert row[f"{prefix}_ci_low"] == pytest.approx(100 * (adjusted - half), abs=1e-9)
            assert row[f"{prefix}_ci_high"] == pytest.approx(100 * (adjusted + half), abs=1e-9)
