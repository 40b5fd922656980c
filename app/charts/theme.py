"""What every chart of the app shares: its theme, the reader's language, how charts are served.

The theme (legends below, labels wrapped, numbers in the reader's separators) is
registered with Altair when this module is imported, so it applies to every chart
however it is layered; :func:`served` marks a builder whose charts skip schema
validation on the server.
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import os
from collections.abc import Callable, Iterator, Mapping
from typing import Any, TypeVar

import altair as alt
from babel.numbers import get_decimal_symbol, get_group_symbol

from cxbench.app import formatting

Built = TypeVar("Built", bound=alt.TopLevelMixin)
#: A role (``pillar``, ``score`` …) → its translated text, for axis and tooltip titles.
Titles = Mapping[str, str]

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


def served(build: Callable[..., Built]) -> Callable[..., Built]:
    """A chart builder whose charts serialise without schema validation on the server."""

    @functools.wraps(build)
    def built(*args: object, **kwargs: object) -> Built:
        chart = build(*args, **kwargs)
        if not os.environ.get(VALIDATE_ENV):
            # an instance attribute: SchemaBase's own __setattr__ would make it a property
            object.__setattr__(chart, "to_dict", functools.partial(chart.to_dict, validate=False))
        return chart

    return built
