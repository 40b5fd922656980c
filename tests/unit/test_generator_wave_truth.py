"""Truth per wave over active companies: grain and columns as documented; default bytes kept."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from cxbench.cli import app
from cxbench.generator import generate_world, truth_waves
from cxbench.generator.model import MODEL_PILLARS
from cxbench.generator.outcomes import OUTCOMES

ROOT = Path(__file__).resolve().parents[2]
WAVE_FILES = (
    "truth/pillar_importance_by_wave.csv",
    "truth/r2_by_wave.csv",
    "truth/company_outcomes.csv",
)
#: Digest of generate_world(out, 3_000, [2024, 2025], ["NL"], seed=5) before the
#: harder world existed (commit e416638, checked again on 2026-12-03 with pyarrow
#: 26): manifest.json, whose entries carry every file's sha256, except that a
#: Parquet file counts by its rows, not its bytes (see _generator_digest).
DEFAULT_WORLD_DIGEST = "ddf2fabd4a66f9327a73774811e1b94fa7b7ba185f2dd000002feba12ff12b09"


def _documented_columns(name: str) -> list[str]:
    """Columns of ``name`` as listed in docs/data-contracts.md §1 (continuation lines too)."""
    text = (ROOT / "docs" / "data-contracts.md").read_text(encoding="utf-8")
    match = re.search(rf"^  {re.escape(name)}\s+(.+?)\n(?=  \S|```|  #)", text, re.M | re.S)
    assert match, f"{name} is not documented in data-contracts §1"
    return [column.strip() for column in " ".join(match.group(1).split()).split(",")]


@pytest.fixture(scope="module")
def harder_world(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("harder")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(truth_waves, "WAVE_IMPORTANCE_SAMPLE", 30_000)
        patch.setattr(truth_waves, "OUTCOME_TRUTH_SAMPLE", 2_000)
        generate_world(out, 2_000, [2024, 2025], ["NL", "NO"], seed=9, workers=1, realism="harder")
    return out


@pytest.mark.parametrize("name", WAVE_FILES)
def test_wave_truth_files_have_the_documented_columns(harder_world: Path, name: str) -> None:
    table = pd.read_csv(harder_world / name)
    assert list(table.columns) == _documented_columns(name)
    assert not table.isna().any().any()


def test_importance_by_wave_is_one_row_per_country_wave_outcome_pillar(harder_world: Path) -> None:
    weights = pd.read_csv(harder_world / "truth/pillar_importance_by_wave.csv")
    r2 = pd.read_csv(harder_world / "truth/r2_by_wave.csv")
    key = ["country", "wave", "outcome"]
    assert not weights.duplicated([*key, "pillar_id"]).any()
    assert len(weights) == 2 * 2 * len(OUTCOMES) * len(MODEL_PILLARS)
    assert not r2.duplicated(key).any() and len(r2) == 2 * 2 * len(OUTCOMES)
    totals = weights.groupby(key).agg(share=("share", "sum"), raw=("raw_weight", "sum"))
    assert totals["share"].to_numpy() == pytest.approx(1.0)
    merged = totals.join(r2.set_index(key))
    assert merged["raw"].to_numpy() == pytest.approx(merged["r2"].to_numpy())


def test_company_outcomes_cover_exactly_the_active_companies(harder_world: Path) -> None:
    outcomes = pd.read_csv(harder_world / "truth/company_outcomes.csv")
    waves = pd.read_csv(harder_world / "truth/company_waves.csv")
    key = ["brand_id", "country", "wave"]
    assert not outcomes.duplicated([*key, "outcome"]).any()
    assert set(outcomes["outcome"]) == {"nps", "csat", "ces"}
    active = waves.loc[waves["is_active"], key]
    rated = outcomes[key].drop_duplicates()
    assert sorted(map(tuple, rated.to_numpy())) == sorted(map(tuple, active.to_numpy()))
    nps = outcomes.loc[outcomes["outcome"] == "nps", "true_value"]
    boxes = outcomes.loc[outcomes["outcome"] != "nps", "true_value"]
    assert nps.between(-100, 100).all() and boxes.between(0, 100).all()
    assert nps.std() > 5  # companies differ: the truth is not a constant
    assert (outcomes["true_std_error"] > 0).all() and (outcomes["n_draws"] == 2_000).all()


def _generator_digest(world: Path) -> str:
    """sha256 of the manifest with each Parquet file's bytes replaced by its rows.

    A Parquet file records the writer that made it (``created_by: parquet-cpp-arrow
    version …``), so its bytes change with every pyarrow release; its values, read
    back as Python objects, do not.
    """
    manifest = json.loads((world / "manifest.json").read_text(encoding="utf-8"))
    for entry in manifest["files"]:
        if entry["path"].endswith(".parquet"):
            rows = pq.read_table(world / entry["path"]).to_pylist()
            entry["sha256"] = hashlib.sha256(repr(rows).encode()).hexdigest()
    return hashlib.sha256(json.dumps(manifest, sort_keys=True).encode()).hexdigest()


def test_the_default_world_keeps_its_bytes(tmp_path: Path) -> None:
    generate_world(tmp_path, 3_000, [2024, 2025], ["NL"], seed=5, workers=1)
    assert _generator_digest(tmp_path) == DEFAULT_WORLD_DIGEST
    assert not any((tmp_path / name).exists() for name in WAVE_FILES)


def test_wave_truth_on_the_default_world_only_adds_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(truth_waves, "WAVE_IMPORTANCE_SAMPLE", 20_000)
    monkeypatch.setattr(truth_waves, "OUTCOME_TRUTH_SAMPLE", 500)
    generate_world(tmp_path / "plain", 1_000, [2024], ["NO"], seed=5, workers=1)
    generate_world(tmp_path / "more", 1_000, [2024], ["NO"], seed=5, workers=1, wave_truth=True)
    plain = {p.relative_to(tmp_path / "plain") for p in (tmp_path / "plain").rglob("*.csv")}
    more = {p.relative_to(tmp_path / "more") for p in (tmp_path / "more").rglob("*.csv")}
    assert more - plain == {Path(name) for name in WAVE_FILES}
    for name in plain:
        assert (tmp_path / "plain" / name).read_bytes() == (tmp_path / "more" / name).read_bytes()
    r2 = pd.read_csv(tmp_path / "more" / "truth/r2_by_wave.csv")
    assert r2["r2"].between(0.55, 0.72).all()  # the default world's calibrated R²


def test_cli_generate_writes_the_harder_world_and_refuses_an_unknown_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(truth_waves, "WAVE_IMPORTANCE_SAMPLE", 20_000)
    monkeypatch.setattr(truth_waves, "OUTCOME_TRUTH_SAMPLE", 300)
    runner = CliRunner()
    base = ["generate", "--evaluations", "500", "--countries", "NO", "--waves", "2025"]
    result = runner.invoke(app, [*base, "--out", str(tmp_path / "w"), "--world", "harder"])
    assert result.exit_code == 0, result.output
    assert all((tmp_path / "w" / name).exists() for name in WAVE_FILES)
    plain = runner.invoke(app, [*base, "--out", str(tmp_path / "p"), "--no-wave-truth"])
    assert plain.exit_code == 0 and not (tmp_path / "p" / WAVE_FILES[0]).exists()
    refused = runner.invoke(app, [*base, "--out", str(tmp_path / "x"), "--world", "easy"])
    assert refused.exit_code == 2
    assert "unknown world" in refused.output
