"""Which companies exist in which year: entrants and exits over a long history.

A benchmark followed over many years sees brands launch and brands close or be
absorbed. Each company gets an entry year and an exit year (either may be
absent) drawn from its own stream, keyed by country only, so a year's company
list is the same whatever waves a run asks for — a world generated for
2019–2026 and one for 2025–2026 agree on 2025. A company absent in a wave gets
no evaluations and no ground-truth rows for it; companies.csv still lists it,
as a company register lists firms whatever the survey year.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from cxbench.generator.streams import Stream, rng_for

#: Years in which entries and exits are placed (inclusive).
PRESENCE_YEARS = (2016, 2032)
#: Share of companies that enter at some year of PRESENCE_YEARS (absent before).
ENTRANT_SHARE = 0.2
#: Share of companies that exit at some year of PRESENCE_YEARS (absent from then on).
EXIT_SHARE = 0.2


@dataclass(frozen=True)
class Presence:
    """Entry and exit year per company (0 = none): present from entry, gone from exit."""

    entry_year: np.ndarray
    exit_year: np.ndarray

    def active(self, year: int) -> np.ndarray:
        """Boolean per company: does it operate (and get rated) in ``year``?"""
        entered = (self.entry_year == 0) | (self.entry_year <= year)
        not_gone = (self.exit_year == 0) | (self.exit_year > year)
        return entered & not_gone


def draw_presence(seed: int, country: str, n_companies: int) -> Presence:
    """Entry and exit years of one country's companies; an exit never precedes the entry."""
    rng = rng_for(seed, Stream.PRESENCE, country)
    low, high = PRESENCE_YEARS
    enters = rng.random(n_companies) < ENTRANT_SHARE
    exits = rng.random(n_companies) < EXIT_SHARE
    entry = np.where(enters, rng.integers(low, high + 1, n_companies), 0)
    exit_ = np.where(exits, rng.integers(low, high + 1, n_companies), 0)
    # a company that would leave before (or the year) it arrives simply stays
    exit_ = np.where((entry > 0) & (exit_ > 0) & (exit_ <= entry), 0, exit_)
    return Presence(entry.astype(np.int64), exit_.astype(np.int64))
