"""Real partial questionnaires score the pillars they measure (issue: real questionnaires).

The two real files measure a few of the 30 statements: the corporate reputation
study three Integrity statements and one Empathy statement, the ECSI file one
statement each of Integrity, Expectations and Empathy. Built through the CLI
with their example mappings, each must get pillar scores for exactly the pillars
it measures and a CX index over those pillars, and every number must equal an
independent recomputation here in pandas from the CSV itself (1e-9): the
mapping's rescaling, the "at least half of the statements the study asks"
rule, unweighted means (neither file can be raked), Johnson's relative weights
of the measured pillars for nps and loyalty over the complete cases, and the
index as the importance-weighted mean of the pillar means on 0–10.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import pytest
from typer.testing import CliRunner

from cxbench.cli import app
from tests.fixtures.real_warehouse import EXAMPLES, REAL

TOLERANCE = 1e-9
MIN_BASE = 100
MIN_ANSWERED_SHARE = 0.5

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not all(
            (REAL / f"{name}.csv").is_file()
            for name in ("ecsi_satisfaction", "corporate_reputation")
        ),
        reason=f"real data files are absent from {REAL} (kept outside the repo, GPL-3)",
    ),
]


def rescale(
    values: pd.Series, source: tuple[float, float], target: tuple[float, float]
) -> pd.Series:
    """The mapping's linear rescale of one item."""
    (low, high), (new_low, new_high) = source, target
    return new_low + (values - low) * (new_high - new_low) / (high - low)


def corporate_reputation() -> tuple[pd.DataFrame, dict[str, list[str]]]:
    """Canonical columns of the reputation file, as its mapping defines them."""
    raw = pd.read_csv(REAL / "corporate_reputation.csv", sep=";").replace(-99, np.nan)
    frame = pd.DataFrame({"company_id": "CR-PROVIDER-" + raw["serviceprovider"].astype(str)})
    for statement, column in {"int_2": "qual_7", "int_3": "csor_5", "int_5": "qual_6",
                              "emp_5": "qual_5"}.items():  # fmt: skip
        frame[statement] = rescale(raw[column], (1, 7), (1, 10))
    frame["nps"] = rescale(raw["cusl_1"], (1, 7), (0, 10))
    frame["loyalty"] = rescale(raw["cusl_3"], (1, 7), (0, 10))
    return frame, {"integrity": ["int_2", "int_3", "int_5"], "empathy": ["emp_5"]}


def ecsi_satisfaction() -> tuple[pd.DataFrame, dict[str, list[str]]]:
    """Canonical columns of the ECSI file, as its mapping defines them."""
    raw = pd.read_csv(REAL / "ecsi_satisfaction.csv")
    frame = pd.DataFrame({"company_id": ["ECSI-BANK"] * len(raw)})
    for statement, column in {"int_2": "imag2", "exp_2": "sat2", "emp_5": "imag5"}.items():
        frame[statement] = rescale(raw[column], (0, 10), (1, 10))
    frame["nps"] = raw["loy3"].astype(float)
    frame["loyalty"] = raw["loy1"].astype(float)
    return frame, {"integrity": ["int_2"], "expectations": ["exp_2"], "empathy": ["emp_5"]}


STUDIES = {
    "corporate-reputation-de": corporate_reputation,
    "ecsi-es-bank": ecsi_satisfaction,
}
PILLAR_TOTALS = {"personalisation": 6, "integrity": 5, "expectations": 4, "resolution": 5,
                 "time_effort": 5, "empathy": 5}  # fmt: skip


def pillar_scores(frame: pd.DataFrame, measured: dict[str, list[str]]) -> pd.DataFrame:
    """Per evaluation: the mean of the answered statements when at least half are answered."""
    scores = pd.DataFrame(index=frame.index)
    for pillar, statements in measured.items():
        answered = frame[statements].notna().sum(axis=1)
        mean = frame[statements].mean(axis=1)
        enough = (answered > 0) & (answered >= MIN_ANSWERED_SHARE * len(statements))
        scores[pillar] = mean.where(enough)
    return scores


def johnson_shares(predictors: np.ndarray, outcome: np.ndarray) -> np.ndarray:
    """Johnson's relative weights as shares of R², written out from the definition."""
    data = np.column_stack([predictors, outcome])
    correlation = np.corrcoef(data, rowvar=False)
    r_xx, r_xy = correlation[:-1, :-1], correlation[:-1, -1]
    values, vectors = np.linalg.eigh(r_xx)
    lam = vectors @ np.diag(np.sqrt(values)) @ vectors.T
    beta = np.linalg.solve(lam, r_xy)
    weights = (lam**2) @ (beta**2)
    return weights / weights.sum()


def expected(study_id: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Company pillar means and company CX indexes of one study, recomputed in pandas."""
    frame, measured = STUDIES[study_id]()
    scores = pillar_scores(frame, measured)
    pillars = list(measured)
    scored = pd.concat([frame[["company_id", "nps", "loyalty"]], scores], axis=1)
    means = scored.groupby("company_id")[pillars].agg(["mean", "count"])
    rows = [
        {"company_id": company, "pillar_id": pillar,
         "mean_score": means.loc[company, (pillar, "mean")],
         "n_evaluations": int(means.loc[company, (pillar, "count")]),
         "n_statements_measured": len(measured[pillar]),
         "n_statements_total": PILLAR_TOTALS[pillar]}
        for company in means.index for pillar in pillars
        if means.loc[company, (pillar, "count")] > 0
    ]  # fmt: skip
    complete = scored.dropna(subset=[*pillars, "nps", "loyalty"])
    importance = np.mean(
        [johnson_shares(complete[pillars].to_numpy(), complete[o].to_numpy())
         for o in ("nps", "loyalty")],
        axis=0,
    )  # fmt: skip
    pillar_means = pd.DataFrame(rows).pivot(
        index="company_id", columns="pillar_id", values="mean_score"
    )
    index = ((pillar_means[pillars] - 1) / 9 * 10) @ importance
    counts = frame.groupby("company_id").size()
    index_rows = pd.DataFrame({"cx_index": index, "n_evaluations": counts.reindex(index.index)})
    return pd.DataFrame(rows), index_rows.rename_axis("company_id").reset_index()


runner = CliRunner()


@pytest.fixture
def warehouse(real_warehouse: tuple[Path, dict[str, str]]) -> Path:
    """Both real files ingested with their example mappings, built and checked, by the CLI."""
    return real_warehouse[0]


def query(db: Path, sql: str, *params: object) -> pd.DataFrame:
    with duckdb.connect(str(db), read_only=True) as connection:
        return connection.execute(sql, list(params)).df()


@pytest.mark.parametrize("study_id", sorted(STUDIES))
def test_pillar_scores_of_the_measured_pillars_equal_a_recomputation(
    warehouse: Path, study_id: str
) -> None:
    want, _ = expected(study_id)
    got = query(
        warehouse,
        "select company_id, pillar_id, mean_score, n_evaluations, n_statements_measured,"
        " n_statements_total from marts.fct_company_pillar_scores where study_id = ?",
        study_id,
    )
    merged = want.merge(got, on=["company_id", "pillar_id"], how="outer", indicator=True)
    assert (merged["_merge"] == "both").all(), merged  # exactly the measured pillars, no other
    assert np.allclose(merged["mean_score_x"], merged["mean_score_y"], rtol=0, atol=TOLERANCE)
    for column in ("n_evaluations", "n_statements_measured", "n_statements_total"):
        assert (merged[f"{column}_x"] == merged[f"{column}_y"]).all(), column


@pytest.mark.parametrize("study_id", sorted(STUDIES))
def test_cx_index_over_the_measured_pillars_equals_a_recomputation(
    warehouse: Path, study_id: str
) -> None:
    _, want = expected(study_id)
    got = query(
        warehouse,
        "select company_id, cx_index, cee_method, is_eligible, is_partial_coverage,"
        " cx_index_pillars, rank_in_country from marts.fct_company_scores where study_id = ?",
        study_id,
    )
    merged = want.merge(got, on="company_id", validate="one_to_one")
    assert len(merged) == len(want)
    assert np.allclose(merged["cx_index_x"], merged["cx_index_y"], rtol=0, atol=TOLERANCE)
    assert (merged["cee_method"] == "driver").all()
    assert merged["is_partial_coverage"].all()
    _, measured = STUDIES[study_id]()
    assert (merged["cx_index_pillars"] == ",".join(measured)).all()
    eligible = merged[merged["n_evaluations"] >= MIN_BASE]
    assert len(eligible) >= 1 and eligible["is_eligible"].all()
    assert eligible["rank_in_country"].notna().all()  # every eligible organisation is ranked


def test_two_studies_are_never_pooled(warehouse: Path) -> None:
    studies = query(
        warehouse,
        "select study_id, n_pillars_measured, pillars_measured, statements_per_pillar"
        " from marts.dim_study order by 1",
    )
    assert studies.to_dict("records") == [
        {"study_id": "corporate-reputation-de", "n_pillars_measured": 2,
         "pillars_measured": "integrity,empathy",
         "statements_per_pillar": "integrity 3/5, empathy 1/5"},
        {"study_id": "ecsi-es-bank", "n_pillars_measured": 3,
         "pillars_measured": "integrity,expectations,empathy",
         "statements_per_pillar": "integrity 1/5, expectations 1/4, empathy 1/5"},
    ]  # fmt: skip
    importance = query(
        warehouse,
        "select study_id, count(*) as n, sum(importance) as total"
        " from marts.fct_pillar_importance group by 1 order by 1",
    )
    assert importance["n"].tolist() == [2, 3]
    assert np.allclose(importance["total"], 1.0)


@pytest.fixture(scope="module")
def one_country_two_studies(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The reputation study (DE 2017) and the ECSI study moved to DE 2018, built and checked.

    Two unrelated studies in one country in successive years: before studies
    existed the wave-over-wave checks took the ECSI file for the reputation
    panel's next wave (every Integrity statement but one "went missing").
    """
    folder = tmp_path_factory.mktemp("two_studies")
    db = folder / "cxbench.duckdb"
    ecsi = (EXAMPLES / "ecsi_satisfaction.mapping.yaml").read_text()
    moved = folder / "ecsi_de.mapping.yaml"
    moved.write_text(
        ecsi.replace("fixed: {country: ES, wave: 2005,", "fixed: {country: DE, wave: 2018,")
    )
    patch = pytest.MonkeyPatch()
    patch.setenv("CXBENCH_SALT", "two-studies")
    patch.setenv("COLUMNS", "200")
    try:
        for source, mapping in (
            (REAL / "corporate_reputation.csv", EXAMPLES / "corporate_reputation.mapping.yaml"),
            (REAL / "ecsi_satisfaction.csv", moved),
        ):
            result = runner.invoke(
                app, ["ingest", str(source), "--mapping", str(mapping), "--db", str(db)]
            )
            assert result.exit_code == 0, result.output
        for stage in ("build", "check"):
            result = runner.invoke(app, [stage, "--db", str(db)])
            assert result.exit_code == 0, result.output
    finally:
        patch.undo()
    return db, result.output


def test_unrelated_studies_in_one_country_are_never_waves_of_one_panel(
    one_country_two_studies: tuple[Path, str],
) -> None:
    db, check_output = one_country_two_studies
    assert "passed" in check_output
    scores = query(
        db,
        "select study_id, wave, previous_wave, is_mover_comparable"
        " from marts.fct_company_scores where country = 'DE' order by all",
    )
    assert set(scores["study_id"]) == {"corporate-reputation-de", "ecsi-es-bank"}
    assert scores["previous_wave"].isna().all() and not scores["is_mover_comparable"].any()
    # the wave-over-wave suites ran and found nothing to compare across studies
    compared = query(
        db,
        "select suite, bool_and(success) as passed from audit.quality_results"
        " where suite like 'wave_%' group by all order by all",
    )
    assert set(compared["suite"]) >= {"wave_missingness", "wave_score_jumps"}, compared
    assert compared["passed"].all(), compared
