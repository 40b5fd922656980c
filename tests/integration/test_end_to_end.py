"""End to end through the demo: generated files → raw → marts, checked against pandas."""

from __future__ import annotations

import duckdb
import numpy as np
import pandas as pd
import pytest

from cxcore.catalogue import pillars, statements_of
from tests.conftest import DEMO_EVALUATIONS, DemoWarehouse

MIN_BASE = 100


def read(db_path, sql: str) -> pd.DataFrame:
    with duckdb.connect(str(db_path), read_only=True) as con:
        return con.execute(sql).df()


AGE_BANDS = ((18, 24, "18-24"), (25, 34, "25-34"), (35, 44, "35-44"), (45, 54, "45-54"),
             (55, 64, "55-64"), (65, 200, "65+"))  # fmt: skip


def age_band(age: float) -> str | None:
    return next((band for low, high, band in AGE_BANDS if low <= age <= high), None)


def recompute_company_pillar_scores(raw: pd.DataFrame, cells: pd.DataFrame) -> pd.DataFrame:
    """Independent pandas version of pillar scoring and the weighted company means.

    Weights come from the warehouse's cell table (raking itself is checked on the
    hand-made fixture in test_dbt_build); everything else is recomputed from raw
    rows with two-pass formulas.
    """
    raw = raw.assign(age_band=raw["age"].map(age_band))
    raw = raw.merge(cells, on=["country", "wave", "age_band", "gender"], how="left")
    raw["weight"] = raw["weight"].fillna(1.0)
    frames = []
    for pillar in pillars():
        answers = raw[statements_of(pillar.pillar_id)]
        answered = answers.notna().sum(axis=1)
        score = answers.mean(axis=1).where(answered >= answers.shape[1] / 2)
        frames.append(
            raw[["brand_id", "wave", "weight"]].assign(pillar_id=pillar.pillar_id, score=score)
        )
    scores = pd.concat(frames).dropna(subset=["score"])
    rows = []
    for (brand_id, wave, pillar_id), group in scores.groupby(["brand_id", "wave", "pillar_id"]):
        x, w = group["score"].to_numpy(), group["weight"].to_numpy()
        mean = np.average(x, weights=w)
        n_eff = w.sum() ** 2 / (w**2).sum()
        se = (
            np.sqrt((w * (x - mean) ** 2).sum() / w.sum() / (n_eff - 1))
            if n_eff > 1 + 1e-9
            else np.nan
        )
        rows.append((brand_id, wave, pillar_id, len(x), mean, x.mean(), se))
    result = pd.DataFrame(
        rows, columns=["brand_id", "wave", "pillar_id", "n", "mean", "plain_mean", "se"]
    )
    evaluations = raw.groupby(["brand_id", "wave"]).size().rename("n_company").reset_index()
    result = result.merge(evaluations, on=["brand_id", "wave"])
    result["eligible"] = result["n_company"] >= MIN_BASE
    return result.rename(columns={"brand_id": "company_id"})


def test_demo_reports_every_stage(demo_warehouse: DemoWarehouse) -> None:
    output = demo_warehouse.output
    for expected in ("Ingest summary", "Rows per layer", "checks passed", "dbt build"):
        assert expected in output


def test_every_generated_row_is_loaded_or_rejected(demo_warehouse: DemoWarehouse) -> None:
    batches = read(
        demo_warehouse.db_path,
        "select sum(rows_in) as rows_in, sum(rows_loaded) as loaded, "
        "sum(rows_rejected) as rejected from raw.load_batches where kind = 'survey'",
    )
    assert int(batches.rows_in[0]) == DEMO_EVALUATIONS
    assert int(batches.loaded[0]) + int(batches.rejected[0]) == DEMO_EVALUATIONS
    raw_rows = read(demo_warehouse.db_path, "select count(*) as n from raw.survey_evaluations")
    assert int(raw_rows.n[0]) == int(batches.loaded[0])


def test_mart_equals_pandas_recomputation_from_raw(demo_warehouse: DemoWarehouse) -> None:
    raw = read(demo_warehouse.db_path, "select * from raw.survey_evaluations")
    cells = read(
        demo_warehouse.db_path,
        "select country, wave, age_band, gender, weight from intermediate.int_sample_cells_raked",
    )
    expected = recompute_company_pillar_scores(raw, cells)
    mart = read(demo_warehouse.db_path, "select * from marts.fct_company_pillar_scores")
    merged = expected.merge(mart, on=["company_id", "wave", "pillar_id"], how="outer",
                            indicator=True)  # fmt: skip
    assert (merged["_merge"] == "both").all(), merged[merged["_merge"] != "both"].head()
    assert (merged["n"] == merged["n_evaluations"]).all()
    np.testing.assert_allclose(merged["mean_score"], merged["mean"], rtol=0, atol=1e-9)
    np.testing.assert_allclose(merged["unweighted_mean_score"], merged["plain_mean"], atol=1e-9)
    both = merged.dropna(subset=["se"])
    np.testing.assert_allclose(both["std_error"], both["se"], rtol=0, atol=1e-9)
    assert (merged["is_eligible"] == merged["eligible"]).all()
    assert merged["is_eligible"].any() and not merged["is_eligible"].all()
    # the raking weights move the means: on the skewed panel they differ from the plain ones
    assert (merged["mean_score"] - merged["plain_mean"]).abs().mean() > 0.01


def test_ranks_follow_cx_index_among_eligible_companies(demo_warehouse: DemoWarehouse) -> None:
    scores = read(demo_warehouse.db_path, "select * from marts.fct_company_scores")
    eligible = scores[scores.is_eligible]
    assert scores.loc[~scores.is_eligible, "rank_in_country"].isna().all()
    for _, group in eligible.groupby(["country", "wave"]):
        expected = group["cx_index"].rank(method="min", ascending=False)
        assert (group["rank_in_country"].to_numpy() == expected.to_numpy()).all()
    leaders = eligible[eligible.is_sector_leader]
    best = eligible.groupby(["country", "wave", "sector_code"])["cx_index"].max()
    assert len(leaders) >= len(best)
    for _, leader in leaders.iterrows():
        assert leader.cx_index == pytest.approx(
            best[(leader.country, leader.wave, leader.sector_code)]
        )


def test_national_pillar_averages_and_intervals_follow_their_companies(
    demo_warehouse: DemoWarehouse,
) -> None:
    """Average of the ranked companies' pillar means, se = sqrt(Σ se²) / k, 95% interval."""
    members = read(
        demo_warehouse.db_path,
        """
        select pillars.country, pillars.wave, pillars.pillar_id, pillars.mean_score,
               pillars.std_error
        from marts.fct_company_pillar_scores as pillars
        inner join marts.fct_company_scores as scores using (company_id, wave)
        where scores.is_eligible and scores.cx_index is not null
        """,
    )
    expected = members.groupby(["country", "wave", "pillar_id"]).agg(
        avg=("mean_score", "mean"),
        se=("std_error", lambda se: np.sqrt((se**2).sum()) / se.count()),
    )
    published = read(
        demo_warehouse.db_path,
        "select * from marts.fct_benchmark_pillar_scores"
        " where benchmark_level = 'country' and not is_suppressed",
    ).join(expected, on=["country", "wave", "pillar_id"])
    assert len(published) > 0
    np.testing.assert_allclose(published["avg_score"], published["avg"], atol=1e-9)
    np.testing.assert_allclose(published["std_error"], published["se"], atol=1e-12)
    np.testing.assert_allclose(
        published["ci_high"] - published["avg_score"], 1.959963984540054 * published["se"]
    )
    np.testing.assert_allclose(
        published["avg_score"] - published["ci_low"], 1.959963984540054 * published["se"]
    )


def test_quality_run_is_recorded_and_passed(demo_warehouse: DemoWarehouse) -> None:
    runs = read(demo_warehouse.db_path, "select * from audit.quality_runs")
    assert len(runs) == 1 and bool(runs.success[0])
    results = read(demo_warehouse.db_path, "select * from audit.quality_results")
    assert len(results) == int(runs.n_expectations[0])
    # warnings (e.g. real movers between waves) are reported, not failures
    assert results.loc[results.severity == "error", "success"].all()
