"""Methodology page: written from the parameters in the warehouse, not from the code."""

from __future__ import annotations

from pathlib import Path

import duckdb
from fixture_audit import PARAMETERS
from page_helpers import MakePage, choose, run, table_with
from warehouse_fixture import METHODOLOGY

from cxbench.app import state


def test_text_quotes_the_parameters_the_build_used(warehouse: Path, make_page: MakePage) -> None:
    at = run(make_page("methodology"))

    text = "\n".join(item.value for item in at.markdown)
    assert f"methodology version **{METHODOLOGY}**" in text
    assert "at least 100 evaluations" in text
    assert "at least 2 ranked companies, none weighing more than 60%" in text
    assert "raked to population margins on age_band, gender" in text
    # the limit the recovery tests measure (tests/integration/test_recovery_limits.py)
    assert "represent the population only on age_band, gender" in text
    shown = table_with(at, "parameter_name", "parameter_value")
    assert sorted(zip(shown["parameter_name"], shown["parameter_value"], strict=True)) == sorted(
        (name, value) for name, value, _ in PARAMETERS
    )


def test_changed_parameters_change_the_page(warehouse: Path, make_page: MakePage) -> None:
    with duckdb.connect(str(warehouse)) as connection:
        connection.execute(
            "update marts.dim_methodology set parameter_value = '150'"
            " where parameter_name = 'min_base'"
        )
    at = run(make_page("methodology"))

    text = "\n".join(item.value for item in at.markdown)
    assert "at least 150 evaluations" in text
    assert "at least 100 evaluations" not in text


def test_methodology_in_polish(warehouse: Path, make_page: MakePage) -> None:
    at = run(make_page("methodology"))
    choose(at, state.LANGUAGE, "pl")

    text = "\n".join(item.value for item in at.markdown)
    assert "co najmniej 100 ocenami" in text
    assert at.title[0].value == "Metodologia"
