"""Rankings page against the fixture warehouse: top N, filters, leaders, movers, downloads."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
from page_helpers import MakePage, chart_frames, choose, run, texts
from streamlit.testing.v1 import AppTest
from warehouse_fixture import SCORES, previous_of, score_of

from app import queries, state
from app.views import rankings


def ranked_ids(country: str, wave: int, sector: str | None = None) -> list[str]:
    """Fixture companies ranked in country × wave (optionally one sector), best first."""
    rows = [
        row
        for row in SCORES
        if (row.country, row.wave) == (country, wave)
        and row.rank_in_country is not None
        and sector in (None, row.sector_code)
    ]
    return [row.company_id for row in sorted(rows, key=lambda row: row.rank_in_country)]


def tables(at: AppTest) -> dict[str, pd.DataFrame]:
    """The page's tables by role; they share the mart's columns, so order tells them apart."""
    frames = [frame.value for frame in at.dataframe]
    return dict(zip(("ranking", "leaders", "movers"), frames, strict=False))


def ranking_table(at: AppTest) -> pd.DataFrame:
    return tables(at)["ranking"]


def test_top_list_shows_ranked_companies_with_mart_values(
    warehouse: Path, make_page: MakePage
) -> None:
    at = run(make_page("rankings"))
    assert (at.selectbox(key=state.COUNTRY).value, at.selectbox(key=state.WAVE).value) == (
        "NL",
        2024,
    )

    shown, leaders, movers = tables(at).values()
    assert shown["company_id"].tolist() == ranked_ids("NL", 2024)
    assert shown["cx_index"].tolist() == [score_of(c).cx_index for c in ranked_ids("NL", 2024)]
    assert shown["nps_score"].tolist() == [score_of(c).nps_score for c in ranked_ids("NL", 2024)]
    assert shown["rank_in_country"].tolist() == [1, 2, 3]
    bars = chart_frames(at)[0]
    assert set(bars["company_name"]) == {"Alfa Bank", "Delta Telecom", "Beta Bank"}
    assert sorted(leaders["company_id"]) == ["nl_alfa", "nl_delta"]
    assert set(movers["company_id"]) == {"nl_alfa", "nl_beta"}


def test_sector_filter_narrows_the_list_and_lands_in_the_url(
    warehouse: Path, make_page: MakePage
) -> None:
    at = run(make_page("rankings"))
    choose(at, state.RANKINGS_SECTOR, "BANK")

    assert ranking_table(at)["company_id"].tolist() == ranked_ids("NL", 2024, "BANK")
    assert "Top 20 — Banking, NL 2024" in at.subheader[0].value
    assert at.query_params["sector"] == "BANK"
    choose(at, state.RANKINGS_SECTOR, "")
    assert ranking_table(at)["company_id"].tolist() == ranked_ids("NL", 2024)


def test_movers_compare_with_the_previous_wave(warehouse: Path, make_page: MakePage) -> None:
    at = run(make_page("rankings"))

    moved = tables(at)["movers"]
    assert moved["company_id"].tolist() == ["nl_alfa", "nl_beta"]  # climber first, then faller
    for company_id, change, rank_change in zip(
        moved["company_id"], moved["cx_index_change"], moved["rank_in_country_change"], strict=True
    ):
        now, before = score_of(company_id), previous_of(score_of(company_id))
        assert change == now.cx_index - before.cx_index
        assert rank_change == before.rank_in_country - now.rank_in_country

    choose(at, state.COUNTRY, "PL")
    assert "No company is ranked in both" in texts(at)
    assert ranking_table(at)["company_id"].tolist() == ranked_ids("PL", 2024)


def test_downloads_carry_the_listed_rows(warehouse: Path, make_page: MakePage) -> None:
    at = run(make_page("rankings"))
    shown = ranking_table(at)

    # handed over with the page (a deferred file raced the first click), from the rows shown
    for key in ("rankings_csv", "rankings_excel"):
        button = at.download_button(key=key).proto
        assert button.url and not button.deferred_file_id
    from_csv = pd.read_csv(io.BytesIO(rankings.csv_bytes(shown)))
    assert from_csv["company_id"].tolist() == shown["company_id"].tolist()
    from_excel = pd.read_excel(io.BytesIO(rankings.excel_bytes(shown)))
    assert from_excel["company_id"].tolist() == shown["company_id"].tolist()
    assert from_excel["cx_index"].tolist() == shown["cx_index"].tolist()


def test_top_n_comes_from_the_url_and_limits_the_query(
    warehouse: Path, make_page: MakePage
) -> None:
    at = make_page("rankings")
    at.query_params.update({"top": "50", "sector": "TEL"})
    run(at)

    assert at.selectbox(key=state.RANKINGS_TOP_N).value == 50
    assert ranking_table(at)["company_id"].tolist() == ["nl_delta"]
    key = queries.open_warehouse(queries.ANALYST)
    assert (
        queries.ranking(key, "cxbench", "NL", 2024, "", 2)["company_id"].tolist()
        == ranked_ids("NL", 2024)[:2]
    )
