"""Importing cxbench sets OpenBLAS's threads and kernels unless the environment says otherwise."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from cxbench import blas_environment
from cxbench.blas_environment import PORTABLE_CORE, has_avx2_and_fma

SHOW = "import os, cxbench, numpy; print(os.environ.get({name!r}, '-'))"


def _shown(name: str, given: str | None) -> str:
    """The variable ``name`` as a fresh process sees it after importing cxbench and numpy."""
    env = {key: value for key, value in os.environ.items() if key != name}
    if given is not None:
        env[name] = given
    shown = subprocess.run(
        [sys.executable, "-c", SHOW.format(name=name)],
        env=env, capture_output=True, text=True, check=True,
    )  # fmt: skip
    return shown.stdout.strip()


@pytest.mark.parametrize(("given", "expected"), [(None, "1"), ("4", "4")])
def test_openblas_threads(given: str | None, expected: str) -> None:
    assert _shown("OPENBLAS_NUM_THREADS", given) == expected


def test_openblas_kernels_are_the_portable_ones_where_the_processor_has_them() -> None:
    assert _shown("OPENBLAS_CORETYPE", None) == (PORTABLE_CORE if has_avx2_and_fma() else "-")


def test_openblas_kernels_chosen_by_the_environment_stay() -> None:
    assert _shown("OPENBLAS_CORETYPE", "Zen") == "Zen"


@pytest.mark.parametrize(
    ("machine", "flags", "expected"),
    [
        ("x86_64", "fpu sse2 avx fma avx2 avx512f", True),
        ("x86_64", "fpu sse2 avx avx2", False),  # AVX2 without FMA: no Haswell kernels
        ("x86_64", "fpu sse2 sse4_2", False),
        ("aarch64", "fp asimd", False),
    ],
)
def test_avx2_and_fma_are_read_from_the_cpu_flags(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, machine: str, flags: str, expected: bool
) -> None:
    cpu_info = tmp_path / "cpuinfo"
    cpu_info.write_text(f"processor\t: 0\nflags\t\t: {flags}\n\nprocessor\t: 1\n", "ascii")
    monkeypatch.setattr(blas_environment, "CPU_INFO", cpu_info)
    monkeypatch.setattr(blas_environment.platform, "machine", lambda: machine)
    assert has_avx2_and_fma() is expected


def test_no_cpu_flags_means_no_choice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(blas_environment, "CPU_INFO", tmp_path / "absent")
    monkeypatch.setattr(blas_environment.platform, "machine", lambda: "x86_64")
    assert has_avx2_and_fma() is False
