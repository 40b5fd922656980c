"""Which raw rows count: those of active load batches.

A batch superseded by a corrected load or retracted keeps its rows in raw for
the audit trail (ingestion/batch_status.py); everything that reads raw for
numbers — ingestion's duplicate checks, dbt staging, the quality suites,
publish — reads active batches only. Shared here because those stages may not
import each other.
"""

#: ``raw.load_batches.status`` of a batch whose rows count.
ACTIVE_STATUS = "loaded"

#: SQL condition on a raw table's ``batch_id``: the row belongs to an active batch.
ACTIVE_BATCH_ROWS = (
    f"batch_id in (select batch_id from raw.load_batches where status = '{ACTIVE_STATUS}')"
)
