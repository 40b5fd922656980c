"""A process pool started with ``spawn`` works in a test process, as the world generator's must.

A spawned child first runs its parent's main file; in a pytest-xdist worker that
is the stand-in tests/conftest.py names (tests/xdist_worker_main.py). A name
without a file broke every spawned pool in a worker that had not yet run a test
replacing ``__main__``: whether the generator's tests passed depended on the order
the files ran in.
"""

from __future__ import annotations

import math
import multiprocessing
from concurrent.futures import ProcessPoolExecutor


def test_a_spawned_pool_runs_its_task() -> None:
    with ProcessPoolExecutor(1, multiprocessing.get_context("spawn")) as pool:
        assert pool.submit(math.factorial, 5).result() == 120
