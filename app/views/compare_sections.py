"""Compare page, lower half: the frames behind the chart, the table, priorities and trend.

Split from :mod:`app.views.compare` to keep each module readable; it only lays out
what :mod:`app.queries` returns, keeping mart values unrounded in the frames (the
formatting happens in column configs) so what a test reads is what the mart holds.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from app import charts, i18n, queries
from app.views import coverage, sidebar

#: Benchmark kinds of ``queries.benchmark_pillars`` -> i18n key of their series name.
BENCHMARK_SERIES = {"sector": "sector_average", "country": "national_average"}


def number(value: float | None) -> str:
    """Two decimals, or a dash when the mart has no value."""
    return "—" if value is None or pd.isna(value) else f"{value:.2f}"


def chart_titles(language: str) -> dict[str, str]:
    """Translated axis and tooltip titles shared by the Compare charts."""
    roles = ("pillar", "score", "ci_low", "ci_high", "wave", "cx_index")
    titles = {role: i18n.text(role, language) for role in roles}
    titles.update(
        priority=i18n.text("priority", language),
        significant=i18n.text("significant_gap", language),
        gap=i18n.text("gap_to_leader", language),
        importance=i18n.text("importance", language),
        yes=i18n.text("yes", language),
        no=i18n.text("no", language),
    )
    return titles


def chart_frame(
    scores: pd.DataFrame,
    benchmarks: pd.DataFrame,
    gaps: pd.DataFrame,
    organisation: queries.CompanyScore,
    language: str,
) -> pd.DataFrame:
    """Companies and the averages that are not suppressed, in the chart's columns."""
    shown = benchmarks[~benchmarks["is_suppressed"]]
    shown = shown.assign(
        series=shown["benchmark"].map(lambda kind: i18n.text(BENCHMARK_SERIES[kind], language)),
        role=shown["benchmark"],
        n_evaluations=None,
    )
    frame = pd.concat([scores, shown], ignore_index=True)
    significant = set(gaps.loc[gaps["is_gap_significant"].fillna(False), "pillar_id"])
    frame["is_gap_significant"] = (frame["series"] == organisation.company_name) & frame[
        "pillar_id"
    ].isin(significant)
    return frame


def suppression_notes(
    benchmarks: pd.DataFrame, organisation: queries.CompanyScore, language: str
) -> None:
    """One warning per suppressed average, with the mart's reason."""
    for kind, rows in benchmarks[benchmarks["is_suppressed"]].groupby("benchmark", sort=False):
        st.warning(
            i18n.text(
                f"{BENCHMARK_SERIES[kind]}_suppressed",
                language,
                sector=organisation.sector_name,
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
    """One row per pillar: each company's mean, interval and n, the averages and the gap.

    Company columns are ``s0_…`` (organisation) and ``s1_…`` (leader); averages are
    ``sector_mean`` and ``country_mean`` (empty when suppressed). When the study does
    not measure every pillar by all its statements, a ``measured`` column says how
    each pillar was measured, and the pillars it does not measure are listed too, as
    "not measured by this study" rather than as empty scores.
    """
    table = scores.loc[scores["series"] == series[0], ["pillar_id", "pillar_label"]]
    config: dict[str, st.column_config.Column] = {
        "pillar_label": st.column_config.TextColumn(i18n.text("pillar", language)),
    }
    if not coverage.is_full(measured):
        table = measured[["pillar_id", "pillar_label"]].merge(
            coverage.measurement_column(measured, language), on="pillar_id"
        )
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
        for measure in ("mean", "ci_low", "ci_high"):
            config[f"{prefix}{measure}"] = st.column_config.NumberColumn(
                f"{name} · {i18n.text(measure, language)}", format="%.2f"
            )
        config[f"{prefix}n"] = st.column_config.NumberColumn(
            f"{name} · {i18n.text('n', language)}", format="%d"
        )
    for kind, series_key in BENCHMARK_SERIES.items():
        column = f"{kind}_mean"
        averages = benchmarks.loc[benchmarks["benchmark"] == kind, ["pillar_id", "mean_score"]]
        table = table.merge(averages.rename(columns={"mean_score": column}), how="left")
        config[column] = st.column_config.NumberColumn(
            i18n.text(series_key, language), format="%.2f"
        )
    if not gaps.empty:
        table = table.merge(gaps[["pillar_id", "gap_to_leader", "is_gap_significant"]], how="left")
        config["gap_to_leader"] = st.column_config.NumberColumn(
            i18n.text("gap_to_leader", language), format="%.2f"
        )
        config["is_gap_significant"] = st.column_config.CheckboxColumn(
            i18n.text("significant_gap", language)
        )
    st.dataframe(
        table.drop(columns="pillar_id"), column_config=config, hide_index=True, key="compare_table"
    )


def priority_list(
    gaps: pd.DataFrame,
    organisation: queries.CompanyScore,
    leader: queries.CompanyScore | None,
    language: str,
) -> None:
    """Pillars ranked by priority = gap × importance (1 = fix first), as bars and a table."""
    st.subheader(i18n.text("priorities", language))
    if leader is None or gaps.empty:
        st.info(i18n.text("no_priorities", language))
        return
    if organisation.is_sector_leader:
        st.info(i18n.text("leader_no_priorities", language, org=organisation.company_name))
        return
    yes, no = i18n.text("yes", language), i18n.text("no", language)
    ranked = gaps.sort_values("priority_rank").assign(
        significance=lambda frame: frame["is_gap_significant"].map({True: yes, False: no})
    )
    st.altair_chart(
        charts.priority_bars(ranked, chart_titles(language)), key="compare_priority_chart"
    )
    st.caption(i18n.text("priority_caption", language, leader=leader.company_name))
    columns = ["priority_rank", "pillar_label", "gap_to_leader", "is_gap_significant"]
    st.dataframe(
        ranked[[*columns, "importance", "priority"]],
        column_config={
            "priority_rank": st.column_config.NumberColumn("#", format="%d"),
            "pillar_label": st.column_config.TextColumn(i18n.text("pillar", language)),
            "gap_to_leader": st.column_config.NumberColumn(
                i18n.text("gap_to_leader", language), format="%.2f"
            ),
            "is_gap_significant": st.column_config.CheckboxColumn(
                i18n.text("significant_gap", language)
            ),
            "importance": st.column_config.NumberColumn(
                i18n.text("importance", language), format="%.3f"
            ),
            "priority": st.column_config.NumberColumn(
                i18n.text("priority", language), format="%.3f"
            ),
        },
        hide_index=True,
        key="compare_priority_table",
    )


def trend(
    warehouse: queries.WarehouseFile,
    selection: sidebar.Selection,
    organisation: queries.CompanyScore,
    language: str,
) -> None:
    """CX index over the study's waves against the averages, and pillar means with intervals."""
    st.subheader(i18n.text("trend", language))
    study_id, country = selection.study_id, selection.country
    index = queries.cx_index_trend(warehouse, study_id, country, organisation.company_id)
    if len(index) < 2:
        st.info(i18n.text("one_wave_only", language))
        return
    titles = chart_titles(language)
    long = pd.concat(
        [
            index[["wave"]].assign(series=name, role=role, value=index[column])
            for name, role, column in (
                (organisation.company_name, "organisation", "cx_index"),
                (i18n.text("sector_average", language), "sector", "sector_avg_cx_index"),
                (i18n.text("national_average", language), "country", "country_avg_cx_index"),
            )
        ],
        ignore_index=True,
    ).dropna(subset=["value"])
    left, right = st.columns(2)
    left.altair_chart(charts.index_trend(long, titles), key="compare_index_trend")
    pillars = queries.pillar_trend(warehouse, study_id, country, organisation.company_id, language)
    right.altair_chart(charts.pillar_trend(pillars, titles), key="compare_pillar_trend")
    st.caption(i18n.text("trend_caption", language))
    for kind, column in (
        ("sector", "sector_suppression_reason"),
        ("country", "country_suppression_reason"),
    ):
        for row in index[index[column].notna()].itertuples():
            st.caption(
                i18n.text(
                    "trend_suppressed",
                    language,
                    average=i18n.text(BENCHMARK_SERIES[kind], language),
                    wave=row.wave,
                    reason=i18n.suppression_reason(getattr(row, column), language),
                )
            )
