"""The report as a sequence of sections, independent of the file format.

A :class:`Report` is a cover plus sections, each a title, paragraphs, at most one table
and some chart images, every number already written in the reader's language by
:mod:`app.formatting`. The PDF (:mod:`app.report.pdf`) and the PowerPoint
(:mod:`app.report.slides`) only lay these out, so both say the same thing.

One sign convention throughout: a difference is the organisation minus its comparator
(negative = behind), labelled so, next to a direction word (behind / level / ahead).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from app import formatting as fmt
from app.report import figures, words
from app.report.content import ReportContent, shortfalls

#: Colours of the directions, the same as the app's (never used for anything else).
DIRECTION_COLOURS = {"behind": "#d95f02", "level": "#999999", "ahead": "#1b9e77"}


@dataclass(frozen=True)
class Table:
    """A table of text cells; ``highlight`` rows are the organisation's own (set in bold);
    ``colours`` maps a cell's text to its colour (the direction words)."""

    header: list[str]
    rows: list[list[str]]
    highlight: frozenset[int] = frozenset()
    colours: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Section:
    """One page of the PDF, one slide of the PowerPoint."""

    title: str
    paragraphs: list[str] = field(default_factory=list)
    table: Table | None = None
    images: list[bytes] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Cover:
    """The cover: who the report is for, where and when."""

    brand: str
    title: str
    organisation: str
    facts: list[tuple[str, str]]
    prepared_for: str


@dataclass(frozen=True)
class Report:
    cover: Cover
    sections: list[Section]
    footer: str


def compose(report: ReportContent, today: dt.date | None = None) -> Report:
    """Every section of the report of ``report``, in the reader's language."""
    language = report.language
    cover = Cover(
        brand=words.text("report_brand", language),
        title=words.text("report_title", language),
        organisation=report.name,
        facts=[
            (words.text("report_sector", language), report.sector_name),
            (words.text("report_country", language), fmt.country_name(report.country, language)),
            (words.text("report_wave", language), str(report.wave)),
            (words.text("report_date", language), fmt.date(today or dt.date.today(), language)),
            (words.text("report_cx_index", language), _index_text(report.organisation, language)),
            (
                words.text("report_rank_in_sector", language),
                _rank_text(
                    report.organisation,
                    "sector",
                    report.organisation["n_ranked_in_sector"],
                    language,
                ),
            ),
        ],
        prepared_for=words.text("report_prepared_for", language, org=report.name),
    )
    sections = [
        _headline(report),
        _pillars(report),
        _gaps(report),
        _year_on_year(report),
        _ranking(report),
        _methodology(report),
    ]
    footer = f"cxbench · {report.name} · {report.country} {report.wave}"
    return Report(cover=cover, sections=sections, footer=footer)


def _value(row: dict[str, Any] | pd.Series, column: str) -> Any:
    """A column of a mart row, or None when this warehouse's marts do not have it yet."""
    return row.get(column) if hasattr(row, "get") else None


def _rank_text(row: dict[str, Any] | pd.Series, scope: str, total: int, language: str) -> str:
    """'3 van 10', with the range of ranks it cannot be told apart from when the marts say."""
    rank = _value(row, f"rank_in_{scope}")
    if fmt.is_missing(rank):
        return words.text("report_not_ranked", language, min_base=_value(row, "min_base") or "")
    text = words.text("report_rank_of", language, rank=int(rank), total=total)
    best, worst = _value(row, f"rank_in_{scope}_best"), _value(row, f"rank_in_{scope}_worst")
    if not fmt.is_missing(best) and not fmt.is_missing(worst) and best != worst:
        text += " (" + words.text("report_rank_range", language, best=int(best), worst=int(worst))
        text += ")"
    return text


def _index_text(row: dict[str, Any], language: str) -> str:
    """'6,35', with its interval when the marts hold one: '6,35 (6,21–6,49)'."""
    low, high = _value(row, "cx_index_ci_low"), _value(row, "cx_index_ci_high")
    if fmt.is_missing(low) or fmt.is_missing(high):
        return fmt.decimal(row["cx_index"], language)
    return _with_interval(row["cx_index"], low, high, language)


def _headline(report: ReportContent) -> Section:
    language, row = report.language, report.organisation
    rows = [
        [
            words.text("report_cx_index", language),
            fmt.decimal(row["cx_index"], language),
            fmt.interval(_value(row, "cx_index_ci_low"), _value(row, "cx_index_ci_high"), language),
        ],
        [
            words.text("report_rank_in_country", language),
            _rank_text(row, "country", row["n_ranked_in_country"], language),
            "",
        ],
        [
            words.text("report_rank_in_sector", language),
            _rank_text(row, "sector", row["n_ranked_in_sector"], language),
            "",
        ],
        [
            words.text("report_evaluations", language),
            fmt.integer(row["n_evaluations"], language),
            "",
        ],
        [
            words.text("report_nps", language),
            fmt.decimal(row["nps_score"], language, 1),
            fmt.interval(row["nps_ci_low"], row["nps_ci_high"], language, 1),
        ],
        [
            words.text("report_csat", language),
            fmt.percent(row["csat_top2_box_pct"], language, 1),
            _percent_interval(row, "csat", language),
        ],
        [
            words.text("report_ces", language),
            fmt.percent(row["ces_top3_box_pct"], language, 1),
            _percent_interval(row, "ces", language),
        ],
    ]
    header = [
        words.text("report_measure", language),
        words.text("report_value", language),
        words.text("report_interval", language),
    ]
    if row["is_sector_leader"]:
        lead = words.text("report_is_leader", language, org=report.name)
    elif report.leader is not None:
        lead = words.text(
            "report_leader_line", language, cx_index=fmt.decimal(report.leader.cx_index, language)
        )
    else:
        lead = words.text("report_no_leader", language)
    return Section(
        title=words.text("report_headline", language),
        paragraphs=[lead],
        table=Table(header=header, rows=rows),
    )


def _percent_interval(row: dict[str, Any], measure: str, language: str) -> str:
    low, high = _value(row, f"{measure}_ci_low"), _value(row, f"{measure}_ci_high")
    if fmt.is_missing(low) or fmt.is_missing(high):
        return fmt.MISSING
    return f"{fmt.percent(low, language, 1)}–{fmt.percent(high, language, 1)}"


def _with_interval(mean: Any, low: Any, high: Any, language: str) -> str:
    """'6,49 (6,35–6,62)': one narrow column for an estimate and its interval."""
    if fmt.is_missing(mean):
        return fmt.MISSING
    return f"{fmt.decimal(mean, language)} ({fmt.interval(low, high, language)})"


def _direction_colours(language: str) -> dict[str, str]:
    return {
        words.text(f"report_{key}", language): colour for key, colour in DIRECTION_COLOURS.items()
    }


def _pillars(report: ReportContent) -> Section:
    language = report.language
    gaps = report.gaps.set_index("pillar_id") if not report.gaps.empty else pd.DataFrame()
    leader_means = (
        report.leader_pillars.set_index("pillar_id")["mean_score"]
        if not report.leader_pillars.empty
        else pd.Series(dtype=float)
    )
    rows = []
    for pillar in report.pillars.itertuples():
        gap = gaps.loc[pillar.pillar_id] if pillar.pillar_id in gaps.index else None
        rows.append(
            [
                pillar.pillar_label,
                _with_interval(pillar.mean_score, pillar.ci_low, pillar.ci_high, language),
                fmt.decimal(leader_means.get(pillar.pillar_id), language),
                fmt.signed(gap["difference"], language) if gap is not None else fmt.MISSING,
                words.text(f"report_{gap['direction']}", language) if gap is not None else "",
            ]
        )
    header = [
        words.text("report_pillar", language),
        f"{words.text('report_you', language)} ({words.text('report_interval', language)})",
        words.text("report_leader", language),
        words.text("report_difference_leader", language),
        words.text("report_direction", language),
    ]
    return Section(
        title=words.text("report_pillars", language),
        images=[figures.pillar_chart(report)],
        table=Table(header=header, rows=rows, colours=_direction_colours(language)),
        notes=[
            words.text("report_pillars_caption", language, org=report.name),
            words.text("report_direction_note", language),
        ],
    )


def _gaps(report: ReportContent) -> Section:
    language = report.language
    title = words.text("report_gaps", language)
    if not report.has_other_leader or report.gaps.empty:
        key = "report_is_leader" if report.organisation["is_sector_leader"] else "report_no_leader"
        return Section(title=title, paragraphs=[words.text(key, language, org=report.name)])
    behind = shortfalls(report.gaps)
    if behind.empty:
        return Section(title=title, paragraphs=[words.text("report_no_gaps", language)])
    rows = [
        [
            str(position),
            gap.pillar_label,
            fmt.decimal(gap.mean_score, language),
            fmt.decimal(gap.leader_mean_score, language),
            fmt.signed(gap.difference, language),
            fmt.decimal(gap.importance, language, 3),
            fmt.decimal(gap.priority, language, 3),
        ]
        for position, gap in enumerate(behind.itertuples(), start=1)
    ]
    header = [
        "#",
        words.text("report_pillar", language),
        words.text("report_you", language),
        words.text("report_leader", language),
        words.text("report_difference_leader", language),
        words.text("report_importance", language),
        words.text("report_priority", language),
    ]
    return Section(
        title=title,
        paragraphs=[words.text("report_gaps_intro", language, org=report.name)],
        table=Table(header=header, rows=rows),
    )


def _change_word(change: Any, significant: Any, language: str) -> str:
    """Up / down when the marts call the change significant, 'not significant' when they
    do not, a dash when they do not say (a warehouse before methodology 0.4.0)."""
    if fmt.is_missing(significant) or fmt.is_missing(change):
        return fmt.MISSING
    if not significant:
        return words.text("report_unchanged", language)
    return words.text("report_up" if change > 0 else "report_down", language)


def _previous_pillars(report: ReportContent, previous_wave: int) -> pd.DataFrame:
    """Per pillar: previous mean, change and its significance — the marts' own columns
    where they have them, else the previous wave's mean from the trend (no significance)."""
    pillars = report.pillars
    if "mean_score_change" in pillars.columns:
        return pillars[["pillar_id", "previous_mean_score", "mean_score_change",
                        "is_change_significant"]]  # fmt: skip
    trend = report.pillar_trend
    earlier = trend.loc[trend["wave"] == previous_wave, ["pillar_id", "mean_score"]]
    merged = pillars[["pillar_id", "mean_score"]].merge(
        earlier.rename(columns={"mean_score": "previous_mean_score"}), on="pillar_id", how="left"
    )
    merged["mean_score_change"] = merged["mean_score"] - merged["previous_mean_score"]
    merged["is_change_significant"] = None
    return merged.drop(columns="mean_score")


def _year_on_year(report: ReportContent) -> Section:
    language, row = report.language, report.organisation
    title = words.text("report_year_on_year", language)
    previous_wave = _value(row, "previous_wave")
    if fmt.is_missing(previous_wave):
        return Section(
            title=title, paragraphs=[words.text("report_no_previous", language, org=report.name)]
        )
    rows = [
        [
            words.text("report_cx_index", language),
            fmt.decimal(row["previous_cx_index"], language),
            fmt.decimal(row["cx_index"], language),
            fmt.signed(row["cx_index_change"], language),
            _change_word(
                row["cx_index_change"], _value(row, "is_cx_index_change_significant"), language
            ),
        ],
        [
            words.text("report_rank_in_country", language),
            _plain(row["previous_rank_in_country"]),
            _plain(row["rank_in_country"]),
            _plain(row["rank_in_country_change"], signed=True),
            "",
        ],
    ]
    if _value(row, "previous_rank_in_sector") is not None:
        rows.append(
            [
                words.text("report_rank_in_sector", language),
                _plain(row["previous_rank_in_sector"]),
                _plain(row["rank_in_sector"]),
                _plain(row.get("rank_in_sector_change"), signed=True),
                "",
            ]
        )
    for measure, current, previous, change, digits in (
        ("nps", "nps_score", "previous_nps_score", "nps_change", 1),
        ("csat", "csat_top2_box_pct", "previous_csat_top2_box_pct", "csat_change", 1),
        ("ces", "ces_top3_box_pct", "previous_ces_top3_box_pct", "ces_change", 1),
    ):
        if previous in row:
            rows.append(
                [
                    words.text(f"report_{measure}", language),
                    fmt.decimal(row[previous], language, digits),
                    fmt.decimal(row[current], language, digits),
                    fmt.signed(row[change], language, digits),
                    _change_word(
                        row[change], row.get(f"is_{measure}_change_significant"), language
                    ),
                ]
            )
    changes = _previous_pillars(report, int(previous_wave)).set_index("pillar_id")
    for pillar in report.pillars.itertuples():
        change = changes.loc[pillar.pillar_id]
        rows.append(
            [
                pillar.pillar_label,
                fmt.decimal(change["previous_mean_score"], language),
                fmt.decimal(pillar.mean_score, language),
                fmt.signed(change["mean_score_change"], language),
                _change_word(
                    change["mean_score_change"], change["is_change_significant"], language
                ),
            ]
        )
    header = [
        words.text("report_measure", language),
        str(int(previous_wave)),
        str(report.wave),
        words.text("report_change", language),
        words.text("report_change_word", language),
    ]
    images = [
        image
        for image in (figures.index_trend_chart(report), figures.pillar_trend_chart(report))
        if image is not None
    ]
    return Section(
        title=title,
        table=Table(header=header, rows=rows),
        images=images,
        notes=[words.text("report_trend_caption", language)] if images else [],
    )


def _plain(value: Any, signed: bool = False) -> str:
    """A rank or a rank change as a whole number (ranks need no locale)."""
    if fmt.is_missing(value):
        return fmt.MISSING
    number = int(value)
    if not signed:
        return str(number)
    return "±0" if number == 0 else f"{'+' if number > 0 else fmt.MINUS}{abs(number)}"


def _ranking(report: ReportContent) -> Section:
    language = report.language
    title = words.text("report_ranking", language, sector=report.sector_name)
    ranked = report.ranking
    if ranked["rank_in_sector"].notna().sum() < 2:
        return Section(title=title, paragraphs=[words.text("report_no_ranking", language)])
    has_interval = "cx_index_ci_low" in ranked.columns
    rows, highlight = [], set()
    for position, company in enumerate(ranked.to_dict("records")):
        if company["is_own"]:
            highlight.add(position)
        rank = _plain(company["rank_in_sector"])
        best, worst = company.get("rank_in_sector_best"), company.get("rank_in_sector_worst")
        if not fmt.is_missing(best) and not fmt.is_missing(worst) and best != worst:
            rank += f" ({int(best)}–{int(worst)})"
        index = (
            _with_interval(
                company["cx_index"],
                company["cx_index_ci_low"],
                company["cx_index_ci_high"],
                language,
            )
            if has_interval
            else fmt.decimal(company["cx_index"], language)
        )
        rows.append(
            [rank, company["company_name"], index, fmt.integer(company["n_evaluations"], language)]
        )
    header = [
        words.text("report_rank", language),
        words.text("report_organisation", language),
        words.text("report_cx_index", language)
        + (f" ({words.text('report_interval', language)})" if has_interval else ""),
        "n",
    ]
    chart = figures.ranking_chart(report)
    return Section(
        title=title,
        paragraphs=[words.text("report_ranking_intro", language)],
        table=Table(header=header, rows=rows, highlight=frozenset(highlight)),
        images=[chart] if chart else [],
    )


def _methodology(report: ReportContent) -> Section:
    language, row = report.language, report.organisation
    confidence = report.parameters.get("confidence_level", "0.95")
    return Section(
        title=words.text("report_methodology", language),
        paragraphs=[
            words.text(
                "report_methodology_text",
                language,
                min_base=fmt.integer(
                    float(report.parameters.get("min_base", row["min_base"])), language
                ),
                confidence=fmt.percent(float(confidence), language, scale=1),
                version=row["methodology_version"],
            )
        ],
    )
