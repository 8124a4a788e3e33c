"""The rule registry: every rule id, its default severity and what it finds. Ids are never renamed."""

from __future__ import annotations

import re
from dataclasses import dataclass

from shuyu.model import Severity

#: What a rule id looks like: lower-case ASCII words joined by hyphens.
RULE_ID = re.compile(r"[a-z]+(?:-[a-z]+)*")


@dataclass(frozen=True, slots=True)
class RuleSpec:
    """One rule: a stable kebab-case id, a short name, its default severity, a summary and help.

    ``summary`` is one line (``shuyu rules``, SARIF ``shortDescription``); ``help`` says what
    to do about a finding (SARIF ``fullDescription`` and ``help``).
    """

    id: str
    name: str
    default_severity: Severity
    summary: str
    help: str


#: Every rule, in the order ``shuyu rules`` lists them and SARIF's ``ruleIndex`` counts them.
#: An explicit literal, not built by reflection: adding a rule is one visible line here.
RULES: dict[str, RuleSpec] = {
    "term-missing": RuleSpec(
        id="term-missing",
        name="Term missing",
        default_severity=Severity.ERROR,
        summary="a glossary concept in the Chinese has no approved English form in the aligned English",
        help="The Chinese names a glossary concept but the aligned English has neither its preferred "
             "nor an admitted form. Write the expected form, or add the rendering used to the glossary "
             "as an admitted term if it is correct.",
    ),
    "term-deprecated": RuleSpec(
        id="term-deprecated",
        name="Deprecated term",
        default_severity=Severity.ERROR,
        summary="a deprecated (known wrong) form is used; the approved form is given",
        help="The text uses a form the glossary marks as deprecated: a known wrong rendering. "
             "Replace it with the expected (preferred) form.",
    ),
    "term-admitted": RuleSpec(
        id="term-admitted",
        name="Admitted term",
        default_severity=Severity.INFO,
        summary="an allowed but not preferred form is used",
        help="The form used is admitted by the glossary but is not the preferred one. It is not "
             "wrong; use the preferred form where house style asks for it.",
    ),
    "term-inconsistent": RuleSpec(
        id="term-inconsistent",
        name="Inconsistent term",
        default_severity=Severity.WARNING,
        summary="one concept written in several allowed forms in one document or site",
        help="The same concept is written in more than one allowed form. Pick one (the expected form "
             "is the one used most often) and use it throughout.",
    ),
    "number-mismatch": RuleSpec(
        id="number-mismatch",
        name="Number mismatch",
        default_severity=Severity.ERROR,
        summary="a number in the source and the translation do not agree",
        help="A number, amount or percentage in the Chinese source has no equal value in the aligned "
             "English. Check units (万, 亿) and decimal places, and correct the translation.",
    ),
    "date-mismatch": RuleSpec(
        id="date-mismatch",
        name="Date mismatch",
        default_severity=Severity.ERROR,
        summary="a date in the source and the translation do not agree",
        help="A date in the Chinese source has no equal date in the aligned English. Correct the "
             "day, month or year in the translation.",
    ),
    "untranslated": RuleSpec(
        id="untranslated",
        name="Untranslated Chinese",
        default_severity=Severity.ERROR,
        summary="Chinese characters left in English text",
        help="Han characters remain in the English text. Translate them, or suppress the finding "
             "where the Chinese is meant to be there (a name given in both scripts).",
    ),
    "name-romanization": RuleSpec(
        id="name-romanization",
        name="Romanisation",
        default_severity=Severity.ERROR,
        summary="a glossary place written with wrong pinyin (split syllables, missing apostrophe)",
        help="A place or person in the glossary is romanised wrongly, e.g. with its syllables split "
             "(\"Xu Zhou\") or without the syllable apostrophe (\"Huaian\"). Write the glossary's form.",
    ),
    "punctuation": RuleSpec(
        id="punctuation",
        name="Punctuation",
        default_severity=Severity.WARNING,
        summary="full-width punctuation in English text, or mixed quote styles in one document",
        help="English text contains full-width punctuation (，。：“”) or mixes straight and curly "
             "quotes. Use the ASCII or typographic form the rest of the document uses.",
    ),
    "repeated-word": RuleSpec(
        id="repeated-word",
        name="Repeated word",
        default_severity=Severity.WARNING,
        summary="a word written twice in a row",
        help="The same word appears twice in a row (\"the the\"). Delete one.",
    ),
    "alignment": RuleSpec(
        id="alignment",
        name="Alignment",
        default_severity=Severity.INFO,
        summary="alignment fell back to document level",
        help="Source and translation could not be aligned sentence by sentence or paragraph by "
             "paragraph, so bilingual rules compared the whole documents. Findings are still "
             "reported, but their source locations are less precise.",
    ),
    "baseline-expired": RuleSpec(
        id="baseline-expired",
        name="Baseline entry expired",
        default_severity=Severity.WARNING,
        summary="a baseline entry past its expiry date no longer suppresses its finding",
        help="A baseline entry has passed its expiry date, so the finding it covered is reported "
             "again. Fix the finding, or renew the entry with a new date.",
    ),
}
