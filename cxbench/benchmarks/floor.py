"""The benchmark's floor: the least work that yields the core numbers from a world's files.

``cxbench bench`` times the production path (ingest, production build, check)
against this floor on the same files: DuckDB ``read_csv`` of every survey
export into ``raw.survey_evaluations`` under the canonical column names its
mapping gives (missing codes NULL, items on the canonical scale, value maps
applied, channel and gender lower-cased), the two industry files the core
numbers need (companies for sectors, margins for raking), then
``cxbench/benchmarks/sql/core_numbers.sql`` on them. No row checks, no hashing, no
batches: what any pipeline computing these numbers must at least do. The
select list is derived from each file's mapping YAML, so a world with other
column names or scales is read the same way.

Run in its own process, like every stage: ``python -m cxbench.benchmarks.floor
--world DIR --db FILE``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cxbench.benchmarks.sql.core_script import run_core_script
from cxbench.ingestion.mapping import ColumnSource, ItemMapping, QuestionnaireMapping
from cxbench.ingestion.mapping_parse import load_mapping
from cxbench.ingestion.recoding import case_sql
from cxbench.ingestion.scored_items import is_number
from cxbench.pipeline import mapping_for
from cxcore.sql_text import number_literal, quote_identifier, quote_literal
from cxcore.storage import connect_writable

#: Columns of ``cxbench/benchmarks/sql/core_numbers.sql`` read from the survey rows, besides items.
ROW_FIELDS = ("channel", "age", "gender")
#: Outcomes the core numbers use (the driver regression's dependent variables).
OUTCOMES = ("nps", "loyalty")
#: Industry files and the columns of them the core numbers read.
INDUSTRY_TABLES = {
    "companies": ("companies.csv", ("brand_id", "sector_code")),
    "population_margins": ("margins.csv", ("country", "wave", "dimension", "category", "share")),
}


def survey_select(path: Path, mapping: QuestionnaireMapping) -> str:
    """``select … from read_csv(path)`` giving the canonical columns core_numbers.sql reads."""
    columns = [
        f"{_fixed_or_field(mapping, 'country')} as country",
        f"{_fixed_or_field(mapping, 'wave')}::integer as wave",
        f"{_source_sql(mapping.keys['brand_id'])} as brand_id",
    ]
    for name in ROW_FIELDS:
        source = mapping.fields.get(name)
        value = _source_sql(source) if source else "null"
        cast = "try_cast({} as integer)" if name == "age" else "lower({}::varchar)"
        value = cast.format(value)
        columns.append(f"{value} as {name}")
    items = {**mapping.statements, **{name: mapping.outcomes[name] for name in OUTCOMES}}
    columns += [f"{_item_sql(item)} as {name}" for name, item in items.items()]
    options = ["header = true"]
    if mapping.source.delimiter:
        options.append(f"delim = {quote_literal(mapping.source.delimiter)}")
    return (
        f"select {', '.join(columns)} "
        f"from read_csv({quote_literal(str(path))}, {', '.join(options)})"
    )


def _fixed_or_field(mapping: QuestionnaireMapping, name: str) -> str:
    if name in mapping.fixed:
        return quote_literal(str(mapping.fixed[name]))
    return _source_sql(mapping.fields[name])


def _source_sql(source: ColumnSource) -> str:
    if source.column is None:
        raise ValueError("the floor reads exports with a column for every key")
    column = quote_identifier(source.column)
    if source.values is not None:
        return case_sql(f"{column}::varchar", source.values)
    return column


def _item_sql(item: ItemMapping) -> str:
    """The item as a double on the canonical scale; its missing codes NULL (``nullif``)."""
    value = f"try_cast({quote_identifier(item.column)} as double)"
    for code in item.missing:
        if is_number(code):
            value = f"nullif({value}, {number_literal(float(code))})"
    (low, high), (target_low, target_high) = item.source_scale, item.target_scale
    if item.offset:
        value = f"({value} + {number_literal(item.offset)})"
    if (low, high) != (target_low, target_high):
        factor = (target_high - target_low) / (high - low)
        value = (
            f"(({value} - {number_literal(low)}) * {number_literal(factor)}"
            f" + {number_literal(target_low)})"
        )
    return value


def load_floor(world: Path, db_path: Path) -> int:
    """Read the world's survey and industry CSVs into ``db_path``; return the survey rows."""
    exports = sorted((world / "survey").glob("*.csv"))
    if not exports:
        raise FileNotFoundError(f"no survey CSV files under {world / 'survey'}")
    selects = [survey_select(path, load_mapping(mapping_for(path))) for path in exports]
    with connect_writable(db_path) as connection:  # the served warehouse's format
        connection.execute("set enable_progress_bar = false")
        connection.execute("create schema if not exists raw")
        connection.execute(
            "create or replace table raw.survey_evaluations as " + " union all ".join(selects)
        )
        for table, (name, columns) in INDUSTRY_TABLES.items():
            connection.execute(
                f"create or replace table raw.{table} as select {', '.join(columns)} "
                f"from read_csv({quote_literal(str(world / 'industry' / name))}, header = true)"
            )
        [(n_rows,)] = connection.execute("select count(*) from raw.survey_evaluations").fetchall()
    return int(n_rows)


def run_floor(world: Path, db_path: Path) -> int:
    """The whole floor: read the files, then compute the core numbers on them."""
    n_rows = load_floor(world, db_path)
    run_core_script(db_path)
    return n_rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m cxbench.benchmarks.floor", description=__doc__)
    parser.add_argument("--world", type=Path, required=True, help="a generated world folder")
    parser.add_argument("--db", type=Path, required=True, help="a new DuckDB file to write")
    args = parser.parse_args(argv)
    run_floor(args.world, args.db)
    return 0


if __name__ == "__main__":
    sys.exit(main())
