"""Edits of a glossary layer, as pure functions from concepts to concepts, and the write plan.

The CLI reads the target layer, calls one of these, validates the whole layered glossary with
the result in memory, and only then writes the changed files (atomically). Nothing here touches
the disk.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from shuyu.errors import InputError
from shuyu.glossary.csvio import CATEGORY_FILES
from shuyu.glossary.csvio import format_concepts
from shuyu.model import EN
from shuyu.model import Concept
from shuyu.model import Status
from shuyu.model import Term


def add_concept(concepts: list[Concept], concept: Concept) -> list[Concept]:
    """The layer with ``concept`` added.

    :raises InputError: when the id is already taken in this layer.
    """
    if any(c.id == concept.id for c in concepts):
        raise InputError(f"concept {concept.id!r} already exists", hint="use 'shuyu glossary edit' to change it")
    return [*concepts, concept]


def find_concept(concepts: list[Concept], concept_id: str) -> Concept:
    """The concept with ``concept_id`` in this layer.

    :raises InputError: when there is none.
    """
    for concept in concepts:
        if concept.id == concept_id:
            return concept
    raise InputError(f"unknown concept id {concept_id!r}",
                     hint="'shuyu glossary search' finds ids; templates are edited by their own id")


def replace_concept(concepts: list[Concept], new: Concept) -> list[Concept]:
    """The layer with the concept of ``new.id`` replaced by ``new`` (same file, same place)."""
    old = find_concept(concepts, new.id)
    return [replace(new, path=old.path, line=old.line) if c.id == new.id else c for c in concepts]


def remove_concept(concepts: list[Concept], concept_id: str) -> list[Concept]:
    """The layer without ``concept_id``."""
    find_concept(concepts, concept_id)
    return [c for c in concepts if c.id != concept_id]


def deprecate_term(concepts: list[Concept], concept_id: str, form: str, lang: str = EN) -> list[Concept]:
    """Mark ``form`` deprecated for a concept: an admitted form changes status, a new form is added.

    :raises InputError: when ``form`` is the concept's preferred term (make another preferred first).
    """
    concept = find_concept(concepts, concept_id)
    terms = list(concept.terms)
    for i, term in enumerate(terms):
        if term.lang == lang and term.text == form:
            if term.status == Status.PREFERRED:
                raise InputError(f"{form!r} is the preferred {lang} term of {concept_id}",
                                 hint="make another form preferred with 'shuyu glossary edit' first")
            terms[i] = replace(term, status=Status.DEPRECATED)
            break
    else:
        flags = concept.terms_in(lang)
        case_sensitive = any(t.case_sensitive for t in flags)
        plural = all(t.plural for t in flags) if flags else True
        terms.append(Term(form, lang, Status.DEPRECATED, case_sensitive=case_sensitive, plural=plural))
    return replace_concept(concepts, replace(concept, terms=terms))


def file_for(concept: Concept, target: Path) -> Path:
    """The file a concept belongs in: its own file, or its category's file in a directory target."""
    if concept.path:
        return Path(concept.path)
    if target.is_dir() or not target.suffix:
        return target / CATEGORY_FILES[concept.category]
    return target


def render_files(concepts: list[Concept], target: Path, touched: set[Path]) -> dict[Path, str]:
    """The canonical text of every file in ``touched`` after an edit (a file may become empty)."""
    by_file: dict[Path, list[Concept]] = {path: [] for path in touched}
    for concept in concepts:
        path = file_for(concept, target)
        if path in by_file:
            by_file[path].append(concept)
    return {path: format_concepts(items) for path, items in by_file.items()}
