"""ISO 3166-1 alpha-2 country codes, from data a maintained package already ships.

``phonenumbers`` (a dependency for PII matching anyway) carries Google's
libphonenumber region list, updated with every release. Its regions are ISO
3166-1 alpha-2 codes, plus three that are not (AC Ascension and TA Tristan da
Cunha, which ISO counts under SH; XK Kosovo, a user-assigned code) and minus
seven territories without a telephone numbering plan of their own. Correcting
for those ten gives exactly the 249 officially assigned codes. babel's territory
list would also do, but it mixes in regions (EU, UN, 419) and is not a declared
dependency.
"""

from __future__ import annotations

from functools import cache

import phonenumbers

NOT_ISO = frozenset({"AC", "TA", "XK"})
WITHOUT_PHONE_PLAN = frozenset({"AQ", "BV", "GS", "HM", "PN", "TF", "UM"})


@cache
def country_codes() -> frozenset[str]:
    """The 249 ISO 3166-1 alpha-2 codes, upper case."""
    return frozenset(phonenumbers.SUPPORTED_REGIONS - NOT_ISO | WITHOUT_PHONE_PLAN)


def is_country_code(value: str) -> bool:
    """Whether ``value`` (any case, surrounding spaces allowed) is an ISO alpha-2 code."""
    return value.strip().upper() in country_codes()
