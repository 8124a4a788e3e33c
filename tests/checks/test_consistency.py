"""`term-inconsistent`: which form wins, and that it never contradicts `term-admitted`."""

from __future__ import annotations

import pytest

from shuyu.cache import load_with_matcher
from shuyu.checks.base import LINT_RULES
from shuyu.checks.base import CheckSettings
from shuyu.checks.engine import lint_documents
from shuyu.text.document import plain_document

PREFERRED = "Secretary of the CPC Wuxi Municipal Committee"
ADMITTED = "Party Secretary of Wuxi"


@pytest.fixture(scope="module")
def bundled():  # type: ignore[no-untyped-def]
    return load_with_matcher([])


def inconsistent(text: str, bundled) -> list[tuple[int, str, str]]:  # type: ignore[no-untyped-def]
    glossary, matcher = bundled
    findings = lint_documents([plain_document("page.txt", text)], glossary, matcher, CheckSettings(LINT_RULES))
    return [(f.location.line, f.found, f.expected) for f in findings if f.rule == "term-inconsistent"]


def test_the_preferred_form_wins_even_in_the_minority(bundled) -> None:  # type: ignore[no-untyped-def]
    # It told the writer to replace the approved title with the admitted one, used twice, while
    # term-admitted asked for the opposite.
    text = f"{PREFERRED} Huang Qin spoke.\n\nThe {ADMITTED} met them.\n\nThe {ADMITTED} left."
    assert inconsistent(text, bundled) == [(3, ADMITTED, PREFERRED), (5, ADMITTED, PREFERRED)]


def test_one_form_throughout_is_consistent(bundled) -> None:  # type: ignore[no-untyped-def]
    assert inconsistent(f"The {ADMITTED} met them.\n\nThe {ADMITTED} left.", bundled) == []
