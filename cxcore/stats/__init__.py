"""Small numerical building blocks of the methodology, shared by dbt Python models,
the synthetic generator and the tests: raking weights, Johnson's relative weights and
the delete-a-group jackknife of their uncertainty.

Both work on small summaries (cell counts, moment matrices), never on evaluation
rows, so the heavy lifting stays in SQL.
"""

from cxcore.stats.jackknife import delete_a_group_std_error
from cxcore.stats.raking import RakingResult, rake_cells
from cxcore.stats.relative_weights import (
    correlations_from_moments,
    relative_weights,
    relative_weights_from_correlations,
)

__all__ = [
    "RakingResult",
    "correlations_from_moments",
    "delete_a_group_std_error",
    "rake_cells",
    "relative_weights",
    "relative_weights_from_correlations",
]
