"""The methodology variables of ``dbt_project.yml``, for code outside dbt that applies them.

dbt builds the marts with its ``vars``; a stage that judges data by the same rule
(ingest warning that a pillar can never score, say) must use the same number,
so it reads it from the same file, when asked (never at import time). The
quality suites read their thresholds the same way (``expectations/params.py``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from cxcore.settings import DBT_PROJECT_DIR

DBT_PROJECT_FILE = DBT_PROJECT_DIR / "dbt_project.yml"
#: The methodology's default (docs/methodology.md), used when the project lacks the var.
DEFAULT_MIN_ANSWERED_SHARE = 0.5


def project_vars(project_file: Path = DBT_PROJECT_FILE) -> dict[str, Any]:
    """The ``vars:`` of a dbt project file; empty when the file or the section is absent."""
    if not project_file.is_file():
        return {}
    project = yaml.safe_load(project_file.read_text(encoding="utf-8")) or {}
    return dict(project.get("vars") or {})


def min_answered_share(project_file: Path = DBT_PROJECT_FILE) -> float:
    """Share of a pillar's measured statements an evaluation must answer to score it."""
    value = project_vars(project_file).get("min_answered_share")
    return DEFAULT_MIN_ANSWERED_SHARE if value is None else float(value)
