"""The ``study`` section: which study an export belongs to.

Scores are compared only within a study (ranks, averages, weighting, changes
between waves), so the study must be named whenever the questionnaire is not the
canonical one: a mapping that measures fewer than all catalogue statements
without a ``study`` section is refused rather than filed under the canonical
benchmark, where its scores would be ranked against full questionnaires.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from cxbench.ingestion.mapping import Study
from cxbench.ingestion.mapping_yaml import unknown_key
from cxcore.catalogue import DEFAULT_STUDY_ID, DEFAULT_STUDY_NAME, statement_ids

STUDY_KEYS = ("id", "name", "instrument")
#: Study ids are written into every row and shown in the app and in SQL filters.
STUDY_ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9_-]{0,39}")


def parse_study(raw: Mapping[str, Any] | None, n_measured: int, problems: list[str]) -> Study:
    """The mapping's study; the canonical one when the section is absent and all is measured."""
    if raw is None:
        if n_measured < len(statement_ids()):
            problems.append(
                f"study: required: the questionnaire measures {n_measured} of "
                f"{len(statement_ids())} catalogue statements, so it is its own study and its "
                "scores are compared only with that study's; name it, e.g. "
                "study: {id: my-tracker, name: My tracker, instrument: 2024 questionnaire}"
            )
        return Study(DEFAULT_STUDY_ID, DEFAULT_STUDY_NAME)
    problems += [unknown_key("study", key, STUDY_KEYS) for key in raw if key not in STUDY_KEYS]
    study_id = raw.get("id")
    if not isinstance(study_id, str) or not STUDY_ID_PATTERN.fullmatch(study_id):
        problems.append(
            f"study.id: {study_id!r} is not a study id (1-40 characters: lowercase letters, "
            "digits, '-' and '_', starting with a letter or digit)"
        )
        study_id = DEFAULT_STUDY_ID
    elif study_id == DEFAULT_STUDY_ID and n_measured < len(statement_ids()):
        problems.append(
            f"study.id: {DEFAULT_STUDY_ID!r} is the canonical questionnaire of all "
            f"{len(statement_ids())} statements; this one measures {n_measured}: choose another id"
        )
    name = raw.get("name")
    if not isinstance(name, str) or not name.strip():
        problems.append("study.name: required, the study's name as people know it")
        name = study_id
    instrument = raw.get("instrument", "")
    if not isinstance(instrument, str):
        problems.append("study.instrument: text (the questionnaire's name or version)")
        instrument = ""
    return Study(study_id, name.strip(), instrument.strip())
