"""Where a finding's Chinese source is: the source line of a check finding."""

from __future__ import annotations

import pytest

from shuyu.cache import load_with_matcher
from shuyu.checks.base import CHECK_RULES
from shuyu.checks.base import CheckSettings
from shuyu.checks.engine import check_release
from shuyu.text.document import plain_document


@pytest.fixture(scope="module")
def bundled():  # type: ignore[no-untyped-def]
    return load_with_matcher([])


def test_a_misspelt_place_inside_a_title_names_its_chinese_source(bundled) -> None:  # type: ignore[no-untyped-def]
    # "Xu Zhou" in "CPC Xu Zhou Municipal Committee" had no source line: the Chinese matched the whole
    # committee (徐州市委), not the place.
    glossary, matcher = bundled
    result = check_release(plain_document("zh.txt", "会上，徐州市委召开会议。"),
                           plain_document("en.txt", "The CPC Xu Zhou Municipal Committee held a meeting."),
                           glossary, matcher, CheckSettings(CHECK_RULES))
    (f,) = [f for f in result.findings if f.rule == "name-romanization"]
    assert (f.found, f.source.line if f.source else None, f.source.column if f.source else None) == ("Xu Zhou", 1, 4)
