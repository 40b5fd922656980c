"""The Sectors page's own chart: the spread of company CX indexes within each sector.

The page's pillar profile is :func:`cxbench.app.charts.compare.pillar_comparison`.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from cxbench.app.charts.theme import Titles, served


@served
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
