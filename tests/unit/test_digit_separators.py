"""A CSV joining digits by an underscore anywhere is found, wherever the chunks fall."""

from __future__ import annotations

from pathlib import Path

import pytest

from cxbench.ingestion.readers.digit_separators import FEW, has_digit_separators


def _file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "export.csv"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("resp,q1\nR1,1_0\n", True),
        ("resp,q1\nR1,4_5.5\n", True),
        ("resp,q1\nR_2024_1,5\n", True),  # an id: found, and the file is read as text
        ("resp,q1\nR_1,5\n", False),  # a letter before the underscore
        ("resp,q1\nR1,5\nmail jan_de@example.nl,1\n", False),
        ("resp,q1\n_1,5\n", False),
        ("resp,q1\nR1,1_\n", False),
        ("resp,q1\nR1,5\n", False),
    ],
)
def test_digits_joined_by_an_underscore_are_found(tmp_path: Path, text: str, found: bool) -> None:
    assert has_digit_separators(_file(tmp_path, text)) is found


@pytest.mark.parametrize("chunk_bytes", [3, 4, 5, 7, 64])
def test_a_separator_across_a_chunk_boundary_is_found(tmp_path: Path, chunk_bytes: int) -> None:
    """Every cut of ``1_0`` between two chunks (the underscore first or last in one)."""
    path = _file(tmp_path, "ab,c\n" + "x" * 11 + ",1_0\n")
    assert has_digit_separators(path, chunk_bytes)


def test_many_underscores_in_a_chunk_are_looked_at_together(tmp_path: Path) -> None:
    """Past the first few underscores (ids R_a …) the rest are tested at once, by numpy."""
    lines = [f"R_{chr(97 + index % 26)},5" for index in range(FEW * 3)]
    plain = _file(tmp_path, "resp,q1\n" + "\n".join(lines) + "\n")
    assert not has_digit_separators(plain)
    joined = tmp_path / "joined.csv"
    joined.write_text("resp,q1\n" + "\n".join([*lines, "R9,7_5"]) + "\n", encoding="utf-8")
    assert has_digit_separators(joined)
