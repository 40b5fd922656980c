"""Independent random streams, each named by what it generates.

Every stream is a :class:`numpy.random.SeedSequence` whose ``spawn_key`` is the
name of its job (a stream kind plus country code, wave, batch number). That is
the same mechanism ``SeedSequence.spawn`` uses, but keyed by name instead of by
position, so the Netherlands 2024 file comes out identical whether it was asked
for alone or with four other countries, in one process or in a pool of workers.
"""

from __future__ import annotations

from enum import IntEnum

import numpy as np


class Stream(IntEnum):
    """What a random stream is used for; the value is the first spawn-key element."""

    WORLD = 0  # statement offsets shared by all countries
    COUNTRY = 1  # companies, true levels, outcome weights of one country
    MARGINS = 2  # population margins of one country × wave
    DRIFT = 3  # change of company levels from one year to the next
    SURVEY = 4  # one batch of survey evaluations of one country × wave
    CALIBRATION = 5  # population sample used to calibrate outcome noise
    TRUTH = 6  # population sample behind the true pillar importance
    PRESENCE = 7  # entry and exit years of one country's companies
    PARTIAL_SURVEY = 8  # one batch of the partial-instrument study of one country × wave
    WAVE_TRUTH = 9  # population draw behind importance and R² of one country × wave
    OUTCOME_TRUTH = 10  # population draw behind one company's NPS, CSAT, CES in one wave


def _key_part(part: int | str) -> int:
    """Spawn keys are integers; a country code becomes the integer of its bytes."""
    if isinstance(part, str):
        return int.from_bytes(part.encode("ascii"), "big")
    return int(part)


def rng_for(seed: int, stream: Stream, *key: int | str) -> np.random.Generator:
    """A generator for one named job, independent of every other name."""
    spawn_key = (int(stream), *(_key_part(part) for part in key))
    return np.random.default_rng(np.random.SeedSequence(seed, spawn_key=spawn_key))
