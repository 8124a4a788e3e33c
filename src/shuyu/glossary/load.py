"""Loading glossaries from disk: the bundled one, layered with the user's, validated and expanded.

This is the glossary package's only file I/O: the parsing, validation and expansion it calls
are pure functions over text and concepts.
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field
from pathlib import Path

from shuyu.errors import GlossaryError
from shuyu.errors import InputError
from shuyu.errors import Problem
from shuyu.glossary.csvio import EXAMPLES_FILE
from shuyu.glossary.csvio import parse_concepts
from shuyu.glossary.csvio import parse_examples
from shuyu.glossary.expand import expand
from shuyu.glossary.model import Glossary
from shuyu.glossary.model import content_digest
from shuyu.glossary.validate import check_examples
from shuyu.glossary.validate import check_glossary
from shuyu.model import Concept
from shuyu.model import Example


def bundled_dir() -> Path:
    """The bundled glossary: inside the installed package, or ``glossaries/`` of a source checkout."""
    packaged = Path(__file__).resolve().parent.parent / "_data" / "glossaries"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "glossaries"


@dataclass(slots=True)
class Layer:
    """One glossary source (a directory or a file) as read, before merging."""

    path: str
    concepts: list[Concept] = field(default_factory=list)
    examples: list[Example] = field(default_factory=list)
    texts: list[tuple[str, str]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def read_file_text(path: Path) -> str:
    """A glossary file's text; UTF-8 is required (one clear error otherwise)."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError("no such glossary file", path=str(path), hint="check the --glossary path") from None
    except OSError as exc:
        raise InputError(f"cannot read glossary file: {exc.strerror}", path=str(path)) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"not valid UTF-8 at byte {exc.start}", path=str(path),
                         hint="save the glossary as UTF-8") from None


def glossary_files(path: Path) -> list[Path]:
    """The CSV files of a glossary directory (sorted), or the file itself."""
    if path.is_dir():
        return sorted(p for p in path.glob("*.csv") if p.is_file())
    if path.exists():
        return [path]
    raise InputError("no such glossary file or directory", path=str(path), hint="check the --glossary path")


def read_layer(path: Path) -> Layer:
    """Read every file of one glossary source; problems are collected, not raised."""
    layer = Layer(str(path))
    for file in glossary_files(path):
        text = read_file_text(file)
        name = str(file)
        layer.texts.append((file.name, text))
        if file.name == EXAMPLES_FILE:
            examples, problems = parse_examples(text, name)
            layer.examples.extend(examples)
        else:
            concepts, problems = parse_concepts(text, name)
            layer.concepts.extend(concepts)
        layer.problems.extend(problems)
    return layer


def merge_layers(layers: list[Layer]) -> tuple[list[Concept], list[Example], list[Problem]]:
    """Layer glossaries: a later layer's concept replaces an earlier one with the same id."""
    merged: dict[str, Concept] = {}
    examples: list[Example] = []
    problems: list[Problem] = []
    for layer in layers:
        problems.extend(layer.problems)
        seen: dict[str, Concept] = {}
        for concept in layer.concepts:
            if concept.id in seen:
                first = seen[concept.id]
                problems.append(Problem(concept.path, concept.line,
                                        f"{concept.id}: duplicate id (first defined at {first.path}:{first.line})"))
                continue
            seen[concept.id] = concept
            merged[concept.id] = concept
        examples.extend(layer.examples)
    return [merged[k] for k in sorted(merged)], examples, problems


def build_glossary(layers: list[Layer]) -> tuple[Glossary, list[Problem]]:
    """Merge, validate and expand layers into a glossary, with every problem found."""
    concepts, examples, problems = merge_layers(layers)
    by_id = {c.id: c for c in concepts}
    expanded = expand(by_id)
    problems.extend(check_glossary(concepts, expanded))
    problems.extend(check_examples(examples, expanded))
    texts = [(f"{i}:{name}", text) for i, layer in enumerate(layers) for name, text in layer.texts]
    glossary = Glossary(concepts=by_id, examples=examples, expanded=expanded,
                        sources=[layer.path for layer in layers], digest=content_digest(texts))
    return glossary, problems


def load_glossary(paths: list[str | Path] | None = None, *, bundled: bool = True) -> Glossary:
    """Load the bundled glossary layered with ``paths``, validated and expanded.

    :param paths: user glossaries (directories or CSV files); a concept with the id of a
        bundled one overrides it.
    :param bundled: start from the bundled glossary.
    :raises GlossaryError: when any file has a problem (all of them are listed).
    :raises InputError: when a file is missing or not UTF-8.
    """
    glossary, problems = read_glossary(list(paths or ()), bundled=bundled)
    if problems:
        raise GlossaryError(problems)
    return glossary


def read_glossary(paths: list[str | Path], *, bundled: bool = True) -> tuple[Glossary, list[Problem]]:
    """Like :func:`load_glossary`, but returns the problems instead of raising on them."""
    sources = ([bundled_dir()] if bundled else []) + [Path(p) for p in paths]
    return build_glossary([read_layer(p) for p in sources])
