"""Glossary entries that test themselves: run every example through the check engine."""

from __future__ import annotations

from shuyu.checks.base import CheckSettings
from shuyu.checks.engine import check_release
from shuyu.errors import Problem
from shuyu.glossary.model import Glossary
from shuyu.match import Matcher
from shuyu.text.document import plain_document

#: The rules an example may expect; the others (numbers, prose) are not what examples are about.
TERM_RULES = frozenset({"term-missing", "term-deprecated", "term-admitted", "name-romanization"})


def run_example_checks(glossary: Glossary, matcher: Matcher | None = None) -> list[Problem]:
    """Examples that do not behave: a `pass` that raises a term finding, or an expected rule not raised.

    A finding counts for an example when it names the example's concept, or an expansion of
    it when the example names a template.
    """
    matcher = matcher or Matcher.from_glossary(glossary)
    settings = CheckSettings(enabled=TERM_RULES)
    problems = []
    for ex in glossary.examples:
        result = check_release(plain_document("example.zh", ex.zh), plain_document("example.en", ex.en),
                               glossary, matcher, settings)
        relevant = [f for f in result.findings
                    if f.concept == ex.concept_id or (f.concept or "").split("@")[0] == ex.concept_id]
        rules = sorted({f.rule for f in relevant})
        if ex.expect == "pass" and relevant:
            problems.append(Problem(ex.path, ex.line, f"example for {ex.concept_id} should pass but raised "
                                    + ", ".join(f"{f.rule} ({f.message})" for f in relevant)))
        elif ex.expect != "pass" and ex.expect not in rules:
            got = ", ".join(rules) if rules else "nothing"
            problems.append(Problem(ex.path, ex.line, f"example for {ex.concept_id} should raise {ex.expect} "
                                    f"but raised {got}"))
    return problems
