"""No personal data left in free text: the rules ingestion scrubs by, checked after the fact.

What counts as personal data in a comment is defined once, on the ground floor
that ingestion and these checks share: regular expressions for e-mail addresses,
IBANs and national id numbers (``cxcore.pii_patterns.PLACEHOLDERS``), and
libphonenumber's matcher for phone numbers, run on comments with at least seven
digits (``cxcore.phones``). The checks import both rather than restating them,
so the gate asks exactly "did the scrub miss anything?" — a second, looser
definition would either block clean waves or let through what ingestion would
have masked.

Failing examples never carry the comment itself: the audit table is read more
widely than raw, and must not become the place the leaked address is published.
"""

from __future__ import annotations

import re

import great_expectations as gx
import pandas as pd

from cxbench.expectations.suites.spec import ERROR
from cxcore.phones import CANDIDATE_PATTERN, scrub_phones
from cxcore.pii_patterns import PLACEHOLDERS
from cxcore.sql_text import quote_literal

TEXT_COLUMN = "comment"
#: Derived per screened row: True where the phone matcher still finds a number.
PHONE_FLAG = "has_phone_number"
#: ``kind`` (the placeholder without brackets, e.g. ``email``) → pattern.
PATTERNS = {placeholder.strip("[]"): pattern for placeholder, pattern in PLACEHOLDERS}
#: Screen rule whose rows are all judged (no cap): it selects candidates, not failures.
PHONE_CANDIDATE_RULE = "phone candidate"
#: ``meta`` marking expectations whose failing values must not be copied to the audit.
REDACTED = {"redact_values": True}


def pii_expectations() -> list[gx.expectations.Expectation]:
    """One expectation per pattern on the comment, and one on the phone matcher's verdict."""
    patterns = [
        gx.expectations.ExpectColumnValuesToNotMatchRegex(
            column=TEXT_COLUMN,
            regex=pattern,
            meta={**ERROR, **REDACTED, "rule": f"no {kind}"},
            notes=f"Ingestion replaces every {kind} in free text with [{kind}]; one left "
            "in raw would reach analysts and, through quotes, clients.",
        )
        for kind, pattern in PATTERNS.items()
    ]
    phone = gx.expectations.ExpectColumnValuesToBeInSet(
        column=PHONE_FLAG,
        value_set=[False],
        meta={**ERROR, "rule": "no phone"},
        notes="Ingestion masks every number libphonenumber's matcher finds for the "
        "respondent's country; running the same matcher again must find none.",
    )
    return [*patterns, phone]


def pii_screen_predicates() -> dict[str, str]:
    """SQL conditions selecting the rows the expectations above need to see."""
    rules = {f"{kind} in comment": _matches(pattern) for kind, pattern in PATTERNS.items()}
    rules[PHONE_CANDIDATE_RULE] = _matches(CANDIDATE_PATTERN)
    return rules


def pii_scan_condition() -> str:
    """All the patterns as one regex: one pass of the regex engine over every comment."""
    return _matches(
        "|".join(f"(?:{pattern})" for pattern in [*PATTERNS.values(), CANDIDATE_PATTERN])
    )


def _matches(pattern: str) -> str:
    return f"regexp_matches({TEXT_COLUMN}, {quote_literal(pattern)})"


def flag_phone_numbers(frame: pd.DataFrame) -> pd.DataFrame:
    """Add :data:`PHONE_FLAG`, running the phone matcher on the screened rows' comments.

    As in ingestion, the patterns are applied first: digits inside an IBAN are the
    IBAN rule's failure, not a phone number.
    """
    flags = [
        isinstance(text, str) and _has_phone_number(text, region)
        for text, region in zip(frame[TEXT_COLUMN], frame["country"], strict=True)
    ]
    return frame.assign(**{PHONE_FLAG: pd.Series(flags, index=frame.index, dtype=bool)})


def _has_phone_number(text: str, region: str | None) -> bool:
    for placeholder, pattern in PLACEHOLDERS:
        text = re.sub(pattern, placeholder, text)
    return scrub_phones(text, region) != text
