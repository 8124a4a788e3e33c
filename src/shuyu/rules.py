"""The rule registry: every rule id, its default severity and what it finds. Ids are never renamed."""

from __future__ import annotations

from dataclasses import dataclass

from shuyu.model import Severity


@dataclass(frozen=True, slots=True)
class RuleSpec:
    """One rule: a stable kebab-case id, a short name, its default severity and a summary."""

    id: str
    name: str
    default_severity: Severity
    summary: str


RULES: dict[str, RuleSpec] = {
    spec.id: spec
    for spec in (
        RuleSpec("term-missing", "Term missing", Severity.ERROR,
                 "a glossary concept in the Chinese has no approved English form in the aligned English"),
        RuleSpec("term-deprecated", "Deprecated term", Severity.ERROR,
                 "a deprecated (known wrong) form is used; the approved form is given"),
        RuleSpec("term-admitted", "Admitted term", Severity.INFO,
                 "an allowed but not preferred form is used"),
        RuleSpec("term-inconsistent", "Inconsistent term", Severity.WARNING,
                 "one concept written in several allowed forms in one document or site"),
        RuleSpec("number-mismatch", "Number mismatch", Severity.ERROR,
                 "a number in the source and the translation do not agree"),
        RuleSpec("date-mismatch", "Date mismatch", Severity.ERROR,
                 "a date in the source and the translation do not agree"),
        RuleSpec("untranslated", "Untranslated Chinese", Severity.ERROR,
                 "Chinese characters left in English text"),
        RuleSpec("name-romanization", "Romanisation", Severity.ERROR,
                 "a glossary place written with wrong pinyin (split syllables, missing apostrophe)"),
        RuleSpec("punctuation", "Punctuation", Severity.WARNING,
                 "full-width punctuation in English text, or mixed quote styles in one document"),
        RuleSpec("repeated-word", "Repeated word", Severity.WARNING, "a word written twice in a row"),
        RuleSpec("alignment", "Alignment", Severity.INFO,
                 "source and translation could not be aligned; checked at document level"),
        RuleSpec("baseline-expired", "Baseline entry expired", Severity.WARNING,
                 "a baseline entry past its expiry date no longer suppresses its finding"),
    )
}
