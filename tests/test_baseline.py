"""Baselines survive unrelated edits, count duplicates, and expire."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from shuyu import baseline
from shuyu.baseline import fold_space
from shuyu.errors import InputError
from shuyu.model import Finding
from shuyu.model import Location
from shuyu.model import Severity


def make(line: int, context: str, found: str = "CCP", rule: str = "term-deprecated") -> Finding:
    loc = Location(path="a.html", line=line, column=5, end_line=line, end_column=8)
    return Finding(rule=rule, severity=Severity.ERROR, location=loc, message="m", concept="cpc",
                   expected="CPC", found=found, context=context)


def test_entries_survive_lines_moving() -> None:
    old = [make(3, "  the CCP said"), make(9, "CCP again")]
    entries = baseline.parse(baseline.dump(baseline.entries_for(old)), "b.json")
    moved = [make(13, "the CCP said"), make(19, "CCP again"), make(20, "a new CCP line")]
    assert [f.location.line for f in baseline.apply(moved, entries)] == [20]


def test_each_entry_covers_one_finding() -> None:
    entries = baseline.entries_for([make(1, "CCP")])
    assert len(baseline.apply([make(1, "CCP"), make(2, "CCP")], entries)) == 1


def test_expired_entry_stops_suppressing_and_is_reported() -> None:
    from dataclasses import replace

    entry = baseline.entries_for([make(1, "CCP")])[0]
    expired = replace(entry, reason="legacy page", expires=dt.date(2026, 1, 1))
    out = baseline.apply([make(1, "CCP")], [expired], today=dt.date(2026, 11, 25))
    assert [f.rule for f in out] == ["term-deprecated", "baseline-expired"]
    assert "expired on 2026-01-01 (legacy page)" in out[1].message
    # still valid before the date
    assert baseline.apply([make(1, "CCP")], [expired], today=dt.date(2025, 12, 31)) == []


def test_reason_and_expiry_round_trip() -> None:
    from dataclasses import replace

    entry = replace(baseline.entries_for([make(1, "CCP")])[0], reason="r", expires=dt.date(2027, 5, 1))
    assert baseline.parse(baseline.dump([entry]), "b.json") == [entry]


@pytest.mark.parametrize("text", ["{", "[]", '{"schema": 2, "entries": []}', '{"schema": 1, "entries": [{"rule": 1}]}',
                                  '{"schema": 1, "entries": [{"rule": "r", "path": "p", "fingerprint": "f", '
                                  '"expires": "soon"}]}'])
def test_malformed_baseline(text: str) -> None:
    with pytest.raises(InputError):
        baseline.parse(text, "b.json")


@given(st.text(st.characters(blacklist_categories=("Cs",))) | st.text(st.sampled_from(
    [" ", "\t", "\n", "\r", "\x0b", "\x0c", "\x1c", "\x1f", "\x85", "\xa0", "\u2028", "\u3000", "\u200b", "a", "无"])))
def test_folding_space_is_the_regex_fold(text: str) -> None:
    # Fingerprints written by earlier versions folded with the regex: the two must agree.
    assert fold_space(text) == re.sub(r"\s+", " ", text).strip()


_FIELD = st.text(st.characters(blacklist_categories=("Cs",)), max_size=8) | st.sampled_from(
    ['"q"', "back\\slash", "line\nbreak", "\x00\x1f", "无锡", ""])
_ENTRY = st.builds(baseline.BaselineEntry, rule=_FIELD, path=_FIELD, fingerprint=_FIELD, concept=_FIELD,
                   found=_FIELD, reason=_FIELD, expires=st.none() | st.dates())


@given(st.lists(_ENTRY, max_size=6))
def test_dump_is_json_dumps_of_the_entries(entries: list[baseline.BaselineEntry]) -> None:
    items = []
    for e in sorted(entries, key=lambda e: (e.path, e.rule, e.fingerprint)):
        item = {"rule": e.rule, "path": e.path, "fingerprint": e.fingerprint, "concept": e.concept, "found": e.found}
        item.update({"reason": e.reason} if e.reason else {})
        item.update({"expires": e.expires.isoformat()} if e.expires else {})
        items.append(item)
    expected = json.dumps({"schema": 1, "entries": items}, ensure_ascii=False, indent=2) + "\n"
    assert baseline.dump(entries) == expected
    assert baseline.parse(expected, "b.json") == sorted(entries, key=lambda e: (e.path, e.rule, e.fingerprint))


def test_dump_of_an_entry_with_a_field_of_another_type_is_json_dumps() -> None:
    odd = baseline.BaselineEntry(rule="r", path="a.md", fingerprint="f", reason=7)  # type: ignore[arg-type]
    assert json.loads(baseline.dump([odd]))["entries"][0]["reason"] == 7
