"""The canonical CSV: parse and format are inverse, byte for byte."""

from __future__ import annotations

import string

from hypothesis import given
from hypothesis import strategies as st

from shuyu.glossary.csvio import format_concepts
from shuyu.glossary.csvio import parse_concepts
from shuyu.model import Category
from shuyu.model import Concept
from shuyu.model import Level
from shuyu.model import Status
from shuyu.model import Term
from tests.conftest import TINY


def test_tiny_files_are_canonical() -> None:
    for path in sorted(TINY.glob("*.csv")):
        if path.name == "examples.csv":
            continue
        text = path.read_text(encoding="utf-8")
        concepts, problems = parse_concepts(text, str(path))
        assert problems == []
        assert format_concepts(concepts) == text


def test_template_levels_and_flags_survive() -> None:
    text = (TINY / "titles.csv").read_text(encoding="utf-8")
    concepts, _ = parse_concepts(text, "titles.csv")
    secretary = next(c for c in concepts if c.id == "municipal-party-secretary")
    assert secretary.over == (Level.PREFECTURE, Level.COUNTY_CITY)
    assert secretary.within == "jiangsu"
    assert [t.status for t in secretary.terms_in("en")] == [Status.PREFERRED, Status.ADMITTED, Status.DEPRECATED]


def test_record_lines_count_quoted_newlines() -> None:
    header = (TINY / "places.csv").read_text(encoding="utf-8").splitlines()[0]
    text = (header + '\na,term,,,,,,,,甲,,,A,,,,"note\nover two lines",src\n'
            "b,term,,,,,,,,乙,,,B,,,,,src\n")
    concepts, problems = parse_concepts(text, "t.csv")
    assert problems == []
    assert [(c.id, c.line) for c in concepts] == [("a", 2), ("b", 4)]


text_st = st.text(alphabet=string.ascii_letters + "无锡徐州 ,\"'|\n", min_size=1, max_size=12).map(str.strip).filter(
    lambda s: s and "|" not in s)


@given(
    zh=text_st, en=text_st, admitted=st.lists(text_st, max_size=3, unique=True),
    note=st.text(alphabet=string.ascii_letters + ",\"\n 无", max_size=20).map(str.strip),
)
def test_round_trip_is_identity(zh: str, en: str, admitted: list[str], note: str) -> None:
    admitted = [a for a in admitted if a != en]
    terms = [Term(zh, "zh"), Term(en, "en")] + [Term(a, "en", Status.ADMITTED) for a in admitted]
    concept = Concept("x-1", Category.TERM, terms, note=note, source="s")
    text = format_concepts([concept])
    back, problems = parse_concepts(text, "t.csv")
    assert problems == []
    assert format_concepts(back) == text
    assert [(t.text, t.status) for t in back[0].terms] == [(t.text, t.status) for t in terms]
