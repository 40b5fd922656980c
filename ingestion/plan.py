"""What the loader needs to know about one file, independent of its kind."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from cxbench.ingestion.contracts import TargetColumn
from cxbench.ingestion.mapping import Study
from cxbench.ingestion.readers import ReadOptions, SourceTable


@dataclass(frozen=True)
class GroupSum:
    """Rows of one group whose ``value`` must add up to ``total`` (population shares)."""

    group: tuple[str, ...]
    value: str
    total: float = 1.0
    tolerance: float = 0.005


@dataclass(frozen=True)
class LoadPlan:
    """A file's kind, target table, contract and cross-row rules."""

    kind: str
    table: str
    required_columns: tuple[str, ...]
    #: Compiled once the file is open (header and value labels known) from the source
    #: and the file's sha256 (ids made from row numbers include it).
    columns: Callable[[SourceTable, str], list[TargetColumn]]
    key: tuple[str, ...]
    #: Columns that narrow the raw rows a new row could duplicate (survey: wave and
    #: country); ``None``: duplicates are only looked for within the file.
    dedupe_partition: tuple[str, ...] | None = None
    #: Appended to a duplicate key's reject reason: what the contract says instead.
    duplicate_hint: str = ""
    #: Key columns that may be NULL (a company list's ``valid_from_wave``: NULL is
    #: "from the first wave"); two NULLs are the same key, compared null-safe.
    nullable_key: tuple[str, ...] = ()
    #: Source column → target column whose pseudonymised value stands in for it in a
    #: rejected row's record (respondent id → its hash, comment → scrubbed text).
    private_columns: Mapping[str, str] = field(default_factory=dict)
    #: Source columns kept in a rejected row's record; ``None``: every column.
    record_columns: tuple[str, ...] | None = None
    group_sum: GroupSum | None = None
    read_options: ReadOptions = field(default_factory=ReadOptions)
    labelled_columns: tuple[str, ...] = ()
    #: Ways to have the reader parse columns itself (column → DOUBLE, DATE),
    #: tried in order; the file is read as text when none of them parses every cell.
    typed_tiers: tuple[Mapping[str, str], ...] = ()
    mapping_text: str | None = None
    #: The survey export's study and the statements its questionnaire asks, recorded
    #: on its batch (``None`` for files that are not survey exports).
    study: Study | None = None
    measured_statements: tuple[str, ...] = ()
    #: Of those, the statements whose column is a provider's latent score.
    latent_statements: tuple[str, ...] = ()
    #: The file's column of design weights (raking's starting weights), if any.
    design_weight_column: str | None = None
