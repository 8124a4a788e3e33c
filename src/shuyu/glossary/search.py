"""Finding concepts by Chinese (Simplified or Traditional), English, or pinyin."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from shuyu.glossary.model import Glossary
from shuyu.glossary.romanize import syllables
from shuyu.lazyre import lazy
from shuyu.model import EN
from shuyu.model import ZH
from shuyu.model import Concept
from shuyu.text.normalize import to_simplified

_HAN = lazy(r"[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
_NOT_LETTER = re.compile(r"[^a-z]")


@dataclass(frozen=True, slots=True)
class Hit:
    """A search result: the concept, what matched (``zh``, ``en`` or ``pinyin``) and how well."""

    concept: Concept
    key: str
    exact: bool


def pinyin_key(text: str) -> str:
    """A query or name reduced to bare pinyin letters: no tones, spaces, apostrophes or digits.

    >>> pinyin_key("Wú Xī"), pinyin_key("wu2 xi1"), pinyin_key("Huai'an")
    ('wuxi', 'wuxi', 'huaian')
    """
    decomposed = unicodedata.normalize("NFD", text.lower().replace("ü", "v"))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _NOT_LETTER.sub("", stripped)


def _concept_pinyin(concept: Concept) -> str:
    name = concept.zh_name or concept.preferred(ZH)
    if not name or "{" in name:
        return ""
    return "".join(syllables(name)).replace("ü", "v")


def search(glossary: Glossary, query: str, *, expanded: bool = False) -> list[Hit]:
    """Concepts whose Chinese, English or pinyin contains ``query``; exact hits first.

    :param expanded: also search template expansions (every title of every place).
    """
    query = query.strip()
    if not query:
        return []
    pool = list(glossary.concepts.values())
    if expanded:
        pool += [c for cid, c in glossary.expanded.items() if cid not in glossary.concepts]
    hits: list[Hit] = []
    if _HAN.search(query):
        q = to_simplified(query)
        for c in pool:
            forms = [to_simplified(t.text) for t in c.terms_in(ZH)] + ([c.zh_name] if c.zh_name else [])
            if any(q in f for f in forms):
                hits.append(Hit(c, "zh", q in forms))
    else:
        q = query.casefold()
        key = pinyin_key(query)
        for c in pool:
            forms = [t.text.casefold() for t in c.terms_in(EN)] + ([c.en_name.casefold()] if c.en_name else [])
            if any(q in f for f in forms):
                hits.append(Hit(c, "en", q in forms))
                continue
            py = _concept_pinyin(c)
            if key and py and key in py:
                hits.append(Hit(c, "pinyin", key == py))
    hits.sort(key=lambda h: (not h.exact, h.concept.is_template, h.concept.template is not None, h.concept.id))
    return hits
