"""Terminology rules: `term-deprecated`, `name-romanization`, `term-admitted`, `term-missing`.

The English side is judged from the glossary alone (a deprecated or wrongly romanised form is
wrong wherever it stands); the bilingual rule `term-missing` asks, for each concept found in a
Chinese unit, whether the aligned English unit writes it at all.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from collections.abc import Sequence
from dataclasses import dataclass

from shuyu.checks.base import CheckSettings
from shuyu.checks.base import english_indices
from shuyu.checks.base import finding
from shuyu.checks.base import segment_location
from shuyu.glossary.expand import ZH_SLOT
from shuyu.glossary.model import Glossary
from shuyu.lazyre import lazy
from shuyu.match import Entry
from shuyu.match import Match
from shuyu.match import Matcher
from shuyu.model import EN
from shuyu.model import ZH
from shuyu.model import Category
from shuyu.model import Finding
from shuyu.model import Location
from shuyu.model import Status
from shuyu.text.document import Document
from shuyu.text.document import Segment

MESSAGES = {
    "term-deprecated": "use '{expected}' instead of '{found}'",
    "name-romanization": "'{found}' is not the standard romanisation: write '{expected}'",
    "term-admitted": "'{found}' is allowed, but '{expected}' is preferred",
    "term-missing": "'{zh}' is not translated with its approved form: expected '{expected}'",
}
#: Chinese sentence ends: an elided title takes its place only from inside its own sentence.
_ZH_SENTENCE_END = re.compile(r"[。！？；!?;\n]")
_HAN = lazy(r"[\u3400-\u9fff]")  # compiled by the bilingual check only


@dataclass(slots=True)
class Occurrence:
    """A glossary match in a document: which segment, the match, and its file location."""

    segment: int
    match: Match
    location: Location
    context: str


def find_occurrences(doc: Document, matcher: Matcher, lang: str,
                     keep: Callable[[Match], bool] | None = None) -> list[Occurrence]:
    """Every glossary match in a document's segments (those ``keep`` accepts), with file locations.

    English segments marked ``lang="zh"`` (an HTML ``lang`` attribute) are not searched for
    English terms, and Chinese search covers every segment. A caller that needs only some
    matches says which with ``keep``: a file location costs more than the match itself.
    """
    out = []
    if lang == EN:
        # One pass over the page's English segments (see Matcher.find_en_many and find_en_flat).
        segments = doc.segments
        english = english_indices(doc)
        for k, match in matcher.find_en_flat([segments[i].text for i in english]):
            if keep is None or keep(match):
                index = english[k]
                loc, context = segment_location(doc, segments[index], match.start, match.end)
                out.append(Occurrence(index, match, loc, context))
        return out
    for index, segment in enumerate(doc.segments):
        found_here = matcher.find(segment.text, lang)
        for match in found_here if keep is None else filter(keep, found_here):
            loc, context = segment_location(doc, segment, match.start, match.end)
            out.append(Occurrence(index, match, loc, context))
    return out


def _concept_label(glossary: Glossary, match: Match) -> tuple[str, str]:
    """The concept id to name and its preferred English (homonyms share it)."""
    concept_id = match.concepts[0]
    concept = glossary.get(concept_id)
    return concept_id, concept.preferred(EN) if concept else ""


def _expected_name(glossary: Glossary, match: Match) -> str:
    """The right spelling to suggest for a wrongly romanised name: the place's own name."""
    concept = glossary.get(match.concepts[0])
    if concept is None:
        return ""
    return concept.en_name or concept.preferred(EN)


def english_term_findings(doc: Document, occurrences: list[Occurrence], glossary: Glossary,
                          settings: CheckSettings) -> list[Finding]:
    """Findings the glossary alone gives on English text: deprecated, romanisation, admitted."""
    out = []
    for occ in occurrences:
        match = occ.match
        status = match.status
        concept_id, preferred = _concept_label(glossary, match)
        if status == Status.DEPRECATED:
            romanized = all(e.romanization for e in match.entries)
            rule = "name-romanization" if romanized else "term-deprecated"
            expected = _expected_name(glossary, match) if romanized else preferred
        elif status == Status.ADMITTED and match.surface.casefold() != preferred.casefold():
            concept = glossary.get(concept_id)
            # Short forms of places and people (Xishan for Xishan District) are ordinary English.
            if concept is None or concept.category in (Category.PLACE, Category.PERSON):
                continue
            rule, expected = "term-admitted", preferred
        else:
            continue
        if not settings.on(rule):
            continue
        message = MESSAGES[rule].format(expected=expected, found=match.surface)
        out.append(finding(settings, rule, occ.location, message, concept=concept_id, expected=expected,
                           found=match.surface, context=occ.context))
    return out


#: A short elided head title (市长, 副市长, 区长, 县长, 省长) in a list of office holders, after the 、 that joins it
#: to a title and its holder's name (徐州市委书记宋乐伟、市长王剑锋): too short for the automaton (市长 is inside
#: 城市长期 and 市长者食堂, and would shadow 长江 in 市长江路), so looked for only there.
_SHORT_ELIDED = re.compile(r"(?<=、)(副?[市区县省]长)(?![期江远久])")
#: What stands between the title before and the 、 of a short elided title: nothing, or the holder's name.
_NAME_GAP = re.compile(r"[\u3400-\u9fff·]{0,4}")
#: What a template's English term keeps once its place is taken out: its head ("Mayor", "Vice Mayor").
_PLACE_PART = re.compile(r"\s*\b(?:of\s+)?(?:the\s+)?\{Place\}(?:\s+(?:Province|City|District|County|Municipal))?")


@dataclass(frozen=True, slots=True)
class ShortForms:
    """The short elided forms of a glossary's templates (市长 → mayor), and the English heads that render
    each template without its place (mayor: "Mayor"; vice-mayor: "Vice Mayor", "Deputy Mayor")."""

    entries: dict[str, Entry]
    heads: dict[str, re.Pattern[str]]


def short_forms(glossary: Glossary) -> ShortForms:
    """:class:`ShortForms` of ``glossary``, built once per glossary object."""
    cached = _SHORT_FORMS.get(id(glossary))
    if cached is not None and cached[0] is glossary:
        return cached[1]
    entries: dict[str, Entry] = {}
    heads: dict[str, re.Pattern[str]] = {}
    for template in glossary.templates():
        for term in template.terms_in(ZH):
            short = term.text.replace(ZH_SLOT, "")
            if ZH_SLOT in term.text and re.fullmatch("副?[市区县省]长", short) and short not in entries:
                entries[short] = Entry(template.id, short, term.status, elided=True)
                words = {_PLACE_PART.sub("", t.text).strip() for t in template.terms_in(EN) if t.status != Status.DEPRECATED}
                words.discard("")
                if words:
                    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
                    heads[template.id] = re.compile(rf"\b(?:{alternatives})\b", re.IGNORECASE)
    found = ShortForms(entries, heads)
    _SHORT_FORMS[id(glossary)] = (glossary, found)
    return found


_SHORT_FORMS: dict[int, tuple[Glossary, ShortForms]] = {}


def short_elided_titles(occurrences: list[Occurrence], doc: Document, glossary: Glossary) -> list[Occurrence]:
    """``occurrences`` (Chinese, in reading order) with the short elided head titles of :data:`_SHORT_ELIDED`
    added where a glossary template has that form, for :func:`resolve_elided` to give a place (or drop)."""
    forms = short_forms(glossary).entries
    added = []
    for index, segment in enumerate(doc.segments):
        text = segment.text
        if not forms or "长" not in text:
            continue
        for m in _SHORT_ELIDED.finditer(text):
            start, end = m.span(1)
            entry = forms.get(m.group(1))
            if entry is None or any(o.segment == index and o.match.start < end and start < o.match.end for o in occurrences):
                continue
            # A list of office holders (市委书记宋乐伟、市长王剑锋): a title right before, then at most a name.
            before = [o for o in occurrences if o.segment == index and o.match.end <= start - 1]
            if not before or not _NAME_GAP.fullmatch(text, before[-1].match.end, start - 1):
                continue
            loc, context = segment_location(doc, segment, start, end)
            added.append(Occurrence(index, Match(start, end, m.group(1), (entry,), ZH), loc, context))
    if not added:
        return occurrences
    return sorted(occurrences + added, key=lambda o: (o.segment, o.match.start))


def head_written(occ: Occurrence, en_text: str, glossary: Glossary, en_occurrences: Sequence[Occurrence] = ()) -> bool:
    """Whether ``en_text`` writes the head of a short elided title without its place ("Mayor Wang Jianfeng"
    for 、市长王剑锋): the English leaves the place out as the Chinese does, and that is no missing term. Not
    when the English names the title of another place (``en_occurrences``: "Mayor of Wuxi" for Xuzhou's)."""
    entry = occ.match.entries[0]
    if not entry.elided or len(entry.text) > 3:
        return False
    concept = glossary.get(occ.match.concepts[0])
    template = concept.template if concept is not None and concept.template else occ.match.concepts[0]
    for en in en_occurrences:
        other = glossary.get(en.match.concepts[0])
        if other is not None and other.template == template and other.id not in occ.match.concepts:
            return False
    head = short_forms(glossary).heads.get(template)
    return head is not None and head.search(en_text) is not None


def resolve_elided(occurrences: list[Occurrence], doc: Document, glossary: Glossary) -> list[Occurrence]:
    """Give an elided Chinese title (市人大常委会主任) the place of the title before it in its sentence.

    An elided match whose place cannot be found, whose template has no expansion for that place,
    or that follows a Chinese character, is dropped: judging it would guess.
    """
    out = []
    for i, occ in enumerate(occurrences):
        entry = occ.match.entries[0]
        if not entry.elided:
            out.append(occ)
            continue
        place = None
        for prev in reversed(occurrences[:i]):
            if prev.segment != occ.segment:
                break
            between = doc.segments[occ.segment].text[prev.match.end:occ.match.start]
            if _ZH_SENTENCE_END.search(between):
                break
            concept = glossary.get(prev.match.concepts[0])
            if concept is None:
                continue
            place = concept.place or (concept.id if concept.category == Category.PLACE else None)
            if place:
                break
        expanded_id = f"{entry.concept}@{place}" if place else ""
        before = doc.segments[occ.segment].text[occ.match.start - 1:occ.match.start] if occ.match.start else ""
        # An elided title follows punctuation (徐州市委书记、市人大常委会主任); after a Chinese
        # character it is the tail of another word (特区政府), and it is dropped.
        if expanded_id in glossary.expanded and not _HAN.match(before):
            new_entry = type(entry)(expanded_id, entry.text, entry.status, elided=True)
            match = Match(occ.match.start, occ.match.end, occ.match.surface, (new_entry,), occ.match.lang)
            out.append(Occurrence(occ.segment, match, occ.location, occ.context))
    return out


def concept_keys(glossary: Glossary, match: Match) -> set[str]:
    """What an English match must share with a Chinese one to count as its translation.

    Concept ids, plus for an unresolved elided title its template id (so any expansion counts).
    """
    keys = set(match.concepts)
    for cid in match.concepts:
        concept = glossary.get(cid)
        if concept is not None and concept.template:
            keys.add(concept.template)
    return keys


def missing_terms(zh_occurrences: list[Occurrence], en_occurrences: list[Occurrence],
                  glossary: Glossary) -> list[Occurrence]:
    """The Chinese occurrences whose concept the English unit does not write in any form."""
    en_keys: set[str] = set()
    misspelt_places: set[str] = set()
    for occ in en_occurrences:
        en_keys |= concept_keys(glossary, occ.match)
        if all(e.romanization for e in occ.match.entries):
            misspelt_places |= set(occ.match.concepts)
    missing = []
    for occ in zh_occurrences:
        wanted = set(occ.match.concepts)
        if wanted & en_keys:
            continue
        # "Mayor of Xu Zhou": the misspelt place is the error, reported by name-romanization;
        # the title around it is not reported missing as well.
        places = {getattr(glossary.get(cid), "place", None) for cid in wanted}
        if places & misspelt_places:
            continue
        missing.append(occ)
    return missing


def missing_finding(glossary: Glossary, settings: CheckSettings, occ: Occurrence, en_doc: Document,
                    en_segment: Segment | None, en_span: tuple[int, int]) -> Finding:
    """A `term-missing` finding at the aligned English place, naming the Chinese source."""
    concept_id = occ.match.concepts[0]
    concept = glossary.get(concept_id)
    expected = concept.preferred(EN) if concept else ""
    if concept is None or (occ.match.entries[0].elided and "@" not in concept_id):
        expected = f"the {concept_id} title with its place"
    if en_segment is not None:
        loc, context = segment_location(en_doc, en_segment, *en_span)
    else:
        loc, context = en_doc.span_location(0, 0), en_doc.lines.line_text(1) if en_doc.text else ""
    message = MESSAGES["term-missing"].format(zh=occ.match.surface, expected=expected)
    return finding(settings, "term-missing", loc, message, concept=concept_id, expected=expected,
                   source=occ.location, context=context, source_context=occ.context)
