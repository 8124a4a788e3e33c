"""Location and Finding: their hand-written __init__ and __reduce__ against what @dataclass generates."""

from __future__ import annotations

import copy
import dataclasses
import inspect
import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

from shuyu.model import Finding
from shuyu.model import Location
from shuyu.model import Severity


def _reference(cls: type) -> type:
    """The same fields and defaults as ``cls``, with the __init__ and pickling @dataclass writes."""
    specs = []
    for f in dataclasses.fields(cls):
        specs.append((f.name, object, dataclasses.field(default=f.default)) if f.default is not dataclasses.MISSING
                     else (f.name, object))
    return dataclasses.make_dataclass("Ref" + cls.__name__, specs, frozen=True, slots=True, kw_only=True)


REF_LOCATION = _reference(Location)
REF_FINDING = _reference(Finding)


def _values(obj: object) -> tuple[object, ...]:
    return tuple(getattr(obj, f.name) for f in dataclasses.fields(obj))  # type: ignore[arg-type]


texts = st.text(max_size=12)
ints = st.integers(min_value=0, max_value=10**6)
location_kwargs = st.fixed_dictionaries(
    {"path": texts, "line": ints, "column": ints, "end_line": ints, "end_column": ints})
locations = location_kwargs.map(lambda kw: Location(**kw))
finding_kwargs = st.fixed_dictionaries(
    {"rule": texts, "severity": st.sampled_from(Severity), "location": locations, "message": texts},
    optional={"concept": st.none() | texts, "expected": st.none() | texts, "found": st.none() | texts,
              "source": st.none() | locations, "context": texts, "source_context": texts})


@pytest.mark.parametrize(("cls", "ref"), [(Location, REF_LOCATION), (Finding, REF_FINDING)])
def test_init_signature_is_the_generated_one(cls: type, ref: type) -> None:
    """Same parameter names, order, kinds (keyword-only) and defaults as the dataclass __init__."""
    mine = inspect.signature(cls.__init__).parameters.values()
    theirs = inspect.signature(ref.__init__).parameters.values()
    assert [(p.name, p.kind, p.default) for p in mine] == [(p.name, p.kind, p.default) for p in theirs]


@given(location_kwargs)
def test_location_init_sets_what_the_dataclass_sets(kwargs: dict[str, object]) -> None:
    assert _values(Location(**kwargs)) == _values(REF_LOCATION(**kwargs))


@given(finding_kwargs)
def test_finding_init_sets_what_the_dataclass_sets(kwargs: dict[str, object]) -> None:
    assert _values(Finding(**kwargs)) == _values(REF_FINDING(**kwargs))


@given(finding_kwargs, st.integers(min_value=0, max_value=pickle.HIGHEST_PROTOCOL))
def test_pickle_and_copy_round_trip(kwargs: dict[str, object], protocol: int) -> None:
    finding = Finding(**kwargs)
    for back in (pickle.loads(pickle.dumps(finding, protocol)), copy.copy(finding), copy.deepcopy(finding)):
        assert type(back) is Finding
        assert type(back.location) is Location
        assert back == finding
        assert hash(back) == hash(finding)
        assert _values(back) == _values(finding)
        assert _values(back.location) == _values(finding.location)


@given(finding_kwargs, locations, texts)
def test_replace_keeps_working(kwargs: dict[str, object], source: Location, context: str) -> None:
    """checks/engine.py puts a source on findings with dataclasses.replace."""
    finding = Finding(**kwargs)
    changed = dataclasses.replace(finding, source=source, source_context=context)
    assert _values(changed) == _values(REF_FINDING(**{**kwargs, "source": source, "source_context": context}))


def test_still_frozen_and_keyword_only() -> None:
    loc = Location(path="a", line=1, column=1, end_line=1, end_column=2)
    with pytest.raises(dataclasses.FrozenInstanceError):
        loc.line = 2  # type: ignore[misc]
    with pytest.raises(TypeError):
        Location("a", 1, 1, 1, 2)  # type: ignore[misc]
    with pytest.raises(TypeError):
        Location(path="a", line=1, column=1, end_line=1)  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Finding(rule="r", severity=Severity.ERROR, location=loc)  # type: ignore[call-arg]
    # A new attribute is refused too (Python 3.11's frozen slotted __setattr__ says so with a TypeError).
    with pytest.raises((AttributeError, TypeError)):
        loc.extra = 1  # type: ignore[attr-defined]
