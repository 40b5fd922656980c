"""Every query on a study-keyed mart keeps to the chosen study.

Two warehouses: the canonical study alone, and the same plus ``shadow`` — a copy of
it under another study id with every number changed (same companies, countries,
waves and ranks) — and the reputation tracker. For each query function that takes
``study_id``, the canonical study's answer must be the same in both files (a query
that forgets the study picks up the other studies' rows), and another study's
answer must differ from it (a query that ignores the parameter cannot pass). A
query function without ``study_id`` must be on the short list of those that read
no study-keyed mart.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

import pandas as pd
import pytest
from test_query_columns import ARGUMENTS
from warehouse_fixture import (
    REPUTATION,
    REPUTATION_SCORES,
    SCORES,
    SHADOW,
    build_warehouse,
    shadow_of,
)

import cxbench.app.queries as queries
from cxbench.app.queries.warehouse import WarehouseFile

#: Query functions that read no study-keyed mart (or list every study on purpose).
WITHOUT_STUDY = {
    "studies",  # the study choice itself
    "studies_measured",  # the Methodology page's list of every study
    "methodology_coverage",  # grouped by study
    "methodology_parameters",
    "pillar_labels",
    "sector_labels",  # a dimension: sector names per language
    "latest_batches",
    "inactive_batches",
    "reject_reasons",
    "quality_runs",
    "quality_results",
    "maturity_available",
    "maturity_organisations",
    "maturity_stage",
    "maturity_profile",
    "maturity_links",
}
#: Extra arguments per function where the defaults find nothing to compare.
OVERRIDES: dict[str, dict[str, Any]] = {
    "leader_gaps": {"company_id": "nl_beta"},  # the leader's own gaps are all zero
}
#: Queries whose answer is the same for every study of the fixture (both score the
#: same two sectors in NL 2024), so only the first check applies.
SAME_FOR_EVERY_STUDY = {"sectors_scored"}


def _query_functions() -> dict[str, Callable[..., Any]]:
    found = {}
    for name in queries.__all__:
        function = getattr(queries, name)
        if callable(function) and not inspect.isclass(function):
            parameters = list(inspect.signature(function).parameters)
            if parameters[:1] == ["key"] and name != "open_warehouse":
                found[name] = function
    return found


STUDY_QUERIES = sorted(
    name
    for name, function in _query_functions().items()
    if "study_id" in inspect.signature(function).parameters
)


@pytest.fixture(scope="module")
def warehouses(tmp_path_factory: pytest.TempPathFactory) -> tuple[WarehouseFile, WarehouseFile]:
    """(canonical study alone, canonical + shadow + reputation) as warehouse keys."""
    folder = tmp_path_factory.mktemp("studies")
    alone = build_warehouse(folder / "alone.duckdb", other_studies=())
    both = build_warehouse(
        folder / "both.duckdb", other_studies=[*shadow_of(SCORES), *REPUTATION_SCORES]
    )
    return queries.open_warehouse(queries.ANALYST, alone), queries.open_warehouse(
        queries.ANALYST, both
    )


def _call(name: str, key: WarehouseFile, study_id: str) -> Any:
    function = getattr(queries, name)
    arguments = {**ARGUMENTS, **OVERRIDES.get(name, {}), "study_id": study_id}
    parameters = list(inspect.signature(function).parameters)[1:]
    return function(key, *(arguments[parameter] for parameter in parameters))


def _same(left: Any, right: Any) -> bool:
    if isinstance(left, pd.DataFrame):
        return left.reset_index(drop=True).equals(right.reset_index(drop=True))
    return left == right


def test_every_query_function_either_takes_the_study_or_reads_no_study_mart() -> None:
    without = {
        name
        for name, function in _query_functions().items()
        if "study_id" not in inspect.signature(function).parameters
    }
    assert without == WITHOUT_STUDY
    assert len(STUDY_QUERIES) >= 18


@pytest.mark.parametrize("name", STUDY_QUERIES)
def test_query_returns_the_chosen_studys_rows_only(
    name: str, warehouses: tuple[WarehouseFile, WarehouseFile]
) -> None:
    alone, both = warehouses

    canonical = _call(name, both, "cxbench")
    assert _same(canonical, _call(name, alone, "cxbench"))
    if name not in SAME_FOR_EVERY_STUDY:
        others = [_call(name, both, study_id) for study_id in (SHADOW, REPUTATION)]
        assert not all(_same(other, canonical) for other in others)
