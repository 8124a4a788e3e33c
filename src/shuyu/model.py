"""The data model: concepts, terms, places, examples and findings (plain dataclasses).

The glossary follows the concept-oriented model of TBX (ISO 30042): a :class:`Concept` is one
thing in the world; each of its :class:`Term` objects is one written form of it in one language,
with an administrative status. Findings are what every check yields.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from dataclasses import field


class Category(enum.StrEnum):
    """What kind of thing a concept is."""

    TITLE = "title"
    ORGANIZATION = "organization"
    PLACE = "place"
    PERSON = "person"
    TERM = "term"


class Status(enum.StrEnum):
    """TBX administrative status of a term."""

    PREFERRED = "preferred"
    ADMITTED = "admitted"
    DEPRECATED = "deprecated"


class Level(enum.StrEnum):
    """Administrative level of a place, and the level a template expands over."""

    COUNTRY = "country"
    PROVINCE = "province"
    PREFECTURE = "prefecture"
    COUNTY = "county"
    DISTRICT = "district"
    COUNTY_CITY = "county-city"
    ZONE = "zone"

    @property
    def is_county_level(self) -> bool:
        """Districts, counties and county-level cities are all county-level divisions."""
        return self in (Level.COUNTY, Level.DISTRICT, Level.COUNTY_CITY)


class Severity(enum.StrEnum):
    """How serious a finding is; ordered error > warning > info."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """Numeric rank, higher is more serious.

        >>> Severity.ERROR.rank > Severity.WARNING.rank > Severity.INFO.rank
        True
        """
        return {"error": 3, "warning": 2, "info": 1}[self.value]


ZH = "zh"
EN = "en"
LANGUAGES = (ZH, EN)


@dataclass(frozen=True, slots=True)
class Term:
    """One written form of a concept in one language."""

    text: str
    lang: str
    status: Status = Status.PREFERRED
    case_sensitive: bool = False
    plural: bool = True
    #: Set on forms the loader derived (split pinyin "Xu Zhou", a dropped apostrophe
    #: "Huaian"): such a form is reported as ``name-romanization``, not ``term-deprecated``.
    romanization: bool = False


@dataclass(frozen=True, slots=True)
class Example:
    """A test the glossary carries for itself: a Chinese sentence and one English rendering.

    ``expect`` is ``"pass"`` when the rendering must raise no finding for the concept, or the
    rule id the check must report for it.
    """

    concept_id: str
    zh: str
    en: str
    expect: str
    path: str = ""
    line: int = 0


@dataclass(slots=True)
class Concept:
    """One thing in the world, with its terms per language.

    Places carry ``level`` and ``parent`` (the id of the place they belong to) and the proper
    names ``zh_name``/``en_name`` that template slots take and the romanisation check compares.
    A template concept has ``over`` set (the levels it expands over, optionally narrowed by
    ``within``, a place id) and terms containing ``{place}`` (Chinese) and ``{Place}`` (English).
    Expanded concepts keep ``template`` and ``place`` so findings can name both.
    """

    id: str
    category: Category
    terms: list[Term] = field(default_factory=list)
    level: Level | None = None
    parent: str | None = None
    zh_name: str = ""
    en_name: str = ""
    over: tuple[Level, ...] = ()
    within: str | None = None
    note: str = ""
    source: str = ""
    #: A documented exception to the romanisation rule (e.g. "conventional spelling").
    romanization_exception: str = ""
    template: str | None = None
    place: str | None = None
    path: str = ""
    line: int = 0

    @property
    def is_template(self) -> bool:
        """True for a concept written once with a slot, expanded over places at load."""
        return bool(self.over)

    def terms_in(self, lang: str, status: Status | None = None) -> list[Term]:
        """The terms of one language, optionally of one status, in file order."""
        return [t for t in self.terms if t.lang == lang and (status is None or t.status == status)]

    def preferred(self, lang: str) -> str:
        """The preferred form in ``lang`` (empty when the concept has none)."""
        for term in self.terms:
            if term.lang == lang and term.status == Status.PREFERRED:
                return term.text
        return ""

    def allowed(self, lang: str) -> list[Term]:
        """Preferred and admitted terms of ``lang``."""
        return [t for t in self.terms if t.lang == lang and t.status != Status.DEPRECATED]


@dataclass(frozen=True, slots=True, kw_only=True, init=False)
class Location:
    """A span in a file: 1-based line and column (code points), end exclusive."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int

    # The dataclass __init__ of a frozen class sets each field through object.__setattr__; the
    # slots' own setters (bound below the class) do the same in about two thirds of the time, and
    # a lint makes a Location for every finding and every counted match. Same keywords as the
    # generated one (tests/test_model.py compares the signatures).
    def __init__(self, *, path: str, line: int, column: int, end_line: int, end_column: int) -> None:
        _LOCATION_SET[0](self, path)
        _LOCATION_SET[1](self, line)
        _LOCATION_SET[2](self, column)
        _LOCATION_SET[3](self, end_line)
        _LOCATION_SET[4](self, end_column)

    def __reduce__(self) -> tuple[object, tuple[object, ...]]:
        """Pickled as its fields in order (how a ``--jobs`` worker's findings travel to the parent): the
        slotted dataclass's generic ``__getstate__``/``__setstate__`` walk ``fields()`` in Python."""
        return (_restore, (Location, (self.path, self.line, self.column, self.end_line, self.end_column)))


@dataclass(frozen=True, slots=True, kw_only=True, init=False)
class Finding:
    """One problem a check found, with where it is and what to write instead."""

    rule: str
    severity: Severity
    location: Location
    message: str
    concept: str | None = None
    expected: str | None = None
    found: str | None = None
    source: Location | None = None
    #: The text of the line the finding is on (reporters show it with a caret).
    context: str = ""
    #: The line of the source the finding comes from (bilingual checks).
    source_context: str = ""

    # As Location's: the slots' setters instead of ten object.__setattr__ calls.
    def __init__(self, *, rule: str, severity: Severity, location: Location, message: str,
                 concept: str | None = None, expected: str | None = None, found: str | None = None,
                 source: Location | None = None, context: str = "", source_context: str = "") -> None:
        _FINDING_SET[0](self, rule)
        _FINDING_SET[1](self, severity)
        _FINDING_SET[2](self, location)
        _FINDING_SET[3](self, message)
        _FINDING_SET[4](self, concept)
        _FINDING_SET[5](self, expected)
        _FINDING_SET[6](self, found)
        _FINDING_SET[7](self, source)
        _FINDING_SET[8](self, context)
        _FINDING_SET[9](self, source_context)

    def __reduce__(self) -> tuple[object, tuple[object, ...]]:
        """Pickled as its fields in order, as :class:`Location` is."""
        return (_restore, (Finding, (self.rule, self.severity, self.location, self.message, self.concept,
                                     self.expected, self.found, self.source, self.context, self.source_context)))

    def sort_key(self) -> tuple[str, int, int, str, str]:
        """Order by place, then rule: the order every reporter prints in."""
        loc = self.location
        return (loc.path, loc.line, loc.column, self.rule, self.message)


# The slots' member descriptors exist once @dataclass has made the slotted class.
_LOCATION_SET = tuple(Location.__dict__[name].__set__ for name in Location.__slots__)
_FINDING_SET = tuple(Finding.__dict__[name].__set__ for name in Finding.__slots__)


def _restore(cls: type[Location] | type[Finding], values: tuple[object, ...]) -> Location | Finding:
    """A :class:`Location` or :class:`Finding` from the fields its ``__reduce__`` gives, in order."""
    obj = _new(cls)
    for set_, value in zip(_SETTERS[cls], values, strict=True):
        set_(obj, value)
    return obj


_SETTERS: dict[type, tuple] = {Location: _LOCATION_SET, Finding: _FINDING_SET}
_new = object.__new__
