"""``cxbench diff``: what moved in one wave between two published methodology versions.

Both sides are stored publications, so a diff is reproducible: it compares
numbers that were published, not whatever the marts hold today.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb

from cxbench.publication.store import has_schema, stored_rows
from cxcore.sandbox import connect_read_only


class DiffError(ValueError):
    """A version asked for has no publication of the wave."""


@dataclass(frozen=True)
class RankingChange:
    """One company's ranking in the two versions (None where it is not ranked)."""

    country: str
    company_id: str
    company_name: str | None
    rank_from: int | None
    rank_to: int | None
    cx_from: float | None
    cx_to: float | None

    @property
    def rank_change(self) -> int | None:
        """Places gained (positive) or lost; None when ranked in only one version."""
        if self.rank_from is None or self.rank_to is None:
            return None
        return self.rank_from - self.rank_to

    @property
    def moved(self) -> bool:
        """Rank or CX index differ, or the company is ranked in one version only."""
        return self.rank_from != self.rank_to or self.cx_from != self.cx_to


@dataclass(frozen=True)
class VersionDiff:
    """Every company ranked in either version, largest moves first."""

    wave: int
    version_from: str
    version_to: str
    changes: tuple[RankingChange, ...]

    @property
    def moved(self) -> tuple[RankingChange, ...]:
        return tuple(change for change in self.changes if change.moved)


def diff_versions(db_path: Path, wave: int, version_from: str, version_to: str) -> VersionDiff:
    """Compare the publications of ``wave`` under two methodology versions (read-only)."""
    with connect_read_only(db_path) as connection:
        if not has_schema(connection):
            raise DiffError(f"{db_path} has no publications yet")
        sides = [_rows(connection, wave, version) for version in (version_from, version_to)]
    before, after = ({(row["country"], row["company_id"]): row for row in side} for side in sides)
    changes = []
    for key in sorted(before.keys() | after.keys()):
        old, new = before.get(key), after.get(key)
        either = new or old
        assert either is not None
        changes.append(
            RankingChange(
                country=key[0],
                company_id=key[1],
                company_name=either["company_name"],
                rank_from=old["rank_in_country"] if old else None,
                rank_to=new["rank_in_country"] if new else None,
                cx_from=old["cx_index"] if old else None,
                cx_to=new["cx_index"] if new else None,
            )
        )
    changes.sort(key=lambda change: (-abs(change.rank_change or 10**6), change.country))
    return VersionDiff(wave, version_from, version_to, tuple(changes))


def _rows(connection: duckdb.DuckDBPyConnection, wave: int, version: str) -> list[dict]:
    found = connection.execute(
        "select publication_id from published.publications "
        "where wave = ? and methodology_version = ?",
        [wave, version],
    ).fetchall()
    if not found:
        versions = [
            row[0]
            for row in connection.execute(
                "select methodology_version from published.publications where wave = ? "
                "order by published_at",
                [wave],
            ).fetchall()
        ]
        raise DiffError(
            f"wave {wave} has no publication under version {version!r}; "
            f"published versions: {', '.join(versions) or 'none'}"
        )
    return stored_rows(connection, found[0][0])
