"""Statements mapped to latent scores (``latent: true``): what such a mapping must say.

Providers that model satisfaction with PLS path models (ECSI, ACSI and their
national relatives) deliver per respondent the estimated score of each latent
variable ("image", "perceived value" …), often 0–100 with decimals, instead of
the item answers. Such a score stands for a construct, so it is mapped to the one
statement whose construct it is and scores its pillar as a single statement
would. These rules keep that honest, each reported with its YAML key:

- the score's own range must be declared (``scale`` on the statement or in
  ``defaults``): a 0–100 score read on the canonical 1–10 would reject every row,
  or worse, a 1–10 score on a 0–100 scale would be squeezed silently;
- a latent score is not a code: no ``values`` map;
- it is the only statement of its pillar: averaging a construct's score with
  answers to the items it was estimated from would count them twice;
- outcomes are answers (NPS, loyalty …), never latent scores.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from cxbench.ingestion.mapping import ItemMapping
from cxcore.catalogue import statements

LATENT_OPTION = "latent"


def latent_option(
    spec: Mapping[str, Any], merged: Mapping[str, Any], kind: str, where: str, problems: list[str]
) -> bool:
    """Whether the item's ``latent`` option is set; problems for a misuse of it.

    ``spec`` is the item as written, ``merged`` the item with ``defaults`` applied,
    ``kind`` ``statements`` or ``outcomes``.
    """
    if LATENT_OPTION not in spec:
        return False
    latent = spec[LATENT_OPTION]
    if not isinstance(latent, bool):
        problems.append(f"{where}.latent: true or false, got {latent!r}")
        return False
    if not latent:
        return False
    if kind != "statements":
        problems.append(
            f"{where}.latent: outcomes are answers (a recommendation, an intention), not "
            "latent scores; map the column holding the respondent's answer"
        )
        return False
    if "scale" not in merged:
        problems.append(
            f"{where}.scale: required with latent: true: the provider's score range "
            "(e.g. [0, 100]), here or in defaults"
        )
    if "values" in merged:
        problems.append(f"{where}.values: a latent score is a number, not a code; remove values")
    return True


def latent_alone_in_pillar(items: Mapping[str, ItemMapping], problems: list[str]) -> None:
    """A pillar measured by a latent score takes no other statement (problems otherwise)."""
    pillar_of = {statement.statement_id: statement.pillar_id for statement in statements()}
    for latent_id, latent in items.items():
        if not latent.latent:
            continue
        others = [
            sid for sid in items if sid != latent_id and pillar_of[sid] == pillar_of[latent_id]
        ]
        if others:
            problems.append(
                f"statements.{latent_id}: a latent score measures pillar "
                f"{pillar_of[latent_id]} alone; {', '.join(others)} of the same pillar would "
                "count its items twice (map either the score or the items)"
            )
