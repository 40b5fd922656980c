"""Studies in the app: one study at a time, chosen in the sidebar, and said how it measured.

The fixture warehouse holds the canonical study and a reputation tracker that scored
Alfa, Beta and Delta in NL 2024 on integrity (2 of 5 statements) and empathy (1 of
5) only, with other numbers and another order (Beta leads).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from fixture_aggregates import REPUTATION_EXPLAINED, REPUTATION_IMPORTANCE
from page_helpers import MakePage, chart_with, choose, metrics, run, table_with, texts
from warehouse_fixture import (
    OUTCOMES,
    PILLAR_IDS,
    PILLARS,
    REPUTATION,
    CompanyWave,
    build_warehouse,
    score_of,
)

from cxbench.app import queries, state
from cxbench.app.views import coverage, methodology

NOT_MEASURED = ["Personalisation", "Expectations", "Resolution", "Time & Effort"]
INDEX_NOTE = "CX index over Integrity and Empathy (the pillars this study measures)"


def reputation(company_id: str):
    return score_of(company_id, study_id=REPUTATION)


def test_selector_offers_the_studies_with_the_canonical_one_first(
    warehouse: Path, make_page: MakePage
) -> None:
    at = run(make_page("compare"))

    selector = at.selectbox(key=state.STUDY)
    assert selector.value == "cxbench"
    assert selector.options == ["CX Benchmark", "Reputation Pulse"]
    assert at.query_params["study"] == "cxbench"
    assert INDEX_NOTE not in texts(at)


def test_one_study_draws_no_selector_but_keeps_the_study_in_the_url(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, make_page: MakePage
) -> None:
    path = build_warehouse(tmp_path / "one.duckdb", other_studies=())
    monkeypatch.setenv("CXBENCH_DB", str(path))
    at = run(make_page("rankings"))

    assert state.STUDY not in [box.key for box in at.selectbox]
    assert at.query_params["study"] == "cxbench"
    assert not at.info or "no" not in at.info[0].value.lower()


def test_without_the_canonical_study_the_widest_is_the_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, make_page: MakePage
) -> None:
    path = build_warehouse(tmp_path / "trackers.duckdb", scores=())
    monkeypatch.setenv("CXBENCH_DB", str(path))
    key = queries.open_warehouse(queries.ANALYST)

    assert list(queries.studies(key)) == [REPUTATION]
    at = run(make_page("compare"))
    assert at.query_params["study"] == REPUTATION


def test_a_study_without_pillars_says_so_instead_of_showing_empty_scores(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, make_page: MakePage
) -> None:
    nps_only = CompanyWave(
        "nl_alfa", "NL", 2024, "BANK", 120, None, None, None, False, (None,) * 6, 0.3, 12.0,
        OUTCOMES,
    )  # fmt: skip
    path = build_warehouse(tmp_path / "nps.duckdb", other_studies=[nps_only])
    monkeypatch.setenv("CXBENCH_DB", str(path))
    at = make_page("compare")
    at.query_params["study"] = OUTCOMES
    run(at)

    assert "This study measures no pillar (outcomes only)" in texts(at)
    # what it does measure (NPS) is shown; no pillar table, chart or gap list
    (outcomes,) = at.dataframe
    assert "NPS" in outcomes.value.to_string()
    assert "Personalisation" not in outcomes.value.to_string()


def test_choosing_a_study_shows_its_numbers_only(warehouse: Path, make_page: MakePage) -> None:
    at = run(make_page("compare"))
    choose(at, state.STUDY, REPUTATION)

    organisation = at.selectbox(key=state.ORGANISATION)
    assert organisation.options == ["Alfa Bank", "Beta Bank", "Delta Telecom"]
    assert (at.selectbox(key=state.COUNTRY).options, at.selectbox(key=state.WAVE).options) == (
        ["Netherlands"],
        ["2024"],
    )
    choose(at, state.ORGANISATION, "nl_alfa")
    shown = metrics(at)
    assert shown["CX index"].startswith(f"{reputation('nl_alfa').cx_index:.2f}")
    assert shown["Rank in country (of 3)"] == "2 (2–3)"  # rank (the ranks it cannot be told from)
    assert "Sector leader: Beta Bank (CX index 6.95)" in texts(at)
    assert at.query_params["study"] == REPUTATION


def test_pillars_show_how_the_study_measured_them(warehouse: Path, make_page: MakePage) -> None:
    at = make_page("compare")
    at.query_params.update({"study": REPUTATION, "org": "nl_alfa"})
    run(at)

    table = table_with(at, "s0_mean", "measured")
    assert table["pillar_label"].tolist() == [pillar[3] for pillar in PILLARS]
    measured = dict(zip(table["pillar_label"], table["measured"], strict=True))
    assert measured["Integrity"] == "measured by 2 of 5 statements"
    assert measured["Empathy"] == "measured by 1 of 5 statements"
    assert {measured[label] for label in NOT_MEASURED} == {"not measured by this study"}
    alfa = reputation("nl_alfa")
    scored = table.set_index("pillar_label")["s0_mean"]
    assert scored[["Integrity", "Empathy"]].tolist() == [alfa.means[1], alfa.means[5]]
    assert scored[NOT_MEASURED].isna().all()
    assert table.set_index("pillar_label").loc["Integrity", "s1_mean"] == 6.80  # Beta leads

    chart = chart_with(at, "series", "mean_score", "is_gap_significant")
    assert set(chart["pillar_label"]) == {
        "Integrity (measured by 2 of 5 statements)",
        "Empathy (measured by 1 of 5 statements)",
    }
    said = texts(at)
    assert f"{INDEX_NOTE}; it is ranked only against indexes over the same pillars." in said
    assert (
        "Not measured by this study: Personalisation, Expectations, Resolution and Time & Effort."
        in said
    )


def test_canonical_study_has_no_coverage_notes(warehouse: Path, make_page: MakePage) -> None:
    at = run(make_page("compare"))

    assert not [frame for frame in at.dataframe if "measured" in frame.value.columns]
    assert "not measured" not in texts(at).lower()
    chart = chart_with(at, "series", "mean_score", "is_gap_significant")
    assert set(chart["pillar_label"]) == {pillar[3] for pillar in PILLARS}


def test_notes_speak_the_chosen_language(warehouse: Path, make_page: MakePage) -> None:
    at = make_page("compare")
    at.query_params.update({"study": REPUTATION, "lang": "nl"})
    run(at)

    said = texts(at)
    assert "CX-index over Integriteit en Empathie (de pijlers die dit onderzoek meet)" in said
    measured = table_with(at, "s0_mean", "measured")["measured"].tolist()
    assert "gemeten met 2 van 5 stellingen" in measured


def test_rankings_rank_within_the_study(warehouse: Path, make_page: MakePage) -> None:
    at = make_page("rankings")
    at.query_params["study"] = REPUTATION
    run(at)

    ranking = at.dataframe[0].value
    assert ranking["company_id"].tolist() == ["nl_beta", "nl_alfa", "nl_delta"]
    assert ranking["cx_index"].tolist() == [
        reputation(company).cx_index for company in ("nl_beta", "nl_alfa", "nl_delta")
    ]
    assert INDEX_NOTE in texts(at)


def test_sectors_show_the_studys_averages(warehouse: Path, make_page: MakePage) -> None:
    at = make_page("sectors")
    at.query_params.update({"study": REPUTATION, "profile": "BANK"})
    run(at)

    profiles = table_with(at, "avg_cx_index", "status")
    bank = profiles.set_index("sector_code").loc["BANK"]
    assert bank["avg_cx_index"] == pytest.approx((6.95 + 6.20) / 2)
    profile = chart_with(at, "series", "mean_score", "is_gap_significant")
    assert set(profile["pillar_label"]) == {
        "Integrity (measured by 2 of 5 statements)",
        "Empathy (measured by 1 of 5 statements)",
    }
    assert INDEX_NOTE in texts(at)
    assert "Not measured by this study: Personalisation" in texts(at)


def test_drivers_list_only_the_measured_pillars(warehouse: Path, make_page: MakePage) -> None:
    at = make_page("drivers")
    at.query_params["study"] = REPUTATION
    run(at)

    shown = table_with(at, "importance", "importance_rank")
    assert shown["pillar_label"].tolist() == ["Integrity", "Empathy"]
    weights = REPUTATION_IMPORTANCE[("NL", 2024)]
    assert shown["importance"].tolist() == [weights[1], weights[5]]
    variance = table_with(at, "nps_r2", "loyalty_r2", "country")
    assert variance[["nps_r2", "loyalty_r2"]].values.tolist() == [
        list(REPUTATION_EXPLAINED[("NL", 2024)][:2])
    ]
    assert "Not measured by this study: Personalisation" in texts(at)


def test_methodology_lists_the_studies_and_the_scoring_rule(
    warehouse: Path, make_page: MakePage
) -> None:
    at = run(make_page("methodology"))

    studies = table_with(at, "study_name", "statements_per_pillar")
    listed = studies.set_index("study_name")
    assert listed.loc["Reputation Pulse", "pillars_measured"] == "Integrity, Empathy"
    assert listed.loc["Reputation Pulse", "statements_per_pillar"] == "Integrity 2/5, Empathy 1/5"
    assert studies["study_name"].iloc[0] == "CX Benchmark"
    text = "\n".join(item.value for item in at.markdown)
    assert "counted against the statements the study asks" in text
    assert "at least 50% of those are answered" in text
    assert "scores from that statement alone" in text
    assert "never ranked against an index over other pillars" in text
    assert "two separate samples and are never mixed" in text


def test_studies_table_keeps_unknown_pillars_as_stored() -> None:
    frame = pd.DataFrame(
        {
            "pillars_measured": ["integrity,loyalty", None],
            "statements_per_pillar": ["integrity 3/5, loyalty 1/1", None],
        }
    )
    shown = methodology.studies_table(frame, {"integrity": "Integriteit"})

    assert shown["pillars_measured"].iloc[0] == "Integriteit, loyalty"
    assert shown["statements_per_pillar"].iloc[0] == "Integriteit 3/5, loyalty 1/1"
    assert shown.iloc[1].isna().all()


@pytest.mark.parametrize(
    ("measured", "total", "said"),
    [(5, 5, "all 5 statements"), (1, 5, "measured by 1 of 5 statements"),
     (None, None, "not measured by this study")],
)  # fmt: skip
def test_measured_by_says_all_some_or_none(
    measured: int | None, total: int | None, said: str
) -> None:
    assert coverage.measured_by(measured, total, "en") == said


def test_labels_are_listed_with_the_languages_conjunction() -> None:
    assert coverage.listed(["A"], "en") == "A"
    assert coverage.listed(["A", "B", "C"], "pl") == "A, B i C"


def test_pillar_coverage_query_marks_unmeasured_pillars(warehouse: Path) -> None:
    key = queries.open_warehouse(queries.ANALYST)

    shown = queries.pillar_coverage(key, REPUTATION, "NL", 2024, "en")
    assert shown["pillar_id"].tolist() == PILLAR_IDS
    assert shown["is_measured"].tolist() == [False, True, False, False, False, True]
    canonical = queries.pillar_coverage(key, "cxbench", "NL", 2024, "en")
    assert canonical["is_measured"].all()
    assert coverage.is_full(canonical) and not coverage.is_full(shown)
