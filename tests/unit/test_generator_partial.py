"""The partial-instrument study: a shorter questionnaire in the same world (issue 14)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import yaml
from typer.testing import CliRunner

from cxbench.cli import app
from cxbench.generator import generate_world
from cxbench.generator.countries import resolve_countries
from cxbench.generator.export import FIELD_COLUMNS, KEY_COLUMNS, OUTCOME_COLUMNS
from cxbench.generator.model import DONT_KNOW_CODE
from cxbench.generator.partial import PARTIAL_STATEMENTS, PARTIAL_STUDY, partial_pillars
from cxbench.generator.truth import (
    expected_statement_scores,
    measured_pillar_means,
    true_pillar_means,
)
from cxbench.generator.world import build_world
from cxbench.ingestion.mapping_parse import load_mapping
from cxcore.catalogue import pillars, statement_ids, statements, statements_of

COUNTRIES = ["NL", "PL"]
WAVES = [2024, 2025]
EVALUATIONS, PARTIAL = 3_000, 2_000
SEED = 7
PILLARS = [pillar.pillar_id for pillar in pillars()]
PILLAR_OF = {statement.statement_id: statement.pillar_id for statement in statements()}


def _generate(out: Path, partial: int = PARTIAL, workers: int = 1) -> Path:
    generate_world(
        out, EVALUATIONS, WAVES, COUNTRIES, SEED, workers=workers, partial_study_evaluations=partial
    )
    return out


def _contents(out: Path) -> dict[str, bytes]:
    return {
        path.relative_to(out).as_posix(): path.read_bytes()
        for path in sorted(out.rglob("*"))
        if path.is_file()
    }


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _generate(tmp_path_factory.mktemp("partial"))


def _exports(world: Path) -> dict[str, pd.DataFrame]:
    return {
        path.stem: pd.read_csv(path) for path in sorted((world / "survey").glob("partial_*.csv"))
    }


def _mapping(world: Path, stem: str) -> dict[str, object]:
    return yaml.safe_load((world / "survey" / f"{stem}.mapping.yaml").read_text())


def test_one_partial_export_per_country_and_wave_beside_the_panel(world: Path) -> None:
    exports = _exports(world)
    assert sorted(exports) == [f"partial_{c}_{w}" for c in COUNTRIES for w in WAVES]
    assert sum(len(frame) for frame in exports.values()) == PARTIAL
    companies = pd.read_csv(world / "industry" / "companies.csv")
    for stem, frame in exports.items():
        _, country, wave = stem.split("_")
        assert _mapping(world, stem)["fixed"] == {"country": country, "wave": int(wave)}
        assert set(frame["brand_code"]) <= set(
            companies.loc[companies["country"] == country, "brand_id"]
        )
        panel = pd.read_csv(world / "survey" / f"cx_{country}_{wave}.csv")
        # its own sample: its own respondent ids, never one of the panel's
        assert frame["resp_id"].str.startswith(f"{country}{wave}-T").all()
        assert not set(frame["resp_id"]) & set(panel["resp_id"])


def test_partial_export_has_exactly_the_measured_statement_columns(world: Path) -> None:
    for stem, frame in _exports(world).items():
        mapping = _mapping(world, stem)
        assert list(mapping["statements"]) == list(PARTIAL_STATEMENTS)
        statement_columns = list(mapping["statements"].values())
        assert list(frame.columns) == [
            *KEY_COLUMNS.values(),
            *FIELD_COLUMNS.values(),
            *statement_columns,
            *(column for column, _ in OUTCOME_COLUMNS.values()),
        ]
        answers = frame[statement_columns].to_numpy()
        assert (((answers >= 1) & (answers <= 10)) | (answers == DONT_KNOW_CODE)).all()
        assert 0.01 < (answers == DONT_KNOW_CODE).mean() < 0.1
        assert "text" not in mapping  # the tracker has no open question


def test_mapping_names_the_study_and_declares_what_it_covers(world: Path) -> None:
    for stem in _exports(world):
        mapping = _mapping(world, stem)
        assert mapping["study"] == {
            "id": "synthetic-partial",
            "name": PARTIAL_STUDY.name,
            "instrument": f"{len(PARTIAL_STATEMENTS)} of {len(statement_ids())} statements",
        }
        assert re.fullmatch(r"[a-z0-9_-]+", mapping["study"]["id"])
        assert mapping["coverage"]["pillars"] == partial_pillars()
        assert mapping["coverage"]["outcomes"] == list(OUTCOME_COLUMNS)
    # the documented subset: a pillar from one statement and a pillar not measured
    measured = pd.Series([PILLAR_OF[statement] for statement in PARTIAL_STATEMENTS]).value_counts()
    assert measured.to_dict() == {
        "personalisation": 2,
        "integrity": 3,
        "expectations": 1,
        "resolution": 2,
        "empathy": 2,
    }
    assert partial_pillars() == [pillar for pillar in PILLARS if pillar != "time_effort"]


def test_the_mapping_loads_as_its_own_study_with_the_measured_statements(world: Path) -> None:
    for stem, frame in _exports(world).items():
        mapping = load_mapping(world / "survey" / f"{stem}.mapping.yaml")
        assert mapping.study.study_id == PARTIAL_STUDY.id
        assert mapping.measured_statements() == tuple(
            sid for sid in statement_ids() if sid in PARTIAL_STATEMENTS
        )
        assert list(mapping.statements) == list(PARTIAL_STATEMENTS)
        assert sorted(mapping.outcomes) == sorted(OUTCOME_COLUMNS)
        assert mapping.coverage.partial
        assert list(mapping.coverage.pillars) == partial_pillars()
        assert set(mapping.source_columns()) <= set(frame.columns)


def test_truth_covers_the_measured_pillars_of_every_active_company(world: Path) -> None:
    partial = pd.read_csv(world / "truth" / "partial_study_pillar_means.csv")
    panel = pd.read_csv(world / "truth" / "company_pillar_means.csv")
    assert list(partial.columns) == ["brand_id", "country", "wave", "pillar_id", "true_mean"]
    assert sorted(partial["pillar_id"].unique()) == sorted(partial_pillars())
    keys = ["brand_id", "country", "wave"]
    companies = partial[keys].drop_duplicates().reset_index(drop=True)
    assert companies.equals(panel[keys].drop_duplicates().reset_index(drop=True))
    assert len(partial) == len(companies) * len(partial_pillars())
    assert partial["true_mean"].between(1, 10).all()


def test_manifest_lists_the_partial_files_and_the_argument(world: Path) -> None:
    manifest = json.loads((world / "manifest.json").read_text())
    assert manifest["arguments"]["partial_study_evaluations"] == PARTIAL
    listed = {entry["path"]: entry for entry in manifest["files"]}
    on_disk = {path.relative_to(world).as_posix() for path in world.rglob("*") if path.is_file()}
    assert set(listed) == on_disk - {"manifest.json"}
    assert listed["survey/partial_NL_2024.mapping.yaml"]["rows"] is None
    rows = sum(listed[f"survey/{stem}.csv"]["rows"] for stem in _exports(world))
    assert rows == PARTIAL
    assert "truth/partial_study_pillar_means.csv" in listed


def test_same_seed_gives_the_same_bytes_with_one_or_two_workers(
    world: Path, tmp_path: Path
) -> None:
    assert _contents(_generate(tmp_path / "again", workers=2)) == _contents(world)


def test_the_panel_does_not_depend_on_whether_a_partial_study_was_asked_for(
    world: Path, tmp_path: Path
) -> None:
    without = _contents(_generate(tmp_path / "off", partial=0))
    with_partial = _contents(world)
    assert not [name for name in without if "partial" in name]
    differing = [
        name for name in without if name != "manifest.json" and without[name] != with_partial[name]
    ]
    assert differing == []
    assert "partial_study_evaluations" not in json.loads(without["manifest.json"])["arguments"]


@pytest.fixture(scope="module")
def expected_scores() -> tuple[np.ndarray, np.ndarray]:
    """Per statement expected scores and the panel's truth of one small country × wave."""
    built = build_world(SEED, resolve_countries(["NL"]), [2025])
    country = built.countries["NL"]
    per_statement = expected_statement_scores(country, 2025, built.statement_offsets)
    return per_statement, true_pillar_means(country, 2025, built.statement_offsets)


def test_a_pillar_measured_by_all_its_statements_has_the_panel_truth(
    expected_scores: tuple[np.ndarray, np.ndarray],
) -> None:
    per_statement, panel = expected_scores
    integrity, personalisation = PILLARS.index("integrity"), PILLARS.index("personalisation")
    measured = [*statements_of("integrity"), "per_1", "per_4"]
    means = measured_pillar_means(per_statement, measured)
    assert np.array_equal(means[:, integrity], panel[:, integrity])
    asked = [statement_ids().index(statement) for statement in ("per_1", "per_4")]
    expected = per_statement[:, asked].mean(axis=1)
    assert means[:, personalisation] == pytest.approx(expected, rel=1e-12)
    assert not np.allclose(means[:, personalisation], panel[:, personalisation])
    others = [
        p for p, pillar in enumerate(PILLARS) if pillar not in ("integrity", "personalisation")
    ]
    assert np.isnan(means[:, others]).all()
    assert np.array_equal(measured_pillar_means(per_statement, statement_ids()), panel)


def test_measured_pillar_means_refuses_an_unknown_statement(
    expected_scores: tuple[np.ndarray, np.ndarray],
) -> None:
    with pytest.raises(ValueError, match="tim_9"):
        measured_pillar_means(expected_scores[0], ["per_1", "tim_9"])


def test_cli_generate_writes_the_partial_study_and_refuses_a_negative_size(
    tmp_path: Path,
) -> None:
    runner = CliRunner()
    base = ["generate", "--evaluations", "500", "--countries", "NL", "--waves", "2025"]
    result = runner.invoke(
        app, [*base, "--out", str(tmp_path / "w"), "--partial-study-evaluations", "300"]
    )
    assert result.exit_code == 0, result.output
    assert len(pd.read_csv(tmp_path / "w" / "survey" / "partial_NL_2025.csv")) == 300
    refused = runner.invoke(
        app, [*base, "--out", str(tmp_path / "x"), "--partial-study-evaluations", "-1"]
    )
    assert refused.exit_code == 2
    assert "partial_study_evaluations" in refused.output
