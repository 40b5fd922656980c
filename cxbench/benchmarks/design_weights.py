"""What a provider's design weights cost the build: none, a few strata, one per respondent.

``python -m cxbench.benchmarks.design_weights --raw RAW.duckdb --repeat 2`` copies a raw
warehouse (e.g. the build benchmark's ``raw-1850000.duckdb``) three times, gives
the copies' evaluations no design weight, one of four stratum weights, or a
weight of their own (continuous, as an agency's calibration delivers them), and
times the production build (``cxbench build``'s dbt command) on each, the three
interleaved so that other work on the machine disturbs them alike; the fastest
of ``repeat`` runs counts. Design weights live inside the sums of the one pass
over the evaluations (int_company_cells_summed: Σd, Σd·x, … per cell), so their
number of distinct values must not change the rows that pass writes; its rows
are reported to show it. Prints a markdown table for docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
from pathlib import Path

import duckdb

from cxbench.benchmarks.build import dbt_env, fastest, timed
from cxbench.dbt_runner import dbt_executable
from cxbench.ingestion.raw_schema import upgrade_raw_schema
from cxbench.pipeline import DBT_BUILD
from cxcore.settings import DBT_PROJECT_DIR
from cxcore.sql_text import quote_identifier
from cxcore.storage import connect_writable

#: How each variant sets raw.survey_evaluations.design_weight.
VARIANTS = {
    "none": "null",
    "4 strata": "[120.0, 250.0, 410.5, 900.0][1 + cast(hash(respondent_id) % 4 as bigint)]",
    "continuous": "0.2 + (hash(respondent_id || brand_id) % 1000000) / 200000.0",
}


def prepare(raw: Path, folder: Path, expression: str) -> Path:
    """A copy of ``raw`` whose evaluations carry the design weights of ``expression``."""
    db_path = folder / "cxbench.duckdb"
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(raw, db_path)
    with connect_writable(db_path) as connection:
        built = connection.execute(
            "select schema_name from information_schema.schemata "
            "where catalog_name = current_database() and schema_name not in ('raw', 'main') "
            "and schema_name not like 'pg_%' and schema_name <> 'information_schema'"
        ).fetchall()
        for (schema,) in built:  # every build starts from the raw layer alone
            connection.execute(f"drop schema {quote_identifier(schema)} cascade")
        upgrade_raw_schema(connection)
        connection.execute(f"update raw.survey_evaluations set design_weight = {expression}")
        connection.execute("checkpoint")
    return db_path


def summed_rows(db_path: Path) -> int:
    with duckdb.connect(str(db_path), read_only=True) as connection:
        sql = "select count(*) from intermediate.int_company_cells_summed"
        return connection.execute(sql).fetchall()[0][0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--raw", type=Path, required=True, help="a warehouse (raw layer used)")
    parser.add_argument("--repeat", type=int, default=2)
    arguments = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="cxbench-weights-"))
    log = scratch / "bench-design-weights.log"
    dbt = [dbt_executable(), *DBT_BUILD, "--project-dir", str(DBT_PROJECT_DIR)]
    prepared = {
        name: prepare(arguments.raw, scratch / f"raw-{index}", expression)
        for index, (name, expression) in enumerate(VARIANTS.items())
    }
    runs: dict[str, list] = {name: [] for name in VARIANTS}
    rows: dict[str, int] = {}
    for _ in range(arguments.repeat):
        for name, raw in prepared.items():
            db_path = scratch / name.replace(" ", "-") / "cxbench.duckdb"
            db_path.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(raw, db_path)
            runs[name].append(timed(dbt, dbt_env(db_path), log))
            rows[name] = summed_rows(db_path)
    print(f"load average after: {', '.join(f'{x:.1f}' for x in os.getloadavg())}")
    print("| design weights | production build | peak memory | rows of int_company_cells_summed |")
    print("|---|---|---|---|")
    for name in VARIANTS:
        best = fastest(runs[name])
        print(f"| {name} | {best.seconds:.1f} s | {best.peak_rss_mb:.0f} MB | {rows[name]:,} |")
    shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
