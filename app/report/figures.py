"""The report's charts: the app's own Altair charts (:mod:`cxbench.app.charts`), rendered to PNG on
the server with vl-convert (no browser), at twice the size they are printed.

The frames are built the way the Compare page builds them, so a chart in the report is
the chart a client sees in the app. Axis numbers follow the report's language through
the app's d3 number locale (CLDR's symbols via Babel): "6,5" on a Dutch axis.
"""

from __future__ import annotations

from typing import Any

import altair as alt
import pandas as pd
import vl_convert

from cxbench.app import charts
from cxbench.app.report import words
from cxbench.app.report.content import ReportContent

#: Pixels per PNG pixel: charts are drawn at twice their layout size, sharp in print.
SCALE = 2
#: The report's typeface (the one shipped in app/report/fonts/ and installed with Debian).
FONT = "DejaVu Sans"
#: Vega-Lite configuration of every report chart: the report's font, whole labels.
CONFIG: dict[str, Any] = {
    "font": FONT,
    "background": "white",
    "axis": {"labelLimit": 0, "labelFontSize": 11, "titleFontSize": 11},
    "axisX": {"labelAngle": 0},
    "legend": {"labelLimit": 0, "labelFontSize": 11, "orient": "bottom", "columns": 2},
    "view": {"stroke": None},
}


def png(chart: alt.TopLevelMixin, language: str, width: int, height: int | None = None) -> bytes:
    """``chart`` as a PNG of ``width`` × ``height`` layout pixels (times :data:`SCALE`),
    serialised with the app's theme for ``language`` (:func:`cxbench.app.charts.theme.language`)."""
    with charts.language(language):
        spec = chart.to_dict()
    # a printed page has room for whole labels: no wrapping at a phone's width
    spec.setdefault("config", {}).setdefault("axis", {})["labelExpr"] = "datum.label"
    spec["width"] = width
    if height is not None:
        spec["height"] = height
    return vl_convert.vegalite_to_png(
        spec, scale=SCALE, config=CONFIG, format_locale=charts.number_locale(language)
    )


def titles(language: str) -> dict[str, str]:
    """Axis titles of the app's charts, in the report's words."""
    return {
        "pillar": words.text("report_pillar", language),
        "score": words.text("report_score", language),
        "ci_low": "95% −",
        "ci_high": "95% +",
        "wave": words.text("report_wave", language),
        "cx_index": words.text("report_cx_index", language),
        "sector": words.text("report_sector", language),
        "rank": words.text("report_rank", language),
        "organisation": words.text("report_organisation", language),
        "interval": f"{words.text('report_cx_index', language)} "
        f"({words.text('report_interval', language)})",
    }


def pillar_frame(report: ReportContent) -> pd.DataFrame:
    """Organisation, leader and the disclosed averages per pillar, in the chart's columns;
    the organisation's pillars that differ significantly from the leader ringed
    (``is_gap_significant``; ``direction`` says which way, for a chart that colours it)."""
    language = report.language
    series = [report.pillars.assign(series=report.name, role="organisation")]
    if report.has_other_leader and not report.leader_pillars.empty:
        series.append(
            report.leader_pillars.assign(series=report.leader.company_name, role="leader")
        )
    averages = report.benchmarks[~report.benchmarks["is_suppressed"].astype(bool)]
    names = {
        "sector": words.text("report_sector_average", language),
        "country": words.text("report_national_average", language),
    }
    series.append(
        averages.assign(
            series=averages["benchmark"].map(names), role=averages["benchmark"], n_evaluations=None
        )
    )
    frame = pd.concat(series, ignore_index=True)
    directions = dict(zip(report.gaps["pillar_id"], report.gaps["direction"], strict=True))
    own = frame["role"] == "organisation"
    frame["direction"] = frame["pillar_id"].map(directions).where(own)
    frame["is_gap_significant"] = own & frame["direction"].isin(["behind", "ahead"])
    return frame


def pillar_chart(report: ReportContent) -> bytes:
    """The Compare page's pillar chart for the report."""
    frame = pillar_frame(report)
    n_pillars = frame["pillar_id"].nunique()
    chart = charts.pillar_comparison(frame, titles(report.language))
    return png(chart, report.language, width=430, height=max(n_pillars, 1) * 52)


def index_trend_chart(report: ReportContent) -> bytes | None:
    """CX index per wave against the averages (the Compare page's trend), or None for one wave."""
    index = report.index_trend
    if len(index) < 2:
        return None
    language = report.language
    no_interval = pd.Series(float("nan"), index=index.index)
    long = pd.concat(
        [
            index[["wave"]].assign(
                series=name,
                role=role,
                value=index[column],
                # the organisation's interval, where the trend query returns one (a chart
                # that draws intervals reads ci_low/ci_high; one that does not ignores them)
                ci_low=index.get("cx_index_ci_low", no_interval) if own else no_interval,
                ci_high=index.get("cx_index_ci_high", no_interval) if own else no_interval,
            )
            for name, role, column, own in (
                (report.name, "organisation", "cx_index", True),
                (
                    words.text("report_sector_average", language),
                    "sector",
                    "sector_avg_cx_index",
                    False,
                ),
                (
                    words.text("report_national_average", language),
                    "country",
                    "country_avg_cx_index",
                    False,
                ),
            )
        ],
        ignore_index=True,
    ).dropna(subset=["value"])
    return png(charts.index_trend(long, titles(language)), language, width=220, height=200)


def pillar_trend_chart(report: ReportContent) -> bytes | None:
    """Pillar means with intervals per wave (the Compare page's trend), or None for one wave."""
    if report.pillar_trend["wave"].nunique() < 2:
        return None
    chart = charts.pillar_trend(report.pillar_trend, titles(report.language))
    return png(chart, report.language, width=220, height=200)


def ranking_chart(report: ReportContent, shown: pd.DataFrame) -> bytes | None:
    """The Rankings page's chart of the sector (``shown``: the page's readable frame, rank
    ranges, tie bands, the client's own row banded), or None when none is ranked."""
    if shown.empty:
        return None
    chart = charts.ranking_dots(shown, titles(report.language))
    return png(chart, report.language, width=430)
