"""Rankings page against the fixture warehouse: top N with intervals and rank ranges,
filters, leaders, movers with their significance, downloads."""

from __future__ import annotations

import io
from pathlib import Path

import fixture_uncertainty
import pandas as pd
import pytest
from fixture_company_marts import previous_of
from page_helpers import MakePage, chart_frames, choose, run, texts
from streamlit.testing.v1 import AppTest
from warehouse_fixture import SCORES, score_of

from cxbench.app import charts, queries, state
from cxbench.app.views import rankings_downloads, rankings_movers, rankings_table
from cxcore.mart_contracts import mart_columns


@pytest.fixture
def warehouse(warehouse: Path) -> Path:
    """The fixture warehouse with intervals, rank ranges and move significances."""
    return fixture_uncertainty.fill(warehouse)


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
    dots = chart_frames(at)[0]
    assert set(dots["company_name"]) == {"Alfa Bank", "Delta Telecom", "Beta Bank"}
    assert sorted(leaders["company_id"]) == ["nl_alfa", "nl_delta"]
    assert set(movers["company_id"]) == {"nl_alfa", "nl_beta"}


def test_sector_filter_narrows_the_list_and_lands_in_the_url(
    warehouse: Path, make_page: MakePage
) -> None:
    at = run(make_page("rankings"))
    choose(at, state.RANKINGS_SECTOR, "BANK")

    assert ranking_table(at)["company_id"].tolist() == ranked_ids("NL", 2024, "BANK")
    assert "Top 20 — Banking, Netherlands 2024" in at.subheader[0].value
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
    from_csv = pd.read_csv(io.BytesIO(rankings_downloads.csv_bytes(shown)))
    assert from_csv["company_id"].tolist() == shown["company_id"].tolist()
    assert from_csv["cx_index_ci_high"].tolist() == shown["cx_index_ci_high"].tolist()
    assert "cx_index_text" not in from_csv.columns  # data, not the page's text
    from_excel = pd.read_excel(io.BytesIO(rankings_downloads.excel_bytes(shown)))
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


def test_overlapping_intervals_share_a_rank_range_and_a_band(
    warehouse: Path, make_page: MakePage
) -> None:
    at = run(make_page("rankings"))

    shown = ranking_table(at)
    assert shown["rank_range"].tolist() == ["1", "2–3", "2–3"]
    assert shown["cx_index_text"].tolist() == [
        "7.85 (7.60–8.10)",
        "7.40 (7.10–7.70)",
        "7.10 (6.82–7.38)",
    ]
    assert shown["cx_index_ci_low"].tolist() == [7.60, 7.10, 6.82]  # the mart's, unrounded
    dots = chart_frames(at)[0]
    assert dots["label"].tolist() == ["1 · Alfa Bank", "2–3 · Delta Telecom", "2–3 · Beta Bank"]
    assert dots["band"].tolist() == ["", "tie", "tie"]
    assert "does not start at zero" in texts(at)

    choose(at, state.RANKINGS_SECTOR, "BANK")  # in its sector Beta is certainly second
    assert ranking_table(at)["rank_range"].tolist() == ["1", "2"]


def test_the_dot_plot_is_not_anchored_at_zero(warehouse: Path, make_page: MakePage) -> None:
    at = run(make_page("rankings"))
    (spec,) = [chart.proto.spec for chart in at.get("vega_lite_chart")][:1]

    assert '"zero": false' in spec and '"labelLimit": 0' in spec
    assert '"mark": {"type": "rule"' in spec.replace("\n", "")
    for colour in charts.DIRECTION_COLOURS.values():  # directions are for movers, not sectors
        assert colour not in charts.SECTOR_PALETTE


def test_a_clients_own_row_is_highlighted_and_its_tie_named(
    warehouse: Path, make_page: MakePage
) -> None:
    at = make_page("rankings")
    at.session_state[state.ORGANISATION] = "nl_beta"  # an analyst chose Beta on Compare
    run(at)

    shown = ranking_table(at)
    assert shown.set_index("company_id")["is_highlighted"].to_dict() == {
        "nl_alfa": False,
        "nl_delta": False,
        "nl_beta": True,
    }
    assert chart_frames(at)[0]["band"].tolist() == ["", "tie", "own"]
    said = texts(at)
    assert "Organisation chosen on Compare is highlighted: Beta Bank." in said
    assert "Beta Bank ranks 2–3: it cannot be told apart from Delta Telecom." in said


def test_a_move_within_the_noise_is_marked_as_no_significant_change(
    warehouse: Path, make_page: MakePage
) -> None:
    at = run(make_page("rankings"))

    moved = tables(at)["movers"].set_index("company_id")
    assert moved.loc["nl_alfa", "movement"] == "Significant rise"
    assert moved.loc["nl_beta", "movement"] == "No significant change"
    assert moved.loc["nl_alfa", "change_text"] == "+0.65"
    assert moved.loc["nl_beta", "change_text"] == "\u22120.20"
    assert moved.loc["nl_alfa", "rank_then_now"] == "2 → 1"
    chart = chart_frames(at)[1].set_index("company_name")
    assert chart.loc["Beta Bank", "movement"] == "No significant change"


def test_dutch_reader_gets_decimal_commas_and_dutch_words(
    warehouse: Path, make_page: MakePage
) -> None:
    at = make_page("rankings")
    at.query_params["lang"] = "nl"
    run(at)

    shown = ranking_table(at)
    assert shown["cx_index_text"].iloc[0] == "7,85 (7,60–8,10)"
    assert shown["cx_index"].iloc[0] == 7.85
    moved = tables(at)["movers"].set_index("company_id")
    assert moved.loc["nl_beta", "change_text"] == "\u22120,20"
    assert moved.loc["nl_beta", "movement"] == "Geen significante verandering"
    assert "Nederland" in at.subheader[0].value
    assert shown["sector_label"].tolist() == ["Bankwezen", "Telecommunicatie", "Bankwezen"]
    assert shown["sector_name"].iloc[0] == "Banking"  # the mart's value stays
    assert set(chart_frames(at)[0]["sector_label"]) == {"Bankwezen", "Telecommunicatie"}


def test_the_uncertainty_columns_are_the_contracts() -> None:
    """The page selects them by pattern (an older warehouse lacks them), so the
    contract check of every query cannot catch a misspelt one: this does."""
    (declared,) = mart_columns(["fct_company_scores"]).values()
    assert set(queries.rankings.UNCERTAINTY_COLUMNS) <= set(declared)
    (importance,) = mart_columns(["fct_pillar_importance"]).values()
    assert set(queries.drivers.UNCERTAINTY_COLUMNS) <= set(importance)


def test_a_move_is_never_shown_as_minus_zero() -> None:
    frame = pd.DataFrame(
        {
            "company_id": ["a"],
            "cx_index_change": [-0.001],
            "is_cx_index_change_significant": [False],
            "previous_cx_index": [7.001],
            "cx_index": [7.0],
            "previous_rank_in_country": [3],
            "rank_in_country": [3],
        }
    )
    shown = rankings_movers.movements(frame, "en", set())
    assert shown["change_text"].tolist() == ["±0.00"]
    assert shown["movement"].tolist() == ["No significant change"]


def test_a_band_takes_in_those_that_could_hold_its_first_rank() -> None:
    best = pd.Series([1, 2, 2, 3, 6, 6])
    worst = pd.Series([1, 3, 4, 5, 7, 7])
    assert rankings_table.tie_groups(best, worst) == [0, 1, 1, 1, 2, 2]
    # 1–2, 1–3, 2–4, 3–4: the first band ends at rank 2, not at the end of the chain
    assert rankings_table.tie_groups(pd.Series([1, 1, 2, 3]), pd.Series([2, 3, 4, 4])) == [
        0,
        0,
        0,
        1,
    ]
    assert rankings_table.tie_groups(pd.Series([pd.NA, pd.NA]), pd.Series([pd.NA, pd.NA])) == [0, 1]


def test_without_the_new_columns_the_page_still_ranks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, make_page: MakePage
) -> None:
    """A warehouse built before intervals and rank ranges existed: ranks and dashes."""
    from warehouse_fixture import build_warehouse

    path = build_warehouse(tmp_path / "older.duckdb")
    monkeypatch.setenv("CXBENCH_DB", str(path))
    at = run(make_page("rankings"))

    shown = ranking_table(at)
    assert shown["company_id"].tolist() == ranked_ids("NL", 2024)
    if shown["rank_in_country_best"].isna().all():
        assert shown["rank_range"].tolist() == ["1", "2", "3"]
        assert tables(at)["movers"]["movement"].tolist() == ["—", "—"]
