"""The signature every report and score carries, in sacrebleu's manner: what produced the numbers."""

from __future__ import annotations

from shuyu import __version__
from shuyu.checks.base import CheckSettings
from shuyu.glossary.model import Glossary
from shuyu.match import MATCHER_VERSION


def signature(glossary: Glossary, settings: CheckSettings | None = None) -> dict[str, str]:
    """Tool version, glossary digest and size, normalisation, matcher mode, and the rules run."""
    sig = {
        "shuyu": __version__,
        "glossary": glossary.digest,
        "concepts": str(len(glossary.expanded)),
        "norm": "zh:t2s+fullwidth,en:quotes+dashes+space+lower",
        "match": f"aho-corasick-leftmost-longest.v{MATCHER_VERSION}",
    }
    if settings is not None:
        sig["rules"] = ",".join(sorted(settings.enabled))
    return sig


def format_signature(sig: dict[str, str]) -> str:
    """``key:value|key:value`` as sacrebleu prints its signatures.

    >>> format_signature({"shuyu": "0.1.0", "glossary": "abc"})
    'shuyu:0.1.0|glossary:abc'
    """
    return "|".join(f"{k}:{v}" for k, v in sig.items())
