"""A second study in the same world: a tracker that asks only some of the 30 statements.

Real benchmark work mixes the full questionnaire with other studies' exports
whose instruments cover a few statements of some pillars (issue 14). This study
is one of those: its own respondents (a separate sample, respondent ids
``<CC><wave>-T…``) in the same countries and waves as the panel, rating the same
companies, drawn from the same model (levels, demographic and channel effects,
statement offsets, don't-know). Only the questionnaire is shorter: it exports
the answers to :data:`PARTIAL_STATEMENTS` under its own column names, the four
outcomes as the panel asks them, and no open comment. The outcomes follow the
respondent's whole experience, pillars not asked included, as a real
respondent's would. The warehouse must score it on the pillars it measures and
never mix it with the panel.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.csv as pacsv

from cxbench.generator import model
from cxbench.generator.export import (
    FIELD_COLUMNS,
    KEY_COLUMNS,
    OUTCOME_COLUMNS,
    FlowMap,
    dump_mapping,
    export_schema,
    mapping_document,
)
from cxbench.generator.streams import Stream, rng_for
from cxbench.generator.survey import (
    BATCH_SIZE,
    SurveyFile,
    empty_planted,
    outcome_columns,
    respondent_columns,
    simulate_batch,
)
from cxbench.generator.truth import PILLAR_TRUTH_COLUMNS, company_pillar_rows
from cxbench.generator.world import World
from cxbench.generator.writer import table_from_rows
from cxcore.catalogue import statement_ids, statements
from cxcore.checksums import file_sha256


@dataclass(frozen=True)
class Study:
    """The ``study`` section of a mapping: who ran it and what its instrument asks."""

    id: str
    name: str
    instrument: str


PARTIAL_STUDY = Study(
    id="synthetic-partial",
    name="Synthetic partial-instrument tracker",
    instrument="10 of 30 statements",
)
#: What the tracker asks, in its own question order. Chosen to exercise every
#: case of the "measured statements" rule: personalisation 2 of 6, integrity 3 of
#: 5, expectations 1 of 4 (a pillar measured by a single statement), resolution
#: 2 of 5, empathy 2 of 5, and time & effort not at all (a pillar it cannot score).
PARTIAL_STATEMENTS: tuple[str, ...] = (
    "per_1",
    "per_4",
    "int_1",
    "int_3",
    "int_5",
    "exp_2",
    "res_1",
    "res_4",
    "emp_2",
    "emp_5",
)
PARTIAL_TRUTH_FILE = "truth/partial_study_pillar_means.csv"
RESPONDENT_TAG = "T"  # respondent ids <CC><wave>-T0000001: never a panel member's id


def partial_stem(country: str, wave: int) -> str:
    """Base name of one export of the partial study (beside the panel's ``cx_…``)."""
    return f"survey/partial_{country}_{wave}"


def partial_statement_columns() -> dict[str, str]:
    """Statement id -> the tracker's column (t01, t02, … in its question order)."""
    return {statement: f"t{number:02d}" for number, statement in enumerate(PARTIAL_STATEMENTS, 1)}


def partial_schema() -> pa.Schema:
    """The panel export's columns with only the asked statements (renamed) and no comment."""
    panel = export_schema()
    head = [panel.field(name) for name in (*KEY_COLUMNS.values(), *FIELD_COLUMNS.values())]
    asked = [pa.field(column, pa.int16()) for column in partial_statement_columns().values()]
    outcomes = [panel.field(column) for column, _ in OUTCOME_COLUMNS.values()]
    return pa.schema([*head, *asked, *outcomes])


def partial_pillars() -> list[str]:
    """The pillars the tracker measures, in catalogue order (all but time & effort)."""
    pillar_of = {statement.statement_id: statement.pillar_id for statement in statements()}
    measured = {pillar_of[statement] for statement in PARTIAL_STATEMENTS}
    return [pillar for pillar in model.pillar_ids() if pillar in measured]


def partial_mapping_document(country: str, country_name: str, wave: int) -> dict[str, Any]:
    """The mapping of one partial export: the study, its statements and its coverage."""
    panel = mapping_document(country, country_name, wave)
    study = PARTIAL_STUDY
    return {
        "mapping_version": 1,
        "description": f"{study.name}, {country_name} {wave} ({study.instrument})",
        "study": FlowMap(id=study.id, name=study.name, instrument=study.instrument),
        **{key: panel[key] for key in ("source", "fixed", "keys", "fields", "defaults")},
        "statements": partial_statement_columns(),
        "outcomes": panel["outcomes"],
        "coverage": {
            "pillars": partial_pillars(),
            "outcomes": list(OUTCOME_COLUMNS),
            "note": "A shorter tracker: time & effort not asked, expectations by one statement.",
        },
    }


def partial_batches(world: World, code: str, wave: int, n_evaluations: int) -> Iterator[pa.Table]:
    """Export rows of the partial study for one country × wave, batch by batch."""
    schema = partial_schema()
    asked = [statement_ids().index(statement) for statement in PARTIAL_STATEMENTS]
    first_respondent = 1
    for number, start in enumerate(range(0, n_evaluations, BATCH_SIZE)):
        size = min(BATCH_SIZE, n_evaluations - start)
        rng = rng_for(world.seed, Stream.PARTIAL_SURVEY, code, wave, number)
        batch = simulate_batch(world, code, wave, size, rng)
        prefix = f"{code}{wave}-{RESPONDENT_TAG}"
        columns = [
            *respondent_columns(world, code, wave, prefix, first_respondent, batch, rng),
            *(pa.array(batch.draw.answers[:, column]) for column in asked),
            *outcome_columns(batch),
        ]
        yield pa.Table.from_arrays(columns, schema=schema)
        first_respondent += batch.panel.n_respondents


def write_partial_file(
    world: World,
    code: str,
    wave: int,
    n_evaluations: int,
    out_dir: Path,
    report: Callable[[int], None] | None = None,
) -> SurveyFile:
    """Write the CSV and mapping of one partial export; ``report(n)`` after each batch."""
    stem = partial_stem(code, wave)
    csv_path, mapping_path = f"{stem}.csv", f"{stem}.mapping.yaml"
    with pacsv.CSVWriter(out_dir / csv_path, partial_schema()) as writer:
        for rows in partial_batches(world, code, wave, n_evaluations):
            writer.write_table(rows)
            if report is not None:
                report(rows.num_rows)
    document = partial_mapping_document(code, world.countries[code].spec.name, wave)
    (out_dir / mapping_path).write_text(dump_mapping(document), encoding="utf-8")
    return SurveyFile(
        csv_path=csv_path,
        parquet_path=None,
        mapping_path=mapping_path,
        rows=n_evaluations,
        sha256={path: file_sha256(out_dir / path) for path in (csv_path, mapping_path)},
        planted=empty_planted().add_column(0, "file", pa.array([], pa.string())),
    )


def partial_truth_table(world: World) -> pa.Table:
    """The tracker's truth: per company × wave, each measured pillar's mean over what it asks.

    That is the population mean of the statements asked of a pillar, not the
    panel's pillar truth: a pillar score from two of six statements estimates
    the mean of those two.
    """
    return table_from_rows(company_pillar_rows(world, PARTIAL_STATEMENTS), PILLAR_TRUTH_COLUMNS)
