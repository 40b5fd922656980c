"""Declared pillars and outcomes of a survey batch that can never produce a score.

A mapping declares what a questionnaire measures; the loaded rows may still make
a score impossible: every answer to a pillar's statements missing or don't know,
fewer of them answered in every row than a pillar score needs (at least
``min_answered_share`` of the statements the study measures for that pillar),
or a declared outcome never answered. Row by row nothing is wrong, so the file
loads, but the marts would lack that pillar or outcome without anyone being
told. Ingest warns and records it (``raw.load_warnings``) and ``cxbench check``
warns from the warehouse (suite ``raw_study_coverage``); both read the same
per-batch answer counts (:func:`answer_counts_sql`) and judge them with
:func:`judge_batch`, so they cannot disagree.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

import duckdb
import yaml

from cxcore.catalogue import pillars, statements_of
from cxcore.sql_text import number_literal

#: Outcome columns of ``raw.survey_evaluations`` (docs/data-contracts.md §2).
OUTCOMES = ("nps", "loyalty", "csat", "ces")
PILLAR = "pillar"
OUTCOME = "outcome"


@dataclass(frozen=True)
class Verdict:
    """Whether one declared pillar or outcome of a batch can produce a score, and why not."""

    batch_id: str
    source_file: str
    study_id: str
    study_name: str
    subject: str  # pillar | outcome
    subject_id: str
    can_score: bool
    reason: str = ""

    def message(self) -> str:
        """One line naming file, study, pillar or outcome, and why it never scores."""
        return (
            f"{self.source_file} (study {self.study_id}): {self.subject} {self.subject_id} "
            f"can never score: {self.reason}"
        )


def answer_counts_sql(one_batch: bool = False) -> str:
    """One row per loaded survey batch: what it declares and how much of it was answered.

    ``max_answered_<pillar>`` is the most statements of the pillar any one row
    answered (unmapped statements are NULL in raw, so only measured ones count);
    ``n_answered_<outcome>`` counts rows with that outcome. With ``one_batch`` the
    SQL takes the batch id as its one parameter.
    """
    per_pillar = ",\n    ".join(
        "max("
        + " + ".join(f"cast({sid} is not null as integer)" for sid in statements_of(p.pillar_id))
        + f") as max_answered_{p.pillar_id}"
        for p in pillars()
    )
    per_outcome = ",\n    ".join(f"count({name}) as n_answered_{name}" for name in OUTCOMES)
    only = "and batches.batch_id = ?" if one_batch else ""
    return f"""
select
    batches.batch_id,
    batches.source_path,
    batches.study_id,
    batches.study_name,
    batches.measured_statements,
    batches.mapping,
    count(evaluations.batch_id) as n_rows,
    {per_pillar},
    {per_outcome}
from raw.load_batches as batches
left join raw.survey_evaluations as evaluations
    on batches.batch_id = evaluations.batch_id
where batches.kind = 'survey' and batches.status = 'loaded' {only}
group by all
order by batches.batch_id
"""


def declared_outcomes(mapping_text: str | None) -> tuple[str, ...]:
    """The outcomes a survey mapping maps (its ``outcomes:`` keys), in canonical order.

    Only the section's keys are read: the mapping was validated when its batch
    loaded, and its text is stored on the batch as it was.
    """
    try:
        document = yaml.safe_load(mapping_text or "") or {}
    except yaml.YAMLError:
        return ()
    section = document.get("outcomes") if isinstance(document, Mapping) else None
    if not isinstance(section, Mapping):
        return ()
    return tuple(name for name in OUTCOMES if name in section)


def judge_batch(counts: Mapping[str, Any], min_answered_share: float) -> list[Verdict]:
    """A verdict per declared pillar (in display order), then per declared outcome."""
    measured = [sid for sid in str(counts["measured_statements"] or "").split(",") if sid]
    n_rows = int(counts["n_rows"])
    base = {
        "batch_id": str(counts["batch_id"]),
        "source_file": PurePath(str(counts["source_path"])).name,
        "study_id": str(counts["study_id"] or ""),
        "study_name": str(counts["study_name"] or ""),
    }
    verdicts = []
    for pillar in pillars():
        asked = [sid for sid in statements_of(pillar.pillar_id) if sid in measured]
        if asked:
            best = int(counts[f"max_answered_{pillar.pillar_id}"] or 0)
            reason = _pillar_reason(asked, best, n_rows, min_answered_share)
            verdicts.append(Verdict(**base, subject=PILLAR, subject_id=pillar.pillar_id,
                                    can_score=not reason, reason=reason))  # fmt: skip
    for outcome in declared_outcomes(counts["mapping"]):
        answered = int(counts[f"n_answered_{outcome}"] or 0)
        reason = "" if answered else _nothing_answered(n_rows, "every value missing")
        verdicts.append(Verdict(**base, subject=OUTCOME, subject_id=outcome,
                                can_score=not reason, reason=reason))  # fmt: skip
    return verdicts


def _pillar_reason(asked: list[str], best: int, n_rows: int, share: float) -> str:
    """Why no evaluation of the batch can score the pillar; empty when one can.

    The rule is the dbt model's: answered >= min_answered_share × measured.
    """
    if best >= share * len(asked):
        return ""
    if best == 0:
        return _nothing_answered(
            n_rows, f"{', '.join(asked)} {'is' if len(asked) == 1 else 'are'} always "
            "missing or don't know"
        )  # fmt: skip
    needed = next((k for k in range(len(asked) + 1) if k >= share * len(asked)), "more")
    return (
        f"no row answers more than {best} of its {len(asked)} measured statements "
        f"({', '.join(asked)}); a pillar score needs {needed} "
        f"(min_answered_share {share:g} × {len(asked)})"
    )


def _nothing_answered(n_rows: int, what: str) -> str:
    if n_rows == 0:
        return "no row of the file was loaded"
    return f"no answer in any of the {n_rows:,} loaded rows ({what})"


def every_subject_can_score(
    con: duckdb.DuckDBPyConnection, min_answered_share: float, batch_id: str
) -> bool:
    """Whether rows of the batch show that each declared pillar and outcome can score.

    One row answering enough of a pillar's measured statements (or any value of
    an outcome) proves it, so each subject is an ``exists`` that stops at the
    first such row: 3 ms on a sound batch of 1.85M evaluations, where the full
    counts of :func:`batch_verdicts` take 0.1 s. The rule is
    :func:`judge_batch`'s, so a False here means at least one verdict against.
    """
    declared = con.execute(
        "select measured_statements, mapping from raw.load_batches where batch_id = ?",
        [batch_id],
    ).fetchall()
    if not declared:
        return False
    measured_text, mapping = declared[0]
    measured = set(str(measured_text or "").split(","))
    shown: list[str] = []
    for pillar in pillars():
        asked = [sid for sid in statements_of(pillar.pillar_id) if sid in measured]
        if asked:
            answered = " + ".join(f"cast({sid} is not null as integer)" for sid in asked)
            shown.append(f"{answered} >= {number_literal(min_answered_share * len(asked))}")
    shown += [f"{outcome} is not null" for outcome in declared_outcomes(mapping)]
    if not shown:
        return True
    probes = ", ".join(
        f"exists (select 1 from raw.survey_evaluations where batch_id = ? and {condition})"
        for condition in shown
    )
    return all(con.execute(f"select {probes}", [batch_id] * len(shown)).fetchall()[0])


def batch_verdicts(
    con: duckdb.DuckDBPyConnection, min_answered_share: float, batch_id: str | None = None
) -> list[Verdict]:
    """The verdicts of one loaded survey batch, or of every one when ``batch_id`` is None."""
    cursor = con.execute(answer_counts_sql(batch_id is not None), [batch_id] if batch_id else [])
    names = [column[0] for column in cursor.description or []]
    rows = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
    return [verdict for row in rows for verdict in judge_batch(row, min_answered_share)]
