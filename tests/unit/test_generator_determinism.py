"""Same seed and arguments give byte-identical files, whatever the number of workers."""

from __future__ import annotations

from pathlib import Path

import pytest

from cxbench.generator import generate_world
from cxbench.generator.countries import resolve_countries
from cxbench.generator.run import split_evaluations


def _contents(out: Path) -> dict[str, bytes]:
    return {
        path.relative_to(out).as_posix(): path.read_bytes()
        for path in sorted(out.rglob("*"))
        if path.is_file()
    }


@pytest.fixture(scope="module")
def first(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    out = tmp_path_factory.mktemp("first")
    generate_world(out, 4_000, [2024, 2025], ["NL", "GB"], seed=11, workers=1)
    return _contents(out)


def test_same_seed_gives_identical_bytes(first: dict[str, bytes], tmp_path: Path) -> None:
    generate_world(tmp_path, 4_000, [2024, 2025], ["NL", "GB"], seed=11, workers=1)
    again = _contents(tmp_path)
    assert again.keys() == first.keys()
    assert [name for name in first if first[name] != again[name]] == []


def test_a_pool_of_two_workers_writes_the_same_bytes(
    first: dict[str, bytes], tmp_path: Path
) -> None:
    reported: list[int] = []
    generate_world(
        tmp_path, 4_000, [2024, 2025], ["NL", "GB"], 11, progress=reported.append, workers=2
    )
    assert _contents(tmp_path) == first
    assert sum(reported) == 4_000


def test_another_seed_gives_different_files(first: dict[str, bytes], tmp_path: Path) -> None:
    generate_world(tmp_path, 4_000, [2024, 2025], ["NL", "GB"], seed=12, workers=1)
    other = _contents(tmp_path)
    assert other.keys() == first.keys()
    differing = [name for name in first if first[name] != other[name]]
    assert "survey/cx_NL_2024.csv" in differing
    assert "industry/companies.csv" in differing
    assert "truth/company_pillar_means.csv" in differing


def test_a_country_file_does_not_depend_on_which_other_countries_were_asked_for(
    first: dict[str, bytes], tmp_path: Path
) -> None:
    sizes = split_evaluations(4_000, resolve_countries(["NL", "GB"]), [2024, 2025])
    generate_world(tmp_path, sizes["NL", 2024], [2024], ["NL"], seed=11, workers=1)
    alone = _contents(tmp_path)
    assert alone["survey/cx_NL_2024.csv"] == first["survey/cx_NL_2024.csv"]


def test_split_is_exact_and_proportional_to_country_size() -> None:
    sizes = split_evaluations(1_000_003, resolve_countries(["NL", "NO", "DE"]), [2024, 2025])
    assert sum(sizes.values()) == 1_000_003
    assert abs(sizes["NL", 2024] - sizes["NL", 2025]) <= 1
    assert sizes["DE", 2024] == pytest.approx(2 * sizes["NL", 2024], rel=0.01)
