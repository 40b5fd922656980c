"""How OpenBLAS (numpy's and scipy's linear algebra) runs: one thread, the same kernels everywhere.

Both settings are environment variables OpenBLAS reads once, when numpy or scipy
first loads it, so :func:`configure` runs when ``cxbench`` is imported, before
either; a variable the environment already sets is left as it is.

- **One thread.** OpenBLAS starts a spinning worker thread per core. DuckDB
  already runs on every core, so those threads only take CPU from it (a 1.85M-row
  ingest spent about 0.5 s of CPU in them), and nothing here multiplies matrices
  large enough to gain from them.
- **The same kernels on every x86-64 processor.** OpenBLAS picks its kernels by
  processor: with AVX-512 it multiplies in another order than with AVX2, and the
  last bits of a product differ. A generated world is promised to be the same
  bytes for the same seed (:mod:`cxbench.generator.writer`), and its truth files
  come from Cholesky factors, products and eigenvectors; on an AVX-512 machine the
  default world's answers and truth came out different. So where the processor
  has AVX2 and FMA (every x86-64 server since 2013), OpenBLAS uses its AVX2
  ("Haswell") kernels. Elsewhere (ARM, older x86) it chooses as it would.
"""

from __future__ import annotations

import os
import platform
from pathlib import Path

#: OpenBLAS's name for its AVX2 + FMA kernels.
PORTABLE_CORE = "Haswell"
#: Where Linux lists the processor's instruction-set extensions.
CPU_INFO = Path("/proc/cpuinfo")


def configure() -> None:
    """Set OpenBLAS's thread count and, where possible, its kernels (unless already set)."""
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    if has_avx2_and_fma():
        os.environ.setdefault("OPENBLAS_CORETYPE", PORTABLE_CORE)


def has_avx2_and_fma() -> bool:
    """Whether this is an x86-64 Linux processor whose flags include AVX2 and FMA."""
    if platform.machine().lower() not in {"x86_64", "amd64"}:
        return False
    try:
        with CPU_INFO.open(encoding="ascii", errors="replace") as info:
            for line in info:
                if line.startswith("flags"):
                    flags = set(line.partition(":")[2].split())
                    return {"avx2", "fma"} <= flags
    except OSError:  # not Linux, or /proc not mounted
        return False
    return False
