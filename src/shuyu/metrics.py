"""Corpus terminology metrics: how each glossary concept is really rendered across aligned pairs.

Per concept: occurrences in the Chinese, and for each one how the aligned English renders it
(the glossary term that matched, with its status, or ``missing``); accuracy is the share
rendered with a preferred or admitted form, consistency the share of the most common rendering
(whatever it is: a corpus can be consistently wrong). For consistency the renderings are distinct
English forms: each glossary form, each English form named for a ``missing`` occurrence (below), and
the ``missing`` occurrences with no English named, taken together as one rendering (the term left
out); "Party chief of Wuxi", "Wuxi Party boss" and "leader of Wuxi" are three renderings, not one
``missing``. Corpus consistency is micro (the most common rendering's count summed over concepts,
over all occurrences) and macro (the mean of the concepts' consistency). With no occurrence at all
the accuracy and consistency figures are ``None``: there is nothing to measure.

**The English actually used for a missing rendering.** When the English of a pair writes no
glossary form of a concept found in its Chinese, :func:`english_rendering` looks for the words
that translate it, deterministically, in the English of that pair alone:

1. The English is cut into words (letters and digits, with inner apostrophes: ``People's``), and
   the words into *chunks* at punctuation (``, ; : . ! ? ( ) [ ] " “ ” — –``). Words inside a
   glossary match that renders another concept of the pair's Chinese, or that an earlier missing
   occurrence of the pair already took, are off limits and cut chunks too.
2. **Anchor.** A concept with a place (a template expansion such as
   ``municipal-party-secretary@wuxi``, or an elided title resolved to its place) is anchored on
   the place's English name or any English term of the place ("Wuxi", "Xu Zhou"); a place is
   anchored on its own names. Glossary matches of places stay usable even when they render a
   place of the Chinese: they are what the titles around them are built on.
3. **Vocabulary.** The concept's vocabulary is the content words of all its English terms, any
   status, with the place's words and the function words (``of``, ``the``, ``and``, …) removed:
   ``secretary cpc municipal committee party ccp`` for the municipal party secretary (words are
   compared casefolded, without a possessive or a regular plural ``-s``). From an anchor, the
   span grows to take every vocabulary word of its chunk within three words of it, never across
   ``and`` or ``or`` ("the Jiangsu government and the Wuxi city government"); of several
   anchors, the one that gathers the most distinct vocabulary words wins, then the one whose
   relative position in the English is nearest the Chinese term's relative position in the
   Chinese, then the leftmost. Without an anchor, vocabulary words of one chunk at most three
   words apart (again not across a coordinator) form clusters; a cluster counts only with two
   distinct vocabulary words (one when the vocabulary has one), and the cluster with the most
   distinct words wins (then the nearest to the relative position, then the leftmost). No anchor
   and no such cluster: no English is named (a real omission, such as "Huang Qin inspected." for
   无锡市委书记黄钦考察).
4. **Heads.** The span then extends outwards over adjacent title and organisation head words
   (``chief``, ``head``, ``boss``, ``leader``, ``committee``, …) and vocabulary words, crossing at
   most two function words (not a coordinator) when a head word follows them: 无锡市委书记 in
   "Huang Qin, Party chief of Wuxi, spoke." gives "Party chief of Wuxi".
5. A span is at most ``max(8, the concept's longest English term + 2)`` words. The form is the
   original text of the span with runs of whitespace folded to one space.

Each missing occurrence then counts once in ``renderings["missing"]`` and, when English was
found, once under its form in ``missing_renderings`` (with up to three example ids per form);
otherwise in ``missing_unaligned``. For consistency each form counts as the report names it: a
glossary form by its glossary text, a missing one as written (whitespace folded).

**Streaming and bounded memory.** Pairs are scored in chunks of :data:`CHUNK`; each chunk's
counts are merged, in corpus order, into the running total, which is then pruned: a concept keeps
its :data:`MAX_MISSING_FORMS` most frequent missing forms (ties: the form that sorts first), so a
form that recurs across the corpus stays while one-off forms come and go (the count of a form
that was pruned and comes back starts again). Renderings of glossary forms and examples are
bounded by the glossary and by :data:`MAX_EXAMPLES`. ``shuyu score --jobs N`` scores the same
chunks in other processes and merges and prunes them the same way, so its results are identical
to one process by construction.

**Speed.** Number and date extraction runs only on a Chinese line that can hold one (an ASCII or
full-width digit, 年/月/日/号, 百分之, or a Chinese numeral before a classifier: a necessary
condition of the extractors' own patterns), and on the English only when the Chinese has one;
English glossary matching runs only when the Chinese has a concept. Numbers and dates are counted
from plain tuples (``numbers.unmatched_count``, ``numbers.unmatched_dates``: what
``compare_quantities`` and ``compare_dates`` report, tested against them), English number words are
read only when a Chinese quantity they could match is unmatched without them, and a missing
rendering is aligned only when a word of its concept occurs in the English at all
(:meth:`ConceptProfile.can_render`).
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable
from collections.abc import Iterator
from dataclasses import dataclass
from dataclasses import field

from shuyu import numbers
from shuyu.checks.terms import Occurrence
from shuyu.checks.terms import concept_keys
from shuyu.checks.terms import resolve_elided
from shuyu.glossary.model import Glossary
from shuyu.match import Entry
from shuyu.match import Match
from shuyu.match import Matcher
from shuyu.model import EN
from shuyu.model import ZH
from shuyu.model import Category
from shuyu.model import Location
from shuyu.model import Status
from shuyu.text.document import Document
from shuyu.text.document import Segment
from shuyu.text.offsets import OffsetMap

MISSING = "missing"
#: The kind of :meth:`ConceptStats.top_rendering` for missing occurrences with no English named.
UNALIGNED = "unaligned"
MAX_EXAMPLES = 3
#: Missing forms a concept keeps at each chunk boundary (the most frequent; ties by form).
MAX_MISSING_FORMS = 50
#: Pairs per chunk: the unit of merging, pruning and of work for ``--jobs``.
CHUNK = 5000

# --- finding the English actually used ------------------------------------------------------------

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_BREAK = re.compile(r"[,;:.!?()\[\]\"“”«»—–]")
#: _WORD as one capturing group: ``split`` gives the gaps and the words in turn.
_WORD_SPLIT = re.compile(f"({_WORD.pattern})")
FUNCTION_WORDS = frozenset({"of", "the", "and", "for", "in", "on", "at", "to", "a", "an", "by", "with", "de"})
#: English head words of titles and organisations: a span extends over them.
HEAD_WORDS = frozenset({
    "secretary", "chief", "head", "boss", "leader", "chairman", "chairwoman", "chair", "director", "mayor",
    "governor", "deputy", "vice", "executive", "official", "president", "commissioner", "party",
    "committee", "government", "bureau", "office", "department", "commission", "congress", "council",
    "municipal", "provincial", "standing", "general", "administration", "authority", "people's", "communist",
})
#: Coordinators join two names; a span never reaches across one ("the Jiangsu government and the Wuxi …").
COORDINATORS = frozenset({"and", "or", "&"})
MAX_GAP = 3
MAX_SPAN = 8


def _key(word: str) -> str:
    """A word as the vocabulary compares it: casefolded, curly apostrophe straightened, possessive and
    regular plural ``-s`` dropped (``Wuxi's`` → ``wuxi``, ``Communists`` → ``communist``)."""
    key = word.casefold().replace("’", "'")
    if key.endswith("'s") and key != "people's":
        return key[:-2]
    if len(key) > 3 and key.endswith("s") and not key.endswith(("ss", "us", "is")):
        return key[:-1]
    return key


#: ``_key`` of the words seen lately: English words recur, and a word costs several string operations.
#: Emptied when full, so memory stays bounded however long the corpus.
_KEY_CACHE: dict[str, str] = {}
_KEY_CACHE_SIZE = 100_000


def _cached_key(word: str) -> str:
    if len(_KEY_CACHE) >= _KEY_CACHE_SIZE:
        _KEY_CACHE.clear()
    key = _KEY_CACHE[word] = _key(word)
    return key


def _words(text: str) -> list[str]:
    return [_key(m.group()) for m in _WORD.finditer(text)]


@dataclass(frozen=True, slots=True)
class ConceptProfile:
    """What :func:`english_rendering` knows of a concept: its place anchors, vocabulary and span limit."""

    anchors: tuple[tuple[str, ...], ...]
    vocabulary: frozenset[str]
    max_span: int

    def can_render(self, folded: str) -> bool:
        """False when :func:`english_rendering` surely finds nothing in an English text whose
        ``casefold().replace("’", "'")`` is ``folded``: an anchor hit starts with the anchor's first word and a
        cluster holds vocabulary words, and every word key is a prefix of its word folded that way (so a
        substring of ``folded``: casefolding a text casefolds its characters one by one)."""
        return any(a[0] in folded for a in self.anchors) or any(w in folded for w in self.vocabulary)


def concept_profile(glossary: Glossary, concept_id: str) -> ConceptProfile:
    """The anchors (the place's English names, longest first), vocabulary and span limit of a concept."""
    concept = glossary.expanded.get(concept_id) or glossary.get(concept_id)
    if concept is None:
        return ConceptProfile((), frozenset(), MAX_SPAN)
    anchors: set[tuple[str, ...]] = set()
    place = concept if concept.category == Category.PLACE else None
    if concept.place:
        # the expanded place carries the derived misspellings too ("Wu Xi")
        place = glossary.expanded.get(concept.place) or glossary.get(concept.place)
    if place is not None:
        forms = [place.en_name, *(t.text for t in place.terms_in(EN))]
        anchors = {tuple(_words(f)) for f in forms if _words(f)}
    place_words = {w for a in anchors for w in a}
    terms = [_words(t.text) for t in concept.terms_in(EN)]
    vocabulary = frozenset(w for ws in terms for w in ws if w not in FUNCTION_WORDS and w not in place_words)
    longest = max((len(ws) for ws in terms), default=0)
    ordered = tuple(sorted(anchors, key=lambda a: (-len(a), a)))
    return ConceptProfile(ordered, vocabulary, max(MAX_SPAN, longest + 2))


@dataclass(slots=True)
class _Tokens:
    """The words of one English text, with their chunk (``-1``: off limits)."""

    text: str
    spans: list[tuple[int, int]]
    keys: list[str]
    chunks: list[int]
    _where: dict[str, list[int]] | None = None

    @classmethod
    def of(cls, text: str, blocked: list[tuple[int, int]]) -> _Tokens:
        # One split gives the gaps and the words in turn (gap, word, gap, …, gap): the words are _WORD's matches
        # and their offsets are running sums of the piece lengths, with no match object per word.
        pieces = _WORD_SPLIT.split(text)
        bounds = list(itertools.accumulate(map(len, pieces)))
        spans = list(zip(bounds[0:-1:2], bounds[1::2], strict=True))
        cache = _KEY_CACHE
        keys = [cache.get(w) or _cached_key(w) for w in pieces[1::2]]
        n = len(spans)
        # A word's chunk counts the gaps up to it that hold a break character (break characters are never
        # inside a word), plus the off-limits words before it: each ends a chunk.
        chunks = list(itertools.accumulate(
            gap != " " and _BREAK.search(gap) is not None for gap in pieces[0:-1:2]))
        if blocked and n:
            ends = bounds[1::2]
            off = [False] * n
            for bs, be in blocked:  # the words overlapping a blocked span
                i = bisect_right(ends, bs)
                while i < n and spans[i][0] < be:
                    off[i] = True
                    i += 1
            offs_before = itertools.accumulate([0, *off[:-1]])
            chunks = [-1 if o else c + b for c, o, b in zip(chunks, off, offs_before, strict=True)]
        return cls(text, spans, keys, chunks)

    def where(self) -> dict[str, list[int]]:
        """The places of each word key, in order (built on first use; blocking words does not change keys)."""
        if self._where is None:
            self._where = {}
            for i, key in enumerate(self.keys):
                self._where.setdefault(key, []).append(i)
        return self._where

    def block(self, first: int, last: int) -> None:
        for i in range(first, last + 1):
            self.chunks[i] = -1

    def position(self, i: int, j: int) -> float:
        """The relative position (0..1) of the middle of words ``i..j`` in the text."""
        return (self.spans[i][0] + self.spans[j][1]) / 2 / max(1, len(self.text))

    def form(self, i: int, j: int) -> str:
        return " ".join(self.text[self.spans[i][0]:self.spans[j][1]].split())


def _anchor_hits(tokens: _Tokens, anchors: tuple[tuple[str, ...], ...]) -> list[tuple[int, int]]:
    hits: list[tuple[int, int]] = []
    keys, chunks = tokens.keys, tokens.chunks
    where = tokens.where()
    for anchor in anchors:
        n = len(anchor)
        last = len(keys) - n
        # only where the anchor's first word is (in order): every other place fails its first comparison
        for i in where.get(anchor[0], ()):
            if i > last:
                break
            chunk = chunks[i]
            if chunk < 0 or tuple(keys[i:i + n]) != anchor or any(c != chunk for c in chunks[i:i + n]):
                continue
            if not any(s <= i + n - 1 and i <= e for s, e in hits):
                hits.append((i, i + n - 1))
    return hits


def _joined(tokens: _Tokens, chunk: int, start: int, end: int) -> bool:
    """True when words ``start..end-1`` are all in ``chunk`` and none is a coordinator."""
    return all(tokens.chunks[i] == chunk and tokens.keys[i] not in COORDINATORS for i in range(start, end))


def _grow(tokens: _Tokens, first: int, last: int, vocabulary: frozenset[str], limit: int) -> tuple[int, int]:
    """Take every vocabulary word of the chunk within MAX_GAP words of the span."""
    chunk, keys = tokens.chunks[first], tokens.keys
    changed = True
    while changed:
        changed = False
        for i in range(max(0, first - MAX_GAP - 1), first):
            if keys[i] in vocabulary and last - i + 1 <= limit and _joined(tokens, chunk, i, first):
                first, changed = i, True
                break
        for i in range(min(len(keys) - 1, last + MAX_GAP + 1), last, -1):
            if keys[i] in vocabulary and i - first + 1 <= limit and _joined(tokens, chunk, last + 1, i + 1):
                last, changed = i, True
                break
    return first, last


def _extend(tokens: _Tokens, first: int, last: int, vocabulary: frozenset[str], limit: int) -> tuple[int, int]:
    """Extend over adjacent head or vocabulary words, across at most two function words before one."""
    chunk, keys, chunks = tokens.chunks[first], tokens.keys, tokens.chunks

    def good(i: int) -> bool:
        return chunks[i] == chunk and (keys[i] in HEAD_WORDS or keys[i] in vocabulary)

    def usable(i: int) -> bool:
        return 0 <= i < len(keys) and chunks[i] == chunk

    for step in (-1, 1):
        while True:
            edge = first if step < 0 else last
            taken = None
            for skip in range(3):
                i = edge + step * (skip + 1)
                if not usable(i):
                    break
                if good(i):
                    taken = i
                    break
                if keys[i] not in FUNCTION_WORDS or keys[i] in COORDINATORS:
                    break
            if taken is None or max(last, taken) - min(first, taken) + 1 > limit:
                break
            first, last = min(first, taken), max(last, taken)
    return first, last


def english_rendering(tokens: _Tokens, profile: ConceptProfile, rel_pos: float) -> tuple[int, int] | None:
    """The words (first, last) of ``tokens`` that render a concept, or ``None`` (see the module doc)."""
    limit = profile.max_span
    vocabulary = profile.vocabulary
    hits = _anchor_hits(tokens, profile.anchors)
    if hits:
        grown = [_grow(tokens, first, last, vocabulary, limit) for first, last in hits]
        first, last = min(grown, key=lambda g: (-len({k for k in tokens.keys[g[0]:g[1] + 1] if k in vocabulary}),
                                                abs(tokens.position(*g) - rel_pos), g[0]))
    else:
        clusters: list[list[int]] = []
        for i, key in enumerate(tokens.keys):
            if key not in vocabulary or tokens.chunks[i] < 0:
                continue
            if clusters and i - clusters[-1][-1] - 1 <= MAX_GAP and i - clusters[-1][0] + 1 <= limit \
                    and _joined(tokens, tokens.chunks[i], clusters[-1][-1], i):
                clusters[-1].append(i)
            else:
                clusters.append([i])
        need = min(2, len(vocabulary))
        scored = [(-len({tokens.keys[i] for i in c}), abs(tokens.position(c[0], c[-1]) - rel_pos), c[0], c)
                  for c in clusters if len({tokens.keys[i] for i in c}) >= need]
        if not scored:
            return None
        best = min(scored)[3]
        first, last = best[0], best[-1]
    return _extend(tokens, first, last, vocabulary, limit)


# --- statistics -------------------------------------------------------------------------------------


def _add_counts(mine: Counter[str], theirs: Counter[str]) -> None:
    """``mine.update(theirs)`` for two Counters (same counts, same key order), without ``update``'s
    per-call ABC check: merging chunks calls it for every concept of every chunk."""
    get = mine.get
    for key, count in theirs.items():
        mine[key] = get(key, 0) + count


@dataclass(slots=True)
class ConceptStats:
    """How one concept is rendered across the corpus."""

    id: str
    zh: str
    occurrences: int = 0
    renderings: Counter[str] = field(default_factory=Counter)
    statuses: Counter[str] = field(default_factory=Counter)
    examples: dict[str, list[str]] = field(default_factory=dict)
    #: For ``missing`` renderings: the English actually used (found by alignment) → count.
    missing_renderings: Counter[str] = field(default_factory=Counter)
    missing_examples: dict[str, list[str]] = field(default_factory=dict)
    #: Missing renderings for which no English could be named.
    missing_unaligned: int = 0
    #: The status of each glossary form in ``renderings`` (it ranks forms of equal count).
    form_status: dict[str, str] = field(default_factory=dict)

    @property
    def accuracy(self) -> float:
        """Share of occurrences rendered with a preferred or admitted form."""
        ok = self.statuses[Status.PREFERRED.value] + self.statuses[Status.ADMITTED.value]
        return ok / self.occurrences if self.occurrences else 0.0

    def top_rendering(self) -> tuple[str, str, int]:
        """The most common distinct rendering as ``(kind, form, count)`` (see the module doc): ``kind`` is the
        glossary form's status (``form`` its text), ``missing`` for an English form named for a missing
        occurrence, or ``unaligned`` for the missing occurrences with no English named (``form`` ``missing``).
        Ties go to the better status (preferred, admitted, deprecated, a named missing form, unaligned), then
        to the form that sorts first. ``("", "", 0)`` when there is no occurrence."""
        best: tuple[int, int, str, str] | None = None  # (-count, rank, form, kind): the least is the top
        for form, n in self.renderings.items():
            if form != MISSING and n:
                kind = self.form_status.get(form, Status.DEPRECATED.value)
                key = (-n, _RANK.get(kind, 2), form, kind)
                best = key if best is None or key < best else best
        for form, n in self.missing_renderings.items():
            if n:
                key = (-n, 3, form, MISSING)
                best = key if best is None or key < best else best
        if self.missing_unaligned:
            key = (-self.missing_unaligned, 4, MISSING, UNALIGNED)
            best = key if best is None or key < best else best
        return ("", "", 0) if best is None else (best[3], best[2], -best[0])

    @property
    def consistency(self) -> float:
        """Share of the most common distinct rendering (:meth:`top_rendering`)."""
        return self.top_rendering()[2] / self.occurrences if self.occurrences else 0.0

    def __reduce__(self) -> tuple[object, tuple[object, ...]]:
        """Pickled as plain values, Counters as dicts (how a ``--jobs`` worker's chunk result travels): the
        parent loads a chunk of the synthetic corpus's 1,700 concepts in about 30% less time than through the
        slotted dataclass's generic state and ``Counter(mapping)``."""
        return (_concept_stats, (self.id, self.zh, self.occurrences, dict(self.renderings), dict(self.statuses),
                                 self.examples, dict(self.missing_renderings), self.missing_examples,
                                 self.missing_unaligned, self.form_status))

    def merge(self, other: ConceptStats) -> None:
        """Add another shard's counts (examples kept in shard order, at most three per rendering)."""
        self.occurrences += other.occurrences
        _add_counts(self.renderings, other.renderings)
        _add_counts(self.statuses, other.statuses)
        for mine_by_form, theirs in ((self.examples, other.examples), (self.missing_examples, other.missing_examples)):
            for form, ids in theirs.items():
                mine = mine_by_form.get(form)
                if mine is None:
                    mine_by_form[form] = ids[:MAX_EXAMPLES]
                elif len(mine) < MAX_EXAMPLES:
                    mine.extend([i for i in ids if i not in mine][: MAX_EXAMPLES - len(mine)])
        _add_counts(self.missing_renderings, other.missing_renderings)
        self.missing_unaligned += other.missing_unaligned
        for form, status in other.form_status.items():
            self.form_status.setdefault(form, status)

    def prune(self, keep: int = MAX_MISSING_FORMS) -> None:
        """Keep the ``keep`` most frequent missing forms (ties: the form that sorts first)."""
        if len(self.missing_renderings) <= keep:
            return
        kept = sorted(self.missing_renderings.items(), key=lambda kv: (-kv[1], kv[0]))[:keep]
        self.missing_renderings = Counter(dict(kept))
        self.missing_examples = {form: self.missing_examples[form] for form, _ in kept}


def _counter(counts: dict[str, int]) -> Counter[str]:
    """``Counter(counts)`` (same keys, same order) without ``Counter.update``'s checks."""
    counter: Counter[str] = Counter()
    dict.update(counter, counts)
    return counter


def _concept_stats(cid: str, zh: str, occurrences: int, renderings: dict[str, int], statuses: dict[str, int],
                   examples: dict[str, list[str]], missing_renderings: dict[str, int],
                   missing_examples: dict[str, list[str]], missing_unaligned: int,
                   form_status: dict[str, str]) -> ConceptStats:
    """A :class:`ConceptStats` from what its ``__reduce__`` gives."""
    return ConceptStats(cid, zh, occurrences, _counter(renderings), _counter(statuses), examples,
                        _counter(missing_renderings), missing_examples, missing_unaligned, form_status)


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

    def prune(self, keep: int = MAX_MISSING_FORMS) -> None:
        """Bound every concept's missing forms (see :meth:`ConceptStats.prune`)."""
        for stats in self.concepts.values():
            stats.prune(keep)

    def summary(self) -> dict[str, float | int | None]:
        """Corpus-level figures: micro and macro accuracy and consistency (``None`` with no occurrence of a
        concept: nothing to measure), number and date agreement (1.0 with nothing to agree)."""
        concepts = [c for c in self.concepts.values() if c.occurrences]
        occ = sum(c.occurrences for c in concepts)
        ok = sum(c.statuses[Status.PREFERRED.value] + c.statuses[Status.ADMITTED.value] for c in concepts)
        top = sum(c.top_rendering()[2] for c in concepts)
        return {
            "pairs": self.pairs,
            "concepts": len(concepts),
            "occurrences": occ,
            "accuracy_micro": ok / occ if occ else None,
            "accuracy_macro": sum(c.accuracy for c in concepts) / len(concepts) if concepts else None,
            "consistency_micro": top / occ if occ else None,
            "consistency_macro": sum(c.consistency for c in concepts) / len(concepts) if concepts else None,
            "number_agreement": self.numbers_agree / self.numbers_total if self.numbers_total else 1.0,
            "date_agreement": self.dates_agree / self.dates_total if self.dates_total else 1.0,
            "numbers": self.numbers_total,
            "dates": self.dates_total,
        }


# --- scoring ----------------------------------------------------------------------------------------

_NUMERALS = "零〇一二两三四五六七八九十百千万亿萬億兩"  # with the Traditional 萬 億 兩 (numbers folds them)
#: A Chinese line can hold a date only with a digit, or a numeral before 年/月/日/号 (every date pattern
#: of :func:`numbers.extract_dates` needs one) ...
#: (``[0-9０-９]|[〇零一二三四五六七八九十][年月日号]``, written to start with one character class, which the
#: search skips to quickly: the same lines have a match) ...
_ZH_DATE_HINT = re.compile(r"[0-9０-９〇零一二三四五六七八九十](?:(?<=[0-9０-９])|[年月日号號])")
#: ... and a quantity only with a digit, 百分之 or a fraction (三分之一), a numeral run before a classifier, or
#: one holding 万 or 亿 (三万群众) (百 is a numeral; again one character class first).
_ZH_QTY_HINT = re.compile(rf"[0-9０-９{_NUMERALS}](?:(?<=[0-9０-９])|(?<=[百一二两三四五六七八九十])分之"
                          rf"|(?<=[{_NUMERALS}])[{_NUMERALS}余餘多%％]*[{numbers.CLASSIFIERS}]"
                          rf"|(?<=[万亿萬億])|(?<=[{_NUMERALS}])[{_NUMERALS}]*[万亿萬億])")


def quantities_and_dates(text: str, lang: str, *, dates: bool = True, quantities: bool = True, lean: bool = False,
                         words: bool = True) -> tuple[list[numbers.Quantity], list[numbers.DateValue]]:
    """``(numbers.extract_quantities(text, lang), numbers.extract_dates(text, lang))`` with the dates found
    once: ``extract_quantities`` finds them again to mask them, and date patterns are the costliest part.

    ``dates=False`` says the caller knows the text has none (an exact pre-filter); ``quantities=False``
    skips the quantities. Equality with the two public functions is tested on the newstest2021 lines.
    ``lean=True`` gives each quantity as ``(value, unit)``, English ones in no particular order, each date as
    ``(year, month, day, start, end)``, and ``words=False`` leaves out English number words (see
    ``numbers._en_quantities``): what :func:`numbers.unmatched_count` needs.
    """
    # what text.translate(numbers._FW_DIGITS) gives, without the per-character table lookups when "，" is the
    # only full-width character (most Chinese lines), folded once for the dates and the quantities
    if lang == ZH:
        folded = numbers._fold(text)
        found = numbers._zh_dates(text, folded, lean=lean) if dates else []
    else:
        found = numbers._en_dates(text, lean=lean) if dates else []  # (extract_dates without its one-text cache)
        if not quantities:
            return [], found
        folded = numbers._fold(text)
    if not quantities:
        return [], found
    masked = _masked(folded, lang, [(d[3], d[4]) for d in found] if lean else [(d.start, d.end) for d in found])
    if lang == ZH:
        qty = numbers._zh_quantities(masked, text, lean=lean)
    else:
        qty = numbers._en_quantities(masked, text, lean=lean, words=words)
    return qty, found


def _masked(folded: str, lang: str, spans: list[tuple[int, int]]) -> str:
    """``folded`` with the dates (``spans``) and times masked."""
    # Every time starts at a digit and holds ":" or, in Chinese, 时 or 点, in English "a.m."/"p.m." (any case:
    # ".m." or ".M.").
    if ":" in folded or (("时" in folded or "点" in folded) if lang == ZH else (".m." in folded or ".M." in folded)):
        digit = numbers._DIGIT.search(folded)
        if digit:
            times = numbers._ZH_TIME if lang == ZH else numbers._EN_TIME
            spans += [m.span() for m in times.finditer(folded, digit.start())]
    return numbers._mask(folded, spans) if spans else folded


_WORD_VALUES = numbers.WORD_VALUES


def _count_numbers(pairs: list[tuple[str, str, str]], stats: CorpusStats) -> None:
    """Count the numbers and dates of the Chinese of ``pairs`` and how many the English of each pair agrees on."""
    qty_hint, date_hint = _ZH_QTY_HINT.search, _ZH_DATE_HINT.search
    numbers_total = numbers_agree = dates_total = dates_agree = 0
    for _, zh, en in pairs:
        has_qty = qty_hint(zh) is not None
        has_date = date_hint(zh) is not None
        if not (has_qty or has_date):
            continue
        # Quantities as (value, unit): only how many Chinese ones find no English counterpart is counted.
        zq, zd = quantities_and_dates(zh, ZH, dates=has_date, quantities=has_qty, lean=True)
        if not (zq or zd):
            continue
        ed = numbers._en_dates(en, lean=True)
        if zq:
            masked = _masked(numbers._fold(en), EN, [(d[3], d[4]) for d in ed])
            eq = numbers._en_quantities(masked, en, lean=True, words=False)
            wrong = numbers.unmatched_count(zq, eq)
            if wrong:  # English number words can only match a Chinese value that one can have (unmatched_count)
                for value, _ in zq:
                    if value in _WORD_VALUES:
                        wrong = numbers.unmatched_count(zq, eq + numbers._en_words(masked, en, lean=True),
                                                        words_from=len(eq))
                        break
            numbers_total += len(zq)
            numbers_agree += len(zq) - wrong
        if zd:
            dates_total += len(zd)
            dates_agree += len(zd) - numbers.unmatched_dates(zd, ed)
    stats.numbers_total += numbers_total
    stats.numbers_agree += numbers_agree
    stats.dates_total += dates_total
    stats.dates_agree += dates_agree


_ORDER = {Status.PREFERRED: 0, Status.ADMITTED: 1, Status.DEPRECATED: 2}
#: How :meth:`ConceptStats.top_rendering` ranks renderings of equal count (3: a named missing form).
_RANK = {s.value: n for s, n in _ORDER.items()}
_NOWHERE = Location(path="", line=1, column=1, end_line=1, end_column=1)


class Scorer:
    """Scores pairs into :class:`CorpusStats`; caches what it learns about concepts."""

    def __init__(self, glossary: Glossary, matcher: Matcher) -> None:
        self.glossary = glossary
        self.matcher = matcher
        self._profiles: dict[str, ConceptProfile] = {}
        self._places: dict[tuple[str, ...], bool] = {}
        # concept_keys of the English matches, by the identity of their entries tuple: the matcher hands out
        # the same tuple from its table for every match of a pattern. Only those tuples are cached (the
        # table keeps them alive, so an id is never reused; the cache is bounded by the table).
        self._en_tuples = {id(t) for t in matcher.tables[EN].entries} if EN in matcher.tables else set()
        self._en_keys: dict[int, tuple[tuple[Entry, ...], frozenset[str]]] = {}

    def profile(self, concept_id: str) -> ConceptProfile:
        """The alignment profile of a concept (cached)."""
        found = self._profiles.get(concept_id)
        if found is None:
            found = self._profiles[concept_id] = concept_profile(self.glossary, concept_id)
        return found

    def _is_place(self, match: Match) -> bool:
        ids = match.concepts
        found = self._places.get(ids)
        if found is None:
            found = self._places[ids] = all(
                (c := self.glossary.get(cid)) is not None and c.category == Category.PLACE for cid in ids)
        return found

    def _keys_of(self, match: Match) -> frozenset[str]:
        """``concept_keys(glossary, match)``, cached for the matcher's own entries tuples."""
        entries = match.entries
        hit = self._en_keys.get(id(entries))
        if hit is not None and hit[0] is entries:
            return hit[1]
        keys = frozenset(concept_keys(self.glossary, match))
        if id(entries) in self._en_tuples:
            self._en_keys[id(entries)] = (entries, keys)
        return keys

    def _zh_occurrences(self, zh: str, matches: list[Match] | None = None) -> list[Occurrence]:
        if matches is None:
            matches = self.matcher.find_zh(zh)
        occ = [Occurrence(0, m, _NOWHERE, "") for m in matches]
        if any(m.entries[0].elided for m in matches):
            doc = Document(path="", text=zh, segments=[Segment(zh, OffsetMap.identity(len(zh)))])
            occ = resolve_elided(occ, doc, self.glossary)
        return occ

    def score_pair(self, pair_id: str, zh: str, en: str, stats: CorpusStats, *,
                   zh_matches: list[Match] | None = None, en_matches: list[Match] | None = None) -> None:
        """Count one aligned pair into ``stats`` (with its glossary matches, when already found)."""
        stats.pairs += 1
        zh_occ = self._zh_occurrences(zh, zh_matches) if zh and zh_matches != [] else []
        if zh_occ:
            self._count_terms(pair_id, zh, en, zh_occ, stats, en_matches)
        _count_numbers([(pair_id, zh, en)], stats)

    def _count_terms(self, pair_id: str, zh: str, en: str, zh_occ: list[Occurrence], stats: CorpusStats,
                     en_matches: list[Match] | None = None) -> None:
        glossary = self.glossary
        if en_matches is None:
            en_matches = self.matcher.find_en(en)
        en_keys = [self._keys_of(m) for m in en_matches]
        tokens: _Tokens | None = None
        en_folded: str | None = None
        for occ in zh_occ:
            ids = occ.match.concepts
            wanted_here = frozenset(ids)
            cid = ids[0]
            entry = _best_rendering(wanted_here, en_matches, en_keys)
            form, status = (MISSING, MISSING) if entry is None else (entry[0], entry[1].value)
            c = stats.concepts.get(cid)
            if c is None:
                concept = glossary.get(cid)
                c = stats.concepts[cid] = ConceptStats(cid, concept.preferred(ZH) if concept else occ.match.surface)
            c.occurrences += 1
            c.renderings[form] += 1
            c.statuses[status] += 1
            if entry is not None and form not in c.form_status:
                c.form_status[form] = status
            ex = c.examples.setdefault(form, [])
            if len(ex) < MAX_EXAMPLES and pair_id not in ex:  # a release pair can hold a concept twice
                ex.append(pair_id)
            if entry is not None:
                continue
            profile = self.profile(cid)
            if en_folded is None:
                en_folded = en.casefold().replace("’", "'")
            if not profile.can_render(en_folded):  # what english_rendering would find: nothing
                c.missing_unaligned += 1
                continue
            if tokens is None:
                wanted = {c for o in zh_occ for c in o.match.concepts}
                # Places stay usable: they are the anchors of the titles and organisations around them.
                claimed = [(m.start, m.end) for m, keys in zip(en_matches, en_keys, strict=True)
                           if keys & wanted and not self._is_place(m)]
                tokens = _Tokens.of(en, claimed)
            rel = (occ.match.start + occ.match.end) / 2 / max(1, len(zh))
            span = english_rendering(tokens, profile, rel)
            if span is None:
                c.missing_unaligned += 1
                continue
            tokens.block(*span)
            used = tokens.form(*span)
            c.missing_renderings[used] += 1
            ex = c.missing_examples.setdefault(used, [])
            if len(ex) < MAX_EXAMPLES and pair_id not in ex:
                ex.append(pair_id)

    def score_chunk(self, pairs: Iterable[tuple[str, str, str]]) -> CorpusStats:
        """One chunk's counts, unpruned (what a ``--jobs`` worker returns)."""
        stats = CorpusStats()
        pairs = list(pairs)
        # The chunk's glossary matches in one pass per language (see Matcher.find_zh_many), English
        # only for the pairs whose Chinese holds a term.
        zh_found = self.matcher.find_zh_many([zh for _, zh, _ in pairs])
        with_terms = [i for i, found in enumerate(zh_found) if found]
        en_found = dict(zip(with_terms, self.matcher.find_en_many([pairs[i][2] for i in with_terms]), strict=True))
        # score_pair for each pair, the terms of the pairs that have some, then the numbers of all
        # (they count into other fields).
        for i in with_terms:
            pair_id, zh, en = pairs[i]
            zh_occ = self._zh_occurrences(zh, zh_found[i]) if zh else []
            if zh_occ:
                self._count_terms(pair_id, zh, en, zh_occ, stats, en_found[i])
        stats.pairs += len(pairs)
        _count_numbers(pairs, stats)
        return stats


def _best_rendering(wanted: frozenset[str], en_matches: list[Match],
                    en_keys: list[frozenset[str]]) -> tuple[str, Status] | None:
    """The best-status glossary form among the English matches of the concepts ``wanted`` (one Chinese match's)."""
    best: tuple[str, Status] | None = None
    for en, keys in zip(en_matches, en_keys, strict=True):
        if wanted.isdisjoint(keys):
            continue
        for e in en.entries:
            known = e.concept in wanted or e.concept.split("@")[0] in wanted
            if known and (best is None or _ORDER[e.status] < _ORDER[best[1]]):
                best = (e.text, e.status)
    return best


def chunks(pairs: Iterable[tuple[str, str, str]], size: int = CHUNK) -> Iterator[list[tuple[str, str, str]]]:
    """The pairs in lists of ``size`` (the last one shorter)."""
    it = iter(pairs)
    while block := list(itertools.islice(it, size)):
        yield block


def combine(parts: Iterable[CorpusStats], keep: int = MAX_MISSING_FORMS) -> CorpusStats:
    """Merge chunk counts in corpus order, pruning after each chunk (what one process and ``--jobs`` both do)."""
    total = CorpusStats()
    for part in parts:
        total.merge(part)
        total.prune(keep)
    return total


def score_pairs(pairs: Iterable[tuple[str, str, str]], glossary: Glossary, matcher: Matcher, *,
                chunk: int = CHUNK, keep: int = MAX_MISSING_FORMS) -> CorpusStats:
    """Score ``(id, zh, en)`` pairs, streamed: chunk by chunk, merged and pruned in corpus order."""
    scorer = Scorer(glossary, matcher)
    return combine((scorer.score_chunk(block) for block in chunks(pairs, chunk)), keep)


def score_pair(pair_id: str, zh: str, en: str, glossary: Glossary, matcher: Matcher, stats: CorpusStats) -> None:
    """Count one aligned pair into ``stats`` (a one-off :class:`Scorer`; use one for many pairs)."""
    Scorer(glossary, matcher).score_pair(pair_id, zh, en, stats)
