"""Compare page against the hand-written warehouse of ``warehouse_fixture``.

Expected numbers are read from the fixture rows, not recomputed, so a failure points
at the app, not at arithmetic in the test.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from page_helpers import chart_with, choose, metrics, run, table_with
from streamlit.testing.v1 import AppTest
from warehouse_fixture import PILLAR_IDS, PILLARS, SCORES, build_warehouse, score_of

from cxbench.app import queries, state

MakeApp = Callable[[], AppTest]


def table(at: AppTest) -> pd.DataFrame:
    """The comparison table as shown (stable column names, raw mart values)."""
    return table_with(at, "s0_mean", "sector_mean")


def chart_data(at: AppTest) -> pd.DataFrame:
    """The rows behind the pillar comparison chart."""
    return chart_with(at, "series", "mean_score", "is_gap_significant")


def assert_columns_match(shown: pd.DataFrame, prefix: str, company_id: str) -> None:
    """Mean, CI and n of every pillar in the table equal the fixture's mart values."""
    row = score_of(company_id)
    expected = [row.pillar(pillar_id) for pillar_id in PILLAR_IDS]
    assert (
        list(
            zip(
                shown[f"{prefix}mean"],
                shown[f"{prefix}ci_low"],
                shown[f"{prefix}ci_high"],
                strict=True,
            )
        )
        == expected
    )
    assert set(shown[f"{prefix}n"]) == {row.n_evaluations}


def test_follower_is_shown_next_to_its_sector_leader_with_mart_values(
    warehouse: Path, make_app: MakeApp
) -> None:
    at = run(make_app())
    choose(at, state.ORGANISATION, "nl_beta")

    shown = table(at)
    assert shown["pillar_label"].tolist() == [pillar[3] for pillar in PILLARS]
    assert_columns_match(shown, "s0_", "nl_beta")
    assert_columns_match(shown, "s1_", "nl_alfa")
    beta = score_of("nl_beta")
    shown_metrics = metrics(at)
    assert {label: shown_metrics[label] for label in ("CX index", "Evaluations")} == {
        "CX index": f"{beta.cx_index:.2f}",
        "Evaluations": str(beta.n_evaluations),
    }
    assert "Sector leader: Alfa Bank" in " ".join(item.value for item in at.markdown)
    plotted = chart_data(at)
    assert sorted(set(plotted["series"])) == [
        "Alfa Bank",
        "Beta Bank",
        "National average",
        "Sector average",
    ]
    alfa_points = plotted[plotted["series"] == "Alfa Bank"]
    assert alfa_points["mean_score"].tolist() == list(score_of("nl_alfa").means)


def test_choosing_another_organisation_changes_what_is_shown(
    warehouse: Path, make_app: MakeApp
) -> None:
    at = run(make_app())
    choose(at, state.ORGANISATION, "nl_beta")
    beta_table = table(at)
    choose(at, state.ORGANISATION, "nl_delta")

    delta_table = table(at)
    assert not delta_table.equals(beta_table)
    assert_columns_match(delta_table, "s0_", "nl_delta")
    assert "Delta Telecom vs. sector leader — Telecom, Netherlands 2024" in at.subheader[0].value
    assert metrics(at)["CX index"] == f"{score_of('nl_delta').cx_index:.2f}"


def test_sector_leader_is_told_it_leads(warehouse: Path, make_app: MakeApp) -> None:
    at = run(make_app())
    choose(at, state.ORGANISATION, "nl_alfa")

    assert [item.value for item in at.success] == ["Alfa Bank is the sector leader."]
    shown = table(at)
    assert not any(column.startswith("s1_") for column in shown.columns)
    assert_columns_match(shown, "s0_", "nl_alfa")
    assert set(chart_data(at)["series"]) == {"Alfa Bank", "Sector average", "National average"}


def test_leader_follows_the_wave(warehouse: Path, make_app: MakeApp) -> None:
    at = run(make_app())
    choose(at, state.ORGANISATION, "nl_alfa")
    choose(at, state.WAVE, 2023)

    assert not at.success
    assert "Sector leader: Beta Bank" in " ".join(item.value for item in at.markdown)
    shown = table(at)
    alfa_2023, beta_2023 = score_of("nl_alfa", wave=2023), score_of("nl_beta", wave=2023)
    assert shown["s0_mean"].tolist() == list(alfa_2023.means)
    assert shown["s1_mean"].tolist() == list(beta_2023.means)


def test_ineligible_company_is_shown_but_not_ranked(warehouse: Path, make_app: MakeApp) -> None:
    at = run(make_app())
    choose(at, state.ORGANISATION, "nl_gamma")

    (warning,) = at.warning
    assert "Gamma Bank has 40 evaluations" in warning.value
    assert "not ranked" in warning.value
    assert metrics(at)["Rank in country (of 3)"] == "not ranked"
    assert metrics(at)["Rank in sector (of 2)"] == "not ranked"
    assert_columns_match(table(at), "s0_", "nl_gamma")
    assert_columns_match(table(at), "s1_", "nl_alfa")


def test_view_state_is_mirrored_into_query_params(warehouse: Path, make_app: MakeApp) -> None:
    at = run(make_app())
    assert at.query_params == {
        "lang": "en", "study": "cxbench", "country": "NL", "wave": "2024", "org": "nl_alfa"
    }  # fmt: skip

    choose(at, state.COUNTRY, "PL")
    assert at.query_params == {
        "lang": "en", "study": "cxbench", "country": "PL", "wave": "2024", "org": "pl_omega"
    }  # fmt: skip


def test_shared_url_restores_the_view(warehouse: Path, make_app: MakeApp) -> None:
    at = make_app()
    at.query_params.update({"lang": "nl", "country": "NL", "wave": "2023", "org": "nl_beta"})
    run(at)

    assert at.selectbox(key=state.LANGUAGE).value == "nl"
    assert at.selectbox(key=state.COUNTRY).value == "NL"
    assert at.selectbox(key=state.WAVE).value == 2023
    assert at.selectbox(key=state.ORGANISATION).value == "nl_beta"
    assert table(at)["s0_mean"].tolist() == list(score_of("nl_beta", wave=2023).means)
    # later choices win over the URL it was opened with
    choose(at, state.ORGANISATION, "nl_alfa")
    assert at.query_params["org"] == "nl_alfa"


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"study": "nostudy"}, "study `nostudy`"),
        ({"country": "XX"}, "country `XX`"),
        ({"country": "NL", "wave": "soon"}, "wave `soon`"),
        ({"country": "NL", "wave": "2024", "org": "nobody"}, "organisation `nobody`"),
    ],
)
def test_unknown_url_values_are_refused_with_a_message(
    warehouse: Path, make_app: MakeApp, params: dict[str, str], message: str
) -> None:
    """A link naming something that is not there says so instead of opening another page."""
    at = make_app()
    at.query_params.update({"lang": "xx", **params})
    run(at)

    assert [error.value for error in at.error] == [
        f"This link asks for {message}, which is not available here. "
        "Choose from the sidebar instead."
    ]
    assert not at.dataframe  # no organisation's numbers drawn in its place
    assert at.selectbox(key=state.LANGUAGE).value == "en"  # an unknown language is harmless


def test_language_switch_changes_pillar_labels(warehouse: Path, make_app: MakeApp) -> None:
    at = run(make_app())
    choose(at, state.LANGUAGE, "nl")

    assert table(at)["pillar_label"].tolist() == [pillar[4] for pillar in PILLARS]
    assert "Personalisatie" in set(chart_data(at)["pillar_label"])
    assert at.title[0].value == "Vergelijken"
    assert "CX-index" in metrics(at)
    assert at.query_params["lang"] == "nl"

    choose(at, state.LANGUAGE, "pl")
    assert table(at)["pillar_label"].iloc[1] == "Wiarygodność"


def test_missing_warehouse_explains_how_to_load_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, make_app: MakeApp
) -> None:
    monkeypatch.setenv("CXBENCH_DB", str(tmp_path / "nowhere.duckdb"))
    at = run(make_app())

    (info,) = at.info
    assert "make demo" in info.value
    assert "cxbench demo" in info.value
    assert not at.dataframe


def test_warehouse_without_marts_explains_how_to_build_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, make_app: MakeApp
) -> None:
    empty = tmp_path / "empty.duckdb"
    with duckdb.connect(str(empty)) as connection:
        connection.execute("create schema marts")
    monkeypatch.setenv("CXBENCH_DB", str(empty))
    at = run(make_app())

    (info,) = at.info
    assert "marts.fct_company_scores" in info.value
    assert "make demo" in info.value


def test_file_that_is_not_a_database_gives_a_hint_not_a_trace(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, make_app: MakeApp
) -> None:
    broken = tmp_path / "broken.duckdb"
    broken.write_bytes(b"")
    monkeypatch.setenv("CXBENCH_DB", str(broken))
    at = run(make_app())

    (info,) = at.info
    assert "cannot be opened" in info.value


def test_pillar_scores_query_returns_one_company_in_pillar_order(warehouse: Path) -> None:
    key = queries.open_warehouse(queries.ANALYST)
    scores = queries.pillar_scores(key, "cxbench", "NL", 2023, "nl_beta", "no")

    beta = score_of("nl_beta", wave=2023)
    assert scores["pillar_id"].tolist() == PILLAR_IDS
    assert scores["pillar_label"].tolist() == [pillar[5] for pillar in PILLARS]
    assert list(zip(scores["mean_score"], scores["ci_low"], scores["ci_high"], strict=True)) == [
        beta.pillar(pillar_id) for pillar_id in PILLAR_IDS
    ]
    assert queries.pillar_scores(key, "cxbench", "PL", 2023, "nl_beta", "en").empty


def test_company_and_leader_queries_read_the_scores_mart(warehouse: Path) -> None:
    key = queries.open_warehouse(queries.ANALYST)

    assert queries.organisations(key, "cxbench", "PL", 2024) == {"pl_omega": "Omega Bank"}
    gamma = queries.company_score(key, "cxbench", "NL", 2024, "nl_gamma")
    assert gamma is not None
    assert (gamma.is_eligible, gamma.rank_in_country, gamma.n_evaluations) == (False, None, 40)
    leader = queries.sector_leader(key, "cxbench", "NL", 2024, "BANK")
    assert leader is not None and leader.company_id == "nl_alfa"
    assert (leader.n_ranked_in_country, leader.n_ranked_in_sector) == (3, 2)
    assert queries.company_score(key, "cxbench", "NL", 2024, "' or 1=1 --") is None
    assert queries.company_score(key, "' or 1=1 --", "NL", 2024, "nl_alfa") is None


def test_swapped_warehouse_file_is_picked_up_without_restart(warehouse: Path) -> None:
    before = queries.open_warehouse(queries.ANALYST)
    assert queries.company_score(before, "cxbench", "NL", 2024, "nl_beta").cx_index == 7.10

    rescored = [
        replace(row, cx_index=7.77) if row.company_id == "nl_beta" else row for row in SCORES
    ]
    build_warehouse(warehouse, rescored)  # builds aside, then os.replace
    after = queries.open_warehouse(queries.ANALYST)

    assert after != before
    assert os.stat(warehouse).st_ino == after.inode
    assert queries.company_score(after, "cxbench", "NL", 2024, "nl_beta").cx_index == 7.77


def test_running_page_shows_a_swapped_warehouse_on_the_next_rerun(
    warehouse: Path, make_app: MakeApp
) -> None:
    at = run(make_app())
    choose(at, state.ORGANISATION, "nl_beta")
    assert metrics(at)["CX index"] == f"{score_of('nl_beta').cx_index:.2f}"

    rescored = [
        replace(row, cx_index=7.77) if row.company_id == "nl_beta" else row for row in SCORES
    ]
    build_warehouse(warehouse, rescored)  # a refresh: built aside, then os.replace
    run(at)

    assert at.selectbox(key=state.ORGANISATION).value == "nl_beta"
    assert metrics(at)["CX index"] == "7.77"
