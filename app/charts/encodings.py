"""Encodings several pages' charts share: pillars in methodology order, series by role."""

from __future__ import annotations

import altair as alt
import pandas as pd

from cxbench.app.charts.palette import ROLE_COLOURS


def pillar_order(frame: pd.DataFrame) -> list[str]:
    """Pillar labels in methodology order (not by score: pillars are not a league)."""
    return frame.drop_duplicates("pillar_label").sort_values("sort_order")["pillar_label"].tolist()


def series_colour(frame: pd.DataFrame) -> alt.Color:
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
