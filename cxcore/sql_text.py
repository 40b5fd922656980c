"""Quoting for the few names and literals that come from configuration files.

Mapping files name source columns and missing codes; they are researcher
configuration, not user input, but a column called ``Q1 "overall"`` must still
produce valid SQL. Values from data never pass through here: they stay in tables.
"""

from __future__ import annotations


def quote_identifier(name: str) -> str:
    """Quote a column or table name for DuckDB."""
    return '"' + name.replace('"', '""') + '"'


def quote_literal(value: str) -> str:
    """Quote a string literal for DuckDB."""
    return "'" + value.replace("'", "''") + "'"


def number_literal(value: float) -> str:
    """Render a float so that SQL reads back exactly the same double."""
    return repr(float(value))
