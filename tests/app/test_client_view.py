"""The client view on the fixture warehouse: what Beta Bank's client sees, byte for byte.

Beta Bank (NL, BANK) previews as a client. Its sector's leader is Alfa Bank; Gamma
Bank is in its sector but below the minimum base; Delta Telecom is in another sector;
NL 2023 is not published. Whatever page Beta opens, the elements the server sends —
text, tables, chart data, widget options — must not contain another company's name
or id, and links to what Beta may not see must say so instead of showing something else.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from fixture_access import add_publication_and_access
from page_helpers import metrics, run, texts
from streamlit.testing.v1 import AppTest
from warehouse_fixture import COMPANIES

from cxbench.app import queries, state
from cxbench.app.auth import Identity
from cxbench.app.queries.scope.companies import COMPANY_CHANGE_COLUMNS
from cxbench.app.queries.warehouse import fetch_rows
from cxbench.app.viewer import Refusal, resolve

CLIENT = "nl_beta"
#: Every other company's id and name, as bytes to look for in what the server sends.
OTHERS = [
    text.encode()
    for company_id, name, *_ in COMPANIES
    if company_id != CLIENT
    for text in (company_id, name)
]
#: The pages a client's menu offers.
CLIENT_PAGES = ("compare", "rankings", "sectors", "drivers", "channels", "maturity", "methodology")


@pytest.fixture
def client_warehouse(warehouse: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The fixture with NL/PL 2024 published, viewed as Beta Bank's preview."""
    add_publication_and_access(
        warehouse,
        grants=[
            ("beta@bank.example", "client", CLIENT),
            ("boss@cxbench.example", "analyst", None),
        ],
    )
    monkeypatch.setenv("CXBENCH_PREVIEW_CLIENT", CLIENT)
    return warehouse


def sent_bytes(at: AppTest) -> bytes:
    """Everything the server would send for the run: every element's serialised message."""
    return b"\n".join(
        node.proto.SerializeToString() for node in at._tree if getattr(node, "proto", None)
    )


def leaked(at: AppTest) -> list[bytes]:
    """Other companies' names or ids found in what the run sends."""
    sent = sent_bytes(at)
    return [text for text in OTHERS if text in sent]


@pytest.mark.parametrize("slug", CLIENT_PAGES)
def test_no_other_company_reaches_the_client_on_any_page(
    client_warehouse: Path, make_page: Callable[[str], AppTest], slug: str
) -> None:
    at = run(make_page(slug))

    assert b"Beta Bank" in sent_bytes(at) or slug not in ("compare", "rankings")
    assert leaked(at) == []


@pytest.mark.parametrize("slug", ["compare", "rankings"])
def test_the_analyst_sees_every_company_by_name(
    client_warehouse: Path,
    make_page: Callable[[str], AppTest],
    monkeypatch: pytest.MonkeyPatch,
    slug: str,
) -> None:
    """The same pages without the preview: the names are there, so the scan above can fail."""
    monkeypatch.delenv("CXBENCH_PREVIEW_CLIENT")
    at = run(make_page(slug))

    assert b"Alfa Bank" in sent_bytes(at) and b"Delta Telecom" in sent_bytes(at)


def test_client_compares_with_the_sector_leader_under_that_name(
    client_warehouse: Path, make_page: Callable[[str], AppTest]
) -> None:
    at = run(make_page("compare"))

    assert at.selectbox(key=state.ORGANISATION).options == ["Beta Bank"]
    assert at.selectbox(key=state.WAVE).options == ["2024"]  # NL 2023 is not published
    assert "Sector leader" in sent_bytes(at).decode(errors="replace")
    assert "Client view of Beta Bank" in texts(at)
    assert leaked(at) == []


def test_client_ranking_shows_itself_and_pseudonymised_peers(
    client_warehouse: Path, make_page: Callable[[str], AppTest]
) -> None:
    at = run(make_page("rankings"))

    (ranking, *_) = [frame.value for frame in at.dataframe]
    assert ranking["company_name"].tolist() == ["Sector leader", "Beta Bank"]
    assert leaked(at) == []


@pytest.mark.parametrize("competitor", ["nl_alfa", "nl_delta", "no_such_company"])
def test_link_to_an_organisation_not_entitled_says_so(
    client_warehouse: Path, make_app: Callable[[], AppTest], competitor: str
) -> None:
    """A competitor's id, another sector's, or an unknown one: the same answer, no page."""
    at = make_app()
    at.query_params.update({"country": "NL", "wave": "2024", "org": competitor})
    run(at)

    assert [error.value for error in at.error] == [
        "This link opens an organisation that is not one of yours: you are not entitled "
        "to see it. Choose one of your organisations in the sidebar."
    ]
    assert not at.dataframe and not at.get("vega_lite_chart")
    assert leaked(at) == []


def test_unpublished_wave_in_a_link_is_refused(
    client_warehouse: Path, make_app: Callable[[], AppTest]
) -> None:
    at = make_app()
    at.query_params.update({"country": "NL", "wave": "2023", "org": CLIENT})
    run(at)

    assert [error.value for error in at.error] == [
        "This link asks for wave `2023`, which is not available here. "
        "Choose from the sidebar instead."
    ]


def test_data_quality_is_not_offered_to_a_client(
    client_warehouse: Path, make_page: Callable[[str], AppTest]
) -> None:
    """Opening the quality page's slug lands on a client page: no paths, no rejects."""
    at = run(make_page("quality"))

    assert at.title[0].value != "Data quality"
    assert b".csv" not in sent_bytes(at)


def test_client_reads_the_methodology_text_without_its_internals(
    client_warehouse: Path, make_page: Callable[[str], AppTest], monkeypatch: pytest.MonkeyPatch
) -> None:
    as_client = run(make_page("methodology"))
    monkeypatch.delenv("CXBENCH_PREVIEW_CLIENT")
    as_analyst = run(make_page("methodology"))

    def main_text(at: AppTest) -> list[str]:
        return [item.value for item in at.main.markdown]

    assert main_text(as_client) == main_text(as_analyst)  # the same methodology, in full
    assert len(as_client.dataframe) == len(as_analyst.dataframe) - 2  # parameters, coverage


def _key(path: Path) -> queries.WarehouseFile:
    return queries.open_warehouse(queries.ANALYST, path)


@pytest.mark.parametrize(
    ("principal", "expected"),
    [
        (" Boss@CXBench.example", queries.Viewer(role="analyst")),
        ("beta@bank.example", queries.Viewer(role="client", company_ids=(CLIENT,))),
        ("stranger@elsewhere.example", Refusal("no_access", {"who": "stranger@elsewhere.example"})),
    ],
)
def test_a_login_is_what_its_grants_say(
    client_warehouse: Path, principal: str, expected: object
) -> None:
    identity = Identity(mode="oidc", principal=principal.strip().lower())

    assert resolve(identity, _key(client_warehouse), "en") == expected


def test_a_preview_of_an_unknown_organisation_is_refused(client_warehouse: Path) -> None:
    identity = Identity(mode="preview", preview_company_id="nl_nobody")

    assert resolve(identity, _key(client_warehouse), "en") == Refusal(
        "unknown_preview_company", {"company": "nl_nobody"}
    )


def test_leader_of_an_undisclosed_peer_set_is_withheld_not_invented(
    client_warehouse: Path, make_page: Callable[[str], AppTest]
) -> None:
    """Beta's peer set not disclosed: no leader row, a message why, ranks still of all."""
    import duckdb

    with duckdb.connect(str(client_warehouse)) as connection:
        connection.execute(
            "update marts.fct_benchmark_scores set is_peer_set_disclosed = false "
            "where benchmark_level = 'sector' and sector_code = 'BANK'"
        )
    at = run(make_page("compare"))

    assert "too few ranked companies to show its leader" in texts(at)
    assert "Sector leader" not in sent_bytes(at).decode(errors="replace")
    # Beta ranks 2nd of Alfa and Beta in its sector
    assert metrics(at)["Rank in sector (of 2)"] == "2"
    assert leaked(at) == []


def test_last_years_numbers_reach_a_client_only_when_last_year_is_published(
    client_warehouse: Path,
) -> None:
    """NL 2023 is not published: Beta's 2024 row must not carry its 2023 index or ranks."""
    client = queries.Viewer(role="client", company_ids=(CLIENT,))
    as_client = queries.open_warehouse(client, client_warehouse)
    as_analyst = _key(client_warehouse)

    def company_row(key: queries.WarehouseFile) -> dict[str, object]:
        return fetch_rows(
            key,
            "select * from company_scores() where study_id = 'cxbench' and country = 'NL'"
            " and wave = 2024 and company_id = ?",
            [CLIENT],
        )[0]

    def pillar_rows(key: queries.WarehouseFile) -> list[dict[str, object]]:
        return fetch_rows(
            key,
            "select * from company_pillar_scores() where study_id = 'cxbench'"
            " and country = 'NL' and wave = 2024 and company_id = ?",
            [CLIENT],
        )

    analysts_row = company_row(as_analyst)
    assert analysts_row["previous_wave"] == 2023
    assert analysts_row["previous_cx_index"] is not None
    clients_row = company_row(as_client)
    assert clients_row["cx_index"] == analysts_row["cx_index"]
    hidden = COMPANY_CHANGE_COLUMNS
    assert {column: clients_row[column] for column in hidden} == dict.fromkeys(hidden)
    assert any(row["previous_mean_score"] is not None for row in pillar_rows(as_analyst))
    assert all(row["previous_mean_score"] is None for row in pillar_rows(as_client))


def test_compare_offers_the_clients_report_to_take_away(
    client_warehouse: Path, make_page: Callable[[str], AppTest]
) -> None:
    at = run(make_page("compare"))

    pdf, pptx = at.download_button(key="report_pdf"), at.download_button(key="report_pptx")
    assert pdf.proto.label == "Download report (PDF)"
    assert pdf.proto.deferred_file_id and pptx.proto.deferred_file_id  # built on click only
