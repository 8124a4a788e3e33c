"""URLs are not prose: blank them out of segment text (same length, so offsets stay exact)."""

from __future__ import annotations

import re

_URL = re.compile(r"\b(?:https?://|ftp://|www\.)[^\s<>\"'）)]+", re.IGNORECASE)


def blank_urls(text: str) -> str:
    """``text`` with every URL replaced by spaces of the same length.

    >>> blank_urls("see https://x.org/CCP now")
    'see                   now'
    """
    return _URL.sub(lambda m: " " * len(m.group()), text)
