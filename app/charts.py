"""Altair charts of the app; views pass tidy frames in and get charts back.

Charts never query: keeping them pure functions of a DataFrame lets a test build a
chart from a hand-written frame and lets every page reuse one visual language —
a point for an estimate, a rule for its 95% interval, pillars in methodology order.
``titles`` always maps a role (``pillar``, ``score`` …) to translated text.
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import os
from collections.abc import Callable, Iterator, Mapping
from typing import Any, TypeVar

import altair as alt
import pandas as pd
from babel.numbers import get_decimal_symbol, get_group_symbol

from cxbench.app import formatting
from cxbench.app.formatting import MISSING

Built = TypeVar("Built", bound=alt.TopLevelMixin)

#: The interface language the charts drawn now are read in (the router sets it for
#: each run, a report around its rendering): axis and tooltip numbers use its decimal
#: and thousands separators. A context variable, so concurrent sessions (one script
#: thread each) never see each other's language.
_LANGUAGE: contextvars.ContextVar[str] = contextvars.ContextVar("chart_language", default="en")

#: Words of an axis or legend label wrap at about this many characters, so a long
#: translated label ("Rozwiązywanie problemów") is never cut and never widens the
#: chart beyond a phone's screen. Vega's ``replace`` with a regular expression puts a
#: line break after each run of at most this many characters that ends at a space; a
#: label that is an array of lines is drawn on several lines.
WRAP_CHARACTERS = 18
#: Height of one row of a chart with a discrete y axis (Vega-Lite's default is 20 px):
#: room for a label wrapped on two lines without touching its neighbours'.
DISCRETE_STEP = 34
WRAPPED_LABEL = (
    f"split(trim(replace(datum.label, regexp('(.{{1,{WRAP_CHARACTERS}}})(\\\\s+|$)', 'g'), "
    "'$1\\n')), '\\n')"
)


def set_language(language: str) -> None:
    """Draw the charts of this run (this thread) for a reader of ``language``."""
    _LANGUAGE.set(language)


@contextlib.contextmanager
def language(language: str) -> Iterator[None]:
    """Within the block, charts serialise for ``language`` (for a report outside the app)."""
    token = _LANGUAGE.set(language)
    try:
        yield
    finally:
        _LANGUAGE.reset(token)


def number_locale(language: str) -> dict[str, Any]:
    """The d3-format locale of ``language`` (separators from Babel, as app.formatting)."""
    cldr = formatting.locale(language)
    return {
        "decimal": get_decimal_symbol(cldr),
        "thousands": get_group_symbol(cldr),
        "grouping": [3],
        "currency": ["", ""],
        "minus": formatting.MINUS,
    }


def shared_config() -> dict[str, Any]:
    """What every chart of the app shares, readable from 1400 px down to a 390 px phone.

    Legends sit below the plot in one column (a legend beside it squeezed the plot to
    ~80 px on a phone) and are never cut; axis labels wrap instead of being cut;
    numbers on axes and in tooltips follow the reader's language. No width or height:
    a chart takes its container's width.
    """
    return {
        "locale": {"number": number_locale(_LANGUAGE.get())},
        "legend": {
            "orient": "bottom",
            "direction": "vertical",
            "labelLimit": 0,
            "titleLimit": 0,
            # several legends (colour and shape) stacked, not side by side off the edge
            "layout": {"bottom": {"direction": "vertical", "anchor": "start"}},
        },
        "axis": {"labelLimit": 0, "titleLimit": 0, "labelExpr": WRAPPED_LABEL},
        # room for a wrapped two-line label in each row, so none is hidden as overlapping
        "view": {"discreteHeight": {"step": DISCRETE_STEP}},
        # a category's label is never dropped as "overlapping" (Vega hides every other
        # one then): with a row per category and wrapped labels each has its room
        "axisDiscrete": {"labelOverlap": False},
        "axisQuantitative": {"labelExpr": "datum.label"},
        "axisTemporal": {"labelExpr": "datum.label"},
    }


@alt.theme.register("cxbench", enable=True)
def _theme() -> alt.theme.ThemeConfig:
    """The app's Altair theme: :func:`shared_config` for the current language.

    A theme rather than ``configure_*`` on each chart: it applies when a chart is
    serialised, so the builders' charts can still be layered or concatenated.
    """
    return alt.theme.ThemeConfig(config=shared_config())  # type: ignore[typeddict-item]


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
#: Colour of each direction of a difference (you − comparator) or of a change since the
#: previous wave (behind = a shortfall or a significant fall, level = not significant,
#: ahead = a lead or a significant rise), the same on every page and reserved for this.
DIRECTION_COLOURS = {"behind": "#d95f02", "level": "#999999", "ahead": "#1b9e77"}
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
    return alt.layer(bars, intervals).properties(height=alt.Step(DISCRETE_STEP))


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


# --- rankings ---

#: Sectors in muted hues clear of the direction colours (no red, orange, teal or grey).
SECTOR_PALETTE = (
    "#4c78a8", "#b279a2", "#9d755d", "#e7ba52", "#393b79",
    "#8c6d31", "#9ecae9", "#637939", "#7b4173", "#bcbddc",
    "#5254a3", "#c49c94", "#f7b6d2", "#dbdb8d", "#8ca252",
)  # fmt: skip
#: Row backgrounds of the ranking: the viewer's organisation, and alternating shades
#: for groups of organisations whose rank ranges overlap.
RANKING_BANDS = {"own": "#deebf7", "tie": "#ececec", "tie_alt": "#f7f7f7"}


@_served
def ranking_dots(ranked: pd.DataFrame, titles: Titles) -> alt.LayerChart:
    """CX index of the listed organisations as dots with their 95% intervals, in rank order.

    The axis is not anchored at zero (indexes of 6.8–8.3 would all look alike); each
    row's label starts with its rank range; background bands mark the viewer's
    organisation (``band`` "own") and group organisations that cannot be told apart
    (``tie``/``tie_alt``). Expects ``label, company_name, sector_label, cx_index,
    cx_index_ci_low, cx_index_ci_high, rank_range, n_evaluations, band,
    is_highlighted``.
    """
    columns = [
        "label", "company_name", "sector_label", "cx_index", "cx_index_ci_low",
        "cx_index_ci_high", "rank_range", "n_evaluations", "band", "is_highlighted",
    ]  # fmt: skip
    frame = ranked.loc[:, columns].copy()
    for bound in ("cx_index_ci_low", "cx_index_ci_high"):  # all NA in an older warehouse
        frame[bound] = pd.to_numeric(frame[bound], errors="coerce")
    order = frame["label"].tolist()
    sectors = list(dict.fromkeys(frame["sector_label"]))
    y = alt.Y("label:N", sort=order, title=None, axis=alt.Axis(labelLimit=0))
    base = alt.Chart(frame).encode(
        y=y,
        tooltip=[
            alt.Tooltip("rank_range:N", title=titles["rank"]),
            alt.Tooltip("company_name:N", title=titles["organisation"]),
            alt.Tooltip("sector_label:N", title=titles["sector"]),
            alt.Tooltip("cx_index:Q", format=".2f", title=titles["cx_index"]),
            alt.Tooltip("cx_index_ci_low:Q", format=".2f", title="95% −"),
            alt.Tooltip("cx_index_ci_high:Q", format=".2f", title="95% +"),
            alt.Tooltip("n_evaluations:Q", title="n"),
        ],
    )
    bands = (
        alt.Chart(frame)
        .mark_rect()
        .encode(
            y=y,
            x=alt.value(0),
            x2=alt.value("width"),
            fill=alt.Fill(
                "band:N",
                scale=alt.Scale(domain=list(RANKING_BANDS), range=list(RANKING_BANDS.values())),
                legend=None,
            ),
        )
        .transform_filter(alt.datum.band != "")
    )
    colour = alt.Color(
        "sector_label:N",
        title=titles["sector"],
        scale=alt.Scale(domain=sectors, range=list(SECTOR_PALETTE)),
        # one column: two would be clipped at 390 px
        legend=alt.Legend(orient="bottom", direction="vertical", labelLimit=0, columns=1),
    )
    intervals = base.mark_rule(strokeWidth=2).encode(
        x=alt.X(
            "cx_index_ci_low:Q",
            title=titles["interval"],
            scale=alt.Scale(zero=False, padding=12),  # the first dot clear of the edge
        ),
        x2="cx_index_ci_high:Q",
        color=colour,
    )
    dots = base.mark_point(filled=True, opacity=1).encode(
        x="cx_index:Q",
        color=colour,
        size=alt.condition(alt.datum.is_highlighted, alt.value(170), alt.value(70)),
        stroke=alt.value("black"),
        strokeWidth=alt.condition(alt.datum.is_highlighted, alt.value(2), alt.value(0)),
    )
    return alt.layer(bands, intervals, dots).properties(height=alt.Step(DISCRETE_STEP))


@_served
def mover_dots(moved: pd.DataFrame, titles: Titles) -> alt.LayerChart:
    """Change of CX index since the previous wave (this − previous): rises right, falls
    left, coloured by significance (:data:`DIRECTION_COLOURS`), a rule at zero.

    Expects ``company_name, cx_index_change, previous_cx_index, cx_index`` and
    ``movement``: the word of the move's direction (``titles["ahead"]``, ``["level"]``,
    ``["behind"]``), or "—" when the marts hold no significance for it.
    """
    frame = moved.loc[
        :, ["company_name", "cx_index_change", "previous_cx_index", "cx_index", "movement"]
    ]
    # a move without a significance (an older warehouse) gets its own colour: an
    # ordinal scale would otherwise recycle the first one, "behind"
    words = [titles[key] for key in DIRECTION_COLOURS]
    colours = list(DIRECTION_COLOURS.values())
    if (frame["movement"] == MISSING).any():
        words, colours = [*words, MISSING], [*colours, "#6baed6"]
    order = frame.sort_values("cx_index_change", ascending=False)["company_name"].tolist()
    base = alt.Chart(frame).encode(
        y=alt.Y("company_name:N", sort=order, title=None, axis=alt.Axis(labelLimit=0)),
        tooltip=[
            alt.Tooltip("company_name:N", title=titles["organisation"]),
            alt.Tooltip("previous_cx_index:Q", format=".2f", title=titles["previous"]),
            alt.Tooltip("cx_index:Q", format=".2f", title=titles["cx_index"]),
            alt.Tooltip("cx_index_change:Q", format="+.2f", title=titles["change"]),
            alt.Tooltip("movement:N", title=titles["movement"]),
        ],
    )
    stems = base.mark_bar(size=3).encode(
        x=alt.X("cx_index_change:Q", title=titles["change"], scale=alt.Scale(padding=12)),
        x2=alt.datum(0),
        color=alt.Color(
            "movement:N",
            title=titles["movement"],
            scale=alt.Scale(domain=words, range=colours),
            legend=alt.Legend(orient="bottom", direction="vertical", labelLimit=0),
        ),
    )
    dots = base.mark_point(filled=True, size=90, opacity=1).encode(
        x="cx_index_change:Q", color="movement:N"
    )
    zero = base.mark_rule(color="black").encode(x=alt.datum(0))
    return alt.layer(zero, stems, dots).properties(height=alt.Step(DISCRETE_STEP))


# --- drivers ---


def _upper_bound(frame: pd.DataFrame, columns: tuple[str, ...]) -> float:
    """A little above the largest value of ``columns`` (1 when there is none)."""
    largest = pd.to_numeric(frame.loc[:, list(columns)].stack(), errors="coerce").max()
    return 1.0 if pd.isna(largest) else float(largest) * 1.08


#: Colour of the importance dots and intervals.
IMPORTANCE_COLOUR = "#1f4e79"


@_served
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
            sort=_pillar_order(importance),
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


# --- compare ---

#: Pillars' hues on the trend, clear of the direction colours (no orange, teal or grey).
PILLAR_PALETTE = ("#1f4e79", "#6baed6", "#7b4173", "#e7ba52", "#9d755d", "#393b79")


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


# --- maturity ---

#: Organisation, sector leader, sector average: the organisation stands out.
MATURITY_SERIES_COLOURS = ["#1f4e99", "#f28e2b", "#9d9d9d"]


@_served
def maturity_profile(
    long: pd.DataFrame, order: list[str], series: list[str], axis_title: str
) -> alt.LayerChart:
    """One row per maturity item, a point per series on 1–5; a rule of ± sd around the
    organisation's point.

    Expects ``item_label, series, value, sd, group`` (``sd`` only on the organisation's
    rows); ``order`` is the items' display order, ``series`` the three series' names.
    """
    y = alt.Y("item_label:N", sort=order, title=None)
    scale = alt.Scale(domain=[1, 5])
    colour = alt.Color(
        "series:N", title=None, scale=alt.Scale(domain=series, range=MATURITY_SERIES_COLOURS)
    )
    base = alt.Chart(long)
    spread = (
        base.transform_filter("isValid(datum.sd)")
        .transform_calculate(
            low="max(1, datum.value - datum.sd)", high="min(5, datum.value + datum.sd)"
        )
        .mark_rule()
        .encode(y=y, x=alt.X("low:Q", scale=scale), x2="high:Q", color=colour)
    )
    points = base.mark_point(filled=True, size=80).encode(
        y=y,
        x=alt.X("value:Q", scale=scale, title=axis_title),
        color=colour,
        shape=alt.Shape("group:N", title=None),
        tooltip=["series:N", "item_label:N", alt.Tooltip("value:Q", format=".2f")],
    )
    return alt.layer(spread, points)


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
