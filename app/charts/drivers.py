"""The Drivers page's charts: each pillar's importance, and how much the pillars explain."""

from __future__ import annotations

import altair as alt
import pandas as pd

from cxbench.app.charts.encodings import pillar_order
from cxbench.app.charts.palette import IMPORTANCE_COLOUR
from cxbench.app.charts.theme import Titles, served


def _upper_bound(frame: pd.DataFrame, columns: tuple[str, ...]) -> float:
    """A little above the largest value of ``columns`` (1 when there is none)."""
    largest = pd.to_numeric(frame.loc[:, list(columns)].stack(), errors="coerce").max()
    return 1.0 if pd.isna(largest) else float(largest) * 1.08


@served
def importance_intervals(importance: pd.DataFrame, titles: Titles) -> alt.LayerChart:
    """Each pillar's importance as a dot with its 95% interval (a rule), pillars in
    methodology order, the axis in percent.

    Expects a long frame ``pillar_label, sort_order, measure, value, ci_low, ci_high``
    (one measure per pillar; a second one would sit beside it in the row). Labels are
    never cut and there is no legend to squeeze the chart on a phone.
    """
    base = alt.Chart(importance).encode(
        y=alt.Y(
            "pillar_label:N",
            sort=pillar_order(importance),
            title=None,
            axis=alt.Axis(labelLimit=0),
        ),
        yOffset=alt.YOffset("measure:N"),
        tooltip=[
            alt.Tooltip("pillar_label:N", title=titles["pillar"]),
            alt.Tooltip("measure:N", title=""),
            alt.Tooltip("value:Q", format=".3f", title=titles["share"]),
            alt.Tooltip("ci_low:Q", format=".3f", title=titles["ci_low"]),
            alt.Tooltip("ci_high:Q", format=".3f", title=titles["ci_high"]),
        ],
    )
    intervals = base.mark_rule(strokeWidth=2, color=IMPORTANCE_COLOUR).encode(
        x=alt.X(
            "ci_low:Q",
            title=titles["importance"],
            axis=alt.Axis(format="%"),
            # from zero (a share), with room so the largest dot is clear of the edge
            scale=alt.Scale(domain=[0, _upper_bound(importance, ("value", "ci_high"))]),
        ),
        x2="ci_high:Q",
    )
    dots = base.mark_point(filled=True, size=90, opacity=1, color=IMPORTANCE_COLOUR).encode(
        x="value:Q"
    )
    return alt.layer(intervals, dots)


@served
def r2_points(variance: pd.DataFrame, titles: Titles) -> alt.Chart:
    """R² of advocacy and loyalty per sample (long: sample, country, wave, outcome, r2).

    ``sample`` ("Netherlands 2024") is the row label, so the only legend is the
    outcome's, below the chart and one entry a line (it fits a phone).
    """
    return (
        alt.Chart(variance)
        .mark_point(filled=True, size=80, opacity=1)
        .encode(
            y=alt.Y("sample:N", title=None, axis=alt.Axis(labelLimit=0)),
            x=alt.X("r2:Q", title="R²", scale=alt.Scale(domain=[0, 1], padding=8)),
            color=alt.Color(
                "outcome:N",
                title=None,
                scale=alt.Scale(range=[IMPORTANCE_COLOUR, "#9e9ac8"]),
                legend=alt.Legend(orient="bottom", direction="vertical", labelLimit=0),
            ),
            tooltip=[
                alt.Tooltip("sample:N", title=titles["country"]),
                alt.Tooltip("outcome:N", title=""),
                alt.Tooltip("r2:Q", format=".3f", title="R²"),
            ],
        )
    )
