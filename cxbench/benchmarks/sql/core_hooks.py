"""The two numeric steps of cxbench/benchmarks/sql/core_numbers.sql that are not SQL.

Each reads a small table from the script's connection, computes with
:mod:`cxcore.stats` (the same maths as the dbt Python models) and writes a
small temp table back: raking on cell counts, Johnson's relative weights on the
8 × 8 moment matrix. Parameters are the methodology defaults.
"""

from __future__ import annotations

import duckdb
import numpy as np
import pandas as pd

from cxcore.stats.raking import rake_cells
from cxcore.stats.relative_weights import (
    correlations_from_moments,
    relative_weights_from_correlations,
)

DIMENSIONS = ("age_band", "gender")
PILLARS = ("personalisation", "integrity", "expectations", "resolution", "time_effort", "empathy")
TRIM = (0.3, 3.0)
MAX_ITERATIONS = 200
TOLERANCE = 1e-12
MIN_IMPORTANCE_CASES = 200


def rake_hook(connection: duckdb.DuckDBPyConnection) -> None:
    """sample_cells + raw.population_margins → temp table cell_weights."""
    cells = connection.execute("select * from sample_cells").df()
    margins = connection.execute("select * from raw.population_margins").df()
    rows = []
    for (country, wave), group in cells.groupby(["country", "wave"]):
        in_wave = margins[(margins["country"] == country) & (margins["wave"] == wave)]
        targets = [
            dict(zip(part["category"], part["share"], strict=True))
            for dimension in DIMENSIONS
            for part in [in_wave[in_wave["dimension"] == dimension]]
        ]
        if any(not target for target in targets):
            continue
        rakeable = group[
            group["age_band"].isin(list(targets[0])) & group["gender"].isin(list(targets[1]))
        ]
        result = rake_cells(
            rakeable["n_evaluations"].to_numpy(dtype=float),
            list(rakeable[list(DIMENSIONS)].itertuples(index=False, name=None)),
            targets,
            *TRIM,
            max_iterations=MAX_ITERATIONS,
            tolerance=TOLERANCE,
        )
        rows.append(rakeable[["country", "wave", *DIMENSIONS]].assign(weight=result.weights))
    weights = (
        pd.concat(rows, ignore_index=True)
        if rows
        else pd.DataFrame(columns=["country", "wave", *DIMENSIONS, "weight"])
    )
    connection.register("cell_weights_frame", weights)
    connection.execute("create or replace temp table cell_weights as from cell_weights_frame")
    connection.unregister("cell_weights_frame")


def importance_hook(connection: duckdb.DuckDBPyConnection) -> None:
    """weighted_moments → temp table pillar_weights (CEE driver weights)."""
    moments = connection.execute(
        "select country, wave, m_n, m_w, m_sums, m_cross_products from weighted_moments"
    ).fetchall()
    rows = []
    size = len(PILLARS) + 2
    upper = np.triu_indices(size)
    for country, wave, n_cases, sum_w, sums, cross_upper in moments:
        weights = np.full(len(PILLARS), 1.0 / len(PILLARS))
        if n_cases >= MIN_IMPORTANCE_CASES:
            cross = np.zeros((size, size))
            cross[upper] = cross_upper
            cross = cross + np.triu(cross, 1).T
            correlation = correlations_from_moments(sum_w, np.asarray(sums), cross)
            shares = []
            for column in (len(PILLARS), len(PILLARS) + 1):
                raw = relative_weights_from_correlations(
                    correlation[: len(PILLARS), : len(PILLARS)],
                    correlation[: len(PILLARS), column],
                )
                shares.append(raw / raw.sum())
            weights = (shares[0] + shares[1]) / 2
        rows += [
            {"country": country, "wave": wave, "pillar_id": pillar, "weight": float(weight)}
            for pillar, weight in zip(PILLARS, weights, strict=True)
        ]
    frame = pd.DataFrame(rows, columns=["country", "wave", "pillar_id", "weight"])
    connection.register("pillar_weights_frame", frame)
    connection.execute("create or replace temp table pillar_weights as from pillar_weights_frame")
    connection.unregister("pillar_weights_frame")
