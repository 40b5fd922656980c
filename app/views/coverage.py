"""What a study measured, said wherever its scores are shown.

Studies ask different subsets of the 30 catalogue statements: a pillar may be
measured by fewer statements than the catalogue has (a narrower measure), or not at
all, and the CX index is then built from the measured pillars only. A page says so
next to the numbers, so that "not measured by this study" is never read as missing
data or a zero, and a partial index never passes for the six-pillar one.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import streamlit as st

from cxbench.app import i18n, queries


def listed(labels: Sequence[str], language: str) -> str:
    """'Integrity', 'Integrity and Empathy', 'Integrity, Resolution and Empathy'."""
    if len(labels) < 2:
        return "".join(labels)
    return f"{', '.join(labels[:-1])} {i18n.text('and', language)} {labels[-1]}"


def measured_by(n_measured: object, n_total: object, language: str) -> str:
    """How one pillar was measured: all its statements, some of them, or not at all."""
    if n_measured is None or pd.isna(n_measured):
        return i18n.text("not_measured", language)
    if n_total is not None and not pd.isna(n_total) and int(n_measured) < int(n_total):
        return i18n.text("measured_by", language, n=int(n_measured), total=int(n_total))
    return i18n.text("measured_fully", language, n=int(n_measured))


def is_full(coverage: pd.DataFrame) -> bool:
    """Whether every pillar is measured by all its catalogue statements."""
    return bool(
        coverage["is_measured"].all()
        and (coverage["n_statements_measured"] >= coverage["n_statements_total"]).all()
    )


def measurement_column(coverage: pd.DataFrame, language: str) -> pd.DataFrame:
    """``pillar_id, measured``: each pillar's :func:`measured_by` text."""
    return pd.DataFrame(
        {
            "pillar_id": coverage["pillar_id"],
            "measured": [
                measured_by(row.n_statements_measured, row.n_statements_total, language)
                for row in coverage.itertuples()
            ],
        }
    )


def narrow_labels(coverage: pd.DataFrame, language: str) -> dict[str, str]:
    """``pillar_label -> 'Integrity (measured by 2 of 5 statements)'`` for the pillars the
    study measures by fewer statements than the catalogue has, to relabel chart rows."""
    narrow = coverage[
        coverage["is_measured"]
        & (coverage["n_statements_measured"] < coverage["n_statements_total"])
    ]
    return {
        row.pillar_label: (
            f"{row.pillar_label} "
            f"({measured_by(row.n_statements_measured, row.n_statements_total, language)})"
        )
        for row in narrow.itertuples()
    }


def unmeasured_note(coverage: pd.DataFrame, language: str) -> None:
    """A caption naming the pillars the study does not measure (nothing when it has all)."""
    missing = coverage.loc[~coverage["is_measured"], "pillar_label"].tolist()
    if missing and len(missing) < len(coverage):
        st.caption(i18n.text("not_measured_note", language, pillars=listed(missing, language)))


def index_note(
    warehouse: queries.WarehouseFile, pillar_sets: Sequence[str | None], language: str
) -> None:
    """Say which pillars a partial CX index is built from, once per pillar set.

    ``pillar_sets`` are ``cx_index_pillars`` values ('integrity,empathy') of indexes
    flagged ``is_partial_coverage``; the names are shown in the reader's language.
    """
    labels = queries.pillar_labels(warehouse, language)
    for pillars in dict.fromkeys(pillar_sets):
        if not pillars:
            continue
        names = [labels.get(pillar, pillar) for pillar in pillars.split(",")]
        st.info(i18n.text("index_partial", language, pillars=listed(names, language)))
