"""Exchange formats for other tools: a term-per-row CSV and a JSON document, both lossless for shuyu.

The exchange CSV (header :data:`CSV_HEADER`, documented in ``docs/exchange-formats.md``) has one
row per term; the concept's own fields are repeated on each of its rows and the first row of a
concept sets them. JSON is one object: ``{"schema": 1, "concepts": [...], "examples": [...]}``.
Both importers return an :class:`ImportResult`: the concepts read, plus a line for everything
they could not map (an import never drops data silently). Merging imported concepts into a
glossary is the CLI's job (``shuyu glossary import``): rows for an existing concept id come back
as a concept object holding just those terms, which is how ``shuyu score --suggest`` proposals
are imported.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from dataclasses import dataclass
from dataclasses import field
from dataclasses import replace
from enum import Enum
from typing import Any
from typing import TypeVar

from shuyu.errors import InputError
from shuyu.glossary.model import Glossary
from shuyu.model import Category
from shuyu.model import Concept
from shuyu.model import Example
from shuyu.model import Level
from shuyu.model import Status
from shuyu.model import Term

#: The exchange CSV header: the seven columns every tool needs first, then shuyu's own fields.
CSV_HEADER = ("concept_id", "category", "lang", "term", "status", "note", "source", "flags", "level", "parent",
              "zh_name", "en_name", "romanization", "over", "within")
#: Columns an exchange CSV must have (a proposal file may leave out the rest).
CSV_REQUIRED = ("concept_id", "lang", "term", "status")
#: Per-term flags, spelled as in the canonical glossary CSV.
FLAG_CASE_SENSITIVE = "case-sensitive"
FLAG_NO_PLURAL = "no-plural"
SCHEMA_VERSION = 1

_CONCEPT_COLUMNS = ("category", "note", "source", "level", "parent", "zh_name", "en_name", "romanization", "over",
                    "within")
_JSON_CONCEPT_KEYS = frozenset({"id", "category", "level", "parent", "zh_name", "en_name", "romanization", "over",
                                "within", "note", "source", "terms"})
_JSON_TERM_KEYS = frozenset({"lang", "text", "status", "case_sensitive", "plural"})
_JSON_EXAMPLE_KEYS = frozenset({"concept", "zh", "en", "expect"})

E = TypeVar("E", bound=Enum)


@dataclass(slots=True)
class ImportResult:
    """What an import produced, and everything it could not map.

    ``unmapped`` holds one ``path:line: message`` line (``path: message`` when no line is known)
    per element, column, field or value the importer could not carry into shuyu's model, or
    carried with a change (a status read as another, an id slugified); a few lines sum up
    what applies to many terms and carry no path. ``status_counts`` counts the terms by the
    status value the source wrote, lower-cased, before it was mapped to shuyu's three (terms
    without a status are not counted).
    """

    glossary: Glossary
    unmapped: list[str] = field(default_factory=list)
    status_counts: Counter[str] = field(default_factory=Counter)


def flags_of(term: Term) -> str:
    """A term's non-default flags, space-separated (``case-sensitive no-plural``)."""
    flags = []
    if term.case_sensitive:
        flags.append(FLAG_CASE_SENSITIVE)
    if not term.plural:
        flags.append(FLAG_NO_PLURAL)
    return " ".join(flags)


def parse_flags(value: str) -> tuple[bool, bool, list[str]]:
    """``(case_sensitive, plural, unknown flags)`` from a space-separated flag list."""
    words = value.split()
    unknown = [w for w in words if w not in (FLAG_CASE_SENSITIVE, FLAG_NO_PLURAL)]
    return FLAG_CASE_SENSITIVE in words, FLAG_NO_PLURAL not in words, unknown


def written_terms(concept: Concept) -> list[Term]:
    """The terms a file says: forms the loader derived (split pinyin) are not exported."""
    return [t for t in concept.terms if not t.romanization]


def term_language(lang: str) -> str | None:
    """The glossary's language of a term's language tag (``zh-CN``, ``zh-Hant``, ``en-GB`` → ``zh``, ``en``),
    or None for a language the glossary's files do not hold (Chinese and English alone; the exchange
    formats carry any language).

    >>> term_language("zh-Hans-CN"), term_language("EN_us"), term_language("fr")
    ('zh', 'en', None)
    """
    primary = lang.strip().replace("_", "-").split("-")[0].lower()
    return primary if primary in ("zh", "en") else None


def keep_glossary_languages(glossary: Glossary, path: str) -> list[str]:
    """Give each imported term the glossary's language of its tag (zh-CN is zh, en-US en) and take out the
    terms in a language the glossary's files do not hold; returns a note for each term taken out."""
    notes = []
    for concept in glossary.concepts.values():
        kept = []
        for term in concept.terms:
            lang = term_language(term.lang)
            if lang is None:
                notes.append(f"{path}: {concept.id}: {term.text!r} is in language {term.lang!r}; the glossary holds "
                             "zh and en terms only; not imported")
            else:
                kept.append(term if lang == term.lang else replace(term, lang=lang))
        concept.terms = kept
    return notes


def _enum(kind: type[E], value: str, path: str, line: int, what: str) -> E:
    try:
        return kind(value)
    except ValueError:
        allowed = ", ".join(str(v.value) for v in kind)
        raise InputError(f"unknown {what} {value!r}", path=path, line=line, hint=f"one of: {allowed}") from None


# --- CSV ---------------------------------------------------------------------------------------


def _concept_cells(concept: Concept) -> dict[str, str]:
    return {
        "category": concept.category.value,
        "note": concept.note,
        "source": concept.source,
        "level": concept.level.value if concept.level else "",
        "parent": concept.parent or "",
        "zh_name": concept.zh_name,
        "en_name": concept.en_name,
        "romanization": concept.romanization_exception,
        "over": " ".join(level.value for level in concept.over),
        "within": concept.within or "",
    }


def _csv_row(cells: list[str]) -> str:
    # csv.writer leaves a field holding a bare \r unquoted when lines end in \n, and the reader
    # then splits the record there; RFC 4180 quoting by hand keeps every character.
    return ",".join('"' + c.replace('"', '""') + '"' if any(ch in c for ch in ',"\r\n') else c for c in cells) + "\n"


def export_csv(glossary: Glossary) -> str:
    """Every written concept (templates unexpanded), one row per term, concepts in id order.

    A concept without terms gets one row with empty ``lang``, ``term`` and ``status`` so that it
    survives the round trip. Examples are not part of the CSV (use JSON to carry them).

    :param glossary: the glossary; its ``concepts`` are written, not the expansions.
    :returns: the CSV text (UTF-8 without BOM when encoded, ``\\n`` line ends, RFC 4180 quoting).
    """
    out = [_csv_row(list(CSV_HEADER))]
    for concept in sorted(glossary.concepts.values(), key=lambda c: c.id):
        cells = _concept_cells(concept)
        terms = written_terms(concept)
        rows = [{"concept_id": concept.id, "lang": t.lang, "term": t.text, "status": t.status.value,
                 "flags": flags_of(t), **cells} for t in terms]
        if not rows:
            rows = [{"concept_id": concept.id, "lang": "", "term": "", "status": "", "flags": "", **cells}]
        out.extend(_csv_row([row[column] for column in CSV_HEADER]) for row in rows)
    return "".join(out)


def _new_concept(cid: str, row: dict[str, str], path: str, line: int) -> Concept:
    level = row.get("level") or ""
    within = row.get("within") or ""
    parent = row.get("parent") or ""
    return Concept(
        cid,
        _enum(Category, row.get("category") or Category.TERM.value, path, line, "category"),
        level=_enum(Level, level, path, line, "level") if level else None,
        parent=parent or None,
        zh_name=row.get("zh_name") or "",
        en_name=row.get("en_name") or "",
        over=tuple(_enum(Level, v, path, line, "level") for v in (row.get("over") or "").split()),
        within=within or None,
        note=row.get("note") or "",
        source=row.get("source") or "",
        romanization_exception=row.get("romanization") or "",
        path=path,
        line=line,
    )


def import_csv(text: str, path: str) -> ImportResult:
    """Read an exchange CSV into concepts.

    Rows are grouped by ``concept_id``; the first row of a concept sets its fields and a later
    row that gives another value for one of them is reported in ``unmapped`` (the first value is
    kept). An empty ``category`` reads as ``term``; an empty ``status`` as ``admitted`` (reported).

    :param text: the decoded file (a leading BOM is ignored).
    :param path: the file's name, for messages.
    :returns: the concepts read, in file order, and what could not be mapped.
    :raises InputError: on malformed CSV, a missing required column, or an unknown category,
        status or level, naming the line.
    """
    reader = csv.DictReader(io.StringIO(text.removeprefix("\ufeff"), newline=""), strict=True)
    try:
        fieldnames = list(reader.fieldnames or [])
    except csv.Error as exc:
        raise InputError(f"malformed CSV: {exc}", path=path, line=1) from None
    missing = [h for h in CSV_REQUIRED if h not in fieldnames]
    if missing:
        raise InputError(f"missing column(s): {', '.join(missing)}", path=path, line=1,
                         hint="the header is " + ",".join(CSV_HEADER))
    result = ImportResult(Glossary())
    unknown = [h for h in fieldnames if h not in CSV_HEADER]
    if unknown:
        result.unmapped.append(f"{path}:1: columns not imported: {', '.join(unknown)}")
    concepts = result.glossary.concepts
    first_rows: dict[str, dict[str, str]] = {}
    line = 2
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise InputError(f"malformed CSV: {exc} (in the record that starts on this line)", path=path,
                             line=line) from None
        start, line = line, reader.line_num + 1
        if None in row:
            result.unmapped.append(f"{path}:{start}: {len(row[None])} cell(s) beyond the header not imported")  # type: ignore[index]
        cells = {k: v or "" for k, v in row.items() if k is not None and isinstance(v, str)}
        cid = cells.get("concept_id", "").strip()
        if not cid:
            if any(cells.values()):
                result.unmapped.append(f"{path}:{start}: row without a concept_id not imported")
            continue
        concept = concepts.get(cid)
        if concept is None:
            concept = concepts[cid] = _new_concept(cid, cells, path, start)
            first_rows[cid] = cells
        else:
            first = first_rows[cid]
            for column in _CONCEPT_COLUMNS:
                if cells.get(column) and cells.get(column) != first.get(column, ""):
                    result.unmapped.append(f"{path}:{start}: {cid}: {column} {cells[column]!r} differs from the "
                                           f"concept's first row (line {concept.line}); the first is kept")
        term_text, lang, status = cells.get("term", ""), cells.get("lang", "").strip(), cells.get("status", "").strip()
        if not term_text and not lang and not status:
            continue  # a concept without terms
        if not term_text or not lang:
            result.unmapped.append(f"{path}:{start}: {cid}: a term needs both lang and term; row not imported")
            continue
        if status:
            result.status_counts[status.lower()] += 1
        else:
            result.unmapped.append(f"{path}:{start}: {cid}: no status for {term_text!r}, read as admitted")
        case_sensitive, plural, bad_flags = parse_flags(cells.get("flags", ""))
        if bad_flags:
            result.unmapped.append(f"{path}:{start}: {cid}: unknown flag(s) not imported: {' '.join(bad_flags)}")
        concept.terms.append(Term(term_text, lang, _enum(Status, status or Status.ADMITTED.value, path, start, "status"),
                                  case_sensitive=case_sensitive, plural=plural))
    return result


# --- JSON --------------------------------------------------------------------------------------


def _concept_json(concept: Concept) -> dict[str, Any]:
    return {
        "id": concept.id,
        "category": concept.category.value,
        "level": concept.level.value if concept.level else None,
        "parent": concept.parent,
        "zh_name": concept.zh_name,
        "en_name": concept.en_name,
        "romanization": concept.romanization_exception,
        "over": [level.value for level in concept.over],
        "within": concept.within,
        "note": concept.note,
        "source": concept.source,
        "terms": [{"lang": t.lang, "text": t.text, "status": t.status.value, "case_sensitive": t.case_sensitive,
                   "plural": t.plural} for t in written_terms(concept)],
    }


def export_json(glossary: Glossary) -> str:
    """The written glossary (templates unexpanded) and its examples as one JSON object, schema 1.

    :param glossary: the glossary to write.
    :returns: pretty-printed JSON (two-space indent, non-ASCII kept), ending with a newline.
    """
    data = {
        "schema": SCHEMA_VERSION,
        "concepts": [_concept_json(c) for c in sorted(glossary.concepts.values(), key=lambda c: c.id)],
        "examples": [{"concept": e.concept_id, "zh": e.zh, "en": e.en, "expect": e.expect} for e in glossary.examples],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _str(item: dict[str, Any], key: str, where: str, path: str, *, optional: bool = True) -> str:
    value = item.get(key)
    if value is None and optional:
        return ""
    if not isinstance(value, str):
        raise InputError(f"{where}: {key!r} must be a string, not {type(value).__name__}", path=path)
    return value


def _bool(item: dict[str, Any], key: str, default: bool, where: str, path: str) -> bool:
    value = item.get(key, default)
    if not isinstance(value, bool):
        raise InputError(f"{where}: {key!r} must be true or false", path=path)
    return value


def _json_enum(kind: type[E], value: str, where: str, path: str, what: str) -> E:
    try:
        return kind(value)
    except ValueError:
        allowed = ", ".join(str(v.value) for v in kind)
        raise InputError(f"{where}: unknown {what} {value!r}", path=path, hint=f"one of: {allowed}") from None


def _json_concept(item: Any, index: int, path: str, result: ImportResult) -> Concept:
    if not isinstance(item, dict):
        raise InputError(f"concept {index} is not an object", path=path)
    cid = _str(item, "id", f"concept {index}", path, optional=False)
    where = f"concept {index} ({cid})"
    terms_data = item.get("terms", [])
    over_data = item.get("over", [])
    if not isinstance(terms_data, list) or not isinstance(over_data, list):
        raise InputError(f"{where}: 'terms' and 'over' must be lists", path=path)
    terms = []
    for j, t in enumerate(terms_data):
        if not isinstance(t, dict):
            raise InputError(f"{where}: term {j} is not an object", path=path)
        status = _str(t, "status", where, path)
        if status:
            result.status_counts[status.lower()] += 1
        else:
            result.unmapped.append(f"{path}: {where}: term {j} has no status, read as admitted")
        extra = set(t) - _JSON_TERM_KEYS
        if extra:
            result.unmapped.append(f"{path}: {where}: term {j} fields not imported: {', '.join(sorted(extra))}")
        terms.append(Term(_str(t, "text", where, path, optional=False), _str(t, "lang", where, path, optional=False),
                          _json_enum(Status, status or Status.ADMITTED.value, where, path, "status"),
                          case_sensitive=_bool(t, "case_sensitive", False, where, path),
                          plural=_bool(t, "plural", True, where, path)))
    level = _str(item, "level", where, path)
    extra = set(item) - _JSON_CONCEPT_KEYS
    if extra:
        result.unmapped.append(f"{path}: {where}: fields not imported: {', '.join(sorted(extra))}")
    return Concept(
        cid,
        _json_enum(Category, _str(item, "category", where, path) or Category.TERM.value, where, path, "category"),
        terms,
        level=_json_enum(Level, level, where, path, "level") if level else None,
        parent=_str(item, "parent", where, path) or None,
        zh_name=_str(item, "zh_name", where, path),
        en_name=_str(item, "en_name", where, path),
        over=tuple(_json_enum(Level, v if isinstance(v, str) else repr(v), where, path, "level") for v in over_data),
        within=_str(item, "within", where, path) or None,
        note=_str(item, "note", where, path),
        source=_str(item, "source", where, path),
        romanization_exception=_str(item, "romanization", where, path),
        path=path,
    )


def import_json(text: str, path: str) -> ImportResult:
    """Read the JSON exchange document back.

    :param text: the decoded file (a leading BOM is ignored).
    :param path: the file's name, for messages.
    :returns: the concepts and examples read, and what could not be mapped.
    :raises InputError: on malformed JSON (with line and column), another schema version, or a
        document or value of the wrong shape.
    """
    try:
        data = json.loads(text.removeprefix("\ufeff"))
    except json.JSONDecodeError as exc:
        raise InputError(f"malformed JSON: {exc.msg}", path=path, line=exc.lineno, column=exc.colno) from None
    if not isinstance(data, dict) or not isinstance(data.get("concepts"), list):
        raise InputError('not a shuyu glossary JSON document', path=path, hint='expected {"schema": 1, "concepts": [...]}')
    if data.get("schema") != SCHEMA_VERSION:
        raise InputError(f"unsupported schema {data.get('schema')!r}", path=path,
                         hint=f"this shuyu reads schema {SCHEMA_VERSION}")
    result = ImportResult(Glossary())
    extra = set(data) - {"schema", "concepts", "examples"}
    if extra:
        result.unmapped.append(f"{path}: top-level fields not imported: {', '.join(sorted(extra))}")
    for index, item in enumerate(data["concepts"]):
        concept = _json_concept(item, index, path, result)
        if concept.id in result.glossary.concepts:
            raise InputError(f"concept {index}: duplicate id {concept.id!r}", path=path)
        result.glossary.concepts[concept.id] = concept
    examples = data.get("examples", [])
    if not isinstance(examples, list):
        raise InputError("'examples' must be a list", path=path)
    for index, e in enumerate(examples):
        where = f"example {index}"
        if not isinstance(e, dict):
            raise InputError(f"{where} is not an object", path=path)
        extra = set(e) - _JSON_EXAMPLE_KEYS
        if extra:
            result.unmapped.append(f"{path}: {where}: fields not imported: {', '.join(sorted(extra))}")
        result.glossary.examples.append(Example(
            _str(e, "concept", where, path, optional=False), _str(e, "zh", where, path, optional=False),
            _str(e, "en", where, path, optional=False), _str(e, "expect", where, path, optional=False), path=path))
    return result
