"""Maturity self-assessments: one row per manager, through a mapping or canonical columns."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

from cxbench import pipeline
from cxbench.ingestion.load import load_maturity_file
from cxbench.ingestion.mapping import MappingError
from cxbench.ingestion.maturity_mapping import MATURITY_SCORES, load_maturity_mapping
from cxcore.settings import REPO_ROOT

EXAMPLES = REPO_ROOT / "data" / "examples"
CANONICAL = EXAMPLES / "maturity_assessments.csv"
TOOL_EXPORT = EXAMPLES / "maturity_tool_export.csv"
TOOL_MAPPING = EXAMPLES / "maturity_tool_export.mapping.yaml"
HEADER = CANONICAL.read_text(encoding="utf-8").splitlines()[0]
SALT = "test-salt"


def _query(db: Path, sql: str, params: list | None = None) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql, params or []).fetchall()


def _rejects(db: Path, batch_id: str) -> dict[int, str]:
    sql = "select row_number, field from raw.rejected_rows where batch_id = ?"
    return dict(_query(db, sql, [batch_id]))


def test_canonical_example_loads_one_row_per_manager_with_hashed_ids(tmp_path: Path) -> None:
    db = tmp_path / "wh.duckdb"
    result = load_maturity_file(db, CANONICAL, None, SALT, max_reject_rate=1.0)
    assert (result.rows_in, result.rows_loaded, result.rows_rejected) == (6, 6, 0)
    per_brand = dict(
        _query(db, "select brand_id, count(*) from raw.maturity_assessments group by 1")
    )
    assert per_brand == {"NL-RET-01": 3, "NL-FIN-01": 2, "NL-TEL-01": 1}
    ids = [row[0] for row in _query(db, "select respondent_id from raw.maturity_assessments")]
    assert all(len(value) == 64 and "@" not in value for value in ids)
    assert len(set(ids)) == 6
    partial = _query(
        db,
        "select mgmt_customer_understanding, step_flexible, role from raw.maturity_assessments "
        "where brand_id = 'NL-TEL-01'",
    )
    assert partial == [(None, None, "it")]


def test_bad_rows_are_rejected_with_reasons_and_counts_add_up(tmp_path: Path) -> None:
    db = tmp_path / "wh.duckdb"
    first = load_maturity_file(db, CANONICAL, None, SALT, max_reject_rate=1.0)
    scores = ",".join(["3"] * 13)
    later = "\n".join([
        HEADER,
        f"a.jansen@retail-one.example,NL-RET-01,2024,ceo,,{scores}",   # already loaded
        f"x@a.example,NL-RET-09,2024,ceo,,6,{scores[2:]}",              # 6 outside 1-5
        "y@a.example,NL-RET-10,2024,ceo,,,,,,,,,,,,,,",                  # no score at all
        f"z@a.example,NL-RET-11,2025,ceo,2025-02-30,{scores}",          # no such date
        f"w@a.example,NL-RET-12,2025,ceo,,{scores}",
        f"w@a.example,NL-RET-12,2025,cfo,,{scores}",                    # same manager twice
        f",NL-RET-12,2025,cfo,,{scores}",                               # no manager id
    ]) + "\n"  # fmt: skip
    path = tmp_path / "maturity_2025.csv"
    path.write_text(later, encoding="utf-8")
    second = load_maturity_file(db, path, None, SALT, max_reject_rate=1.0)
    assert second.rows_in == second.rows_loaded + second.rows_rejected == 7
    assert _rejects(db, second.batch_id) == {
        1: "brand_id, wave, respondent_id", 2: "mgmt_strategy", 3: "scores", 4: "assessed_on",
        6: "brand_id, wave, respondent_id", 7: "respondent_id",
    }  # fmt: skip
    reason, record = _query(
        db, "select reason, record from raw.rejected_rows where row_number = 1 and batch_id = ?",
        [second.batch_id],
    )[0]  # fmt: skip
    assert reason.startswith("duplicate key: (brand_id, wave, respondent_id) already loaded")
    assert first.batch_id in reason
    assert "a.jansen" not in record  # the rejected record keeps the hash, not the e-mail
    assert (
        json.loads(record)["respondent_id"]
        == _query(db, "select respondent_id from raw.maturity_assessments where row_number = 1")[0][
            0
        ]
    )


def test_tool_export_is_rescaled_through_its_mapping(tmp_path: Path) -> None:
    db = tmp_path / "wh.duckdb"
    report = pipeline.ingest_files(
        db, [("maturity", TOOL_EXPORT)], TOOL_MAPPING, max_reject_rate=1.0
    )
    assert not report.errors
    (result,) = report.results
    assert (result.rows_loaded, result.rows_rejected) == (3, 1)
    assert _rejects(db, result.batch_id) == {4: "mgmt_strategy"}  # 9 on a 1-7 scale
    rows = _query(
        db,
        "select wave, role, mgmt_strategy, mgmt_metrics, step_coordinated "
        "from raw.maturity_assessments order by row_number",
    )
    # 1-7 onto 1-5: 1 + (x - 1) * 4 / 6; 0 is "don't know"
    assert rows[0] == (2025, "directie", pytest.approx(1 + 5 * 4 / 6), pytest.approx(1 + 4 * 4 / 6),
                       pytest.approx(1 + 2 * 4 / 6))  # fmt: skip
    assert rows[1][3] is None
    batches = _query(db, "select kind, mapping from raw.load_batches")
    assert batches[0][0] == "maturity" and "kind: maturity" in batches[0][1]


def test_mapping_problems_are_all_reported_before_reading(tmp_path: Path) -> None:
    bad = tmp_path / "bad.mapping.yaml"
    bad.write_text(
        "mapping_version: 1\nkind: survey\nfixed: {country: NL}\nkeys: {brand_id: org}\n"
        "items: {mgmt_strategy: {column: Q1, scale: [5, 1]}, step_unknown: Q2}\n",
        encoding="utf-8",
    )
    with pytest.raises(MappingError) as caught:
        load_maturity_mapping(bad)
    problems = "\n".join(caught.value.problems)
    for expected in ("kind:", "fixed.country", "keys.respondent_id", "fixed.wave",
                     "items.mgmt_strategy.scale", "items.step_unknown"):  # fmt: skip
        assert expected in problems


def test_generated_mapping_covers_every_item(tmp_path: Path) -> None:
    from cxbench.generator.maturity import _write_mapping

    path = tmp_path / "maturity.mapping.yaml"
    _write_mapping(path)
    mapping = load_maturity_mapping(path)
    assert set(mapping.items) == set(MATURITY_SCORES)
    assert mapping.items["mgmt_strategy"].missing == ("9",)
