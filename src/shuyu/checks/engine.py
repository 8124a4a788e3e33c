"""The orchestrator: `check` a Chinese–English pair and `lint` English documents (pure).

Inputs are :class:`Document` values and a glossary with its matcher; the result is a sorted list
of findings and run-level notes. Readers, reporters and the CLI live elsewhere.

Alignment for `check`: paragraphs are paired when both sides have as many; otherwise sentences
are aligned across the document (Gale–Church with glossary concepts and numbers as anchors).
When that alignment is poor, the check falls back to document level and says so once.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from dataclasses import field
from dataclasses import replace
from decimal import Decimal
from operator import attrgetter
from typing import TYPE_CHECKING

from shuyu.checks import prose
from shuyu.checks.base import CheckSettings
from shuyu.checks.base import english_indices
from shuyu.checks.base import finding
from shuyu.checks.base import keep
from shuyu.checks.base import segment_location
from shuyu.checks.base import segment_locations
from shuyu.checks.consistency import inconsistent_terms
from shuyu.checks.consistency import judged
from shuyu.checks.consistency import judged_match
from shuyu.checks.terms import Occurrence
from shuyu.checks.terms import concept_keys
from shuyu.checks.terms import english_term_findings
from shuyu.checks.terms import find_occurrences
from shuyu.checks.terms import head_written
from shuyu.checks.terms import missing_finding
from shuyu.checks.terms import missing_terms
from shuyu.checks.terms import resolve_elided
from shuyu.checks.terms import short_elided_titles
from shuyu.glossary.model import Glossary
from shuyu.match import Matcher
from shuyu.model import EN
from shuyu.model import ZH
from shuyu.model import Finding
from shuyu.model import Status
from shuyu.text.align import Bead
from shuyu.text.align import align
from shuyu.text.align import alignment_quality
from shuyu.text.document import Document
from shuyu.text.split import split_sentences

if TYPE_CHECKING:
    from shuyu.numbers import Quantity

#: Below this share of sentences in matched beads, sentence alignment is not trusted.
MIN_ALIGNMENT_QUALITY = 0.6
FALLBACK_NOTE = "alignment fell back to document level: paragraphs and sentences could not be paired"


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of a document: its segment, its span in the segment text, and its anchor keys."""

    segment: int
    start: int
    end: int
    keys: frozenset[str] = frozenset()


@dataclass(slots=True)
class Unit:
    """Aligned Chinese and English sentences judged together, with the beads inside them."""

    zh: list[Sentence]
    en: list[Sentence]
    beads: list[Bead] = field(default_factory=list)


@dataclass(slots=True)
class CheckResult:
    """Findings and run-level notes (such as an alignment fallback) of one run."""

    findings: list[Finding]
    notes: list[str] = field(default_factory=list)


# --- English-only rules (shared by lint and check) -------------------------------------------

def prose_findings(doc: Document, settings: CheckSettings) -> list[Finding]:
    """`untranslated`, `punctuation` and `repeated-word` over a document's English prose."""
    english = [doc.segments[i] for i in english_indices(doc)]
    texts = list(map(attrgetter("text"), english))
    issues = prose.page_issues(texts, [rule for rule in prose.SEGMENT_RULES if settings.on(rule)])
    if not issues:
        return []
    # Located together, and each rule's severity looked up once: a page has a score of issues.
    located = segment_locations(doc, [(english[index], issue.start, issue.end) for index, issue in issues])
    severity = {rule: settings.severity(rule) for rule in {issue.rule for _, issue in issues}}
    return [Finding(rule=issue.rule, severity=severity[issue.rule], location=loc, message=issue.message,
                    expected=issue.expected, found=issue.found, context=context)
            for (_, issue), (loc, context) in zip(issues, located, strict=True)]


def lint_document(doc: Document, glossary: Glossary, matcher: Matcher,
                  settings: CheckSettings) -> tuple[list[Finding], list[Occurrence]]:
    """One English document's findings, and the glossary matches cross-file consistency counts.

    Only the matches `term-inconsistent` judges are returned (a site's places and people would
    fill memory for nothing), and not those on lines where a comment switches the rule off, so
    the cross-file rule honours the page's suppressions.
    """
    # A preferred form is only ever counted by `term-inconsistent`: the rest (nine matches in ten
    # on news pages: places, people) never reach a finding and need no file location.
    occurrences = find_occurrences(doc, matcher, EN, lambda m: m.status != Status.PREFERRED or judged_match(m, glossary))
    found = english_term_findings(doc, occurrences, glossary, settings) + prose_findings(doc, settings)
    counted = [o for o in occurrences
               if judged(o, glossary) and not doc.suppressed("term-inconsistent", o.location.line)]
    return [f for f in found if keep(doc, f)], counted


def lint_documents(docs: Sequence[Document], glossary: Glossary, matcher: Matcher,
                   settings: CheckSettings) -> list[Finding]:
    """Lint English documents: per-document rules, then `term-inconsistent` across all of them."""
    findings: list[Finding] = []
    occurrences: list[Occurrence] = []
    for doc in docs:
        found, occ = lint_document(doc, glossary, matcher, settings)
        findings += found
        occurrences += occ
    findings += inconsistent_terms(occurrences, glossary, settings)
    return sorted(findings, key=Finding.sort_key)


# --- bilingual check -------------------------------------------------------------------------

def _sentences(doc: Document, lang: str, occurrences: list[Occurrence]) -> list[Sentence]:
    """The sentences of every segment, each with the concepts and numbers it holds as keys."""
    from shuyu import numbers  # the bilingual check's alone: lint never loads it

    by_segment: dict[int, list[Occurrence]] = {}
    for occ in occurrences:
        by_segment.setdefault(occ.segment, []).append(occ)
    out = []
    for index, segment in enumerate(doc.segments):
        if lang == EN and segment.lang.startswith("zh"):
            continue
        text = segment.text
        for span in split_sentences(text, lang):
            keys = {cid for occ in by_segment.get(index, ()) if span.start <= occ.match.start < span.end
                    for cid in occ.match.concepts}
            keys |= {f"#{q.value}" for q in numbers.extract_quantities(text[span.start:span.end], lang)}
            out.append(Sentence(index, span.start, span.end, frozenset(keys)))
    return out


def _blocks(doc: Document, sentences: list[Sentence]) -> list[list[Sentence]]:
    """Sentences grouped by the paragraph (block) of their segment."""
    groups: dict[int, list[Sentence]] = {}
    for s in sentences:
        groups.setdefault(doc.segments[s.segment].block, []).append(s)
    return [groups[k] for k in sorted(groups)]


def _expand_keys(keys: frozenset[str], glossary: Glossary) -> frozenset[str]:
    """Anchor keys with expanded ids also standing for their template (so elided titles anchor)."""
    extra = set()
    for key in keys:
        concept = glossary.get(key)
        if concept is not None and concept.template:
            extra.add(concept.template)
    return keys | extra


def _align_sentences(zh: list[Sentence], en: list[Sentence], glossary: Glossary) -> list[Bead]:
    return align([s.end - s.start for s in zh], [s.end - s.start for s in en],
                 zh_keys=[set(_expand_keys(s.keys, glossary)) for s in zh],
                 en_keys=[set(_expand_keys(s.keys, glossary)) for s in en])


def build_units(zh_doc: Document, en_doc: Document, zh_occ: list[Occurrence], en_occ: list[Occurrence],
                glossary: Glossary) -> tuple[list[Unit], list[str]]:
    """Pair the two documents into units of judgement, falling back to one unit when alignment fails."""
    zh_sent = _sentences(zh_doc, ZH, zh_occ)
    en_sent = _sentences(en_doc, EN, en_occ)
    zh_blocks, en_blocks = _blocks(zh_doc, zh_sent), _blocks(en_doc, en_sent)
    if zh_blocks and len(zh_blocks) == len(en_blocks):
        units = [Unit(z, e, _align_sentences(z, e, glossary)) for z, e in zip(zh_blocks, en_blocks,
                                                                                                strict=True)]
        return units, []
    beads = _align_sentences(zh_sent, en_sent, glossary) if zh_sent and en_sent else []
    if beads and alignment_quality(beads) >= MIN_ALIGNMENT_QUALITY:
        # Each bead, widened by its neighbours, is a unit: a term moved one sentence over by
        # the translator is not missing.
        units = []
        for k, bead in enumerate(beads):
            lo, hi = max(0, k - 1), min(len(beads), k + 2)
            window_en = sorted({j for b in beads[lo:hi] for j in b.en})
            local = Bead(tuple(range(len(bead.zh))), tuple(window_en.index(j) for j in bead.en), bead.cost)
            units.append(Unit([zh_sent[i] for i in bead.zh], [en_sent[j] for j in window_en], [local]))
        return units, []
    unit = Unit(zh_sent, en_sent, [])
    return [unit], [FALLBACK_NOTE] if zh_sent and en_sent else []


def _aligned_en(unit: Unit, zh_index: int) -> Sentence | None:
    """The English sentence aligned to a Chinese sentence of the unit (nearest when unaligned)."""
    if not unit.en:
        return None
    for bead in unit.beads:
        if zh_index in bead.zh and bead.en:
            return unit.en[bead.en[0]]
    if unit.zh:
        # Proportional position: the best guess when beads say nothing.
        pos = round(zh_index * (len(unit.en) - 1) / max(1, len(unit.zh) - 1))
        return unit.en[min(pos, len(unit.en) - 1)]
    return unit.en[0]


def _in(sentence: Sentence, occ: Occurrence) -> bool:
    return occ.segment == sentence.segment and sentence.start <= occ.match.start < sentence.end


class _OccurrenceIndex:
    """The occurrences of a document by segment and start, to find those inside sentences.

    (Filtering every occurrence for every unit made ``check`` quadratic: 39 s for a 1 MB pair.)
    """

    def __init__(self, occurrences: list[Occurrence]) -> None:
        self.occurrences = occurrences
        self.by_segment: dict[int, list[tuple[int, int]]] = {}
        for i, occ in enumerate(occurrences):
            self.by_segment.setdefault(occ.segment, []).append((occ.match.start, i))
        for entries in self.by_segment.values():
            entries.sort()

    def within(self, sentences: list[Sentence]) -> list[Occurrence]:
        """The occurrences starting inside any of ``sentences``, in the document's order."""
        found: set[int] = set()
        for s in sentences:
            entries = self.by_segment.get(s.segment)
            if entries:
                lo, hi = bisect_left(entries, (s.start, -1)), bisect_left(entries, (s.end, -1))
                found.update(i for _, i in entries[lo:hi])
        return [self.occurrences[i] for i in sorted(found)]


def _render(q: Quantity) -> str:
    from shuyu.numbers import FRACTION_TEXT

    if q.value in FRACTION_TEXT:
        return FRACTION_TEXT[q.value]  # 1/3, not 0.3333333333333333333333333333
    value = q.value.normalize()
    suffix = "%" if q.unit == "percent" else ""
    # As an English release writes a large amount: 1.2亿 is "120 million", 32亿 "3.2 billion" (not 3,200,000,000).
    for size, word in ((10**12, "trillion"), (10**9, "billion"), (10**6, "million")):
        scaled = (value / size).normalize()
        if scaled >= 1 and scaled == scaled.quantize(Decimal("0.001")):
            return f"{scaled:,f} {word}{suffix}"
    text = f"{value:,f}" if value == value.to_integral() else f"{value:,}"
    return text + suffix


def _unit_numbers(unit: Unit, zh_doc: Document, en_doc: Document, settings: CheckSettings) -> list[Finding]:
    """`number-mismatch` and `date-mismatch` over one unit."""
    from shuyu import numbers  # the bilingual check's alone: lint never loads it

    out: list[Finding] = []

    def collect(doc: Document, sentences: list[Sentence], lang: str, extract):  # type: ignore[no-untyped-def]
        items = []
        for k, s in enumerate(sentences):
            text = doc.segments[s.segment].text[s.start:s.end]
            for item in extract(text, lang):
                items.append((item, k, s))
        return items

    for rule, extract, compare in (("number-mismatch", numbers.extract_quantities, numbers.compare_quantities),
                                   ("date-mismatch", numbers.extract_dates, numbers.compare_dates)):
        if not settings.on(rule):
            continue
        zh_items = collect(zh_doc, unit.zh, ZH, extract)
        en_items = collect(en_doc, unit.en, EN, extract)
        zh_by_id = {id(item): (k, s) for item, k, s in zh_items}
        en_by_id = {id(item): (k, s) for item, k, s in en_items}
        for mismatch in compare([i for i, _, _ in zh_items], [i for i, _, _ in en_items]):
            zh_item, en_item = mismatch.zh, mismatch.en
            source = source_context = None
            if zh_item is not None:
                _, s = zh_by_id[id(zh_item)]
                seg = zh_doc.segments[s.segment]
                source, source_context = segment_location(zh_doc, seg, s.start + zh_item.start, s.start + zh_item.end)
            if en_item is not None:
                _, s2 = en_by_id[id(en_item)]
                seg = en_doc.segments[s2.segment]
                loc, context = segment_location(en_doc, seg, s2.start + en_item.start, s2.start + en_item.end)
            else:
                target = _aligned_en(unit, zh_by_id[id(zh_item)][0]) if zh_item is not None else None
                if target is None:
                    loc, context = en_doc.span_location(0, 0), en_doc.lines.line_text(1) if en_doc.text else ""
                else:
                    seg = en_doc.segments[target.segment]
                    loc, context = segment_location(en_doc, seg, target.start, target.end)
            message, expected, found = _number_message(rule, zh_item, en_item)
            out.append(finding(settings, rule, loc, message, expected=expected, found=found, source=source,
                               context=context, source_context=source_context or ""))
    return out


def _number_message(rule: str, zh_item, en_item) -> tuple[str, str | None, str | None]:  # type: ignore[no-untyped-def]
    what = "number" if rule == "number-mismatch" else "date"
    if rule == "number-mismatch":
        zh_text = f"'{zh_item.text}' ({_render(zh_item)})" if zh_item is not None else ""
        expected = _render(zh_item) if zh_item is not None else None
    else:
        zh_text = f"'{zh_item.text}'" if zh_item is not None else ""
        expected = _render_date(zh_item) if zh_item is not None else None
    if zh_item is not None and en_item is not None:
        return f"the source has {zh_text}, the translation '{en_item.text}'", expected, en_item.text
    if zh_item is not None:
        return f"the source {what} {zh_text} is not in the translation", expected, None
    return f"'{en_item.text}' has no counterpart in the source", None, en_item.text


def _render_date(d) -> str:  # type: ignore[no-untyped-def]
    months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December"]
    parts = []
    if d.month:
        parts.append(months[d.month - 1])
    if d.day:
        parts.append(str(d.day) + ("," if d.year else ""))
    if d.year:
        parts.append(str(d.year))
    return " ".join(parts)


def check_release(zh_doc: Document, en_doc: Document, glossary: Glossary, matcher: Matcher,
                  settings: CheckSettings) -> CheckResult:
    """Check an English translation against its Chinese source.

    :returns: every finding, sorted by place, and notes for the run.
    """
    en_occ = find_occurrences(en_doc, matcher, EN)
    zh_occ = resolve_elided(short_elided_titles(find_occurrences(zh_doc, matcher, ZH), zh_doc, glossary), zh_doc, glossary)
    findings = english_term_findings(en_doc, en_occ, glossary, settings) + prose_findings(en_doc, settings)
    findings += inconsistent_terms(en_occ, glossary, settings)
    units, notes = build_units(zh_doc, en_doc, zh_occ, en_occ, glossary)
    sources: dict[tuple[int, int, str], Occurrence] = {}
    zh_index, en_index = _OccurrenceIndex(zh_occ), _OccurrenceIndex(en_occ)
    for unit in units:
        unit_zh, unit_en = zh_index.within(unit.zh), en_index.within(unit.en)
        if settings.on("term-missing"):
            en_text = "\n".join(en_doc.segments[s.segment].text[s.start:s.end] for s in unit.en)
            for occ in missing_terms(unit_zh, unit_en, glossary):
                if occ.match.surface in en_text or head_written(occ, en_text, glossary, unit_en):
                    continue  # left in Chinese (`untranslated` reports it), or "Mayor Wang" for 、市长王
                k = next(i for i, s in enumerate(unit.zh) if _in(s, occ))
                target = _aligned_en(unit, k)
                segment = en_doc.segments[target.segment] if target else None
                span = (target.start, target.end) if target else (0, 0)
                findings.append(missing_finding(glossary, settings, occ, en_doc, segment, span))
        # Remember which Chinese occurrence each English one translates, to name the source.
        for en in unit_en:
            keys = concept_keys(glossary, en.match)
            zh = next((o for o in unit_zh if set(o.match.concepts) & keys), None)
            if zh is None:  # a place named inside a Chinese title (徐州市委 for "Xu Zhou" in "CPC Xu Zhou ...")
                zh = next((o for o in unit_zh if any(getattr(glossary.get(c), "place", None) in keys
                                                     for c in o.match.concepts)), None)
            if zh is not None:
                sources[(en.location.line, en.location.column, en.match.surface)] = zh
        findings += _unit_numbers(unit, zh_doc, en_doc, settings)
    findings = [_with_source(f, sources) for f in findings]
    if notes and settings.on("alignment"):
        findings.append(finding(settings, "alignment", en_doc.span_location(0, 0), notes[0],
                                context=en_doc.lines.line_text(1) if en_doc.text else ""))
    findings = [f for f in findings if keep(en_doc, f)]
    return CheckResult(sorted(findings, key=Finding.sort_key), notes)


def _with_source(f: Finding, sources: dict[tuple[int, int, str], Occurrence]) -> Finding:
    if f.source is not None or f.found is None:
        return f
    zh = sources.get((f.location.line, f.location.column, f.found))
    if zh is None:
        return f
    return replace(f, source=zh.location, source_context=zh.context)

