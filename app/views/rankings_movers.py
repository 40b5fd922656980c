"""The biggest movers since the previous wave, as a person reads them.

Each move is ``ahead`` (a significant rise), ``behind`` (a significant fall) or
``level``, in words of the reader's language, with then → now texts beside the
mart's values. Pure pandas: the Rankings page lays them out.
"""

from __future__ import annotations

from collections.abc import Collection

import pandas as pd

from cxbench.app import formatting, i18n

#: A mover's direction -> its i18n key; its colour is
#: :data:`cxbench.app.charts.palette.DIRECTION_COLOURS`.
MOVEMENTS = {"ahead": "rankings_up", "level": "rankings_level", "behind": "rankings_down"}


def movement(change: object, significant: object) -> str | None:
    """``ahead`` (a significant rise), ``behind`` (a significant fall) or ``level``;
    None when the marts hold no significance for the move."""
    if formatting.is_missing(change) or formatting.is_missing(significant):
        return None
    if not bool(significant):
        return "level"
    return "ahead" if float(change) > 0 else "behind"


def movements(moved: pd.DataFrame, language: str, highlighted: Collection[str]) -> pd.DataFrame:
    """Movers plus their direction word, signed change and then → now texts."""
    shown = moved.copy()
    shown["direction"] = [
        movement(change, significant)
        for change, significant in zip(
            moved["cx_index_change"], moved["is_cx_index_change_significant"], strict=True
        )
    ]
    shown["movement"] = [
        formatting.MISSING if key is None else i18n.text(MOVEMENTS[key], language)
        for key in shown["direction"]
    ]
    shown["change_text"] = [
        formatting.signed(value, language) for value in moved["cx_index_change"]
    ]
    shown["index_then_now"] = [
        f"{formatting.decimal(then, language)} → {formatting.decimal(now, language)}"
        for then, now in zip(moved["previous_cx_index"], moved["cx_index"], strict=True)
    ]
    shown["rank_then_now"] = [
        f"{_rank(then)} → {_rank(now)}"
        for then, now in zip(
            moved["previous_rank_in_country"], moved["rank_in_country"], strict=True
        )
    ]
    shown["is_highlighted"] = moved["company_id"].isin(list(highlighted))
    return shown


def _rank(value: object) -> str:
    return formatting.MISSING if formatting.is_missing(value) else str(int(value))
