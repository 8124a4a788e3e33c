"""Glossary proposals from a scored corpus: the English actually written where a concept's
approved form is missing, counted per concept (``shuyu score --suggest``).

Pure counting over :class:`~shuyu.metrics.CorpusStats`; the CSV the proposals are written as is
:func:`shuyu.score_report.to_suggest_csv`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from dataclasses import field

from shuyu.glossary.expand import EN_SLOT
from shuyu.glossary.model import Glossary
from shuyu.metrics import MAX_EXAMPLES
from shuyu.metrics import CorpusStats
from shuyu.model import EN
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
    only in another spelling ("Xu Zhou") is not proposed (``check`` reports it as name-romanization).
    """
    name = place.en_name
    if name and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", form):
        return re.sub(rf"(?<!\w){re.escape(name)}(?!\w)", EN_SLOT, form)
    folded = form.casefold()
    for other in [name, *(t.text for t in place.terms_in(EN))]:
        if other and re.search(rf"(?<!\w){re.escape(other.casefold())}(?!\w)", folded):
            return None
    return form


def suggestions(stats: CorpusStats, glossary: Glossary, *, min_count: int = 2) -> list[Suggestion]:
    """Per concept, the English actually used where its glossary form is missing, recurring ``min_count``
    times or more, in concept id order, most frequent first.

    Renderings of a template expansion (``municipal-party-secretary@wuxi``) are proposed for the template,
    with the place's English name written ``{Place}``, and add up over places ("Party chief of Wuxi" and
    "Party chief of Xuzhou" → "Party chief of {Place}"). A form the concept already has, in any status
    and case, is not proposed. Examples: up to three ids, concepts taken in id order.
    """
    found: dict[tuple[str, str], Suggestion] = {}
    for c in sorted(stats.concepts.values(), key=lambda c: c.id):
        concept = glossary.get(c.id)
        target, place = c.id, None
        if concept is not None and concept.template and concept.place:
            target, place = concept.template, glossary.get(concept.place)
        owner = glossary.get(target)
        known = {t.text.casefold() for t in owner.terms_in(EN)} if owner is not None else set()
        for form, n in sorted(c.missing_renderings.items()):
            term = _generalise(form, place) if place is not None else form
            if term is None or term.casefold() in known:
                continue
            s = found.setdefault((target, term), Suggestion(target, term))
            s.count += n
            s.examples.extend(c.missing_examples.get(form, [])[: MAX_EXAMPLES - len(s.examples)])
    return sorted((s for s in found.values() if s.count >= min_count), key=lambda s: (s.concept_id, -s.count, s.term))
