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

from cxbench.generator import harder
from cxbench.generator.comments import draw_comments
from cxbench.generator.evaluations import PillarDraw, draw_pillars
from cxbench.generator.export import OUTCOME_COLUMNS, export_schema, mapping_yaml
from cxbench.generator.model import GENDERS
from cxbench.generator.outcomes import Outcomes, draw_outcomes
from cxbench.generator.respondents import Panel, sample_panel
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
    parquet_path: str | None  # a study written as CSV only has none
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


@dataclass(frozen=True)
class SimulatedBatch:
    """One batch of a study's evaluations: who answered, every statement, the outcomes."""

    panel: Panel
    draw: PillarDraw
    outcomes: Outcomes


def simulate_batch(
    world: World, code: str, wave: int, size: int, rng: np.random.Generator
) -> SimulatedBatch:
    """Respondents, all 30 statement answers and outcomes of a country × wave sample.

    Every study of the world samples through here, so a shorter questionnaire
    differs from the panel only in which answers it exports: the respondents'
    experience, and the outcomes it drives, are the same model.
    """
    country = world.countries[code]
    # respondents only rate companies that operate this wave (entrants, exits)
    operating = np.flatnonzero(country.active[wave])
    weights = country.companies.share[operating]  # relative: no need to rescale
    if not country.realism.is_default:
        return _simulate_harder_batch(world, code, wave, size, rng)
    panel = sample_panel(size, country.margins[wave].sample_cells(), weights, rng)
    panel = replace(panel, brand=operating[panel.brand])
    draw = draw_pillars(
        country.levels[wave], country.channel_mix(), panel, world.statement_offsets, rng
    )
    return SimulatedBatch(panel, draw, draw_outcomes(country.outcomes, draw.pillar_scores, rng))


def _simulate_harder_batch(
    world: World, code: str, wave: int, size: int, rng: np.random.Generator
) -> SimulatedBatch:
    """The harder world's panel batch (:mod:`cxbench.generator.harder`)."""
    country = world.countries[code]
    operating = np.flatnonzero(country.active[wave])
    margins = country.margins[wave]
    joint = harder.panel_joint(margins.age, margins.gender, country.realism)
    levels = country.levels[wave][operating]
    simulated = harder.simulate(
        levels,
        country.channel_mix()[operating],
        joint,
        country.companies.share[operating],
        world.statement_offsets,
        country.outcomes,
        country.realism,
        size,
        rng,
        panel=True,
    )
    panel = replace(simulated.people.panel, brand=operating[simulated.people.panel.brand])
    return SimulatedBatch(panel, simulated.draw, simulated.outcomes)


def respondent_columns(
    world: World,
    code: str,
    wave: int,
    prefix: str,
    first_respondent: int,
    batch: SimulatedBatch,
    rng: np.random.Generator,
) -> list[pa.Array]:
    """Respondent id (``prefix`` + number), brand, visit date, channel, age, gender."""
    panel = batch.panel
    brand_ids = pa.array(world.countries[code].companies.brand_id, type=pa.string())
    return [
        _respondent_ids(prefix, first_respondent + panel.respondent),
        brand_ids.take(panel.brand),
        _visit_dates(wave, len(panel), rng),
        pa.array(CHANNELS, pa.string()).take(batch.draw.channel),
        pa.array(panel.age, pa.int16()),
        pa.array(GENDERS, pa.string()).take(panel.cell % len(GENDERS)),
    ]


def outcome_columns(batch: SimulatedBatch) -> list[pa.Array]:
    """The outcome answers in export order (:data:`OUTCOME_COLUMNS`)."""
    return [pa.array(getattr(batch.outcomes, name)) for name in OUTCOME_COLUMNS]


def survey_batches(
    world: World, code: str, wave: int, n_evaluations: int
) -> Iterator[tuple[pa.Table, pa.Table]]:
    """Yield (export rows, planted PII with 1-based file row numbers) batch by batch."""
    language = world.countries[code].spec.language
    schema = export_schema()
    first_respondent, first_row = 1, 1
    for number, start in enumerate(range(0, n_evaluations, BATCH_SIZE)):
        size = min(BATCH_SIZE, n_evaluations - start)
        rng = rng_for(world.seed, Stream.SURVEY, code, wave, number)
        batch = simulate_batch(world, code, wave, size, rng)
        comments = draw_comments(language, batch.outcomes.nps, batch.draw.pillar_scores, rng)
        answers = batch.draw.answers
        columns = [
            *respondent_columns(world, code, wave, f"{code}{wave}-R", first_respondent, batch, rng),
            *(pa.array(answers[:, column]) for column in range(answers.shape[1])),
            *outcome_columns(batch),
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
        first_respondent += batch.panel.n_respondents
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
    pii = pa.concat_tables(planted) if planted else empty_planted()
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


def empty_planted() -> pa.Table:
    return pa.table(
        {
            "row_number": pa.array([], pa.int64()),
            "kind": pa.array([], pa.string()),
            "value": pa.array([], pa.string()),
        }
    )
