"""The production selector names the same nodes the hard-coded selection did.

``selectors.yml``'s ``production`` replaced ``dbt build --exclude-resource-type
unit_test``: ``dbt ls`` of both must list the same nodes (sources and exposures
included), and leave out exactly the project's unit tests. dbt parses the project
once, in process, against the profile's in-memory ``lint`` target (no warehouse).
"""

from __future__ import annotations

import json

import pytest
from dbt.cli.main import dbtRunner

from cxbench.pipeline import DBT_BUILD, WITHOUT_UNIT_TESTS, build_command
from cxcore.settings import DBT_PROJECT_DIR

SELECTIONS = {
    "production": list(DBT_BUILD[1:]),  # --selector production
    "before": list(WITHOUT_UNIT_TESTS),  # the hard-coded selection it replaced
    "everything": [],
    "unit tests": ["--resource-type", "unit_test"],
}


@pytest.fixture(scope="module")
def listed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, set[str]]:
    """Unique ids ``dbt ls`` lists for each of :data:`SELECTIONS`."""
    target = tmp_path_factory.mktemp("dbt_ls")
    common = ["--project-dir", str(DBT_PROJECT_DIR), "--profiles-dir", str(DBT_PROJECT_DIR),
              "--target", "lint", "--target-path", str(target), "--log-path", str(target),
              "--quiet"]  # fmt: skip
    parsed = dbtRunner().invoke(["parse", *common])
    assert parsed.success, parsed.exception
    runner = dbtRunner(manifest=parsed.result)  # one parse for every listing
    result = {}
    for name, arguments in SELECTIONS.items():
        listing = runner.invoke(
            ["ls", *arguments, "--output", "json", "--output-keys", "unique_id", *common]
        )
        assert listing.success, listing.exception
        result[name] = {json.loads(line)["unique_id"] for line in listing.result}
    return result


def test_the_production_selector_lists_what_the_hard_coded_selection_listed(
    listed: dict[str, set[str]],
) -> None:
    assert listed["production"] == listed["before"]
    kinds = {unique_id.split(".")[0] for unique_id in listed["production"]}
    assert {"model", "seed", "test", "source", "exposure"} <= kinds


def test_the_production_selector_leaves_out_exactly_the_unit_tests(
    listed: dict[str, set[str]],
) -> None:
    assert listed["unit tests"], "the project has unit tests"
    assert listed["everything"] - listed["production"] == listed["unit tests"]


def test_the_production_build_runs_the_selector_and_a_partial_one_the_same_exclusion() -> None:
    assert build_command() == ["build", "--selector", "production"]
    # dbt ignores --select beside --selector: a partial build excludes unit tests itself
    assert build_command(select=["dim_company+"]) == [
        "build",
        "--select",
        "dim_company+",
        "--exclude-resource-type",
        "unit_test",
    ]
    assert build_command(unit_tests=True, select=["dim_company"]) == [
        "build",
        "--select",
        "dim_company",
    ]
