"""Where the benchmarks record their rows: ``docs/benchmarks.md`` of a checkout, only.

Installed from a wheel there is no ``docs/`` folder and no git history (and
``site-packages`` is no place for results), so a benchmark still measures and prints
its figures but records nothing, and says so.
"""

from __future__ import annotations

import subprocess

from cxbench.console import err_console
from cxcore.settings import CHECKOUT_ROOT

#: The results document, or ``None`` when cxbench runs from an installed wheel.
BENCHMARKS_FILE = CHECKOUT_ROOT / "docs" / "benchmarks.md" if CHECKOUT_ROOT else None
NOT_RECORDED = (
    "not recorded: cxbench is installed from a package, and only a checkout has "
    "docs/benchmarks.md (run the benchmark from a clone of the repository to record it)"
)


def say_not_recorded() -> None:
    """Tell the user (on stderr: stdout may be JSON) that the results stay unrecorded."""
    err_console.print(NOT_RECORDED, style="yellow", markup=False)


def commit() -> str:
    """The commit measured, so a row can be traced to the code ("unknown" when installed)."""
    if CHECKOUT_ROOT is None:
        return "unknown"
    completed = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"],
        cwd=CHECKOUT_ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip
    return completed.stdout.strip() or "unknown"
