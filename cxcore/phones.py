"""Phone numbers in comments, found by ``phonenumbers``' matcher for the respondent's country.

libphonenumber knows every country's numbering plan (national formats such as
"06-12345678" in the Netherlands or "0171/1234567" in Germany, and international
"+47 412 34 567"), which a home-made pattern cannot. It is pure Python, so it
runs only where a number can be: SQL first selects the comments that match
:data:`CANDIDATE_PATTERN` (ingestion to scrub them, the privacy checks to look for
a number a scrub missed), and Python runs the matcher on that subset.
"""

from __future__ import annotations

import phonenumbers

from cxcore.pii_patterns import PHONE_PLACEHOLDER

#: Seven digits, possibly separated: the shortest subscriber numbers in our markets.
#: Any decimal digit counts (RE2's ``\p{Nd}``), not only 0-9: the matcher reads
#: full-width and Arabic-Indic digits as well, and a number typed in them is
#: still a respondent's number. (SQL only: Python's ``re`` has no ``\p``.)
CANDIDATE_PATTERN = r"(\p{Nd}[^\p{Nd}]*){7}"
#: "Possible" (length fits the country's plan) rather than "valid" (an assigned
#: range): a respondent's number must be masked even when its range is new to the
#: library, and a masked order number costs less than a published phone number.
LENIENCY = phonenumbers.Leniency.POSSIBLE
#: Region for rows whose country is not a phone region: international numbers only.
UNKNOWN_REGION = "ZZ"


def scrub_phones(text: str, region: str | None) -> str:
    """``text`` with every phone number the matcher finds replaced by ``[phone]``."""
    matches = list(
        phonenumbers.PhoneNumberMatcher(text, region or UNKNOWN_REGION, leniency=LENIENCY)
    )
    for match in reversed(matches):
        text = text[: match.start] + PHONE_PLACEHOLDER + text[match.end :]
    return text
