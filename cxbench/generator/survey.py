"""One provider export (country × wave), generated and written in fixed-size batches.

Batches keep memory flat at any study size and let the caller show progress.
Each batch has its own random stream keyed by (country, wave, batch number), so
the file's bytes depend only on the seed and the arguments, never on how many
worker processes there are.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from cxbench.generator.comments import draw_comments
from cxbench.generator.evaluations import draw_pillars
from cxbench.generator.export import OUTCOME_COLUMNS, export_schema, mapping_yaml
from cxbench.generator.model import GENDERS
from cxbench.generator.outcomes import draw_outcomes
from cxbench.generator.respondents import sample_panel
from cxbench.generator.sectors import CHANNELS
from cxbench.generator.streams import Stream, rng_for
from cxbench.generator.world import World
from cxcore.checksums import file_sha256

BATCH_SIZE = 50_000
RESPONDENT_DIGITS = 7


@dataclass(frozen=True)
class SurveyFile:
    """What writing one export produced: paths (relative to the output folder) and PII."""

    csv_path: str
    parquet_path: str
    mapping_path: str
    rows: int
    sha256: dict[str, str]
    planted: pa.Table  # file, row_number, kind, value


def survey_stem(country: str, wave: int) -> str:
    """Base name shared by the CSV, Parquet and mapping of one export."""
    return f"survey/cx_{country}_{wave}"


def _visit_dates(wave: int, size: int, rng: np.random.Generator) -> pa.Array:
    first = dt.date(wave, 1, 1)
    days = (dt.date(wave + 1, 1, 1) - first).days
    offset = (first - dt.date(1970, 1, 1)).days
    return pa.array(offset + rng.integers(0, days, size=size, dtype=np.int32), pa.int32()).cast(
        pa.date32()
    )


def _respondent_ids(prefix: str, numbers: np.ndarray) -> pa.Array:
    digits = pc.utf8_lpad(pa.array(numbers).cast(pa.string()), RESPONDENT_DIGITS, "0")
    return pc.binary_join_element_wise(prefix, digits, "")


def survey_batches(
    world: World, code: str, wave: int, n_evaluations: int
) -> Iterator[tuple[pa.Table, pa.Table]]:
    """Yield (export rows, planted PII with 1-based file row numbers) batch by batch."""
    country = world.countries[code]
    cells = country.margins[wave].sample_cells()
    mix = country.channel_mix()
    brand_ids = pa.array(country.companies.brand_id, type=pa.string())
    # respondents only rate companies that operate this wave (entrants, exits)
    operating = np.flatnonzero(country.active[wave])
    weights = country.companies.share[operating]  # relative: no need to rescale
    schema = export_schema()
    first_respondent, first_row = 1, 1
    for batch, start in enumerate(range(0, n_evaluations, BATCH_SIZE)):
        size = min(BATCH_SIZE, n_evaluations - start)
        rng = rng_for(world.seed, Stream.SURVEY, code, wave, batch)
        panel = sample_panel(size, cells, weights, rng)
        panel = replace(panel, brand=operating[panel.brand])
        draw = draw_pillars(country.levels[wave], mix, panel, world.statement_offsets, rng)
        outcomes = draw_outcomes(country.outcomes, draw.pillar_scores, rng)
        comments = draw_comments(country.spec.language, outcomes.nps, draw.pillar_scores, rng)
        columns = [
            _respondent_ids(f"{code}{wave}-R", first_respondent + panel.respondent),
            brand_ids.take(panel.brand),
            _visit_dates(wave, size, rng),
            pa.array(CHANNELS, pa.string()).take(draw.channel),
            pa.array(panel.age, pa.int16()),
            pa.array(GENDERS, pa.string()).take(panel.cell % len(GENDERS)),
            *(pa.array(draw.answers[:, column]) for column in range(draw.answers.shape[1])),
            *(pa.array(getattr(outcomes, name)) for name in OUTCOME_COLUMNS),
            comments.text,
        ]
        planted = pa.table(
            {
                "row_number": pa.array(first_row + comments.pii_rows, pa.int64()),
                "kind": pa.array(comments.pii_kinds, pa.string()),
                "value": comments.pii_values,
            }
        )
        yield pa.Table.from_arrays(columns, schema=schema), planted
        first_respondent += panel.n_respondents
        first_row += size


def write_survey_file(
    world: World,
    code: str,
    wave: int,
    n_evaluations: int,
    out_dir: Path,
    report: Callable[[int], None] | None = None,
) -> SurveyFile:
    """Write the CSV, Parquet and mapping of one export; ``report(n)`` after each batch."""
    stem = survey_stem(code, wave)
    csv_path, parquet_path, mapping_path = (
        f"{stem}.csv",
        f"{stem}.parquet",
        f"{stem}.mapping.yaml",
    )
    schema = export_schema()
    planted: list[pa.Table] = []
    with (
        pacsv.CSVWriter(out_dir / csv_path, schema) as csv_writer,
        pq.ParquetWriter(out_dir / parquet_path, schema) as parquet_writer,
    ):
        for rows, pii in survey_batches(world, code, wave, n_evaluations):
            csv_writer.write_table(rows)
            parquet_writer.write_table(rows)
            planted.append(pii)
            if report is not None:
                report(rows.num_rows)
        if n_evaluations == 0:
            parquet_writer.write_table(schema.empty_table())
    (out_dir / mapping_path).write_text(
        mapping_yaml(code, world.countries[code].spec.name, wave), encoding="utf-8"
    )
    pii = pa.concat_tables(planted) if planted else _empty_planted()
    pii = pii.add_column(0, "file", pa.array([csv_path] * pii.num_rows, pa.string()))
    return SurveyFile(
        csv_path=csv_path,
        parquet_path=parquet_path,
        mapping_path=mapping_path,
        rows=n_evaluations,
        sha256={
            path: file_sha256(out_dir / path) for path in (csv_path, parquet_path, mapping_path)
        },
        planted=pii,
    )


def _empty_planted() -> pa.Table:
    return pa.table(
        {
            "row_number": pa.array([], pa.int64()),
            "kind": pa.array([], pa.string()),
            "value": pa.array([], pa.string()),
        }
    )
