"""JSON scalars written as ``json.dumps(..., ensure_ascii=False)`` writes them.

The JSON and SARIF reporters write their many findings from templates rather than through
json.dumps with an indent, which runs the pure-Python encoder (about 1.5 µs a value: 1.8 s for
the JSON report of a 24,000-finding site, 1.5 s for its SARIF log). These helpers write the values
that go into the templates; a value json.dumps would write differently, or not at all, raises
TypeError, and the reporter then falls back to json.dumps for the whole document.
"""

from __future__ import annotations

from json.encoder import encode_basestring  # type: ignore[attr-defined]

__all__ = ["encode_basestring", "number", "optional", "scalar"]


def scalar(value: object) -> str:
    """A JSON scalar as json.dumps writes it (TypeError for anything else, floats included).

    >>> scalar("无锡 \\"x\\""), scalar(None), scalar(True), scalar(12)
    ('"无锡 \\\\"x\\\\""', 'null', 'true', '12')
    """
    if isinstance(value, str):
        return encode_basestring(value)
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return int.__repr__(value)
    raise TypeError(type(value).__name__)


def number(value: object) -> str:
    """A line or column: the usual plain int at once, any other value as :func:`scalar` writes it."""
    return int.__repr__(value) if type(value) is int else scalar(value)


def optional(value: str | None) -> str:
    """A string or null (encode_basestring raises TypeError for a value of another type)."""
    return "null" if value is None else encode_basestring(value)
