"""Inline suppression comments in HTML and Markdown: ``<!-- shuyu: disable=rule -->`` and friends.

``disable`` (all rules) or ``disable=a,b`` switches rules off from its line until a matching
``enable`` (``enable`` alone re-enables everything) or the end of the file;
``disable-next-line[=a,b]`` switches them off on the next non-blank line.
"""

from __future__ import annotations

import re

from shuyu.errors import InputError
from shuyu.rules import RULES
from shuyu.text.document import Suppression
from shuyu.text.offsets import LineIndex

#: A comment addressed to shuyu, whether or not it is a directive.
_OURS = re.compile(r"^\s*shuyu\s*:", re.IGNORECASE)
_DIRECTIVE = re.compile(r"^\s*shuyu:\s*(disable-next-line|disable|enable)\s*(?:=\s*([\w\-,\s]*?))?\s*$")

#: (line, action, rules) as found in a file; empty ``rules`` means every rule.
Directive = tuple[int, str, frozenset[str]]


def parse_directive(comment: str) -> tuple[str, frozenset[str]] | None:
    """The action and rules of a comment's body, or None when it is not a shuyu directive.

    >>> action, rules = parse_directive(" shuyu: disable=term-deprecated, punctuation ")
    >>> action, sorted(rules)
    ('disable', ['punctuation', 'term-deprecated'])
    >>> sorted(parse_directive("shuyu: disable-next-line=untranslated repeated-word")[1])
    ['repeated-word', 'untranslated']
    >>> parse_directive(" just a comment ") is None
    True

    :param comment: the text between ``<!--`` and ``-->``.
    :returns: the action (``disable``, ``enable``, ``disable-next-line``) and its rules (empty: all); ``invalid``
        and the comment for one addressed to shuyu that is no directive (``shuyu: disabled=x``, ``disable=``).
    """
    m = _DIRECTIVE.match(comment)
    if not m:
        # "shuyu: disabled=…", "shuyu: disable-nextline": meant for shuyu, read by nothing; said, not ignored
        return ("invalid", frozenset({comment.strip()})) if _OURS.match(comment) else None
    if m.group(2) is not None and not m.group(2).strip():
        return "invalid", frozenset({comment.strip()})  # "disable=" naming no rule would switch every rule off
    # Commas or spaces separate rules, as in ESLint's and Vale's comments: "disable=a b" is two rules.
    rules = frozenset(re.split(r"[\s,]+", (m.group(2) or "").strip())) - {""}
    return m.group(1), rules


def suppressions_from(directives: list[Directive], lines: LineIndex, path: str = "") -> list[Suppression]:
    """Line ranges from directives in file order.

    :param directives: (line, action, rules) in the order they appear.
    :param lines: the file's line index (for the last line and for finding non-blank lines).
    :param path: the file's name, for the error below.
    :returns: one :class:`Suppression` per range, ranges inclusive of the directives' own lines.
    :raises InputError: for a rule name no rule has (``disable=term-deprecatd``): it would switch nothing
        off, silently, as ``--select`` with that name is refused.
    """
    for line, action, rules in directives:
        if action == "invalid":
            raise InputError(f"not a shuyu directive: {next(iter(rules))!r}", path=path, line=line,
                             hint="write disable, enable or disable-next-line, with =rule,rule or alone for every rule")
        unknown = sorted(rules - RULES.keys()) if rules else []
        if unknown:
            raise InputError(f"unknown rule {unknown[0]!r} in a shuyu comment", path=path, line=line,
                             hint="'shuyu rules' lists them")
    out: list[Suppression] = []
    last = len(lines.starts)
    all_since: int | None = None
    rule_since: dict[str, int] = {}
    for line, action, rules in sorted(directives, key=lambda d: d[0]):
        if action == "disable":
            if not rules:
                if all_since is None:
                    all_since = line
            else:
                for rule in sorted(rules):
                    rule_since.setdefault(rule, line)
        elif action == "enable":
            if not rules:
                if all_since is not None:
                    out.append(Suppression(all_since, line))
                    all_since = None
                out += [Suppression(start, line, frozenset({rule})) for rule, start in rule_since.items()]
                rule_since.clear()
                continue
            for rule in sorted(rules):
                if rule in rule_since:
                    out.append(Suppression(rule_since.pop(rule), line, frozenset({rule})))
            if all_since is not None:
                # Everything was off and some rules come back: the rest stay off, rule by rule.
                out.append(Suppression(all_since, line))
                for rule in RULES:
                    if rule not in rules:
                        rule_since.setdefault(rule, line)
                all_since = None
        else:
            target = line + 1
            while target <= last and not lines.line_text(target).strip():
                target += 1
            out.append(Suppression(target, target, rules))
    if all_since is not None:
        out.append(Suppression(all_since, last))
    out += [Suppression(start, last, frozenset({rule})) for rule, start in rule_since.items()]
    return out
