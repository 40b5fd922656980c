"""Compare page, top: who leads, the headline numbers and the outcome measures.

The CX index's delta is its change since the previous comparable wave — an arrow and
a colour only when that change is significant — and the gap to the leader is a
separate number, "you − leader" with its direction word, so a gap never reads as a
fall. Ranks come with the range of ranks the organisation cannot be told apart from
and last wave's rank.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from cxbench.app import formatting, i18n, queries
from cxbench.app.views import compare_text

#: Metric colour of each direction (Streamlit's named colours nearest the chart colours).
METRIC_COLOURS = {"behind": "orange", "level": "gray", "ahead": "green"}


def render_status(
    organisation: queries.CompanyScore,
    leader: queries.CompanyScore | None,
    leader_named: bool,
    language: str,
) -> None:
    """Say who leads (by name to an analyst only), and whether the organisation is ranked."""
    if organisation.is_sector_leader:
        st.success(i18n.text("is_leader", language, org=organisation.company_name))
    elif leader is None and organisation.n_ranked_in_sector > 0:
        st.info(i18n.text("leader_withheld", language))
    elif leader is None:
        st.info(i18n.text("no_leader", language))
    elif leader_named:
        st.markdown(
            i18n.text(
                "leader_is",
                language,
                leader=leader.company_name,
                cx_index=formatting.decimal(leader.cx_index, language),
            )
        )
    else:
        cx_index = formatting.decimal(leader.cx_index, language)
        st.markdown(i18n.text("anonymous_leader_is", language, cx_index=cx_index))
    if not organisation.is_eligible:
        st.warning(
            i18n.text(
                "not_ranked",
                language,
                org=organisation.company_name,
                n=formatting.integer(organisation.n_evaluations, language),
            )
        )


@dataclass(frozen=True)
class Delta:
    """What a metric shows under its value: text, arrow and colour."""

    text: str | None
    arrow: str = "off"
    colour: str = "gray"
    description: str | None = None


def change_delta(
    change: float | None,
    is_significant: bool | None,
    previous_wave: int | None,
    language: str,
    digits: int = 2,
    unit: str = "",
) -> Delta:
    """The delta of a change since the previous wave: arrow and colour only if significant."""
    direction = compare_text.change_direction(change, is_significant)
    if direction is None:
        return Delta(None)
    text = formatting.signed(change, language, digits) + (f" {unit}" if unit else "")
    if direction == "level":
        described = i18n.text("cmp_since_not_significant", language, wave=previous_wave)
        return Delta(text, "off", "gray", described)
    described = i18n.text("cmp_since_significant", language, wave=previous_wave)
    arrow = "up" if direction == "ahead" else "down"
    return Delta(text, arrow, METRIC_COLOURS[direction], described)


def _metric(
    column: DeltaGenerator, label: str, value: str, delta: Delta, help: str | None = None
) -> None:
    """One headline number with its delta (see :class:`Delta`)."""
    column.metric(
        label,
        value,
        delta=delta.text,
        delta_color=delta.colour,
        delta_arrow=delta.arrow,
        delta_description=delta.description,
        help=help,
    )


def leader_difference(
    organisation: queries.CompanyScore, leader: queries.CompanyScore | None
) -> tuple[float | None, str | None]:
    """CX index you − leader and its direction (z test on the two indices' standard
    errors at 95%); (None, None) for the leader itself or without a leader."""
    if (
        leader is None
        or leader.company_id == organisation.company_id
        or formatting.is_missing(organisation.cx_index)
        or formatting.is_missing(leader.cx_index)
    ):
        return None, None
    difference = organisation.cx_index - leader.cx_index
    errors = (organisation.cx_index_std_error, leader.cx_index_std_error)
    if any(formatting.is_missing(error) for error in errors):
        return difference, None
    std_error = (errors[0] ** 2 + errors[1] ** 2) ** 0.5
    return difference, compare_text.direction_of(
        difference, std_error, compare_text.critical_value(None)
    )


def render_headline(
    organisation: queries.CompanyScore, leader: queries.CompanyScore | None, language: str
) -> None:
    """CX index with interval and change, the difference to the leader, both ranks with
    their ranges and previous ranks, NPS/CSAT/CES with their changes, evaluations."""
    cx_column, leader_column, country_column, sector_column = st.columns(4)
    _metric(
        cx_column,
        i18n.text("cx_index", language),
        formatting.decimal(organisation.cx_index, language),
        change_delta(
            organisation.cx_index_change,
            organisation.is_cx_index_change_significant,
            organisation.previous_wave,
            language,
        ),
    )
    difference, direction = leader_difference(organisation, leader)
    if difference is not None:
        _metric(
            leader_column,
            i18n.text("cmp_you_minus_leader", language),
            formatting.signed(difference, language),
            Delta(
                compare_text.direction_word(direction, language),
                "off",
                METRIC_COLOURS.get(direction or "level", "gray"),
            ),
            help=i18n.text("cmp_leader_difference_help", language),
        )
    for column, level in ((country_column, "country"), (sector_column, "sector")):
        # the total goes in the label: "18 (14–21) of 82" would be cut in a quarter column
        _metric(
            column,
            i18n.text(
                "cmp_rank_label",
                language,
                label=i18n.text(f"rank_in_{level}", language),
                total=getattr(organisation, f"n_ranked_in_{level}"),
            ),
            rank_text(organisation, level, language, with_total=False),
            _previous_rank(organisation, level, language),
            help=i18n.text("cmp_rank_help", language),
        )
    nps_column, csat_column, ces_column, n_column = st.columns(4)
    for column, measure in ((nps_column, "nps"), (csat_column, "csat"), (ces_column, "ces")):
        value, _, _, _, change, significant = outcome(organisation, measure)
        unit = "" if measure == "nps" else i18n.text("cmp_points", language)
        _metric(
            column,
            i18n.text(f"cmp_{measure}", language),
            outcome_value(value, measure, language),
            change_delta(change, significant, organisation.previous_wave, language, 1, unit),
        )
    n_column.metric(
        i18n.text("evaluations", language),
        formatting.integer(organisation.n_evaluations, language),
    )
    st.caption(
        i18n.text(
            "cmp_index_interval",
            language,
            interval=formatting.interval(
                organisation.cx_index_ci_low, organisation.cx_index_ci_high, language
            ),
        )
    )


def rank_text(
    organisation: queries.CompanyScore, level: str, language: str, *, with_total: bool = True
) -> str:
    """``3 (2–5) of 12``: the rank, the ranks it cannot be told apart from, the total
    (left out with ``with_total=False``, for a label that carries it); ``3 of 12`` when
    that range is the rank itself; "not ranked" below the minimum base."""
    rank = getattr(organisation, f"rank_in_{level}")
    total = getattr(organisation, f"n_ranked_in_{level}")
    if rank is None:
        return i18n.text("not_ranked_short", language)
    best = getattr(organisation, f"rank_in_{level}_best")
    worst = getattr(organisation, f"rank_in_{level}_worst")
    if best is None or worst is None or best == worst:
        return i18n.text("rank_of", language, rank=rank, total=total) if with_total else str(rank)
    if not with_total:
        return f"{rank} ({best}–{worst})"
    return i18n.text("cmp_rank_range_of", language, rank=rank, best=best, worst=worst, total=total)


def _previous_rank(organisation: queries.CompanyScore, level: str, language: str) -> Delta:
    """Last comparable wave's rank as the metric's (arrowless) delta."""
    previous = getattr(organisation, f"previous_rank_in_{level}")
    if previous is None or organisation.previous_wave is None:
        return Delta(None)
    return Delta(
        i18n.text("cmp_previous_rank", language, wave=organisation.previous_wave, rank=previous)
    )


#: Each outcome measure's columns of ``CompanyScore``: value, interval, previous, change.
OUTCOME_FIELDS = {
    "nps": ("nps_score", "nps_ci_low", "nps_ci_high", "previous_nps_score", "nps_change"),
    "csat": (
        "csat_top2_box_pct",
        "csat_ci_low",
        "csat_ci_high",
        "previous_csat_top2_box_pct",
        "csat_change",
    ),
    "ces": (
        "ces_top3_box_pct",
        "ces_ci_low",
        "ces_ci_high",
        "previous_ces_top3_box_pct",
        "ces_change",
    ),
}


def outcome(organisation: queries.CompanyScore, measure: str) -> tuple:
    """(value, low, high, previous, change, significant) of ``nps``, ``csat`` or ``ces``."""
    values = [getattr(organisation, field) for field in OUTCOME_FIELDS[measure]]
    return (*values, getattr(organisation, f"is_{measure}_change_significant"))


def outcome_value(value: float | None, measure: str, language: str) -> str:
    """NPS as points with one decimal, CSAT and CES as percentages (0–100 in the marts)."""
    if measure == "nps":
        return formatting.decimal(value, language, 1)
    return formatting.percent(value, language, 1)


def outcome_estimate(
    value: float | None, low: float | None, high: float | None, measure: str, language: str
) -> str:
    """``31,5 (23,5–39,5)`` / ``73,5% (67,5%–79,5%)``."""
    text = outcome_value(value, measure, language)
    if formatting.is_missing(value) or formatting.is_missing(low) or formatting.is_missing(high):
        return text
    return (
        f"{text} ({outcome_value(low, measure, language)}–{outcome_value(high, measure, language)})"
    )


def outcomes_table(
    organisation: queries.CompanyScore, benchmarks: pd.DataFrame, language: str
) -> None:
    """NPS, CSAT and CES with their intervals next to the sector and national averages
    (NPS only: the marts hold no averages of CSAT and CES)."""
    st.subheader(i18n.text("cmp_outcomes_heading", language))
    averages = {
        row.benchmark: (None if row.is_suppressed else row.avg_nps_score)
        for row in benchmarks.itertuples()
    }
    rows = []
    for measure in OUTCOME_FIELDS:
        value, low, high, _, change, significant = outcome(organisation, measure)
        unit = "" if measure == "nps" else i18n.text("cmp_points", language)
        rows.append(
            {
                "measure": measure,
                "measure_label": i18n.text(f"cmp_{measure}", language),
                "value": value,
                "ci_low": low,
                "ci_high": high,
                "sector_average": averages.get("sector") if measure == "nps" else None,
                "national_average": averages.get("country") if measure == "nps" else None,
                "change": change,
                "is_change_significant": significant,
                "value_text": outcome_estimate(value, low, high, measure, language),
                "sector_text": formatting.decimal(averages.get("sector"), language, 1)
                if measure == "nps"
                else formatting.MISSING,
                "national_text": formatting.decimal(averages.get("country"), language, 1)
                if measure == "nps"
                else formatting.MISSING,
                "change_text": compare_text.change(change, significant, language, 1, unit),
            }
        )
    st.dataframe(
        pd.DataFrame(rows),
        column_order=["measure_label", "value_text", "sector_text", "national_text"],
        column_config={
            "measure_label": st.column_config.TextColumn(i18n.text("cmp_measure", language)),
            "value_text": st.column_config.TextColumn(organisation.company_name),
            "sector_text": st.column_config.TextColumn(i18n.text("sector_average", language)),
            "national_text": st.column_config.TextColumn(i18n.text("national_average", language)),
        },
        hide_index=True,
        key="compare_outcomes_table",
    )
    st.caption(i18n.text("cmp_outcomes_caption", language))
