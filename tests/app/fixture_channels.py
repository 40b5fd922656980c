"""Channel scores (``fct_channel_scores``) of the fixture warehouse.

Every company of the canonical study's NL 2024 and NL 2023 rows, and Beta Bank in
the reputation study, is scored through store, web and app; Beta Bank also through
chat, with 12 evaluations (below the channel base of 30: "too few answers"). Each
channel's mean is the company's pillar mean plus the channel's offset below, except
Beta Bank's empathy in the app, 1.0 lower still: significantly behind its store and
web. Standard errors follow the evaluations (``SPREAD_SD`` / √n), intervals ± 1.96 ·
standard error, spreads by the mart's rule (highest − lowest reportable channel).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import duckdb
from warehouse_fixture import METHODOLOGY, CompanyWave

from tests.fixtures.mart_tables import create_marts, insert_rows

MIN_CHANNEL_BASE = 30
CRITICAL_VALUE = 1.96
#: Standard deviation of a pillar score within a channel (standard error = sd / √n).
SPREAD_SD = 1.2
#: (channel, share of the company's evaluations, offset from its pillar mean).
CHANNELS = (("store", 0.45, 0.10), ("web", 0.35, -0.05), ("app", 0.20, -0.20))
#: Beta Bank's chat: too few evaluations for a score, whatever its mean.
CHAT_EVALUATIONS = 12
CHAT_OFFSET = -1.5
#: The one pair significantly behind the company's other channels.
DIP = ("nl_beta", "empathy", "app", -1.0)
#: Company waves with channel rows: (study_id, company_id, country, wave).
COMPANY_WAVES_WITH_CHAT = {
    ("cxbench", "nl_beta", "NL", 2024),
    ("reputation", "nl_beta", "NL", 2024),
}

COLUMNS = (
    "study_id", "company_id", "country", "wave", "channel", "pillar_id", "n_evaluations",
    "mean_score", "std_error", "ci_low", "ci_high", "effective_n", "n_reportable_channels",
    "channel_spread", "is_reportable", "is_eligible", "min_channel_base", "methodology_version",
)  # fmt: skip


def channel_means(row: CompanyWave, pillar_id: str) -> list[tuple[str, int, float]]:
    """(channel, evaluations, mean) of one company × pillar, chat included where it has one."""
    mean = row.pillar(pillar_id)[0]
    channels = [
        (channel, round(row.n_evaluations * share), round(mean + offset, 2))
        for channel, share, offset in CHANNELS
    ]
    if (row.study_id, row.company_id, row.country, row.wave) in COMPANY_WAVES_WITH_CHAT:
        channels.append(("chat", CHAT_EVALUATIONS, round(mean + CHAT_OFFSET, 2)))
    company, pillar, channel, dip = DIP
    return [
        (
            name,
            n,
            round(value + dip, 2)
            if (row.company_id, pillar_id, name) == (company, pillar, channel)
            else value,
        )
        for name, n, value in channels
    ]


def rows_of(row: CompanyWave) -> list[tuple[object, ...]]:
    """The mart's rows of one company × wave: every channel × pillar its study measures."""
    rows = []
    for pillar_id in row.pillars:
        channels = channel_means(row, pillar_id)
        reportable = [mean for _, n, mean in channels if n >= MIN_CHANNEL_BASE]
        spread = max(reportable) - min(reportable) if len(reportable) >= 2 else None
        for channel, n, mean in channels:
            std_error = SPREAD_SD / math.sqrt(n)
            rows.append((
                row.study_id, row.company_id, row.country, row.wave, channel, pillar_id, n,
                mean, std_error, mean - CRITICAL_VALUE * std_error,
                mean + CRITICAL_VALUE * std_error, float(n), len(reportable), spread,
                n >= MIN_CHANNEL_BASE, row.is_eligible, MIN_CHANNEL_BASE, METHODOLOGY,
            ))  # fmt: skip
    return rows


def write(connection: duckdb.DuckDBPyConnection, scores: Sequence[CompanyWave]) -> None:
    """Create and fill ``marts.fct_channel_scores`` for the fixture's NL company waves."""
    create_marts(connection, "fct_channel_scores")
    insert_rows(
        connection,
        "marts.fct_channel_scores",
        COLUMNS,
        [
            channel_row
            for row in scores
            if row.country == "NL" and row.study_id in ("cxbench", "reputation")
            for channel_row in rows_of(row)
        ],
    )
