"""Template expansion and derived forms: what the matcher sees beyond what the files say.

A template concept (``over`` set) is written once with ``{place}``/``{Place}`` slots and expands
here over every place of its levels; each expansion keeps its template and place. Every place
whose name follows the romanisation rule also gets its known wrong spellings ("Xu Zhou",
"Huaian") as derived deprecated terms, reported under ``name-romanization``.
"""

from __future__ import annotations

from dataclasses import replace

from shuyu.glossary.romanize import romanization_variants
from shuyu.model import EN
from shuyu.model import Category
from shuyu.model import Concept
from shuyu.model import Status
from shuyu.model import Term

ZH_SLOT = "{place}"
EN_SLOT = "{Place}"
#: Separates a template id from a place id in an expanded concept's id.
EXPANSION_MARK = "@"


def ancestors(place: Concept, places: dict[str, Concept]) -> list[str]:
    """The ids of every place above ``place``, nearest first (cycles are cut)."""
    out: list[str] = []
    current = place.parent
    while current and current in places and current not in out:
        out.append(current)
        current = places[current].parent
    return out


def template_places(template: Concept, places: dict[str, Concept]) -> list[Concept]:
    """The places a template expands over: of one of its levels, under ``within`` if set."""
    chosen = []
    for place in places.values():
        if place.level not in template.over:
            continue
        if template.within and template.within not in ancestors(place, places):
            continue
        chosen.append(place)
    return chosen


def fill(text: str, place: Concept) -> str:
    """A template term with its slots filled by a place's names.

    >>> p = Concept("wuxi", Category.PLACE, zh_name="无锡", en_name="Wuxi")
    >>> fill("Secretary of the CPC {Place} Municipal Committee", p)
    'Secretary of the CPC Wuxi Municipal Committee'
    """
    return text.replace(ZH_SLOT, place.zh_name).replace(EN_SLOT, place.en_name)


def expand_template(template: Concept, place: Concept) -> Concept:
    """One expansion of a template over one place."""
    return Concept(
        id=f"{template.id}{EXPANSION_MARK}{place.id}",
        category=template.category,
        terms=[replace(t, text=fill(t.text, place)) for t in template.terms],
        note=template.note,
        source=template.source,
        template=template.id,
        place=place.id,
        path=template.path,
        line=template.line,
    )


def with_romanization_variants(place: Concept, taken: set[str]) -> Concept:
    """A copy of a place with its known wrong spellings added as derived deprecated terms.

    :param taken: casefolded English forms that other concepts allow; a variant that is
        somebody's allowed form is not added (it would flag correct text).
    """
    if place.romanization_exception or not place.zh_name or not place.en_name:
        return place
    derived = [
        Term(v, EN, Status.DEPRECATED, romanization=True)
        for v in romanization_variants(place.zh_name, place.en_name)
        if v.casefold() not in taken
    ]
    if not derived:
        return place
    return replace(place, terms=[*place.terms, *derived])


def expand(concepts: dict[str, Concept]) -> dict[str, Concept]:
    """Every concept the matcher uses: plain concepts (with derived forms) and template expansions.

    Templates themselves are left out; expansions are added under ``<template>@<place>``.
    """
    places = {cid: c for cid, c in concepts.items() if c.category == Category.PLACE and not c.is_template}
    taken = {t.text.casefold() for c in concepts.values() if not c.is_template
             for t in c.allowed(EN)}
    out: dict[str, Concept] = {}
    for cid, concept in concepts.items():
        if concept.is_template:
            continue
        out[cid] = with_romanization_variants(concept, taken) if cid in places else concept
    for concept in concepts.values():
        if not concept.is_template:
            continue
        for place in template_places(concept, places):
            expanded = expand_template(concept, place)
            out[expanded.id] = expanded
    return out
