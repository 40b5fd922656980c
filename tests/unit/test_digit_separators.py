"""Digits joined by an underscore where a number may stand are found, wherever the chunks fall."""

from __future__ import annotations

from pathlib import Path

import pytest

from cxbench.ingestion.readers.digit_separators import FEW, MAX_RUN, has_digit_separators


def _file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "export.csv"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("resp,q1\nR1,1_0\n", True),
        ("resp,q1\nR1,4_5.5\n", True),
        ("resp,q1\nR1,-1_0\n", True),
        ('resp,q1\nR1,"1_0"\n', True),
        ("resp,q1\nR1,1e1_0\n", True),  # 1e10 to DuckDB
        ("resp,q1\nR1,5,order 12_34 came late\n", True),  # any run a letter does not begin
        ("resp,q1\nR_2024_1,5\n", False),  # an id: its digits follow a letter
        ("resp,q1\nNL2024-R_0001,5\n", False),
        ("resp,q1\nR_1,5\n", False),  # a letter before the underscore
        ("resp,q1\nR1,5\nmail jan_de@example.nl,1\n", False),
        ("resp,q1\n_1,5\n", False),
        ("resp,q1\nR1,1_\n", False),
        ("resp,q1\nR1,5\n", False),
    ],
)
def test_digits_joined_by_an_underscore_are_found(tmp_path: Path, text: str, found: bool) -> None:
    assert has_digit_separators(_file(tmp_path, text)) is found


@pytest.mark.parametrize("chunk_bytes", [3, 4, 5, 7, 20, 64, 70, 100])
def test_a_separator_across_a_chunk_boundary_is_found(tmp_path: Path, chunk_bytes: int) -> None:
    """Every cut of ``1_0`` between two chunks (the underscore first or last in one)."""
    path = _file(tmp_path, "ab,c\n" + "x" * 80 + ",1_0\n")
    assert has_digit_separators(path, chunk_bytes)


@pytest.mark.parametrize("chunk_bytes", [3, 4, 5, 7, 20, 64, 70, 100])
def test_an_id_cut_by_a_chunk_boundary_keeps_its_letter(tmp_path: Path, chunk_bytes: int) -> None:
    """A chunk beginning inside ``NL_2024_0000001`` is no number beginning there."""
    path = _file(tmp_path, "id,q\n" + "NL_2024_0000001,5\n" * 12)
    assert not has_digit_separators(path, chunk_bytes)


def test_a_run_too_long_to_follow_is_taken_for_a_number(tmp_path: Path) -> None:
    """More than MAX_RUN number characters before the underscore: found, to be safe."""
    assert has_digit_separators(_file(tmp_path, "id,q\nR" + "1" * (MAX_RUN + 5) + "_1,5\n"))


def test_many_underscores_in_a_chunk_are_looked_at_together(tmp_path: Path) -> None:
    """Past the first few underscores (ids R_a …) the rest are tested at once, by numpy."""
    lines = [f"R_{chr(97 + index % 26)},5" for index in range(FEW * 3)]
    plain = _file(tmp_path, "resp,q1\n" + "\n".join(lines) + "\n")
    assert not has_digit_separators(plain)
    joined = tmp_path / "joined.csv"
    joined.write_text("resp,q1\n" + "\n".join([*lines, "R9,7_5"]) + "\n", encoding="utf-8")
    assert has_digit_separators(joined)


def test_many_ids_joining_digits_are_ids_still(tmp_path: Path) -> None:
    """Past the first few, ids such as NL_2024_0001 are judged at once, and still not numbers."""
    lines = [f"NL_2024_{index:04d},5" for index in range(FEW * 3)]
    assert not has_digit_separators(_file(tmp_path, "id,q\n" + "\n".join(lines) + "\n"))
