"""File checksums, shared by the generator's manifest and the loader's idempotency check."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path


def file_sha256(path: Path, also: Callable[[bytes], object] | None = None) -> str:
    """Hex SHA-256 of a file's bytes, read in chunks (files can be gigabytes).

    ``also`` is given every chunk too, so that a search of the whole file costs
    no second read of it.
    """
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
            if also is not None:
                also(chunk)
    return digest.hexdigest()
