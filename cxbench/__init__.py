"""cxbench: survey exports in, Six-Pillar benchmark scores out (see README.md).

Importing it sets up OpenBLAS before numpy loads it: one thread, and the same
kernels on every x86-64 processor (:mod:`cxbench.blas_environment`).
"""

from cxbench.blas_environment import configure as _configure_blas

_configure_blas()
