"""What the simulated clients of the load test look at: pages, links and choices.

A client of the benchmark opens a link to one of the pages a client may see
(Compare, Rankings, Sectors, Drivers, Maturity, Methodology; Data quality is the
analysts'), then clicks through the menu and changes the country, wave, sector or
organisation in the sidebar. The links carry query strings built from what the
warehouse holds — every study × country × wave scored (only the published ones
when the warehouse says which), its organisations, sectors and maturity
assessments — read once, read-only, before the app is started. With a preview
client, links name that client's organisation and only the waves it was scored in.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

#: The pages a client sees, in menu order; the default page opens on a bare URL.
CLIENT_PAGES = ("compare", "rankings", "sectors", "drivers", "maturity", "methodology")
DEFAULT_PAGE = "compare"
RANKINGS_TOP_N = ("10", "20", "50", "100")
#: Sidebar choices a client makes; the language is left alone (titles are checked in
#: English).
FIXED_WIDGETS = frozenset({"language"})
#: How often each kind of interaction happens (a new link, a menu click, a choice).
KIND_WEIGHTS = {"open": 1, "navigate": 4, "choose": 4}


@dataclass(frozen=True)
class Scope:
    """A study × country × wave with what links into it may name."""

    study_id: str
    country: str
    wave: int
    companies: tuple[str, ...]
    sectors: tuple[str, ...]
    #: The previewed client's sectors: the only ones its Rankings offers (its peers).
    client_sectors: tuple[str, ...]
    assessed: tuple[str, ...]


def page_titles(language: str = "en") -> dict[str, str]:
    """Each page's title as the app draws it (from the pages' own descriptors)."""
    from streamlit import logger as streamlit_logger

    streamlit_logger.set_log_level("error")  # "no runtime" warnings outside `streamlit run`
    from cxbench.app.streamlit_app import PAGES

    return {page.slug: page.strings[page.title_key][language] for page in PAGES}


def read_scopes(db_path: Path, client: str | None = None) -> list[Scope]:
    """Every scored study × country × wave (the client's only, when one is given)."""
    import duckdb

    with duckdb.connect(str(db_path), read_only=True) as connection:
        scores = connection.execute(
            "select study_id, country, wave, cast(company_id as varchar), sector_code"
            " from marts.fct_company_scores order by all"
        ).fetchall()
        published = _published_waves(connection)
        assessed = _assessed(connection)
    scopes = []
    for study_id, country, wave in sorted({row[:3] for row in scores}):
        rows = [row for row in scores if row[:3] == (study_id, country, wave)]
        companies = tuple(row[3] for row in rows)
        if published is not None and (study_id, country, wave) not in published:
            continue
        if client is not None and client not in companies:
            continue
        scopes.append(
            Scope(
                study_id=study_id,
                country=country,
                wave=wave,
                companies=(client,) if client else companies,
                sectors=tuple(sorted({row[4] for row in rows})),
                client_sectors=tuple(sorted({row[4] for row in rows if row[3] == client})),
                assessed=tuple(
                    company
                    for company in assessed.get((country, wave), ())
                    if client is None or company == client
                ),
            )
        )
    if not scopes:
        raise ValueError(f"no scored wave in {db_path}" + (f" for {client}" if client else ""))
    return scopes


def _published_waves(connection: object) -> set[tuple[str, str, int]] | None:
    """The waves ``published.rankings`` holds; None when the warehouse has no such table."""
    import duckdb

    try:
        rows = connection.execute(
            "select distinct study_id, country, wave from published.rankings"
        ).fetchall()
    except duckdb.Error:
        return None
    return set(rows)


def _assessed(connection: object) -> dict[tuple[str, int], tuple[str, ...]]:
    """Organisations with a maturity assessment, by country × wave (none without the mart)."""
    import duckdb

    try:
        rows = connection.execute(
            "select country, wave, cast(company_id as varchar)"
            " from marts.fct_maturity_stages order by all"
        ).fetchall()
    except duckdb.Error:
        return {}
    found: dict[tuple[str, int], list[str]] = {}
    for country, wave, company in rows:
        found.setdefault((country, wave), []).append(company)
    return {key: tuple(companies) for key, companies in found.items()}


def link(page: str, scope: Scope, rng: random.Random) -> str:
    """The query string of a shared link to ``page`` in ``scope`` (English)."""
    params: dict[str, str] = {"lang": "en"}
    if page != "methodology":
        params |= {"study": scope.study_id, "country": scope.country, "wave": str(scope.wave)}
    if page == "compare":
        params["org"] = rng.choice(scope.companies)
    elif page == "rankings":
        params["sector"] = rng.choice(["", *(scope.client_sectors or scope.sectors)])
        params["top"] = rng.choice(RANKINGS_TOP_N)
    elif page == "sectors":
        params["profile"] = rng.choice(scope.sectors)
    elif page == "maturity" and scope.assessed:
        params["assessed"] = rng.choice(scope.assessed)
    return urlencode(params)


def page_path(page: str) -> str:
    """The page's URL path in the app's menu ("" for the default page)."""
    return "" if page == DEFAULT_PAGE else page


def page_of_path(path: str) -> str:
    """The page a URL path shows."""
    return path or DEFAULT_PAGE


def next_kind(rng: random.Random) -> str:
    """The next thing a client does: open a link, click the menu, or change a choice."""
    kinds = list(KIND_WEIGHTS)
    return rng.choices(kinds, weights=[KIND_WEIGHTS[kind] for kind in kinds])[0]
