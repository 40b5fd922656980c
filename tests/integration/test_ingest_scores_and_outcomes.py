"""Files that are not item answers: an outcomes-only tracker and a latent-score export.

An NPS tracker asks no statement at all (``coverage: {pillars: []}``); a PLS
provider (ECSI/ACSI style) delivers per respondent a latent score per construct,
0-100 with decimals, mapped with ``latent: true``. Both load, and their batch
records what was measured and which statements were latent scores.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cxcore.catalogue import statement_ids
from tests.fixtures.mapped_loads import load, query

TRACKER_MAPPING = """
mapping_version: 1
fixed: {country: NL, wave: 2024}
keys: {respondent_id: resp, brand_id: brand}
outcomes:
  nps: {column: recommend, scale: [0, 10], missing: [99]}
coverage: {pillars: [], outcomes: [nps], note: an NPS tracker asks no statement}
study: {id: nps-tracker, name: Monthly NPS tracker}
"""

TRACKER_ROWS = """resp,brand,recommend
r1,ACME,9
r2,ACME,99
r3,BETA,3
r4,BETA,11
"""


def test_an_outcomes_only_file_loads_and_records_no_statement(tmp_path: Path) -> None:
    (tmp_path / "tracker.csv").write_text(TRACKER_ROWS)
    db, result = load(tmp_path, "tracker.csv", TRACKER_MAPPING)
    assert (result.rows_in, result.rows_loaded, result.rows_rejected) == (4, 3, 1)
    assert query(db, "select row_number, reason from raw.rejected_rows") == [
        (4, "recommend: '11' outside scale 0-10")
    ]
    assert query(
        db,
        "select row_number, study_id, nps, loyalty, int_2, emp_5 "
        "from raw.survey_evaluations order by 1",
    ) == [
        (1, "nps-tracker", 9.0, None, None, None),
        (2, "nps-tracker", None, None, None, None),
        (3, "nps-tracker", 3.0, None, None, None),
    ]
    statements = ", ".join(f"count({sid})" for sid in statement_ids())
    assert set(query(db, f"select {statements} from raw.survey_evaluations")[0]) == {0}
    assert query(
        db, "select study_id, study_name, measured_statements, latent_statements "
        "from raw.load_batches",
    ) == [("nps-tracker", "Monthly NPS tracker", "", "")]  # fmt: skip


LATENT_MAPPING = """
mapping_version: 1
source: {format: csv, delimiter: ","}
fixed: {country: PT, wave: 2019}
keys: {respondent_id: {row_number: true}, brand_id: BANK}
defaults: {scale: [0, 100], missing: [-99]}
statements:
  int_2: {column: IMAGE_LV, latent: true}             # the provider's "image" score
  exp_1: {column: EXPECT_LV, latent: true}            # its "expectations" score
  emp_5: {column: CARE, scale: [1, 10], missing: []}  # an ordinary answer beside them
outcomes:
  nps: {column: REC, scale: [0, 10], missing: []}
  loyalty: {column: STAY, scale: [0, 10], missing: []}
coverage: {pillars: [integrity, expectations, empathy]}
study: {id: pls-index, name: A PLS satisfaction index}
"""

#: Latent scores as a PLS export writes them: decimals, the bounds, a missing code.
LATENT_ROWS = [
    ("B1", "73.4", "61.25", "8", "9", "7"),
    ("B1", "0", "100", "1", "0", "0"),
    ("B2", "55.55555555555556", "12.3456789", "10", "10", "10"),
    ("B2", "-99", "99.99", "5", "5", "5"),
    ("B2", "100.5", "50", "5", "5", "5"),
]


def write_latent(path: Path, bad_cell: bool) -> None:
    """The export; ``bad_cell`` adds a text cell, so no typed read parses the file."""
    rows = [*LATENT_ROWS, ("B1", "42.42", "24.24", "7", "n/a" if bad_cell else "6", "6")]
    lines = ["BANK,IMAGE_LV,EXPECT_LV,CARE,REC,STAY", *(",".join(row) for row in rows)]
    path.write_text("\n".join(lines) + "\n")


def rescaled(score: str) -> float | None:
    """The linear map of a 0-100 score onto 1-10, computed independently of the loader."""
    return None if score == "-99" else 1 + (float(score) - 0) * (10 - 1) / (100 - 0)


@pytest.mark.parametrize("bad_cell", [False, True], ids=["typed-read", "text-read"])
def test_latent_scores_keep_their_decimals_and_are_rescaled_linearly(
    tmp_path: Path, bad_cell: bool
) -> None:
    write_latent(tmp_path / "scores.csv", bad_cell)
    db, result = load(tmp_path, "scores.csv", LATENT_MAPPING)
    assert any("read as text" in note for note in result.notes) == bad_cell
    rejected = query(db, "select row_number, field, reason from raw.rejected_rows order by 1")
    expected_rejects = [(5, "int_2", "IMAGE_LV: '100.5' outside scale 0-100")]
    if bad_cell:
        expected_rejects.append((6, "nps", "REC: not a number 'n/a'"))
    assert rejected == expected_rejects
    stored = query(
        db, "select row_number, int_2, exp_1, emp_5 from raw.survey_evaluations order by 1"
    )
    last = ("B1", "42.42", "24.24", "7", "6", "6")
    kept = {1: LATENT_ROWS[0], 2: LATENT_ROWS[1], 3: LATENT_ROWS[2], 4: LATENT_ROWS[3]}
    if not bad_cell:
        kept[6] = last
    assert [row[0] for row in stored] == list(kept)
    for row_number, int_2, exp_1, emp_5 in stored:
        source = kept[row_number]
        for value, score in ((int_2, source[1]), (exp_1, source[2])):
            expected = rescaled(score)
            if expected is None:
                assert value is None
            else:
                assert value == pytest.approx(expected, rel=0, abs=1e-12)
        assert emp_5 == float(source[3])  # an answer on 1-10 is stored as it is
    assert query(db, "select measured_statements, latent_statements from raw.load_batches") == [
        ("int_2,exp_1,emp_5", "int_2,exp_1")
    ]
