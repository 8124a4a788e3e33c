"""Inline suppression comments in HTML and Markdown: ``<!-- shuyu: disable=rule -->`` and friends."""

from __future__ import annotations

import re

from shuyu.text.document import Suppression
from shuyu.text.offsets import LineIndex

_DIRECTIVE = re.compile(r"^\s*shuyu:\s*(disable-next-line|disable|enable)\s*(?:=\s*([\w\-,\s]+?))?\s*$")


def parse_directive(comment: str) -> tuple[str, frozenset[str]] | None:
    """The action and rules of a comment's body, or None when it is not a shuyu directive.

    >>> parse_directive(" shuyu: disable=term-deprecated, punctuation ")
    ('disable', frozenset({'punctuation', 'term-deprecated'}))
    """
    m = _DIRECTIVE.match(comment)
    if not m:
        return None
    rules = frozenset(r.strip() for r in (m.group(2) or "").split(",") if r.strip())
    return m.group(1), rules


def suppressions_from(directives: list[tuple[int, str, frozenset[str]]], lines: LineIndex) -> list[Suppression]:
    """Line ranges from (line, action, rules) directives in file order.

    ``disable`` runs to the next ``enable`` (or the end); ``disable-next-line`` covers the next
    non-blank line.
    """
    out: list[Suppression] = []
    open_ranges: dict[frozenset[str], int] = {}
    last = len(lines.starts)
    for line, action, rules in directives:
        if action == "disable":
            open_ranges.setdefault(rules, line)
        elif action == "enable":
            for key in [k for k in open_ranges if not rules or k == rules or k & rules]:
                out.append(Suppression(open_ranges.pop(key), line, key))
        else:
            target = line + 1
            while target <= last and not lines.line_text(target).strip():
                target += 1
            out.append(Suppression(target, target, rules))
    out += [Suppression(start, last, key) for key, start in open_ranges.items()]
    return out
