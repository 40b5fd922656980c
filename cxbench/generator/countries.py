"""The countries the generator can simulate and their population structure.

Age shares are rounded figures of the adult population (18+) of each country, so
that the population margins look like something a statistics office publishes;
they need not be exact, only plausible and different between countries.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class CountrySpec:
    """Fixed facts about one country the generator supports."""

    code: str
    name: str
    language: str
    #: Relative study size: how the requested evaluations split over countries.
    size_weight: float
    #: Adult population share per age band (18-24 … 65+), sums to 1.
    age_shares: tuple[float, ...]
    female_share: float
    #: National rating culture: added to every company's true level.
    level_offset: float


COUNTRIES: dict[str, CountrySpec] = {
    spec.code: spec
    for spec in (
        CountrySpec(
            "NL", "Netherlands", "nl", 0.15, (0.11, 0.16, 0.15, 0.16, 0.17, 0.25), 0.505, -0.15
        ),
        CountrySpec("NO", "Norway", "no", 0.10, (0.11, 0.17, 0.17, 0.17, 0.15, 0.23), 0.497, 0.05),
        CountrySpec("PL", "Poland", "pl", 0.19, (0.08, 0.15, 0.19, 0.17, 0.15, 0.26), 0.522, 0.20),
        CountrySpec(
            "GB", "United Kingdom", "en", 0.26, (0.11, 0.17, 0.16, 0.16, 0.16, 0.24), 0.508, 0.0
        ),
        CountrySpec(
            "DE", "Germany", "de", 0.30, (0.09, 0.15, 0.15, 0.15, 0.19, 0.27), 0.507, -0.10
        ),
    )
}


def resolve_countries(codes: Sequence[str]) -> list[CountrySpec]:
    """Look up country codes (any case); unknown or repeated codes are an error."""
    if not codes:
        raise ValueError("at least one country is required")
    upper = [code.strip().upper() for code in codes]
    unknown = [code for code in upper if code not in COUNTRIES]
    if unknown:
        supported = ", ".join(COUNTRIES)
        raise ValueError(f"unknown country code(s): {', '.join(unknown)} (supported: {supported})")
    repeated = sorted({code for code in upper if upper.count(code) > 1})
    if repeated:
        raise ValueError(f"country code(s) given more than once: {', '.join(repeated)}")
    return [COUNTRIES[code] for code in upper]
