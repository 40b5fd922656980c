"""The only writer to the raw layer: one file, one batch, one transaction.

Every input row ends up either in its raw table or in ``raw.rejected_rows`` with
the field and reason, and ``raw.load_batches`` records the counts, so
``rows_in = rows_loaded + rows_rejected`` can be checked for every file ever
loaded. A file whose checksum is already loaded is skipped and says so, unless
it is loaded with ``replace``: then the new batch supersedes the earlier one in
the same transaction (:mod:`cxbench.ingestion.batch_status`). A batch rejecting more
than ``max_reject_rate`` of its rows, or loading none, writes nothing.

Everything happens in one transaction (:mod:`cxbench.ingestion.insert_ways` chooses how
the file is read, :mod:`cxbench.ingestion.passes` says how rows are inserted, numbered
and moved aside): any error rolls it back, and so does a
process killed mid-load (DuckDB replays only committed transactions from its
WAL), so a batch is all or nothing, and its intermediate states (rejected rows
still in raw with placeholders) are never visible.
"""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from pathlib import Path

import duckdb

from cxbench.ingestion.batch_result import BatchResult, commonest, refused
from cxbench.ingestion.batch_status import (
    CORRECTABLE_KINDS,
    active_batch_of,
    batches_replaced,
    mark_superseded,
    new_batch_id,
)
from cxbench.ingestion.contracts import TargetColumn
from cxbench.ingestion.cross_checks import (
    passed_rows,
    reject_bad_group_sums,
    reject_duplicates_in_file,
    reject_duplicates_of_raw,
)
from cxbench.ingestion.file_checks import FileContractError, check_file_columns
from cxbench.ingestion.id_text import FUNCTION as NORMAL_ID_FUNCTION
from cxbench.ingestion.id_text import IdNormaliser
from cxbench.ingestion.insert_ways import insert_rows
from cxbench.ingestion.load_warnings import (
    ensure_load_warnings,
    record_never_scoring,
    record_normalised_ids,
)
from cxbench.ingestion.mapping import QuestionnaireMapping
from cxbench.ingestion.maturity_contract import maturity_plan
from cxbench.ingestion.maturity_mapping import MaturityMapping
from cxbench.ingestion.passes import (
    REJECTS,
    batch_rows,
    collect_scan_rejects,
    delete_rejected_sql,
    insert_rejected_sql,
    number_rows,
    numbered_in_scan,
)
from cxbench.ingestion.phone_scrub import FUNCTION as SCRUB_PHONES_FUNCTION
from cxbench.ingestion.phone_scrub import register_phone_scrub
from cxbench.ingestion.plan import LoadPlan
from cxbench.ingestion.plans import industry_plan, survey_plan
from cxbench.ingestion.raw_schema import ensure_raw_schema, numbers_compressed_with_alp
from cxbench.ingestion.readers import (
    SourceTable,
    open_source,
    reading,
    warm_up,
)
from cxbench.ingestion.readers.csv_parts import duckdb_threads
from cxbench.ingestion.readers.digit_separators import DigitSeparatorSearch
from cxbench.ingestion.readers.digit_separators import record as record_digit_separators
from cxbench.ingestion.reject_limit import DEFAULT_MAX_REJECT_RATE
from cxbench.ingestion.scratch_space import scratch_directory
from cxcore.checksums import file_sha256
from cxcore.storage import connect_writable

Step = Callable[[str], None]
__all__ = [
    "BatchResult",
    "FileContractError",
    "load_file",
    "load_industry_file",
    "load_maturity_file",
    "load_survey_file",
]


def load_file(
    db_path: Path,
    path: Path,
    plan: LoadPlan,
    max_reject_rate: float = DEFAULT_MAX_REJECT_RATE,
    on_step: Step | None = None,
    replace: bool = False,
) -> BatchResult:
    """Read, check and write one file as a single batch (one transaction).

    ``replace``: supersede the active batches this file corrects (same sha256,
    or same file name, study and partition: :func:`batches_replaced`) instead
    of skipping a file already loaded.
    """
    step = on_step or (lambda _: None)
    if not path.is_file():
        raise FileContractError(f"{path}: no such file")
    if replace and plan.kind not in CORRECTABLE_KINDS:
        raise FileContractError(
            f"{path}: --replace works for {' and '.join(CORRECTABLE_KINDS)} files; "
            f"{plan.kind} reference data is delivered again as a new file"
        )
    step("checksum")
    with scratch_directory() as scratch:
        con, sha, normaliser = _open_warehouse(db_path, path, plan, scratch)
        try:
            return _load_batch(
                con, path, plan, sha, normaliser, scratch, max_reject_rate, step, replace
            )
        finally:
            _close_warehouse(con)


def _open_warehouse(
    db_path: Path, path: Path, plan: LoadPlan, scratch: Path
) -> tuple[duckdb.DuckDBPyConnection, str, IdNormaliser]:
    """The warehouse opened for the load, the file's checksum, and the reader warmed up.

    hashlib releases the GIL: the checksum (a whole read of the file, searched
    for digit separators on the way) runs beside opening the warehouse, creating
    its raw schema and the reader's warm-up (a large CSV cut into parts in ``scratch``).
    """
    with ThreadPoolExecutor(max_workers=2) as pool:
        checksum = pool.submit(_checksum, path)
        db_path.parent.mkdir(parents=True, exist_ok=True)
        con = connect_writable(db_path)
        try:
            # A timestamp with a time zone (Parquet) becomes its UTC date, whatever
            # the zone of the machine that loads it.
            con.execute("set TimeZone = 'UTC'")
            threads = duckdb_threads(con)
            warming = pool.submit(warm_up, path, plan.read_options, threads, scratch)
            ensure_raw_schema(con)
            ensure_load_warnings(con)
            normaliser = IdNormaliser(con)
            register_phone_scrub(con)
            sha = checksum.result()
            warming.result()
        except BaseException:
            _close_warehouse(con)
            raise
    return con, sha, normaliser


def _checksum(path: Path) -> str:
    """The file's sha256; what a search for digit separators found is remembered beside."""
    search = DigitSeparatorSearch()
    sha = file_sha256(path, search.feed)
    record_digit_separators(path, search)
    return sha


def _close_warehouse(con: duckdb.DuckDBPyConnection) -> None:
    """Close the load's connection, removing its Python SQL functions from the database first.

    DuckDB registers them in the database instance, which every connection of
    the process to the same file shares. Left there, they outlive the load,
    however it ended: the next load's registration fails ("already exists"),
    and a query after this connection closed would call a function whose
    connection is gone, which crashes the process.
    """
    for name in (NORMAL_ID_FUNCTION, SCRUB_PHONES_FUNCTION):
        with contextlib.suppress(duckdb.InvalidInputException):  # not registered yet
            con.remove_function(name)
    con.close()


def _load_batch(
    con: duckdb.DuckDBPyConnection,
    path: Path,
    plan: LoadPlan,
    sha: str,
    normaliser: IdNormaliser,
    scratch: Path,
    max_reject_rate: float,
    step: Step,
    replace: bool,
) -> BatchResult:
    """The batch's one transaction: skipped, refused (rolled back) or committed."""
    loaded_as = active_batch_of(con, sha, plan.kind)
    if loaded_as is not None and not replace:
        return BatchResult(
            path, plan.kind, sha, "skipped", loaded_as,
            message=f"already loaded (same sha256) as batch {loaded_as}; to load it again "
            "(e.g. with a corrected mapping) use ingest --replace",
        )  # fmt: skip
    batch_id = new_batch_id(con, plan.kind, sha)
    # File order is row order: rows are numbered by their position in the insert.
    con.execute("set preserve_insertion_order = true")
    step("reading")
    started = datetime.now()
    with (
        open_source(con, path, plan.read_options, scratch) as opened,
        numbers_compressed_with_alp(con),
    ):
        check_file_columns(path, plan, opened)
        step("checking and inserting rows")
        source, columns, notes = insert_rows(
            con, path, plan, opened, (sha, batch_id, started), normaliser
        )
        normalised = normaliser.changed()
        try:
            result = _settle_batch(
                con, path, plan, source, columns, (sha, batch_id, started), step, replace
            )
            notes += record_normalised_ids(con, batch_id, normalised)
            result = dataclasses.replace(result, notes=notes)
            if result.rows_loaded == 0 or result.reject_rate > max_reject_rate:
                con.rollback()
                return refused(result, max_reject_rate)
            step("commit")
            con.commit()
        except BaseException:
            con.rollback()
            raise
    return result


def _settle_batch(
    con: duckdb.DuckDBPyConnection,
    path: Path,
    plan: LoadPlan,
    source: SourceTable,
    columns: list[TargetColumn],
    batch: tuple[str, str, datetime],
    step: Step,
    replace: bool = False,
) -> BatchResult:
    """Number rows, scrub phones, cross-row checks, move rejected rows aside, record the batch.

    With ``replace``, the batches this file corrects are marked superseded
    before the duplicate-key checks, so its rows are checked against the
    active batches only; the whole transaction still rolls back on refusal.
    """
    sha, batch_id, started = batch
    if not numbered_in_scan(source, columns):
        number_rows(con, plan, batch_id)
    collect_scan_rejects(con, plan, batch_id)
    replaced = []
    if plan.kind in CORRECTABLE_KINDS:  # reference data is delivered again as a new file
        replaced = batches_replaced(con, plan, path, sha, passed_rows(plan, batch_id))
    if replaced and not replace:
        _refuse_unannounced_correction(path, plan, replaced)
    mark_superseded(con, replaced, batch_id, path.name)
    # Phone numbers were scrubbed in the scan (ingestion.phone_scrub).
    step("checking keys")
    reject_duplicates_in_file(con, plan, batch_id)
    reject_duplicates_of_raw(con, plan, batch_id)
    reject_bad_group_sums(con, plan, batch_id, plan.group_sum)
    rows_in = con.execute(
        f"select count(*) from raw.{plan.table} where {batch_rows(batch_id)}"
    ).fetchall()[0][0]
    if rows_in == 0:
        raise FileContractError(f"{path}: the file has a header but no data rows")
    rows_rejected = con.execute(f"select count(*) from {REJECTS}").fetchall()[0][0]
    if rows_rejected:
        step("writing rejected rows")
        with reading(path):
            con.execute(insert_rejected_sql(plan, source, columns, batch_id), [batch_id])
        con.execute(delete_rejected_sql(plan, batch_id))
    result = BatchResult(
        path, plan.kind, sha, "loaded", batch_id, rows_in, rows_in - rows_rejected,
        rows_rejected, top_rejects=commonest(con, batch_id, "field"),
        top_reasons=commonest(con, batch_id, "reason"), replaced=tuple(replaced),
    )  # fmt: skip
    study = plan.study
    con.execute(
        "insert into raw.load_batches (batch_id, source_path, sha256, kind, mapping, rows_in, "
        "rows_loaded, rows_rejected, started_at, finished_at, status, study_id, study_name, "
        "study_instrument, measured_statements, latent_statements, design_weight_column) "
        "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'loaded', ?, ?, ?, ?, ?, ?)",
        [batch_id, str(path), sha, plan.kind, plan.mapping_text, rows_in, result.rows_loaded,
         rows_rejected, started, datetime.now(), study and study.study_id, study and study.name,
         study and study.instrument, ",".join(plan.measured_statements) if study else None,
         ",".join(plan.latent_statements) if study else None, plan.design_weight_column],
    )  # fmt: skip
    if plan.kind == "survey":
        result = dataclasses.replace(result, warnings=record_never_scoring(con, batch_id))
    return result


def _refuse_unannounced_correction(path: Path, plan: LoadPlan, earlier: list[str]) -> None:
    """Refuse a file that a ``--replace`` load would take for a correction of ``earlier``.

    Another file of the same name for the same study, wave and country is a
    corrected or re-saved delivery. Loaded beside the first, its respondents
    count twice; the duplicate-key check catches that only where the file has
    respondent ids, not where they come from row numbers (a new checksum gives
    every row a new id). So it is refused whatever its ids, saying how to load it.
    """
    partition = ", ".join(plan.dedupe_partition or ()) or "kind"
    raise FileContractError(
        f"{path}: active batch {', '.join(earlier)} already holds a file named "
        f"{path.name!r} with rows of the same {partition}. A corrected or re-saved "
        "file replaces it: run the same ingest again with --replace. A file of other "
        "respondents needs a name of its own. Nothing written"
    )


def load_survey_file(
    db_path: Path,
    path: Path,
    mapping: QuestionnaireMapping,
    salt: str,
    max_reject_rate: float = DEFAULT_MAX_REJECT_RATE,
    on_step: Step | None = None,
    replace: bool = False,
) -> BatchResult:
    """Load one survey export through its questionnaire mapping."""
    return load_file(db_path, path, survey_plan(mapping, salt), max_reject_rate, on_step, replace)


def load_industry_file(
    db_path: Path,
    path: Path,
    kind: str,
    max_reject_rate: float = DEFAULT_MAX_REJECT_RATE,
    on_step: Step | None = None,
    replace: bool = False,
) -> BatchResult:
    """Load one companies, sectors or margins file (``replace`` is refused: see batch_status)."""
    return load_file(db_path, path, industry_plan(kind), max_reject_rate, on_step, replace)


def load_maturity_file(
    db_path: Path,
    path: Path,
    mapping: MaturityMapping | None,
    salt: str,
    max_reject_rate: float = DEFAULT_MAX_REJECT_RATE,
    on_step: Step | None = None,
    replace: bool = False,
) -> BatchResult:
    """Load one maturity self-assessment file (canonical columns when ``mapping`` is None)."""
    return load_file(db_path, path, maturity_plan(mapping, salt), max_reject_rate, on_step, replace)
