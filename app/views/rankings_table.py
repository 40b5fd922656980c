"""The ranking as a person reads it: rank ranges, ties banded, numbers as text.

Pure pandas (no widgets), so the Rankings page and the client report
(:mod:`cxbench.app.report.trends`) read one ranking the same way: each row keeps the
mart's values and gains display-only columns (:data:`DISPLAY_COLUMNS`) beside them.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

import pandas as pd

from cxbench.app import formatting

#: Columns made for reading only; the downloads leave them out.
DISPLAY_COLUMNS = (
    "rank_range",
    "sector_label",
    "cx_index_text",
    "nps_text",
    "n_text",
    "is_highlighted",
    "tie_group",
    "rank_place",
    "range_best",
    "range_worst",
    "band",
    "label",
)


def readable(
    ranked: pd.DataFrame,
    language: str,
    highlighted: Collection[str],
    sector_labels: Mapping[str, str],
    *,
    by_sector: bool,
) -> pd.DataFrame:
    """``ranked`` plus the text a person reads (ranges, intervals, counts and sector
    names in the language) and what the chart bands; the mart's values stay as they
    are. ``sector_labels``: ``sector_code -> name`` in the language."""
    level = "sector" if by_sector else "country"
    best, worst = ranked[f"rank_in_{level}_best"], ranked[f"rank_in_{level}_worst"]
    shown = ranked.copy()
    shown["rank_range"] = [
        rank_range(low, high, rank)
        for low, high, rank in zip(best, worst, ranked[f"rank_in_{level}"], strict=True)
    ]
    shown["cx_index_text"] = [
        _with_interval(value, low, high, language)
        for value, low, high in zip(
            ranked["cx_index"], ranked["cx_index_ci_low"], ranked["cx_index_ci_high"], strict=True
        )
    ]
    shown["sector_label"] = [
        sector_labels.get(code, name)
        for code, name in zip(ranked["sector_code"], ranked["sector_name"], strict=True)
    ]
    shown["nps_text"] = [formatting.decimal(value, language, 1) for value in ranked["nps_score"]]
    shown["n_text"] = [formatting.integer(value, language) for value in ranked["n_evaluations"]]
    shown["is_highlighted"] = ranked["company_id"].isin(list(highlighted))
    shown["rank_place"] = ranked[f"rank_in_{level}"]
    shown["range_best"], shown["range_worst"] = best, worst
    shown["tie_group"] = tie_groups(best, worst)
    shown["band"] = _bands(shown["tie_group"], shown["is_highlighted"])
    shown["label"] = [
        f"{place} · {name}"
        for place, name in zip(shown["rank_range"], shown["company_name"], strict=True)
    ]
    return shown


def rank_range(best: object, worst: object, rank: object) -> str:
    """``"2–3"`` when the ranks cannot be told apart, ``"1"`` when certain; the rank
    itself when the marts hold no range (an older warehouse)."""
    if formatting.is_missing(best) or formatting.is_missing(worst):
        return formatting.MISSING if formatting.is_missing(rank) else str(int(rank))
    if int(best) == int(worst):
        return str(int(best))
    return f"{int(best)}–{int(worst)}"


def tie_groups(best: pd.Series, worst: pd.Series) -> list[int]:
    """Group number of each row (in rank order): a group starts at an organisation and
    takes in the ones below it that could still hold its rank (their best rank is
    within its range), so "1–4" bands the first four; then the next group starts.

    Chaining every overlap instead would band a whole list of 20 whose neighbours all
    overlap a little, which says nothing.
    """
    groups: list[int] = []
    reach = -1
    for low, high in zip(best, worst, strict=True):
        certain = formatting.is_missing(low) or formatting.is_missing(high)
        if certain or int(low) > reach:
            groups.append(len(set(groups)))
            reach = -1 if certain else int(high)
        else:
            groups.append(groups[-1])
    return groups


def _bands(groups: pd.Series, highlighted: pd.Series) -> list[str]:
    """The chart's background of each row: ``own`` for the viewer's organisation, else
    ``tie``/``tie_alt`` alternating over the groups of two or more (so two adjacent
    groups stay apart), ``""`` for an organisation whose rank is its own."""
    sizes = groups.map(groups.value_counts())
    shared = list(
        dict.fromkeys(group for group, size in zip(groups, sizes, strict=True) if size > 1)
    )
    return [
        "own" if own else ("" if size == 1 else ("tie", "tie_alt")[shared.index(group) % 2])
        for group, size, own in zip(groups, sizes, highlighted, strict=True)
    ]


def _with_interval(value: object, low: object, high: object, language: str) -> str:
    """``7,85 (7,60–8,10)``, or the value alone when the interval is missing."""
    text = formatting.decimal(value, language)
    if formatting.is_missing(low) or formatting.is_missing(high):
        return text
    return f"{text} ({formatting.interval(low, high, language)})"
