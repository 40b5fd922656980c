"""Pillar importance per sample (docs/methodology.md): Johnson's relative weights.

Advocacy (nps) and loyalty are each regressed on the pillar scores the sample's
study measures (int_survey_samples_measured) by weighted least squares over the
complete cases; Johnson's method splits each regression's R² into one
non-negative weight per pillar (they add up to R²), and share = weight / R². A
study measuring two pillars gets shares of those two; pillars it does not
measure have no row. The model reads one row of weighted moments per study ×
country × wave (int_pillar_moments_summed, summed in SQL) and only builds and
decomposes the small correlation matrix here (cxcore.stats.relative_weights).

Too few complete cases (var min_importance_cases) or a singular correlation
matrix leave the weights NULL with a note, never a silently missing row.
"""

import numpy as np
import pandas as pd

from cxcore.stats.relative_weights import (
    correlations_from_moments,
    relative_weights_from_correlations,
)

OUTCOMES = ("nps", "loyalty")


def _moment_matrices(row: pd.Series, variables: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Σw·v (k) and the symmetric Σw·v·u (k × k) from one row of the moments table."""
    sums = np.array([row[f"sum_w__{name}"] for name in variables], dtype=float)
    cross = np.empty((len(variables), len(variables)))
    for i, first in enumerate(variables):
        for j in range(i, len(variables)):
            cross[i, j] = cross[j, i] = row[f"sum_w__{first}__{variables[j]}"]
    return sums, cross


def _estimate(row: pd.Series, pillars: list[str], min_cases: int) -> list[dict[str, object]]:
    """Rows of one sample: weights, shares and R² per outcome × measured pillar."""
    variables = [*pillars, *OUTCOMES]
    n_cases = int(row["n_complete_cases"])
    base = {
        "study_id": row["study_id"],
        "country": row["country"],
        "wave": int(row["wave"]),
        "n_complete_cases": n_cases,
        "effective_n": float(row["sum_w"] ** 2 / row["sum_w2"]) if row["sum_w2"] else None,
    }
    note, weights = None, {}
    if n_cases < min_cases:
        note = f"fewer than {min_cases} complete cases (n={n_cases})"
    else:
        try:
            sums, cross = _moment_matrices(row, variables)
            correlation = correlations_from_moments(float(row["sum_w"]), sums, cross)
            for position, outcome in enumerate(OUTCOMES):
                column = len(pillars) + position
                weights[outcome] = relative_weights_from_correlations(
                    correlation[: len(pillars), : len(pillars)],
                    correlation[: len(pillars), column],
                )
        except (ValueError, np.linalg.LinAlgError) as error:
            note, weights = str(error), {}
    rows = []
    for outcome in OUTCOMES:
        raw = weights.get(outcome)
        r2 = float(raw.sum()) if raw is not None else None
        for position, pillar_id in enumerate(pillars):
            rows.append(
                {
                    **base,
                    "outcome": outcome,
                    "pillar_id": pillar_id,
                    "raw_weight": float(raw[position]) if raw is not None else None,
                    "share": float(raw[position]) / r2 if raw is not None and r2 else None,
                    "r2": r2,
                    "is_estimated": raw is not None,
                    "estimation_note": note,
                }
            )
    return rows


def model(dbt, session):
    dbt.config(materialized="table")
    measured = dbt.ref("int_survey_samples_measured").df()
    measured = measured[measured["is_measured"]].sort_values("sort_order")
    pillars_of = {
        key: group["pillar_id"].tolist()
        for key, group in measured.groupby(["study_id", "country", "wave"], sort=False)
    }
    min_cases = int(dbt.config.get("min_importance_cases"))
    moments = dbt.ref("int_pillar_moments_summed").df()
    rows = [
        row
        for _, moment in moments.iterrows()
        for row in _estimate(
            moment,
            pillars_of.get((moment["study_id"], moment["country"], moment["wave"]), []),
            min_cases,
        )
    ]
    columns = [
        "study_id",
        "country",
        "wave",
        "outcome",
        "pillar_id",
        "raw_weight",
        "share",
        "r2",
        "n_complete_cases",
        "effective_n",
        "is_estimated",
        "estimation_note",
    ]
    frame = pd.DataFrame(rows, columns=columns)
    return frame.astype(
        {
            "study_id": "string",
            "country": "string",
            "wave": "int32",
            "outcome": "string",
            "pillar_id": "string",
            "raw_weight": "float64",
            "share": "float64",
            "r2": "float64",
            "n_complete_cases": "int32",
            "effective_n": "float64",
            "is_estimated": "bool",
            "estimation_note": "string",
        }
    )
