"""Recovery: the warehouse finds the link between maturity and CX that the generator planted.

The generator draws each organisation's latent maturity with correlation ``RHO``
to its true CX level and records, per wave, the planted correlation of every item
(and of the overall score) with CX, plus every organisation's true item scores
(``truth/maturity_*.csv``). The warehouse only sees managers' rounded, noisy
answers and survey-estimated CX indices. Stated tolerances:

- sign and evidence: the overall link is positive and its interval excludes 0;
- measurement: the estimated correlation is within ``MEASUREMENT_TOLERANCE`` of the
  correlation of the *true* scores on exactly the organisations the warehouse used
  (what is left is noise in answers and in the CX index, not sampling);
- sampling: it is within three standard errors, 3·(1 − ρ²)/√(n − 1), of the planted
  population correlation ρ;
- slope: the true slope on those organisations lies inside the estimated interval;
- which items matter: the four items planted strongest correlate more, on average
  over the waves, than the four planted weakest.
"""

from __future__ import annotations

import duckdb
import numpy as np
import pandas as pd
import pytest

from tests.conftest import DemoWarehouse

#: Rounded answers of 3–6 managers and survey-estimated CX indices attenuate a
#: correlation near 0.7 by a few hundredths and perturb it by as much again.
MEASUREMENT_TOLERANCE = 0.15
SAMPLING_STANDARD_ERRORS = 3.0

PAIRS_SQL = """
    select stages.company_id, stages.wave, stages.overall_score, scores.cx_index
    from marts.fct_maturity_stages as stages
    inner join marts.fct_company_scores as scores
        on stages.company_id = scores.company_id and stages.wave = scores.wave
    where stages.is_reportable and scores.is_eligible and scores.cx_index is not null
"""
LINKS_SQL = "select * from marts.fct_maturity_outcome_links where outcome_id = 'cee'"


@pytest.fixture(scope="module")
def recovered(demo_warehouse: DemoWarehouse) -> dict[str, pd.DataFrame]:
    """Estimated links and pairs from the demo warehouse, planted truth from its world."""
    with duckdb.connect(str(demo_warehouse.db_path), read_only=True) as con:
        links = con.execute(LINKS_SQL).df()
        pairs = con.execute(PAIRS_SQL).df()
    truth = demo_warehouse.world_dir / "truth"
    scores = pd.read_csv(truth / "maturity_scores.csv")
    planted = pd.read_csv(truth / "maturity_link.csv")
    planted["item_id"] = planted["item_id"].str.removeprefix("mgmt_").str.removeprefix("step_")
    true_overall = (
        scores.groupby(["brand_id", "wave"])
        .agg(true_overall=("true_score", "mean"), true_cx=("true_cx", "first"))
        .reset_index()
        .rename(columns={"brand_id": "company_id"})
    )
    return {
        "links": links,
        "pairs": pairs.merge(true_overall, on=["company_id", "wave"], how="inner"),
        "planted": planted,
    }


def test_overall_link_with_the_cx_index_is_recovered(recovered: dict[str, pd.DataFrame]) -> None:
    links, pairs, planted = recovered["links"], recovered["pairs"], recovered["planted"]
    overall = links[links["item_id"] == "overall"].set_index("wave")
    assert set(overall.index) == set(planted["wave"])
    for wave, used in pairs.groupby("wave"):
        estimate = overall.loc[wave]
        n = int(estimate["n_companies"])
        assert n == len(used) >= 30  # every organisation behind the link has a truth row
        rho = planted.query("wave == @wave and item_id == 'overall'")["planted_correlation"].item()
        true_here = used["true_overall"].corr(used["true_cx"])
        assert estimate["correlation"] > 0 and estimate["is_significant"], wave
        assert abs(estimate["correlation"] - true_here) <= MEASUREMENT_TOLERANCE, (wave, true_here)
        sampling = SAMPLING_STANDARD_ERRORS * (1 - rho**2) / np.sqrt(n - 1)
        assert abs(estimate["correlation"] - rho) <= sampling, (wave, rho, sampling)
        true_slope = np.polyfit(used["true_overall"], used["true_cx"], 1)[0]
        assert estimate["slope_ci_low"] <= true_slope <= estimate["slope_ci_high"], wave


def test_items_planted_strongest_go_with_cx_more_than_the_weakest(
    recovered: dict[str, pd.DataFrame],
) -> None:
    links, planted = recovered["links"], recovered["planted"]
    strength = planted[planted["item_id"] != "overall"].groupby("item_id")["planted_correlation"]
    ordered = strength.first().sort_values().index
    estimated = links.set_index("item_id")["correlation"]
    assert estimated[ordered[-4:]].mean() > estimated[ordered[:4]].mean()
