"""``cxbench docs``: the dbt docs site of a built warehouse, generated read-only, on loopback.

Generated once (module fixture) from the session's demo warehouse, which dbt opens
read-only: the warehouse must record nothing (no build row from the project's
hooks). The site must document every mart with its columns and descriptions, in
the catalog (what the warehouse holds) as in the manifest (what the project says).
"""

from __future__ import annotations

import json
import socket
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from cxbench.cli import app
from cxbench.dbt_docs import LOOPBACK, SITE_FILES, STATIC_FILE, site_server
from tests.conftest import DemoWarehouse

pytestmark = pytest.mark.slow


def _builds(db_path: Path) -> list[tuple]:
    with duckdb.connect(str(db_path), read_only=True) as connection:
        return connection.execute("select * from audit.dbt_builds order by started_at").fetchall()


@pytest.fixture(scope="module")
def site(demo_warehouse: DemoWarehouse, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``cxbench docs --no-serve --out <folder>`` on the demo warehouse."""
    folder = tmp_path_factory.mktemp("docs") / "site"
    builds = _builds(demo_warehouse.db_path)
    result = CliRunner().invoke(
        app, ["docs", "--no-serve", "--out", str(folder), "--db", str(demo_warehouse.db_path)]
    )
    assert result.exit_code == 0, result.output
    assert str(folder / STATIC_FILE) in result.output.replace("\n", "")
    assert _builds(demo_warehouse.db_path) == builds  # read-only: nothing recorded
    return folder


def test_the_site_documents_every_mart_with_columns_and_descriptions(site: Path) -> None:
    manifest = json.loads((site / "manifest.json").read_text())
    catalog = json.loads((site / "catalog.json").read_text())
    marts = {
        unique_id: node
        for unique_id, node in manifest["nodes"].items()
        if node["resource_type"] == "model" and node["schema"] == "marts"
    }
    assert len(marts) >= 20
    for unique_id, node in marts.items():
        assert node["description"].strip(), f"{unique_id} has no description"
        documented = {name for name, column in node["columns"].items() if column["description"]}
        assert documented == set(node["columns"]), f"{unique_id}: undocumented columns"
        held = catalog["nodes"].get(unique_id)
        assert held is not None, f"{unique_id} is not in the catalog"
        assert {name.lower() for name in held["columns"]} == {
            name.lower() for name in node["columns"]
        }, f"{unique_id}: the warehouse's columns differ from the documented ones"
    static = (site / STATIC_FILE).read_text()
    assert "fct_company_scores" in static and "catalog" in static


@pytest.fixture
def served(site: Path) -> Iterator[str]:
    """The site served on a free loopback port; the base URL."""
    server = site_server(site, port=0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        host, port = server.server_address[:2]
        assert host == LOOPBACK
        yield f"http://{LOOPBACK}:{port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def test_the_site_is_served_on_loopback_and_nothing_else_is(served: str, site: Path) -> None:
    with urllib.request.urlopen(f"{served}/") as response:
        assert response.status == 200
        assert response.read() == (site / "index.html").read_bytes()
    for name in SITE_FILES:
        with urllib.request.urlopen(f"{served}/{name}") as response:
            assert response.status == 200
    (site / "notes.txt").write_text("not part of the site")
    for path in ("/notes.txt", "/../catalog.json", "/compiled/"):
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(f"{served}{path}")
        assert refused.value.code == 404, path


def test_docs_refuses_a_missing_warehouse(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app, ["docs", "--no-serve", "--db", str(tmp_path / "nowhere" / "cxbench.duckdb")]
    )
    assert result.exit_code == 2
    assert "no warehouse at" in result.output
    assert not (tmp_path / "nowhere").exists()


def test_a_taken_port_is_refused_before_anything_is_generated(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind((LOOPBACK, 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(
            app,
            [
                "docs",
                "--port",
                str(port),
                "--out",
                str(tmp_path / "site"),
                "--db",
                str(tmp_path / "cxbench.duckdb"),
            ],
        )
    assert result.exit_code == 2
    assert f"cannot serve on {LOOPBACK}:{port}" in result.output
    assert not (tmp_path / "site").exists()
