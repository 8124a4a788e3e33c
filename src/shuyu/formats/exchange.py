"""Exchange formats for other tools: a term-per-row CSV and JSON, both lossless for shuyu's model.

The exchange CSV (documented header :data:`CSV_HEADER`) has one row per term; concept fields are
repeated on each row of the concept, and the first row of a concept sets them. Rows for an
existing concept id add terms to it on ``shuyu glossary import`` (this is how ``score --suggest``
proposals come back). JSON is one object: ``{"schema": 1, "concepts": [...], "examples": [...]}``.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from dataclasses import field
from typing import Any

from shuyu.errors import InputError
from shuyu.glossary.model import Glossary
from shuyu.model import Category
from shuyu.model import Concept
from shuyu.model import Example
from shuyu.model import Level
from shuyu.model import Status
from shuyu.model import Term

CSV_HEADER = ("concept_id", "category", "lang", "term", "status", "case_sensitive", "plural", "level", "parent",
              "zh_name", "en_name", "romanization", "over", "within", "note", "source")
SCHEMA_VERSION = 1


@dataclass(slots=True)
class ImportResult:
    """What an import produced, and everything it could not map (never dropped silently)."""

    glossary: Glossary
    unmapped: list[str] = field(default_factory=list)
    #: Term statuses as the source file wrote them (TBX), before mapping to shuyu's three.
    status_counts: dict[str, int] = field(default_factory=dict)


def _enum(kind: type, value: str, where: str) -> Any:
    try:
        return kind(value)
    except ValueError:
        allowed = ", ".join(v.value for v in kind)  # type: ignore[attr-defined]
        raise InputError(f"unknown {kind.__name__.lower()} {value!r} (one of: {allowed})", path=where) from None


def export_csv(glossary: Glossary) -> str:
    """Every written concept (templates unexpanded), one row per term."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    for concept in sorted(glossary.concepts.values(), key=lambda c: c.id):
        for term in concept.terms:
            writer.writerow([concept.id, concept.category.value, term.lang, term.text, term.status.value,
                             "yes" if term.case_sensitive else "", "" if term.plural else "no",
                             concept.level.value if concept.level else "", concept.parent or "", concept.zh_name,
                             concept.en_name, concept.romanization_exception,
                             " ".join(level.value for level in concept.over), concept.within or "", concept.note,
                             concept.source])
    return out.getvalue()


def import_csv(text: str, path: str) -> ImportResult:
    """Read an exchange CSV into concepts.

    :raises InputError: on a missing column or a bad category, status or level, naming the line.
    """
    reader = csv.DictReader(io.StringIO(text.removeprefix("\ufeff"), newline=""))
    missing = [h for h in ("concept_id", "lang", "term", "status") if h not in (reader.fieldnames or [])]
    if missing:
        raise InputError(f"missing column(s) {', '.join(missing)}; the header is " + ",".join(CSV_HEADER), path=path,
                         line=1)
    result = ImportResult(Glossary())
    unknown = [h for h in reader.fieldnames or [] if h not in CSV_HEADER]
    if unknown:
        result.unmapped.append(f"{path}:1: columns not imported: {', '.join(unknown)}")
    concepts = result.glossary.concepts
    for row in reader:
        where = f"{path}:{reader.line_num}"
        cid = (row.get("concept_id") or "").strip()
        text_value = row.get("term") or ""
        if not cid or not text_value:
            result.unmapped.append(f"{where}: row without concept_id or term")
            continue
        status = _enum(Status, row["status"] or "admitted", where)
        concept = concepts.get(cid)
        if concept is None:
            concept = concepts[cid] = Concept(
                cid, _enum(Category, row.get("category") or "term", where),
                level=_enum(Level, row["level"], where) if row.get("level") else None,
                parent=row.get("parent") or None, zh_name=row.get("zh_name") or "", en_name=row.get("en_name") or "",
                romanization_exception=row.get("romanization") or "",
                over=tuple(_enum(Level, v, where) for v in (row.get("over") or "").split()),
                within=row.get("within") or None, note=row.get("note") or "", source=row.get("source") or "")
        concept.terms.append(Term(text_value, row["lang"], status, case_sensitive=row.get("case_sensitive") == "yes",
                                  plural=row.get("plural") != "no"))
    return result


def _concept_json(c: Concept) -> dict[str, Any]:
    return {"id": c.id, "category": c.category.value, "level": c.level.value if c.level else None,
            "parent": c.parent, "zh_name": c.zh_name, "en_name": c.en_name, "romanization": c.romanization_exception,
            "over": [level.value for level in c.over], "within": c.within, "note": c.note, "source": c.source,
            "terms": [{"lang": t.lang, "text": t.text, "status": t.status.value, "case_sensitive": t.case_sensitive,
                       "plural": t.plural} for t in c.terms]}


def export_json(glossary: Glossary) -> str:
    """The written glossary as one JSON object (schema 1)."""
    data = {"schema": SCHEMA_VERSION,
            "concepts": [_concept_json(c) for c in sorted(glossary.concepts.values(), key=lambda c: c.id)],
            "examples": [{"concept": e.concept_id, "zh": e.zh, "en": e.en, "expect": e.expect}
                         for e in glossary.examples]}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def import_json(text: str, path: str) -> ImportResult:
    """Read the JSON export back.

    :raises InputError: on malformed JSON (with line and column) or a document of another shape.
    """
    try:
        data = json.loads(text.removeprefix("\ufeff"))
    except json.JSONDecodeError as exc:
        raise InputError(f"malformed JSON: {exc.msg}", path=path, line=exc.lineno, column=exc.colno) from None
    if not isinstance(data, dict) or not isinstance(data.get("concepts"), list):
        raise InputError('not a shuyu glossary JSON (expected {"schema": 1, "concepts": [...]})', path=path)
    result = ImportResult(Glossary())
    for i, item in enumerate(data["concepts"]):
        where = f"{path}: concept {i}"
        try:
            concept = Concept(
                str(item["id"]), _enum(Category, item.get("category", "term"), where),
                [Term(t["text"], t["lang"], _enum(Status, t.get("status", "admitted"), where),
                      bool(t.get("case_sensitive", False)), bool(t.get("plural", True))) for t in item.get("terms", [])],
                level=_enum(Level, item["level"], where) if item.get("level") else None, parent=item.get("parent"),
                zh_name=item.get("zh_name", ""), en_name=item.get("en_name", ""),
                romanization_exception=item.get("romanization", ""),
                over=tuple(_enum(Level, v, where) for v in item.get("over", [])), within=item.get("within"),
                note=item.get("note", ""), source=item.get("source", ""))
        except (KeyError, TypeError) as exc:
            raise InputError(f"concept {i} is malformed (missing {exc})", path=path) from None
        extra = set(item) - {"id", "category", "level", "parent", "zh_name", "en_name", "romanization", "over", "within",
                             "note", "source", "terms"}
        if extra:
            result.unmapped.append(f"{where}: fields not imported: {', '.join(sorted(extra))}")
        result.glossary.concepts[concept.id] = concept
    for e in data.get("examples", []):
        result.glossary.examples.append(Example(e["concept"], e["zh"], e["en"], e["expect"]))
    return result
