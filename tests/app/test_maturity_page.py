"""Maturity page against the fixture warehouse plus the hand-written marts of
``maturity_fixture``; expected values come from the fixture's rows and rules."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from maturity_fixture import ITEMS, LEADERS, add_maturity, correlation, priorities, score, stage
from page_helpers import MakePage, choose, metrics, run, table_with, texts
from streamlit.testing.v1 import AppTest

from cxbench.app import state

LABELS = {item[0]: item[3] for item in ITEMS}


@pytest.fixture
def assessed(warehouse: Path) -> Iterator[Path]:
    """The fixture warehouse with maturity marts and rows."""
    yield add_maturity(warehouse)


def _page(make_page: MakePage, company_id: str) -> AppTest:
    at = run(make_page("maturity"))
    return choose(at, state.MATURITY_ORGANISATION, company_id)


def test_follower_sees_its_profile_against_leader_and_sector(
    assessed: Path, make_page: MakePage
) -> None:
    at = _page(make_page, "nl_beta")
    assert at.selectbox(key=state.MATURITY_ORGANISATION).options == ["Alfa Bank", "Beta Bank",
                                                                "Delta Telecom"]  # fmt: skip
    shown = table_with(at, "score", "leader_score", "sector_avg_score", "priority_rank")
    assert shown["item_label"].tolist() == [LABELS[item[0]] for item in ITEMS]
    assert shown["score"].tolist() == [score("nl_beta", item[0]) for item in ITEMS]
    assert shown["leader_score"].tolist() == [score(LEADERS["BANK"], item[0]) for item in ITEMS]
    expected_average = [(score("nl_alfa", i[0]) + score("nl_beta", i[0])) / 2 for i in ITEMS]
    assert shown["sector_avg_score"].tolist() == expected_average
    ranks = {item_id: rank for item_id, _, rank in priorities("nl_beta")}
    assert shown["priority_rank"].tolist() == [ranks[item[0]] for item in ITEMS]
    assert metrics(at) == {
        "Maturity stage": f"{stage('nl_beta')} of 7",
        "Overall score (1–5)": f"{sum(score('nl_beta', i[0]) for i in ITEMS) / len(ITEMS):.2f}",
        "Managers": "3",
        "Sector leader's stage": f"{stage('nl_alfa')} of 7",
    }


def test_next_step_is_the_weakest_item_that_goes_with_the_cx_index(
    assessed: Path, make_page: MakePage
) -> None:
    at = _page(make_page, "nl_beta")
    (first, _, _) = priorities("nl_beta")[0]
    (advice,) = [item.value for item in at.success]
    assert f"**{LABELS[first]}**" in advice
    assert f"scored {score('nl_beta', first):.2f}" in advice
    assert f"r = {correlation(first):.2f}" in advice
    # below the first rung of the ladder: nothing reached yet; and only one "next step"
    assert f"reached **none yet** (stage {stage('nl_beta')} of 7)." in texts(at)
    assert "next step" not in texts(at).replace(advice, "").lower()


def test_links_table_states_strength_and_organisations(assessed: Path, make_page: MakePage) -> None:
    at = _page(make_page, "nl_alfa")
    links = table_with(at, "correlation", "correlation_ci_low", "n_companies", "is_significant")
    assert links["item_label"].iloc[0] == "Overall"
    by_item = links.set_index("item_id")
    assert by_item.loc["strategy", "correlation"] == pytest.approx(correlation("strategy"))
    assert by_item.loc["controlled", "is_significant"] == (correlation("controlled") >= 0.5)
    assert set(by_item["n_companies"]) == {12}
    assert by_item.loc["strategy", "r · Integrity"] == pytest.approx(correlation("strategy") - 0.1)
    assert "On the ladder of seven steps Alfa Bank has reached **Controlled**" in texts(at)


def test_page_speaks_the_chosen_language(assessed: Path, make_page: MakePage) -> None:
    at = _page(make_page, "nl_beta")
    choose(at, state.LANGUAGE, "nl")
    assert at.title[0].value == "Volwassenheid"
    (first, _, _) = priorities("nl_beta")[0]
    label_nl = next(item[4] for item in ITEMS if item[0] == first)
    assert f"**{label_nl}**" in at.success[0].value


@pytest.mark.parametrize("with_rows", [False, True])
def test_no_assessment_gives_a_friendly_message(
    warehouse: Path, make_page: MakePage, with_rows: bool
) -> None:
    """Without maturity marts, with empty ones, or for a country nobody assessed."""
    if with_rows:
        add_maturity(warehouse)
    at = run(make_page("maturity"))
    if with_rows:
        choose(at, state.COUNTRY, "PL")
    assert "No maturity self-assessments" in texts(at)
    assert not at.dataframe


def test_assessed_organisation_is_shared_through_the_url(
    assessed: Path, make_page: MakePage
) -> None:
    """A link to the Maturity page reopens the same organisation; choosing one updates it."""
    at = make_page("maturity")
    at.query_params.update({"country": "NL", "wave": "2024", "assessed": "nl_beta"})
    run(at)
    assert at.selectbox(key=state.MATURITY_ORGANISATION).value == "nl_beta"
    choose(at, state.MATURITY_ORGANISATION, "nl_alfa")
    assert at.query_params["assessed"] == "nl_alfa"
