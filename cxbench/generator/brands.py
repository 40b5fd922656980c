"""Invented companies of one country: names, parent groups, size and market share.

Market shares are lognormal within a sector, so every sector has a few large
brands with thousands of evaluations and a tail of small ones with a few dozen:
the methodology has to decide what to publish for the small ones. Revenue
follows market share (with noise) and employees follow revenue.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from cxbench.generator.countries import CountrySpec
from cxbench.generator.sectors import SECTORS

COMPANIES_PER_SECTOR = (6, 14)  # inclusive range
SHARE_SIGMA = 1.1  # lognormal sigma of market shares within a sector
PARENT_FRACTION = 0.07  # parent groups per company
GROUP_SIZE = (2, 4)  # inclusive range of brands per parent group

_STARTS = (
    "Al", "Bel", "Cor", "Dal", "El", "Fen", "Gal", "Hal", "Is", "Jor", "Kal", "Lum",
    "Mar", "Nor", "Ol", "Pel", "Quin", "Ros", "Sol", "Tal", "Ul", "Ver", "Wel", "Yar",
    "Zen", "Bri", "Cla", "Dri", "Fla", "Gre", "Pra", "Stra", "Tre", "Vi", "Ark", "Om",
)  # fmt: skip
_MIDDLES = ("", "a", "e", "i", "o", "ri", "ve", "la", "no", "u")
_ENDS = (
    "ra", "x", "na", "to", "vo", "lia", "mo", "ris", "ton", "via", "dex", "ko", "lis", "nor",
    "sa", "quo", "rin", "va",
)  # fmt: skip
_GROUP_WORDS = ("Group", "Holding", "Brands", "Partners")


@dataclass(frozen=True)
class Companies:
    """The companies of one country, aligned arrays (one entry per company)."""

    brand_id: np.ndarray
    brand_name: np.ndarray
    parent: np.ndarray  # group name, or None for an independent company
    sector: np.ndarray  # index into SECTORS
    revenue: np.ndarray  # EUR million
    employees: np.ndarray
    #: Probability weight of being chosen by a respondent (sums to 1).
    share: np.ndarray

    def __len__(self) -> int:
        return int(self.brand_id.size)


def _stem(rng: np.random.Generator, taken: set[str]) -> str:
    """A pronounceable invented word not used before in this country."""
    while True:
        stem = (
            _STARTS[rng.integers(len(_STARTS))]
            + _MIDDLES[rng.integers(len(_MIDDLES))]
            + _ENDS[rng.integers(len(_ENDS))]
        )
        if stem not in taken:
            taken.add(stem)
            return stem


def build_companies(spec: CountrySpec, rng: np.random.Generator) -> Companies:
    """Draw the company list of one country (the same for every wave)."""
    taken: set[str] = set()
    ids: list[str] = []
    names: list[str] = []
    sectors: list[int] = []
    shares: list[float] = []
    for sector_index, sector in enumerate(SECTORS):
        count = int(rng.integers(COMPANIES_PER_SECTOR[0], COMPANIES_PER_SECTOR[1] + 1))
        within = rng.lognormal(0.0, SHARE_SIGMA, size=count)
        shares.extend(sector.volume * within / within.sum())
        for number in range(1, count + 1):
            stem = _stem(rng, taken)
            word = sector.name_words[rng.integers(len(sector.name_words))]
            names.append(stem if rng.random() < 0.2 else f"{stem} {word}")
            ids.append(f"{spec.code}-{sector.abbreviation}-{number:02d}")
            sectors.append(sector_index)
    sector = np.asarray(sectors, dtype=np.intp)
    share = np.asarray(shares)
    share /= share.sum()
    revenue, employees = _size(spec, sector, share, rng)
    return Companies(
        brand_id=np.asarray(ids, dtype=object),
        brand_name=np.asarray(names, dtype=object),
        parent=_parents(sector, share, rng, taken),
        sector=sector,
        revenue=revenue,
        employees=employees,
        share=share,
    )


def _size(
    spec: CountrySpec, sector: np.ndarray, share: np.ndarray, rng: np.random.Generator
) -> tuple[np.ndarray, np.ndarray]:
    """Revenue (EUR million, long-tailed, following share) and employees (following revenue)."""
    market = 40_000.0 * spec.size_weight  # EUR million of consumer spending covered
    revenue = market * share * rng.lognormal(0.0, 0.6, size=share.size)
    staff = np.array([SECTORS[index].staff_per_million for index in sector])
    employees = np.maximum(3, np.rint(revenue * staff * rng.lognormal(0.0, 0.3, share.size)))
    return np.round(revenue, 1), employees.astype(np.int64)


def _parents(
    sector: np.ndarray, share: np.ndarray, rng: np.random.Generator, taken: set[str]
) -> np.ndarray:
    """Group some brands under invented parents; bigger brands are grouped more often."""
    parent = np.full(sector.size, None, dtype=object)
    public = next(index for index, item in enumerate(SECTORS) if item.code == "public")
    free = np.flatnonzero(sector != public)
    for _ in range(max(2, round(PARENT_FRACTION * sector.size))):
        size = int(rng.integers(GROUP_SIZE[0], GROUP_SIZE[1] + 1))
        if free.size < size:
            break
        weight = np.sqrt(share[free])
        members = rng.choice(free, size=size, replace=False, p=weight / weight.sum())
        word = _GROUP_WORDS[rng.integers(len(_GROUP_WORDS))]
        parent[members] = f"{_stem(rng, taken)} {word}"
        free = np.setdiff1d(free, members)
    return parent
