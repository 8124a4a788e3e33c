"""Glossary validation: every problem, each with its file and line, none raised.

The rules (issue #2): unique ids; a Chinese term preferred by two concepts only when they are
homonymous places under different parents; no form both preferred and deprecated; templates
whose slots have places; every term of a template holds a slot (a term without one would be
given to every place); no Chinese in English terms; no surrounding whitespace (checked while
parsing); NFC text; and the romanisation check of every place's English proper name.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict

from shuyu.errors import Problem
from shuyu.glossary.expand import EN_SLOT
from shuyu.glossary.expand import ZH_SLOT
from shuyu.glossary.expand import template_places
from shuyu.glossary.romanize import person_pinyin
from shuyu.glossary.romanize import place_pinyin
from shuyu.lazyre import lazy
from shuyu.model import EN
from shuyu.model import ZH
from shuyu.model import Category
from shuyu.model import Concept
from shuyu.model import Example
from shuyu.model import Status

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Compiled on first use: the astral range takes milliseconds, and only loading a glossary from its
# files (not from the cache) validates.
HAN = lazy(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
#: Two-character surnames: the rest of a person's name is the given name.
COMPOUND_SURNAMES = frozenset({"欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "夏侯"})
EXAMPLE_EXPECTATIONS = frozenset({"pass", "term-missing", "term-deprecated", "term-admitted", "name-romanization"})


def _at(concept: Concept, message: str) -> Problem:
    return Problem(concept.path, concept.line, f"{concept.id}: {message}")


def check_concept(concept: Concept) -> list[Problem]:
    """Problems a concept has on its own, without looking at the others."""
    problems: list[Problem] = []
    if not ID_PATTERN.match(concept.id):
        problems.append(_at(concept, "id must be kebab-case ASCII (a-z, 0-9, single hyphens)"))
    if not concept.preferred(ZH):
        problems.append(_at(concept, "no preferred Chinese term (column zh)"))
    if not concept.preferred(EN):
        problems.append(_at(concept, "no preferred English term (column en)"))
    if not concept.source:
        problems.append(_at(concept, "no source: cite where the approved form comes from"))
    for term in concept.terms:
        if unicodedata.normalize("NFC", term.text) != term.text:
            problems.append(_at(concept, f"term {term.text!r} is not in Unicode NFC"))
        if term.lang == EN and HAN.search(term.text):
            problems.append(_at(concept, f"English term {term.text!r} contains Chinese characters"))
    if concept.en_name and HAN.search(concept.en_name):
        problems.append(_at(concept, f"en_name {concept.en_name!r} contains Chinese characters"))
    seen: dict[tuple[str, str], Status] = {}
    for term in concept.terms:
        key = (term.lang, term.text.casefold() if term.lang == EN else term.text)
        if key in seen and seen[key] != term.status:
            problems.append(_at(concept, f"{term.text!r} is both {seen[key].value} and {term.status.value}"))
        elif key in seen:
            problems.append(_at(concept, f"{term.text!r} is listed twice"))
        seen.setdefault(key, term.status)
    if concept.category == Category.PLACE and not concept.is_template:
        if concept.level is None:
            problems.append(_at(concept, "a place needs a level"))
        if not concept.zh_name or not concept.en_name:
            problems.append(_at(concept, "a place needs zh_name and en_name (its proper name)"))
    if concept.is_template:
        has_zh = any(ZH_SLOT in t.text for t in concept.terms_in(ZH))
        has_en = any(EN_SLOT in t.text for t in concept.terms_in(EN))
        if not (has_zh and has_en):
            problems.append(_at(concept, f"a template needs {ZH_SLOT} in its Chinese and {EN_SLOT} in its "
                                         "English preferred terms"))
        for term in concept.terms:
            # Expansion copies a term without a slot unchanged into every place's concept.
            if ZH_SLOT not in term.text and EN_SLOT not in term.text:
                slot = {ZH: ZH_SLOT, EN: EN_SLOT}.get(term.lang, f"{ZH_SLOT} or {EN_SLOT}")
                problems.append(_at(concept, f"template term without {slot}: {term.text!r} ({term.lang} "
                                             f"{term.status.value}) would be given to every place"))
    else:
        for term in concept.terms:
            if ZH_SLOT in term.text or EN_SLOT in term.text:
                problems.append(_at(concept, f"{term.text!r} has a slot but the concept has no 'over' levels"))
    return problems


def check_romanization(concept: Concept) -> list[Problem]:
    """The romanisation check: a place's ``en_name`` is the pinyin of its ``zh_name``.

    A documented exception (the ``romanization`` column) is honoured, never silently assumed.
    """
    if concept.romanization_exception or not concept.zh_name or not concept.en_name:
        return []
    if concept.category == Category.PLACE:
        expected = place_pinyin(concept.zh_name)
    elif concept.category == Category.PERSON:
        cut = 2 if concept.zh_name[:2] in COMPOUND_SURNAMES else 1
        expected = person_pinyin(concept.zh_name[:cut], concept.zh_name[cut:])
    else:
        return []
    if expected != concept.en_name:
        return [_at(concept, f"en_name {concept.en_name!r} is not the Hanyu Pinyin of {concept.zh_name!r}: "
                             f"expected {expected!r} (or document an exception in the romanization column)")]
    return []


def check_glossary(concepts: list[Concept], expanded: dict[str, Concept]) -> list[Problem]:
    """Problems across concepts: duplicates, conflicts, parents, templates with no places."""
    problems: list[Problem] = []
    by_id: dict[str, Concept] = {}
    for concept in concepts:
        if concept.id in by_id:
            first = by_id[concept.id]
            problems.append(_at(concept, f"duplicate id (first defined at {first.path}:{first.line})"))
            continue
        by_id[concept.id] = concept
        problems.extend(check_concept(concept))
        problems.extend(check_romanization(concept))
    places = {c.id: c for c in by_id.values() if c.category == Category.PLACE and not c.is_template}
    for concept in by_id.values():
        if concept.parent and concept.parent not in places:
            problems.append(_at(concept, f"parent {concept.parent!r} is not a place in the glossary"))
        if concept.is_template:
            if concept.within and concept.within not in places:
                problems.append(_at(concept, f"within {concept.within!r} is not a place in the glossary"))
            elif not template_places(concept, places):
                levels = " ".join(level.value for level in concept.over)
                problems.append(_at(concept, f"template slot has no places (over {levels}"
                                             + (f" within {concept.within}" if concept.within else "") + ")"))
    problems.extend(_check_conflicts(expanded, places))
    return problems


def _homonyms(a: Concept, b: Concept, places: dict[str, Concept]) -> bool:
    """Places of the same name under different parents, or one template's expansions over them."""
    if a.place and b.place and a.template == b.template:
        a, b = places.get(a.place, a), places.get(b.place, b)
    return (a.category == b.category == Category.PLACE and a.zh_name == b.zh_name
            and a.parent != b.parent)


def _check_conflicts(expanded: dict[str, Concept], places: dict[str, Concept]) -> list[Problem]:
    problems: list[Problem] = []
    preferred_zh: dict[str, list[Concept]] = defaultdict(list)
    statuses: dict[tuple[str, str], dict[Status, Concept]] = defaultdict(dict)
    for concept in expanded.values():
        preferred_zh[concept.preferred(ZH)].append(concept)
        for term in concept.terms:
            if term.romanization:
                continue  # derived forms are dropped where they clash, never reported
            key = (term.lang, term.text.casefold() if term.lang == EN and not term.case_sensitive else term.text)
            statuses[key].setdefault(term.status, concept)
    for text, owners in preferred_zh.items():
        if len(owners) < 2 or not text:
            continue
        first = owners[0]
        for other in owners[1:]:
            if not _homonyms(first, other, places):
                problems.append(_at(other, f"Chinese term {text!r} is also preferred by {first.id} "
                                           f"({first.path}:{first.line}); only homonymous places may share it"))
    for (lang, text), by_status in statuses.items():
        if Status.PREFERRED in by_status and Status.DEPRECATED in by_status:
            good, bad = by_status[Status.PREFERRED], by_status[Status.DEPRECATED]
            problems.append(_at(bad, f"{lang} term {text!r} is deprecated here but preferred by {good.id} "
                                     f"({good.path}:{good.line})"))
    return problems


def check_examples(examples: list[Example], expanded: dict[str, Concept]) -> list[Problem]:
    """Problems of the examples file itself (unknown concept, unknown expectation)."""
    problems = []
    for ex in examples:
        if ex.concept_id not in expanded:
            problems.append(Problem(ex.path, ex.line, f"example names unknown concept {ex.concept_id!r}"))
        if ex.expect not in EXAMPLE_EXPECTATIONS:
            problems.append(Problem(ex.path, ex.line, f"example expects {ex.expect!r}; one of: "
                                    + ", ".join(sorted(EXAMPLE_EXPECTATIONS))))
    return problems
