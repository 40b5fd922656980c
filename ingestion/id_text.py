"""Ids as people mean them: Unicode-normalised (NFKC), invisible characters removed.

A brand id copied from a web page or a spreadsheet can carry a zero-width
space, a byte-order mark, a tab or full-width letters (``ＢＲ-１``): it looks
like ``BR-1`` and is a different string, so it became a new brand that failed
the build far from its cause. Brand and respondent ids are therefore read in
NFKC form with zero-width characters, BOMs, soft hyphens and tabs removed. An
id that still holds a control or bidirectional-override character is rejected,
naming it. Only ids that are not plain printable ASCII go through Python (one
cheap byte test per row otherwise); how many distinct ids were changed
is counted per field (distinct: DuckDB may evaluate the function more than once
per row) and recorded with the batch (``raw.load_warnings``, subject
``normalised_ids``; docs/data-contracts.md §3).
"""

from __future__ import annotations

import threading
import unicodedata

import duckdb

from cxcore.sql_text import quote_literal

FUNCTION = "cxbench_normal_id"
#: Characters an id never means: zero-width space/joiners, word joiner, BOM, soft hyphen, tab.
INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad\t"), None)
#: Still unusable after normalising: control characters and bidirectional overrides.
UNUSABLE = "[\\x00-\\x1f\\x7f-\\x9f\\x{200e}\\x{200f}\\x{202a}-\\x{202e}\\x{2066}-\\x{2069}]"


def normal_id(text: str) -> str:
    """``text`` in NFKC form without invisible characters, trimmed."""
    return unicodedata.normalize("NFKC", text).translate(INVISIBLE).strip()


def normal_id_sql(text_sql: str, field: str) -> str:
    """SQL: the id ``text_sql`` normalised (NULL when nothing is left of it)."""
    normalised = f"{FUNCTION}({text_sql}, {quote_literal(field)})"
    return f"nullif(case when {needs_work_sql(text_sql)} then {normalised} else {text_sql} end, '')"


def needs_work_sql(text_sql: str) -> str:
    """SQL: the id ``text_sql`` is not plain printable ASCII (the test :func:`normal_id_sql` makes).

    DuckDB prints a blob's bytes outside printable ASCII as ``\\xNN``, so an id
    printed as a blob is longer than the id when it holds one. Quote and
    backslash are printed escaped too: an id holding one takes the exact path
    (the Python function returns it unchanged) needlessly, which is rare. On one
    thread the test costs 0.06 s per 1.85M ids against 0.15 s for the regular
    expression ``[^ -~]``, on two id fields of every row. Computed beside the
    normalised id, DuckDB evaluates it once for both.
    """
    return f"strlen(cast(encode({text_sql}) as varchar)) <> strlen({text_sql})"


def unusable_id_sql(value_sql: str, needs_work: str) -> str:
    """SQL: the normalised id still holds a control or bidirectional-override character.

    Only an id that needed work (``needs_work``: the result of :func:`needs_work_sql`)
    can: every unusable character lies outside printable ASCII. Testing only those
    spares a second regular expression on every row.
    """
    return (
        f"case when {needs_work} then coalesce(regexp_matches({value_sql}, '{UNUSABLE}'), false) "
        "else false end"
    )


def visible_id_sql(value_sql: str) -> str:
    """SQL: the id with each unusable character shown as U+FFFD, for a reject reason."""
    return f"regexp_replace({value_sql}, '{UNUSABLE}', '\ufffd', 'g')"


class IdNormaliser:
    """The SQL function :data:`FUNCTION` on one connection, counting the ids it changed."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self._lock = threading.Lock()
        self._changed: dict[str, set[str]] = {}
        self._examples: dict[str, tuple[str, str]] = {}
        con.create_function(
            FUNCTION,
            self._normalise,
            ["VARCHAR", "VARCHAR"],
            "VARCHAR",
            side_effects=True,
        )

    def _normalise(self, text: str, field: str) -> str:
        result = normal_id(text)
        if result != text:
            with self._lock:
                self._changed.setdefault(field, set()).add(text)
                self._examples.setdefault(field, (text, result))
        return result

    def reset(self) -> None:
        """Forget the counts (a read that failed and is retried another way)."""
        with self._lock:
            self._changed.clear()
            self._examples.clear()

    def changed(self) -> dict[str, tuple[int, str, str]]:
        """Per field: how many distinct ids changed, and one example (as found, as stored)."""
        with self._lock:
            return {
                field: (len(found), *self._examples[field])
                for field, found in self._changed.items()
            }
