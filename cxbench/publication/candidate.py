"""What a publication of one wave would hold, read from the served marts.

The rankings are those of the canonical study (``cxbench``, the six-pillar
questionnaire): other studies are ranked in the marts, within themselves, but
a publication is the benchmark's own yearly ranking. With them come the
methodology's parameters and the load batches the wave was built from, whose
hashes tell a publication made again from the same inputs from one that is not.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

import duckdb

from cxcore.active_batches import ACTIVE_BATCH_ROWS
from cxcore.catalogue import DEFAULT_STUDY_ID

RANKING_SQL = """
select
    scores.wave,
    scores.country,
    scores.company_id,
    companies.company_name,
    scores.sector_code,
    scores.rank_in_country,
    scores.rank_in_sector,
    scores.is_sector_leader,
    round(scores.cx_index, 6) as cx_index,
    round(scores.cx_index_std_error, 6) as cx_index_std_error,
    round(scores.nps_score, 4) as nps_score,
    scores.n_evaluations,
    round(scores.effective_n, 4) as effective_n,
    scores.methodology_version
from marts.fct_company_scores as scores
left join marts.dim_company_history as companies
    on scores.company_id = companies.company_id
    and coalesce(companies.valid_from_wave <= scores.wave, true)
    and coalesce(scores.wave < companies.valid_to_wave, true)
where scores.wave = ? and scores.study_id = ? and scores.rank_in_country is not null
order by scores.country, scores.company_id
"""
SOURCE_BATCHES_SQL = f"""
select distinct batch_id from raw.survey_evaluations
where wave = ? and study_id = ? and {ACTIVE_BATCH_ROWS}
union select distinct batch_id from raw.population_margins where wave = ?
union select distinct batch_id from raw.companies where coalesce(valid_from_wave <= ?, true)
union select distinct batch_id from raw.sectors where coalesce(valid_from_wave <= ?, true)
order by 1
"""
#: Waves in which a company's make-up changed (a brand merged into it, or a merger
#: ended): its move into such a wave compares two different companies, so it is
#: not published as a move.
MAKE_UP_CHANGES_SQL = """
select merged_into_company_id, valid_from_wave
from marts.dim_company_history
where merged_into_company_id is not null and valid_from_wave is not null
union
select merged_into_company_id, valid_to_wave
from marts.dim_company_history
where merged_into_company_id is not null and valid_to_wave is not null
"""
CONFIDENCE_LEVEL_SQL = """
select parameter_value from marts.dim_methodology where parameter_name = 'confidence_level'
"""


class PublishRefused(RuntimeError):
    """The wave may not be published (gate, changed inputs, tampering); nothing was written."""


@dataclass(frozen=True)
class Candidate:
    """What would be published for a wave from the served marts, before movers."""

    wave: int
    methodology_version: str
    parameters: str
    parameters_hash: str
    source_batch_ids: list[str]
    inputs_hash: str
    rows: list[dict[str, Any]]
    #: (company_id, wave) in which the company's make-up changed (MAKE_UP_CHANGES_SQL).
    make_up_changes: frozenset[tuple[str, int]] = frozenset()
    #: The marts' confidence level (dim_methodology), which a move's significance uses too.
    confidence_level: float = 0.95


def read_candidate(connection: duckdb.DuckDBPyConnection, wave: int) -> Candidate:
    """The wave's ranked companies, methodology and inputs as the served marts hold them."""
    cursor = connection.execute(RANKING_SQL, [wave, DEFAULT_STUDY_ID])
    names = [item[0] for item in cursor.description or []]
    rows = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
    if not rows:
        raise PublishRefused(f"wave {wave} has no ranked company in marts.fct_company_scores")
    versions = {row.pop("methodology_version") for row in rows}
    if len(versions) != 1:
        raise PublishRefused(f"wave {wave} mixes methodology versions {sorted(versions)}")
    parameters = json.dumps(
        connection.execute(
            "select parameter_name, parameter_value from marts.dim_methodology order by 1"
        ).fetchall()
    )
    sources = connection.execute(
        SOURCE_BATCHES_SQL, [wave, DEFAULT_STUDY_ID, wave, wave, wave]
    ).fetchall()
    batches = [row[0] for row in sources]
    changes = connection.execute(MAKE_UP_CHANGES_SQL).fetchall()
    level = connection.execute(CONFIDENCE_LEVEL_SQL).fetchall()
    return Candidate(
        wave=wave,
        methodology_version=versions.pop(),
        parameters=parameters,
        parameters_hash=_sha256(parameters),
        source_batch_ids=batches,
        inputs_hash=_sha256(json.dumps([wave, batches])),
        rows=rows,
        make_up_changes=frozenset((company_id, changed) for company_id, changed in changes),
        confidence_level=float(level[0][0]) if level else 0.95,
    )


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()
