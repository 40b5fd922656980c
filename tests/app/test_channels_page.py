"""Channels page against the fixture's channel rows (``fixture_channels``).

Beta Bank (NL 2024) is scored through store, web and app on every pillar, and
through chat by 12 evaluations only (below the base of 30). Its empathy in the app
is 1.0 below its other pillars' pattern: significantly behind its store and web.
Expected numbers are read from the fixture rows, not recomputed by the page's rule.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from fixture_access import add_publication_and_access
from fixture_channels import CHAT_EVALUATIONS, MIN_CHANNEL_BASE, channel_means
from page_helpers import chart_with, run, table_with, texts
from streamlit.testing.v1 import AppTest
from warehouse_fixture import PILLARS, score_of

from cxbench.app import queries
from cxbench.app.queries import channels as channel_queries
from cxbench.app.queries import scope
from cxbench.app.queries.warehouse import fetch_rows

MakePage = Callable[[str], AppTest]
BETA = "nl_beta"
CLIENT = queries.Viewer(role="client", company_ids=(BETA,))


def open_channels(make_page: MakePage, **params: str) -> AppTest:
    """The Channels page with URL parameters (Beta Bank, NL 2024 unless given)."""
    at = make_page("channels")
    at.query_params.update({"country": "NL", "wave": "2024", "org": BETA, **params})
    return run(at)


def channel_table(at: AppTest) -> pd.DataFrame:
    return table_with(at, "channel", "score_text", "difference_text")


def spread_table(at: AppTest) -> pd.DataFrame:
    return table_with(at, "spread_text", "sector_text", "lowest_text")


def row(frame: pd.DataFrame, pillar_id: str, channel: str) -> pd.Series:
    (found,) = [r for _, r in frame.iterrows() if (r.pillar_id, r.channel) == (pillar_id, channel)]
    return found


@pytest.fixture
def client_warehouse(warehouse: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The fixture with NL/PL 2024 published, previewed as Beta Bank's client."""
    add_publication_and_access(warehouse, grants=[("beta@bank.example", "client", BETA)])
    monkeypatch.setenv("CXBENCH_PREVIEW_CLIENT", BETA)
    return warehouse


def test_every_pillar_and_channel_of_the_organisation_is_a_row(
    warehouse: Path, make_page: MakePage
) -> None:
    at = open_channels(make_page)

    shown = channel_table(at)
    beta = score_of(BETA)
    expected = {
        (pillar_id, channel, n, mean)
        for pillar_id in beta.pillars
        for channel, n, mean in channel_means(beta, pillar_id)
        if n >= MIN_CHANNEL_BASE
    }
    reported = shown[shown["is_reportable"]]
    columns = ["pillar_id", "channel", "n_evaluations", "mean_score"]
    assert set(reported.loc[:, columns].itertuples(index=False, name=None)) == expected
    assert len(shown) == len(PILLARS) * 4  # store, web, app and chat on six pillars
    assert shown["pillar_label"].iloc[0] == "Personalisation"  # methodology order
    assert row(shown, "empathy", "app").score_text == "6.10 (5.71–6.49)"


def test_a_channel_below_the_base_is_too_few_answers_not_a_number(
    warehouse: Path, make_page: MakePage
) -> None:
    at = open_channels(make_page)

    chat = channel_table(at).query("channel == 'chat'")
    assert set(chat["score_text"]) == {f"too few answers (n = {CHAT_EVALUATIONS})"}
    assert chat[["mean_score", "ci_low", "ci_high", "difference"]].isna().all().all()
    assert set(chat["difference_text"]) == {"—"}
    assert "too few answers for a score (fewer than 30 evaluations): chat (n = 12)" in (
        texts(at).lower()
    )
    assert "chat" not in set(
        chart_with(at, "channel_label", "mean_score")["channel_label"].str.lower()
    )


def test_the_channel_significantly_behind_the_others_is_named(
    warehouse: Path, make_page: MakePage
) -> None:
    at = open_channels(make_page)

    shown = channel_table(at)
    app = row(shown, "empathy", "app")
    assert app.direction == "behind" and app.difference < 0
    assert abs(app.z_score) > app.z_critical
    assert row(shown, "empathy", "store").direction == "ahead"
    assert set(shown.query("pillar_id != 'empathy' and is_reportable")["direction"]) == {"level"}
    assert "Significantly behind the organisation's other channels: Empathy in App (−1.23)." in (
        texts(at)
    )
    assert row(shown, "empathy", "app").difference_text == "−1.23 behind"
    rings = chart_with(at, "channel_label", "direction")
    assert rings.query("direction == 'behind'")["channel_label"].tolist() == ["App"]


def test_spread_per_pillar_against_the_sectors_typical_spread(
    warehouse: Path, make_page: MakePage
) -> None:
    """Beta's empathy spread is store 7.40 − app 6.10; BANK's median is over Alfa and Beta
    (Gamma is not eligible): (0.30 + 1.30) / 2."""
    at = open_channels(make_page)

    spreads = spread_table(at).set_index("pillar_label")
    assert spreads.loc["Empathy", "channel_spread"] == pytest.approx(1.30)
    assert spreads.loc["Empathy", "spread_text"] == "1.30"
    assert spreads.loc["Empathy", "sector_text"] == "0.80 (n = 2)"
    assert spreads.loc["Empathy", "lowest_text"] == "App: 6.10 (−1.23 behind)"
    assert spreads.loc["Integrity", "sector_text"] == "0.30 (n = 2)"


def test_dutch_reader_gets_decimal_commas(warehouse: Path, make_page: MakePage) -> None:
    at = open_channels(make_page, lang="nl")

    shown = channel_table(at)
    assert row(shown, "empathy", "app").score_text == "6,10 (5,71–6,49)"
    assert row(shown, "empathy", "app").difference_text == "−1,23 achter"
    assert row(shown, "empathy", "chat").score_text == "te weinig antwoorden (n = 12)"
    assert spread_table(at).set_index("pillar_label").loc["Empathie", "sector_text"] == (
        "0,80 (n = 2)"
    )
    assert "Empathie via App (−1,23)" in texts(at)


def test_the_study_chosen_is_the_study_shown(warehouse: Path) -> None:
    """The reputation tracker scored Beta too, on integrity and empathy only."""
    key = queries.open_warehouse(queries.ANALYST, warehouse)
    tracker = channel_queries.channel_scores(key, "reputation", "NL", 2024, BETA, "en")

    assert set(tracker["pillar_id"]) == {"integrity", "empathy"}
    tracked = score_of(BETA, study_id="reputation")
    expected = {channel: mean for channel, _, mean in channel_means(tracked, "integrity")}
    integrity = tracker.query("pillar_id == 'integrity' and is_reportable")
    assert dict(zip(integrity.channel, integrity.mean_score, strict=True)) == {
        channel: mean for channel, mean in expected.items() if channel != "chat"
    }


def test_client_sees_its_own_channels(client_warehouse: Path, make_page: MakePage) -> None:
    at = open_channels(make_page)

    assert set(channel_table(at)["channel"]) == {"store", "web", "app", "chat"}
    sent = b"\n".join(n.proto.SerializeToString() for n in at._tree if getattr(n, "proto", None))
    assert b"Alfa" not in sent and b"nl_alfa" not in sent and b"Delta" not in sent


def test_client_cannot_open_another_companys_channels(
    client_warehouse: Path, make_page: MakePage
) -> None:
    at = open_channels(make_page, org="nl_alfa")

    assert [error.value for error in at.error] == [
        "This link opens an organisation that is not one of yours: you are not entitled "
        "to see it. Choose one of your organisations in the sidebar."
    ]
    assert not at.dataframe and not at.get("vega_lite_chart")
    key = queries.open_warehouse(CLIENT, client_warehouse)
    assert channel_queries.channel_scores(key, "cxbench", "NL", 2024, "nl_alfa", "en").empty
    rows = fetch_rows(key, "select distinct company_id, wave from channel_scores()", [])
    assert rows == [{"company_id": BETA, "wave": 2024}]  # NL 2023 is not published


def test_client_gets_its_disclosed_sectors_spread_and_no_other(client_warehouse: Path) -> None:
    key = queries.open_warehouse(CLIENT, client_warehouse)

    assert len(channel_queries.channel_sector_spreads(key, "cxbench", "NL", 2024, "BANK")) == 6
    # Telecom (one company, its peer set not disclosed, not Beta's sector): not for Beta
    assert channel_queries.channel_sector_spreads(key, "cxbench", "NL", 2024, "TEL").empty
    analyst = queries.open_warehouse(queries.ANALYST, client_warehouse)
    assert len(channel_queries.channel_sector_spreads(analyst, "cxbench", "NL", 2024, "TEL")) == 6


def test_client_gets_no_sector_spread_where_the_peer_set_is_not_disclosed(
    client_warehouse: Path,
) -> None:
    with duckdb.connect(str(client_warehouse)) as connection:
        connection.execute(
            "update marts.fct_benchmark_scores set is_peer_set_disclosed = false "
            "where benchmark_level = 'sector' and sector_code = 'BANK'"
        )
    key = queries.open_warehouse(CLIENT, client_warehouse)

    assert channel_queries.channel_sector_spreads(key, "cxbench", "NL", 2024, "BANK").empty


def test_client_page_says_the_sector_spread_is_withheld(
    client_warehouse: Path, make_page: MakePage
) -> None:
    with duckdb.connect(str(client_warehouse)) as connection:
        connection.execute(
            "update marts.dim_methodology set parameter_value = '3' "
            "where parameter_name = 'min_aggregate_companies'"
        )
    at = open_channels(make_page)

    assert set(spread_table(at)["sector_text"]) == {"—"}
    assert "typical spread is not shown" in texts(at)


def test_a_cursor_without_a_viewer_sees_no_channels(warehouse: Path) -> None:
    connection = scope.connect(str(warehouse))
    for macro in ("channel_scores", "channel_sector_spreads"):
        assert connection.execute(f"select count(*) from {macro}()").fetchall() == [(0,)], macro


def test_one_company_is_no_sectors_typical_spread(warehouse: Path, make_page: MakePage) -> None:
    """Delta Telecom is alone in its sector: an analyst sees its spread, no sector's."""
    at = open_channels(make_page, org="nl_delta")

    spreads = spread_table(at)
    assert spreads["n_companies"].tolist() == [1] * len(PILLARS)
    assert set(spreads["sector_text"]) == {"—"}
    assert set(spreads["spread_text"]) == {"0.30"}
    assert "typical spread is not shown" in texts(at)
