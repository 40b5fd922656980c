"""The dbt docs site of a warehouse: generated read-only, served on loopback only.

``dbt docs generate`` writes the site: ``index.html``, which loads
``manifest.json`` (every model, column and description of the project) and
``catalog.json`` (what the warehouse actually holds: relations, columns, types,
row counts). The catalog is read from the built warehouse, opened read-only
(:mod:`cxbench.dbt_read_only`). With ``--static`` dbt also writes
``static_index.html``, the same site with both files inside: one file to open
from disk or mail, no server needed.

``dbt docs serve`` would serve dbt's whole target folder on a host of its
choosing and open a browser; the server here binds 127.0.0.1 and answers only
for the site's files, whatever else the output folder holds.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

from cxbench.dbt_read_only import run_read_only, scratch_target

#: The served site: the page and the two files it loads.
SITE_FILES = ("index.html", "manifest.json", "catalog.json")
#: The whole site in one HTML file (``dbt docs generate --static``).
STATIC_FILE = "static_index.html"
LOOPBACK = "127.0.0.1"
DEFAULT_PORT = 8580


def generate_site(
    db_path: Path, out_dir: Path, on_line: Callable[[str], None] | None = None
) -> Path:
    """Write the docs site of ``db_path`` into ``out_dir``; the path of its one-file version.

    Each file replaces the previous one atomically, so a server already serving
    ``out_dir`` never sends half a file. WarehouseUnreadable, DbtError or OSError
    when it cannot be done.
    """
    with scratch_target() as artefacts:
        run_read_only(["docs", "generate", "--static"], db_path, artefacts, on_line)
        out_dir.mkdir(parents=True, exist_ok=True)
        for name in (*SITE_FILES, STATIC_FILE):
            partial_file = out_dir / f".{name}.partial"
            shutil.copyfile(artefacts / "target" / name, partial_file)
            os.replace(partial_file, out_dir / name)
    return out_dir / STATIC_FILE


class SiteHandler(SimpleHTTPRequestHandler):
    """Serves the site's files from its folder and nothing else (404), quietly."""

    def send_head(self):  # type: ignore[no-untyped-def]  # the base class's signature
        name = urlsplit(self.path).path.lstrip("/") or "index.html"
        if name not in (*SITE_FILES, STATIC_FILE):
            self.send_error(404, "not part of the docs site")
            return None
        return super().send_head()

    def log_message(self, format: str, *args: object) -> None:
        """No line per request on the terminal."""


def site_server(folder: Path, port: int = DEFAULT_PORT) -> ThreadingHTTPServer:
    """A server for the site in ``folder`` bound to 127.0.0.1:``port`` (0: any free port).

    Bound but not yet serving: the caller runs ``serve_forever`` (and ``shutdown``).
    OSError when the port is taken.
    """
    handler = partial(SiteHandler, directory=str(folder))
    return ThreadingHTTPServer((LOOPBACK, port), handler)
