"""What every check shares: the settings that select rules and severities, and finding assembly."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from dataclasses import field

from shuyu.model import Finding
from shuyu.model import Location
from shuyu.model import Severity
from shuyu.rules import RULES
from shuyu.text.document import Document
from shuyu.text.document import Segment

#: Rules `lint` runs by default: what the glossary alone can tell about an English page.
LINT_RULES = frozenset({"term-deprecated", "name-romanization", "untranslated", "punctuation",
                        "repeated-word", "term-inconsistent", "baseline-expired"})
#: Rules `check` runs by default: everything a bilingual pair can show.
CHECK_RULES = frozenset({"term-missing", "term-deprecated", "term-admitted", "term-inconsistent",
                         "number-mismatch", "date-mismatch", "untranslated", "name-romanization",
                         "punctuation", "repeated-word", "alignment"})


@dataclass(slots=True)
class CheckSettings:
    """Which rules run and at which severity (from defaults, a config file and the command line)."""

    enabled: frozenset[str] = CHECK_RULES
    severities: dict[str, Severity] = field(default_factory=dict)

    def on(self, rule: str) -> bool:
        """True when ``rule`` runs."""
        return rule in self.enabled

    def severity(self, rule: str) -> Severity:
        """The severity findings of ``rule`` get."""
        return self.severities.get(rule) or RULES[rule].default_severity


def finding(settings: CheckSettings, rule: str, location: Location, message: str, *,
            concept: str | None = None, expected: str | None = None, found: str | None = None,
            source: Location | None = None, context: str = "", source_context: str = "") -> Finding:
    """A finding of ``rule`` with its configured severity."""
    return Finding(rule=rule, severity=settings.severity(rule), location=location, message=message,
                   concept=concept, expected=expected, found=found, source=source, context=context,
                   source_context=source_context)


def segment_location(doc: Document, segment: Segment, start: int, end: int) -> tuple[Location, str]:
    """The file location of a span of a segment, and the text of its first line."""
    loc = doc.location(segment, start, end)
    return loc, doc.lines.line_text(loc.line)


def segment_locations(doc: Document, spans: Iterable[tuple[Segment, int, int]]) -> list[tuple[Location, str]]:
    """:func:`segment_location` of many spans of one document, in their order.

    Each line's text is cut once: a page's prose findings come two or three to a line.
    """
    line_text = doc.lines.line_text
    contexts: dict[int, str] = {}
    out = []
    for segment, start, end in spans:
        loc = doc.location(segment, start, end)
        context = contexts.get(loc.line)
        if context is None:
            context = contexts[loc.line] = line_text(loc.line)
        out.append((loc, context))
    return out


def english_indices(doc: Document) -> list[int]:
    """The indices of the segments of ``doc`` not marked Chinese (``lang="zh..."``), in order."""
    # A page has a hundred segments in two or three languages: each language is tested once.
    chinese = {lang for lang in {s.lang for s in doc.segments} if lang.startswith("zh")}
    if not chinese:
        return list(range(len(doc.segments)))
    return [i for i, s in enumerate(doc.segments) if s.lang not in chinese]


def keep(doc: Document, f: Finding) -> bool:
    """False when an inline comment in ``doc`` switches the finding's rule off at its line."""
    # Most pages have no such comment: no need to look up the finding's line.
    return not doc.suppressions or not doc.suppressed(f.rule, f.location.line)
