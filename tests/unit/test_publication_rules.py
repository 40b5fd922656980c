"""Publication and refresh rules that need no warehouse: hashes, diffs, file choice."""

from __future__ import annotations

from pathlib import Path

import pytest

from cxbench.generator.export import mapping_yaml
from cxbench.publication.diff import RankingChange
from cxbench.publication.refresh import RefreshFailed, _vars_option, wave_files
from cxbench.publication.store import ROW_COLUMNS, rows_hash


def _row(country: str, company: str, rank: int, cx: float) -> dict[str, object]:
    row: dict[str, object] = dict.fromkeys(ROW_COLUMNS)
    row.update(wave=2025, country=country, company_id=company, rank_in_country=rank, cx_index=cx)
    return row


def test_rows_hash_ignores_row_order_and_sees_any_changed_value() -> None:
    rows = [_row("NL", "NL-A", 1, 7.5), _row("NL", "NL-B", 2, 7.1), _row("PL", "PL-A", 1, 6.0)]
    assert rows_hash(rows) == rows_hash(list(reversed(rows)))
    changed = [dict(row) for row in rows]
    changed[1]["cx_index"] = 7.100001
    assert rows_hash(changed) != rows_hash(rows)


def test_ranking_change_counts_places_gained_and_unranked_sides() -> None:
    up = RankingChange("NL", "NL-A", None, rank_from=4, rank_to=2, cx_from=7.0, cx_to=7.2)
    new = RankingChange("NL", "NL-B", None, rank_from=None, rank_to=5, cx_from=None, cx_to=6.1)
    same = RankingChange("NL", "NL-C", None, rank_from=1, rank_to=1, cx_from=8.0, cx_to=8.0)
    assert (up.rank_change, up.moved) == (2, True)
    assert (new.rank_change, new.moved) == (None, True)
    assert (same.rank_change, same.moved) == (0, False)


def test_dbt_vars_must_be_a_mapping() -> None:
    assert _vars_option(None) == []
    assert _vars_option('{methodology_version: "0.3.0"}') == [
        "--vars",
        '{"methodology_version": "0.3.0"}',
    ]
    for bad in ("[1, 2]", "{unclosed"):
        with pytest.raises(RefreshFailed, match="--vars"):
            _vars_option(bad)


def test_a_refresh_loads_reference_files_and_only_the_waves_own_exports(tmp_path: Path) -> None:
    (tmp_path / "survey").mkdir()
    (tmp_path / "industry").mkdir()
    (tmp_path / "industry" / "companies.csv").write_text("brand_id\n")
    for wave in (2024, 2025):
        stem = tmp_path / "survey" / f"cx_NL_{wave}"
        stem.with_suffix(".csv").write_text("resp_id\n")
        stem.with_name(stem.name + ".mapping.yaml").write_text(
            mapping_yaml("NL", "Netherlands", wave)
        )
    chosen = [(kind, path.name) for kind, path in wave_files(tmp_path, 2025)]
    assert chosen == [("companies", "companies.csv"), ("survey", "cx_NL_2025.csv")]
    with pytest.raises(RefreshFailed, match="no survey export of wave 2026"):
        wave_files(tmp_path, 2026)
