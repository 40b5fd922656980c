"""Pillar importance per country × wave (docs/methodology.md): Johnson's relative weights.

Advocacy (nps) and loyalty are each regressed on the six pillar scores by
weighted least squares over the complete cases; Johnson's method splits each
regression's R² into one non-negative weight per pillar (they add up to R²),
and share = weight / R². The model reads one row of weighted moments per
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
    """Rows of one country × wave: weights, shares and R² per outcome × pillar."""
    variables = [*pillars, *OUTCOMES]
    n_cases = int(row["n_complete_cases"])
    base = {
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
    catalogue = dbt.ref("pillars").df().sort_values("sort_order")
    pillars = catalogue["pillar_id"].tolist()
    min_cases = int(dbt.config.get("min_importance_cases"))
    moments = dbt.ref("int_pillar_moments_summed").df()
    rows = [
        row for _, moment in moments.iterrows() for row in _estimate(moment, pillars, min_cases)
    ]
    columns = [
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
