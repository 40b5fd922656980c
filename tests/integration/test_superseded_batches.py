"""A superseded or retracted batch disappears from every mart and stays in raw, marked.

On a private copy of the demo warehouse (built by ``cxbench demo``, checked):
one 2025 export is delivered again with rows missing and loaded with
``ingest --replace``, then rebuilt, checked and published — through the real
CLI. A published wave is never edited: the corrected inputs publish as a new
methodology version beside the old one.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from cxbench.publication.store import published_fingerprint
from tests.conftest import DemoWarehouse
from tests.fixtures.dbt_warehouse import DBT_VARS
from tests.fixtures.history import History, cli_env, cxbench, query

pytestmark = pytest.mark.slow

VERSION = DBT_VARS["methodology_version"]
CORRECTED_VERSION = f"{VERSION}-corrected"


@pytest.fixture(scope="module")
def replaced(demo_warehouse: DemoWarehouse, tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Publish 2025 (the demo already did: a no-op), replace NL 2025 with a shorter
    delivery, rebuild and check."""
    root = tmp_path_factory.mktemp("superseded")
    shutil.copytree(demo_warehouse.db_path.parent, root / "warehouse")
    db_path = root / "warehouse" / demo_warehouse.db_path.name
    env = {**cli_env(db_path, root / "generated"), "CXBENCH_SALT": "test-salt"}
    history = History(db_path, demo_warehouse.world_dir, env)
    cxbench(env, "publish", "--wave", "2025")
    (export,) = sorted((demo_warehouse.world_dir / "survey").glob("*NL*2025*.csv"))
    delivery = root / "delivery"
    delivery.mkdir()
    shutil.copy(export.with_name(export.stem + ".mapping.yaml"), delivery)
    lines = export.read_text().splitlines(keepends=True)
    (delivery / export.name).write_text("".join(lines[: len(lines) * 2 // 3]))
    (old_batch,) = query(
        db_path,
        "select batch_id from raw.load_batches where source_path like ?",
        [f"%{export.name}"],
    )[0]
    published_before = published_fingerprint(db_path)
    cxbench(env, "ingest", str(delivery / export.name), "--replace")
    (new_batch,) = query(
        db_path, "select batch_id from raw.load_batches where superseded_by is null "
        "and source_path like ?", [f"%delivery/{export.name}"]
    )[0]  # fmt: skip
    cxbench(env, "build")
    cxbench(env, "check")
    return {
        "history": history,
        "old": old_batch,
        "new": new_batch,
        "published_before": published_before,
    }


def test_the_superseded_batch_stays_in_raw_marked(replaced: dict) -> None:
    db_path = replaced["history"].db_path
    assert query(
        db_path,
        "select status, superseded_by, rows_loaded from raw.load_batches where batch_id = ?",
        [replaced["old"]],
    ) == [("superseded", replaced["new"], _raw_rows(db_path, replaced["old"]))]


#: Staging views of the audit trail itself: every batch with its status, every reject.
AUDIT_VIEWS = ("stg_survey__load_batches", "stg_survey__rejected_rows")


def test_no_model_holds_a_row_of_the_superseded_batch(replaced: dict) -> None:
    db_path = replaced["history"].db_path
    relations = query(
        db_path,
        "select distinct table_schema, table_name, column_name from information_schema.columns "
        "where table_schema in ('staging', 'intermediate', 'marts') "
        "and column_name in ('batch_id', 'batch_ids') and not list_contains(?, table_name)",
        [list(AUDIT_VIEWS)],
    )
    assert relations, "no model carries batch lineage: this test would prove nothing"
    for schema, table, column in relations:
        found = query(
            db_path,
            f"select count(*) from {schema}.{table} where contains({column}, ?)",
            [replaced["old"]],
        )
        assert found == [(0,)], f"{schema}.{table} still holds {replaced['old']}"
    assert _raw_rows(db_path, replaced["new"]) < _raw_rows(db_path, replaced["old"])
    assert query(
        db_path,
        "select batch_status from staging.stg_survey__load_batches where batch_id = ?",
        [replaced["old"]],
    ) == [("superseded",)]


def test_the_marts_count_the_corrected_delivery(replaced: dict) -> None:
    db_path = replaced["history"].db_path
    counted = query(
        db_path,
        "select sum(n_evaluations) from marts.fct_company_scores "
        "where country = 'NL' and wave = 2025 and study_id = 'cxbench'",
    )[0][0]
    active = query(
        db_path,
        "select count(*) from staging.stg_survey__evaluations "
        "where country = 'NL' and wave = 2025 and study_id = 'cxbench' and company_id in "
        "(select company_id from marts.dim_company)",
    )[0][0]
    assert counted == active
    assert active <= _raw_rows(db_path, replaced["new"])


def test_publishing_the_affected_wave_adds_a_version_and_never_edits_one(replaced: dict) -> None:
    history = replaced["history"]
    same_version = cxbench(history.env, "publish", "--wave", "2025", check=False)
    assert same_version.returncode == 1
    assert "from other input batches" in same_version.stdout
    assert published_fingerprint(history.db_path) == replaced["published_before"]

    cxbench(history.env, "build", "--vars", f'{{methodology_version: "{CORRECTED_VERSION}"}}')
    cxbench(history.env, "check")
    cxbench(history.env, "publish", "--wave", "2025")

    publications = query(
        history.db_path,
        "select methodology_version, source_batch_ids from published.publications "
        "where wave = 2025 order by published_at",
    )
    assert [version for version, _ in publications] == [VERSION, CORRECTED_VERSION]
    (_, before), (_, after) = publications
    assert replaced["old"] in before and replaced["old"] not in after
    assert replaced["new"] in after
    first = query(
        history.db_path,
        "select count(*) from published.publications where wave = 2025 "
        f"and methodology_version = '{VERSION}'",
    )
    assert first == [(1,)]


def _raw_rows(db_path: Path, batch_id: str) -> int:
    return query(
        db_path, "select count(*) from raw.survey_evaluations where batch_id = ?", [batch_id]
    )[0][0]


def test_a_wave_whose_every_batch_is_retracted_leaves_every_mart(replaced: dict) -> None:
    history = replaced["history"]
    batches = query(
        history.db_path,
        "select distinct batch_id from raw.survey_evaluations where wave = 2024 order by 1",
    )
    for (batch_id,) in batches:
        cxbench(history.env, "retract", batch_id, "--reason", "test: withdrawn wave")
    cxbench(history.env, "build")

    # the maturity self-assessments are a batch of their own (both waves), still active,
    # and population margins are reference data of the wave, not survey rows
    waves = query(
        history.db_path,
        "select distinct table_schema, table_name from information_schema.columns "
        "where table_schema in ('intermediate', 'marts') and column_name = 'wave' "
        "and table_name not like 'dim_%' and table_name not like '%maturity%' "
        "and table_name not like '%margins%'",
    )
    assert waves
    for schema, table in waves:
        assert query(
            history.db_path, f"select count(*) from {schema}.{table} where wave = 2024"
        ) == [(0,)], f"{schema}.{table} still has wave 2024"
    assert query(history.db_path, "select min(wave) from raw.survey_evaluations") == [(2024,)]
