"""The shared matcher: one Aho–Corasick automaton per language over the expanded glossary.

Chinese is matched leftmost-longest with no segmentation (a closed glossary needs none), after
Traditional → Simplified and full-width folding; a longer match subsumes what it contains
(徐州市委书记 is one title, not also the place 徐州). English is matched on word boundaries,
case-insensitively unless a term says otherwise, with quotes, dashes and whitespace folded and
regular plurals (-s, -es) and possessives accepted. Every match is reported at its offsets in
the caller's original text.

Template titles are also matched with their place elided (市委书记 in
徐州市委书记、市人大常委会主任周铁根): such a match carries the template and no place, and the
check resolves the place from the sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from dataclasses import field
from itertools import accumulate

import ahocorasick_rs

from shuyu.glossary.expand import ZH_SLOT
from shuyu.glossary.model import Glossary
from shuyu.model import EN
from shuyu.model import ZH
from shuyu.model import Status
from shuyu.model import Term
from shuyu.text.normalize import fold_en_keep_case
from shuyu.text.normalize import normalize_en
from shuyu.text.normalize import normalize_en_bytes
from shuyu.text.normalize import normalize_en_term
from shuyu.text.normalize import normalize_zh
from shuyu.text.normalize import normalize_zh_term
from shuyu.text.normalize import normalize_zh_terms
from shuyu.text.normalize import normalize_zh_whole
from shuyu.text.offsets import OffsetMap

#: Bumped whenever the pattern tables change shape, so stale disk caches are not used.
MATCHER_VERSION = "1"
#: Elided template forms shorter than this are not matched: 市长 alone would fire inside
#: 城市长期 ("the city's long-term") and 区政府 inside 特区政府, while 市委书记 and
#: 市人大常委会主任 are safe.
MIN_ELIDED_LENGTH = 4
_SPACES = re.compile("  +")  # a literal first: see normalize._SPACE_RUN
#: A DFA scans English text 4x faster than the contiguous NFA (259 against 62 MB/s on the bench
#: site, bundled glossary) but takes 7x as long to build (132 against 18 ms for its 4,368
#: patterns): about 26 us more per pattern against 12 ns less per byte, even at some 2 KB of text
#: per pattern. An automaton is built as a DFA when the text to search is twice that.
DFA_BYTES_PER_PATTERN = 4096
#: Nor ever for more patterns than this: the DFA of the 47,000 patterns of a national glossary
#: takes 1.4 s to build and 270 MB.
DFA_MAX_PATTERNS = 10_000
#: The ASCII characters English normalisation changes (line breaks, tabs, the backtick): text that
#: is ASCII and holds none of them, nor two spaces in a row, normalises to its lower case alone.
_ASCII_FOLDED = re.compile("[" + re.escape("".join(c for c in map(chr, range(128)) if fold_en_keep_case(c) != c)) + "]")


@dataclass(frozen=True, slots=True)
class Entry:
    """One glossary term a pattern stands for."""

    concept: str
    text: str
    status: Status
    case_sensitive: bool = False
    plural: bool = True
    romanization: bool = False
    #: True for a template term matched with its place left out.
    elided: bool = False


@dataclass(frozen=True, slots=True)
class Match:
    """A glossary term found in a text: its span in the caller's text and what it may be.

    ``entries`` holds more than one entry when homonyms share the form (鼓楼区 of Nanjing and
    of Xuzhou): the match says which concepts it may mean.
    """

    start: int
    end: int
    surface: str
    entries: tuple[Entry, ...]
    lang: str
    #: The ids of the concepts this match may mean (sorted, unique); set once, as the checks ask
    #: for them again and again (280,000 times for 50,000 matches in a 2 MB `check`).
    concepts: tuple[str, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        entries = self.entries
        concepts = (entries[0].concept,) if len(entries) == 1 else tuple(sorted({e.concept for e in entries}))
        object.__setattr__(self, "concepts", concepts)

    @property
    def status(self) -> Status:
        """The best status among the entries (preferred over admitted over deprecated)."""
        entries = self.entries
        if len(entries) == 1:  # nearly every match: no homonym
            return entries[0].status
        return min((e.status for e in entries), key=_STATUS_ORDER.index)


_STATUS_ORDER = (Status.PREFERRED, Status.ADMITTED, Status.DEPRECATED)


@dataclass(slots=True)
class PatternTable:
    """The patterns of one language and the entries each stands for: what the disk cache keeps."""

    lang: str
    patterns: list[str]
    entries: list[tuple[Entry, ...]]


def build_tables(glossary: Glossary) -> dict[str, PatternTable]:
    """Pattern tables for both languages from an expanded glossary (pure; cached by the caller)."""
    by_lang: dict[str, dict[str, list[Entry]]] = {ZH: {}, EN: {}}
    pending_zh: list[tuple[str, Term]] = []
    for concept in glossary.expanded.values():
        for term in concept.terms:
            if term.lang == ZH:
                pending_zh.append((concept.id, term))
            else:
                _add(by_lang, concept.id, term)
    # One OpenCC call for every Chinese term: per-term calls dominate the build otherwise.
    for (concept_id, term), key in zip(pending_zh, normalize_zh_terms([t.text for _, t in pending_zh]),
                                       strict=True):
        _add(by_lang, concept_id, term, key)
    # Elided template titles: the Chinese term with its place slot removed.
    for template in glossary.templates():
        for term in template.terms_in(ZH):
            if ZH_SLOT not in term.text:
                continue
            elided = term.text.replace(ZH_SLOT, "")
            if len(elided) >= MIN_ELIDED_LENGTH:
                key = normalize_zh_term(elided)
                by_lang[ZH].setdefault(key, []).append(
                    Entry(template.id, elided, term.status, elided=True))
    tables = {}
    for lang, table in by_lang.items():
        # Where a form is both a full term of some concept and an elided template form,
        # the full term wins: elision is a fallback, not a homonym.
        cleaned = {}
        for pattern, entries in table.items():
            full = [e for e in entries if not e.elided]
            cleaned[pattern] = tuple(_unique(full or entries))
        patterns = sorted(cleaned)
        tables[lang] = PatternTable(lang, patterns, [cleaned[p] for p in patterns])
    return tables


def _unique(entries: Iterable[Entry]) -> list[Entry]:
    seen = set()
    out = []
    for e in entries:
        if e not in seen:
            seen.add(e)
            out.append(e)
    return out


def _add(by_lang: dict[str, dict[str, list[Entry]]], concept_id: str, term: Term, key: str | None = None) -> None:
    if term.lang not in by_lang:
        return
    if key is None:
        key = normalize_zh_term(term.text) if term.lang == ZH else normalize_en_term(term.text)
    if not key:
        return
    by_lang[term.lang].setdefault(key, []).append(
        Entry(concept_id, term.text, term.status, term.case_sensitive, term.plural, term.romanization))


class Matcher:
    """Finds glossary terms in Chinese or English text.

    >>> from shuyu.glossary.model import Glossary
    >>> from shuyu.model import Concept, Category
    >>> c = Concept("xuzhou", Category.PLACE, [Term("徐州市", ZH), Term("徐州", ZH, Status.ADMITTED),
    ...     Term("Xuzhou", EN)])
    >>> m = Matcher.from_glossary(Glossary(expanded={"xuzhou": c}))
    >>> [(x.start, x.end, x.surface) for x in m.find("在徐州市和徐州", ZH)]
    [(1, 4, '徐州市'), (5, 7, '徐州')]
    >>> [(x.surface, x.concepts) for x in m.find("Xuzhou's parks, not Xuzhouese", EN)]
    [('Xuzhou', ('xuzhou',))]
    """

    def __init__(self, tables: dict[str, PatternTable]) -> None:
        self.tables = tables
        # Each automaton is built on first use: `lint` never searches Chinese.
        self._automata: dict[str, ahocorasick_rs.AhoCorasick | ahocorasick_rs.BytesAhoCorasick | None] = {}
        self._volume = 0

    def expect(self, nbytes: int) -> None:
        """Say how much text (in bytes) this matcher is about to search.

        An automaton not built yet is then built as a DFA when that much text pays back its longer
        build (:data:`DFA_BYTES_PER_PATTERN`); the matches are the same either way.
        """
        self._volume = nbytes

    def _dfa(self, table: PatternTable) -> bool:
        n = len(table.patterns)
        return n <= DFA_MAX_PATTERNS and self._volume >= DFA_BYTES_PER_PATTERN * n

    @property
    def _zh(self) -> ahocorasick_rs.AhoCorasick | None:
        if ZH not in self._automata:
            table = self.tables[ZH]
            self._automata[ZH] = self._automaton(table, ahocorasick_rs.MatchKind.LeftmostLongest, dfa=self._dfa(table))
        return self._automata[ZH]  # type: ignore[return-value]

    @property
    def _en(self) -> ahocorasick_rs.AhoCorasick | ahocorasick_rs.BytesAhoCorasick | None:
        if EN not in self._automata:
            # English needs every candidate: the longest one may fail its word boundary while a
            # shorter one at the same place passes, so overlapping matches are filtered here.
            # With every pattern in Latin-1 the text is searched as Latin-1 bytes (normalize_en_bytes).
            table = self.tables[EN]
            self._automata[EN] = self._automaton(table, ahocorasick_rs.MatchKind.Standard,
                                                 as_bytes=_latin1_patterns(table), dfa=self._dfa(table))
        return self._automata[EN]

    @classmethod
    def from_glossary(cls, glossary: Glossary) -> Matcher:
        """Build the tables and automata for a glossary."""
        return cls(build_tables(glossary))

    @staticmethod
    # A contiguous NFA builds 6x faster than a DFA on 50,000 patterns: the default, as most runs
    # search a few pages (a DFA only when the caller expects much text: see `expect`).
    def _automaton(table: PatternTable, kind: ahocorasick_rs.MatchKind, *, as_bytes: bool = False, dfa: bool = False,
                   ) -> ahocorasick_rs.AhoCorasick | ahocorasick_rs.BytesAhoCorasick | None:
        if not table.patterns:
            return None
        implementation = ahocorasick_rs.Implementation.DFA if dfa else ahocorasick_rs.Implementation.ContiguousNFA
        if as_bytes:
            return ahocorasick_rs.BytesAhoCorasick([p.encode("latin-1") for p in table.patterns], matchkind=kind,
                                                   implementation=implementation)
        return ahocorasick_rs.AhoCorasick(table.patterns, matchkind=kind, implementation=implementation)

    def find(self, text: str, lang: str) -> list[Match]:
        """Every glossary term in ``text`` (Chinese when ``lang`` is ``"zh"``, else English)."""
        return self.find_zh(text) if lang == ZH else self.find_en(text)

    def find_zh(self, text: str) -> list[Match]:
        """Leftmost-longest matches in Chinese text (offsets are the text's own)."""
        if self._zh is None or not text:
            return []
        norm, _ = normalize_zh(text)  # length-preserving: offsets are the text's
        entries = self.tables[ZH].entries
        return [Match(s, e, text[s:e], entries[i], ZH) for i, s, e in self._zh.find_matches_as_indexes(norm)]

    def find_zh_many(self, texts: list[str]) -> list[list[Match]]:
        """:meth:`find_zh` of each text, found in one pass over them all (a chunk of a corpus).

        The texts are joined with line breaks, which no Chinese term holds, so no match and no
        OpenCC phrase crosses from one text into the next. When folding the joined text changes
        its length (a phrase conversion that had to be undone character by character), the texts
        are searched one by one, as that undoing would otherwise reach texts that need none.

        >>> from shuyu.glossary.model import Glossary
        >>> from shuyu.model import Concept, Category
        >>> m = Matcher.from_glossary(Glossary(expanded={"wx": Concept("wx", Category.PLACE, [Term("无锡", ZH)])}))
        >>> [[(x.start, x.surface) for x in found] for found in m.find_zh_many(["在無錫", "", "无锡市"])]
        [[(1, '無錫')], [], [(0, '无锡')]]
        """
        if self._zh is None or not texts:
            return [[] for _ in texts]
        joined = "\n".join(texts)
        norm = normalize_zh_whole(joined)
        if norm is None:
            return [self.find_zh(t) for t in texts]
        entries = self.tables[ZH].entries
        per_text = _per_text(texts, ((s, e, entries[i]) for i, s, e in self._zh.find_matches_as_indexes(norm)))
        if per_text is None:  # only a term holding a line break could cross
            return [self.find_zh(t) for t in texts]
        return [[Match(s, e, text[s:e], found, ZH) for s, e, found in spans]
                for text, spans in zip(texts, per_text, strict=True)]

    def find_en(self, text: str) -> list[Match]:
        """Word-bounded leftmost-longest matches in English text."""
        return [Match(s, e, text[s:e], entries, EN) for s, e, entries in self._en_spans(text)]

    def find_en_many(self, texts: list[str]) -> list[list[Match]]:
        """:meth:`find_en` of each text, found in one pass over them all (a page's segments).

        The texts are joined with NUL, which no glossary term holds and which is no word
        character, so no match crosses from one text into the next and every boundary test sees
        what it sees in the text alone; one normalisation and one automaton call then serve the
        whole page instead of one per segment.

        >>> from shuyu.glossary.model import Glossary
        >>> from shuyu.model import Concept, Category
        >>> m = Matcher.from_glossary(Glossary(expanded={"wx": Concept("wx", Category.PLACE, [Term("Wuxi", EN)])}))
        >>> [[(x.start, x.surface) for x in found] for found in m.find_en_many(["In Wuxi", "", "WUXI’s"])]
        [[(3, 'Wuxi')], [], [(0, 'WUXI')]]
        """
        out: list[list[Match]] = [[] for _ in texts]
        for index, match in self.find_en_flat(texts):
            out[index].append(match)
        return out

    def find_en_flat(self, texts: list[str]) -> list[tuple[int, Match]]:
        """:meth:`find_en_many` as one list of (index of the text, match), in reading order: a
        page's 80 segments hold some 30 matches, so nothing is built per text."""
        if self._en is None or not texts:
            return []
        spans = self._en_spans("\0".join(texts))
        out: list[tuple[int, Match]] = []
        if not spans:
            return out
        starts = list(accumulate((len(t) + 1 for t in texts[:-1]), initial=0))
        k, last = 0, len(texts) - 1
        for s, e, entries in spans:
            while k < last and starts[k + 1] <= s:
                k += 1
            base, text = starts[k], texts[k]
            if e - base > len(text):  # only a term holding NUL could cross: search one by one
                return [(i, match) for i, t in enumerate(texts) for match in self.find_en(t)]
            out.append((k, Match(s - base, e - base, text[s - base:e - base], entries, EN)))
        return out

    def _en_spans(self, text: str) -> list[tuple[int, int, tuple[Entry, ...]]]:
        """(start, end, entries) of the word-bounded leftmost-longest matches in ``text``, in order."""
        automaton = self._en
        if not text or automaton is None:
            return []
        norm: str | bytes
        omap: OffsetMap | None
        as_bytes = isinstance(automaton, ahocorasick_rs.BytesAhoCorasick)
        in_bytes = normalize_en_bytes(text) if as_bytes else None
        if in_bytes is not None:
            norm, omap = in_bytes
        elif text.isascii() and "  " not in text and _ASCII_FOLDED.search(text) is None:
            norm, omap = text.lower(), None  # what normalize_en gives, with an identity map
        else:
            norm, omap = normalize_en(text)
            if as_bytes:  # a text normalize_en_bytes declines: the same bytes, from normalize_en
                norm = norm.encode("latin-1", "replace")

        def is_word(i: int) -> bool:
            ch = norm[i]
            if ch == _QUESTION:  # maybe a character beyond Latin-1 in the bytes: ask the text
                return _is_word(text[omap.to_original(i) if omap else i])
            return _is_word(ch) if isinstance(ch, str) else _WORD_BYTES[ch]

        entries_of = self.tables[EN].entries
        n = len(norm)
        candidates: list[tuple[int, int, tuple[Entry, ...]]] = []
        s_, es_ = ("s", "es") if isinstance(norm, str) else (b"s", b"es")
        for i, s, e in automaton.find_matches_as_indexes(norm, overlapping=True):  # type: ignore[arg-type]
            if s > 0 and is_word(s - 1) and is_word(s):
                continue
            # A pattern that ends mid-word must be followed by a plural ending or a boundary.
            end = e
            if e < n and is_word(e) and is_word(e - 1):
                if norm.startswith(s_, e) and (e + 1 == n or not is_word(e + 1)):  # type: ignore[arg-type]
                    end = e + 1
                elif norm.startswith(es_, e) and (e + 2 == n or not is_word(e + 2)):  # type: ignore[arg-type]
                    end = e + 2
                else:
                    continue
            entries = entries_of[i]
            if end != e:
                entries = tuple(x for x in entries if x.plural)
            if any(x.case_sensitive for x in entries):
                o_start, o_end = (omap.to_original(s), omap.end_to_original(e)) if omap else (s, e)
                surface = _SPACES.sub(" ", fold_en_keep_case(text[o_start:o_end]))
                entries = tuple(x for x in entries
                                if not x.case_sensitive or normalize_en_term(x.text, keep_case=True) == surface)
            if entries:
                candidates.append((s, end, entries))
        # Leftmost-longest over the surviving candidates.
        candidates.sort(key=lambda c: (c[0], -(c[1] - c[0])))
        out: list[tuple[int, int, tuple[Entry, ...]]] = []
        last_end = -1
        for s, e, entries in candidates:
            if s < last_end:
                continue
            if omap:
                out.append((omap.to_original(s), omap.end_to_original(e), entries))
            else:
                out.append((s, e, entries))
            last_end = e
        return out


def _per_text(texts: list[str], spans: Iterable[tuple[int, int, tuple[Entry, ...]]],
              ) -> list[list[tuple[int, int, tuple[Entry, ...]]]] | None:
    """Spans found in ``texts`` joined by one separator character, given back text by text with
    each text's own offsets (spans in order); None when a span crosses a separator."""
    out: list[list[tuple[int, int, tuple[Entry, ...]]]] = [[] for _ in texts]
    starts = list(accumulate((len(t) + 1 for t in texts[:-1]), initial=0))
    k, last = 0, len(texts) - 1
    for s, e, entries in spans:
        while k < last and starts[k + 1] <= s:
            k += 1
        base = starts[k]
        if e - base > len(texts[k]):
            return None
        out[k].append((s - base, e - base, entries))
    return out


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


#: ``_is_word`` of each Latin-1 character, and the byte :func:`normalize_en_bytes` puts for one beyond.
_WORD_BYTES = tuple(_is_word(chr(b)) for b in range(256))
_QUESTION = ord("?")


def _latin1_patterns(table: PatternTable) -> bool:
    """True when every pattern is Latin-1 without ``?``: the text can then be searched as Latin-1
    bytes, where ``?`` stands for every character beyond."""
    return bool(table.patterns) and all(p.isascii() or max(p) <= "\xff" for p in table.patterns) \
        and not any("?" in p for p in table.patterns)
