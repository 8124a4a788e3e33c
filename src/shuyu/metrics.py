"""Corpus terminology metrics: how each glossary concept is really rendered across aligned pairs.

Per concept: occurrences in the Chinese, and for each one how the aligned English renders it
(the glossary term that matched, with its status, or ``missing``); accuracy is the share
rendered with a preferred or admitted form, consistency the share of the most common rendering
(whatever it is: a corpus can be consistently wrong). Statistics are collected per pair and
merged, so a corpus is streamed and can be split across processes with identical results.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from dataclasses import field

from shuyu import numbers
from shuyu.checks.terms import Occurrence
from shuyu.checks.terms import concept_keys
from shuyu.checks.terms import resolve_elided
from shuyu.glossary.model import Glossary
from shuyu.match import Matcher
from shuyu.model import EN
from shuyu.model import ZH
from shuyu.model import Location
from shuyu.model import Status
from shuyu.text.document import Document
from shuyu.text.document import Segment
from shuyu.text.offsets import OffsetMap

MISSING = "missing"
MAX_EXAMPLES = 3


@dataclass(slots=True)
class ConceptStats:
    """How one concept is rendered across the corpus."""

    id: str
    zh: str
    occurrences: int = 0
    renderings: Counter[str] = field(default_factory=Counter)
    statuses: Counter[str] = field(default_factory=Counter)
    examples: dict[str, list[str]] = field(default_factory=dict)

    @property
    def accuracy(self) -> float:
        """Share of occurrences rendered with a preferred or admitted form."""
        ok = self.statuses[Status.PREFERRED.value] + self.statuses[Status.ADMITTED.value]
        return ok / self.occurrences if self.occurrences else 0.0

    @property
    def consistency(self) -> float:
        """Share of the most common rendering (``missing`` counts as a rendering)."""
        return max(self.renderings.values()) / self.occurrences if self.occurrences else 0.0

    def merge(self, other: ConceptStats) -> None:
        """Add another shard's counts (examples kept in shard order, at most three per rendering)."""
        self.occurrences += other.occurrences
        self.renderings.update(other.renderings)
        self.statuses.update(other.statuses)
        for form, ids in other.examples.items():
            mine = self.examples.setdefault(form, [])
            mine.extend(ids[: MAX_EXAMPLES - len(mine)])


@dataclass(slots=True)
class CorpusStats:
    """Everything a score run has counted."""

    pairs: int = 0
    concepts: dict[str, ConceptStats] = field(default_factory=dict)
    numbers_total: int = 0
    numbers_agree: int = 0
    dates_total: int = 0
    dates_agree: int = 0

    def merge(self, other: CorpusStats) -> None:
        """Add another shard (shards must be merged in corpus order for identical examples)."""
        self.pairs += other.pairs
        self.numbers_total += other.numbers_total
        self.numbers_agree += other.numbers_agree
        self.dates_total += other.dates_total
        self.dates_agree += other.dates_agree
        for cid, stats in other.concepts.items():
            if cid in self.concepts:
                self.concepts[cid].merge(stats)
            else:
                self.concepts[cid] = stats

    def summary(self) -> dict[str, float | int]:
        """Corpus-level figures: micro and macro accuracy and consistency, number and date agreement."""
        concepts = [c for c in self.concepts.values() if c.occurrences]
        occ = sum(c.occurrences for c in concepts)
        ok = sum(c.statuses[Status.PREFERRED.value] + c.statuses[Status.ADMITTED.value] for c in concepts)
        top = sum(max(c.renderings.values()) for c in concepts)
        return {
            "pairs": self.pairs,
            "concepts": len(concepts),
            "occurrences": occ,
            "accuracy_micro": ok / occ if occ else 0.0,
            "accuracy_macro": sum(c.accuracy for c in concepts) / len(concepts) if concepts else 0.0,
            "consistency_micro": top / occ if occ else 0.0,
            "consistency_macro": sum(c.consistency for c in concepts) / len(concepts) if concepts else 0.0,
            "number_agreement": self.numbers_agree / self.numbers_total if self.numbers_total else 1.0,
            "date_agreement": self.dates_agree / self.dates_total if self.dates_total else 1.0,
            "numbers": self.numbers_total,
            "dates": self.dates_total,
        }


def _occurrences(text: str, lang: str, matcher: Matcher, glossary: Glossary) -> list[Occurrence]:
    loc = Location(path="", line=1, column=1, end_line=1, end_column=1)
    occ = [Occurrence(0, m, loc, "") for m in matcher.find(text, lang)]
    if lang == ZH and occ:
        doc = Document(path="", text=text, segments=[Segment(text, OffsetMap.identity(len(text)))])
        occ = resolve_elided(occ, doc, glossary)
    return occ


def score_pair(pair_id: str, zh: str, en: str, glossary: Glossary, matcher: Matcher, stats: CorpusStats) -> None:
    """Count one aligned pair into ``stats``."""
    stats.pairs += 1
    zh_occ = _occurrences(zh, ZH, matcher, glossary)
    en_occ = _occurrences(en, EN, matcher, glossary) if zh_occ else []
    order = {Status.PREFERRED: 0, Status.ADMITTED: 1, Status.DEPRECATED: 2}
    for occ in zh_occ:
        cid = occ.match.concepts[0]
        concept = glossary.get(cid)
        entry = _best_rendering(occ, en_occ, glossary, order)
        form, status = (MISSING, MISSING) if entry is None else (entry[0], entry[1].value)
        c = stats.concepts.get(cid)
        if c is None:
            c = stats.concepts[cid] = ConceptStats(cid, concept.preferred(ZH) if concept else occ.match.surface)
        c.occurrences += 1
        c.renderings[form] += 1
        c.statuses[status] += 1
        ex = c.examples.setdefault(form, [])
        if len(ex) < MAX_EXAMPLES:
            ex.append(pair_id)
    zq, eq = numbers.extract_quantities(zh, ZH), numbers.extract_quantities(en, EN)
    if zq:
        wrong = sum(1 for m in numbers.compare_quantities(zq, eq) if m.zh is not None)
        stats.numbers_total += len(zq)
        stats.numbers_agree += len(zq) - wrong
    zd, ed = numbers.extract_dates(zh, ZH), numbers.extract_dates(en, EN)
    if zd:
        wrong = sum(1 for m in numbers.compare_dates(zd, ed) if m.zh is not None)
        stats.dates_total += len(zd)
        stats.dates_agree += len(zd) - wrong


def _best_rendering(occ: Occurrence, en_occ: list[Occurrence], glossary: Glossary,
                    order: dict[Status, int]) -> tuple[str, Status] | None:
    wanted = set(occ.match.concepts)
    best: tuple[str, Status] | None = None
    for en in en_occ:
        if not wanted & concept_keys(glossary, en.match):
            continue
        for e in en.match.entries:
            known = e.concept in wanted or e.concept.split("@")[0] in wanted
            if known and (best is None or order[e.status] < order[best[1]]):
                best = (e.text, e.status)
    return best


def score_pairs(pairs: Iterable[tuple[str, str, str]], glossary: Glossary, matcher: Matcher) -> CorpusStats:
    """Score ``(id, zh, en)`` pairs, streamed."""
    stats = CorpusStats()
    for pair_id, zh, en in pairs:
        score_pair(pair_id, zh, en, glossary, matcher, stats)
    return stats
