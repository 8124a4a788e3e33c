"""The glossary cache gives back exactly what loading from the files gives."""

from __future__ import annotations

import dataclasses
import pickle

from shuyu import cache
from shuyu.model import Finding
from shuyu.model import Location
from shuyu.model import Severity


def test_cached_load_equals_a_fresh_load() -> None:
    fresh_glossary, fresh_matcher = cache.load_with_matcher([], use_cache=False)
    cache.load_with_matcher([])  # writes the cache
    written = list(cache.cache_dir().iterdir())
    assert len(written) == 1  # no temporary file left beside it
    assert written[0].name.startswith("glossary-")
    assert written[0].suffix == ".pickle"
    glossary, matcher = cache.load_with_matcher([])  # reads it
    assert glossary == fresh_glossary
    assert matcher.tables == fresh_matcher.tables
    term = next(iter(glossary.expanded.values())).terms[0]
    assert type(term) is type(next(iter(fresh_glossary.expanded.values())).terms[0])
    assert [m.surface for m in matcher.find("The Wuxi Municipal People's Government", "en")] == \
           [m.surface for m in fresh_matcher.find("The Wuxi Municipal People's Government", "en")]


@dataclasses.dataclass(slots=True)
class _Counted:
    value: int
    doubled: int = dataclasses.field(init=False, default=0)

    def __post_init__(self) -> None:
        self.doubled = self.value * 2


def test_classes_init_cannot_rebuild_round_trip_too() -> None:
    # Keyword-only fields, fields outside __init__ and __post_init__ take the field-by-field path.
    loc = Location(path="a.html", line=1, column=2, end_line=1, end_column=5)
    finding = Finding(rule="term-deprecated", severity=Severity.ERROR, location=loc, message="m", found="Xu Zhou")
    counted = _Counted(3)
    counted.doubled = 7  # a state __post_init__ would not give back
    for value in (loc, finding, counted):
        assert pickle.loads(cache._dumps(value)) == value
    assert not cache._rebuilt_by_init(Location)
    assert not cache._rebuilt_by_init(_Counted)
