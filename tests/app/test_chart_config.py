"""What every chart shares (app/charts/theme.py): legends below, labels never cut,
numbers in the reader's language, whatever page builds the chart."""

from __future__ import annotations

import altair as alt
import pandas as pd

from cxbench.app import charts


def _spec(language: str) -> dict:
    frame = pd.DataFrame({"sector": ["Rozrywka i media", "Telekomunikacja"], "value": [1.5, 2.5]})
    chart = alt.Chart(frame).mark_bar().encode(y="sector:N", x="value:Q", color="sector:N")
    with charts.language(language):
        return chart.to_dict()


def test_numbers_on_axes_and_tooltips_follow_the_reader() -> None:
    assert _spec("pl")["config"]["locale"]["number"]["decimal"] == ","
    assert _spec("nl")["config"]["locale"]["number"]["thousands"] == "."
    assert _spec("en")["config"]["locale"]["number"]["decimal"] == "."


def test_the_language_is_only_set_within_the_block() -> None:
    with charts.language("no"):
        pass
    assert _spec("en")["config"]["locale"]["number"]["decimal"] == "."


def test_legends_sit_below_and_labels_are_wrapped_not_cut() -> None:
    config = _spec("en")["config"]
    assert config["legend"]["orient"] == "bottom"
    assert config["legend"]["labelLimit"] == 0
    assert config["axis"]["labelLimit"] == 0
    assert config["axis"]["labelExpr"] == charts.WRAPPED_LABEL
    assert config["axisDiscrete"]["labelOverlap"] is False
    assert "width" not in config.get("view", {})  # a chart takes its container's width


def test_a_builders_chart_can_still_be_layered() -> None:
    frame = pd.DataFrame({"x": [1.0], "y": ["a"]})
    base = alt.Chart(frame).encode(x="x:Q", y="y:N")
    layered = alt.layer(base.mark_point(), base.mark_rule())
    assert "config" in layered.to_dict()
