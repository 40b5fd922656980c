"""cxbench: survey exports in, Six-Pillar benchmark scores out (see README.md).

OpenBLAS (numpy's linear algebra, imported by DuckDB's Python functions and
pyarrow) starts a spinning worker thread per core on import. DuckDB already runs
on every core, so those threads only take CPU from it: a 1.85M-row ingest spent
about 0.5 s of CPU in them. Nothing here multiplies matrices large enough to gain
from BLAS threads, so one is the default; the environment can still say otherwise.
"""

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
