"""No planted e-mail address or phone number survives anywhere in raw.

A generated world (~20k evaluations in five countries) plants names, e-mails and
phone numbers in comments and lists them in truth/planted_pii.csv. Some of those
rows are made invalid first, so that they end in raw.rejected_rows with their
source record. Then every text column of every raw table is scanned.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest

from cxbench.generator import generate_world
from cxbench.pipeline import ingest_world

EVALUATIONS = 20_000
TEXT_TYPES = ("VARCHAR", "JSON")


@dataclass(frozen=True)
class PiiWorld:
    db_path: Path
    planted: list[dict[str, str]]
    spoiled_rows: set[tuple[str, int]]


def _spoil_planted_rows(world: Path, planted: list[dict[str, str]]) -> set[tuple[str, int]]:
    """Make q01 unreadable in every other planted row of one file: they must be rejected."""
    name = "survey/cx_NL_2024.csv"
    targets = {int(row["row_number"]) for row in planted if row["file"] == name}
    spoiled = set(sorted(targets)[::2])
    path = world / name
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    for number in spoiled:
        rows[number][rows[0].index("q01")] = "x"
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle, quoting=csv.QUOTE_MINIMAL).writerows(rows)
    return {(Path(name).name, number) for number in spoiled}


@pytest.fixture(scope="module")
def pii_world(tmp_path_factory: pytest.TempPathFactory) -> PiiWorld:
    root = tmp_path_factory.mktemp("pii")
    world = root / "world"
    generate_world(world, evaluations=EVALUATIONS, waves=[2024, 2025],
                   countries=["NL", "NO", "PL", "GB", "DE"], seed=3)  # fmt: skip
    with (world / "truth" / "planted_pii.csv").open(newline="", encoding="utf-8") as handle:
        planted = list(csv.DictReader(handle))
    spoiled = _spoil_planted_rows(world, planted)
    db = root / "warehouse" / "cxbench.duckdb"
    report = ingest_world(db, world)
    assert report.ok, report.errors
    return PiiWorld(db, planted, spoiled)


def _all_raw_text(db: Path) -> list[str]:
    """Every non-null value of every text column of every raw table."""
    with duckdb.connect(str(db), read_only=True) as con:
        columns = con.execute(
            "select table_name, column_name from information_schema.columns "
            f"where table_schema = 'raw' and data_type in {TEXT_TYPES}"
        ).fetchall()
        texts: list[str] = []
        for table, column in columns:
            rows = con.execute(
                f'select cast("{column}" as varchar) from raw."{table}" '
                f'where "{column}" is not null'
            ).fetchall()
            texts += [value for (value,) in rows]
    return texts


def test_world_has_planted_pii_and_rejected_rows(pii_world: PiiWorld) -> None:
    kinds = {row["kind"] for row in pii_world.planted}
    assert kinds == {"name", "email", "phone"}
    with duckdb.connect(str(pii_world.db_path), read_only=True) as con:
        rejected = con.execute("select count(*) from raw.rejected_rows").fetchall()[0][0]
    assert rejected == len(pii_world.spoiled_rows) > 0


def test_no_planted_email_or_phone_survives_in_any_text_column(pii_world: PiiWorld) -> None:
    texts = _all_raw_text(pii_world.db_path)
    corpus = "\n".join(texts)
    survivors = [
        row["value"]
        for row in pii_world.planted
        if row["kind"] in {"email", "phone"} and row["value"] in corpus
    ]
    assert survivors == []
    # Digit runs are looked for in free text only: a 64-character hex hash holds
    # runs of seven decimal digits by chance.
    with duckdb.connect(str(pii_world.db_path), read_only=True) as con:
        comments = con.execute(
            "select comment from raw.survey_evaluations where comment is not null union all "
            "select record->>'remarks' from raw.rejected_rows where record->>'remarks' is not null"
        ).fetchall()
    digits = {
        re.sub(r"\D", "", row["value"]) for row in pii_world.planted if row["kind"] == "phone"
    }
    separators = re.compile(r"[ ./()-]")
    runs = {run for (text,) in comments for run in re.findall(r"\d{7,}", separators.sub("", text))}
    assert not {number for number in digits if any(number.endswith(run) for run in runs)}


def test_planted_rows_are_found_by_their_row_number_with_placeholders(pii_world: PiiWorld) -> None:
    with duckdb.connect(str(pii_world.db_path), read_only=True) as con:
        loaded = {
            (source, row): comment
            for source, row, comment in con.execute(
                "select source_file, row_number, comment from raw.survey_evaluations"
            ).fetchall()
        }
        rejected = {
            (batch, row): record
            for batch, row, record in con.execute(
                "select batch_id, row_number, record->>'remarks' from raw.rejected_rows"
            ).fetchall()
        }
    placeholder = {"email": "[email]", "phone": "[phone]"}
    for row in pii_world.planted:
        key = (Path(row["file"]).name, int(row["row_number"]))
        if row["kind"] not in placeholder:
            continue
        if key in pii_world.spoiled_rows:
            assert any(
                row_number == key[1] and placeholder[row["kind"]] in (record or "")
                for (_, row_number), record in rejected.items()
            )
        else:
            assert placeholder[row["kind"]] in (loaded[key] or ""), (key, loaded[key])


def test_plain_respondent_ids_never_reach_raw(pii_world: PiiWorld) -> None:
    corpus = "\n".join(_all_raw_text(pii_world.db_path))
    assert re.search(r"(NL|NO|PL|GB|DE)20\d\d-R\d{7}", corpus) is None


def test_person_names_are_not_detected_as_documented(pii_world: PiiWorld) -> None:
    """Recall of planted names is 0 %: docs/privacy.md says so; change both together."""
    corpus = "\n".join(_all_raw_text(pii_world.db_path))
    names = [row["value"] for row in pii_world.planted if row["kind"] == "name"]
    removed = sum(name not in corpus for name in names)
    assert names and removed / len(names) == 0.0
