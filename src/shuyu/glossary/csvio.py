"""The canonical glossary CSV: parse text into concepts and write concepts back, byte-stable.

This module holds the pure conversion (text ↔ concepts); reading and writing files is the
loader's and the CLI's job. See ``docs/glossary-format.md`` for the format.
"""

from __future__ import annotations

import csv
import io

from shuyu.errors import Problem
from shuyu.model import EN
from shuyu.model import ZH
from shuyu.model import Category
from shuyu.model import Concept
from shuyu.model import Example
from shuyu.model import Level
from shuyu.model import Status
from shuyu.model import Term

HEADER = (
    "id", "category", "level", "parent", "zh_name", "en_name", "romanization", "over", "within",
    "zh", "zh_admitted", "zh_deprecated", "en", "en_admitted", "en_deprecated", "flags", "note", "source",
)
EXAMPLES_HEADER = ("concept", "zh", "en", "expect")
FLAGS = ("case-sensitive", "no-plural")
#: The file each category is written to in a glossary directory.
CATEGORY_FILES = {
    Category.PLACE: "places.csv",
    Category.TITLE: "titles.csv",
    Category.ORGANIZATION: "organizations.csv",
    Category.PERSON: "persons.csv",
    Category.TERM: "terms.csv",
}
EXAMPLES_FILE = "examples.csv"
LIST_SEPARATOR = "|"


def _split(cell: str) -> list[str]:
    return [part for part in cell.split(LIST_SEPARATOR) if part != ""] if cell else []


def parse_concepts(text: str, path: str) -> tuple[list[Concept], list[Problem]]:
    """Parse one concept CSV; every problem is returned with its line, nothing is raised.

    :param text: the file's decoded text.
    :param path: the file's name, for problems.
    :returns: the concepts that could be read, and the problems found while reading.
    """
    problems: list[Problem] = []
    concepts: list[Concept] = []
    if text.startswith("\ufeff"):
        problems.append(Problem(path, 1, "file starts with a byte-order mark; save it as UTF-8 without BOM"))
        text = text[1:]
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        rows = list(reader)
    except csv.Error as exc:
        problems.append(Problem(path, reader.line_num, f"malformed CSV: {exc}"))
        return concepts, problems
    if not rows:
        problems.append(Problem(path, 1, "empty file: expected the header " + ",".join(HEADER)))
        return concepts, problems
    header = tuple(rows[0])
    if header != HEADER:
        missing = [h for h in HEADER if h not in header]
        extra = [h for h in header if h not in HEADER]
        detail = []
        if missing:
            detail.append("missing " + ", ".join(missing))
        if extra:
            detail.append("unknown " + ", ".join(extra))
        if not detail:
            detail.append("columns out of order")
        problems.append(Problem(path, 1, "bad header (" + "; ".join(detail) + "): expected " + ",".join(HEADER)))
        return concepts, problems
    # csv.reader does not tell the physical line of each record; quoted newlines make it
    # differ from the row index, so recount with a second reader that reports line_num.
    line_numbers = _record_lines(text)
    for index, row in enumerate(rows[1:], start=1):
        line = line_numbers[index] if index < len(line_numbers) else index + 1
        if not any(cell.strip() for cell in row):
            problems.append(Problem(path, line, "blank line"))
            continue
        if len(row) != len(HEADER):
            problems.append(Problem(path, line, f"expected {len(HEADER)} columns, found {len(row)}"))
            continue
        concept = _concept_from_row(dict(zip(HEADER, row, strict=True)), path, line, problems)
        if concept is not None:
            concepts.append(concept)
    return concepts, problems


def _record_lines(text: str) -> list[int]:
    """The 1-based physical line on which each CSV record starts."""
    starts = []
    reader = csv.reader(io.StringIO(text, newline=""))
    last = 0
    for _ in reader:
        starts.append(last + 1)
        last = reader.line_num
    return starts


def _concept_from_row(row: dict[str, str], path: str, line: int, problems: list[Problem]) -> Concept | None:
    def bad(message: str) -> None:
        problems.append(Problem(path, line, message))

    for key, value in row.items():
        if value != value.strip():
            bad(f"{key} {value!r} has surrounding whitespace")
        for item in _split(value) if key.endswith(("_admitted", "_deprecated")) else []:
            if item != item.strip():
                bad(f"{key} item {item!r} has surrounding whitespace")
    try:
        category = Category(row["category"])
    except ValueError:
        bad(f"unknown category {row['category']!r} (one of: {', '.join(c.value for c in Category)})")
        return None
    level = None
    if row["level"]:
        try:
            level = Level(row["level"])
        except ValueError:
            bad(f"unknown level {row['level']!r} (one of: {', '.join(v.value for v in Level)})")
    over: list[Level] = []
    for name in row["over"].split():
        try:
            over.append(Level(name))
        except ValueError:
            bad(f"unknown level {name!r} in over (one of: {', '.join(v.value for v in Level)})")
    flags = row["flags"].split()
    for flag in flags:
        if flag not in FLAGS:
            bad(f"unknown flag {flag!r} (one of: {', '.join(FLAGS)})")
    case_sensitive = "case-sensitive" in flags
    plural = "no-plural" not in flags
    terms: list[Term] = []
    for lang in (ZH, EN):
        for status, column in ((Status.PREFERRED, lang), (Status.ADMITTED, f"{lang}_admitted"),
                               (Status.DEPRECATED, f"{lang}_deprecated")):
            values = [row[column]] if status == Status.PREFERRED and row[column] else _split(row[column])
            if status == Status.PREFERRED and LIST_SEPARATOR in row[column]:
                bad(f"{column} holds one preferred term; put the others in {lang}_admitted")
            for value in values:
                terms.append(Term(value.strip(), lang, status, case_sensitive=case_sensitive and lang == EN,
                                  plural=plural))
    concept = Concept(
        id=row["id"], category=category, terms=terms, level=level, parent=row["parent"] or None,
        zh_name=row["zh_name"], en_name=row["en_name"], romanization_exception=row["romanization"],
        note=row["note"], source=row["source"], path=path, line=line,
    )
    concept.over = tuple(over)
    concept.within = row["within"] or None
    return concept


def concept_row(concept: Concept) -> list[str]:
    """The canonical CSV row of a concept."""
    def joined(lang: str, status: Status) -> str:
        return LIST_SEPARATOR.join(t.text for t in concept.terms_in(lang, status))

    en_terms = concept.terms_in(EN)
    flags = []
    if any(t.case_sensitive for t in en_terms):
        flags.append("case-sensitive")
    if concept.terms and not all(t.plural for t in concept.terms):
        flags.append("no-plural")
    return [
        concept.id, concept.category.value, concept.level.value if concept.level else "",
        concept.parent or "", concept.zh_name, concept.en_name, concept.romanization_exception,
        " ".join(level.value for level in concept.over), concept.within or "",
        concept.preferred(ZH), joined(ZH, Status.ADMITTED), joined(ZH, Status.DEPRECATED),
        concept.preferred(EN), joined(EN, Status.ADMITTED), joined(EN, Status.DEPRECATED),
        " ".join(flags), concept.note, concept.source,
    ]


def format_concepts(concepts: list[Concept]) -> str:
    """The canonical text of a concept file: header, then rows sorted by id."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(HEADER)
    for concept in sorted(concepts, key=lambda c: c.id):
        writer.writerow(concept_row(concept))
    return out.getvalue()


def parse_examples(text: str, path: str) -> tuple[list[Example], list[Problem]]:
    """Parse ``examples.csv``: concept id, Chinese sentence, English rendering, expectation."""
    problems: list[Problem] = []
    examples: list[Example] = []
    if text.startswith("\ufeff"):
        text = text[1:]
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    except csv.Error as exc:
        return examples, [Problem(path, 0, f"malformed CSV: {exc}")]
    if not rows or tuple(rows[0]) != EXAMPLES_HEADER:
        return examples, [Problem(path, 1, "bad header: expected " + ",".join(EXAMPLES_HEADER))]
    lines = _record_lines(text)
    for index, row in enumerate(rows[1:], start=1):
        line = lines[index] if index < len(lines) else index + 1
        if len(row) != len(EXAMPLES_HEADER):
            problems.append(Problem(path, line, f"expected {len(EXAMPLES_HEADER)} columns, found {len(row)}"))
            continue
        concept_id, zh, en, expect = row
        examples.append(Example(concept_id, zh, en, expect, path, line))
    return examples, problems


def format_examples(examples: list[Example]) -> str:
    """The canonical text of ``examples.csv`` (file order kept: examples read as a story)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(EXAMPLES_HEADER)
    for ex in examples:
        writer.writerow([ex.concept_id, ex.zh, ex.en, ex.expect])
    return out.getvalue()
