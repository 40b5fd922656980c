"""File-level contract: what must hold of a file as a whole before any row is judged."""

from __future__ import annotations

from pathlib import Path

from cxbench.ingestion.plan import LoadPlan
from cxbench.ingestion.readers import SourceTable
from cxbench.ingestion.readers.options import DELIMITER_CANDIDATES


class FileContractError(ValueError):
    """The file as a whole cannot be loaded (missing columns, no rows): nothing written."""


def check_file_columns(path: Path, plan: LoadPlan, source: SourceTable) -> None:
    """File-level contract: every column the plan names exists once; labels only from SPSS."""
    repeated = [column for column in plan.required_columns if column in source.duplicated]
    if repeated:
        raise FileContractError(
            f"{path}: column(s) {', '.join(repeated)} appear more than once in the header; "
            "the mapping cannot tell which one is meant: rename the repeats in the file"
        )
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
    unlabelled = [column for column in plan.labelled_columns if not source.value_labels.get(column)]
    if unlabelled:
        raise FileContractError(
            f"{path}: the mapping stores value labels of {', '.join(unlabelled)}, "
            "but the file has no value labels for them; map their codes with values instead"
        )
