"""A wrong load can be corrected: ``ingest --replace``, ``retract``, and a strict reject limit.

Through the real CLI (a subprocess per command), since what matters here is
what a researcher sees: exit codes, messages, and what raw holds afterwards.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fixtures.history import cli_env, cxbench, query
from tests.integration.test_ingest import MAPPING, ROWS

#: Seven rows, all valid: the same respondents as ROWS, fixed.
CLEAN_ROWS = """resp_id,brand_code,age,gender,q01,q02,recommend,remarks
R1,NL-A,34,female,7,99,9,
R2,NL-A,20,male,7,8,9,
R3,NL-B,40,male,6,8,9,
R4,NL-B,50,female,10,8,9,
R5,NL-C,50,female,5,8,9,
R6,NL-B,61,male,4,5,7,
R7,NL-C,33,female,3,3,3,
"""
BATCHES_SQL = (
    "select batch_id, status, superseded_by, status_changed_at is not null, status_reason, "
    "rows_loaded from raw.load_batches order by started_at"
)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "export.csv").write_text(CLEAN_ROWS)
    (tmp_path / "export.mapping.yaml").write_text(MAPPING)
    return tmp_path


@pytest.fixture
def env(folder: Path) -> dict[str, str]:
    return cli_env(folder / "wh" / "cxbench.duckdb", folder / "generated")


def _db(env: dict[str, str]) -> Path:
    return Path(env["CXBENCH_DB"])


def test_the_same_file_again_says_already_loaded_and_how_to_replace_it(
    folder: Path, env: dict[str, str]
) -> None:
    first = cxbench(env, "ingest", str(folder / "export.csv"))
    assert "7 = 7 + 0" in first.stdout
    again = cxbench(env, "ingest", str(folder / "export.csv"))
    assert "already loaded (same sha256)" in again.stdout
    assert "ingest --replace" in again.stdout
    assert len(query(_db(env), BATCHES_SQL)) == 1


def test_replace_with_a_corrected_mapping_supersedes_the_batch_and_keeps_its_rows(
    folder: Path, env: dict[str, str]
) -> None:
    mapping = folder / "export.mapping.yaml"
    mapping.write_text(MAPPING.replace("scale: [1, 10]", "scale: [0, 10]"))  # the wrong scale
    cxbench(env, "ingest", str(folder / "export.csv"))
    wrong = query(_db(env), "select batch_id from raw.load_batches")[0][0]
    mapping.write_text(MAPPING)

    replaced = cxbench(env, "ingest", str(folder / "export.csv"), "--replace")

    assert f"replaces batch {wrong}" in replaced.stdout
    (old, new) = query(_db(env), BATCHES_SQL)
    assert new[0] == f"{wrong}-2"
    assert old == (wrong, "superseded", new[0], True,
                   "replaced by ingest --replace of export.csv", 7)  # fmt: skip
    assert new[1:] == ("loaded", None, False, None, 7)
    # both batches' rows stay in raw; the corrected one was not rejected as duplicates
    per_batch = query(
        _db(env),
        "select batch_id, count(*), sum(per_1) from raw.survey_evaluations group by 1 order by 1",
    )
    assert [(batch, n) for batch, n, _ in per_batch] == [(wrong, 7), (new[0], 7)]
    assert per_batch[0][2] != per_batch[1][2]


def test_replace_matches_a_changed_file_by_name_study_country_and_wave(
    folder: Path, env: dict[str, str]
) -> None:
    cxbench(env, "ingest", str(folder / "export.csv"))
    other = folder / "other"
    other.mkdir()
    (other / "elsewhere.csv").write_text(CLEAN_ROWS.replace("R7,", "R8,"))
    (other / "elsewhere.mapping.yaml").write_text(MAPPING)
    # another file name: nothing to replace, a batch of its own (R1–R6 are duplicates)
    refused = cxbench(env, "ingest", str(other / "elsewhere.csv"), "--replace", check=False)
    assert refused.returncode == 2 and "6 × duplicate key" in refused.stdout
    # the same name, study, country and wave with changed rows: the earlier batch is replaced
    (folder / "export.csv").write_text(CLEAN_ROWS.replace("R7,", "R8,"))
    cxbench(env, "ingest", str(folder / "export.csv"), "--replace")
    assert [row[1] for row in query(_db(env), BATCHES_SQL)] == ["superseded", "loaded"]
    # another wave under the same name is not the same delivery: nothing is replaced
    (folder / "export.csv").write_text(CLEAN_ROWS.replace("R7,", "R9,"))
    (folder / "export.mapping.yaml").write_text(MAPPING.replace("wave: 2024", "wave: 2023"))
    cxbench(env, "ingest", str(folder / "export.csv"), "--replace")
    assert [row[1] for row in query(_db(env), BATCHES_SQL)] == ["superseded", "loaded", "loaded"]


def test_a_re_saved_file_without_ids_is_refused_unless_it_replaces_the_batch(
    folder: Path, env: dict[str, str]
) -> None:
    """Row-number ids change with the checksum: only the file's name can tell it is the same."""
    mapping = MAPPING.replace("respondent_id: resp_id", "respondent_id: {row_number: true}")
    (folder / "export.mapping.yaml").write_text(mapping)
    (folder / "export.csv").write_text(CLEAN_ROWS.replace("\n", "\r\n"))
    cxbench(env, "ingest", str(folder / "export.csv"))
    (folder / "export.csv").write_text(CLEAN_ROWS)  # re-saved with other line ends

    again = cxbench(env, "ingest", str(folder / "export.csv"), check=False)

    text = " ".join(again.stdout.split())
    assert again.returncode == 2
    assert "already holds a file named 'export.csv'" in text and "--replace" in text
    assert [row[1] for row in query(_db(env), BATCHES_SQL)] == ["loaded"]
    assert query(_db(env), "select count(*) from raw.survey_evaluations") == [(7,)]
    cxbench(env, "ingest", str(folder / "export.csv"), "--replace")
    assert [row[1] for row in query(_db(env), BATCHES_SQL)] == ["superseded", "loaded"]


def test_a_refused_replacement_leaves_the_earlier_batch_active(
    folder: Path, env: dict[str, str]
) -> None:
    cxbench(env, "ingest", str(folder / "export.csv"))
    (folder / "export.csv").write_text(ROWS)  # five of seven rows rejected

    refused = cxbench(env, "ingest", str(folder / "export.csv"), "--replace", check=False)

    assert refused.returncode == 2 and "nothing written" in refused.stdout
    assert [row[:3] for row in query(_db(env), BATCHES_SQL)] == [
        (query(_db(env), "select batch_id from raw.load_batches")[0][0], "loaded", None)
    ]


def test_retract_marks_the_batch_and_keeps_its_rows(folder: Path, env: dict[str, str]) -> None:
    cxbench(env, "ingest", str(folder / "export.csv"))
    (batch_id,) = query(_db(env), "select batch_id from raw.load_batches")[0]

    retracted = cxbench(env, "retract", batch_id, "--reason", "wrong panel")

    assert f"retracted batch {batch_id}" in retracted.stdout and "cxbench build" in retracted.stdout
    assert query(_db(env), BATCHES_SQL) == [(batch_id, "retracted", None, True, "wrong panel", 7)]
    assert query(_db(env), "select count(*) from raw.survey_evaluations") == [(7,)]
    again = cxbench(env, "retract", batch_id, check=False)
    assert again.returncode == 2 and "already retracted" in again.stdout
    unknown = cxbench(env, "retract", "survey-0000", check=False)
    assert unknown.returncode == 2 and "no batch 'survey-0000'" in unknown.stdout
    # a retracted file can be loaded again (a new batch id); it is then active
    cxbench(env, "ingest", str(folder / "export.csv"), "--replace")
    assert [row[:2] for row in query(_db(env), BATCHES_SQL)] == [
        (batch_id, "retracted"),
        (f"{batch_id}-2", "loaded"),
    ]


def test_reference_data_cannot_be_replaced_or_retracted(folder: Path, env: dict[str, str]) -> None:
    companies = folder / "companies.csv"
    companies.write_text(
        "brand_id,brand_name,parent,sector_code,country,revenue,employees\n"
        "NL-A,Alpha,,retail,NL,10,5\n"
    )
    cxbench(env, "ingest", str(companies), "--kind", "companies")
    (batch_id,) = query(_db(env), "select batch_id from raw.load_batches")[0]
    replaced = cxbench(env, "ingest", str(companies), "--kind", "companies", "--replace",
                       check=False)  # fmt: skip
    assert replaced.returncode == 2 and "--replace works for survey and maturity" in replaced.stdout
    retracted = cxbench(env, "retract", batch_id, check=False)
    assert retracted.returncode == 2 and "reference data" in retracted.stdout


def test_the_default_limit_refuses_a_batch_and_prints_its_commonest_reasons(
    folder: Path, env: dict[str, str]
) -> None:
    (folder / "export.csv").write_text(ROWS)  # five of seven rows rejected

    refused = cxbench(env, "ingest", str(folder / "export.csv"), check=False)

    assert refused.returncode == 2
    assert "exceeds --max-reject-rate 5.0%; nothing written" in refused.stdout
    assert "commonest reject reasons:" in refused.stdout
    assert "1 × q01: '11' outside scale 1-10" in refused.stdout
    assert query(_db(env), "select count(*) from raw.load_batches") == [(0,)]
    assert query(_db(env), "select count(*) from raw.rejected_rows") == [(0,)]
    # loaded on purpose with a higher limit
    cxbench(env, "ingest", str(folder / "export.csv"), "--max-reject-rate", "0.8")
    assert query(_db(env), "select rows_loaded, rows_rejected from raw.load_batches") == [(2, 5)]


def test_a_batch_that_loads_no_row_is_never_committed_whatever_the_limit(
    folder: Path, env: dict[str, str]
) -> None:
    (folder / "export.csv").write_text(
        "resp_id,brand_code,age,gender,q01,q02,recommend,remarks\n"
        "R1,NL-A,34,female,70,8,9,\nR2,NL-A,20,male,70,8,9,\n"
    )

    refused = cxbench(env, "ingest", str(folder / "export.csv"), "--max-reject-rate", "1",
                      check=False)  # fmt: skip

    assert refused.returncode == 2
    assert "all 2 rows rejected: a batch that loads no row is never written" in refused.stdout
    assert "2 × q01: '70' outside scale 1-10" in refused.stdout
    assert query(_db(env), "select count(*) from raw.load_batches") == [(0,)]
