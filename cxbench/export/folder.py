"""Writing an export folder atomically: all of it or nothing.

Files are written into ``DIR/.tmp-export-<random>/`` (inside DIR, so every
rename stays on one disk) and renamed into DIR only once all of them are
written and checksummed, ``manifest.json`` last: a folder with a manifest holds
a whole export. A failure or Ctrl+C removes the temporary folder, and DIR too
when this export created it, so a failed export leaves no half folder; a
temporary folder left by a killed export is removed by the next one.

A non-empty DIR is refused unless ``force``. With ``force`` the new files
replace same-named ones, and files listed by the previous export's manifest that
the new export does not write are removed — never any other file of DIR.
"""

from __future__ import annotations

import json
import shutil
import uuid
from pathlib import Path
from types import TracebackType

from cxbench.export.request import ExportRefused

STAGING_PREFIX = ".tmp-export-"
MANIFEST_NAME = "manifest.json"


class ExportFolder:
    """Context manager: ``staging`` to write into, :meth:`commit` to move it into place."""

    def __init__(self, target: Path, force: bool) -> None:
        self.target = target
        self.force = force
        self.staging = target / f"{STAGING_PREFIX}{uuid.uuid4().hex[:12]}"
        self._created: list[Path] = []
        self._committed = False

    def __enter__(self) -> ExportFolder:
        if self.target.exists() and not self.target.is_dir():
            raise ExportRefused(f"--to {self.target} is a file, not a folder")
        if self.target.is_dir():
            self._remove_stale_staging()
            present = sorted(path.name for path in self.target.iterdir())
            if present and not self.force:
                shown = ", ".join(present[:5]) + (", …" if len(present) > 5 else "")
                raise ExportRefused(
                    f"--to {self.target} is not empty ({shown}); choose a new or empty "
                    "folder, or --force to replace a previous export there"
                )
        else:
            missing = [self.target, *(p for p in self.target.parents if not p.exists())]
            try:
                self.target.mkdir(parents=True)
            except OSError as error:
                raise ExportRefused(f"cannot create --to {self.target}: {error}") from None
            self._created = sorted(missing, key=lambda path: len(path.parts), reverse=True)
        self.staging.mkdir()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        shutil.rmtree(self.staging, ignore_errors=True)
        if not self._committed:
            for folder in self._created:  # deepest first; only folders this export made
                try:
                    folder.rmdir()
                except OSError:
                    break

    def commit(self) -> list[str]:
        """Move every staged file into DIR (the manifest last); the names moved."""
        previous = self._previous_files()
        names = sorted(path.name for path in self.staging.iterdir() if path.name != MANIFEST_NAME)
        for name in [*names, MANIFEST_NAME]:
            (self.staging / name).replace(self.target / name)
        self._committed = True
        for name in previous - {*names, MANIFEST_NAME}:
            (self.target / name).unlink(missing_ok=True)
        return [*names, MANIFEST_NAME]

    def _previous_files(self) -> set[str]:
        """Plain file names listed by the manifest of an export already in DIR."""
        try:
            document = json.loads((self.target / MANIFEST_NAME).read_text(encoding="utf-8"))
            listed = {entry["file"] for entry in document.get("files", [])}
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            return set()
        return {name for name in listed if isinstance(name, str) and name == Path(name).name}

    def _remove_stale_staging(self) -> None:
        for path in self.target.glob(f"{STAGING_PREFIX}*"):
            if path.is_dir():
                shutil.rmtree(path, ignore_errors=True)
