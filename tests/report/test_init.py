"""The reporter registry: its names, and what every reporter promises (pure, sorted, text out)."""

from __future__ import annotations

import copy

import pytest

from shuyu.report import REPORTERS
from tests.report.golden import FINDINGS
from tests.report.golden import context


def test_registry_names() -> None:
    assert list(REPORTERS) == ["text", "json", "sarif", "github", "junit"]


@pytest.mark.parametrize("name", list(REPORTERS))
def test_reporter_sorts_and_is_pure(name: str) -> None:
    render = REPORTERS[name]
    findings = list(reversed(FINDINGS))
    before = copy.deepcopy(findings)
    ctx = context()
    out = render(findings, ctx)
    assert isinstance(out, str)
    assert out.endswith("\n")
    # Input order does not matter, the input is not changed, and rendering twice gives the same text.
    assert out == render(FINDINGS, context())
    assert findings == before
    assert ctx == context()
    assert render(findings, ctx) == out
