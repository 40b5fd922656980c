"""The Maturity page's chart: the organisation's self-assessment beside its sector's."""

from __future__ import annotations

import altair as alt
import pandas as pd

from cxbench.app.charts.palette import MATURITY_SERIES_COLOURS
from cxbench.app.charts.theme import served


@served
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
