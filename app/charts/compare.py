"""The Compare page's charts: pillars beside the leader, priorities, differences, trends.

The report draws the same ones (:mod:`cxbench.app.report.figures`).
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from cxbench.app.charts.encodings import pillar_order, series_colour
from cxbench.app.charts.palette import DIRECTION_COLOURS, PILLAR_PALETTE
from cxbench.app.charts.theme import DISCRETE_STEP, Titles, served

#: Columns :func:`pillar_comparison` expects, one row per series × pillar.
PILLAR_COMPARISON_COLUMNS = (
    "series",
    "role",
    "pillar_label",
    "sort_order",
    "mean_score",
    "ci_low",
    "ci_high",
    "n_evaluations",
    "is_gap_significant",
)


@served
def pillar_comparison(scores: pd.DataFrame, titles: Titles) -> alt.LayerChart:
    """Mean per pillar as a point with its 95% interval as a rule, one colour per series.

    Series (the organisation, its sector leader, the sector and national averages)
    sit side by side within each pillar's row (``yOffset``) so overlapping intervals
    stay readable. A ring marks the organisation's pillars that differ significantly
    from the leader, in the colour of their ``direction``: orange-red for a shortfall,
    teal for a lead (:data:`DIRECTION_COLOURS`), so a lead never looks like a gap.
    """
    pillar_title, score_title = titles["pillar"], titles["score"]
    # ``direction`` is optional: a page without a leader (Sectors) draws no rings
    frame = scores.reindex(columns=[*PILLAR_COMPARISON_COLUMNS, "direction"])
    series_order = list(dict.fromkeys(frame["series"]))
    base = alt.Chart(frame).encode(
        y=alt.Y(
            "pillar_label:N",
            sort=pillar_order(frame),
            title=None,
            # labels are never cut: "Integrity (measured by 2 of 5 statements)" wraps
            axis=alt.Axis(labelLimit=0),
        ),
        yOffset=alt.YOffset("series:N", sort=series_order),
        color=series_colour(frame),
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
    rings = [
        base.mark_point(filled=False, size=320, strokeWidth=2.5)
        .encode(x="mean_score:Q", color=alt.value(DIRECTION_COLOURS[direction]))
        .transform_filter(alt.datum.direction == direction)
        for direction in ("behind", "ahead")
    ]
    return alt.layer(error_bars, points, *rings)


@served
def priority_bars(gaps: pd.DataFrame, titles: Titles) -> alt.LayerChart:
    """Priority (shortfall × importance) of the significant shortfalls, highest first,
    with the priority's 95% interval as a rule.

    Expects ``pillar_label, priority, priority_ci_low, priority_ci_high, priority_rank,
    difference, importance``; every bar is a significant shortfall, so all are drawn
    in the "behind" colour.
    """
    order = gaps.sort_values("priority_rank")["pillar_label"].tolist()
    base = alt.Chart(gaps).encode(
        y=alt.Y("pillar_label:N", sort=order, title=None, axis=alt.Axis(labelLimit=0)),
        tooltip=[
            alt.Tooltip("pillar_label:N", title=titles["pillar"]),
            alt.Tooltip("difference:Q", format="+.2f", title=titles["gap"]),
            alt.Tooltip("importance:Q", format=".3f", title=titles["importance"]),
            alt.Tooltip("priority:Q", format=".3f", title=titles["priority"]),
            alt.Tooltip("priority_ci_low:Q", format=".3f", title=titles["ci_low"]),
            alt.Tooltip("priority_ci_high:Q", format=".3f", title=titles["ci_high"]),
        ],
    )
    bars = base.mark_bar(color=DIRECTION_COLOURS["behind"], opacity=0.8).encode(
        x=alt.X("priority:Q", title=titles["priority"])
    )
    intervals = base.mark_rule(strokeWidth=2, color="black").encode(
        x="priority_ci_low:Q", x2="priority_ci_high:Q"
    )
    # a step per pillar: without it the layer squeezes the bars into the default height
    return alt.layer(bars, intervals).properties(height=alt.Step(DISCRETE_STEP))


@served
def difference_dots(differences: pd.DataFrame, titles: Titles) -> alt.LayerChart:
    """Differences (you − comparator, or a change since the previous wave) as a dot per
    pillar with its 95% interval as a rule, coloured by direction, around a zero line.

    Expects ``pillar_label, sort_order, group, difference, low, high, direction`` and
    ``direction_label`` (the translated word of ``direction``); ``group`` (the
    comparator's name, or one value for changes) sits side by side within a pillar's
    row and is told apart by the dot's shape. ``titles["directions"]`` is the
    translated behind / level / ahead words in that order, for a fixed colour legend.
    """
    words = titles["directions"].split("|")
    groups = list(dict.fromkeys(differences["group"]))
    base = alt.Chart(differences).encode(
        y=alt.Y(
            "pillar_label:N",
            sort=pillar_order(differences),
            title=None,
            axis=alt.Axis(labelLimit=0),
        ),
        yOffset=alt.YOffset("group:N", sort=groups),
        color=alt.Color(
            "direction_label:N",
            title=None,
            scale=alt.Scale(
                domain=words,
                range=[DIRECTION_COLOURS[key] for key in ("behind", "level", "ahead")],
            ),
            # one column: "no significant change" three times overflows a phone
            legend=alt.Legend(orient="bottom", columns=1, labelLimit=0),
        ),
        tooltip=[
            alt.Tooltip("pillar_label:N", title=titles["pillar"]),
            alt.Tooltip("group:N", title=""),
            alt.Tooltip("difference:Q", format="+.2f", title=titles["difference"]),
            alt.Tooltip("low:Q", format="+.2f", title=titles["ci_low"]),
            alt.Tooltip("high:Q", format="+.2f", title=titles["ci_high"]),
            alt.Tooltip("direction_label:N", title=titles["direction"]),
        ],
    )
    # the zero line over the same data (one dataset per chart): a full-height rule at x = 0
    zero = alt.Chart(differences).mark_rule(color="black").encode(x=alt.datum(0))
    intervals = base.mark_rule(strokeWidth=2).encode(
        x=alt.X("low:Q", title=titles["difference"]), x2="high:Q"
    )
    shape = alt.Shape(
        "group:N",
        sort=groups,
        title=None,
        legend=alt.Legend(orient="top", columns=1, labelLimit=0) if len(groups) > 1 else None,
    )
    dots = base.mark_point(filled=True, size=80, opacity=1).encode(x="difference:Q", shape=shape)
    return alt.layer(zero, intervals, dots)


@served
def pillar_trend(trend: pd.DataFrame, titles: Titles) -> alt.LayerChart:
    """Pillar means over waves with their intervals: one line per pillar."""
    pillars = pillar_order(trend)
    base = alt.Chart(trend).encode(
        x=alt.X("wave:O", title=titles["wave"], axis=alt.Axis(labelAngle=0)),
        xOffset=alt.XOffset("pillar_label:N", sort=pillars),
        color=alt.Color(
            "pillar_label:N",
            sort=pillars,
            title=None,
            scale=alt.Scale(range=list(PILLAR_PALETTE)),
            legend=alt.Legend(orient="bottom", columns=2, labelLimit=0),
        ),
        tooltip=[
            alt.Tooltip("wave:O", title=titles["wave"]),
            alt.Tooltip("pillar_label:N", title=titles["pillar"]),
            alt.Tooltip("mean_score:Q", format=".2f", title=titles["score"]),
            alt.Tooltip("ci_low:Q", format=".2f", title=titles["ci_low"]),
            alt.Tooltip("ci_high:Q", format=".2f", title=titles["ci_high"]),
        ],
    )
    rules = base.mark_rule(strokeWidth=2).encode(
        y=alt.Y("ci_low:Q", title=titles["score"], scale=alt.Scale(zero=False, nice=True)),
        y2="ci_high:Q",
    )
    return alt.layer(rules, base.mark_point(filled=True, size=70).encode(y="mean_score:Q"))


@served
def index_trend(trend: pd.DataFrame, titles: Titles) -> alt.LayerChart:
    """CX index over waves, one line per series (organisation, sector, country), with the
    95% interval (``ci_low``/``ci_high``, where the mart has one) as a rule per wave, so
    a dip within the uncertainty does not look like a cliff."""
    base = alt.Chart(trend).encode(
        x=alt.X("wave:O", title=titles["wave"], axis=alt.Axis(labelAngle=0)),
        color=series_colour(trend),
        tooltip=[
            alt.Tooltip("series:N", title=""),
            alt.Tooltip("wave:O", title=titles["wave"]),
            alt.Tooltip("value:Q", format=".2f", title=titles["cx_index"]),
            alt.Tooltip("ci_low:Q", format=".2f", title=titles["ci_low"]),
            alt.Tooltip("ci_high:Q", format=".2f", title=titles["ci_high"]),
        ],
    )
    lines = base.mark_line(point=True).encode(
        y=alt.Y("value:Q", title=titles["cx_index"], scale=alt.Scale(zero=False))
    )
    intervals = (
        base.mark_rule(strokeWidth=2, opacity=0.6)
        .encode(y="ci_low:Q", y2="ci_high:Q")
        .transform_filter("isValid(datum.ci_low) && isValid(datum.ci_high)")
    )
    return alt.layer(intervals, lines)
