"""Compare page, middle: the frames behind the pillar chart, the scores table, what to fix first.

Split from :mod:`cxbench.app.views.compare` to keep each module readable; it only lays out
what :mod:`cxbench.app.queries` returns, keeping mart values unrounded in the frames (the
localised text a reader sees is in display-only ``…_text`` columns, chosen with
``column_order``) so what a test reads is what the mart holds.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from cxbench.app import charts, formatting, i18n, queries
from cxbench.app.views import compare_text, coverage

#: Benchmark kinds of ``queries.benchmark_pillars`` -> i18n key of their series name.
BENCHMARK_SERIES = {"sector": "sector_average", "country": "national_average"}


def chart_titles(language: str) -> dict[str, str]:
    """Translated axis and tooltip titles shared by the Compare charts."""
    roles = ("pillar", "score", "ci_low", "ci_high", "wave", "cx_index")
    titles = {role: i18n.text(role, language) for role in roles}
    titles.update(
        priority=i18n.text("priority", language),
        gap=i18n.text("cmp_you_minus_leader", language),
        importance=i18n.text("importance", language),
        difference=i18n.text("cmp_difference", language),
        direction=i18n.text("cmp_direction", language),
        directions=compare_text.words(language, compare_text.DIRECTION_KEYS),
    )
    return titles


def chart_frame(
    scores: pd.DataFrame,
    benchmarks: pd.DataFrame,
    gaps: pd.DataFrame,
    organisation: queries.CompanyScore,
    language: str,
) -> pd.DataFrame:
    """Companies and the averages that are not suppressed, in the chart's columns.

    The organisation's rows carry its ``direction`` against the leader (behind / level
    / ahead) and ``is_gap_significant``; every other row has neither.
    """
    shown = benchmarks[~benchmarks["is_suppressed"]]
    shown = shown.assign(
        series=shown["benchmark"].map(lambda kind: i18n.text(BENCHMARK_SERIES[kind], language)),
        role=shown["benchmark"],
        n_evaluations=None,
    )
    frame = pd.concat([scores, shown], ignore_index=True)
    is_organisation = frame["role"] == "organisation"
    directions = dict(zip(gaps.get("pillar_id", []), gaps.get("direction", []), strict=True))
    frame["direction"] = frame["pillar_id"].map(directions).where(is_organisation)
    frame["is_gap_significant"] = is_organisation & frame["direction"].isin(["behind", "ahead"])
    return frame


def suppression_notes(benchmarks: pd.DataFrame, sector: str, language: str) -> None:
    """One warning per suppressed average, with the mart's reason (``sector``: its name
    in the reader's language)."""
    for kind, rows in benchmarks[benchmarks["is_suppressed"]].groupby("benchmark", sort=False):
        st.warning(
            i18n.text(
                f"{BENCHMARK_SERIES[kind]}_suppressed",
                language,
                sector=sector,
                reason=i18n.suppression_reason(rows["suppression_reason"].iloc[0], language),
            )
        )


def comparison_table(
    scores: pd.DataFrame,
    series: list[str],
    benchmarks: pd.DataFrame,
    gaps: pd.DataFrame,
    measured: pd.DataFrame,
    language: str,
) -> None:
    """One row per pillar: each company's and average's "mean (low–high)".

    Shown are one localised text column per series (narrow enough for a phone); the
    frame keeps the mart values beside them: company columns ``s0_…`` (organisation)
    and ``s1_…`` (leader), averages ``sector_mean`` and ``country_mean`` (empty when
    suppressed), the leader gap's ``gap_to_leader``, ``direction`` and
    ``is_gap_significant``. When the study does not measure every pillar by all its
    statements, a ``measured`` column says how each pillar was measured, and the
    pillars it does not measure are listed too, as "not measured by this study".
    """
    table = scores.loc[scores["series"] == series[0], ["pillar_id", "pillar_label"]]
    shown = ["pillar_label"]
    config: dict[str, st.column_config.Column] = {
        "pillar_label": st.column_config.TextColumn(i18n.text("pillar", language)),
    }
    if not coverage.is_full(measured):
        table = measured[["pillar_id", "pillar_label"]].merge(
            coverage.measurement_column(measured, language), on="pillar_id"
        )
        shown.append("measured")
        config["measured"] = st.column_config.TextColumn(i18n.text("measured", language))
    for position, name in enumerate(series):
        prefix = f"s{position}_"
        measures = scores.loc[
            scores["series"] == name,
            ["pillar_id", "mean_score", "ci_low", "ci_high", "n_evaluations"],
        ].rename(
            columns={
                "mean_score": f"{prefix}mean",
                "ci_low": f"{prefix}ci_low",
                "ci_high": f"{prefix}ci_high",
                "n_evaluations": f"{prefix}n",
            }
        )
        table = table.merge(measures, on="pillar_id", how="left")
        table[f"{prefix}text"] = _estimates(table, f"{prefix}mean", prefix, language)
        shown.append(f"{prefix}text")
        config[f"{prefix}text"] = st.column_config.TextColumn(name)
    for kind, series_key in BENCHMARK_SERIES.items():
        column = f"{kind}_mean"
        averages = benchmarks.loc[
            benchmarks["benchmark"] == kind, ["pillar_id", "mean_score", "ci_low", "ci_high"]
        ].rename(
            columns={"mean_score": column, "ci_low": f"{kind}_ci_low", "ci_high": f"{kind}_ci_high"}
        )
        table = table.merge(averages, how="left", on="pillar_id")
        table[f"{kind}_text"] = _estimates(table, column, f"{kind}_", language)
        shown.append(f"{kind}_text")
        config[f"{kind}_text"] = st.column_config.TextColumn(i18n.text(series_key, language))
    if not gaps.empty:
        table = table.merge(
            gaps[["pillar_id", "gap_to_leader", "direction", "is_gap_significant"]], how="left"
        )
    st.dataframe(
        table.drop(columns="pillar_id"),
        column_order=shown,
        column_config=config,
        hide_index=True,
        key="compare_table",
    )


def _estimates(table: pd.DataFrame, mean: str, prefix: str, language: str) -> list[str]:
    """The "mean (low–high)" text of each row (a dash where the mean is missing)."""
    return [
        compare_text.estimate(value, low, high, language)
        for value, low, high in zip(
            table[mean], table[f"{prefix}ci_low"], table[f"{prefix}ci_high"], strict=True
        )
    ]


def priority_list(
    gaps: pd.DataFrame,
    organisation: queries.CompanyScore,
    leader: queries.CompanyScore | None,
    language: str,
) -> None:
    """What to fix first: the significant shortfalls only, by priority (1 = fix first).

    A pillar level with or ahead of the leader has no priority in the mart and is
    never listed (only counted below the list); when nothing qualifies the page says
    so. Shown as bars with the priority's interval and as a narrow table whose text
    columns hold the difference (you − leader), importance and priority with their
    intervals; the frame keeps the mart values.
    """
    st.subheader(i18n.text("priorities", language))
    if leader is None or gaps.empty:
        st.info(i18n.text("no_priorities", language))
        return
    if organisation.is_sector_leader:
        st.info(i18n.text("leader_no_priorities", language, org=organisation.company_name))
        return
    ranked = fix_first(gaps)
    if ranked.empty:
        st.info(i18n.text("cmp_nothing_to_fix", language))
    else:
        st.altair_chart(
            charts.priority_bars(ranked, chart_titles(language)), key="compare_priority_chart"
        )
        st.caption(i18n.text("cmp_fix_caption", language, leader=leader.company_name))
        _priority_table(ranked, language)
    counts = gaps["direction"].value_counts()
    if counts.get("level", 0) or counts.get("ahead", 0):
        st.caption(
            i18n.text(
                "cmp_not_listed",
                language,
                level=int(counts.get("level", 0)),
                ahead=int(counts.get("ahead", 0)),
            )
        )


def fix_first(gaps: pd.DataFrame) -> pd.DataFrame:
    """The pillars to fix first: significant shortfalls with a priority, rank 1 first,
    with ``difference`` = you − leader (the mart's gap is leader − you).

    The mart gives a priority to significant shortfalls only; the direction is checked
    here too, so a lead can never be listed even from an older mart.
    """
    ranked = gaps[gaps["priority_rank"].notna() & (gaps["direction"] == "behind")]
    return ranked.sort_values("priority_rank").assign(
        difference=lambda frame: -frame["gap_to_leader"]
    )


def _priority_table(ranked: pd.DataFrame, language: str) -> None:
    """The ranked shortfalls: #, pillar, you − leader, importance and priority (intervals)."""
    table = ranked.assign(
        difference_text=[
            compare_text.difference(value, "behind", language) for value in ranked["difference"]
        ],
        importance_text=[
            _three_digits(row.importance, row.importance_ci_low, row.importance_ci_high, language)
            for row in ranked.itertuples()
        ],
        priority_text=[
            _three_digits(row.priority, row.priority_ci_low, row.priority_ci_high, language)
            for row in ranked.itertuples()
        ],
    )
    st.dataframe(
        table,
        column_order=[
            "priority_rank",
            "pillar_label",
            "difference_text",
            "importance_text",
            "priority_text",
        ],
        column_config={
            "priority_rank": st.column_config.NumberColumn("#", format="%d"),
            "pillar_label": st.column_config.TextColumn(i18n.text("pillar", language)),
            "difference_text": st.column_config.TextColumn(
                i18n.text("cmp_you_minus_leader", language)
            ),
            "importance_text": st.column_config.TextColumn(i18n.text("importance", language)),
            "priority_text": st.column_config.TextColumn(i18n.text("priority", language)),
        },
        hide_index=True,
        key="compare_priority_table",
    )


def _three_digits(value: float, low: float | None, high: float | None, language: str) -> str:
    """``0,240 (0,157–0,323)``: importance and priority are small shares, read to 3 digits."""
    text = formatting.decimal(value, language, 3)
    if formatting.is_missing(low) or formatting.is_missing(high):
        return text
    return f"{text} ({formatting.interval(low, high, language, 3)})"
