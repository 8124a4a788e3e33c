"""Public terminology figures, computed exactly as the shared tasks compute them, with shuyu's own beside them.

Pure functions over texts already read (see :mod:`shuyu.formats.wmt_data` for the files).

**WMT25 terminology, track 2** (``wmt-conference/wmt25-terminology``, ``ranking/metric_track2/evaluate_track2.py``):

- *term success rate*: for each source term of the document's dictionary that occurs in the
  source (lowercased substring) and one of whose target terms occurs in the reference
  (lowercased substring), the ratio of target-term occurrences in the hypothesis (the sum of
  ``str.count`` over the alternatives, lowercased) to source-term occurrences, capped at 1;
  the corpus figure is the mean of those ratios over every valid (document, term).
- *consistency* (``term-consistency/termbasedmetric.py``): per aligned term occurrence, the
  normalised target term against a pseudo-reference (the term's first, most frequent or
  dictionary translation); *micro* is the share equal to their pseudo-reference, *macro* the
  mean of that share over the distinct pseudo-reference values (grouped by pseudo-reference
  string, in order of first appearance, as pandas' ``unique()`` does).

shuyu's stricter figure keeps the definition (validity, ratio, cap) and changes the counting:
Chinese occurrences are shuyu's leftmost-longest matches (Traditional folded to Simplified, a
longer term subsumes the terms nested in it), English occurrences are word-bounded matches
(case-insensitive, quotes/dashes/whitespace folded, regular plurals and possessives accepted),
and each text span counts once whatever the number of alternatives that spell it.

**WMT21 terminology** (Alam et al. 2021, ``mahfuzibnalam/terminology_evaluation``,
``evaluate_term_wmt.py``): *exact-match* looks for each annotated target term as a regular
expression ``(?= alternative )`` in the space-padded, whitespace-normalised hypothesis, an
occurrence being claimed by one term only. It presumes tokenised text: a term is found only
between spaces. shuyu's substring matching needs no segmentation.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable
from collections.abc import Mapping
from collections.abc import Sequence
from dataclasses import dataclass
from dataclasses import field

from shuyu.glossary.model import Glossary
from shuyu.match import Match
from shuyu.match import Matcher
from shuyu.model import EN
from shuyu.model import ZH
from shuyu.model import Category
from shuyu.model import Concept
from shuyu.model import Status
from shuyu.model import Term
from shuyu.text.normalize import normalize_zh

PSEUDOREF_KINDS = ("first", "frequent", "predefined")
AVERAGES = ("micro", "macro")
#: One document: source, hypothesis, reference, and its term dictionary (source term → target terms).
Doc = tuple[str, str, str, Mapping[str, Sequence[str]]]

# --- WMT25: term success rate ------------------------------------------------------------------


def wmt25_term_success_rate(src: str, hyp: str, src_term: str, trg_terms: Sequence[str], *, lowercase: bool = True) -> float:
    """The organisers' ``get_term_success_rate``: hypothesis target-term count over source-term count, capped at 1.

    >>> wmt25_term_success_rate("財政司司長說，財政司司長", "The FS said", "財政司司長", ["Financial Secretary", "FS"])
    0.5
    >>> wmt25_term_success_rate("美國", "the US and business", "美國", ["US"])  # 'us' inside 'business' counts
    1.0
    """
    trg = [t.strip() for t in trg_terms]
    if lowercase:
        src, hyp, src_term = src.lower(), hyp.lower(), src_term.lower()
        trg = [t.strip().lower() for t in trg]
    return _ratio(src, hyp, src_term, trg)


def _ratio(src: str, hyp: str, src_term: str, trg_terms: Iterable[str]) -> float:
    input_count = src.count(src_term)
    output_count = sum(hyp.count(t) for t in trg_terms)
    return min(1.0 * output_count / input_count, 1.0)


def _lowered_ratio(src_l: str, hyp_l: str, src_term: str, trg_terms: Sequence[str]) -> float:
    """:func:`wmt25_term_success_rate` with ``lowercase=True`` on texts already lowercased (same result,
    without lowercasing whole documents once per term)."""
    return _ratio(src_l, hyp_l, src_term.lower(), [t.strip().lower() for t in trg_terms])


@dataclass(slots=True)
class SuccessRate:
    """A corpus term success rate: the sum of per-term ratios over the number of valid terms."""

    valid: int = 0
    total: float = 0.0

    @property
    def rate(self) -> float:
        """The mean ratio (-1.0 when no term is valid, as the organisers report it)."""
        return self.total / float(self.valid) if self.valid else -1.0


def wmt25_success_rate(docs: Iterable[Doc]) -> SuccessRate:
    """The organisers' corpus term success rate over ``(src, hyp, ref, term_dict)`` documents, in order.

    A term is valid in a document when it occurs in the source and one of its target terms in
    the reference (lowercased substrings); the ratios are summed in document and dictionary order.

    >>> r = wmt25_success_rate([("行政長官", "The Chief Executive", "the chief executive", {"行政長官": ["Chief Executive"]}),
    ...                         ("金管局", "HKMA", "the Monetary Authority", {"行政長官": ["Chief Executive"]})])
    >>> (r.valid, r.rate)
    (1, 1.0)
    """
    result = SuccessRate()
    for src, hyp, ref, terms in docs:
        src_l, ref_l, hyp_l = src.lower(), ref.lower(), hyp.lower()
        for src_term, trg_terms in terms.items():
            src_term = src_term.strip()
            if src_term and src_term.lower() in src_l and any(t.lower() in ref_l for t in trg_terms):
                result.valid += 1
                result.total += _lowered_ratio(src_l, hyp_l, src_term, trg_terms)
    return result


def term_dict_glossary(terms: Mapping[str, Sequence[str]]) -> tuple[Glossary, dict[str, str]]:
    """A glossary of a WMT term dictionary (one concept per source term; its first target form
    preferred, the others admitted) and the concept id of each source term.

    >>> g, ids = term_dict_glossary({"行政長官": ["Chief Executive"], " ": ["x"]})
    >>> ids, [t.text for t in g.expanded["t0"].terms]
    ({'行政長官': 't0'}, ['行政長官', 'Chief Executive'])
    """
    concepts: dict[str, Concept] = {}
    ids: dict[str, str] = {}
    for n, (src_term, trg_terms) in enumerate(terms.items()):
        zh = src_term.strip()
        if not zh:
            continue
        cid = f"t{n}"
        ids[src_term] = cid
        forms = [Term(zh, ZH)]
        for i, t in enumerate(x.strip() for x in trg_terms):
            if t:
                forms.append(Term(t, EN, Status.PREFERRED if i == 0 else Status.ADMITTED))
        concepts[cid] = Concept(cid, Category.TERM, forms)
    return Glossary(concepts=dict(concepts), expanded=concepts), ids


def _concept_counts(matches: Iterable[Match]) -> Counter[str]:
    """How many matches may mean each concept (a span shared by homonyms counts for each)."""
    counts: Counter[str] = Counter()
    for m in matches:
        counts.update(m.concepts)
    return counts


@dataclass(slots=True)
class TermComparison:
    """One (document, term) where the organisers' counting and shuyu's disagree."""

    doc: int
    term: str
    targets: tuple[str, ...]
    theirs: float | None  # None: not a valid term under that counting
    shuyu: float | None
    reason: str


@dataclass(slots=True)
class Wmt25Comparison:
    """The organisers' success rate, shuyu's stricter one, and where and why they differ."""

    theirs: SuccessRate
    shuyu: SuccessRate
    differences: list[TermComparison] = field(default_factory=list)

    def reasons(self) -> Counter[str]:
        """How many (document, term) pairs differ for each reason."""
        return Counter(d.reason for d in self.differences)


REASON_FOLDED = "found only after shuyu's folding (quotes, dashes, whitespace, Traditional variants)"
REASON_SRC_ONLY_NESTED = "not valid for shuyu: the source term occurs only inside a longer dictionary term"
REASON_REF_SUBWORD = "not valid for shuyu: the reference has the target only inside a longer word or term"
REASON_SRC_NESTED = "src: some occurrences are inside a longer dictionary term (not counted by shuyu)"
REASON_DOUBLE = "hyp: one span counted twice (duplicate or overlapping alternatives)"
REASON_SUBWORD = "hyp: substring inside a longer word or term (not counted by shuyu)"
REASON_OTHER = "other"


def compare_success_rate(docs: Sequence[Doc]) -> Wmt25Comparison:
    """The organisers' term success rate and shuyu's word-bounded one over the same documents.

    Documents that share a dictionary (every document of a WMT25 year does) share one matcher.
    """
    theirs = SuccessRate()
    mine = SuccessRate()
    diffs: list[TermComparison] = []
    matchers: dict[str, tuple[Matcher, dict[str, str]]] = {}
    for n, (src, hyp, ref, terms) in enumerate(docs):
        key = json.dumps(terms, sort_keys=True, ensure_ascii=False)
        if key not in matchers:
            glossary, ids = term_dict_glossary(terms)
            matchers[key] = (Matcher.from_glossary(glossary), ids)
        matcher, ids = matchers[key]
        zh_counts = _concept_counts(matcher.find_zh(src))
        ref_counts = _concept_counts(matcher.find_en(ref))
        hyp_counts = _concept_counts(matcher.find_en(hyp))
        src_l, ref_l, hyp_l = src.lower(), ref.lower(), hyp.lower()
        for src_term, trg_terms in terms.items():
            st = src_term.strip()
            ours: float | None = None
            their: float | None = None
            if st and st.lower() in src_l and any(t.lower() in ref_l for t in trg_terms):
                their = _lowered_ratio(src_l, hyp_l, st, trg_terms)
                theirs.valid += 1
                theirs.total += their
            cid = ids.get(src_term)
            if cid and zh_counts[cid] and ref_counts[cid]:
                ours = min(hyp_counts[cid] / zh_counts[cid], 1.0)
                mine.valid += 1
                mine.total += ours
            if their != ours:
                zh_n, hyp_n = (zh_counts[cid], hyp_counts[cid]) if cid else (0, 0)
                reason = _reason(st, trg_terms, src_l, hyp_l, their, ours, zh_n, hyp_n)
                diffs.append(TermComparison(n, st, tuple(trg_terms), their, ours, reason))
    return Wmt25Comparison(theirs, mine, diffs)


def _reason(src_term: str, trg_terms: Sequence[str], src_l: str, hyp_l: str, their: float | None, ours: float | None,
            zh_count: int, hyp_count: int) -> str:
    """Why the two countings disagree on one (document, term), checked in this order."""
    if their is None:
        return REASON_FOLDED
    if ours is None:
        return REASON_SRC_ONLY_NESTED if zh_count == 0 else REASON_REF_SUBWORD
    substring_src = src_l.count(src_term.lower())
    if zh_count < substring_src:
        return REASON_SRC_NESTED
    forms = [t.strip().lower() for t in trg_terms if t.strip()]
    raw = sum(hyp_l.count(t) for t in forms)
    spans = set()
    for t in forms:
        spans |= {m.start() for m in re.finditer(re.escape(t), hyp_l)}
    if raw > len(spans):
        return REASON_DOUBLE
    if hyp_count < len(spans):
        return REASON_SUBWORD
    if hyp_count > len(spans) or zh_count > substring_src:
        return REASON_FOLDED
    return REASON_OTHER


# --- WMT25: consistency ------------------------------------------------------------------------


def consistency(pairs: Sequence[tuple[str, str]], average: str) -> float:
    """The consistency metric's ``_compute_metric`` over ``(target term, pseudo-reference)`` pairs.

    >>> rows = [("a", "a"), ("b", "a"), ("c", "c")]
    >>> consistency(rows, "micro"), consistency(rows, "macro")
    (0.6666666666666666, 0.75)
    """
    if average not in AVERAGES:
        raise ValueError(f"average must be micro or macro, not {average!r}")
    if not pairs:
        raise ValueError("no term occurrences")
    if average == "micro":
        return sum(1 for t, p in pairs if t == p) / len(pairs)
    groups: dict[str, list[int]] = {}
    for t, p in pairs:
        g = groups.setdefault(p, [0, 0])
        g[0] += t == p
        g[1] += 1
    total = 0.0
    for right, n in groups.values():
        total += right / n
    return total / len(groups)


def pseudoref_consistency(tables: Mapping[str, Sequence[tuple[str, str]]]) -> dict[str, dict[str, float]]:
    """Micro and macro consistency for each pseudo-reference choice, shaped as the organisers' ``stats`` files."""
    return {kind: {avg: consistency(tables[kind], avg) for avg in AVERAGES} for kind in PSEUDOREF_KINDS if kind in tables}


def mean(values: Sequence[float]) -> float:
    """Arithmetic mean (the published ``consistency_*`` figures are the mean of the yearly macro values)."""
    return sum(values) / len(values)


# --- WMT21 (Alam et al. 2021): exact-match -----------------------------------------------------


def alam_alternatives(tgt: str, surface: str) -> list[str]:
    """The accepted forms of one annotated term, as ``read_reference_data_wmt`` builds them:
    the ``tgt`` attribute split on ``|``, plus the surface text when it is not a substring of ``tgt``.

    >>> alam_alternatives("symptômes", " symptômes "), alam_alternatives("a|b", " c ")
    (['symptômes'], ['a', 'b', 'c'])
    """
    surface = surface.strip()
    joined = tgt if surface in tgt else f"{tgt}|{surface}"
    return joined.split("|")


def alam_pad(text: str) -> str:
    """The script's view of a segment: whitespace runs collapsed, one space padding each side."""
    return " " + " ".join(text.split()) + " "


@dataclass(slots=True)
class ExactMatch:
    """Exact-match counts over annotated terms."""

    correct: int = 0
    wrong: int = 0
    #: Alternatives that are not valid regular expressions (the script would stop there).
    regex_errors: int = 0
    missed: list[tuple[str, str]] = field(default_factory=list)

    def count(self, seg_id: str, alternatives: Sequence[str], *, found: bool) -> None:
        """Count one annotated term of segment ``seg_id``, found or (remembered as) missed."""
        if found:
            self.correct += 1
        else:
            self.wrong += 1
            self.missed.append((seg_id, "|".join(alternatives)))

    @property
    def total(self) -> int:
        """Annotated terms looked for."""
        return self.correct + self.wrong

    @property
    def accuracy(self) -> float:
        """Share found."""
        return self.correct / self.total if self.total else 0.0


def alam_exact_match(segments: Iterable[tuple[str, str, Sequence[Sequence[str]]]]) -> ExactMatch:
    """Surface-only exact-match of ``evaluate_term_wmt.compare_EXACT`` over ``(id, hypothesis, terms)``.

    Each term is its list of alternatives; each is used unescaped, as the script does, in the
    look-ahead ``(?= alternative )`` over :func:`alam_pad` of the hypothesis; the first start
    position not yet claimed by an earlier term of the segment counts, and, as in the script,
    every alternative that has such a position claims it (not only the first). Without a lemmatiser the
    published script counts a term not found as correct (its lemma branch is skipped); here it
    counts as wrong, which is the surface-only figure.

    >>> em = alam_exact_match([("1", "le nez qui coule , le nez", [["nez"], ["nez"], ["nez"]])])
    >>> (em.correct, em.wrong)
    (2, 1)
    """
    result = ExactMatch()
    for seg_id, hyp, terms in segments:
        padded = alam_pad(hyp)
        starts: set[int] = set()
        for alternatives in terms:
            found = False
            for alt in alternatives:
                try:
                    positions = [m.start() for m in re.finditer(f"(?= {alt} )", padded)]
                except re.error:
                    result.regex_errors += 1
                    continue
                # The script does not stop at the first alternative found: every alternative
                # claims its first free position, so one term can claim several.
                for p in positions:
                    if p not in starts:
                        starts.add(p)
                        found = True
                        break
            result.count(seg_id, alternatives, found=found)
    return result


_CJK = "\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u3000-\u303f"
_SPACE_IN_CJK = re.compile(rf"(?<=[{_CJK}]) +(?=[{_CJK}])")


def unsegment_zh(text: str) -> str:
    """Chinese as it is written: the spaces of word segmentation between CJK characters removed.

    >>> unsegment_zh("您 的 胸痛 伴有 以下 任何 症状 吗 ？ COVID - 19 疫情")
    '您的胸痛伴有以下任何症状吗？ COVID - 19 疫情'
    """
    return _SPACE_IN_CJK.sub("", text)


def substring_match(segments: Iterable[tuple[str, str, Sequence[Sequence[str]]]]) -> ExactMatch:
    """shuyu's Chinese matching of annotated terms: no segmentation, substrings after normalisation.

    Text and alternatives are unsegmented (:func:`unsegment_zh`) and folded as the matcher folds
    Chinese (Traditional → Simplified, full-width → half-width); alternatives are literal text, not
    regular expressions. As in exact-match, a position is claimed by one annotated term only.

    >>> em = substring_match([("1", "您的胸痛伴有以下任何症狀吗？", [["症状", "症"]])])
    >>> (em.correct, em.wrong)
    (1, 0)
    """
    result = ExactMatch()
    for seg_id, hyp, terms in segments:
        text = normalize_zh(unsegment_zh(" ".join(hyp.split())))[0]
        starts: set[int] = set()
        for alternatives in terms:
            found = False
            for alt in alternatives:
                form = normalize_zh(unsegment_zh(" ".join(alt.split())))[0]
                if not form:
                    continue
                p = text.find(form)
                while p != -1:
                    if p not in starts:
                        starts.add(p)
                        found = True
                        break
                    p = text.find(form, p + 1)
                if found:
                    break
            result.count(seg_id, alternatives, found=found)
    return result


# --- Putting the figures together (inputs already read) ----------------------------------------


def mt_metrics(hyps: Sequence[str], refs: Sequence[str], trg_lang: str = "en") -> dict[str, dict[str, float | str]]:
    """sacrebleu BLEU and chrF2++ as ``evaluate_track2.py`` computes them (``zh`` tokenizer for a Chinese target)."""
    from sacrebleu.metrics import BLEU
    from sacrebleu.metrics import CHRF

    bleu = BLEU(max_ngram_order=4, tokenize="13a" if trg_lang == "en" else "zh")
    chrf = CHRF(char_order=6, word_order=2)
    out: dict[str, dict[str, float | str]] = {}
    for name, metric in (("BLEU", bleu), ("chrF2++", chrf)):
        score = metric.corpus_score(list(hyps), [list(refs)])
        out[name] = {"score": score.score, "signature": str(metric.get_signature())}
    return out


def success_rate_figures(docs: Sequence[Doc], examples: int = 3) -> dict[str, object]:
    """The organisers' and shuyu's term success rates, and why they differ (counts and a few examples per reason)."""
    cmp = compare_success_rate(docs)
    counts = cmp.reasons()
    samples: dict[str, list[dict[str, object]]] = {}
    for d in cmp.differences:
        ex = samples.setdefault(d.reason, [])
        if len(ex) < examples and all(e["term"] != d.term for e in ex):
            ex.append({"doc": d.doc, "term": d.term, "targets": list(d.targets), "wmt25": d.theirs, "shuyu": d.shuyu})
    return {
        "wmt25": {"valid": cmp.theirs.valid, "rate": cmp.theirs.rate},
        "shuyu": {"valid": cmp.shuyu.valid, "rate": cmp.shuyu.rate},
        "differences": {reason: {"count": n, "examples": samples[reason]} for reason, n in counts.most_common()},
    }


def consistency_figures(tables: Mapping[int, Mapping[str, Sequence[tuple[str, str]]]],
                        stats: Mapping[str, Mapping[str, Mapping[str, float]]] | None = None) -> dict[str, object]:
    """Per-year micro/macro consistency from pseudo-reference tables, their mean macro per choice, and whether each
    year equals the organisers' ``stats`` (exactly, as floats)."""
    years = {str(y): pseudoref_consistency(t) for y, t in sorted(tables.items())}
    kinds = [k for k in PSEUDOREF_KINDS if all(k in v for v in years.values())]
    out: dict[str, object] = {
        "years": years,
        "mean_macro": {k: mean([v[k]["macro"] for v in years.values()]) for k in kinds} if years else {},
    }
    if stats is not None:
        out["equals_stats"] = {y: (y in stats and {k: dict(stats[y][k]) for k in v if k in stats[y]} == v)
                               for y, v in years.items()}
    return out


def compare_published(ours: Mapping[str, float], published: Mapping[str, float], tolerance: float = 1e-12) -> dict[str, bool]:
    """For each published figure we computed too: equal within ``tolerance``."""
    return {k: abs(ours[k] - float(v)) <= tolerance for k, v in published.items() if k in ours}
