"""Altair charts of the app; views pass tidy frames in and get charts back.

Charts never query: keeping them pure functions of a DataFrame lets a test build a
chart from a hand-written frame and lets every page reuse one visual language —
a point for an estimate, a rule for its 95% interval, pillars in methodology order.
``titles`` always maps a role (``pillar``, ``score`` …) to translated text.

A module per page (:mod:`.compare`, :mod:`.rankings`, :mod:`.sectors`,
:mod:`.drivers`, :mod:`.maturity`, :mod:`.channels`) on what they share: the theme
and language (:mod:`.theme`), the colours (:mod:`.palette`) and the encodings
several pages use (:mod:`.encodings`). Views and the report read the builders from
here (``charts.pillar_comparison``); importing the package registers the theme.
"""

from cxbench.app.charts.channels import channel_dots
from cxbench.app.charts.compare import (
    difference_dots,
    index_trend,
    pillar_comparison,
    pillar_trend,
    priority_bars,
)
from cxbench.app.charts.drivers import importance_intervals, r2_points
from cxbench.app.charts.maturity import maturity_profile
from cxbench.app.charts.palette import DIRECTION_COLOURS, SECTOR_PALETTE
from cxbench.app.charts.rankings import mover_dots, ranking_dots
from cxbench.app.charts.sectors import sector_spread
from cxbench.app.charts.theme import (
    VALIDATE_ENV,
    WRAPPED_LABEL,
    language,
    number_locale,
    set_language,
)

__all__ = [
    "DIRECTION_COLOURS",
    "SECTOR_PALETTE",
    "VALIDATE_ENV",
    "WRAPPED_LABEL",
    "channel_dots",
    "difference_dots",
    "importance_intervals",
    "index_trend",
    "language",
    "maturity_profile",
    "mover_dots",
    "number_locale",
    "pillar_comparison",
    "pillar_trend",
    "priority_bars",
    "r2_points",
    "ranking_dots",
    "sector_spread",
    "set_language",
]
