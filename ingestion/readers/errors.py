"""The one error readers raise: the file as a whole cannot be read."""

from __future__ import annotations


class SourceReadError(ValueError):
    """A file that cannot be read at all (missing, empty, malformed, wrong encoding)."""
