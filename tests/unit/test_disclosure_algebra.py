"""The rank test of tests/fixtures/disclosure_algebra.py on examples small enough to do by hand.

A country of six companies: sector A = {0, 1, 2} (shown), sector B = {3, 4}
(withheld: too few), and company 5 in no sector (unassigned). The national mean
is (x0 + … + x5) / 6.
"""

from __future__ import annotations

import numpy as np

from tests.fixtures.disclosure_algebra import (
    Aggregate,
    RowSpace,
    plain_mean,
    recomputable,
    unit,
    weighted_mean,
)

N = 6


def _country(*, b_shown: bool = False, country_shown: bool = True) -> list[Aggregate]:
    return [
        Aggregate("A", plain_mean([0, 1, 2], N), True),
        Aggregate("B", plain_mean([3, 4], N), b_shown),
        Aggregate("country", plain_mean(range(N), N), country_shown),
    ]


def test_a_withheld_sector_follows_by_difference_when_the_rest_is_known() -> None:
    # 6·country − 3·A = x3 + x4 + x5: the unassigned company 5 alone blocks it …
    assert recomputable(_country(), [], N) == []
    # … until company 5 itself reads the numbers: it knows x5, so it gets 2·B
    assert recomputable(_country(), [unit(5, N)], N) == ["B"]


def test_withholding_the_national_mean_blocks_the_difference() -> None:
    assert recomputable(_country(country_shown=False), [unit(5, N)], N) == []


def test_a_reader_knowing_its_own_score_recomputes_a_pair_it_belongs_to_only_with_help() -> None:
    # company 3 knows x3; B = (x3 + x4) / 2 stays unknown without the country …
    assert recomputable(_country(country_shown=False), [unit(3, N)], N) == []
    # … and with it, x4 + x5 is known but not x4: B stays withheld
    assert recomputable(_country(), [unit(3, N)], N) == []


def test_plain_and_revenue_weighted_means_together_pin_two_companies() -> None:
    """Two equations, two unknowns: a residual of two companies gives both away."""
    revenue = {0: 1.0, 1: 1.0, 2: 1.0, 3: 5.0, 4: 2.0, 5: 1.0}
    known = [
        plain_mean([0, 1, 2], N),
        plain_mean(range(N), N),
        weighted_mean({i: revenue[i] for i in (0, 1, 2)}, N),
        weighted_mean(revenue, N),
        unit(5, N),
    ]
    space = RowSpace(known, N)
    assert space.contains(unit(3, N)) and space.contains(unit(4, N))
    assert not RowSpace(known[:2] + known[4:], N).contains(unit(3, N))


def test_row_space_rank_and_zero_vector() -> None:
    space = RowSpace([plain_mean([0, 1], N), 2 * plain_mean([0, 1], N)], N)
    assert space.rank == 1
    assert space.contains(np.zeros(N))
    assert not RowSpace([], N).contains(unit(0, N))
