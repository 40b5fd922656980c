"""A declared pillar or outcome that can never score is a warning at ingest and in check.

The file is what a fieldwork agency sends: semicolon-separated, CRLF line ends,
answers on 1-5 with 99 for "don't know", gender coded with 99 for no answer.
Its questionnaire asks four Integrity statements and one Empathy statement; in
``dirty.csv`` that Empathy statement is 99 in every row, so Empathy can never
score, while ``clean.csv`` (the same questionnaire, answered) can score
everything. Both load (exit 0); only the dirty file is warned about, at ingest
(and in ``raw.load_warnings``) and by ``cxbench check`` after a build.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from cxbench.cli import app

pytestmark = pytest.mark.slow

MAPPING = """mapping_version: 1
description: Agency tracker, short form (integrity and empathy only)
study: {id: agency-tracker, name: Agency tracker, instrument: short form 2024}
source: {format: csv, delimiter: ";"}
fixed: {country: NL, wave: 2024}
keys:
  respondent_id: RESPID
  brand_id: {column: BRAND, values: {1: AGENCY-A, 2: AGENCY-B}}
fields:
  gender: {column: GENDER, values: {1: female, 2: male}, missing: [99]}
defaults: {scale: [1, 5], missing: [99]}
statements: {int_1: Q1, int_2: Q2, int_3: Q3, int_4: Q4, emp_2: Q5}
outcomes:
  nps: {column: REC, scale: [0, 10]}
  loyalty: {column: STAY, scale: [0, 10]}
coverage: {pillars: [integrity, empathy], outcomes: [nps, loyalty]}
"""
N_ROWS = 60

runner = CliRunner()


def _export(prefix: str, empathy_answered: bool) -> str:
    """An agency export; every seventh answer is 99 (don't know), as are some genders."""
    lines = ["RESPID;BRAND;GENDER;Q1;Q2;Q3;Q4;Q5;REC;STAY"]
    for row in range(N_ROWS):
        answers = [99 if (row + item) % 7 == 0 else 1 + (row * (item + 2)) % 5 for item in range(5)]
        if not empathy_answered:
            answers[4] = 99
        gender = 99 if row % 11 == 0 else 1 + row % 2
        recommend, stay = row % 11, (row * 3) % 11
        lines.append(";".join(map(str, [f"{prefix}{row:03d}", 1 + row % 2, gender, *answers,
                                         recommend, stay])))  # fmt: skip
    return "\r\n".join(lines) + "\r\n"


def _invoke(args: list[str], db: Path) -> tuple[int, str]:
    result = runner.invoke(app, [*args, "--db", str(db)], env={"COLUMNS": "250"})
    return result.exit_code, result.output


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """Both exports ingested (one CLI call each), then built and checked; outputs by step."""
    folder = tmp_path_factory.mktemp("never_scoring")
    db = folder / "cxbench.duckdb"
    outputs = {}
    for name, answered in (("dirty", False), ("clean", True)):
        export = folder / f"{name}.csv"
        export.write_bytes(_export(name[0].upper(), answered).encode())
        (folder / f"{name}.mapping.yaml").write_text(MAPPING)
        code, outputs[name] = _invoke(["ingest", str(export)], db)
        assert code == 0, outputs[name]
    for step in ("build", "check"):
        code, outputs[step] = _invoke([step], db)
        assert code == 0, outputs[step]
    return db, outputs


def test_ingest_shows_the_files_study_pillars_and_outcomes(
    warehouse: tuple[Path, dict[str, str]],
) -> None:
    _, outputs = warehouse
    for name in ("dirty", "clean"):
        assert f"{name}.csv: study agency-tracker (Agency tracker)" in outputs[name]
        assert (
            "pillars: Integrity 4/5, Empathy 1/5; not measured: Personalisation, "
            "Expectations, Resolution, Time & Effort"
        ) in outputs[name]
        assert "outcomes: nps, loyalty" in outputs[name]


def test_ingest_warns_naming_the_file_the_study_and_the_pillar_that_never_scores(
    warehouse: tuple[Path, dict[str, str]],
) -> None:
    db, outputs = warehouse
    assert (
        "warning: dirty.csv (study agency-tracker): pillar empathy can never score: no answer "
        f"in any of the {N_ROWS} loaded rows (emp_2 is always missing or don't know)"
    ) in outputs["dirty"]
    assert outputs["dirty"].count("warning:") == 1
    assert "warning" not in outputs["clean"]
    with duckdb.connect(str(db), read_only=True) as con:
        recorded = con.execute(
            "select batches.source_path, warnings.subject, warnings.subject_id "
            "from raw.load_warnings as warnings "
            "inner join raw.load_batches as batches using (batch_id)"
        ).fetchall()
    assert [(Path(path).name, subject, subject_id) for path, subject, subject_id in recorded] == [
        ("dirty.csv", "pillar", "empathy")
    ]


def test_check_warns_about_the_batch_and_passes(warehouse: tuple[Path, dict[str, str]]) -> None:
    db, outputs = warehouse
    check = outputs["check"]
    assert "passed" in check
    warnings = [line for line in check.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 1, check
    assert warnings[0].startswith("warning: dirty.csv (batch survey-")
    assert warnings[0].endswith(
        "study agency-tracker): pillar empathy never scores: no answer in any of the "
        f"{N_ROWS} loaded rows (emp_2 is always missing or don't know)"
    )
    with duckdb.connect(str(db), read_only=True) as con:
        [(severity, success, observed)] = con.execute(
            "select severity, success, observed_value from audit.quality_results "
            "where suite = 'raw_study_coverage'"
        ).fetchall()
    assert (severity, success) == ("warning", False)
    assert observed.startswith("1 of 8 rows unexpected"), observed  # 2 batches × 4 declared
