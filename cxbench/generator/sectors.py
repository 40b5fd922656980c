"""The eleven sectors: NACE division, channel mix, rating profile and market volume.

Sectors differ in how customers reach them (a grocer is mostly visited in store,
an energy supplier phoned or used online) and in how they are rated (public
services and telecom score lower on personalisation and effort). Because channel
effects are per pillar, the channel mix alone already moves sector averages.
"""

from __future__ import annotations

from dataclasses import dataclass

#: Contact channels, in the order used by every channel-indexed array.
CHANNELS: tuple[str, ...] = ("store", "web", "app", "phone", "chat")


@dataclass(frozen=True)
class Sector:
    """One sector with the parameters the simulation needs."""

    code: str
    name: str
    nace_division: str
    #: Three letters used in brand ids (``NL-TEL-03``).
    abbreviation: str
    #: Share of evaluations per channel (order of :data:`CHANNELS`), sums to 1.
    channel_mix: tuple[float, ...]
    #: Added to the true level of every company in the sector, per pillar
    #: (personalisation, integrity, expectations, resolution, time_effort, empathy).
    pillar_profile: tuple[float, ...]
    #: Relative number of evaluations the sector collects in a country.
    volume: float
    #: Words a brand name in this sector ends with.
    name_words: tuple[str, ...]
    #: Employees per million EUR revenue (restaurants are labour-intensive, energy is not).
    staff_per_million: float


SECTORS: tuple[Sector, ...] = (
    Sector("retail", "Retail", "47", "RET", (0.55, 0.25, 0.10, 0.05, 0.05),
           (0.0, 0.1, 0.1, 0.0, 0.1, 0.0), 1.3, ("Store", "Home", "Living", "Outlet", "Shop"), 6),
    Sector("grocery", "Grocery", "47", "GRO", (0.75, 0.08, 0.12, 0.03, 0.02),
           (-0.2, 0.2, 0.3, 0.0, 0.3, -0.1), 1.6, ("Market", "Fresh", "Foods", "Super"), 5),
    Sector("finance", "Financial services", "64", "FIN", (0.10, 0.30, 0.35, 0.18, 0.07),
           (0.1, -0.1, 0.0, -0.1, -0.1, -0.2), 1.1, ("Bank", "Finance", "Capital", "Credit"), 1.5),
    Sector("telecom", "Telecom", "61", "TEL", (0.20, 0.25, 0.20, 0.25, 0.10),
           (-0.3, -0.4, -0.3, -0.5, -0.5, -0.3), 1.0, ("Mobile", "Telecom", "Connect", "Net"), 1.5),
    Sector("energy", "Energy", "35", "ENE", (0.00, 0.40, 0.20, 0.30, 0.10),
           (-0.4, -0.3, -0.2, -0.3, -0.3, -0.4), 0.8, ("Energy", "Power", "Utilities"), 1.0),
    Sector("travel", "Travel & hotels", "55", "TRA", (0.30, 0.45, 0.15, 0.08, 0.02),
           (0.3, 0.1, 0.1, 0.0, 0.0, 0.3), 0.7, ("Travel", "Hotels", "Holidays", "Stays"), 5),
    Sector("restaurants", "Restaurants", "56", "RES", (0.80, 0.05, 0.12, 0.03, 0.00),
           (0.3, 0.2, 0.2, 0.1, 0.1, 0.4), 1.0, ("Kitchen", "Grill", "Eatery", "Bistro"), 12),
    Sector("media", "Entertainment & media", "59", "MED", (0.10, 0.40, 0.40, 0.05, 0.05),
           (0.2, 0.0, 0.1, -0.1, 0.2, -0.1), 0.8, ("Media", "Stream", "Play", "Cinema"), 2),
    Sector("delivery", "Delivery & logistics", "53", "DEL", (0.05, 0.45, 0.30, 0.12, 0.08),
           (-0.2, -0.1, -0.1, -0.3, 0.0, -0.3), 0.7, ("Express", "Parcel", "Courier"), 7),
    Sector("public", "Public sector", "84", "PUB", (0.30, 0.35, 0.10, 0.22, 0.03),
           (-0.6, -0.1, -0.3, -0.3, -0.6, -0.3), 0.6, ("Agency", "Authority", "Office"), 8),
    Sector("automotive", "Automotive", "45", "AUT", (0.60, 0.20, 0.05, 0.13, 0.02),
           (0.2, 0.0, 0.1, 0.1, -0.1, 0.2), 0.5, ("Motors", "Auto", "Cars", "Dealers"), 2),
)  # fmt: skip
