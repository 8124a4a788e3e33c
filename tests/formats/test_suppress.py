"""Inline suppression directives: what a comment says, and the exact line ranges it switches off."""

from __future__ import annotations

import pytest

from shuyu.formats.suppress import parse_directive
from shuyu.formats.suppress import suppressions_from
from shuyu.rules import RULES
from shuyu.text.document import Suppression
from shuyu.text.offsets import LineIndex

TD = "term-deprecated"
PU = "punctuation"


@pytest.mark.parametrize(
    ("comment", "expected"),
    [
        (" shuyu: disable=term-deprecated ", ("disable", frozenset({TD}))),
        (" shuyu: disable=term-deprecated, punctuation ", ("disable", frozenset({TD, PU}))),
        ("shuyu: disable = term-deprecated , punctuation ", ("disable", frozenset({TD, PU}))),
        (" shuyu: disable ", ("disable", frozenset())),
        ("shuyu:enable", ("enable", frozenset())),
        (" shuyu: enable=punctuation ", ("enable", frozenset({PU}))),
        (" shuyu: disable-next-line ", ("disable-next-line", frozenset())),
        ("\n  shuyu: disable-next-line=punctuation\n", ("disable-next-line", frozenset({PU}))),
    ],
)
def test_directives(comment: str, expected: tuple[str, frozenset[str]]) -> None:
    assert parse_directive(comment) == expected


@pytest.mark.parametrize(
    "comment",
    [" just a comment ", "eslint-disable", " shuyu disable ", " see shuyu: disable ", ""],
)
def test_other_comments_are_not_directives(comment: str) -> None:
    assert parse_directive(comment) is None


def lines(count: int, blank: tuple[int, ...] = ()) -> LineIndex:
    """A LineIndex of ``count`` lines, the ones in ``blank`` empty."""
    return LineIndex.of("\n".join("" if n in blank else f"line {n}" for n in range(1, count + 1)))


def test_disable_rule_until_enable() -> None:
    got = suppressions_from([(2, "disable", frozenset({TD})), (4, "enable", frozenset())], lines(6))
    assert got == [Suppression(2, 4, frozenset({TD}))]


def test_disable_rule_until_its_own_enable_only() -> None:
    directives = [(1, "disable", frozenset({TD, PU})), (3, "enable", frozenset({PU})), (5, "enable", frozenset({TD}))]
    got = suppressions_from(directives, lines(8))
    assert sorted(got, key=lambda s: s.first_line + s.last_line) == [
        Suppression(1, 3, frozenset({PU})),
        Suppression(1, 5, frozenset({TD})),
    ]


def test_disable_without_rules_switches_everything_off_to_the_end() -> None:
    got = suppressions_from([(3, "disable", frozenset())], lines(7))
    assert got == [Suppression(3, 7)]
    assert got[0].covers("anything", 5)
    assert got[0].covers(TD, 7)
    assert not got[0].covers(TD, 2)


def test_disabled_rule_without_enable_runs_to_the_last_line() -> None:
    assert suppressions_from([(2, "disable", frozenset({TD}))], lines(9)) == [Suppression(2, 9, frozenset({TD}))]


def test_disable_all_then_enable_all() -> None:
    got = suppressions_from([(2, "disable", frozenset()), (5, "enable", frozenset())], lines(9))
    assert got == [Suppression(2, 5)]


def test_a_second_disable_does_not_move_the_start() -> None:
    directives = [(1, "disable", frozenset({TD})), (3, "disable", frozenset({TD})), (5, "enable", frozenset({TD}))]
    assert suppressions_from(directives, lines(6)) == [Suppression(1, 5, frozenset({TD}))]


def test_enable_without_disable_does_nothing() -> None:
    assert suppressions_from([(2, "enable", frozenset()), (3, "enable", frozenset({TD}))], lines(5)) == []


def test_disable_next_line_skips_blank_lines() -> None:
    got = suppressions_from([(3, "disable-next-line", frozenset({PU}))], lines(6, blank=(4, 5)))
    assert got == [Suppression(6, 6, frozenset({PU}))]


def test_disable_next_line_without_rules() -> None:
    assert suppressions_from([(1, "disable-next-line", frozenset())], lines(3)) == [Suppression(2, 2)]


def test_enabling_one_rule_after_disabling_all_keeps_the_others_off() -> None:
    got = suppressions_from(
        [(2, "disable", frozenset()), (4, "enable", frozenset({PU})), (6, "enable", frozenset())], lines(9))
    assert Suppression(2, 4) in got
    others = {next(iter(s.rules)): (s.first_line, s.last_line) for s in got if s.rules}
    assert PU not in others
    assert others == {rule: (4, 6) for rule in RULES if rule != PU}


def test_directives_are_taken_in_line_order() -> None:
    got = suppressions_from([(6, "enable", frozenset()), (2, "disable", frozenset({TD}))], lines(8))
    assert got == [Suppression(2, 6, frozenset({TD}))]


@pytest.mark.parametrize("comment", ["shuyu: disable=term-deprecatd", "shuyu: disable-next-line=punctuation, repeat-word",
                                     "shuyu: enable=term-missin"])
def test_a_misspelt_rule_name_is_an_input_error(comment: str) -> None:
    # It switched nothing off, silently, where --select with the same name is refused.
    from shuyu.errors import InputError

    directive = parse_directive(comment)
    assert directive is not None
    with pytest.raises(InputError) as info:
        suppressions_from([(3, *directive)], LineIndex.of("a\nb\nc\nd\n"), "page.html")
    assert str(info.value).startswith("page.html:3: unknown rule '")
    assert str(info.value).endswith("' in a shuyu comment ('shuyu rules' lists them)")


def test_lint_refuses_a_page_with_a_misspelt_rule_name(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from typer.testing import CliRunner

    from shuyu.cli import app

    page = tmp_path / "p.html"
    page.write_text("<!-- shuyu: disable=term-deprecatd -->\n<p>The CCP Wuxi Municipal Committee met.</p>\n",
                    encoding="utf-8")
    result = CliRunner().invoke(app, ["lint", str(page)])
    assert result.exit_code == 2
    assert result.stderr.strip() == (f"shuyu: error: {page}:1: unknown rule 'term-deprecatd' in a shuyu comment "
                                     "('shuyu rules' lists them)")


@pytest.mark.parametrize("comment", ["shuyu: disabled=repeated-word", "shuyu: disable-nextline=repeated-word", "shuyu: disable=",
                                     "Shuyu: off", " shuyu: frobnicate ", "SHUYU: disable"])
def test_a_comment_for_shuyu_that_is_no_directive_is_an_input_error(comment: str) -> None:
    # Ignored, it switched nothing off ("disabled="), or everything ("disable=" naming no rule).
    from shuyu.errors import InputError

    directive = parse_directive(comment)
    assert directive == ("invalid", frozenset({comment.strip()}))
    with pytest.raises(InputError) as info:
        suppressions_from([(2, *directive)], LineIndex.of("a\nb\nc\n"), "page.md")
    assert str(info.value) == (f"page.md:2: not a shuyu directive: {comment.strip()!r} (write disable, enable or "
                               "disable-next-line, with =rule,rule or alone for every rule)")
