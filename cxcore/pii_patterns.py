"""What counts as personal data in free text, and the placeholder that replaces each kind.

Ingestion scrubs comments with these patterns and the privacy checks look for
what a scrub missed with the same ones, so both stages read them from here.
"""

from __future__ import annotations

EMAIL_PATTERN = r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"
IBAN_PATTERN = r"\b[A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b"
#: UK National Insurance number (two letters, six digits, one letter A-D).
NINO_PATTERN = r"\b[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?[0-9]{2} ?[0-9]{2} ?[0-9]{2} ?[A-D]\b"
#: (placeholder, pattern) for the kinds SQL scrubs, in the order it applies them.
PLACEHOLDERS = (("[email]", EMAIL_PATTERN), ("[iban]", IBAN_PATTERN), ("[id]", NINO_PATTERN))
#: Phone numbers are found by libphonenumber's matcher (cxcore.phones), not a pattern.
PHONE_PLACEHOLDER = "[phone]"
