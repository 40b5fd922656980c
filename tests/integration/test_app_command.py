"""``cxbench app`` refuses to serve the warehouse to anyone it cannot identify.

No login means loopback only; a public address needs an identity provider in the
secrets Streamlit reads; a client preview is loopback only and must name a company
of the warehouse. Every refusal is exit 2 with the reason, before a server starts.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from cxbench import demo
from cxbench.app_server import app_env, auth_configured, secrets_paths
from cxbench.cli import app
from cxcore.settings import REPO_ROOT

AUTH_TOML = """
[auth]
redirect_uri = "https://benchmark.example/oauth2callback"
cookie_secret = "0123456789abcdef0123456789abcdef"
client_id = "cxbench"
client_secret = "not-a-real-secret"
server_metadata_url = "https://login.example/.well-known/openid-configuration"
"""


@pytest.fixture
def no_secrets(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working directory and home without any secrets.toml; returns the working dir."""
    (tmp_path / "home").mkdir()
    (tmp_path / "work").mkdir()
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.chdir(tmp_path / "work")
    return tmp_path / "work"


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch) -> list[dict]:
    """Record what ``cxbench app`` would serve instead of starting Streamlit."""
    calls: list[dict] = []

    def record(db_path: Path, port: int, address: str = "", preview_client=None) -> None:
        calls.append({"port": port, "address": address, "preview_client": preview_client})

    monkeypatch.setattr(demo, "serve_app", record)
    return calls


@pytest.fixture
def warehouse(tmp_path: Path) -> Path:
    """A warehouse holding just ``marts.dim_company`` with two companies."""
    path = tmp_path / "cxbench.duckdb"
    with duckdb.connect(str(path)) as connection:
        connection.execute("create schema marts")
        connection.execute(
            "create table marts.dim_company (company_id varchar, company_name varchar)"
        )
        connection.execute(
            "insert into marts.dim_company values ('B001', 'Acme Bank'), ('B002', 'Zeta')"
        )
    return path


def invoke(*args: str):
    return CliRunner().invoke(app, ["app", *args], env={"COLUMNS": "300"})


def test_public_address_without_login_is_refused(
    no_secrets: Path, served: list, warehouse: Path
) -> None:
    result = invoke("--address", "0.0.0.0", "--db", str(warehouse))
    assert result.exit_code == 2, result.output
    assert "without a login" in result.output
    assert "docs/deployment.md" in result.output
    assert served == []


def test_public_address_with_login_configured_is_served(
    no_secrets: Path, served: list, warehouse: Path
) -> None:
    (no_secrets / ".streamlit").mkdir()
    (no_secrets / ".streamlit" / "secrets.toml").write_text(AUTH_TOML)
    result = invoke("--address", "0.0.0.0", "--port", "8600", "--db", str(warehouse))
    assert result.exit_code == 0, result.output
    assert served == [{"port": 8600, "address": "0.0.0.0", "preview_client": None}]


def test_login_in_the_home_folder_counts(no_secrets: Path, served: list, warehouse: Path) -> None:
    home = Path(os.environ["HOME"]) / ".streamlit"
    home.mkdir()
    (home / "secrets.toml").write_text(AUTH_TOML)
    assert invoke("--address", "0.0.0.0", "--db", str(warehouse)).exit_code == 0


def test_broken_secrets_file_is_named(no_secrets: Path, served: list, warehouse: Path) -> None:
    (no_secrets / ".streamlit").mkdir()
    (no_secrets / ".streamlit" / "secrets.toml").write_text("[auth\nredirect_uri = ")
    result = invoke("--address", "0.0.0.0", "--db", str(warehouse))
    assert result.exit_code == 2
    assert "secrets.toml is not valid TOML" in result.output
    assert served == []


def test_unsafe_login_settings_are_refused_on_any_address(
    no_secrets: Path, served: list, warehouse: Path
) -> None:
    """The shipped example copied unchanged: a known cookie secret forges any identity."""
    (no_secrets / ".streamlit").mkdir()
    example = REPO_ROOT / ".streamlit" / "secrets.toml.example"
    (no_secrets / ".streamlit" / "secrets.toml").write_text(example.read_text())
    result = invoke("--db", str(warehouse))
    assert result.exit_code == 2
    assert "unsafe login settings" in result.output
    assert "placeholder" in result.output
    assert served == []


def test_loopback_needs_no_login(no_secrets: Path, served: list, warehouse: Path) -> None:
    """``make demo`` and a plain ``cxbench app``: the local analyst, no login."""
    assert invoke("--db", str(warehouse)).exit_code == 0
    assert served == [{"port": 8501, "address": "127.0.0.1", "preview_client": None}]


def test_preview_is_served_on_loopback_for_a_known_company(
    no_secrets: Path, served: list, warehouse: Path
) -> None:
    result = invoke("--preview-client", "B001", "--db", str(warehouse))
    assert result.exit_code == 0, result.output
    assert "Acme Bank" in result.output
    assert served == [{"port": 8501, "address": "127.0.0.1", "preview_client": "B001"}]


def test_preview_on_a_public_address_is_refused_even_with_login(
    no_secrets: Path, served: list, warehouse: Path
) -> None:
    (no_secrets / ".streamlit").mkdir()
    (no_secrets / ".streamlit" / "secrets.toml").write_text(AUTH_TOML)
    result = invoke("--preview-client", "B001", "--address", "0.0.0.0", "--db", str(warehouse))
    assert result.exit_code == 2
    assert "on this machine only" in result.output
    assert served == []


@pytest.mark.parametrize("company_id", ["B999", " "])
def test_preview_of_an_unknown_company_is_refused(
    no_secrets: Path, served: list, warehouse: Path, company_id: str
) -> None:
    result = invoke("--preview-client", company_id, "--db", str(warehouse))
    assert result.exit_code == 2
    assert served == []


def test_preview_without_a_warehouse_is_refused(no_secrets: Path, served: list) -> None:
    result = invoke("--preview-client", "B001", "--db", str(no_secrets / "missing.duckdb"))
    assert result.exit_code == 2
    assert "no warehouse" in result.output


def test_refused_by_the_real_command_before_any_server_starts(tmp_path: Path) -> None:
    """The installed entry point, in a fresh process: exit 2, a message, no traceback."""
    env = {
        **os.environ,
        "HOME": str(tmp_path),
        "PYTHONPATH": str(REPO_ROOT),
        "COLUMNS": "300",
    }
    completed = subprocess.run(
        [sys.executable, "-m", "cxbench.cli", "app", "--address", "0.0.0.0", "--port", "1"],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert completed.returncode == 2, completed.stdout + completed.stderr
    assert "without a login" in completed.stdout
    assert "Traceback" not in completed.stdout + completed.stderr


def test_secrets_are_read_where_streamlit_reads_them(tmp_path: Path) -> None:
    paths = secrets_paths(cwd=tmp_path / "work", home=tmp_path / "home")
    assert paths == [
        tmp_path / "home" / ".streamlit" / "secrets.toml",
        tmp_path / "work" / ".streamlit" / "secrets.toml",
        REPO_ROOT / "app" / ".streamlit" / "secrets.toml",
    ]


def test_a_later_secrets_file_replaces_the_auth_section(tmp_path: Path) -> None:
    """As in Streamlit: the project's [auth] without a provider overrides the home one."""
    home, project = tmp_path / "home.toml", tmp_path / "project.toml"
    home.write_text(AUTH_TOML)
    project.write_text('[auth]\nredirect_uri = "x"\ncookie_secret = "y"\n')
    assert auth_configured([home])
    assert not auth_configured([home, project])
    assert not auth_configured([tmp_path / "absent.toml"])


def test_an_inherited_preview_variable_never_reaches_an_analyst_app(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CXBENCH_PREVIEW_CLIENT", "B001")
    assert "CXBENCH_PREVIEW_CLIENT" not in app_env(tmp_path / "w.duckdb")
    assert app_env(tmp_path / "w.duckdb", "B002")["CXBENCH_PREVIEW_CLIENT"] == "B002"
