"""The malformed-input corpus: every case ends in a clear error or exact rejects, never half.

Each case names a file under tests/fixtures/malformed/ (text, committed) or one
written at test time (``binaries.write_all`` for Excel, SPSS, Parquet and
byte-exact CSVs, ``strict_inputs.write_strict_inputs`` for the strictness
cases), optional patches to the corpus mapping ``mini.mapping.yaml``, and the
outcome: an error matching a pattern with nothing written, or the exact rows
rejected (row number → field) with every other row loaded. What every case
asserts besides (stored values equal the file's, a later good load works, exit
code 2 and no traceback through the CLI) is in ``tests/fixtures/malformed/corpus.py``;
the cases themselves in ``file_cases.py`` and ``strict_cases.py``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cxbench.ingestion.load import load_survey_file
from cxbench.ingestion.mapping_parse import load_mapping
from tests.fixtures.malformed.binaries import write_all
from tests.fixtures.malformed.corpus import MAPPING, TEXT_FIXTURES, Case, query, run_case
from tests.fixtures.malformed.file_cases import CASES
from tests.fixtures.malformed.strict_cases import STRICT_CASES
from tests.fixtures.malformed.strict_inputs import write_strict_inputs
from tests.fixtures.malformed.value_cases import VALUE_CASES

ALL_CASES = [*CASES, *VALUE_CASES, *STRICT_CASES]


@pytest.fixture(scope="module")
def binaries(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("malformed-binaries")
    write_all(folder)
    write_strict_inputs(folder)
    return folder


def _source(name: str, binaries: Path) -> Path:
    text = TEXT_FIXTURES / name
    return text if text.exists() else binaries / name


def test_corpus_has_at_least_60_cases() -> None:
    assert len(ALL_CASES) >= 60
    assert len({case.id for case in ALL_CASES}) == len(ALL_CASES)
    assert sum(case.cli for case in ALL_CASES) >= 10


@pytest.mark.parametrize("case", ALL_CASES, ids=[case.id for case in ALL_CASES])
def test_malformed_input(case: Case, binaries: Path, tmp_path: Path) -> None:
    run_case(case, _source(case.file, binaries), tmp_path)


def test_parquet_decimals_are_not_rounded_by_the_typed_read(tmp_path: Path) -> None:
    """Parquet doubles are cast, not parsed: a whole-number read must not round 4.5 to 4."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    source = tmp_path / "halves.parquet"
    pq.write_table(
        pa.table({"resp": ["R1"], "brand": ["B1"], "q1": [4.5], "q2": [2.0], "rec": [9.0],
                  "stay": [8.0], "remark": [None]}),
        source,
    )  # fmt: skip
    mapping_path = tmp_path / "mini.mapping.yaml"
    mapping_path.write_text(MAPPING, encoding="utf-8")
    load_survey_file(
        tmp_path / "wh.duckdb", source, load_mapping(mapping_path), salt="s", max_reject_rate=1.0
    )
    assert query(tmp_path / "wh.duckdb", "select per_1 from raw.survey_evaluations") == [
        (1 + 3.5 * 9 / 4,)
    ]
