"""The report's content as sections (:mod:`cxbench.app.report.document`): the cover, the headline,
the pillars against the leader and the averages, the gaps to close; the later sections
are in :mod:`cxbench.app.report.trends`.

One sign convention throughout: a difference is the organisation minus its comparator
(negative = behind), labelled so, next to a direction word (behind / level / ahead).
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from cxbench.app import formatting as fmt
from cxbench.app.report import cells, figures, trends, words
from cxbench.app.report.content import ReportContent, shortfalls
from cxbench.app.report.document import Cover, Report, Section, Table


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
            (
                words.text("report_cx_index", language),
                cells.index_text(report.organisation, language),
            ),
            (
                words.text("report_rank_in_sector", language),
                cells.rank_text(
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
        trends.year_on_year(report),
        trends.ranking(report),
        trends.methodology(report),
    ]
    footer = f"cxbench · {report.name} · {report.country} {report.wave}"
    return Report(cover=cover, sections=sections, footer=footer)


def _headline(report: ReportContent) -> Section:
    language, row = report.language, report.organisation
    rows = [
        [
            words.text("report_cx_index", language),
            fmt.decimal(row["cx_index"], language),
            fmt.interval(
                cells.value(row, "cx_index_ci_low"), cells.value(row, "cx_index_ci_high"), language
            ),
        ],
        [
            words.text("report_rank_in_country", language),
            cells.rank_text(row, "country", row["n_ranked_in_country"], language),
            "",
        ],
        [
            words.text("report_rank_in_sector", language),
            cells.rank_text(row, "sector", row["n_ranked_in_sector"], language),
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
            cells.percent_interval(row, "csat", language),
        ],
        [
            words.text("report_ces", language),
            fmt.percent(row["ces_top3_box_pct"], language, 1),
            cells.percent_interval(row, "ces", language),
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


def _pillars(report: ReportContent) -> Section:
    """The pillar chart, and per pillar the score with its interval and the difference to
    the leader and to each average (you − comparator) with its direction."""
    language = report.language
    leader_means = (
        report.leader_pillars.set_index("pillar_id")["mean_score"]
        if not report.leader_pillars.empty
        else pd.Series(dtype=float)
    )
    against = {"leader": report.gaps.set_index("pillar_id")[["difference", "direction"]]}
    for comparator in ("sector", "country"):
        rows = report.comparisons[report.comparisons["comparator"] == comparator]
        if not rows.empty:
            against[comparator] = rows.set_index("pillar_id")[["difference", "direction"]]
    rows = []
    for pillar in report.pillars.itertuples():
        row = [
            pillar.pillar_label,
            cells.with_interval(pillar.mean_score, pillar.ci_low, pillar.ci_high, language),
            fmt.decimal(leader_means.get(pillar.pillar_id), language),
        ]
        for differences in against.values():
            found = pillar.pillar_id in differences.index
            difference = differences.loc[pillar.pillar_id] if found else None
            row.append(
                cells.difference(difference["difference"], difference["direction"], language)
                if difference is not None
                else fmt.MISSING
            )
        rows.append(row)
    header = [
        words.text("report_pillar", language),
        f"{words.text('report_you', language)} ({words.text('report_interval', language)})",
        words.text("report_leader", language),
        *(words.text(f"report_difference_{comparator}", language) for comparator in against),
    ]
    return Section(
        title=words.text("report_pillars", language),
        images=[figures.pillar_chart(report)],
        table=Table(header=header, rows=rows, colours=cells.direction_colours(language)),
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
            gap["pillar_label"],
            fmt.decimal(gap["mean_score"], language),
            fmt.decimal(gap["leader_mean_score"], language),
            fmt.signed(gap["difference"], language),
            cells.with_interval(
                gap["importance"],
                gap.get("importance_ci_low"),
                gap.get("importance_ci_high"),
                language,
                digits=3,
            ),
            cells.with_interval(
                gap["priority"],
                gap.get("priority_ci_low"),
                gap.get("priority_ci_high"),
                language,
                digits=3,
            ),
        ]
        for position, gap in enumerate(behind.to_dict("records"), start=1)
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
