"""What every check shares: the settings that select rules and severities, and finding assembly."""

from __future__ import annotations

from bisect import bisect_right
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

    Each line's text is cut once (a page's prose findings come two or three to a line), and a span
    that ends on the line it starts on needs one search of the line starts, not two.
    """
    lines = doc.lines
    line_starts, line_text, n_lines, path = lines.starts, lines.line_text, len(lines.starts), doc.path
    contexts: dict[int, str] = {}
    out = []
    for segment, start, end in spans:
        o_start, o_end = segment.offsets.span_to_original(start, end)
        line = bisect_right(line_starts, o_start)
        o_end = max(o_end, o_start)
        if line == n_lines or o_end < line_starts[line]:
            end_line = line
        else:
            end_line = bisect_right(line_starts, o_end)
        loc = Location(path=path, line=line, column=o_start - line_starts[line - 1] + 1,
                       end_line=end_line, end_column=o_end - line_starts[end_line - 1] + 1)
        context = contexts.get(line)
        if context is None:
            context = contexts[line] = line_text(line)
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
