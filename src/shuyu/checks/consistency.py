"""`term-inconsistent`: one concept written in several allowed forms across a document or a site.

Only titles, organisations and policy terms are judged: a place or a person named in full once
and by its short form afterwards (Xishan District … Xishan) is ordinary English, not drift.
The preferred form wins where it is used at all (so this rule never asks to replace the approved
form, which `term-admitted` asks for); among admitted forms alone, the majority wins. Every use of
another form is reported with the winning form and where it is first used.
"""

from __future__ import annotations

from collections import Counter
from collections import defaultdict

from shuyu.checks.base import CheckSettings
from shuyu.checks.base import finding
from shuyu.checks.terms import Occurrence
from shuyu.glossary.model import Glossary
from shuyu.match import Match
from shuyu.model import Category
from shuyu.model import Finding
from shuyu.model import Status

MESSAGE = "'{found}' here, but '{majority}' in {count} other place(s) (first at {where}): write one form"
JUDGED = (Category.TITLE, Category.ORGANIZATION, Category.TERM)


def judged(occ: Occurrence, glossary: Glossary) -> bool:
    """True when the rule counts this match: one concept, an allowed form, a judged category.

    A site's other matches (places, people, deprecated forms) need not be kept for the rule.
    """
    return judged_match(occ.match, glossary)


def judged_match(match: Match, glossary: Glossary) -> bool:
    """:func:`judged` of a match, before it has a place in a document."""
    if len(match.concepts) != 1 or match.status == Status.DEPRECATED:
        return False
    concept = glossary.get(match.concepts[0])
    return concept is not None and concept.category in JUDGED


def inconsistent_terms(occurrences: list[Occurrence], glossary: Glossary, settings: CheckSettings) -> list[Finding]:
    """Minority forms of every concept written in two or more allowed forms.

    :param occurrences: English matches from every document of the run, in reading order.
    """
    if not settings.on("term-inconsistent"):
        return []
    uses: dict[str, list[tuple[str, Occurrence]]] = defaultdict(list)
    for occ in occurrences:
        if not judged(occ, glossary):
            continue
        match = occ.match
        # The form is the glossary term that matched, so case and plural variants are one form.
        entry = next(e for e in match.entries if e.status != Status.DEPRECATED)
        uses[match.concepts[0]].append((entry.text, occ))
    out = []
    for concept_id, items in uses.items():
        counts = Counter(form for form, _ in items)
        if len(counts) < 2:
            continue
        preferred = glossary.get(concept_id).preferred("en")  # type: ignore[union-attr]
        # Case and plural variants of the preferred form count as it (the form is the matched entry's text).
        used_preferred = [f for f in counts if f.casefold() == preferred.casefold()]
        majority = used_preferred[0] if used_preferred else max(counts, key=lambda f: (counts[f], f))
        first = next(occ for form, occ in items if form == majority)
        where = f"{first.location.path}:{first.location.line}:{first.location.column}"
        for form, occ in items:
            if form == majority:
                continue
            message = MESSAGE.format(found=occ.match.surface, majority=majority, count=counts[majority], where=where)
            out.append(finding(settings, "term-inconsistent", occ.location, message, concept=concept_id,
                               expected=majority, found=occ.match.surface, context=occ.context))
    return out
