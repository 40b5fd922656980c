"""The provider's export format: column names, Arrow schema and questionnaire mapping.

The export imitates a panel provider: its own column names, statements numbered
``q01..q30`` in catalogue order, no country or wave column (the mapping supplies
both as fixed values) and don't-know stored as 99.
"""

from __future__ import annotations

from typing import Any

import pyarrow as pa
import yaml

from cxbench.generator.model import DONT_KNOW_CODE
from cxcore.catalogue import statement_ids

KEY_COLUMNS = {"respondent_id": "resp_id", "brand_id": "brand_code"}
FIELD_COLUMNS = {
    "interaction_date": "visit_date",
    "channel": "channel",
    "age": "age",
    "gender": "gender",
}
OUTCOME_COLUMNS: dict[str, tuple[str, tuple[int, int]]] = {
    "nps": ("recommend", (0, 10)),
    "loyalty": ("stay", (0, 10)),
    "csat": ("satisfaction", (1, 5)),
    "ces": ("effort", (1, 7)),
}
COMMENT_COLUMN = "remarks"
STATEMENT_SCALE = (1, 10)


def statement_columns() -> dict[str, str]:
    """Statement id -> provider column (q01, q02, … in catalogue order)."""
    return {statement: f"q{number:02d}" for number, statement in enumerate(statement_ids(), 1)}


def export_schema() -> pa.Schema:
    """Arrow schema of a survey export, in column order."""
    return pa.schema(
        [
            (KEY_COLUMNS["respondent_id"], pa.string()),
            (KEY_COLUMNS["brand_id"], pa.string()),
            (FIELD_COLUMNS["interaction_date"], pa.date32()),
            (FIELD_COLUMNS["channel"], pa.string()),
            (FIELD_COLUMNS["age"], pa.int16()),
            (FIELD_COLUMNS["gender"], pa.string()),
            *((column, pa.int16()) for column in statement_columns().values()),
            *((column, pa.int16()) for column, _ in OUTCOME_COLUMNS.values()),
            (COMMENT_COLUMN, pa.string()),
        ]
    )


class FlowMap(dict):
    """A mapping written on one line ({a: 1, b: 2}), as in the contract's example."""


class _Dumper(yaml.SafeDumper):
    pass


def _represent_flow(dumper: yaml.SafeDumper, data: FlowMap) -> yaml.Node:
    return dumper.represent_mapping("tag:yaml.org,2002:map", data, flow_style=True)


def _represent_list(dumper: yaml.SafeDumper, data: list[Any]) -> yaml.Node:
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=True)


_Dumper.add_representer(FlowMap, _represent_flow)
_Dumper.add_representer(list, _represent_list)


def mapping_document(country: str, country_name: str, wave: int) -> dict[str, Any]:
    """The questionnaire mapping of one export (contract section 2)."""
    return {
        "mapping_version": 1,
        "description": f"Synthetic panel export, {country_name} {wave}",
        "source": FlowMap(format="csv", delimiter=",", encoding="utf-8"),
        "fixed": FlowMap(country=country, wave=wave),
        "keys": dict(KEY_COLUMNS),
        "fields": dict(FIELD_COLUMNS),
        "defaults": {"scale": list(STATEMENT_SCALE), "missing": [DONT_KNOW_CODE]},
        "statements": statement_columns(),
        # NPS is asked on whole steps 0-10: a fraction in the file is an error, not an answer.
        "outcomes": {
            name: FlowMap(
                column=column, scale=list(scale), **({"integer": True} if name == "nps" else {})
            )
            for name, (column, scale) in OUTCOME_COLUMNS.items()
        },
        "text": {"comment": COMMENT_COLUMN},
    }


def mapping_yaml(country: str, country_name: str, wave: int) -> str:
    """The mapping as YAML text (``NO`` is quoted, so it does not read as false)."""
    return dump_mapping(mapping_document(country, country_name, wave))


def dump_mapping(document: dict[str, Any]) -> str:
    """A mapping document as YAML text, keys in the order given."""
    return yaml.dump(document, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)
