"""The mart schema, read from where it is declared once: the enforced dbt contracts.

Every mart's columns and types are written in its YAML beside its SQL
(``dbt_project/models/**/<model>.yml``: ``contract: {enforced: true}``, each column
with a ``data_type`` and perhaps a ``not_null`` constraint); dbt refuses to build a
mart that differs. Everything else that needs the schema derives it from here
instead of keeping a copy: the app's check that a warehouse file holds the columns
it reads (:func:`mart_columns`), and the ``create table`` statements of the test
fixtures (:func:`create_tables_sql`). The schema of a model comes from the folder
configuration in ``dbt_project.yml`` (``+schema``), as dbt places it.

This module imports nothing of the project but :mod:`cxcore.settings` (it sits on the
ground floor), which finds ``dbt_project/`` in a checkout or in an installed wheel.
Reading the YAML rather than dbt's manifest keeps it usable without a dbt parse
and fast enough for an app start.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from cxcore.settings import DBT_PROJECT_DIR

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class ContractColumn:
    """One contracted column: its name, SQL type and whether the warehouse enforces not-null."""

    name: str
    data_type: str
    not_null: bool


@dataclass(frozen=True)
class MartContract:
    """The enforced contract of one model: where dbt builds it and its columns, in order."""

    name: str
    schema: str
    columns: tuple[ContractColumn, ...]

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(column.name for column in self.columns)

    @property
    def relation(self) -> str:
        """``schema.name``, as SQL outside dbt refers to the table."""
        return f"{self.schema}.{self.name}"

    def create_table_sql(self, with_constraints: bool = True) -> str:
        """``create table`` with the contract's columns, types and (optionally) not-nulls."""
        lines = [
            f"    {column.name} {column.data_type}"
            + (" not null" if with_constraints and column.not_null else "")
            for column in self.columns
        ]
        return f"create table {self.relation} (\n" + ",\n".join(lines) + "\n);"


def _load_yaml(path: Path) -> Any:
    with path.open(encoding="utf-8") as stream:
        return yaml.load(stream, Loader=_Loader)


def _folder_configs(project_dir: Path) -> tuple[str, Mapping[str, Any]]:
    """The project name and its ``models:`` folder configuration from ``dbt_project.yml``."""
    project = _load_yaml(project_dir / "dbt_project.yml")
    name = project["name"]
    return name, (project.get("models") or {}).get(name) or {}


def _folder_setting(folders: Mapping[str, Any], parts: tuple[str, ...], key: str) -> Any:
    """The innermost ``+key`` configured for a model in folder ``parts`` (dbt's inheritance)."""
    value = folders.get(f"+{key}")
    level: Mapping[str, Any] = folders
    for part in parts:
        level = level.get(part) or {}
        if not isinstance(level, Mapping):
            break
        value = level.get(f"+{key}", value)
    return value


def _configures(folders: Any, key: str) -> bool:
    """Whether ``+key`` is set for any folder of the configuration tree."""
    if not isinstance(folders, Mapping):
        return False
    return f"+{key}" in folders or any(_configures(value, key) for value in folders.values())


def _is_enforced(contract: Any) -> bool:
    return isinstance(contract, Mapping) and bool(contract.get("enforced"))


def _contract_of(model: Mapping[str, Any], schema: str) -> MartContract:
    columns = []
    for column in model.get("columns") or []:
        if "data_type" not in column:
            name = f"{model['name']}.{column['name']}"
            raise ValueError(f"{name}: contracted column without data_type")
        constraints = column.get("constraints") or []
        columns.append(
            ContractColumn(
                name=column["name"],
                data_type=str(column["data_type"]),
                not_null=any(constraint.get("type") == "not_null" for constraint in constraints),
            )
        )
    return MartContract(name=model["name"], schema=schema, columns=tuple(columns))


@cache
def contracts(project_dir: Path = DBT_PROJECT_DIR) -> dict[str, MartContract]:
    """Every model with an enforced contract, by name, in file order.

    The contract may be enforced in the model's own ``config`` or for its folder
    in ``dbt_project.yml``; the schema is the model's own ``config.schema`` or the
    folder's ``+schema``.
    """
    _, folders = _folder_configs(project_dir)
    folder_contracts = _configures(folders, "contract")
    models_dir = project_dir / "models"
    found: dict[str, MartContract] = {}
    for path in sorted(models_dir.rglob("*.yml")):
        text = path.read_text(encoding="utf-8")
        if not folder_contracts and "contract" not in text:
            continue  # no contract can be enforced here: skip parsing (the app starts faster)
        document = yaml.load(text, Loader=_Loader) or {}
        parts = path.parent.relative_to(models_dir).parts
        for model in document.get("models") or []:
            config = model.get("config") or {}
            enforced = config.get("contract", _folder_setting(folders, parts, "contract"))
            if not _is_enforced(enforced):
                continue
            schema = config.get("schema") or _folder_setting(folders, parts, "schema")
            if not schema:
                raise ValueError(f"{model['name']}: no schema configured for {path}")
            found[model["name"]] = _contract_of(model, str(schema))
    return found


def mart_columns(names: Iterable[str] | None = None) -> dict[str, tuple[str, ...]]:
    """Contracted columns per mart (all contracted models, or those ``names``)."""
    declared = contracts()
    chosen = list(declared) if names is None else list(names)
    unknown = sorted(set(chosen) - set(declared))
    if unknown:
        raise KeyError(f"no enforced contract for: {', '.join(unknown)}")
    return {name: declared[name].column_names for name in chosen}


def create_tables_sql(names: Iterable[str], with_constraints: bool = True) -> str:
    """``create schema if not exists`` + ``create table`` for each of ``names``, as contracted."""
    declared = contracts()
    statements: list[str] = []
    schemas: list[str] = []
    for name in names:
        if name not in declared:
            raise KeyError(f"no enforced contract for: {name}")
        contract = declared[name]
        if contract.schema not in schemas:
            schemas.append(contract.schema)
            statements.append(f"create schema if not exists {contract.schema};")
        statements.append(contract.create_table_sql(with_constraints))
    return "\n".join(statements)
