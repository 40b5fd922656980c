"""Maturity self-assessments that go with the customer scores, with a planted link.

Most organisations (``PARTICIPATION``) have three to six managers rate the
thirteen maturity items on 1–5: the six management pillars of seed 001 and the
seven steps of seed 002. Behind the answers is one latent maturity per
organisation × wave, ``M = RHO · z + √(1 − RHO²) · e``, where ``z`` is the
organisation's true CX level (the mean of its six true pillar means, standardised
over every organisation of the wave) and ``e`` is independent noise. So ``RHO`` is
the planted correlation between latent maturity and CX. Each item loads on ``M``
with its own strength (``LOADINGS``), which makes some items go with CX more than
others, and items further up the ladder of steps are harder (``OFFSETS``). The
answers add a manager's leniency and item noise, are rounded onto 1–5, and a few
are "don't know" (code 9).

The file is written in an assessment tool's own column names, with a mapping
beside it (``maturity.mapping.yaml``), like the survey exports. The truth holds
the planted correlation per item and for the overall score, the correlation the
draw realised among all assessed organisations, and every organisation's true
item scores, so a test can recompute the realised link on exactly the
organisations the warehouse used.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pyarrow as pa
from scipy.special import ndtri

from cxbench.generator.streams import Stream, rng_for
from cxbench.generator.truth import company_pillar_rows
from cxbench.generator.world import World
from cxcore.checksums import file_sha256

FILE = "industry/maturity.csv"
MAPPING = "industry/maturity.mapping.yaml"
#: Planted correlation between latent organisational maturity and true CX level.
RHO = 0.6
PARTICIPATION = 0.8
MANAGERS = (3, 6)  # inclusive range of managers answering per organisation
CENTRE, SPREAD = 3.3, 0.75  # item score = CENTRE + offset + SPREAD · item latent
LENIENCY_SD, ANSWER_SD = 0.3, 0.5
DONT_KNOW_RATE, DONT_KNOW = 0.04, 9
ROLES = ("ceo", "marketing", "customer_service", "operations", "it", "finance")
#: item id -> (source column, loading on latent maturity, difficulty offset)
ITEMS: dict[str, tuple[str, float, float]] = {
    "mgmt_strategy": ("MP1", 0.60, 0.20),
    "mgmt_customer_understanding": ("MP2", 0.85, 0.10),
    "mgmt_metrics": ("MP3", 0.70, 0.00),
    "mgmt_customer_journey": ("MP4", 0.80, -0.10),
    "mgmt_governance": ("MP5", 0.50, -0.20),
    "mgmt_culture": ("MP6", 0.75, 0.00),
    "step_customer_centric": ("ST1", 0.85, 0.40),
    "step_personal": ("ST2", 0.70, 0.25),
    "step_flexible": ("ST3", 0.55, 0.10),
    "step_direct": ("ST4", 0.65, -0.05),
    "step_consistent": ("ST5", 0.75, -0.20),
    "step_controlled": ("ST6", 0.45, -0.35),
    "step_coordinated": ("ST7", 0.60, -0.50),
}


def planted_correlations() -> dict[str, float]:
    """Population correlation of each item's true score, and of their mean, with CX.

    An item's latent is ``λ·M + √(1−λ²)·u``, so it correlates ``RHO·λ`` with ``z``;
    the mean of the thirteen has variance ``mean(λ)² + Σ(1−λ²)/13²``.
    """
    loadings = np.array([loading for _, loading, _ in ITEMS.values()])
    planted = {item: RHO * loading for item, (_, loading, _) in ITEMS.items()}
    spread = np.sqrt(loadings.mean() ** 2 + (1 - loadings**2).sum() / loadings.size**2)
    planted["overall"] = float(RHO * loadings.mean() / spread)
    return planted


def _true_cx(world: World) -> dict[int, tuple[list[str], np.ndarray]]:
    """Per wave: brand ids and their true CX level (mean of the six true pillar means)."""
    sums: dict[tuple[int, str], list[float]] = {}
    for row in company_pillar_rows(world):
        sums.setdefault((int(row["wave"]), str(row["brand_id"])), []).append(
            float(row["true_mean"])
        )
    by_wave: dict[int, tuple[list[str], np.ndarray]] = {}
    for wave in world.waves:
        brands = [brand for (year, brand) in sums if year == wave]
        by_wave[wave] = (brands, np.array([np.mean(sums[(wave, brand)]) for brand in brands]))
    return by_wave


def _lasting_traits(seed: int, brands: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Whether each organisation takes part, and its lasting maturity noise.

    Drawn from a stream named by the brand, not by its position, so an organisation
    keeps both across waves even when the list of companies changes between waves.
    """
    draws = [rng_for(seed, Stream.TRUTH, "maturity", brand).random(2) for brand in brands]
    uniform = np.array(draws).reshape(-1, 2)
    return uniform[:, 0] < PARTICIPATION, ndtri(uniform[:, 1])


def maturity_tables(world: World, out_dir: Path) -> dict[str, pa.Table]:
    """The assessment file and its truth tables; writes the mapping beside the file."""
    columns: dict[str, list] = {
        name: [] for name in ("manager_email", "organisation", "year", "function", "completed_on")
    }
    columns.update({source: [] for source, _, _ in ITEMS.values()})
    true_rows: list[tuple[str, int, str, float, float]] = []
    links: list[tuple[int, str, float, float, int]] = []
    planted = planted_correlations()
    loadings = np.array([loading for _, loading, _ in ITEMS.values()])
    offsets = np.array([offset for _, _, offset in ITEMS.values()])
    for wave, (brands, cx) in _true_cx(world).items():
        rng = rng_for(world.seed, Stream.TRUTH, "maturity", wave)
        takes_part, lasting = _lasting_traits(world.seed, brands)
        z = (cx - cx.mean()) / cx.std()
        noise = 0.8 * lasting + 0.6 * rng.standard_normal(len(brands))
        latent = RHO * z + np.sqrt(1 - RHO**2) * noise
        unique = rng.standard_normal((len(brands), loadings.size))
        items = latent[:, None] * loadings + np.sqrt(1 - loadings**2) * unique
        true_scores = CENTRE + offsets + SPREAD * items
        chosen = np.flatnonzero(takes_part)
        for position in chosen:
            _draw_managers(columns, brands[position], wave, true_scores[position], rng)
            true_rows += [
                (brands[position], wave, item, float(true_scores[position, k]), float(cx[position]))
                for k, item in enumerate(ITEMS)
            ]
        overall = true_scores[chosen].mean(axis=1)
        realised = [np.corrcoef(true_scores[chosen, k], cx[chosen])[0, 1] for k in range(13)]
        realised.append(np.corrcoef(overall, cx[chosen])[0, 1])
        links += [
            (wave, item, planted[item], float(value), int(chosen.size))
            for item, value in zip([*ITEMS, "overall"], realised, strict=True)
        ]
    _write_mapping(out_dir / MAPPING)
    score_columns = ("brand_id", "wave", "item_id", "true_score", "true_cx")
    link_columns = ("wave", "item_id", "planted_correlation", "realised_correlation",
                    "n_organisations")  # fmt: skip
    return {
        FILE: _assessment_table(columns),
        "truth/maturity_scores.csv": _rows_table(true_rows, score_columns),
        "truth/maturity_link.csv": _rows_table(links, link_columns),
    }


def _rows_table(rows: list[tuple], names: tuple[str, ...]) -> pa.Table:
    return pa.table({name: [row[k] for row in rows] for k, name in enumerate(names)})


def _draw_managers(
    columns: dict[str, list],
    brand: str,
    wave: int,
    true_scores: np.ndarray,
    rng: np.random.Generator,
) -> None:
    """Three to six managers' rows: leniency per manager, noise per answer, 1–5, some 9s."""
    count = int(rng.integers(MANAGERS[0], MANAGERS[1] + 1))
    roles = rng.choice(ROLES, size=count, replace=False)
    leniency = rng.normal(0.0, LENIENCY_SD, size=(count, 1))
    answers = np.clip(
        np.rint(true_scores + leniency + rng.normal(0.0, ANSWER_SD, size=(count, len(ITEMS)))), 1, 5
    ).astype(np.int64)
    answers[rng.random(answers.shape) < DONT_KNOW_RATE] = DONT_KNOW
    start = dt.date(wave, 2, 1)
    for manager in range(count):
        columns["manager_email"].append(f"manager{manager + 1}@{brand.lower()}.example")
        columns["organisation"].append(brand)
        columns["year"].append(wave)
        columns["function"].append(str(roles[manager]))
        day = start + dt.timedelta(days=int(rng.integers(0, 60)))
        columns["completed_on"].append(day.isoformat())
        for k, (source, _, _) in enumerate(ITEMS.values()):
            columns[source].append(int(answers[manager, k]))


def _assessment_table(columns: dict[str, list]) -> pa.Table:
    types = {source: pa.int64() for source, _, _ in ITEMS.values()} | {"year": pa.int64()}
    return pa.table({name: pa.array(values, types.get(name)) for name, values in columns.items()})


def _write_mapping(path: Path) -> None:
    """The assessment file's mapping (format: docs/data-contracts.md §2, maturity)."""
    items = "\n".join(f"  {item}: {source}" for item, (source, _, _) in ITEMS.items())
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        "# Written by cxbench generate: maturity self-assessments, one row per manager.\n"
        "mapping_version: 1\n"
        "kind: maturity\n"
        "description: Synthetic CX maturity self-assessment export\n"
        'source: {format: csv, delimiter: ",", encoding: utf-8}\n'
        "keys:\n  respondent_id: manager_email\n  brand_id: organisation\n"
        "fields:\n  wave: year\n  assessed_on: completed_on\n  role: function\n"
        f"defaults: {{scale: [1, 5], missing: [{DONT_KNOW}]}}\n"
        f"items:\n{items}\n",
        encoding="utf-8",
    )


def mapping_entry(out_dir: Path) -> dict[str, tuple[int | None, str]]:
    """The mapping's manifest entry (no rows, its checksum)."""
    return {MAPPING: (None, file_sha256(out_dir / MAPPING))}
