"""Free-text comments in the country's language, some with planted personal data.

About 30% of evaluations carry a comment (detractors write more often than
passives). The sentiment follows the advocacy score and the topic sentence the
respondent's best or worst pillar. About 8% of comments get a name, an e-mail
address or a phone number appended; each planted value is returned so that it
can be written to ``truth/planted_pii.csv``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from cxbench.generator.comment_text import TEXT
from cxbench.generator.pii import KINDS, planted_sentences, planted_values

#: Probability of a comment for promoters (9–10), passives (7–8), detractors (0–6).
COMMENT_RATE = (0.30, 0.24, 0.38)
TOPIC_RATE = 0.6  # share of comments with a sentence about a pillar
PII_RATE = 0.08  # share of comments with a planted personal-data item
N_OPENERS, N_VARIANTS = 4, 2


@dataclass(frozen=True)
class Comments:
    """Comment column of a batch and the personal data planted in it."""

    text: pa.Array  # string per evaluation, null where there is no comment
    pii_rows: np.ndarray  # evaluation index within the batch, ascending
    pii_kinds: np.ndarray  # kind name per planted item
    pii_values: pa.Array  # exact planted value per item


@cache
def _sentence_table(language: str) -> pa.Array:
    """Every possible comment of a language, indexed by :func:`_sentence_index`."""
    text = TEXT[language]
    sentences = []
    # sentiment order: positive, neutral, negative (see draw_comments)
    for openers, topics in (
        (text.positive, text.praise),
        (text.neutral, text.complaint),
        (text.negative, text.complaint),
    ):
        for opener in openers:
            sentences.extend(opener for _ in topics)
            for variant in range(N_VARIANTS):
                sentences.extend(f"{opener} {topic[variant]}" for topic in topics)
    return pa.array(sentences, type=pa.string())


def _sentence_index(
    sentiment: np.ndarray, opener: np.ndarray, variant: np.ndarray, pillar: np.ndarray
) -> np.ndarray:
    """Position in the sentence table; variant 0 means "no topic sentence"."""
    n_pillars = len(TEXT["en"].praise)
    return ((sentiment * N_OPENERS + opener) * (N_VARIANTS + 1) + variant) * n_pillars + pillar


def draw_comments(
    language: str, nps: np.ndarray, pillar_scores: np.ndarray, rng: np.random.Generator
) -> Comments:
    """Comments for one batch; ``pillar_scores`` pick the topic (best or worst pillar)."""
    n = nps.size
    sentiment = np.where(nps >= 9, 0, np.where(nps >= 7, 1, 2))
    has_comment = rng.random(n) < np.asarray(COMMENT_RATE)[sentiment]
    jittered = np.nan_to_num(pillar_scores, nan=5.5) + rng.random(pillar_scores.shape) * 0.01
    pillar = np.where(sentiment == 0, jittered.argmax(axis=1), jittered.argmin(axis=1))
    opener = rng.integers(N_OPENERS, size=n)
    with_topic = rng.random(n) < TOPIC_RATE
    variant = np.where(with_topic, 1 + rng.integers(N_VARIANTS, size=n), 0)
    index = _sentence_index(sentiment, opener, variant, pillar)
    base = _sentence_table(language).take(pa.array(index, mask=~has_comment))

    pii_rows = np.flatnonzero(has_comment & (rng.random(n) < PII_RATE))
    kind = rng.integers(len(KINDS), size=pii_rows.size)
    values = pa.nulls(pii_rows.size, pa.string())
    sentences = pa.nulls(pii_rows.size, pa.string())
    for number, name in enumerate(KINDS):
        chosen = np.flatnonzero(kind == number)
        planted = planted_values(language, name, chosen.size, rng)
        wrapped = planted_sentences(language, name, planted, rng)
        values = _scatter(values, chosen, planted)
        sentences = _scatter(sentences, chosen, wrapped)
    slot = np.full(n, -1)
    slot[pii_rows] = np.arange(pii_rows.size)
    extra = sentences.take(pa.array(slot, mask=slot < 0))
    joined = pc.binary_join_element_wise(base, extra, " ")
    text = pc.if_else(pc.is_null(extra), base, joined)
    return Comments(text, pii_rows, np.asarray(KINDS, dtype=object)[kind], values)


def _scatter(target: pa.Array, positions: np.ndarray, values: pa.Array) -> pa.Array:
    """``target`` with ``values`` written at ``positions``."""
    mask = np.zeros(len(target), dtype=bool)
    mask[positions] = True
    return pc.replace_with_mask(target, pa.array(mask), values)
