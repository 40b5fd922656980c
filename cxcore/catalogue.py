"""The statement catalogue, read from the dbt seed so that there is one source.

The generator, the ingestion contracts and the dbt models all need to know which
statements exist and which pillar each belongs to; the seed CSV in
``dbt_project/seeds`` is the single place where that is written down.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache

from cxcore.settings import DBT_PROJECT_DIR

SEEDS_DIR = DBT_PROJECT_DIR / "seeds"


@dataclass(frozen=True)
class Statement:
    """One agreement statement (canonical scale 1–10) of the questionnaire."""

    statement_id: str
    pillar_id: str
    item_order: int
    label_en: str


@dataclass(frozen=True)
class Pillar:
    """One of the Six Pillars with its group (foundational, intermediate, distinguishing)."""

    pillar_id: str
    sort_order: int
    pillar_group: str
    label_en: str


@cache
def statements() -> tuple[Statement, ...]:
    """All 30 statements in catalogue order."""
    with (SEEDS_DIR / "statement_catalogue.csv").open(encoding="utf-8") as handle:
        return tuple(
            Statement(
                row["statement_id"], row["pillar_id"], int(row["item_order"]), row["label_en"]
            )
            for row in csv.DictReader(handle)
        )


@cache
def pillars() -> tuple[Pillar, ...]:
    """The six pillars in display order."""
    with (SEEDS_DIR / "pillars.csv").open(encoding="utf-8") as handle:
        rows = [
            Pillar(row["pillar_id"], int(row["sort_order"]), row["pillar_group"], row["label_en"])
            for row in csv.DictReader(handle)
        ]
    return tuple(sorted(rows, key=lambda pillar: pillar.sort_order))


def statement_ids() -> list[str]:
    """Statement ids in catalogue order (also the raw table's column names)."""
    return [statement.statement_id for statement in statements()]


def statements_of(pillar_id: str) -> list[str]:
    """Statement ids that belong to one pillar."""
    return [s.statement_id for s in statements() if s.pillar_id == pillar_id]


#: The study of a mapping without a ``study`` section: the canonical six-pillar
#: questionnaire of all 30 statements (docs/data-contracts.md §2, "Study").
DEFAULT_STUDY_ID = "cxbench"
DEFAULT_STUDY_NAME = "cxbench six-pillar benchmark"
