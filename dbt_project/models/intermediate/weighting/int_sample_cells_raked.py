"""Raking weight per sample cell (docs/methodology.md).

Each sample (study × country × wave: two studies in one country are two
samples) is raked to the country × wave's population margins on the
weighting dimensions, trimmed and re-raked (cxcore.stats.raking). The model
reads only the cell table (int_sample_cells_counted: a few dozen rows per
country × wave) and the margins; the weights are applied in SQL to cell sums
(int_company_channels_summed, int_pillar_moments_summed). Python, because
iterative fitting is a loop SQL cannot express portably; numpy does the
arithmetic.

Raking starts from the provider's design weights when the file has them
(mapping fields.weight): a cell counts as the sum of its evaluations' design
weights (`sum_design_weights`, the evaluation count without them), so the
factor `raking_factor` that raking finds multiplies each evaluation's design
weight. The trim bounds apply to that factor, not to the provider's weights.
`weight` is the factor times the sample's `design_weight_scale` (its count
over its sum of design weights), so that the final weights, design weight ×
`weight`, average 1 per sample as without design weights; without them the
scale is exactly 1 and `weight` is the raking weight.

Cells that cannot be raked keep factor 1 and say why in `raking_note`: a
country × wave without margins, or per dimension a missing category (a file
without age or gender: "age_band missing") or one the margins do not list
("gender 'x' not in the margins"). int_country_waves_weighted turns these into
the sample's weighting_method and weighting_note.

Portable: the cell table comes in through cxcore.model_frames.to_pandas (a
DuckDB relation or a Spark DataFrame) and goes back as the engine's frame.
"""

import json

import pandas as pd

from cxcore.model_frames import engine_frame, to_pandas
from cxcore.stats.raking import rake_cells

NOTE_NO_MARGINS = "no population margins for this country and wave"


def _cell_note(cell: pd.Series, dimensions: list[str], targets: list[dict[str, float]]) -> str:
    """Why one cell cannot be raked: each dimension whose category is missing or unknown."""
    reasons = []
    for dimension, target in zip(dimensions, targets, strict=True):
        value = cell[dimension]
        if pd.isna(value):
            reasons.append(f"{dimension} missing")
        elif value not in target:
            reasons.append(f"{dimension} '{value}' not in the margins")
    return "; ".join(reasons)


def _targets(margins: pd.DataFrame, dimensions: list[str]) -> list[dict[str, float]] | None:
    """Target shares per dimension for one country × wave, or None if a dimension has none."""
    targets = []
    for dimension in dimensions:
        rows = margins[margins["dimension"] == dimension]
        if rows.empty:
            return None
        targets.append(dict(zip(rows["category"], rows["share"].astype(float), strict=True)))
    return targets


def _rake_group(
    cells: pd.DataFrame,
    targets: list[dict[str, float]] | None,
    dimensions: list[str],
    settings: dict[str, float],
) -> pd.DataFrame:
    """The cells of one country × wave with their weights and how raking went."""
    cells = cells.copy()
    cells["raking_factor"] = 1.0
    cells["is_raked"] = False
    cells["raking_iterations"] = 0
    cells["raking_converged"] = None
    cells["max_margin_error"] = None
    if targets is None:
        cells["raking_note"] = NOTE_NO_MARGINS
        return _scaled(cells)
    rakeable = pd.Series(True, index=cells.index)
    for dimension, target in zip(dimensions, targets, strict=True):
        rakeable &= cells[dimension].isin(list(target))
    cells["raking_note"] = None
    if not rakeable.all():
        cells.loc[~rakeable, "raking_note"] = cells[~rakeable].apply(
            _cell_note, axis=1, dimensions=dimensions, targets=targets
        )
    raked = cells[rakeable]
    if raked.empty:
        return _scaled(cells)
    result = rake_cells(
        counts=raked["sum_design_weights"].to_numpy(dtype=float),
        cells=list(raked[dimensions].itertuples(index=False, name=None)),
        targets=targets,
        trim_min=settings["trim_min"],
        trim_max=settings["trim_max"],
        max_iterations=int(settings["max_iterations"]),
        tolerance=settings["tolerance"],
    )
    cells.loc[rakeable, "raking_factor"] = result.weights
    cells.loc[rakeable, "is_raked"] = True
    cells["raking_iterations"] = result.iterations
    cells["raking_converged"] = result.converged
    cells["max_margin_error"] = result.max_margin_error
    return _scaled(cells)


def _scaled(cells: pd.DataFrame) -> pd.DataFrame:
    """The cells with the weight that multiplies a design weight: factor × sample scale.

    Raking keeps the design-weighted total (the raked cells' Σ design weight ×
    factor equals their Σ design weight, the others have factor 1), so dividing
    by the sample's mean design weight makes the final weights average 1.
    """
    cells["design_weight_scale"] = cells["n_evaluations"].sum() / cells["sum_design_weights"].sum()
    cells["weight"] = cells["raking_factor"] * cells["design_weight_scale"]
    return cells


def _as_list(value: object) -> list[str]:
    """The weighting dimensions from the model config (a list, or its text form)."""
    if isinstance(value, str):
        value = json.loads(value.replace("'", '"'))
    return [str(item) for item in value]


def model(dbt, session):
    dbt.config(materialized="table")
    dimensions = _as_list(dbt.config.get("weighting_dimensions"))
    settings = {
        "trim_min": float(dbt.config.get("weight_trim_min")),
        "trim_max": float(dbt.config.get("weight_trim_max")),
        "max_iterations": int(dbt.config.get("raking_max_iterations")),
        "tolerance": float(dbt.config.get("raking_tolerance")),
    }
    cells = to_pandas(dbt.ref("int_sample_cells_counted"))
    margins = to_pandas(dbt.ref("int_population_margins_chosen"))
    margins = margins[margins["dimension"].isin(dimensions)]

    groups = []
    for (_, country, wave), group in cells.groupby(["study_id", "country", "wave"], sort=True):
        in_wave = margins[(margins["country"] == country) & (margins["wave"] == wave)]
        groups.append(_rake_group(group, _targets(in_wave, dimensions), dimensions, settings))
    columns = [
        "study_id",
        "country",
        "wave",
        *dimensions,
        "n_evaluations",
        "n_design_weighted",
        "sum_design_weights",
        "sum_squared_design_weights",
        "min_design_weight",
        "max_design_weight",
        "raking_factor",
        "design_weight_scale",
        "weight",
        "is_raked",
        "raking_iterations",
        "raking_converged",
        "max_margin_error",
        "raking_note",
    ]
    if not groups:  # typed all the same: readers (and unit tests) take the types from here
        raked = pd.DataFrame({column: [] for column in columns})
    else:
        raked = pd.concat(groups, ignore_index=True)[columns]
    # categories as text even when a dimension is missing from every cell (a file
    # without age): an all-NULL column would otherwise be written with type NULL
    typed = raked.astype(
        {
            "study_id": "string",
            "country": "string",
            "wave": "int32",
            **dict.fromkeys(dimensions, "string"),
            "n_evaluations": "int32",
            "n_design_weighted": "int32",
            "sum_design_weights": "float64",
            "sum_squared_design_weights": "float64",
            "min_design_weight": "float64",
            "max_design_weight": "float64",
            "raking_factor": "float64",
            "design_weight_scale": "float64",
            "weight": "float64",
            "is_raked": "bool",
            "raking_iterations": "int32",
            "raking_converged": "boolean",
            "max_margin_error": "float64",
            "raking_note": "string",
        }
    )
    return engine_frame(session, typed)
