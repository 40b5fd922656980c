"""The house has floors: cxcore at the bottom, the stages on it, orchestration on top.

``cxcore`` imports nothing of ours; each stage (``ingestion``, ``expectations``,
``app``, the dbt Python models) imports only ``cxcore`` and itself; ``cxbench``
(CLI, pipeline, publication, benchmarks, generator) may import anything. No
module takes part in an import cycle. The checker reads every import statement
from the source (also those inside functions, where a cycle likes to hide) and refuses a
private ``_name`` imported from another module, so a
violation fails here before it fails at run time, and the message names the file,
line and import to change.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
GROUND = "cxcore"
STAGES = ("ingestion", "expectations", "app", "dbt_project")
#: Stages imported as packages, under the orchestration's name (``cxbench.app``).
IMPORTED_STAGES = STAGES[:3]
ORCHESTRATION = "cxbench"
#: Folders whose Python files are checked (the dbt project's only Python is its models).
SOURCE_DIRS = (GROUND, *IMPORTED_STAGES, "dbt_project/models", ORCHESTRATION)
OURS = frozenset({GROUND, ORCHESTRATION, "dbt_project"})


@dataclass(frozen=True)
class Import:
    """One import statement, resolved to the module of ours it loads."""

    source: str
    target: str
    path: Path
    line: int

    def where(self, root: Path) -> str:
        return f"{self.path.relative_to(root)}:{self.line}: {self.source} imports {self.target}"


def module_name(path: Path, root: Path) -> str:
    """Dotted module name of a file (``pkg/__init__.py`` is ``pkg``).

    The stage folders install as ``cxbench.<stage>`` (setup.py), so ``app/auth.py`` is
    ``cxbench.app.auth``.
    """
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    if parts[0] in IMPORTED_STAGES:
        parts.insert(0, ORCHESTRATION)
    return ".".join(parts)


def source_files(root: Path) -> dict[str, Path]:
    """Every checked module of the tree at ``root``, by dotted name."""
    files = {}
    for folder in SOURCE_DIRS:
        for path in sorted((root / folder).rglob("*.py")):
            files[module_name(path, root)] = path
    return files


def imported_names(tree: ast.AST, module: str, is_package: bool) -> Iterator[tuple[str, int]]:
    """(dotted name, line) of every import in ``tree``, relative imports made absolute.

    ``from a import b`` yields ``a.b`` so that the caller can tell a submodule from
    a name defined in ``a``; ``importlib.import_module("a.b")`` with a literal counts.
    """
    package = module if is_package else module.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, node.lineno
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            for alias in node.names:
                yield f"{base}.{alias.name}", node.lineno
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute | ast.Name)
            and getattr(node.func, "attr", getattr(node.func, "id", "")) == "import_module"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            yield node.args[0].value, node.lineno


def resolve(name: str, modules: set[str]) -> str:
    """The longest prefix of ``name`` that is a module we have (else the top package)."""
    parts = name.split(".")
    for end in range(len(parts), 0, -1):
        candidate = ".".join(parts[:end])
        if candidate in modules:
            return candidate
    return parts[0]


def collect_imports(root: Path) -> list[Import]:
    """Every import of one of our packages by a checked module, resolved to a module."""
    files = source_files(root)
    modules = set(files)
    found = []
    for module, path in files.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for name, line in imported_names(tree, module, path.name == "__init__.py"):
            if name.split(".")[0] not in OURS:
                continue
            target = resolve(name, modules)
            if target != module:
                found.append(Import(module, target, path, line))
    return list(dict.fromkeys(found))


def private_imports(root: Path) -> list[str]:
    """``from other_module import _name``: a private helper used outside its module.

    Such a helper is shared code in disguise; it belongs in a public module both
    import (as the mapping section readers are in ``cxbench.ingestion.mapping_sections``).
    """
    problems = []
    for module, path in source_files(root).items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if not isinstance(node, ast.ImportFrom) or node.module == module:
                continue
            private = [
                alias.name
                for alias in node.names
                if alias.name.startswith("_") and not alias.name.startswith("__")
            ]
            if private and (node.level or (node.module or "").split(".")[0] in OURS):
                problems.append(
                    f"{path.relative_to(root)}:{node.lineno}: {module} imports private "
                    f"{', '.join(private)} from {node.module}"
                )
    return problems


def layer_of(module: str) -> str:
    """``cxcore``, a stage (``app`` for ``cxbench.app.auth``) or ``cxbench``."""
    parts = module.split(".")
    if parts[0] == ORCHESTRATION and len(parts) > 1 and parts[1] in IMPORTED_STAGES:
        return parts[1]
    return parts[0]


def layer_violations(imports: list[Import], root: Path) -> list[str]:
    """Imports that go sideways (stage to stage) or up (to cxbench, or out of cxcore)."""
    problems = []
    for item in imports:
        source, target = layer_of(item.source), layer_of(item.target)
        if source in (ORCHESTRATION, target) or target == GROUND:
            continue
        if source == GROUND:
            rule = "cxcore may import nothing of ours"
        else:
            rule = f"stage {source} may import only cxcore and itself"
        problems.append(f"{item.where(root)} ({rule})")
    return problems


def cycles(imports: list[Import], root: Path) -> list[str]:
    """One message per strongly connected group of modules, naming the imports inside it."""
    graph: dict[str, list[Import]] = {}
    for item in imports:
        graph.setdefault(item.source, []).append(item)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[set[str]] = []

    def visit(node: str) -> None:  # Tarjan; the graph is small enough for recursion
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for edge in graph.get(node, []):
            if edge.target not in index:
                visit(edge.target)
                low[node] = min(low[node], low[edge.target])
            elif edge.target in on_stack:
                low[node] = min(low[node], index[edge.target])
        if low[node] == index[node]:
            group = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.add(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(group)

    for node in sorted(graph):
        if node not in index:
            visit(node)
    messages = []
    for group in groups:
        inside = [item for node in sorted(group) for item in graph[node] if item.target in group]
        listing = "; ".join(item.where(root) for item in inside)
        messages.append(f"import cycle among {', '.join(sorted(group))}: {listing}")
    return messages


def test_no_module_imports_across_or_above_its_floor() -> None:
    problems = layer_violations(collect_imports(REPO_ROOT), REPO_ROOT)
    assert not problems, "imports against the layers:\n" + "\n".join(problems)


def test_no_import_cycles() -> None:
    problems = cycles(collect_imports(REPO_ROOT), REPO_ROOT)
    assert not problems, "\n".join(problems)


def test_no_module_imports_private_names_of_another() -> None:
    problems = private_imports(REPO_ROOT)
    assert not problems, "\n".join(problems)


def test_checker_sees_every_source_folder() -> None:
    files = source_files(REPO_ROOT)
    assert {layer_of(module) for module in files} == {GROUND, ORCHESTRATION, *STAGES}
    assert any(module.startswith("dbt_project.models.") for module in files)


def write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


@pytest.fixture
def tiny_house(tmp_path: Path) -> Path:
    """A tree that keeps the rules: stages on cxcore, cxbench on top, dbt model on cxcore."""
    return write(
        tmp_path,
        {
            "cxcore/__init__.py": "",
            "cxcore/text.py": "import re\n",
            "cxcore/quote.py": "from cxcore.text import re\nfrom . import text\n",
            "ingestion/__init__.py": "",
            "ingestion/load.py": "from cxcore.quote import text\nimport duckdb\n",
            "ingestion/plan.py": "from cxbench.ingestion import load\n",
            "expectations/__init__.py": "",
            "expectations/gate.py": "import cxcore.text\n",
            "app/__init__.py": "",
            "app/views/__init__.py": "",
            "app/views/page.py": "from ..views import __name__ as views\n",
            "dbt_project/models/stats_model.py": "from cxcore.text import re\n",
            "cxbench/__init__.py": "",
            "cxbench/cli.py": "from cxbench.ingestion.load import text\n"
            "from cxbench.app.views import page\n",
        },
    )


def test_checker_passes_a_tree_that_keeps_the_rules(tiny_house: Path) -> None:
    imports = collect_imports(tiny_house)
    assert layer_violations(imports, tiny_house) == []
    assert cycles(imports, tiny_house) == []
    assert Import("cxcore.quote", "cxcore.text", tiny_house / "cxcore/quote.py", 2) in imports


def test_checker_names_a_stage_importing_another_stage_or_cxbench(tiny_house: Path) -> None:
    write(
        tiny_house,
        {
            "expectations/gate.py": "import cxcore.text\nfrom cxbench.ingestion.load import text\n",
            "app/views/page.py": "def run():\n    from cxbench import cli\n",
            "dbt_project/models/stats_model.py": "import importlib\n"
            "importlib.import_module('cxbench.expectations.gate')\n",
        },
    )
    problems = layer_violations(collect_imports(tiny_house), tiny_house)
    assert sorted(problems) == [
        "app/views/page.py:2: cxbench.app.views.page imports cxbench.cli "
        "(stage app may import only cxcore and itself)",
        "dbt_project/models/stats_model.py:2: dbt_project.models.stats_model imports "
        "cxbench.expectations.gate (stage dbt_project may import only cxcore and itself)",
        "expectations/gate.py:2: cxbench.expectations.gate imports cxbench.ingestion.load "
        "(stage expectations may import only cxcore and itself)",
    ]


def test_checker_names_cxcore_importing_anything_of_ours(tiny_house: Path) -> None:
    write(tiny_house, {"cxcore/text.py": "import re\nimport cxbench.app.views.page\n"})
    assert layer_violations(collect_imports(tiny_house), tiny_house) == [
        "cxcore/text.py:2: cxcore.text imports cxbench.app.views.page "
        "(cxcore may import nothing of ours)"
    ]


def test_checker_names_a_private_import(tiny_house: Path) -> None:
    write(tiny_house, {"ingestion/plan.py": "from cxbench.ingestion.load import _rows, __doc__\n"})
    assert private_imports(tiny_house) == [
        "ingestion/plan.py:1: cxbench.ingestion.plan imports private _rows "
        "from cxbench.ingestion.load"
    ]


def test_checker_finds_a_cycle_hidden_inside_a_function(tiny_house: Path) -> None:
    write(
        tiny_house,
        {"ingestion/load.py": "def plan():\n    from cxbench.ingestion.plan import load\n"},
    )
    assert cycles(collect_imports(tiny_house), tiny_house) == [
        "import cycle among cxbench.ingestion.load, cxbench.ingestion.plan: "
        "ingestion/load.py:2: cxbench.ingestion.load imports cxbench.ingestion.plan; "
        "ingestion/plan.py:1: cxbench.ingestion.plan imports cxbench.ingestion.load"
    ]
