"""Johnson's relative weights, kept importable from the generator.

The implementation lives in :mod:`cxcore.stats.relative_weights`, shared with the
warehouse's pillar-importance model; this module only re-exports it so that the
generator's truth and the warehouse use exactly the same method.
"""

from __future__ import annotations

from cxcore.stats.relative_weights import relative_weights, relative_weights_from_correlations

__all__ = ["relative_weights", "relative_weights_from_correlations"]
