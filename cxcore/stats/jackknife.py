"""Delete-a-group jackknife: the standard error of a statistic that has no formula.

Johnson's relative-weight shares are a non-linear function of a correlation
matrix, so no closed-form standard error exists. The jackknife needs only the
statistic itself: split the sample into G replicate groups, recompute the
statistic G times leaving one group out, and scale the spread of those G
replicates. With whole clusters (companies) in a group it respects that their
evaluations are not independent; with G fixed (20–50) it costs G refits of a
small matrix, never a pass over evaluations.
"""

from __future__ import annotations

import numpy as np


def delete_a_group_std_error(replicates: np.ndarray) -> np.ndarray:
    """Jackknife standard error from the G leave-one-group-out estimates (G × p).

    se² = (G − 1) / G · Σ_g (θ_(g) − θ̄)², θ̄ the mean of the replicates (Kott's
    delete-a-group jackknife; with one observation per group the usual
    delete-one jackknife, whose se for a mean is s / √n). Fewer than two
    groups give NaN: there is no spread to measure.
    """
    replicates = np.atleast_2d(np.asarray(replicates, dtype=float))
    groups = replicates.shape[0]
    if groups < 2:
        return np.full(replicates.shape[1], np.nan)
    deviations = replicates - replicates.mean(axis=0)
    return np.sqrt((groups - 1) / groups * (deviations**2).sum(axis=0))
