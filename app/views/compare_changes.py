"""Compare page, year on year: the CX index, both ranks, NPS/CSAT/CES and every pillar
against the previous comparable wave, with significance; and the trend with intervals.

A change is "this wave − previous"; an arrow and a colour mark only a significant one
(a change within the uncertainty reads "no significant change"). Ranks carry no test
of their own: they are shown as "before → now" next to the rank ranges of the headline.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from cxbench.app import charts, formatting, i18n, queries
from cxbench.app.views import compare_headline, compare_sections, compare_text, sidebar


def _row(measure: str, label: str, texts: tuple[str, str, str], **raw: object) -> dict:
    """One row of the year-on-year table: the (previous, current, change) display texts
    plus the mart values (``raw``)."""
    previous, current, change = texts
    return {
        "measure": measure,
        "measure_label": label,
        "previous_text": previous,
        "current_text": current,
        "moved_text": f"{previous} → {current}",
        "change_text": change,
        **raw,
    }


def year_on_year_rows(
    organisation: queries.CompanyScore, pillars: pd.DataFrame, language: str
) -> pd.DataFrame:
    """CX index, ranks, NPS, CSAT, CES, then each pillar: previous, now and the change.

    Raw columns: ``previous``, ``current``, ``change``, ``is_change_significant``,
    ``direction`` (``ahead`` = significantly up, ``behind`` = significantly down,
    ``level``; None where not comparable).
    """
    rows = [
        _row(
            "cx_index",
            i18n.text("cx_index", language),
            (
                formatting.decimal(organisation.previous_cx_index, language),
                compare_text.estimate(
                    organisation.cx_index,
                    organisation.cx_index_ci_low,
                    organisation.cx_index_ci_high,
                    language,
                ),
                compare_text.change(
                    organisation.cx_index_change,
                    organisation.is_cx_index_change_significant,
                    language,
                ),
            ),
            previous=organisation.previous_cx_index,
            current=organisation.cx_index,
            change=organisation.cx_index_change,
            is_change_significant=organisation.is_cx_index_change_significant,
        )
    ]
    for level in ("country", "sector"):
        previous = getattr(organisation, f"previous_rank_in_{level}")
        current = getattr(organisation, f"rank_in_{level}")
        rows.append(
            _row(
                f"rank_in_{level}",
                i18n.text(f"rank_in_{level}", language),
                (
                    formatting.integer(previous, language),
                    compare_headline.rank_text(organisation, level, language),
                    formatting.MISSING
                    if previous is None or current is None
                    else i18n.text("cmp_rank_moved", language, before=previous, now=current),
                ),
                previous=previous,
                current=current,
                change=None if previous is None or current is None else previous - current,
                is_change_significant=None,
            )
        )
    for measure in compare_headline.OUTCOME_FIELDS:
        value, low, high, previous, change, significant = compare_headline.outcome(
            organisation, measure
        )
        unit = "" if measure == "nps" else i18n.text("cmp_points", language)
        rows.append(
            _row(
                measure,
                i18n.text(f"cmp_{measure}", language),
                (
                    compare_headline.outcome_value(previous, measure, language),
                    compare_headline.outcome_estimate(value, low, high, measure, language),
                    compare_text.change(change, significant, language, 1, unit),
                ),
                previous=previous,
                current=value,
                change=change,
                is_change_significant=significant,
            )
        )
    for pillar in pillars.itertuples():
        rows.append(
            _row(
                pillar.pillar_id,
                pillar.pillar_label,
                (
                    formatting.decimal(pillar.previous_mean_score, language),
                    compare_text.estimate(
                        pillar.mean_score, pillar.ci_low, pillar.ci_high, language
                    ),
                    compare_text.change(
                        pillar.mean_score_change, pillar.is_change_significant, language
                    ),
                ),
                previous=pillar.previous_mean_score,
                current=pillar.mean_score,
                change=pillar.mean_score_change,
                is_change_significant=pillar.is_change_significant,
            )
        )
    frame = pd.DataFrame(rows)
    frame["direction"] = [
        compare_text.change_direction(change, significant)
        for change, significant in zip(frame["change"], frame["is_change_significant"], strict=True)
    ]
    return frame


def pillar_change_rows(pillars: pd.DataFrame, language: str) -> pd.DataFrame:
    """The comparable pillar changes in the columns of ``charts.difference_dots``."""
    rows = pillars[pillars["mean_score_change"].notna()].copy()
    critical = rows["confidence_level"].map(compare_text.critical_value)
    half_width = critical * rows["change_std_error"].fillna(0.0)
    rows = rows.assign(
        group=i18n.text("cmp_change", language),
        difference=rows["mean_score_change"],
        low=rows["mean_score_change"] - half_width,
        high=rows["mean_score_change"] + half_width,
        direction=[
            compare_text.change_direction(change, significant)
            for change, significant in zip(
                rows["mean_score_change"], rows["is_change_significant"], strict=True
            )
        ],
    )
    rows["direction_label"] = compare_text.labelled(rows, compare_text.CHANGE_KEYS, language)
    return rows


def year_on_year(
    organisation: queries.CompanyScore, pillars: pd.DataFrame, wave: int, language: str
) -> None:
    """The section: a table of every measure's change and a chart of the pillars'."""
    if organisation.previous_wave is None or (
        organisation.cx_index_change is None and pillars["mean_score_change"].isna().all()
    ):
        st.subheader(i18n.text("cmp_year_on_year_untitled", language))
        st.info(i18n.text("cmp_year_on_year_none", language))
        return
    previous_wave = organisation.previous_wave
    st.subheader(i18n.text("cmp_year_on_year", language, wave=previous_wave))
    table = year_on_year_rows(organisation, pillars, language)
    st.dataframe(
        table,
        # three columns, "7,30 → 7,10 (6,82–7,38)" in one, so it fits a phone
        column_order=["measure_label", "moved_text", "change_text"],
        column_config={
            "measure_label": st.column_config.TextColumn(i18n.text("cmp_measure", language)),
            "moved_text": st.column_config.TextColumn(f"{previous_wave} → {wave}"),
            "change_text": st.column_config.TextColumn(i18n.text("cmp_change", language)),
        },
        hide_index=True,
        # every row in view: a scrolling table hid the last pillars
        height=(len(table) + 1) * 35 + 3,
        key="compare_year_on_year_table",
    )
    st.caption(i18n.text("cmp_year_on_year_caption", language))
    changes = pillar_change_rows(pillars, language)
    if not changes.empty:
        titles = compare_sections.chart_titles(language)
        titles.update(
            difference=i18n.text("cmp_change", language),
            directions=compare_text.words(language, compare_text.CHANGE_KEYS),
        )
        st.altair_chart(charts.difference_dots(changes, titles), key="compare_pillar_change_chart")
        st.caption(i18n.text("cmp_pillar_changes_caption", language, wave=previous_wave))


def trend(
    warehouse: queries.WarehouseFile,
    selection: sidebar.Selection,
    organisation: queries.CompanyScore,
    language: str,
) -> None:
    """CX index over the study's waves with its interval, against the averages; pillar
    means with intervals."""
    st.subheader(i18n.text("trend", language))
    study_id, country = selection.study_id, selection.country
    index = queries.cx_index_trend(warehouse, study_id, country, organisation.company_id)
    if len(index) < 2:
        st.info(i18n.text("one_wave_only", language))
        return
    titles = compare_sections.chart_titles(language)
    long = pd.concat(
        [
            index[["wave"]].assign(
                series=name,
                role=role,
                value=index[column],
                ci_low=index["cx_index_ci_low"] if role == "organisation" else None,
                ci_high=index["cx_index_ci_high"] if role == "organisation" else None,
            )
            for name, role, column in (
                (organisation.company_name, "organisation", "cx_index"),
                (i18n.text("sector_average", language), "sector", "sector_avg_cx_index"),
                (i18n.text("national_average", language), "country", "country_avg_cx_index"),
            )
        ],
        ignore_index=True,
    ).dropna(subset=["value"])
    st.altair_chart(charts.index_trend(long, titles), key="compare_index_trend")
    pillars = queries.pillar_trend(warehouse, study_id, country, organisation.company_id, language)
    st.altair_chart(charts.pillar_trend(pillars, titles), key="compare_pillar_trend")
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
                    average=i18n.text(compare_sections.BENCHMARK_SERIES[kind], language),
                    wave=row.wave,
                    reason=i18n.suppression_reason(getattr(row, column), language),
                )
            )
