"""What a researcher receives: files, columns, scales and planted personal data."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow.parquet as pq
import pytest
import yaml

from cxbench.generator import generate_world
from cxbench.generator.comment_text import TEXT
from cxbench.generator.countries import COUNTRIES as COUNTRIES_BY_CODE
from cxbench.generator.export import OUTCOME_COLUMNS, statement_columns
from cxbench.generator.model import AGE_BANDS, AGE_RANGES, DONT_KNOW_CODE
from cxcore.catalogue import statement_ids

COUNTRIES = ["NL", "NO", "PL", "GB", "DE"]
WAVES = [2024, 2025]
EVALUATIONS = 20_000


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[int]]:
    out = tmp_path_factory.mktemp("world")
    reported: list[int] = []
    generate_world(out, EVALUATIONS, WAVES, COUNTRIES, seed=3, progress=reported.append)
    return out, reported


@pytest.fixture(scope="module")
def survey(world: tuple[Path, list[int]]) -> dict[str, pd.DataFrame]:
    out, _ = world
    return {path.stem: pd.read_csv(path) for path in sorted((out / "survey").glob("*.csv"))}


def _read(out: Path, name: str) -> pd.DataFrame:
    return pd.read_csv(out / name, keep_default_na=False, na_values=[""])


def test_rows_add_up_to_the_requested_evaluations_and_progress_reports_them(
    world: tuple[Path, list[int]], survey: dict[str, pd.DataFrame]
) -> None:
    _, reported = world
    assert sorted(survey) == [f"cx_{c}_{w}" for c in sorted(COUNTRIES) for w in WAVES]
    assert sum(len(frame) for frame in survey.values()) == EVALUATIONS
    assert sum(reported) == EVALUATIONS
    de, no = len(survey["cx_DE_2024"]), len(survey["cx_NO_2024"])
    assert de > 2 * no  # split by country size
    assert len(survey["cx_DE_2024"]) == len(survey["cx_DE_2025"])


def test_every_export_column_is_mapped_and_every_mapped_column_exists(
    world: tuple[Path, list[int]], survey: dict[str, pd.DataFrame]
) -> None:
    out, _ = world
    for stem, frame in survey.items():
        mapping = yaml.safe_load((out / "survey" / f"{stem}.mapping.yaml").read_text())
        _, country, wave = stem.split("_")
        assert mapping["fixed"] == {"country": country, "wave": int(wave)}
        assert mapping["defaults"] == {"scale": [1, 10], "missing": [99]}
        assert list(mapping["statements"]) == statement_ids()
        mapped = [
            *mapping["keys"].values(),
            *mapping["fields"].values(),
            *mapping["statements"].values(),
            *(item["column"] for item in mapping["outcomes"].values()),
            mapping["text"]["comment"],
        ]
        assert sorted(mapped) == sorted(frame.columns)
        assert "country" not in frame.columns and "wave" not in frame.columns


def test_answers_stay_inside_their_scales(survey: dict[str, pd.DataFrame]) -> None:
    frame = pd.concat(survey.values())
    statements = frame[list(statement_columns().values())].to_numpy()
    assert np.isin(statements, [*range(1, 11), DONT_KNOW_CODE]).all()
    for column, (low, high) in OUTCOME_COLUMNS.values():
        assert frame[column].between(low, high).all(), column
        assert frame[column].nunique() >= high - low  # the whole scale is used
    assert set(frame["channel"]) == {"store", "web", "app", "phone", "chat"}
    assert set(frame["gender"]) == {"female", "male"}
    assert frame["age"].between(18, 85).all()


def test_dont_know_is_about_five_percent_and_higher_for_resolution(
    survey: dict[str, pd.DataFrame],
) -> None:
    frame = pd.concat(survey.values())
    columns = statement_columns()
    unknown = frame[list(columns.values())] == DONT_KNOW_CODE
    assert 0.04 < unknown.to_numpy().mean() < 0.06
    resolution = [columns[s] for s in columns if s.startswith("res_")]
    integrity = [columns[s] for s in columns if s.startswith("int_")]
    assert unknown[resolution].to_numpy().mean() > 1.5 * unknown[integrity].to_numpy().mean()


def test_interaction_dates_fall_inside_the_wave_year(survey: dict[str, pd.DataFrame]) -> None:
    for stem, frame in survey.items():
        year = int(stem.rsplit("_", 1)[1])
        assert pd.to_datetime(frame["visit_date"]).dt.year.eq(year).all()


def test_respondents_rate_one_to_six_distinct_brands_of_their_country(
    survey: dict[str, pd.DataFrame],
) -> None:
    ids: set[str] = set()
    for stem, frame in survey.items():
        country, wave = stem.split("_")[1:]
        per_person = frame.groupby("resp_id")["brand_code"].agg(["count", "nunique"])
        assert per_person["count"].between(1, 6).all()
        assert (per_person["count"] == per_person["nunique"]).all()
        assert 2.0 < per_person["count"].mean() < 2.7
        assert frame["brand_code"].str.startswith(f"{country}-").all()
        assert frame["resp_id"].str.startswith(f"{country}{wave}-R").all()
        assert ids.isdisjoint(per_person.index)
        ids.update(per_person.index)


def test_margins_sum_to_one_and_the_sample_is_skewed_young_and_female(
    world: tuple[Path, list[int]], survey: dict[str, pd.DataFrame]
) -> None:
    out, _ = world
    margins = _read(out, "industry/margins.csv")
    totals = margins.groupby(["country", "wave", "dimension"])["share"].sum()
    assert np.allclose(totals, 1.0) and len(totals) == len(COUNTRIES) * len(WAVES) * 2
    bounds = [low for low, _ in AGE_RANGES[1:]]
    for stem, frame in survey.items():
        _, country, wave = stem.split("_")
        people = frame.drop_duplicates("resp_id")
        band = np.asarray(AGE_BANDS)[np.searchsorted(bounds, people["age"], side="right")]
        sample = pd.Series(band).value_counts(normalize=True)
        share = margins[(margins.country == country) & (margins.wave == int(wave))]
        population = share.set_index(["dimension", "category"])["share"]
        assert sample["18-24"] > 1.3 * population["age_band", "18-24"], stem
        assert sample["65+"] < 0.7 * population["age_band", "65+"], stem
        female = (people["gender"] == "female").mean()
        assert female > population["gender", "female"] + 0.07, stem


def test_planted_personal_data_occurs_in_the_comment_of_its_row(
    world: tuple[Path, list[int]], survey: dict[str, pd.DataFrame]
) -> None:
    out, _ = world
    planted = _read(out, "truth/planted_pii.csv")
    assert set(planted["kind"]) == {"name", "email", "phone"}
    comments = sum(frame["remarks"].notna().sum() for frame in survey.values())
    assert 0.04 < len(planted) / comments < 0.12
    for item in planted.itertuples():
        frame = survey[Path(item.file).stem]
        assert item.value in frame["remarks"].iloc[item.row_number - 1], item
    phones = planted.loc[planted.kind == "phone", "value"]
    assert phones.str.startswith("+").any() and (~phones.str.startswith("+")).any()


def test_about_thirty_percent_of_evaluations_have_a_comment_in_the_local_language(
    survey: dict[str, pd.DataFrame],
) -> None:
    frame = pd.concat(survey.values())
    assert 0.25 < frame["remarks"].notna().mean() < 0.35
    for stem, frame in survey.items():
        language = COUNTRIES_BY_CODE[stem.split("_")[1]].language
        text = TEXT[language]
        openers = (*text.positive, *text.neutral, *text.negative)
        assert frame["remarks"].dropna().map(lambda c, o=openers: c.startswith(o)).all(), stem


def test_parquet_holds_the_same_rows_as_the_csv(
    world: tuple[Path, list[int]], survey: dict[str, pd.DataFrame]
) -> None:
    out, _ = world
    parquet = pq.read_table(out / "survey" / "cx_PL_2025.parquet").to_pandas()
    csv = survey["cx_PL_2025"]
    assert parquet["resp_id"].tolist() == csv["resp_id"].tolist()
    assert (parquet["q07"].to_numpy() == csv["q07"].to_numpy()).all()
    assert parquet["remarks"].fillna("").tolist() == csv["remarks"].fillna("").tolist()


def test_manifest_lists_every_file_with_rows_and_checksum(world: tuple[Path, list[int]]) -> None:
    out, _ = world
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["seed"] == 3
    assert manifest["arguments"] == {
        "evaluations": EVALUATIONS,
        "waves": WAVES,
        "countries": COUNTRIES,
    }
    listed = {entry["path"]: entry for entry in manifest["files"]}
    on_disk = {path.relative_to(out).as_posix() for path in out.rglob("*") if path.is_file()} - {
        "manifest.json"
    }
    assert set(listed) == on_disk
    for path, entry in listed.items():
        assert entry["sha256"] == hashlib.sha256((out / path).read_bytes()).hexdigest()
    assert listed["survey/cx_NL_2024.csv"]["rows"] == listed["survey/cx_NL_2024.parquet"]["rows"]


def test_industry_files_describe_sectors_and_long_tailed_companies(
    world: tuple[Path, list[int]],
) -> None:
    out, _ = world
    sectors = _read(out, "industry/sectors.csv")
    assert len(sectors) == 11 and sectors["sector_code"].is_unique
    assert sectors["nace_division"].astype(str).str.fullmatch(r"\d\d").all()
    companies = _read(out, "industry/companies.csv")
    assert companies["brand_id"].is_unique
    assert companies["brand_id"].str.fullmatch(r"[A-Z]{2}-[A-Z]{3}-\d{2}").all()
    assert set(companies["sector_code"]) == set(sectors["sector_code"])
    per_sector = companies.groupby(["country", "sector_code"]).size()
    assert per_sector.between(6, 14).all()
    assert companies["parent"].notna().any() and companies["parent"].isna().mean() > 0.5
    revenue = companies["revenue"]
    assert revenue.max() > 20 * revenue.median()  # long tail


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda out: generate_world(out, 100, [2024], ["NL", "XX"], 1), "XX"),
        (lambda out: generate_world(out, -1, [2024], ["NL"], 1), "evaluations"),
        (lambda out: generate_world(out, 100, [2024, 2024], ["NL"], 1), "more than once"),
    ],
)
def test_invalid_arguments_raise_value_error_naming_the_problem(
    tmp_path: Path, call: Callable[[Path], object], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        call(tmp_path)
