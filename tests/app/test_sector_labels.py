"""Sector names are data, shown in the reader's language (marts.dim_sector_label)."""

from __future__ import annotations

from pathlib import Path

import duckdb

import cxbench.app.queries as queries
from cxbench.app.queries.warehouse import ANALYST, open_warehouse


def test_sector_labels_are_in_the_chosen_language(warehouse: Path) -> None:
    key = open_warehouse(ANALYST, warehouse)
    assert queries.sector_labels(key, "nl") == {"BANK": "Bankwezen", "TEL": "Telecommunicatie"}
    assert queries.sector_labels(key, "pl")["BANK"] == "Bankowość"


def test_a_sector_without_a_translation_shows_its_english_name(warehouse: Path) -> None:
    key = open_warehouse(ANALYST, warehouse)
    assert queries.sector_labels(key, "no") == {"BANK": "Banking", "TEL": "Telekommunikasjon"}


def test_a_warehouse_without_the_label_mart_shows_english_names(warehouse: Path) -> None:
    with duckdb.connect(str(warehouse)) as connection:
        connection.execute("drop table marts.dim_sector_label")
    key = open_warehouse(ANALYST, warehouse)
    assert queries.sector_labels(key, "pl") == {"BANK": "Banking", "TEL": "Telecom"}
