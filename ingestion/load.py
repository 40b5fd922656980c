"""The only writer to the raw layer: one file, one batch, one transaction.

Every input row ends up either in its raw table or in ``raw.rejected_rows`` with
the field and reason, and ``raw.load_batches`` records the counts, so
``rows_in = rows_loaded + rows_rejected`` can be checked for every file ever
loaded. A file whose checksum is already loaded is skipped and says so. Any
error rolls the whole batch back, and so does a process killed mid-load (DuckDB
replays only committed transactions from its WAL): a batch is all or nothing.

Steps, in one transaction: open the source (:mod:`ingestion.readers`) → one scan
computing values and row checks into ``checked_rows`` → phone scrubbing of the
few comments with digits → cross-row checks → insert accepted rows into raw and
rejected rows, with their pseudonymised source record, into ``raw.rejected_rows``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

import duckdb

from cxbench.checksums import file_sha256
from ingestion.checked_rows import CHECKED_TABLE, numbered_in_scan, scan_sql
from ingestion.cross_checks import (
    fill_missing_records,
    reject_bad_group_sums,
    reject_duplicates_in_file,
    reject_duplicates_of_raw,
)
from ingestion.mapping import QuestionnaireMapping
from ingestion.phones import scrub_phones_in_table
from ingestion.plan import LoadPlan
from ingestion.plans import industry_plan, survey_plan
from ingestion.raw_schema import ensure_raw_schema
from ingestion.readers import SourceTable, open_source, reading
from ingestion.readers.options import DELIMITER_CANDIDATES
from ingestion.recoding import ROW_NUMBER
from ingestion.sql_text import quote_identifier

Step = Callable[[str], None]


class FileContractError(ValueError):
    """The file as a whole cannot be loaded (missing columns, no rows): nothing written."""


@dataclass(frozen=True)
class BatchResult:
    """What happened to one file."""

    source_path: Path
    kind: str
    sha256: str
    status: str  # loaded | skipped | refused
    batch_id: str
    rows_in: int = 0
    rows_loaded: int = 0
    rows_rejected: int = 0
    message: str = ""
    #: What the reader detected rather than was told (encoding, delimiter, sheet).
    notes: tuple[str, ...] = ()
    #: The most frequent reject fields with their counts.
    top_rejects: tuple[tuple[str, int], ...] = ()

    @property
    def reject_rate(self) -> float:
        return self.rows_rejected / self.rows_in if self.rows_in else 0.0


def load_file(
    db_path: Path,
    path: Path,
    plan: LoadPlan,
    max_reject_rate: float = 1.0,
    on_step: Step | None = None,
) -> BatchResult:
    """Read, check and write one file as a single batch."""
    step = on_step or (lambda _: None)
    if not path.is_file():
        raise FileContractError(f"{path}: no such file")
    step("checksum")
    sha = file_sha256(path)
    batch_id = f"{plan.kind}-{sha[:16]}"
    db_path.parent.mkdir(parents=True, exist_ok=True)
    with duckdb.connect(str(db_path)) as con:
        ensure_raw_schema(con)
        if _already_loaded(con, sha, plan.kind):
            return BatchResult(
                path, plan.kind, sha, "skipped", batch_id, message="already loaded (same sha256)"
            )
        # File order is row order: the loader numbers rows by insertion order.
        con.execute("set preserve_insertion_order = true")
        con.begin()
        try:
            result = _load_in_transaction(con, path, plan, sha, batch_id, max_reject_rate, step)
        except BaseException:
            con.rollback()
            raise
        if result.status == "loaded":
            step("commit")
            con.commit()
        else:
            con.rollback()
        return result


def _already_loaded(con: duckdb.DuckDBPyConnection, sha: str, kind: str) -> bool:
    rows = con.execute(
        "select count(*) from raw.load_batches where sha256 = ? and kind = ? and status = 'loaded'",
        [sha, kind],
    ).fetchall()
    return rows[0][0] > 0


def _load_in_transaction(
    con: duckdb.DuckDBPyConnection,
    path: Path,
    plan: LoadPlan,
    sha: str,
    batch_id: str,
    max_reject_rate: float,
    step: Step,
) -> BatchResult:
    started = datetime.now()
    step("reading")
    with open_source(con, path, plan.read_options) as source:
        _check_columns(path, plan, source)
        columns = plan.columns(source, sha)
        step("checking rows")
        with reading(path):
            con.execute(scan_sql(plan, source, columns))
        row_sql = _row_number_sql(con, source, columns)
        if plan.scrub_phones:
            step("scrubbing phone numbers")
            scrub_phones_in_table(con, CHECKED_TABLE, "comment", "country")
        step("checking keys")
        reject_duplicates_in_file(con, plan, row_sql)
        reject_duplicates_of_raw(con, plan)
        reject_bad_group_sums(con, plan.group_sum)
        with reading(path):
            fill_missing_records(con, plan, source, row_sql)
        notes = source.notes
    rows_in, rows_rejected = con.execute(
        f"select count(*), count(reject_field) from {CHECKED_TABLE}"
    ).fetchall()[0]
    if rows_in == 0:
        raise FileContractError(f"{path}: the file has a header but no data rows")
    result = BatchResult(
        path, plan.kind, sha, "loaded", batch_id, rows_in, rows_in - rows_rejected,
        rows_rejected, notes=notes, top_rejects=_top_rejects(con),
    )  # fmt: skip
    if result.reject_rate > max_reject_rate:
        return replace(
            result,
            status="refused",
            message=f"{rows_rejected} of {rows_in} rows rejected ({result.reject_rate:.1%}) "
            f"exceeds --max-reject-rate {max_reject_rate:.1%}; nothing written",
        )
    step("writing")
    _write_batch(con, path, plan, batch_id, columns, row_sql, started)
    con.execute(
        "insert into raw.load_batches (batch_id, source_path, sha256, kind, mapping, rows_in, "
        "rows_loaded, rows_rejected, started_at, finished_at, status) "
        "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'loaded')",
        [batch_id, str(path), sha, plan.kind, plan.mapping_text, rows_in, result.rows_loaded,
         rows_rejected, started, datetime.now()],
    )  # fmt: skip
    return result


def _check_columns(path: Path, plan: LoadPlan, source: SourceTable) -> None:
    """File-level contract: every column the plan names exists; labels only from SPSS."""
    missing = [column for column in plan.required_columns if column not in source.columns]
    if missing:
        shown = ", ".join(source.columns[:40]) + (", …" if len(source.columns) > 40 else "")
        hint = ""
        if len(source.columns) == 1:
            found = [d for d in DELIMITER_CANDIDATES if d in source.columns[0]]
            if found:
                hint = f" (the header looks {found[0]!r}-separated: check source.delimiter)"
        raise FileContractError(
            f"{path}: missing column(s) {', '.join(missing)}; the file has {shown}{hint}"
        )
    if plan.labelled_columns and not source.value_labels:
        raise FileContractError(
            f"{path}: the mapping stores value labels of {', '.join(plan.labelled_columns)}, "
            "but the file carries none (only SPSS files do); use a values map instead"
        )


def _row_number_sql(con: duckdb.DuckDBPyConnection, source: SourceTable, columns: list) -> str:
    """SQL for a checked row's 1-based data row number."""
    if numbered_in_scan(source, columns):
        return f"{CHECKED_TABLE}.{ROW_NUMBER}"
    first = con.execute(f"select coalesce(min(rowid), 0) from {CHECKED_TABLE}").fetchall()[0][0]
    return f"({CHECKED_TABLE}.rowid - {int(first) - 1})"


def _top_rejects(con: duckdb.DuckDBPyConnection) -> tuple[tuple[str, int], ...]:
    rows = con.execute(
        f"select reject_field, count(*) from {CHECKED_TABLE} where reject_field is not null "
        "group by all order by 2 desc, 1 limit 3"
    ).fetchall()
    return tuple((str(field), int(count)) for field, count in rows)


def _write_batch(
    con: duckdb.DuckDBPyConnection,
    path: Path,
    plan: LoadPlan,
    batch_id: str,
    columns: list,
    row_sql: str,
    loaded_at: datetime,
) -> None:
    """Accepted rows into the raw table; rejected ones, as pseudonymised JSON, aside."""
    names = ", ".join(column.name for column in columns)
    con.execute(
        f"insert into raw.{plan.table} (batch_id, source_file, row_number, loaded_at, {names}) "
        f"select ?, ?, {row_sql}, ?, {names} from {CHECKED_TABLE} where reject_field is null",
        [batch_id, path.name, loaded_at],
    )
    record = "reject_record"
    for source_column, target in plan.private_columns.items():
        record = f"struct_insert({record}, {quote_identifier(source_column)} := {target})"
    con.execute(
        "insert into raw.rejected_rows (batch_id, row_number, field, reason, record) "
        f"select ?, {row_sql}, reject_field, reject_reason, to_json({record}) "
        f"from {CHECKED_TABLE} where reject_field is not null",
        [batch_id],
    )


def load_survey_file(
    db_path: Path,
    path: Path,
    mapping: QuestionnaireMapping,
    salt: str,
    max_reject_rate: float = 1.0,
    on_step: Step | None = None,
) -> BatchResult:
    """Load one survey export through its questionnaire mapping."""
    return load_file(db_path, path, survey_plan(mapping, salt), max_reject_rate, on_step)


def load_industry_file(
    db_path: Path,
    path: Path,
    kind: str,
    max_reject_rate: float = 1.0,
    on_step: Step | None = None,
) -> BatchResult:
    """Load one companies, sectors, margins or maturity file."""
    return load_file(db_path, path, industry_plan(kind), max_reject_rate, on_step)
