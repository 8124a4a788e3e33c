"""Glossary proposals from a scored corpus: the English actually written where a concept's
approved form is missing, counted per concept (``shuyu score --suggest``).

Pure counting over :class:`~shuyu.metrics.CorpusStats`; the CSV the proposals are written as is
:func:`shuyu.score_report.to_suggest_csv`.

Not every recurring form is a proposal. Left out (see :class:`_Screen`):

- a form that names a place in a known wrong romanisation ("Mayor of Xu Zhou", "Party chief of Wu Xi": a
  derived deprecated form of the place, which ``check`` reports as name-romanization);
- for a template expansion, a form naming the place only in another form than its English name ("WUXI"),
  or naming another place ("Mayor of Xuzhou" for 无锡市长): a template proposal writes its place ``{Place}``;
- a form that is another concept's glossary form, or a fragment of one that is no fragment of the
  concept's own forms ("Wuxi Municipal Committee" for 无锡市长 in "Secretary of the CPC Wuxi Municipal
  Committee": the English renders another title, it is no rendering of this one).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from dataclasses import field

from shuyu.glossary.expand import EN_SLOT
from shuyu.glossary.model import Glossary
from shuyu.match import Match
from shuyu.match import Matcher
from shuyu.metrics import MAX_EXAMPLES
from shuyu.metrics import CorpusStats
from shuyu.model import EN
from shuyu.model import Category
from shuyu.model import Concept


@dataclass(slots=True)
class Suggestion:
    """A recurring unapproved English rendering of a concept, proposed for the glossary."""

    concept_id: str
    term: str
    count: int = 0
    examples: list[str] = field(default_factory=list)


def _generalise(form: str, place: Concept) -> str | None:
    """A rendering of a template expansion as a template term: the place's English name → ``{Place}``.

    A form that names no form of the place ("Party chief") is kept as it is; one that names the place
    only in another form ("WUXI", "Xu Zhou") is not proposed (``check`` reports a misspelling as
    name-romanization).
    """
    name = place.en_name
    if name and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", form):
        return re.sub(rf"(?<!\w){re.escape(name)}(?!\w)", EN_SLOT, form)
    folded = form.casefold()
    for other in [name, *(t.text for t in place.terms_in(EN))]:
        if other and re.search(rf"(?<!\w){re.escape(other.casefold())}(?!\w)", folded):
            return None
    return form


_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def _words(text: str) -> tuple[str, ...]:
    return tuple(w.casefold().replace("’", "'") for w in _WORD.findall(text))


def _within(part: tuple[str, ...], whole: tuple[str, ...]) -> bool:
    """Whether the words ``part`` occur in ``whole``, one after the other."""
    n = len(part)
    return any(whole[i:i + n] == part for i in range(len(whole) - n + 1))


class _Screen:
    """Which English forms found for a concept are not to be proposed (see the module doc)."""

    def __init__(self, glossary: Glossary, matcher: Matcher | None) -> None:
        self.glossary = glossary
        self.matcher = matcher if matcher is not None else Matcher.from_glossary(glossary)
        # every English glossary form (expansions with their place written in), by each of its words
        self.terms: dict[str, list[tuple[str, tuple[str, ...]]]] = defaultdict(list)
        for concept in glossary.expanded.values():
            for t in concept.terms_in(EN):
                words = _words(t.text)
                for w in set(words):
                    self.terms[w].append((concept.id, words))

    def rejects(self, forms: list[tuple[str, str, str | None]]) -> list[bool]:
        """For each ``(form, concept id, place id of a template expansion)``, whether it is left out."""
        found = self.matcher.find_en_many([form for form, _, _ in forms])
        return [self._rejects(form, cid, place, matches) for (form, cid, place), matches in zip(forms, found, strict=True)]

    def _rejects(self, form: str, cid: str, place: str | None, matches: list[Match]) -> bool:
        for m in matches:
            if all(e.romanization for e in m.entries):
                return True  # a known misspelling of a place: left to check's name-romanization
            if place is not None and place not in m.concepts and all(
                    (c := self.glossary.get(p)) is not None and c.category == Category.PLACE for p in m.concepts):
                return True  # another place, written as it is: no {Place} proposal
        words = _words(form)
        if not words:
            return True
        own = other = False
        for concept_id, term in self.terms.get(min(words, key=lambda w: len(self.terms.get(w, ()))), ()):
            if not _within(words, term):
                continue
            if concept_id == cid:
                own = True
            elif term == words:
                return True  # another concept's glossary form
            else:
                other = True
        return other and not own


def suggestions(stats: CorpusStats, glossary: Glossary, *, min_count: int = 2,
                matcher: Matcher | None = None) -> list[Suggestion]:
    """Per concept, the English actually used where its glossary form is missing, recurring ``min_count``
    times or more, in concept id order, most frequent first.

    Renderings of a template expansion (``municipal-party-secretary@wuxi``) are proposed for the template,
    with the place's English name written ``{Place}``, and add up over places ("Party chief of Wuxi" and
    "Party chief of Xuzhou" → "Party chief of {Place}"). A form the concept already has, in any status
    and case, is not proposed, nor one the module doc lists (``matcher``: the glossary's, built when not
    given). Examples: up to three ids, concepts taken in id order.
    """
    # (target, term) → the (form found, concept id, place id, count) that give it, in concept id and form order
    found: dict[tuple[str, str], list[tuple[str, str, str | None, int]]] = {}
    for c in sorted(stats.concepts.values(), key=lambda c: c.id):
        concept = glossary.get(c.id)
        target, place = c.id, None
        if concept is not None and concept.template and concept.place:
            target = concept.template
            # the expanded place: it carries the derived misspellings too ("Wu Xi")
            place = glossary.expanded.get(concept.place) or glossary.get(concept.place)
        owner = glossary.get(target)
        known = {t.text.casefold() for t in owner.terms_in(EN)} if owner is not None else set()
        for form, n in sorted(c.missing_renderings.items()):
            term = _generalise(form, place) if place is not None else form
            if term is None or term.casefold() in known:
                continue
            found.setdefault((target, term), []).append((form, c.id, place.id if place is not None else None, n))
    # screened only where the count could reach min_count: the forms of a proposal add up
    recurring = {key: forms for key, forms in found.items() if sum(f[3] for f in forms) >= min_count}
    if not recurring:
        return []
    flat = [f for forms in recurring.values() for f in forms]
    rejected = iter(_Screen(glossary, matcher).rejects([(form, cid, place) for form, cid, place, _ in flat]))
    out = []
    for (target, term), forms in recurring.items():
        s = Suggestion(target, term)
        for form, cid, _, n in forms:
            if next(rejected):
                continue
            s.count += n
            c = stats.concepts[cid]
            s.examples.extend(c.missing_examples.get(form, [])[: MAX_EXAMPLES - len(s.examples)])
        if s.count >= min_count:
            out.append(s)
    return sorted(out, key=lambda s: (s.concept_id, -s.count, s.term))
