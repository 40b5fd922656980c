"""Every declared runtime dependency is used: imported by the product, or needed for a reason.

A dependency nothing imports costs every install its download (statsmodels did, for
nothing) and can pin the environment for no benefit. The few needed without an
import are listed here with why, so dropping a use shows up as a failing test.
"""

from __future__ import annotations

import ast
import re
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
#: Folders whose Python ships in the wheel (dbt's Python models included).
PRODUCT = ("cxbench", "cxcore", "app", "ingestion", "expectations", "dbt_project")
#: Needed although no module imports them.
WITHOUT_IMPORT = {
    "dbt-duckdb": "dbt's DuckDB adapter, loaded by dbt from profiles.yml (type: duckdb)",
    "authlib": "Streamlit's st.login imports it for OpenID Connect (cxbench/app/auth.py)",
}


def _normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def declared() -> set[str]:
    """The distributions pyproject.toml's [project] dependencies name."""
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    return {
        _normalise(re.split(r"[<>=!~;\[ ]", spec, maxsplit=1)[0])
        for spec in project["dependencies"]
    }


def imported_modules() -> set[str]:
    """Top-level names of every import in the product's Python files (nested ones too)."""
    names: set[str] = set()
    for folder in PRODUCT:
        for path in (REPO / folder).rglob("*.py"):
            if any(part in {"target", "dbt_packages", "__pycache__"} for part in path.parts):
                continue
            for node in ast.walk(ast.parse(path.read_text(), str(path))):
                if isinstance(node, ast.Import):
                    names.update(alias.name.split(".")[0] for alias in node.names)
                elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                    names.add(node.module.split(".")[0])
    return names


#: Namespace packages that several distributions install into, by the one an import
#: of them stands for: ``dbt`` is dbt-core's (cxbench/spark/dbt_session.py runs
#: dbtRunner), and dbt-adapters and every adapter add to it, which dbt loads from
#: profiles.yml without an import of ours.
NAMESPACE_OWNERS = {"dbt": "dbt-core"}


def imported_distributions() -> set[str]:
    """The installed distributions that provide an imported module."""
    providers = packages_distributions()
    return {
        _normalise(distribution)
        for module in imported_modules()
        for distribution in (
            [NAMESPACE_OWNERS[module]] if module in NAMESPACE_OWNERS else providers.get(module, [])
        )
    }


def test_every_dependency_is_imported_or_needed_for_a_stated_reason() -> None:
    unused = declared() - imported_distributions() - set(WITHOUT_IMPORT)
    assert not unused, f"declared but never imported (drop them, or give a reason): {unused}"


def test_the_reasons_name_only_declared_dependencies_nothing_imports() -> None:
    stale = set(WITHOUT_IMPORT) - declared()
    assert not stale, f"listed as needed without an import but no longer declared: {stale}"
    imported = set(WITHOUT_IMPORT) & imported_distributions()
    assert not imported, f"imported after all, remove from WITHOUT_IMPORT: {imported}"


def test_statsmodels_is_no_longer_a_dependency() -> None:
    assert "statsmodels" not in declared()
    assert "statsmodels" not in imported_modules()
