"""The Channels page's chart: each pillar's score per contact channel."""

from __future__ import annotations

import altair as alt
import pandas as pd

from cxbench.app.charts.encodings import pillar_order
from cxbench.app.charts.palette import CHANNEL_PALETTE, DIRECTION_COLOURS
from cxbench.app.charts.theme import Titles, served

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


@served
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
            sort=pillar_order(frame),
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
