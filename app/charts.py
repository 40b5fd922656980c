"""Altair charts of the app; views pass tidy frames in and get charts back.

Charts never query: keeping them pure functions of a DataFrame lets a test build a
chart from a hand-written frame and lets every page reuse one visual language —
a point for an estimate, a rule for its 95% interval, pillars in methodology order.
``titles`` always maps a role (``pillar``, ``score`` …) to translated text.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Mapping
from typing import TypeVar

import altair as alt
import pandas as pd

Built = TypeVar("Built", bound=alt.TopLevelMixin)

#: Set (the app's tests set it) to validate every chart against the Vega-Lite schema
#: when Streamlit serialises it. The server skips that: the same specs are validated
#: by every AppTest run, and validating them again on each run cost about a quarter
#: of a page's server time under load (docs/benchmarks.md, "App under load").
VALIDATE_ENV = "CXBENCH_VALIDATE_CHARTS"


def _served(build: Callable[..., Built]) -> Callable[..., Built]:
    """A chart builder whose charts serialise without schema validation on the server."""

    @functools.wraps(build)
    def built(*args: object, **kwargs: object) -> Built:
        chart = build(*args, **kwargs)
        if not os.environ.get(VALIDATE_ENV):
            # an instance attribute: SchemaBase's own __setattr__ would make it a property
            object.__setattr__(chart, "to_dict", functools.partial(chart.to_dict, validate=False))
        return chart

    return built


#: Colour of each role a series plays, the same on every chart: the organisation
#: dark, its leader light in the same hue, the averages in a second hue.
ROLE_COLOURS = {
    "organisation": "#1f4e79",
    "leader": "#6baed6",
    # purples: red and pink read as "behind" next to the direction colours
    "sector": "#7b4173",
    "country": "#c994c7",
}

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

Titles = Mapping[str, str]


def _pillar_order(frame: pd.DataFrame) -> list[str]:
    """Pillar labels in methodology order (not by score: pillars are not a league)."""
    return frame.drop_duplicates("pillar_label").sort_values("sort_order")["pillar_label"].tolist()


def _series_colour(frame: pd.DataFrame) -> alt.Color:
    """Colour by ``series`` (a name), fixed by its ``role`` (see :data:`ROLE_COLOURS`)."""
    pairs = frame[["series", "role"]].drop_duplicates("series")
    return alt.Color(
        "series:N",
        sort=pairs["series"].tolist(),
        scale=alt.Scale(
            domain=pairs["series"].tolist(),
            range=[ROLE_COLOURS[role] for role in pairs["role"]],
        ),
        title=None,
        # one column: four series names side by side overflow a phone's width
        legend=alt.Legend(orient="bottom", columns=1, labelLimit=0),
    )


@_served
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
            sort=_pillar_order(frame),
            title=None,
            # labels are never cut: "Integrity (measured by 2 of 5 statements)" wraps
            axis=alt.Axis(labelLimit=0),
        ),
        yOffset=alt.YOffset("series:N", sort=series_order),
        color=_series_colour(frame),
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


@_served
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
    return alt.layer(bars, intervals).properties(height=alt.Step(28))


@_served
def pillar_trend(trend: pd.DataFrame, titles: Titles) -> alt.LayerChart:
    """Pillar means over waves with their intervals: one line per pillar."""
    pillar_order = _pillar_order(trend)
    base = alt.Chart(trend).encode(
        x=alt.X("wave:O", title=titles["wave"], axis=alt.Axis(labelAngle=0)),
        xOffset=alt.XOffset("pillar_label:N", sort=pillar_order),
        color=alt.Color(
            "pillar_label:N",
            sort=pillar_order,
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


@_served
def index_trend(trend: pd.DataFrame, titles: Titles) -> alt.LayerChart:
    """CX index over waves, one line per series (organisation, sector, country), with the
    95% interval (``ci_low``/``ci_high``, where the mart has one) as a rule per wave, so
    a dip within the uncertainty does not look like a cliff."""
    base = alt.Chart(trend).encode(
        x=alt.X("wave:O", title=titles["wave"], axis=alt.Axis(labelAngle=0)),
        color=_series_colour(trend),
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


@_served
def ranking_bars(ranked: pd.DataFrame, titles: Titles) -> alt.Chart:
    """CX index of the listed companies as bars in rank order, coloured by sector."""
    return (
        alt.Chart(ranked)
        .mark_bar()
        .encode(
            y=alt.Y("company_name:N", sort=ranked["company_name"].tolist(), title=None),
            x=alt.X("cx_index:Q", title=titles["cx_index"], scale=alt.Scale(zero=False)),
            color=alt.Color("sector_name:N", title=titles["sector"]),
            tooltip=[
                alt.Tooltip("rank_in_country:Q", title=titles["rank"]),
                alt.Tooltip("company_name:N", title=titles["organisation"]),
                alt.Tooltip("cx_index:Q", format=".2f", title=titles["cx_index"]),
            ],
        )
    )


@_served
def mover_bars(moved: pd.DataFrame, titles: Titles) -> alt.Chart:
    """Change of CX index since the previous wave: gains right, losses left."""
    return (
        alt.Chart(moved)
        .mark_bar()
        .encode(
            y=alt.Y("company_name:N", sort="-x", title=None),
            x=alt.X("cx_index_change:Q", title=titles["change"]),
            color=alt.condition(
                alt.datum.cx_index_change > 0, alt.value("#2ca02c"), alt.value("#d62728")
            ),
            tooltip=[
                alt.Tooltip("company_name:N", title=titles["organisation"]),
                alt.Tooltip("previous_cx_index:Q", format=".2f", title=titles["previous"]),
                alt.Tooltip("cx_index:Q", format=".2f", title=titles["cx_index"]),
                alt.Tooltip("cx_index_change:Q", format="+.2f", title=titles["change"]),
            ],
        )
    )


@_served
def sector_spread(profiles: pd.DataFrame, titles: Titles) -> alt.LayerChart:
    """Spread of company CX index per sector: min–max rule, quartile box, median tick.

    The sector average is a point; suppressed sectors (no spread) are left out by the
    view, which lists them with their reason instead.
    """
    order = profiles["sector_name"].tolist()
    base = alt.Chart(profiles).encode(
        y=alt.Y("sector_name:N", sort=order, title=titles["sector"]),
        tooltip=[
            alt.Tooltip("sector_name:N", title=titles["sector"]),
            alt.Tooltip("avg_cx_index:Q", format=".2f", title=titles["average"]),
            alt.Tooltip("min_cx_index:Q", format=".2f", title="min"),
            alt.Tooltip("median_cx_index:Q", format=".2f", title=titles["median"]),
            alt.Tooltip("max_cx_index:Q", format=".2f", title="max"),
        ],
    )
    whiskers = base.mark_rule().encode(
        x=alt.X("min_cx_index:Q", title=titles["cx_index"], scale=alt.Scale(zero=False)),
        x2="max_cx_index:Q",
    )
    box = base.mark_bar(size=14, opacity=0.5).encode(x="p25_cx_index:Q", x2="p75_cx_index:Q")
    median = base.mark_tick(thickness=2, size=14, color="black").encode(x="median_cx_index:Q")
    average = base.mark_point(filled=True, size=60, color="#d62728").encode(x="avg_cx_index:Q")
    return alt.layer(whiskers, box, median, average)


@_served
def importance_bars(importance: pd.DataFrame, titles: Titles) -> alt.Chart:
    """Each pillar's share of explained advocacy and loyalty, and the combined importance.

    Expects a long frame: ``pillar_label, sort_order, measure, value``.
    """
    return (
        alt.Chart(importance)
        .mark_bar()
        .encode(
            y=alt.Y("pillar_label:N", sort=_pillar_order(importance), title=titles["pillar"]),
            yOffset=alt.YOffset("measure:N"),
            x=alt.X("value:Q", title=titles["share"], axis=alt.Axis(format="%")),
            color=alt.Color("measure:N", title=None, legend=alt.Legend(orient="bottom")),
            tooltip=[
                alt.Tooltip("pillar_label:N", title=titles["pillar"]),
                alt.Tooltip("measure:N", title=""),
                alt.Tooltip("value:Q", format=".1%", title=titles["share"]),
            ],
        )
    )


@_served
def r2_points(variance: pd.DataFrame, titles: Titles) -> alt.Chart:
    """R² of advocacy and loyalty per country × wave (long: country, wave, outcome, r2)."""
    return (
        alt.Chart(variance)
        .mark_point(filled=True, size=80)
        .encode(
            y=alt.Y("country:N", title=titles["country"]),
            x=alt.X("r2:Q", title="R²", scale=alt.Scale(domain=[0, 1])),
            color=alt.Color("outcome:N", title=None, legend=alt.Legend(orient="bottom")),
            shape=alt.Shape("wave:N", title=titles["wave"]),
            tooltip=["country:N", "wave:N", "outcome:N", alt.Tooltip("r2:Q", format=".3f")],
        )
    )


# --- compare ---

#: Pillars' hues on the trend, clear of the direction colours (no orange, teal or grey).
PILLAR_PALETTE = ("#1f4e79", "#6baed6", "#7b4173", "#e7ba52", "#9d755d", "#393b79")

#: Colour of each direction of a difference (you − comparator) or of a change since the
#: previous wave (a decline is "behind", a significant rise "ahead"), the same on every
#: page (Compare, Channels); reserved for this.
DIRECTION_COLOURS = {"behind": "#d95f02", "level": "#999999", "ahead": "#1b9e77"}


@_served
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
            sort=_pillar_order(differences),
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


# --- channels ---

#: Colours of the contact channels (in the order the view lists them). None of them is
#: a direction colour (behind / level / ahead are reserved for :data:`DIRECTION_COLOURS`).
CHANNEL_PALETTE = ("#4c78a8", "#9467bd", "#e7ba52", "#8c564b", "#e377c2", "#17becf", "#bcbd22")

#: Columns :func:`channel_dots` expects, one row per reportable pillar × channel.
CHANNEL_DOT_COLUMNS = (
    "pillar_label",
    "sort_order",
    "channel_label",
    "mean_score",
    "ci_low",
    "ci_high",
    "direction",
    "score_text",
    "difference_text",
    "n_text",
)


@_served
def channel_dots(scores: pd.DataFrame, channels: list[str], titles: Titles) -> alt.LayerChart:
    """Each pillar's mean per channel as a point on its interval, channels side by side.

    ``channels`` are the labels of the channels drawn, in display order (their colours
    follow it; a legend entry for a channel without a point would only puzzle).
    The axis is not anchored at zero: the channels differ by tenths on a 1–10 scale.
    A ring in the direction colour marks a channel significantly behind or ahead of
    the organisation's other channels; a level channel gets none. Tooltips carry the
    view's localised texts, not numbers Vega would format in English.
    """
    frame = scores.loc[:, list(CHANNEL_DOT_COLUMNS)]
    pillar_title, channel_title = titles["pillar"], titles["channel"]
    base = alt.Chart(frame).encode(
        y=alt.Y(
            "pillar_label:N",
            sort=_pillar_order(frame),
            title=pillar_title,
            axis=alt.Axis(labelLimit=0),
        ),
        yOffset=alt.YOffset("channel_label:N", sort=channels),
        color=alt.Color(
            "channel_label:N",
            sort=channels,
            scale=alt.Scale(
                domain=channels,
                range=[CHANNEL_PALETTE[i % len(CHANNEL_PALETTE)] for i in range(len(channels))],
            ),
            title=channel_title,
            legend=alt.Legend(orient="bottom", direction="vertical", labelLimit=0),
        ),
        tooltip=[
            alt.Tooltip("pillar_label:N", title=pillar_title),
            alt.Tooltip("channel_label:N", title=channel_title),
            alt.Tooltip("score_text:N", title=titles["score"]),
            alt.Tooltip("n_text:N", title=titles["n"]),
            alt.Tooltip("difference_text:N", title=titles["difference"]),
        ],
    )
    intervals = base.mark_rule(strokeWidth=2).encode(
        x=alt.X("ci_low:Q", title=titles["score"], scale=alt.Scale(zero=False, nice=True)),
        x2="ci_high:Q",
    )
    points = base.mark_point(filled=True, size=70, opacity=1).encode(x="mean_score:Q")
    rings = (
        base.mark_point(filled=False, size=260, strokeWidth=2)
        .encode(
            x="mean_score:Q",
            stroke=alt.Stroke(
                "direction:N",
                scale=alt.Scale(
                    domain=list(DIRECTION_COLOURS), range=list(DIRECTION_COLOURS.values())
                ),
                legend=None,
            ),
        )
        .transform_filter("datum.direction == 'behind' || datum.direction == 'ahead'")
    )
    return alt.layer(intervals, points, rings)


# --- report ---


@_served
def ranking_intervals(ranked: pd.DataFrame, titles: Titles) -> alt.LayerChart:
    """A sector's ranked organisations as dots with their 95% intervals, in rank order.

    For the client report (:mod:`app.report`): the axis is not anchored at zero, the
    organisation the report is for is drawn in its colour (:data:`ROLE_COLOURS`) and
    larger, peers in the leader's light hue. Expects ``label`` (rank and name, the row's
    order), ``cx_index``, ``cx_index_ci_low``, ``cx_index_ci_high`` (NULL in a warehouse
    without index intervals: dots only) and ``is_own``.
    """
    frame = ranked.loc[:, ["label", "cx_index", "cx_index_ci_low", "cx_index_ci_high", "is_own"]]
    frame = frame.assign(
        cx_index_ci_low=pd.to_numeric(frame["cx_index_ci_low"], errors="coerce"),
        cx_index_ci_high=pd.to_numeric(frame["cx_index_ci_high"], errors="coerce"),
        is_own=frame["is_own"].fillna(False).astype(bool),
    )
    colour = alt.condition(
        alt.datum.is_own, alt.value(ROLE_COLOURS["organisation"]), alt.value(ROLE_COLOURS["leader"])
    )
    base = alt.Chart(frame).encode(
        y=alt.Y("label:N", sort=frame["label"].tolist(), title=None, axis=alt.Axis(labelLimit=0)),
        tooltip=[
            alt.Tooltip("label:N", title=titles["organisation"]),
            alt.Tooltip("cx_index:Q", format=".2f", title=titles["cx_index"]),
        ],
    )
    intervals = (
        base.mark_rule(strokeWidth=2)
        .encode(x="cx_index_ci_low:Q", x2="cx_index_ci_high:Q", color=colour)
        .transform_filter("isValid(datum.cx_index_ci_low) && isValid(datum.cx_index_ci_high)")
    )
    dots = base.mark_point(filled=True, opacity=1).encode(
        x=alt.X("cx_index:Q", title=titles["cx_index"], scale=alt.Scale(zero=False, nice=True)),
        color=colour,
        size=alt.condition(alt.datum.is_own, alt.value(160), alt.value(70)),
    )
    return alt.layer(intervals, dots)
