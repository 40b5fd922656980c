"""The Rankings page's charts: the ranking with its intervals and ties, and the movers."""

from __future__ import annotations

import altair as alt
import pandas as pd

from cxbench.app.charts.palette import DIRECTION_COLOURS, RANKING_BANDS, SECTOR_PALETTE
from cxbench.app.charts.theme import DISCRETE_STEP, Titles, served
from cxbench.app.formatting import MISSING


@served
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


@served
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
