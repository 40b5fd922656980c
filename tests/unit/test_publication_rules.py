"""Publication and refresh rules that need no warehouse: hashes, diffs, file choice."""

from __future__ import annotations

from pathlib import Path

import pytest

from cxbench.generator.export import mapping_yaml
from cxbench.publication.diff import RankingChange
from cxbench.publication.movers import Move, move_significance
from cxbench.publication.publish import PublishResult
from cxbench.publication.refresh import RefreshFailed, _vars_option, wave_files
from cxbench.publication.store import MOVE_COLUMNS, ROW_COLUMNS, rows_hash


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


def test_move_columns_enter_the_hash_only_where_a_publication_has_them() -> None:
    """A publication made before moves carried their significance keeps its hash."""
    import hashlib
    import json

    rows = [_row("NL", "NL-A", 1, 7.5), _row("NL", "NL-B", 2, 7.1)]
    before = hashlib.sha256(
        json.dumps([[row[c] for c in ROW_COLUMNS] for row in rows], default=str).encode()
    ).hexdigest()
    assert rows_hash(rows) == before
    unknown = [{**row, **dict.fromkeys(column for column, _ in MOVE_COLUMNS)} for row in rows]
    assert rows_hash(unknown) == before
    judged = [{**row, "cx_index_std_error": 0.1} for row in unknown]
    flipped = [dict(row) for row in judged]
    flipped[0]["is_cx_index_change_significant"] = True
    assert len({rows_hash(judged), rows_hash(flipped), before}) == 3


def test_a_move_is_significant_beyond_z_standard_errors_of_the_difference() -> None:
    critical = 1.959963984540054
    earlier = {"cx_index": 7.0, "cx_index_std_error": 0.09}
    now = {"cx_index": 7.3, "cx_index_std_error": 0.12}  # se of the move: 0.15
    judged = move_significance(now, earlier, critical)
    assert judged["cx_index_change_std_error"] == pytest.approx(0.15)
    assert judged["is_cx_index_change_significant"] is True  # 0.3 > 1.96 × 0.15
    assert (
        move_significance({**now, "cx_index": 7.2}, earlier, critical)[
            "is_cx_index_change_significant"
        ]
        is False
    )  # 0.2 < 0.294
    old = {"cx_index": 7.0, "cx_index_std_error": None}  # published before errors were kept
    assert move_significance(now, old, critical)["is_cx_index_change_significant"] is None
    assert move_significance(now, None, critical)["cx_index_change_std_error"] is None


def test_publish_lists_the_largest_moves_with_their_significance(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from datetime import datetime

    from typer.testing import CliRunner

    from cxbench.cli import app
    from cxbench.publication import publish as publish_module

    moves = (
        Move("NL", "NL-A", "Alpha", 0.41, 0.12, True, 2),
        Move("NL", "NL-B", "Bravo", -0.05, 0.13, False, 0),
        Move("PL", "PL-A", None, 0.02, None, None, -1),
    )
    result = PublishResult(
        "published", 2025, "0.4.0", "pub-1", 40, datetime(2025, 6, 1), 2024, moves, 0.95
    )
    monkeypatch.setattr(publish_module, "publish_wave", lambda db_path, wave: result)
    monkeypatch.setenv("COLUMNS", "200")
    output = (
        CliRunner()
        .invoke(app, ["publish", "--wave", "2025", "--db", str(tmp_path / "w.duckdb")])
        .output
    )
    assert "significant (95%)" in output
    lines = {
        company: next(line for line in output.splitlines() if company in line)
        for company in ("NL-A", "NL-B", "PL-A")
    }
    assert "+0.410" in lines["NL-A"] and "yes" in lines["NL-A"]
    assert "-0.050" in lines["NL-B"] and " no" in lines["NL-B"]
    assert "unknown" in lines["PL-A"]
    assert "1 of 3 moves significant at 95%" in output
