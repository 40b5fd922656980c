"""Yearly refresh and publication (issue 8), through the real CLI on a small history.

One warehouse with 2019 and 2020 refreshed and published is built per session
(tests/fixtures/history.py, fixtures ``history`` and ``copied`` in conftest.py);
every test that changes it works on its own copy.
"""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import duckdb
import pytest

from cxbench.publication.publish import read_candidate
from cxbench.publication.store import (
    ROW_COLUMNS,
    ensure_schema,
    published_fingerprint,
    stored_rows,
)
from tests.fixtures.dbt_warehouse import DBT_VARS
from tests.fixtures.history import History, copy_history, cxbench, query

pytestmark = pytest.mark.slow

#: The methodology version the build writes (dbt_project.yml), and a trial one beside it.
VERSION = DBT_VARS["methodology_version"]
TRIAL_VERSION = f"{VERSION}-trial"
TRIAL_VARS = f'{{methodology_version: "{TRIAL_VERSION}", min_base: 120}}'
MOVER_COLUMNS = {
    "previous_published_wave", "previous_methodology_version", "previous_cx_index",
    "cx_index_change", "previous_rank_in_country", "rank_in_country_change",
}  # fmt: skip
STATE_SQL = """
select max(wave), count(*), min(methodology_version), max(methodology_version)
from marts.fct_company_scores
"""


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_adding_a_wave_does_not_recompute_the_older_waves_heavy_sums(history: History) -> None:
    builds = dict(query(history.db_path, "select wave, build_id from published.refreshes"))
    assert set(builds) == {2019, 2020} and builds[2019] != builds[2020]
    summed_by = query(
        history.db_path,
        "select wave, list(distinct build_id) from intermediate.int_company_cells_summed"
        " group by all",
    )
    assert dict(summed_by) == {2019: [builds[2019]], 2020: [builds[2020]]}


def test_a_wave_summed_by_another_version_of_the_heavy_model_is_summed_again(
    copied: History,
) -> None:
    summed_by = (
        "select wave, any_value(build_id) from intermediate.int_company_cells_summed group by all"
    )
    scores = "select wave, company_id, cx_index from marts.fct_company_scores order by all"
    with duckdb.connect(str(copied.db_path)) as connection:
        connection.execute(
            "update intermediate.int_company_cells_summed"
            " set sums_checksum = 'older' where wave = 2019"
        )
    before, scores_before = dict(query(copied.db_path, summed_by)), query(copied.db_path, scores)
    cxbench(copied.env, "build")
    after = dict(query(copied.db_path, summed_by))
    assert after[2019] != before[2019] and after[2020] == before[2020]
    scores_after = query(copied.db_path, scores)
    assert [row[:2] for row in scores_after] == [row[:2] for row in scores_before]
    assert all(
        (new is None and old is None) or abs(new - old) < 1e-9
        for (*_, new), (*_, old) in zip(scores_after, scores_before, strict=True)
    )


def test_movers_are_measured_against_the_previous_published_wave(history: History) -> None:
    with duckdb.connect(str(history.db_path), read_only=True) as connection:
        ids = dict(
            connection.execute("select wave, publication_id from published.publications").fetchall()
        )
        first, second = (stored_rows(connection, ids[wave]) for wave in (2019, 2020))
        trends = connection.execute("select count(*) from published.company_trends").fetchall()
    assert all(row["previous_published_wave"] is None for row in first)
    before = {(row["country"], row["company_id"]): row for row in first}
    both = [row for row in second if (row["country"], row["company_id"]) in before]
    assert len(both) > 0.7 * len(second)
    for row in second:
        earlier = before.get((row["country"], row["company_id"]))
        assert row["previous_published_wave"] == 2019
        if earlier is None:
            assert row["previous_rank_in_country"] is None and row["cx_index_change"] is None
            continue
        assert row["previous_rank_in_country"] == earlier["rank_in_country"]
        assert row["rank_in_country_change"] == earlier["rank_in_country"] - row["rank_in_country"]
        assert row["cx_index_change"] == pytest.approx(row["cx_index"] - earlier["cx_index"])
        # the move's error is that of two independent samples, its significance at z = 1.96
        error = (row["cx_index_std_error"] ** 2 + earlier["cx_index_std_error"] ** 2) ** 0.5
        assert row["cx_index_change_std_error"] == pytest.approx(error, abs=1e-6)
        assert row["is_cx_index_change_significant"] == (
            abs(row["cx_index_change"]) > 1.959963984540054 * row["cx_index_change_std_error"]
        )
    assert any(row["rank_in_country_change"] for row in both)  # some companies move
    flags = {row["is_cx_index_change_significant"] for row in both}
    assert flags == {True, False}  # some moves are more than noise, some are not
    assert trends[0][0] == len(first) + len(second)


def test_a_second_publish_of_the_same_inputs_adds_nothing(copied: History) -> None:
    before = published_fingerprint(copied.db_path)
    served = _sha256(copied.db_path)
    result = cxbench(copied.env, "publish", "--wave", "2020")
    assert "nothing to publish" in result.stdout
    assert published_fingerprint(copied.db_path) == before
    assert _sha256(copied.db_path) == served  # not even swapped


def test_published_rows_cannot_be_changed_through_the_cli(copied: History) -> None:
    before = published_fingerprint(copied.db_path)
    for statement in (
        "delete from published.rankings",
        "update published.rankings set rank_in_country = 1",
        "drop table published.publications",
    ):
        result = cxbench(copied.env, "sql", statement, check=False)
        assert result.returncode == 2 and "read-only" in result.stdout, statement
    assert published_fingerprint(copied.db_path) == before
    # a change made behind cxbench's back is found, and nothing is published on top
    with duckdb.connect(str(copied.db_path)) as connection:
        connection.execute(
            "update published.rankings set cx_index = cx_index + 1 where wave = 2019"
        )
    refused = cxbench(copied.env, "publish", "--wave", "2020", check=False)
    assert refused.returncode == 1 and "changed outside cxbench" in refused.stdout


def _later_build(db_path: Path, invocation_id: str, status: str, hours: int) -> None:
    """Record a dbt build that started ``hours`` from now, as dbt's hooks would."""
    with duckdb.connect(str(db_path)) as connection:
        connection.execute(
            "insert into audit.dbt_builds (invocation_id, command, status, started_at) "
            "values (?, 'build', ?, now() at time zone 'UTC' + to_hours(?))",
            [invocation_id, status, hours],
        )


def test_publish_is_refused_unless_the_build_passed_the_gate(copied: History) -> None:
    before = published_fingerprint(copied.db_path)
    # a build after the checked one: never checked, then (a rebuild) killed mid-way
    _later_build(copied.db_path, "never-checked", "success", hours=1)
    refused = cxbench(copied.env, "publish", "--wave", "2020", check=False)
    assert refused.returncode == 1
    assert "quality gate" in refused.stdout and "never-checked" in refused.stdout
    _later_build(copied.db_path, "killed", "running", hours=2)
    refused = cxbench(copied.env, "publish", "--wave", "2020", check=False)
    assert refused.returncode == 1 and "killed (build) running" in refused.stdout
    assert published_fingerprint(copied.db_path) == before


def test_rebuilding_past_waves_from_the_same_batches_reproduces_their_rankings(
    copied: History,
) -> None:
    rebuilt = cxbench(
        copied.env, "refresh", "--wave", "2019", "--input", str(copied.world_dir), "--full-refresh"
    )
    assert "0 file(s) loaded" in rebuilt.stdout
    compared = [column for column in ROW_COLUMNS if column not in MOVER_COLUMNS]
    with duckdb.connect(str(copied.db_path), read_only=True) as connection:
        ids = dict(
            connection.execute("select wave, publication_id from published.publications").fetchall()
        )
        for wave in (2019, 2020):
            published = [
                {column: row[column] for column in compared}
                for row in stored_rows(connection, ids[wave])
            ]
            again = [
                {column: row[column] for column in compared}
                for row in read_candidate(connection, wave).rows
            ]
            assert again == published, wave
    assert "nothing to publish" in cxbench(copied.env, "publish", "--wave", "2019").stdout


class _Reader(threading.Thread):
    """Queries the served file in a loop as app/queries/warehouse.py does, re-opening on swap."""

    def __init__(self, db_path: Path) -> None:
        super().__init__(daemon=True)
        self.db_path = db_path
        self.states: set[tuple] = set()
        self.failures: list[str] = []
        self.n_queries = 0
        self.stop = threading.Event()

    def run(self) -> None:
        key, connection = None, None
        while not self.stop.is_set():
            try:
                stat = os.stat(self.db_path)
                if (stat.st_ino, stat.st_mtime_ns) != key:
                    if connection is not None:
                        connection.close()
                    connection = duckdb.connect(":memory:")
                    connection.execute(f"attach '{self.db_path}' as served (read_only)")
                    connection.execute("use served")
                    key = (stat.st_ino, stat.st_mtime_ns)
                self.states.add(connection.execute(STATE_SQL).fetchall()[0])
                self.n_queries += 1
            except Exception as error:  # every failure counts, whatever its kind
                self.failures.append(repr(error))
        if connection is not None:
            connection.close()


def test_readers_see_old_or_new_data_while_a_refresh_swaps_and_versions_diff(
    copied: History,
) -> None:
    old_state = query(copied.db_path, STATE_SQL)[0]
    old_rows = published_fingerprint(copied.db_path)
    reader = _Reader(copied.db_path)
    reader.start()
    cxbench(copied.env, "refresh", "--wave", "2021", "--input", str(copied.world_dir),
            "--vars", TRIAL_VARS)  # fmt: skip
    new_state = query(copied.db_path, STATE_SQL)[0]
    deadline = time.monotonic() + 10
    while new_state not in reader.states and time.monotonic() < deadline:
        time.sleep(0.05)
    reader.stop.set()
    reader.join()
    assert reader.failures == []
    assert reader.n_queries > 50
    assert reader.states == {old_state, new_state}
    assert new_state[0] == 2021 and new_state[2] == TRIAL_VERSION
    assert published_fingerprint(copied.db_path) == old_rows  # survived the swap

    # a new methodology version is a new publication; the old one stays as it was
    published = cxbench(copied.env, "publish", "--wave", "2020")
    assert TRIAL_VERSION in published.stdout
    versions = query(
        copied.db_path,
        "select methodology_version, n_rows from published.publications where wave = 2020",
    )
    assert {version for version, _ in versions} == {VERSION, TRIAL_VERSION}
    with duckdb.connect(str(copied.db_path), read_only=True) as connection:
        old_id = connection.execute(
            "select publication_id from published.publications "
            "where wave = 2020 and methodology_version = ?",
            [VERSION],
        ).fetchall()[0][0]
        assert len(stored_rows(connection, old_id)) == dict(versions)[VERSION]
    diff = cxbench(copied.env, "diff", "--wave", "2020", "--from", VERSION, "--to", TRIAL_VERSION)
    assert f"{VERSION} → {TRIAL_VERSION}" in diff.stdout and "ranked companies moved" in diff.stdout
    assert "dropped" in diff.stdout  # min_base 120 unranks the smallest companies


@pytest.mark.parametrize("stage", ["stage", "ingest", "build", "gate"])
def test_killing_a_refresh_leaves_the_served_warehouse_and_publications_intact(
    history: History, tmp_path: Path, stage: str
) -> None:
    copied = copy_history(history, tmp_path)
    served, published = _sha256(copied.db_path), published_fingerprint(copied.db_path)
    command = [sys.executable, "-m", "cxbench.cli", "refresh", "--wave", "2021",
               "--input", str(copied.world_dir)]  # fmt: skip
    process = subprocess.Popen(
        command, env=copied.env, stdout=subprocess.PIPE, text=True, start_new_session=True
    )
    assert process.stdout is not None
    for line in process.stdout:
        if line.startswith(f"refresh: {stage} "):
            break
    else:
        pytest.fail(f"the refresh ended before stage {stage}: exit {process.wait()}")
    if stage == "build":
        time.sleep(1.0)  # let dbt start writing the copy
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    if stage == "gate" and _sha256(copied.db_path) != served:
        # killed after the os.replace: then the served file is the complete new one
        assert query(copied.db_path, "select max(wave) from marts.fct_company_scores") == [(2021,)]
    else:
        assert _sha256(copied.db_path) == served
    assert published_fingerprint(copied.db_path) == published
    assert not copied.db_path.with_name(copied.db_path.name + ".wal").exists()
    # the writer lock died with the process: the next writer gets it
    assert "nothing to publish" in cxbench(copied.env, "publish", "--wave", "2020").stdout


def test_an_empty_published_schema_counts_as_no_publications(tmp_path: Path) -> None:
    bare, with_schema = tmp_path / "bare.duckdb", tmp_path / "schema.duckdb"
    duckdb.connect(str(bare)).close()
    with duckdb.connect(str(with_schema)) as connection:
        ensure_schema(connection)
    assert published_fingerprint(bare) == published_fingerprint(with_schema)
