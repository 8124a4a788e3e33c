"""The :class:`Glossary` container: concepts by id, templates, examples, and a content digest."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from dataclasses import field

from shuyu.model import Category
from shuyu.model import Concept
from shuyu.model import Example


@dataclass(slots=True)
class Glossary:
    """A loaded glossary.

    ``concepts`` holds what the files say (templates included, unexpanded), in id order;
    ``expanded`` holds every concept the matcher uses: plain concepts and the expansions of
    templates (templates themselves are not in it).
    """

    concepts: dict[str, Concept] = field(default_factory=dict)
    examples: list[Example] = field(default_factory=list)
    expanded: dict[str, Concept] = field(default_factory=dict)
    #: Where the concepts came from, for messages and the signature.
    sources: list[str] = field(default_factory=list)
    digest: str = ""

    def __iter__(self) -> Iterator[Concept]:
        return iter(self.concepts.values())

    def __len__(self) -> int:
        return len(self.concepts)

    def get(self, concept_id: str) -> Concept | None:
        """A concept by id, written or expanded."""
        return self.concepts.get(concept_id) or self.expanded.get(concept_id)

    def places(self) -> list[Concept]:
        """Every place concept, in id order."""
        return [c for c in self.concepts.values() if c.category == Category.PLACE]

    def templates(self) -> list[Concept]:
        """Every template concept, in id order."""
        return [c for c in self.concepts.values() if c.is_template]

    def children(self, place_id: str) -> list[Concept]:
        """The places whose parent is ``place_id``."""
        return [c for c in self.places() if c.parent == place_id]


def content_digest(texts: list[tuple[str, str]]) -> str:
    """A short stable digest of (name, content) pairs: the key of the automaton cache.

    >>> content_digest([("a.csv", "x")]) == content_digest([("a.csv", "x")])
    True
    """
    h = hashlib.sha256()
    for name, text in sorted(texts):
        h.update(name.encode("utf-8") + b"\0" + text.encode("utf-8") + b"\0")
    return h.hexdigest()[:16]
