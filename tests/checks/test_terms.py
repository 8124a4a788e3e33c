"""Glossary occurrences in a document: which are kept, and where they are."""

from __future__ import annotations

from shuyu.checks.base import LINT_RULES
from shuyu.checks.base import CheckSettings
from shuyu.checks.consistency import judged
from shuyu.checks.consistency import judged_match
from shuyu.checks.engine import lint_document
from shuyu.checks.terms import find_occurrences
from shuyu.formats import document_from_text
from shuyu.model import EN
from shuyu.model import Status

PAGE = ("<p>Huang Qin, Secretary of the CPC Wuxi Municipal Committee, visited Wuxi.</p>\n"
        "<p>The CCP Wuxi Municipal Committee met in Xu Zhou.</p>")


def test_keep_chooses_the_occurrences_before_they_are_located(tiny_glossary, tiny_matcher) -> None:
    doc = document_from_text(PAGE, "p.html", "html")
    every = find_occurrences(doc, tiny_matcher, EN)
    kept = find_occurrences(doc, tiny_matcher, EN, lambda m: m.status != Status.PREFERRED)
    assert [o.match.surface for o in kept] == [o.match.surface for o in every if o.match.status != Status.PREFERRED]
    assert kept
    assert len(kept) < len(every)
    by_surface = {o.match.surface: (o.location.line, o.location.column) for o in every}
    assert [(o.location.line, o.location.column) for o in kept] == [by_surface[o.match.surface] for o in kept]


def test_lint_counts_the_same_judged_occurrences_as_a_full_search(tiny_glossary, tiny_matcher) -> None:
    doc = document_from_text(PAGE, "p.html", "html")
    _, counted = lint_document(doc, tiny_glossary, tiny_matcher, CheckSettings(LINT_RULES))
    every = find_occurrences(doc, tiny_matcher, EN)
    assert counted
    assert counted == [o for o in every if judged(o, tiny_glossary)]
    assert all(judged_match(o.match, tiny_glossary) == judged(o, tiny_glossary) for o in every)
