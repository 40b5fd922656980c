"""The longest test files first, so that two workers finish together.

pytest-xdist hands a worker one test file at a time (``--dist loadfile``) in the
order of the collection. Its own order (most tests first) started the longest
files late: the Spark build, a module fixture of about three minutes, began
12.5 minutes into an 18-minute run. Started longest first, the files fill the
workers the way the longest-processing-time rule fills machines: the last files
to start are the shortest, so the workers end close together.

The seconds per file are a measurement, ``tests/file_seconds.json``: an order
is all they decide, never whether a test passes. A file missing from it (a new
one) counts as :data:`UNMEASURED_SECONDS`. To measure again, run the suite with
``CXBENCH_FILE_SECONDS=tests/file_seconds.json``: the controller adds up each
file's setup, call and teardown times and writes them there at the end.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pytest

#: Seconds per test file (path from the repository root), measured on 2 cores.
RECORDED = Path(__file__).with_name("file_seconds.json")
#: Where the suite writes the seconds it measured, when set.
RECORD_ENV = "CXBENCH_FILE_SECONDS"
#: A file not measured yet: a short one (the median file takes about 3 s), so it
#: neither blocks the start nor ends the run alone.
UNMEASURED_SECONDS = 2.0


def recorded_seconds(path: Path = RECORDED) -> dict[str, float]:
    """The measured seconds per file (none when the file is missing)."""
    if not path.is_file():
        return {}
    return {str(name): float(seconds) for name, seconds in json.loads(path.read_text()).items()}


def longest_files_first(items: list[pytest.Item], seconds: dict[str, float]) -> list[pytest.Item]:
    """``items`` grouped by file, longest file first.

    The collection holds each file's items together and in order; a stable sort
    on the file's seconds keeps them so, files of equal seconds included.
    """
    return sorted(items, key=lambda item: -seconds.get(file_of(item.nodeid), UNMEASURED_SECONDS))


def file_of(nodeid: str) -> str:
    """The test file (path from the repository root) of a test's node id."""
    return nodeid.split("::")[0]


class SecondsRecorder:
    """Adds up the reported seconds per file in the controller and writes them at the end."""

    def __init__(self, target: Path) -> None:
        self.target = target
        self.seconds: defaultdict[str, float] = defaultdict(float)

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        self.seconds[file_of(report.nodeid)] += report.duration

    def pytest_sessionfinish(self) -> None:
        ordered = sorted(self.seconds.items(), key=lambda pair: (-pair[1], pair[0]))
        text = json.dumps({name: round(total, 1) for name, total in ordered}, indent=1)
        self.target.write_text(text + "\n")
