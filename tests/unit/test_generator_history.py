"""Several consecutive waves: entrants, exits and movers, the same year whatever the run."""

from __future__ import annotations

import numpy as np

from cxbench.generator.countries import resolve_countries
from cxbench.generator.run import split_evaluations
from cxbench.generator.survey import survey_batches
from cxbench.generator.truth import company_pillar_rows, company_wave_rows, true_pillar_means
from cxbench.generator.world import build_world

WAVES = (2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026)


def test_companies_enter_and_exit_over_a_long_history() -> None:
    world = build_world(8, resolve_countries(["NL", "PL", "GB"]), WAVES)
    active = np.stack(
        [np.concatenate([c.active[wave] for c in world.countries.values()]) for wave in WAVES]
    )
    entered = (~active[:-1] & active[1:]).sum()
    exited = (active[:-1] & ~active[1:]).sum()
    assert entered >= 3 and exited >= 3
    assert active.mean() > 0.8  # most companies are there every year


def test_an_absent_company_gets_no_evaluations_and_no_truth_rows() -> None:
    countries = resolve_countries(["NL", "PL"])
    world = build_world(8, countries, WAVES)
    truth_keys = {(row["brand_id"], row["wave"]) for row in company_pillar_rows(world)}
    for (code, wave), size in split_evaluations(20_000, countries, [2019, 2026]).items():
        country = world.countries[code]
        absent = set(country.companies.brand_id[~country.active[wave]])
        assert absent, (code, wave)
        rated = set()
        for rows, _ in survey_batches(world, code, wave, size):
            rated |= set(rows.column("brand_code").to_pylist())
        assert not rated & absent
        assert not {(brand, wave) for brand in absent} & truth_keys


def test_a_year_is_the_same_whatever_waves_the_run_covers() -> None:
    countries = resolve_countries(["NO"])
    long_run = build_world(5, countries, WAVES)
    short_run = build_world(5, countries, (2025, 2026))
    for wave in (2025, 2026):
        long_country, short_country = long_run.countries["NO"], short_run.countries["NO"]
        assert (long_country.active[wave] == short_country.active[wave]).all()
        np.testing.assert_allclose(
            true_pillar_means(long_country, wave, long_run.statement_offsets),
            true_pillar_means(short_country, wave, short_run.statement_offsets),
        )


def test_truth_marks_planted_movers_up_and_down() -> None:
    world = build_world(8, resolve_countries(["NL", "PL", "GB", "DE"]), WAVES)
    rows = [row for row in company_wave_rows(world) if row["true_level_change"] is not None]
    movers = [row["true_level_change"] for row in rows if row["is_planted_mover"]]
    others = [abs(row["true_level_change"]) for row in rows if not row["is_planted_mover"]]
    assert min(movers) < -0.4 and max(movers) > 0.4  # some improve, some fall back
    assert np.median(np.abs(movers)) > 3 * np.median(others)
