"""The report's later sections: year on year, the sector's ranking, the methodology note."""

from __future__ import annotations

from cxbench.app import formatting as fmt
from cxbench.app.report import cells, figures, words
from cxbench.app.report.content import ReportContent
from cxbench.app.report.document import Section, Table
from cxbench.app.views import rankings_table


def year_on_year(report: ReportContent) -> Section:
    language, row = report.language, report.organisation
    title = words.text("report_year_on_year", language)
    previous_wave = cells.value(row, "previous_wave")
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
            cells.change_word(
                row["cx_index_change"], cells.value(row, "is_cx_index_change_significant"), language
            ),
        ],
        [
            words.text("report_rank_in_country", language),
            cells.whole(row["previous_rank_in_country"]),
            cells.whole(row["rank_in_country"]),
            cells.whole(row["rank_in_country_change"], signed=True),
            "",
        ],
    ]
    if cells.value(row, "previous_rank_in_sector") is not None:
        rows.append(
            [
                words.text("report_rank_in_sector", language),
                cells.whole(row["previous_rank_in_sector"]),
                cells.whole(row["rank_in_sector"]),
                cells.whole(row.get("rank_in_sector_change"), signed=True),
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
                    cells.change_word(
                        row[change], row.get(f"is_{measure}_change_significant"), language
                    ),
                ]
            )
    for change in report.changes.itertuples():
        rows.append(
            [
                change.pillar_label,
                fmt.decimal(change.previous_mean_score, language),
                fmt.decimal(change.mean_score, language),
                fmt.signed(change.mean_score_change, language),
                cells.change_word(change.mean_score_change, change.is_change_significant, language),
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


def ranking(report: ReportContent) -> Section:
    """The sector's ranking as the Rankings page shows it: rank ranges, intervals, tie
    bands, the client's own row marked; peers under the names the scope gave them."""
    language = report.language
    title = words.text("report_ranking", language, sector=report.sector_name)
    ranked = report.ranking
    if len(ranked) < 2:
        return Section(title=title, paragraphs=[words.text("report_no_ranking", language)])
    own = set(ranked.loc[ranked["is_own"].fillna(False).astype(bool), "company_id"])
    sector = {str(ranked["sector_code"].iloc[0]): report.sector_name}
    shown = rankings_table.readable(ranked, language, own, sector, by_sector=True)
    rows = [
        [row["rank_range"], row["company_name"], row["cx_index_text"], row["n_text"]]
        for row in shown.to_dict("records")
    ]
    highlight = frozenset(int(i) for i in range(len(shown)) if shown["is_highlighted"].iloc[i])
    header = [
        words.text("report_rank", language),
        words.text("report_organisation", language),
        f"{words.text('report_cx_index', language)} ({words.text('report_interval', language)})",
        "n",
    ]
    chart = figures.ranking_chart(report, shown)
    return Section(
        title=title,
        paragraphs=[words.text("report_ranking_intro", language)],
        table=Table(header=header, rows=rows, highlight=highlight),
        images=[chart] if chart else [],
    )


def methodology(report: ReportContent) -> Section:
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
