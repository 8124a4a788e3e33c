"""`shuyu rules`: the rule ids, their default severity and what they find."""

from __future__ import annotations

from shuyu.rules import RULES


def rules() -> None:
    """List every rule: id, default severity, summary."""
    for spec in RULES.values():
        print(f"{spec.id:<20} {spec.default_severity.value:<8} {spec.summary}")
