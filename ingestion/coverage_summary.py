"""What one survey file measures, as ``cxbench ingest`` shows it: study, pillars, outcomes.

A researcher loading another provider's export should see at once what it can
and cannot say: which pillars it measures and with how many of their catalogue
statements ("Integrity 3/5, Empathy 1/5"), which it does not measure at all,
and which outcomes it carries. It is read from the validated mapping alone,
before or without a row: the mapping is what the scores will count against.
"""

from __future__ import annotations

from dataclasses import dataclass

from cxbench.ingestion.mapping import OUTCOME_SCALES, QuestionnaireMapping
from cxcore.catalogue import pillars, statements_of


@dataclass(frozen=True)
class PillarCoverage:
    """How many of a pillar's catalogue statements the questionnaire asks."""

    pillar_id: str
    label: str
    n_measured: int
    n_statements: int


@dataclass(frozen=True)
class CoverageSummary:
    """One file's study, its pillars in display order and the outcomes it maps."""

    study_id: str
    study_name: str
    pillars: tuple[PillarCoverage, ...]
    outcomes: tuple[str, ...]
    #: The file's column of design weights (raking starts from them), if any.
    design_weight_column: str | None = None

    @property
    def measured(self) -> tuple[PillarCoverage, ...]:
        return tuple(pillar for pillar in self.pillars if pillar.n_measured)

    @property
    def not_measured(self) -> tuple[PillarCoverage, ...]:
        return tuple(pillar for pillar in self.pillars if not pillar.n_measured)

    def pillars_text(self) -> str:
        """E.g. ``Integrity 3/5, Empathy 1/5; not measured: Personalisation, …``."""
        text = ", ".join(f"{p.label} {p.n_measured}/{p.n_statements}" for p in self.measured)
        if self.not_measured:
            missing = ", ".join(pillar.label for pillar in self.not_measured)
            text = f"{text}; not measured: {missing}" if text else f"not measured: {missing}"
        return text or "no pillar"

    def outcomes_text(self) -> str:
        return ", ".join(self.outcomes) or "none"

    def weights_text(self) -> str:
        """Where raking starts: the provider's design weights or 1 for everyone."""
        if self.design_weight_column is None:
            return "none in the file (raking starts every respondent at 1)"
        return f"design weights from column {self.design_weight_column} (raking starts from them)"


def summarize_coverage(mapping: QuestionnaireMapping) -> CoverageSummary:
    """The coverage a mapping declares, counted against the statement catalogue."""
    measured = set(mapping.measured_statements())
    return CoverageSummary(
        study_id=mapping.study.study_id,
        study_name=mapping.study.name,
        pillars=tuple(
            PillarCoverage(
                pillar.pillar_id,
                pillar.label_en,
                sum(1 for sid in statements_of(pillar.pillar_id) if sid in measured),
                len(statements_of(pillar.pillar_id)),
            )
            for pillar in pillars()
        ),
        outcomes=tuple(name for name in OUTCOME_SCALES if name in mapping.outcomes),
        design_weight_column=weight.column if (weight := mapping.fields.get("weight")) else None,
    )
