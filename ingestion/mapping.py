"""Questionnaire mappings: how one provider's export translates to canonical fields.

A mapping is validated completely before any row is read, and every problem is
reported with the YAML key it concerns, so a researcher fixes a mapping in one
round instead of one error at a time. The format is documented in
docs/data-contracts.md §2. This module holds the validated records; reading and
checking a file is :func:`cxbench.ingestion.mapping_parse.load_mapping`, and the section
readers shared with maturity mappings are in :mod:`cxbench.ingestion.mapping_sections`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from cxbench.ingestion.mapping_yaml import MappingYamlError, strict_yaml
from cxbench.ingestion.readers.options import ReadOptions
from cxcore.catalogue import statement_ids

KEY_FIELDS = ("respondent_id", "brand_id")
ROW_FIELDS = (
    "country", "wave", "interaction_date", "channel", "age", "gender", "region", "weight"
)  # fmt: skip
FIXED_FIELDS = ("country", "wave", "brand_id")
STATEMENT_SCALE = (1.0, 10.0)
OUTCOME_SCALES: dict[str, tuple[float, float]] = {
    "nps": (0.0, 10.0),
    "loyalty": (0.0, 10.0),
    "csat": (1.0, 5.0),
    "ces": (1.0, 7.0),
}
#: Outcomes the methodology needs; csat and ces are optional (docs/data-contracts.md §2).
REQUIRED_OUTCOMES = ("nps", "loyalty")
DECIMALS = ("auto", ".", ",")
#: What a field's source may say besides its column, per field; any other option
#: is an error (an option accepted without effect would mislead the researcher).
#: Keys and country/wave are part of the row's key: they cannot be missing.
FIELD_OPTIONS: dict[str, frozenset[str]] = {
    "respondent_id": frozenset({"row_number"}),
    "brand_id": frozenset({"values", "labels"}),
    "country": frozenset({"values", "labels"}),
    "wave": frozenset({"values", "labels"}),
    "interaction_date": frozenset({"missing"}),
    "channel": frozenset({"values", "labels", "missing", "out_of_range"}),
    "gender": frozenset({"values", "labels", "missing", "out_of_range"}),
    "region": frozenset({"values", "labels", "missing", "out_of_range"}),
    "age": frozenset({"missing", "out_of_range"}),
    #: A design weight is a number on every row: a missing one rejects the row
    #: (ingestion/design_weight.py), so it takes no missing codes or value map.
    "weight": frozenset(),
}
#: Plausible respondent ages in whole years; outside it a row is rejected (or the
#: age is NULL with ``out_of_range: missing``).
AGE_RANGE = (14, 110)
#: ``out_of_range``: reject the row (the default) or store NULL for the field.
OUT_OF_RANGE = ("reject", "missing")


class MappingError(ValueError):
    """A questionnaire mapping that cannot be used; lists every problem found."""

    def __init__(self, path: Path, problems: list[str]) -> None:
        self.path = path
        self.problems = problems
        listing = "\n".join(f"  - {problem}" for problem in problems)
        super().__init__(f"invalid mapping {path}:\n{listing}")


@dataclass(frozen=True)
class ColumnSource:
    """Where a canonical value comes from in each row.

    Exactly one of: a source ``column`` (optionally recoded by ``values``, a
    code → value map where an unmapped code rejects the row, or by the file's SPSS
    value ``labels``), or ``row_number`` (an id made from the file's checksum and
    the row number, for files without a respondent id column). ``missing`` codes
    become NULL before any recoding; ``out_of_range="missing"`` stores NULL instead
    of rejecting the row when a value lies outside the field's range (age) or its
    value map / labels (channel, gender, region) — both only where the mapping
    says so.
    """

    column: str | None = None
    values: Mapping[str, str] | None = None
    labels: bool = False
    row_number: bool = False
    missing: tuple[str, ...] = ()
    out_of_range: str = "reject"


@dataclass(frozen=True)
class ItemMapping:
    """One scored item: its source column and how to bring it onto the canonical scale."""

    column: str
    source_scale: tuple[float, float]
    target_scale: tuple[float, float]
    missing: tuple[str, ...] = ()
    offset: float = 0.0
    #: Source code → number on the source scale, for answers exported as codes.
    values: Mapping[str, float] | None = None
    #: The column holds a provider's latent variable score (a PLS model's estimate
    #: for the construct the statement stands for), not an answer: a continuous
    #: score on a declared scale, always read as a decimal number.
    latent: bool = False
    #: The scale has whole steps only (``integer: true``): a fraction is rejected with
    #: that reason instead of stored or judged as out of range.
    integer: bool = False


@dataclass(frozen=True)
class Coverage:
    """Which pillars and outcomes the questionnaire measures; the rest stays NULL."""

    pillars: tuple[str, ...]
    outcomes: tuple[str, ...]
    partial: bool = False
    note: str = ""


@dataclass(frozen=True)
class Study:
    """The study an export belongs to: what its scores are compared with.

    Ranks, averages, weighting and wave-over-wave changes stay within one study;
    two unrelated studies in one country never become waves of one panel.
    """

    study_id: str
    name: str
    instrument: str = ""


@dataclass(frozen=True)
class QuestionnaireMapping:
    """A validated mapping from one export's columns to the canonical survey record."""

    path: Path
    source: ReadOptions
    decimal: str
    fixed: dict[str, Any]
    keys: dict[str, ColumnSource]
    fields: dict[str, ColumnSource]
    statements: dict[str, ItemMapping]
    outcomes: dict[str, ItemMapping]
    comment: str | None
    coverage: Coverage
    study: Study
    description: str = ""
    raw_text: str = field(default="", repr=False)

    def measured_statements(self) -> tuple[str, ...]:
        """The catalogue statements the questionnaire asks, in catalogue order."""
        return tuple(sid for sid in statement_ids() if sid in self.statements)

    def latent_statements(self) -> tuple[str, ...]:
        """The measured statements whose column is a latent score, in catalogue order."""
        return tuple(sid for sid in self.measured_statements() if self.statements[sid].latent)

    def source_columns(self) -> list[str]:
        """Every source column the mapping names (they must all exist in the file)."""
        sources = [*self.keys.values(), *self.fields.values()]
        columns = [source.column for source in sources if source.column]
        columns += [item.column for item in (*self.statements.values(), *self.outcomes.values())]
        if self.comment:
            columns.append(self.comment)
        return list(dict.fromkeys(columns))

    def labelled_columns(self) -> list[str]:
        """Source columns whose SPSS value labels the mapping asks to store."""
        sources = [*self.keys.values(), *self.fields.values()]
        return [source.column for source in sources if source.labels and source.column]


def read_mapping_document(path: Path) -> tuple[str, Mapping[str, Any]]:
    """The text of a mapping file and its YAML document, or a :class:`MappingError`.

    Shared by every kind of mapping: an unreadable file, YAML a mapping may not
    use (a duplicate key, an alias) or a document that is not a mapping of keys is
    a file-level error before any section is looked at.
    """
    try:
        text = path.read_text(encoding="utf-8")
        document = strict_yaml(text)
    except MappingYamlError as error:
        raise MappingError(path, [str(error)]) from error
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise MappingError(path, [f"cannot read YAML: {error}"]) from error
    if not isinstance(document, Mapping):
        raise MappingError(path, ["top level must be a mapping of keys"])
    return text, document
