"""What the report shows, fetched once: the same queries as the app's pages, as a client.

The report is always the *client view* of one organisation, whoever builds it (an
analyst on the CLI, anyone behind a download button): the warehouse key is given the
viewer of a client entitled to that organisation alone, so peers reach the report as
pseudonyms from the scope macros in SQL, exactly as in the client portal, and waves not
yet published are not there at all. Nothing is anonymised afterwards.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

import pandas as pd

from cxbench.app import queries
from cxbench.app.queries import report as report_queries
from cxbench.app.report import words


def client_view(
    key: queries.WarehouseFile, company_id: str, language: str
) -> queries.WarehouseFile:
    """``key`` as a client entitled to ``company_id`` alone sees it, peers named in ``language``."""
    viewer = queries.Viewer(
        role="client",
        company_ids=(company_id,),
        peer_word=words.text("peer_pseudonym", language),
        leader_word=words.text("leader_pseudonym", language),
    )
    return dataclasses.replace(key, viewer=viewer)


#: The whole sector, however large: the Rankings page's query takes a top N.
SECTOR_SIZE_LIMIT = 10_000


@dataclass(frozen=True)
class ReportContent:
    """Everything one report prints, as the client sees it; frames hold mart values."""

    study_id: str
    country: str
    wave: int
    language: str
    sector_name: str
    organisation: dict[str, Any]
    leader: queries.CompanyScore | None
    pillars: pd.DataFrame
    leader_pillars: pd.DataFrame
    benchmarks: pd.DataFrame
    gaps: pd.DataFrame
    comparisons: pd.DataFrame
    changes: pd.DataFrame
    index_trend: pd.DataFrame
    pillar_trend: pd.DataFrame
    ranking: pd.DataFrame
    parameters: dict[str, str]

    @property
    def name(self) -> str:
        return str(self.organisation["company_name"])

    @property
    def has_other_leader(self) -> bool:
        """Whether a leader other than the organisation itself is there to compare with."""
        return self.leader is not None and self.leader.company_id != str(
            self.organisation["company_id"]
        )


def gather(
    key: queries.WarehouseFile,
    study_id: str,
    country: str,
    wave: int,
    company_id: str,
    language: str,
) -> ReportContent | None:
    """The report's content for ``company_id`` in study × country × wave as its client sees
    it (``key``'s viewer is replaced), or None when that client sees no score there."""
    key = client_view(key, company_id, language)
    organisation = report_queries.organisation_row(key, study_id, country, wave, company_id)
    if organisation is None:
        return None
    sector = organisation["sector_code"]
    leader = queries.sector_leader(key, study_id, country, wave, sector)
    leader_pillars = (
        queries.pillar_scores(key, study_id, country, wave, leader.company_id, language)
        if leader is not None and leader.company_id != company_id
        else pd.DataFrame()
    )
    gaps = queries.leader_gaps(key, study_id, country, wave, company_id, language)
    return ReportContent(
        study_id=study_id,
        country=country,
        wave=wave,
        language=language,
        sector_name=queries.sector_labels(key, language).get(sector, organisation["sector_name"]),
        organisation=organisation,
        leader=leader,
        pillars=queries.pillar_scores(key, study_id, country, wave, company_id, language),
        leader_pillars=leader_pillars,
        benchmarks=queries.benchmark_pillars(key, study_id, country, wave, sector, language),
        gaps=gaps.assign(difference=-gaps["gap_to_leader"]),
        comparisons=queries.pillar_comparisons(key, study_id, country, wave, company_id, language),
        changes=queries.pillar_changes(key, study_id, country, wave, company_id, language),
        index_trend=queries.cx_index_trend(key, study_id, country, company_id),
        pillar_trend=queries.pillar_trend(key, study_id, country, company_id, language),
        ranking=queries.ranking(key, study_id, country, wave, sector, SECTOR_SIZE_LIMIT),
        parameters=_parameters(key),
    )


def shortfalls(gaps: pd.DataFrame) -> pd.DataFrame:
    """The significant shortfalls only (the marts' ``direction``), most valuable first: a
    lead or a level pillar is never a priority."""
    behind = gaps[gaps["direction"] == "behind"]
    return behind.sort_values(["priority", "sort_order"], ascending=[False, True])


def _parameters(key: queries.WarehouseFile) -> dict[str, str]:
    frame = queries.methodology_parameters(key)
    return dict(zip(frame["parameter_name"], frame["parameter_value"], strict=True))
