"""Pillar importance per sample (docs/methodology.md): Johnson's relative weights.

Advocacy (nps) and loyalty are each regressed on the pillar scores the sample's
study measures (int_survey_samples_measured) by weighted least squares over the
complete cases; Johnson's method splits each regression's R² into one
non-negative weight per pillar (they add up to R²), and share = weight / R². A
study measuring two pillars gets shares of those two; pillars it does not
measure have no row. The model reads one row of weighted moments per study ×
country × wave (int_pillar_moments_summed, summed in SQL) and only builds and
decomposes the small correlation matrix here (cxcore.stats.relative_weights).

Uncertainty: the shares have no closed-form standard error, so each sample is
refitted once per replicate group of companies with that group left out (its
moments, int_pillar_moments_replicated, subtracted from the total) and the
spread of those refits gives a delete-a-group jackknife standard error
(cxcore.stats.jackknife) of each share and of the combined importance (the
mean of the nps and loyalty shares). Deterministic: the groups are a hash of
company_id. Fewer than two groups, or a refit that fails, leave it NULL.

Too few complete cases (var min_importance_cases) or a singular correlation
matrix leave the weights NULL with a note, never a silently missing row.

Portable: the inputs come in through cxcore.model_frames.to_pandas (a DuckDB
relation or a Spark DataFrame) and the rows go back as the engine's frame
(engine_frame), so DuckDB and Spark run the same arithmetic on the same rows.
"""

import numpy as np
import pandas as pd

from cxcore.model_frames import engine_frame, to_pandas
from cxcore.stats.jackknife import delete_a_group_std_error
from cxcore.stats.relative_weights import (
    correlations_from_moments,
    relative_weights_from_correlations,
)

OUTCOMES = ("nps", "loyalty")


def _moment_columns(variables: list[str]) -> list[str]:
    """The moment columns one fit reads: Σw, Σw·v and Σw·v·u (u after v)."""
    singles = [f"sum_w__{name}" for name in variables]
    pairs = [
        f"sum_w__{first}__{variables[j]}"
        for i, first in enumerate(variables)
        for j in range(i, len(variables))
    ]
    return ["sum_w", *singles, *pairs]


def _shares(moments: pd.Series, pillars: list[str]) -> dict[str, np.ndarray]:
    """Raw relative weights per outcome from one vector of moments."""
    variables = [*pillars, *OUTCOMES]
    sums = np.array([moments[f"sum_w__{name}"] for name in variables], dtype=float)
    cross = np.empty((len(variables), len(variables)))
    for i, first in enumerate(variables):
        for j in range(i, len(variables)):
            cross[i, j] = cross[j, i] = moments[f"sum_w__{first}__{variables[j]}"]
    correlation = correlations_from_moments(float(moments["sum_w"]), sums, cross)
    weights = {}
    for position, outcome in enumerate(OUTCOMES):
        column = len(pillars) + position
        weights[outcome] = relative_weights_from_correlations(
            correlation[: len(pillars), : len(pillars)],
            correlation[: len(pillars), column],
        )
    return weights


def _jackknife(
    row: pd.Series, groups: pd.DataFrame, pillars: list[str]
) -> tuple[dict[str, np.ndarray], np.ndarray] | None:
    """Jackknife standard errors of each outcome's shares and of the combined importance."""
    columns = _moment_columns([*pillars, *OUTCOMES])
    if len(groups) < 2:
        return None
    total = row[columns].astype(float)
    replicates = []
    try:
        for _, group in groups.iterrows():
            weights = _shares(total - group[columns].astype(float), pillars)
            shares = [weights[outcome] / weights[outcome].sum() for outcome in OUTCOMES]
            replicates.append(np.concatenate([*shares, (shares[0] + shares[1]) / 2]))
    except (ValueError, np.linalg.LinAlgError):
        return None
    errors = delete_a_group_std_error(np.array(replicates))
    k = len(pillars)
    return {"nps": errors[:k], "loyalty": errors[k : 2 * k]}, errors[2 * k :]


def _estimate(
    row: pd.Series, groups: pd.DataFrame, pillars: list[str], min_cases: int
) -> list[dict[str, object]]:
    """Rows of one sample: weights, shares, R² and standard errors per outcome × pillar."""
    n_cases = int(row["n_complete_cases"])
    base = {
        "study_id": row["study_id"],
        "country": row["country"],
        "wave": int(row["wave"]),
        "n_complete_cases": n_cases,
        "effective_n": float(row["sum_w"] ** 2 / row["sum_w2"]) if row["sum_w2"] else None,
        "replicate_groups": len(groups),
    }
    note, weights, errors = None, {}, None
    if n_cases < min_cases:
        note = f"fewer than {min_cases} complete cases (n={n_cases})"
    else:
        try:
            weights = _shares(row, pillars)
        except (ValueError, np.linalg.LinAlgError) as error:
            note, weights = str(error), {}
        if weights:
            errors = _jackknife(row, groups, pillars)
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
                    "share_std_error": float(errors[0][outcome][position]) if errors else None,
                    "importance_std_error": float(errors[1][position]) if errors else None,
                    "is_estimated": raw is not None,
                    "estimation_note": note,
                }
            )
    return rows


def model(dbt, session):
    dbt.config(materialized="table")
    measured = to_pandas(dbt.ref("int_survey_samples_measured"))
    measured = measured[measured["is_measured"]].sort_values("sort_order")
    keys = ["study_id", "country", "wave"]
    pillars_of = {
        key: group["pillar_id"].tolist() for key, group in measured.groupby(keys, sort=False)
    }
    min_cases = int(dbt.config.get("min_importance_cases"))
    moments = to_pandas(dbt.ref("int_pillar_moments_summed"))
    replicated = to_pandas(dbt.ref("int_pillar_moments_replicated"))
    groups_of = {
        key: group.sort_values("replicate_group")
        for key, group in replicated.groupby(keys, sort=False)
    }
    empty = replicated.iloc[0:0]
    rows = []
    for _, moment in moments.iterrows():
        key = (moment["study_id"], moment["country"], moment["wave"])
        rows.extend(
            _estimate(moment, groups_of.get(key, empty), pillars_of.get(key, []), min_cases)
        )
    columns = [
        "study_id",
        "country",
        "wave",
        "outcome",
        "pillar_id",
        "raw_weight",
        "share",
        "r2",
        "share_std_error",
        "importance_std_error",
        "replicate_groups",
        "n_complete_cases",
        "effective_n",
        "is_estimated",
        "estimation_note",
    ]
    frame = pd.DataFrame(rows, columns=columns)
    typed = frame.astype(
        {
            "study_id": "string",
            "country": "string",
            "wave": "int32",
            "outcome": "string",
            "pillar_id": "string",
            "raw_weight": "float64",
            "share": "float64",
            "r2": "float64",
            "share_std_error": "float64",
            "importance_std_error": "float64",
            "replicate_groups": "int32",
            "n_complete_cases": "int32",
            "effective_n": "float64",
            "is_estimated": "bool",
            "estimation_note": "string",
        }
    )
    return engine_frame(session, typed)
