"""Altair charts of the app; views pass tidy frames in and get charts back.

Charts never query: keeping them pure functions of a DataFrame lets a test build a
chart from a hand-written frame and lets every page reuse one visual language.
"""

from __future__ import annotations

from collections.abc import Mapping

import altair as alt
import pandas as pd

#: Columns :func:`pillar_comparison` expects, one row per series × pillar.
PILLAR_COMPARISON_COLUMNS = (
    "series",
    "pillar_label",
    "sort_order",
    "mean_score",
    "ci_low",
    "ci_high",
    "n_evaluations",
)


def pillar_comparison(scores: pd.DataFrame, titles: Mapping[str, str]) -> alt.LayerChart:
    """Mean per pillar as a point with its 95% interval as an error bar, one colour per series.

    The series (the organisation, its sector leader) sit side by side within each
    pillar's row (``yOffset``) so overlapping intervals stay readable; pillars keep
    their methodology order rather than being sorted by score. ``titles`` holds the
    translated axis and tooltip titles: ``pillar``, ``score``, ``ci_low``, ``ci_high``.
    """
    pillar_title, score_title = titles["pillar"], titles["score"]
    frame = scores.loc[:, list(PILLAR_COMPARISON_COLUMNS)]
    pillar_order = (
        frame.drop_duplicates("pillar_label").sort_values("sort_order")["pillar_label"].tolist()
    )
    series_order = list(dict.fromkeys(frame["series"]))
    base = alt.Chart(frame).encode(
        y=alt.Y("pillar_label:N", sort=pillar_order, title=pillar_title),
        yOffset=alt.YOffset("series:N", sort=series_order),
        color=alt.Color(
            "series:N", sort=series_order, title=None, legend=alt.Legend(orient="bottom")
        ),
        tooltip=[
            alt.Tooltip("series:N", title=""),
            alt.Tooltip("pillar_label:N", title=pillar_title),
            alt.Tooltip("mean_score:Q", format=".2f", title=score_title),
            alt.Tooltip("ci_low:Q", format=".2f", title=titles["ci_low"]),
            alt.Tooltip("ci_high:Q", format=".2f", title=titles["ci_high"]),
            alt.Tooltip("n_evaluations:Q", title="n"),
        ],
    )
    error_bars = base.mark_rule(strokeWidth=2).encode(
        x=alt.X("ci_low:Q", title=score_title, scale=alt.Scale(zero=False, nice=True)),
        x2="ci_high:Q",
    )
    points = base.mark_point(filled=True, size=90, opacity=1).encode(x="mean_score:Q")
    return alt.layer(error_bars, points)
