"""Writing the small tables (industry, truth) and the manifest.

All CSVs go through Arrow's writer so that numbers are printed the same way in
every file and every run: the manifest's checksums are only useful if the same
seed gives the same bytes.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.csv as pacsv

from cxbench.generator import model
from cxbench.generator.outcomes import OUTCOMES
from cxbench.generator.sectors import SECTORS
from cxbench.generator.world import World


def write_csv(table: pa.Table, path: Path) -> int:
    """Write one table as CSV (header, comma, UTF-8); return its row count."""
    path.parent.mkdir(parents=True, exist_ok=True)
    pacsv.write_csv(table, path)
    return table.num_rows


def sectors_table() -> pa.Table:
    """industry/sectors.csv."""
    return pa.table(
        {
            "sector_code": [sector.code for sector in SECTORS],
            "sector_name": [sector.name for sector in SECTORS],
            "nace_division": [sector.nace_division for sector in SECTORS],
        }
    )


def companies_table(world: World) -> pa.Table:
    """industry/companies.csv: every company of every country (revenue in EUR million)."""
    columns: dict[str, list[Any]] = {
        name: []
        for name in ("brand_id", "brand_name", "parent", "sector_code", "country", "revenue")
    }
    columns["employees"] = []
    for code, country in world.countries.items():
        companies = country.companies
        columns["brand_id"].extend(companies.brand_id)
        columns["brand_name"].extend(companies.brand_name)
        columns["parent"].extend(companies.parent)
        columns["sector_code"].extend(SECTORS[index].code for index in companies.sector)
        columns["country"].extend([code] * len(companies))
        columns["revenue"].extend(companies.revenue.tolist())
        columns["employees"].extend(companies.employees.tolist())
    types = {"revenue": pa.float64(), "employees": pa.int64()}
    return pa.table(
        {name: pa.array(values, types.get(name, pa.string())) for name, values in columns.items()}
    )


def margins_table(world: World) -> pa.Table:
    """industry/margins.csv: age band and gender shares per country × wave."""
    rows = []
    for code, country in world.countries.items():
        for wave in world.waves:
            margins = country.margins[wave]
            for dimension, categories, shares in (
                ("age_band", model.AGE_BANDS, margins.age),
                ("gender", model.GENDERS, margins.gender),
            ):
                rows.extend(
                    {
                        "country": code,
                        "wave": wave,
                        "dimension": dimension,
                        "category": category,
                        "share": float(share),
                    }
                    for category, share in zip(categories, shares, strict=True)
                )
    return pa.Table.from_pylist(rows)


def importance_tables(
    results: Mapping[str, tuple[np.ndarray, np.ndarray]],
) -> tuple[pa.Table, pa.Table]:
    """truth/pillar_importance.csv and truth/r2.csv from (weights, r2) per country."""
    weights_rows, r2_rows = [], []
    for code, (weights, r2) in results.items():
        for position, outcome in enumerate(OUTCOMES):
            r2_rows.append({"country": code, "outcome": outcome, "r2": float(r2[position])})
            weights_rows.extend(
                {
                    "country": code,
                    "outcome": outcome,
                    "pillar_id": pillar,
                    "raw_weight": float(weight),
                    "share": float(weight / r2[position]),
                }
                for pillar, weight in zip(model.pillar_ids(), weights[position], strict=True)
            )
    return pa.Table.from_pylist(weights_rows), pa.Table.from_pylist(r2_rows)


def table_from_rows(rows: Sequence[Mapping[str, Any]], columns: Iterable[str]) -> pa.Table:
    """A table with the given columns even when there are no rows."""
    names = list(columns)
    if rows:
        return pa.Table.from_pylist(list(rows)).select(names)
    return pa.table({name: pa.array([], pa.string()) for name in names})


def write_manifest(path: Path, document: Mapping[str, Any]) -> None:
    """manifest.json, keys in a fixed order, no timestamps (same seed, same bytes)."""
    path.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
