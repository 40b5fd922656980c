"""Declared pillars and outcomes that can never produce a score, per loaded survey batch.

A mapping declares the pillars and outcomes its questionnaire measures; a batch
whose rows never answer one (a statement always "don't know", never enough of
a pillar's statements in one evaluation to reach ``min_answered_share``, an
outcome column always missing) builds without error, and the pillar or outcome
is simply absent from the marts. That is worth a look, never a block: the rest
of the file is good. The judgement needs a methodology threshold, so it is a
quality expectation (docs/data-contracts.md §6), at warning severity. It is
ingestion's own (:mod:`cxcore.never_scoring`, which ingest applies to each new
batch and records in ``raw.load_warnings``), applied here to every loaded
batch with the threshold of the current methodology: one aggregate row per
batch is read, then one row per declared pillar or outcome judged.
"""

from __future__ import annotations

from dataclasses import asdict, fields

import great_expectations as gx
import pandas as pd

from cxbench.expectations.params import QualityParams
from cxbench.expectations.suites.spec import WARNING, SourceContext
from cxcore.never_scoring import Verdict, answer_counts_sql, judge_batch
from cxcore.sql_text import number_literal

SUITE_NAME = "raw_study_coverage"
SOURCE_TABLES = ("raw.load_batches", "raw.survey_evaluations")
#: What names a never-scoring subject in ``unexpected_examples``: file, study, what, why.
KEY_COLUMNS = ("batch_id", "source_file", "study_id", "subject", "subject_id", "reason")
VERDICT_COLUMNS = tuple(field.name for field in fields(Verdict))


def source_sql(context: SourceContext) -> str:
    """Per loaded survey batch: declared statements and outcomes, and how much was answered."""
    share = number_literal(context.params.min_answered_share)
    return f"select *, {share} as min_answered_share from ({answer_counts_sql()})"


def judge_batches(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per batch × declared pillar or outcome, with ``can_score`` and the reason."""
    verdicts = [
        asdict(verdict)
        for row in frame.to_dict("records")
        for verdict in judge_batch(row, float(row["min_answered_share"]))
    ]
    return pd.DataFrame(verdicts, columns=list(VERDICT_COLUMNS))


def build_suite(params: QualityParams) -> gx.ExpectationSuite:
    """Every declared pillar and outcome of every batch can produce a score (warning)."""
    return gx.ExpectationSuite(
        name=SUITE_NAME,
        expectations=[
            gx.expectations.ExpectColumnValuesToBeInSet(
                column="can_score",
                value_set=[True],
                meta=WARNING,
                notes="A pillar or outcome the mapping declares never scores in this batch: "
                "its answers are all missing or don't know, or no evaluation answers "
                f"{params.min_answered_share:g} of the pillar's measured statements. "
                "Check the mapping's columns and missing codes.",
            ),
        ],
        notes="Declared pillars and outcomes of each loaded survey batch can produce a score.",
    )
