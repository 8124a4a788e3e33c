"""Sentence alignment: length-based dynamic programming in the Gale–Church manner, with anchors.

Costs follow Gale & Church (1993): a bead's cost is ``-log P(match) - log P(delta | match)`` where
``delta = (l_en - c * l_zh) / sqrt(l_zh * s2)``. For Chinese → English, ``c`` (English characters
per Chinese character) is estimated from the two totals and clamped to [1, 6], and ``s2`` is the
paper's 6.8 scaled by ``c`` (the variance grows with the ratio). Anchors are keys a sentence
holds (glossary concept ids, number values): each key shared inside a bead lowers its cost by
:data:`ANCHOR_BONUS` (at most :data:`MAX_BONUS`). A diagonal band keeps long inputs linear.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

#: (zh sentences, en sentences) of each bead kind, with its prior from Gale & Church.
BEADS = {(1, 1): 0.89, (1, 0): 0.0099, (0, 1): 0.0099, (2, 1): 0.089, (1, 2): 0.089, (2, 2): 0.011}
S2 = 6.8
ANCHOR_BONUS = 2.0
MAX_BONUS = 8.0
INF = float("inf")


@dataclass(frozen=True, slots=True)
class Bead:
    """A group of aligned sentences: indices on each side (either may be empty) and its cost."""

    zh: tuple[int, ...]
    en: tuple[int, ...]
    cost: float


def _length_cost(lz: int, le: int, c: float) -> float:
    if lz == 0 and le == 0:
        return 0.0
    mean = max(lz, 1)
    delta = (le - c * lz) / math.sqrt(mean * S2 * c)
    p = 2 * (1 - 0.5 * (1 + math.erf(abs(delta) / math.sqrt(2))))
    return -math.log(max(p, 1e-12))


def align(zh_lengths: Sequence[int], en_lengths: Sequence[int], *,
          zh_keys: Sequence[set[str]] | None = None, en_keys: Sequence[set[str]] | None = None,
          ratio: float | None = None, band: int | None = None) -> list[Bead]:
    """Align two sentence sequences; every index of both sides is in exactly one bead, in order.

    >>> [(b.zh, b.en) for b in align([10, 20, 10], [30, 30, 30, 30])]
    [((0,), (0,)), ((1,), (1, 2)), ((2,), (3,))]
    """
    n, m = len(zh_lengths), len(en_lengths)
    if n == 0 or m == 0:
        return [Bead((i,), (), 0.0) for i in range(n)] + [Bead((), (j,), 0.0) for j in range(m)]
    c = ratio or min(6.0, max(1.0, sum(en_lengths) / max(1, sum(zh_lengths))))
    width = band or max(50, min(max(n, m) // 10, 400))
    zk = zh_keys or [set() for _ in range(n)]
    ek = en_keys or [set() for _ in range(m)]
    cost: dict[tuple[int, int], float] = {(0, 0): 0.0}
    back: dict[tuple[int, int], tuple[int, int]] = {}
    for i in range(n + 1):
        center = round(i * m / n)
        for j in range(max(0, center - width), min(m, center + width) + 1):
            if (i, j) == (0, 0):
                continue
            best, arg = INF, None
            for (di, dj), prior in BEADS.items():
                pi, pj = i - di, j - dj
                if pi < 0 or pj < 0 or (pi, pj) not in cost:
                    continue
                lz = sum(zh_lengths[pi:i])
                le = sum(en_lengths[pj:j])
                bead_cost = -math.log(prior) + _length_cost(lz, le, c)
                if di and dj:
                    shared = set().union(*zk[pi:i]) & set().union(*ek[pj:j])
                    bead_cost -= min(MAX_BONUS, ANCHOR_BONUS * len(shared))
                total = cost[(pi, pj)] + bead_cost
                if total < best:
                    best, arg = total, (pi, pj)
            if arg is not None:
                cost[(i, j)] = best
                back[(i, j)] = arg
    if (n, m) not in cost:  # the band missed the corner: widen once
        return align(zh_lengths, en_lengths, zh_keys=zh_keys, en_keys=en_keys, ratio=c, band=max(n, m) + 1)
    beads = []
    i, j = n, m
    while (i, j) != (0, 0):
        pi, pj = back[(i, j)]
        beads.append(Bead(tuple(range(pi, i)), tuple(range(pj, j)), cost[(i, j)] - cost[(pi, pj)]))
        i, j = pi, pj
    return beads[::-1]


def alignment_quality(beads: Sequence[Bead]) -> float:
    """Share of sentences in beads with both sides (1-1, 2-1, 1-2, 2-2) rather than 1-0 or 0-1."""
    total = sum(len(b.zh) + len(b.en) for b in beads)
    if not total:
        return 0.0
    paired = sum(len(b.zh) + len(b.en) for b in beads if b.zh and b.en)
    return paired / total
