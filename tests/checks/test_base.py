"""Finding assembly: the page-at-once paths against the finding-by-finding code they replace.

`prose_findings` locates a page's issues together and looks each rule's severity up once;
`segment_locations` cuts each line's text once; `keep` does not look at a finding's line on a page
without suppressions. The references below are the straightforward code: one `segment_location`
and one `finding` per issue, and `Document.suppressed` for every finding.
"""

from __future__ import annotations

from hypothesis import example
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from shuyu.checks import prose
from shuyu.checks.base import LINT_RULES
from shuyu.checks.base import CheckSettings
from shuyu.checks.base import english_indices
from shuyu.checks.base import finding
from shuyu.checks.base import keep
from shuyu.checks.base import segment_location
from shuyu.checks.base import segment_locations
from shuyu.checks.engine import prose_findings
from shuyu.formats import document_from_text
from shuyu.model import Finding
from shuyu.model import Location
from shuyu.model import Severity
from shuyu.rules import RULES
from shuyu.text.document import Document
from shuyu.text.document import Segment
from shuyu.text.document import Suppression
from shuyu.text.offsets import OffsetMap


def reference_prose_findings(doc: Document, settings: CheckSettings) -> list[Finding]:
    english = [s for s in doc.segments if not s.lang.startswith("zh")]
    texts = [s.text for s in english]
    issues = prose.text_issues(texts, [rule for rule in prose.SEGMENT_RULES if settings.on(rule)])
    if settings.on("punctuation"):
        issues += prose.quote_styles(texts)
    out = []
    for index, issue in issues:
        loc, context = segment_location(doc, english[index], issue.start, issue.end)
        out.append(finding(settings, issue.rule, loc, issue.message, expected=issue.expected,
                           found=issue.found, context=context))
    return out


# HTML pieces that give segments offset maps of several runs (entities, inline tags), several
# lines per segment and several segments per line, Chinese segments, and every prose issue.
_PIECES = st.sampled_from([
    "the", "The", " ", "\n", "\r\n", "\r", "&amp;", "&#8217;", "<em>", "</em>", "<br>", "</p><p>",
    "<p lang=\"zh\">", "<h2>", "</h2>", "'", "’", "\"", "“", "”", "People's", "it’s", " the the ",
    "无锡", "，", "（", "a", "Wuxi", ".",
])
_HTML = st.lists(_PIECES, max_size=30).map(lambda pieces: "<html><body><p>" + "".join(pieces) + "</p></body></html>")
_SEVERITIES = st.dictionaries(st.sampled_from(prose.SEGMENT_RULES), st.sampled_from(list(Severity)))


@settings(max_examples=500, deadline=None)
@given(_HTML, st.sets(st.sampled_from(prose.SEGMENT_RULES)), _SEVERITIES)
@example("<html><body><p>“a” \"b\" \"c\"\n<em>the</em>  the</p><p>无锡，</p></body></html>",
         set(prose.SEGMENT_RULES), {"punctuation": Severity.ERROR})
def test_prose_findings_equal_the_finding_by_finding_assembly(html: str, rules: set[str],
                                                              severities: dict[str, Severity]) -> None:
    doc = document_from_text(html, "page.html", "html")
    chosen = CheckSettings(frozenset(rules), severities)
    assert prose_findings(doc, chosen) == reference_prose_findings(doc, chosen)


@settings(max_examples=300, deadline=None)
@given(_HTML, st.data())
def test_segment_locations_equal_segment_location_span_by_span(html: str, data: st.DataObject) -> None:
    doc = document_from_text(html, "page.html", "html")
    spans = []
    for segment in doc.segments:
        n = len(segment.text)
        for _ in range(data.draw(st.integers(0, 3))):
            start = data.draw(st.integers(0, n))
            spans.append((segment, start, data.draw(st.integers(start, n))))
    assert segment_locations(doc, spans) == [segment_location(doc, *span) for span in spans]


_RULE = st.sampled_from(sorted(RULES))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 6), st.integers(0, 3), st.frozensets(_RULE, max_size=2)), max_size=3),
       st.lists(st.tuples(_RULE, st.integers(1, 8)), max_size=8))
def test_keep_is_the_document_suppressions(suppressions: list[tuple[int, int, frozenset[str]]],
                                           placed: list[tuple[str, int]]) -> None:
    doc = Document(path="page.html", text="", suppressions=[Suppression(first, first + more, rules)
                                                            for first, more, rules in suppressions])
    found = [Finding(rule=rule, severity=Severity.WARNING, message="m",
                     location=Location(path="page.html", line=line, column=1, end_line=line, end_column=2))
             for rule, line in placed]
    assert [keep(doc, f) for f in found] == [not doc.suppressed(f.rule, f.location.line) for f in found]


def test_prose_findings_take_the_configured_severity() -> None:
    doc = document_from_text("<p>It was was late, “he” said \"so\" and \"so\".</p>", "page.html", "html")
    found = prose_findings(doc, CheckSettings(LINT_RULES, {"repeated-word": Severity.ERROR}))
    assert [(f.rule, f.severity, f.found) for f in found] == [
        ("repeated-word", Severity.ERROR, "was was"),
        ("punctuation", RULES["punctuation"].default_severity, "“"),
        ("punctuation", RULES["punctuation"].default_severity, "”"),
    ]


def test_english_indices_are_the_segments_not_marked_chinese_in_order() -> None:
    langs = ["", "zh", "en-GB", "zh-Hans", "", "fr"]
    doc = Document(path="p.html", text="", segments=[Segment("x", OffsetMap.identity(1), lang=lang) for lang in langs])
    assert english_indices(doc) == [0, 2, 4, 5]
    doc.segments = [s for s in doc.segments if not s.lang.startswith("zh")]
    assert english_indices(doc) == list(range(4))
