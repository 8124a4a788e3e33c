"""The rule registry: ids are pinned (never renamed), well-formed, and every rule is documented."""

from __future__ import annotations

import dataclasses

import pytest

from shuyu.model import Severity
from shuyu.rules import RULE_ID
from shuyu.rules import RULES
from shuyu.rules import RuleSpec

#: The ids and default severities users configure and baselines record. Adding a rule adds a
#: line here; changing or removing one is a breaking change this test is meant to catch.
PINNED = {
    "term-missing": Severity.ERROR,
    "term-deprecated": Severity.ERROR,
    "term-admitted": Severity.INFO,
    "term-inconsistent": Severity.WARNING,
    "number-mismatch": Severity.ERROR,
    "date-mismatch": Severity.ERROR,
    "untranslated": Severity.ERROR,
    "name-romanization": Severity.ERROR,
    "punctuation": Severity.WARNING,
    "repeated-word": Severity.WARNING,
    "alignment": Severity.INFO,
    "baseline-expired": Severity.WARNING,
}


def test_ids_and_order_are_pinned() -> None:
    # The order matters too: SARIF's ruleIndex counts in it.
    assert list(RULES) == list(PINNED)


def test_default_severities_are_pinned() -> None:
    assert {rule_id: spec.default_severity for rule_id, spec in RULES.items()} == PINNED


@pytest.mark.parametrize("rule_id", list(RULES))
def test_rule_is_well_formed(rule_id: str) -> None:
    spec = RULES[rule_id]
    assert spec.id == rule_id
    assert RULE_ID.fullmatch(rule_id)
    assert isinstance(spec.default_severity, Severity)
    assert spec.name.strip() == spec.name
    assert spec.name
    # The summary is one line (`shuyu rules`, SARIF shortDescription); help says what to do.
    assert spec.summary
    assert "\n" not in spec.summary
    assert len(spec.help) > len(spec.summary)


def test_names_are_unique() -> None:
    names = [spec.name for spec in RULES.values()]
    assert len(set(names)) == len(names)


def test_alignment_summary_is_the_run_note() -> None:
    assert RULES["alignment"].summary == "alignment fell back to document level"


@pytest.mark.parametrize("bad", ["Term-missing", "term_missing", "term--missing", "-term", "term-", "t1"])
def test_rule_id_pattern_rejects_non_kebab_case(bad: str) -> None:
    assert RULE_ID.fullmatch(bad) is None


def test_rulespec_is_frozen() -> None:
    spec = RULES["term-missing"]
    with pytest.raises(dataclasses.FrozenInstanceError):
        spec.id = "renamed"  # type: ignore[misc]
    assert [f.name for f in dataclasses.fields(RuleSpec)] == ["id", "name", "default_severity", "summary", "help"]
