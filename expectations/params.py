"""Thresholds for the quality suites, taken from the methodology configuration.

The suites must judge the marts by the same rules dbt used to build them: if dbt
marks a company eligible at ``min_base`` evaluations, the gate has to check that
same number. The methodology parameters live in ``dbt_project.yml`` ``vars``, so
:func:`load_quality_params` reads them from there and falls back to the defaults
of the methodology when a var (or the file) is absent.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from cxcore.dbt_vars import DBT_PROJECT_FILE, project_vars

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class QualityParams:
    """Every threshold a suite uses; one field per configurable number.

    Scales that define a column (1–10 statements, a 0–10 CX index, 1–5 maturity
    scores) are not thresholds: they are rules of the tables, checked by dbt.
    """

    #: Evaluations a company needs in a country × wave to be ranked (methodology §Eligibility).
    min_base: int = 100
    #: Share of a pillar's measured statements an evaluation must answer for a pillar
    #: score (methodology §Pillar scores); judges whether a declared pillar can score.
    min_answered_share: float = 0.5
    #: Plausibility, not arithmetic: at ``min_base`` evaluations on a 1–10 scale the
    #: standard error stays well below this unless weights or the formula went wrong.
    max_eligible_std_error: float = 0.5
    #: Failing values kept per expectation in ``audit.quality_results``.
    max_unexpected_examples: int = 5

    #: Raking weights are trimmed to these bounds (methodology §Weighting).
    weight_trim_min: float = 0.3
    weight_trim_max: float = 3.0
    #: Disclosure control of sector and country aggregates (methodology, "What a client
    #: can and cannot infer"): companies an average needs, the largest weight one company
    #: may have in it, and the p of the p%-rule of revenue-weighted averages.
    min_aggregate_companies: int = 5
    max_company_share: float = 0.25
    p_percent: float = 10.0

    #: The pillars usually explain about two thirds of advocacy and loyalty; an R²
    #: outside these bounds is flagged for a look (warning).
    min_plausible_r2: float = 0.3
    max_plausible_r2: float = 0.9

    #: Population margins are rounded shares; their sum per country × wave × dimension
    #: may miss 1 by rounding only (six shares at four decimals: at most 3e-4).
    margin_sum_tolerance: float = 0.001
    #: Large raw tables are screened in SQL; the frame keeps at most this many rows
    #: per broken rule, enough for examples without pulling millions of rows.
    max_screened_rows: int = 1000

    #: Wave over wave: a pillar mean moving by more than this many standard errors
    #: of the difference is worth a look (warning) — true movers do this too.
    max_score_jump_se: float = 4.0
    #: … and moving by more points than this on the 1–10 scale in one year is no
    #: plausible change of a customer base but a data error (error).
    max_score_jump_points: float = 2.5
    #: A sector's share of a country × wave sample moving by more than this
    #: (absolute) changes national averages by composition alone (warning) …
    max_sector_share_shift: float = 0.10
    #: … and by more than this means a sector's file or brand list went missing (error).
    max_sector_share_shift_error: float = 0.25
    #: A statement's share of don't-know/missing answers rising by more than this
    #: points to a changed questionnaire or mapping (warning) …
    max_missingness_jump: float = 0.15
    #: … and by more than this to a statement mapped to the wrong column (error).
    max_missingness_jump_error: float = 0.50

    @classmethod
    def from_mapping(cls, values: Mapping[str, Any]) -> QualityParams:
        """Build from a mapping such as dbt ``vars``, ignoring keys that are not thresholds."""
        known = {field.name: field.type for field in fields(cls)}
        chosen: dict[str, Any] = {}
        for name, value in values.items():
            if name in known and value is not None:
                chosen[name] = float(value) if known[name] == "float" else int(value)
        return cls(**chosen)


def load_quality_params(dbt_project_file: Path = DBT_PROJECT_FILE) -> QualityParams:
    """Read thresholds from the dbt project's ``vars`` so dbt and the gate agree.

    A missing file is not an error: a checkout without the dbt project (or with
    no methodology vars yet) gets the methodology defaults, and says so in the log.
    """
    if not dbt_project_file.is_file():
        logger.info("no %s; using default quality thresholds", dbt_project_file)
        return QualityParams()
    return QualityParams.from_mapping(project_vars(dbt_project_file))
