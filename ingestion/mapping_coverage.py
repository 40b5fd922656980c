"""The ``coverage`` section: which pillars and outcomes a questionnaire measures.

A provider questionnaire may cover only some pillars, or none at all (an NPS
tracker asks only outcomes: ``coverage: {pillars: []}``); the rest then stays
NULL in raw. That must be a statement in the mapping, not an accident of
forgotten lines, so a mapping of fewer than 30 statements without ``coverage`` is
refused, and a declared coverage must agree with what is mapped.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from cxbench.ingestion.mapping import OUTCOME_SCALES, REQUIRED_OUTCOMES, Coverage, ItemMapping
from cxbench.ingestion.mapping_yaml import unknown_key
from cxcore.catalogue import pillars, statement_ids, statements

COVERAGE_KEYS = ("pillars", "outcomes", "note")


def parse_coverage(
    raw: Mapping[str, Any],
    statement_items: Mapping[str, ItemMapping],
    outcome_items: Mapping[str, ItemMapping],
    problems: list[str],
) -> Coverage:
    """A mapping that measures only some pillars must say so, and say it consistently."""
    problems += [
        unknown_key("coverage", key, COVERAGE_KEYS) for key in raw if key not in COVERAGE_KEYS
    ]
    all_pillars = tuple(pillar.pillar_id for pillar in pillars())
    declared = raw.get("pillars", "all")
    partial = declared != "all"
    if not partial:
        covered = all_pillars
    elif isinstance(declared, list):
        covered = tuple(str(pillar) for pillar in declared)
        problems += [
            f"coverage.pillars: unknown pillar {pillar!r} (pillars: {', '.join(all_pillars)})"
            for pillar in covered
            if pillar not in all_pillars
        ]
    else:
        problems.append("coverage.pillars: 'all', a list of pillar ids, or [] for outcomes only")
        covered = all_pillars
    pillar_of = {statement.statement_id: statement.pillar_id for statement in statements()}
    for statement_id in statement_items:
        if pillar_of[statement_id] not in covered:
            problems.append(
                f"statements.{statement_id}: pillar {pillar_of[statement_id]} is not in "
                "coverage.pillars"
            )
    unmapped = [sid for sid in statement_ids() if sid not in statement_items]
    if not partial and not statement_items:
        problems.append(
            "statements: none mapped; a questionnaire that asks only outcomes (an NPS "
            "tracker, say) must say so: coverage: {pillars: []}"
        )
    elif not partial and unmapped:
        problems.append(
            f"statements: {len(unmapped)} catalogue statement(s) not mapped "
            f"({', '.join(unmapped[:6])}{', …' if len(unmapped) > 6 else ''}); a questionnaire "
            "that measures only some pillars must say so: coverage: {pillars: [...]}"
        )
    for pillar in covered if partial else ():
        if pillar in all_pillars and not any(pillar_of[sid] == pillar for sid in statement_items):
            problems.append(f"coverage.pillars: {pillar} is declared but no statement maps to it")
    outcomes = raw.get("outcomes", list(REQUIRED_OUTCOMES))
    if not isinstance(outcomes, list):
        problems.append("coverage.outcomes: a list of outcome ids (may be empty)")
        outcomes = []
    for outcome in outcomes:
        if outcome not in OUTCOME_SCALES:
            problems.append(f"coverage.outcomes: unknown outcome {outcome!r}")
        elif outcome not in outcome_items:
            problems.append(
                f"outcomes.{outcome}: required by coverage.outcomes "
                f"(default {', '.join(REQUIRED_OUTCOMES)}); map it or list the outcomes measured"
            )
    if partial and not covered and not outcome_items:
        problems.append(
            "coverage.pillars: [] declares an outcomes-only questionnaire, but no outcome "
            "is mapped; map its outcomes (outcomes: {nps: ...})"
        )
    return Coverage(
        pillars=covered,
        outcomes=tuple(str(outcome) for outcome in outcomes),
        partial=partial or set(outcome_items) != set(OUTCOME_SCALES),
        note=str(raw.get("note", "")),
    )
