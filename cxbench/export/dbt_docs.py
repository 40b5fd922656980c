"""Table and column descriptions from the dbt docs (dbt's ``manifest.json``).

The cheapest reliable source is the manifest the warehouse's own build wrote
beside it (``<warehouse dir>/dbt/target/manifest.json``, where
:func:`cxbench.dbt_runner.run_dbt` keeps its artefacts; a refresh copies its
build's manifest there too): no work at all, and it describes exactly the
models that built these tables. When it is missing, or lacks a table or a column
being exported (a warehouse built by an older project, a source added since),
``dbt parse`` writes a fresh one into a temporary folder (a few seconds with the
project's partial-parse state) rather than failing. ``dbt docs generate`` is not
needed: it adds the catalog (types from the database), which the export reads
from the warehouse directly.
"""

from __future__ import annotations

import json
import logging
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cxbench.export.request import ExportRefused
from cxbench.export.tables import ExportTable

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Descriptions:
    """What the dbt docs say about each relation, keyed by ``schema.name``."""

    tables: dict[str, str]
    columns: dict[str, dict[str, str]]
    #: Where they came from, for the manifest: the build's manifest or a fresh parse.
    source: str

    def missing(self, tables: Iterable[ExportTable]) -> list[str]:
        """``schema.table`` and ``schema.table.column`` entries without a description."""
        gaps = []
        for table in tables:
            if not self.tables.get(table.relation):
                gaps.append(table.relation)
            described = self.columns.get(table.relation, {})
            gaps += [
                f"{table.relation}.{column.name}"
                for column in table.columns
                if not described.get(column.name)
            ]
        return gaps


def build_manifest_path(db_path: Path) -> Path:
    """Where the warehouse's builds leave dbt's manifest (see cxbench.dbt_runner.run_dbt)."""
    return db_path.parent / "dbt" / "target" / "manifest.json"


def descriptions_for(
    db_path: Path, tables: list[ExportTable], on_parse: Callable[[], None] = lambda: None
) -> Descriptions:
    """The descriptions of ``tables``: from the build's manifest if it covers them, else
    parsed (``on_parse`` is called first: it takes a few seconds)."""
    manifest = build_manifest_path(db_path)
    if manifest.is_file():
        found = _read(manifest, f"the build's dbt manifest ({manifest.name} beside the warehouse)")
        if found is not None and not found.missing(tables):
            return found
    log.info("dbt manifest missing or incomplete beside %s: running dbt parse", db_path)
    on_parse()
    return parsed_descriptions()


def parsed_descriptions() -> Descriptions:
    """Descriptions from a ``dbt parse`` of the project, made in a temporary folder."""
    from cxbench.dbt_runner import DbtError, run_dbt

    with tempfile.TemporaryDirectory(prefix="cxbench-export-dbt-") as folder:
        # dbt parse opens no database: the file name only has to satisfy the profile.
        try:
            run_dbt(["parse"], Path(folder) / "cxbench.duckdb")
        except (DbtError, OSError) as error:  # OSError: no dbt executable
            raise ExportRefused(f"cannot read the dbt docs (dbt parse): {error}") from None
        found = _read(Path(folder) / "dbt" / "target" / "manifest.json", "dbt parse of the project")
    if found is None:
        raise ExportRefused("dbt parse wrote no readable manifest.json")
    return found


def _read(path: Path, source: str) -> Descriptions | None:
    """Descriptions of every model, seed and source in a manifest; None if it is unreadable."""
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    nodes: list[dict[str, Any]] = [
        node
        for node in document.get("nodes", {}).values()
        if node.get("resource_type") in ("model", "seed", "snapshot")
    ]
    nodes += list(document.get("sources", {}).values())
    tables: dict[str, str] = {}
    columns: dict[str, dict[str, str]] = {}
    for node in nodes:
        name = node.get("alias") or node.get("identifier") or node.get("name")
        relation = f"{node.get('schema')}.{name}"
        tables[relation] = (node.get("description") or "").strip()
        columns[relation] = {
            column_name: (column.get("description") or "").strip()
            for column_name, column in (node.get("columns") or {}).items()
        }
    invocation = document.get("metadata", {}).get("invocation_id")
    return Descriptions(tables, columns, f"{source}, dbt invocation {invocation}")
