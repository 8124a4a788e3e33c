"""`shuyu glossary …`: list, show, search, edit, validate, format, import and export the glossary."""

from __future__ import annotations

import json
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Annotated

import typer

from shuyu.cli._errors import fail
from shuyu.cli._errors import handles_errors
from shuyu.cli._options import GlossaryOpt
from shuyu.cli._options import NoBundledOpt
from shuyu.cli._options import OutputOpt
from shuyu.errors import InputError
from shuyu.errors import Problem
from shuyu.exitcodes import ExitCode
from shuyu.formats.decode import decode_bytes
from shuyu.formats.decode import read_bytes
from shuyu.fsutil import write_atomic
from shuyu.glossary import edit
from shuyu.glossary.csvio import EXAMPLES_FILE
from shuyu.glossary.csvio import format_concepts
from shuyu.glossary.csvio import format_examples
from shuyu.glossary.load import Layer
from shuyu.glossary.load import build_glossary
from shuyu.glossary.load import bundled_dir
from shuyu.glossary.load import glossary_files
from shuyu.glossary.load import load_glossary
from shuyu.glossary.load import read_file_text
from shuyu.glossary.load import read_layer
from shuyu.glossary.search import search as search_glossary
from shuyu.model import EN
from shuyu.model import ZH
from shuyu.model import Category
from shuyu.model import Concept
from shuyu.model import Level
from shuyu.model import Status
from shuyu.model import Term

app = typer.Typer(no_args_is_help=True, help="Manage the glossary: list, search, edit, validate, import, export.")


def _paths(glossary: list[Path] | None) -> list[Path]:
    return list(glossary or [])


def _describe(concept: Concept) -> str:
    zh, en = concept.preferred(ZH), concept.preferred(EN)
    return f"{concept.id}\t{concept.category.value}\t{zh}\t{en}"


@app.command("list")
@handles_errors
def list_(
    glossary: GlossaryOpt = None,
    no_bundled: NoBundledOpt = False,
    category: Annotated[Category | None, typer.Option(help="Only this category.")] = None,
    expanded: Annotated[bool, typer.Option(help="Include every template expansion.")] = False,
) -> None:
    """List concepts: id, category, preferred Chinese, preferred English (tab-separated)."""
    g = load_glossary(_paths(glossary), bundled=not no_bundled)
    pool = dict(g.concepts)
    if expanded:
        pool.update(g.expanded)
    for cid in sorted(pool):
        concept = pool[cid]
        if category is None or concept.category == category:
            print(_describe(concept))


@app.command()
@handles_errors
def show(
    concept_id: Annotated[str, typer.Argument(help="A concept id (an expanded id such as municipal-party-secretary@wuxi too).")],
    glossary: GlossaryOpt = None,
    no_bundled: NoBundledOpt = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Show one concept: its terms with their status, place, template, note and source."""
    g = load_glossary(_paths(glossary), bundled=not no_bundled)
    concept = g.get(concept_id)
    if concept is None:
        raise InputError(f"unknown concept id {concept_id!r}", hint="'shuyu glossary search' finds ids")
    if as_json:
        print(json.dumps(_concept_json(concept), ensure_ascii=False, indent=2))
        return
    print(f"{concept.id} ({concept.category.value})")
    if concept.level:
        print(f"  level: {concept.level.value}" + (f", parent: {concept.parent}" if concept.parent else ""))
    if concept.zh_name or concept.en_name:
        print(f"  name: {concept.zh_name} / {concept.en_name}")
    if concept.romanization_exception:
        print(f"  romanization exception: {concept.romanization_exception}")
    if concept.is_template:
        levels = " ".join(level.value for level in concept.over)
        count = sum(1 for c in g.expanded.values() if c.template == concept.id)
        print(f"  template over: {levels}" + (f" within {concept.within}" if concept.within else "")
              + f" ({count} expansions)")
    if concept.template:
        print(f"  expanded from template {concept.template} over place {concept.place}")
    for term in concept.terms:
        mark = " (romanization)" if term.romanization else ""
        print(f"  {term.lang} {term.status.value}: {term.text}{mark}")
    if concept.note:
        print(f"  note: {concept.note}")
    if concept.source:
        print(f"  source: {concept.source}")
    if concept.path:
        print(f"  defined at: {concept.path}:{concept.line}")


def _concept_json(concept: Concept) -> dict[str, object]:
    return {
        "id": concept.id, "category": concept.category.value,
        "level": concept.level.value if concept.level else None, "parent": concept.parent,
        "zh_name": concept.zh_name, "en_name": concept.en_name,
        "template": concept.template, "place": concept.place,
        "terms": [{"lang": t.lang, "text": t.text, "status": t.status.value, "romanization": t.romanization}
                  for t in concept.terms],
        "note": concept.note, "source": concept.source,
    }


@app.command()
@handles_errors
def search(
    query: Annotated[str, typer.Argument(help="Chinese (Simplified or Traditional), English, or pinyin.")],
    glossary: GlossaryOpt = None,
    no_bundled: NoBundledOpt = False,
    expanded: Annotated[bool, typer.Option(help="Search template expansions too.")] = False,
) -> None:
    """Find concepts by Chinese, English (partial, any case) or pinyin (tones and spaces optional)."""
    g = load_glossary(_paths(glossary), bundled=not no_bundled)
    hits = search_glossary(g, query, expanded=expanded)
    if not hits:
        print(f"no concept matches {query!r}", file=sys.stderr)
        raise typer.Exit(int(ExitCode.FINDINGS))
    for hit in hits:
        print(f"{_describe(hit.concept)}\t[{hit.key}]")


def _target(glossary: list[Path] | None, target: Path | None) -> Path:
    """Where edits go: --target, else the last --glossary, else the bundled glossary directory."""
    if target is not None:
        return target
    if glossary:
        return glossary[-1]
    return bundled_dir()


def _apply(glossary: list[Path] | None, target: Path, no_bundled: bool,
           change: list[Concept], touched_concepts: list[Concept]) -> None:
    """Validate the layered glossary with the edited target layer, then write what changed.

    ``change`` is the edited concept list of the target layer. Nothing is written when the
    result does not validate: the files stay byte-identical.
    """
    layers: list[Layer] = []
    sources = ([] if no_bundled else [bundled_dir()]) + _paths(glossary)
    if target.resolve() not in [p.resolve() for p in sources]:
        sources.append(target)
    target_layer = None
    for path in sources:
        if path.resolve() == target.resolve():
            layer = read_layer(target) if target.exists() else Layer(str(target))
            target_layer = Layer(layer.path, list(change), layer.examples, [], layer.problems)
            layers.append(target_layer)
        else:
            layers.append(read_layer(path))
    touched = {edit.file_for(c, target) for c in touched_concepts}
    files = edit.render_files(change, target, touched)
    assert target_layer is not None
    target_layer.texts = [(p.name, t) for p, t in files.items()]
    _, problems = build_glossary(layers)
    if problems:
        for problem in problems[:20]:
            print(f"shuyu: {problem}", file=sys.stderr)
        raise fail(f"refused: the edit would leave {len(problems)} problem(s) in the glossary; nothing was written")
    for path, text in sorted(files.items()):
        if not target.exists() and target.suffix == "":
            target.mkdir(parents=True, exist_ok=True)
        write_atomic(path, text)
        print(f"wrote {path}", file=sys.stderr)


def inherited_concepts(glossary: list[Path] | None, target: Path, no_bundled: bool) -> dict[str, Concept]:
    """The written concepts (templates unexpanded) of the layers a target layer sits on: the bundled glossary
    unless ``no_bundled``, then each ``--glossary`` but the target, a later layer's concept overriding an
    earlier one's (what a concept of the target would override)."""
    out: dict[str, Concept] = {}
    resolved = target.resolve()
    for path in ([] if no_bundled else [bundled_dir()]) + _paths(glossary):
        if path.resolve() == resolved or not path.exists():
            continue
        out.update((c.id, c) for c in read_layer(path).concepts)
    return out


def override_copy(concept: Concept, target: Path) -> Concept:
    """A concept of a lower layer copied whole into ``target`` (in the file its category goes to), so that the
    target's version, edited, overrides it: a layer's concept replaces the one below, it does not add to it."""
    copy = replace(concept, path="", line=0)
    copy.path = str(edit.file_for(copy, target))
    return copy


def _layer_concepts(target: Path) -> list[Concept]:
    if not target.exists():
        return []
    layer = read_layer(target)
    if layer.problems:
        raise InputError(f"cannot edit: {layer.problems[0]}", hint="run 'shuyu glossary validate' first")
    return layer.concepts


def _terms(lang: str, preferred: str | None, admitted: list[str], deprecated: list[str],
           case_sensitive: bool, plural: bool) -> list[Term]:
    out = [Term(preferred, lang, Status.PREFERRED, case_sensitive and lang == EN, plural)] if preferred else []
    out += [Term(t, lang, Status.ADMITTED, case_sensitive and lang == EN, plural) for t in admitted]
    out += [Term(t, lang, Status.DEPRECATED, case_sensitive and lang == EN, plural) for t in deprecated]
    return out


TargetOpt = Annotated[Path | None, typer.Option(
    "--target", help="The glossary directory or file to edit (default: the last --glossary, else the bundled one).")]
ZhOpt = Annotated[str | None, typer.Option("--zh", help="Preferred Chinese term.")]
EnOpt = Annotated[str | None, typer.Option("--en", help="Preferred English term.")]
ListOpt = Annotated[list[str] | None, typer.Option()]


@app.command()
@handles_errors
def add(
    concept_id: Annotated[str, typer.Option("--id", help="Stable kebab-case id.")],
    category: Annotated[Category, typer.Option(help="title, organization, place, person or term.")],
    zh: ZhOpt = None,
    en: EnOpt = None,
    zh_admitted: Annotated[list[str] | None, typer.Option("--zh-admitted")] = None,
    en_admitted: Annotated[list[str] | None, typer.Option("--en-admitted")] = None,
    zh_deprecated: Annotated[list[str] | None, typer.Option("--zh-deprecated")] = None,
    en_deprecated: Annotated[list[str] | None, typer.Option("--en-deprecated")] = None,
    level: Annotated[Level | None, typer.Option(help="Places: administrative level.")] = None,
    parent: Annotated[str | None, typer.Option(help="Places: id of the containing place.")] = None,
    zh_name: Annotated[str, typer.Option("--zh-name", help="Places/persons: Chinese proper name.")] = "",
    en_name: Annotated[str, typer.Option("--en-name", help="Places/persons: English proper name.")] = "",
    romanization: Annotated[str, typer.Option(help="A documented romanisation exception.")] = "",
    over: Annotated[list[Level] | None, typer.Option(help="Templates: levels to expand over.")] = None,
    within: Annotated[str | None, typer.Option(help="Templates: only places under this place id.")] = None,
    case_sensitive: Annotated[bool, typer.Option("--case-sensitive")] = False,
    no_plural: Annotated[bool, typer.Option("--no-plural")] = False,
    note: Annotated[str, typer.Option()] = "",
    source: Annotated[str, typer.Option(help="Where the approved form comes from (required).")] = "",
    glossary: GlossaryOpt = None,
    no_bundled: NoBundledOpt = False,
    target: TargetOpt = None,
) -> None:
    """Add a concept; it is validated with the whole glossary before anything is written."""
    where = _target(glossary, target)
    concepts = _layer_concepts(where)
    terms = (_terms(ZH, zh, zh_admitted or [], zh_deprecated or [], False, not no_plural)
             + _terms(EN, en, en_admitted or [], en_deprecated or [], case_sensitive, not no_plural))
    concept = Concept(concept_id, category, terms, level=level, parent=parent, zh_name=zh_name,
                      en_name=en_name, over=tuple(over or ()), within=within, note=note, source=source,
                      romanization_exception=romanization)
    concept.path = str(edit.file_for(concept, where))
    _apply(glossary, where, no_bundled, edit.add_concept(concepts, concept), [concept])


@app.command("edit")
@handles_errors
def edit_(
    concept_id: Annotated[str, typer.Argument(help="The id of the concept to change.")],
    zh: ZhOpt = None,
    en: EnOpt = None,
    add_zh_admitted: Annotated[list[str] | None, typer.Option("--add-zh-admitted")] = None,
    add_en_admitted: Annotated[list[str] | None, typer.Option("--add-en-admitted")] = None,
    add_en_deprecated: Annotated[list[str] | None, typer.Option("--add-en-deprecated")] = None,
    remove_term: Annotated[list[str] | None, typer.Option("--remove-term", help="Drop this form (any language).")] = None,
    note: Annotated[str | None, typer.Option()] = None,
    source: Annotated[str | None, typer.Option()] = None,
    romanization: Annotated[str | None, typer.Option()] = None,
    glossary: GlossaryOpt = None,
    no_bundled: NoBundledOpt = False,
    target: TargetOpt = None,
) -> None:
    """Change a concept: a new preferred term (the old one becomes admitted), added forms, note, source."""
    where = _target(glossary, target)
    concepts = _layer_concepts(where)
    if all(c.id != concept_id for c in concepts):
        below = inherited_concepts(glossary, where, no_bundled).get(concept_id)
        if below is not None:  # a concept of the glossary below: the target gets a whole copy that overrides it
            concepts = [*concepts, override_copy(below, where)]
            print(f"note: {concept_id} is copied from {below.path or 'the glossary below'} into {where}, where it "
                  "overrides it", file=sys.stderr)
    concept = edit.find_concept(concepts, concept_id)
    terms = list(concept.terms)
    flags = {lang: concept.terms_in(lang) for lang in (ZH, EN)}

    def like(lang: str, text: str, status: Status) -> Term:
        model = flags[lang][0] if flags[lang] else Term(text, lang)
        return Term(text, lang, status, model.case_sensitive, model.plural)

    for lang, new in ((ZH, zh), (EN, en)):
        if new is None:
            continue
        terms = [replace(t, status=Status.ADMITTED) if t.lang == lang and t.status == Status.PREFERRED else t
                 for t in terms if not (t.lang == lang and t.text == new)]
        terms.insert(0, like(lang, new, Status.PREFERRED))
    for lang, status, items in ((ZH, Status.ADMITTED, add_zh_admitted), (EN, Status.ADMITTED, add_en_admitted),
                                (EN, Status.DEPRECATED, add_en_deprecated)):
        terms += [like(lang, text, status) for text in items or []]
    for text in remove_term or []:
        if not any(t.text == text for t in terms):
            raise InputError(f"{concept_id} has no term {text!r}")
        terms = [t for t in terms if t.text != text]
    changed = replace(concept, terms=terms,
                      note=concept.note if note is None else note,
                      source=concept.source if source is None else source,
                      romanization_exception=concept.romanization_exception if romanization is None else romanization)
    _apply(glossary, where, no_bundled, edit.replace_concept(concepts, changed), [changed])


@app.command()
@handles_errors
def deprecate(
    concept_id: Annotated[str, typer.Argument(help="The concept id.")],
    form: Annotated[str, typer.Argument(help="The form to mark deprecated (a known wrong form).")],
    lang: Annotated[str, typer.Option(help="Language of the form: en or zh.")] = EN,
    glossary: GlossaryOpt = None,
    no_bundled: NoBundledOpt = False,
    target: TargetOpt = None,
) -> None:
    """Mark a form deprecated: using it becomes an error that names the preferred form."""
    if lang not in (ZH, EN):
        raise InputError(f"unknown language {lang!r}", hint="use en or zh")
    where = _target(glossary, target)
    concepts = _layer_concepts(where)
    changed = edit.deprecate_term(concepts, concept_id, form, lang)
    _apply(glossary, where, no_bundled, changed, [edit.find_concept(changed, concept_id)])


@app.command()
@handles_errors
def remove(
    concept_id: Annotated[str, typer.Argument(help="The concept id.")],
    glossary: GlossaryOpt = None,
    no_bundled: NoBundledOpt = False,
    target: TargetOpt = None,
) -> None:
    """Remove a concept (refused when others depend on it, e.g. as parent or template place)."""
    where = _target(glossary, target)
    concepts = _layer_concepts(where)
    gone = edit.find_concept(concepts, concept_id)
    _apply(glossary, where, no_bundled, edit.remove_concept(concepts, concept_id), [gone])


@app.command()
@handles_errors
def validate(
    glossary: GlossaryOpt = None,
    no_bundled: NoBundledOpt = False,
    examples: Annotated[bool, typer.Option(help="Run the glossary's examples through the check engine.")] = True,
) -> None:
    """Check every glossary file and example; print each problem with its file and line."""
    from shuyu.glossary.load import read_glossary

    g, problems = read_glossary(_paths(glossary), bundled=not no_bundled)
    if examples and not problems:
        problems = list(problems) + _example_problems(g)
    for problem in problems:
        print(str(problem))
    if problems:
        print(f"{len(problems)} problem(s)", file=sys.stderr)
        raise typer.Exit(int(ExitCode.FINDINGS))
    print(f"ok: {len(g.concepts)} concepts, {len(g.expanded)} after expansion, {len(g.examples)} examples",
          file=sys.stderr)


def _example_problems(g: object) -> list[Problem]:
    """Examples that do not behave, through the check engine."""
    from shuyu.checks.examples import run_example_checks
    from shuyu.glossary.model import Glossary

    assert isinstance(g, Glossary)
    return run_example_checks(g)


@app.command()
@handles_errors
def fmt(
    check: Annotated[bool, typer.Option("--check", help="Do not write; exit 1 if any file is not canonical.")] = False,
    glossary: GlossaryOpt = None,
) -> None:
    """Rewrite glossary files in their canonical form (sorted, one record per concept)."""
    targets = _paths(glossary) or [bundled_dir()]
    drift = []
    for target in targets:
        layer = read_layer(target)
        if layer.problems:
            raise InputError(f"cannot format: {layer.problems[0]}", hint="run 'shuyu glossary validate'")
        for file in glossary_files(target):
            text = read_file_text(file)
            if file.name == EXAMPLES_FILE:
                canonical = format_examples([e for e in layer.examples if Path(e.path) == file])
            else:
                canonical = format_concepts([c for c in layer.concepts if Path(c.path) == file])
            if canonical != text:
                drift.append(file)
                if not check:
                    write_atomic(file, canonical)
    for file in drift:
        print(f"{'would reformat' if check else 'reformatted'} {file}", file=sys.stderr)
    if check and drift:
        raise typer.Exit(int(ExitCode.FINDINGS))


@app.command()
@handles_errors
def stats(
    glossary: GlossaryOpt = None,
    no_bundled: NoBundledOpt = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Concepts per category, templates, and terms after expansion."""
    g = load_glossary(_paths(glossary), bundled=not no_bundled)
    data = glossary_stats(g)
    if as_json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return
    print(f"concepts: {data['concepts']} ({data['templates']} templates)")
    for name, count in data["by_category"].items():  # type: ignore[attr-defined]
        print(f"  {name}: {count}")
    print("places by level: " + ", ".join(f"{k} {v}" for k, v in data["places_by_level"].items()))  # type: ignore[attr-defined]
    print(f"after expansion: {data['expanded_concepts']} concepts, {data['terms']} terms "
          f"({data['terms_zh']} zh, {data['terms_en']} en; {data['deprecated']} deprecated, "
          f"{data['romanization_variants']} derived romanisation variants)")
    print(f"examples: {data['examples']}")


def glossary_stats(g: object) -> dict[str, object]:
    """Counts for `glossary stats` (also used by the README)."""
    from shuyu.glossary.model import Glossary

    assert isinstance(g, Glossary)
    by_cat = Counter(c.category.value for c in g.concepts.values())
    levels = Counter(c.level.value for c in g.places() if c.level)
    terms = [t for c in g.expanded.values() for t in c.terms]
    return {
        "concepts": len(g.concepts),
        "templates": len(g.templates()),
        "by_category": {c.value: by_cat.get(c.value, 0) for c in Category},
        "places_by_level": dict(sorted(levels.items())),
        "expanded_concepts": len(g.expanded),
        "terms": len(terms),
        "terms_zh": sum(1 for t in terms if t.lang == ZH),
        "terms_en": sum(1 for t in terms if t.lang == EN),
        "deprecated": sum(1 for t in terms if t.status == Status.DEPRECATED),
        "romanization_variants": sum(1 for t in terms if t.romanization),
        "examples": len(g.examples),
        "digest": g.digest,
    }


FormatOpt = Annotated[str, typer.Option("--format", "-f", help="tbx, csv or json.")]


@app.command("export")
@handles_errors
def export(
    format_: FormatOpt = "tbx",
    output: OutputOpt = None,
    expanded: Annotated[bool, typer.Option("--expanded", help="TBX: write every template expansion (for CAT "
                                           "tools) instead of the templates.")] = False,
    glossary: GlossaryOpt = None,
    no_bundled: NoBundledOpt = False,
) -> None:
    """Export the glossary as TBX (TBX-Basic, v3), exchange CSV or JSON."""
    from shuyu.formats import exchange
    from shuyu.formats import tbx

    g = load_glossary(_paths(glossary), bundled=not no_bundled)
    writers = {"tbx": tbx.export_tbx, "csv": exchange.export_csv, "json": exchange.export_json}
    if format_ not in writers:
        raise InputError(f"unknown export format {format_!r}", hint="use tbx, csv or json")
    text = tbx.export_tbx(g, expanded=True) if expanded and format_ == "tbx" else writers[format_](g)
    if output is None:
        sys.stdout.write(text)
    else:
        write_atomic(output, text)
        print(f"wrote {output}", file=sys.stderr)


@app.command("import")
@handles_errors
def import_(
    file: Annotated[Path, typer.Argument(help="A TBX, exchange CSV or JSON file.")],
    format_: Annotated[str | None, typer.Option("--format", "-f", help="tbx, csv or json (default: from the suffix).")] = None,
    apply: Annotated[bool, typer.Option("--apply", help="Write the merged glossary (default: show what would change).")] = False,
    glossary: GlossaryOpt = None,
    no_bundled: NoBundledOpt = False,
    target: TargetOpt = None,
) -> None:
    """Import concepts from another tool: show what would change, write only with --apply.

    A concept with a new id is added; for an existing id, new terms are added with their status
    (a proposal's admitted or deprecated forms); nothing in the glossary is removed.
    """
    from shuyu.formats import exchange
    from shuyu.formats import tbx

    fmt_name = format_ or {".tbx": "tbx", ".xml": "tbx", ".csv": "csv", ".json": "json"}.get(file.suffix.lower())
    readers = {"tbx": tbx.import_tbx, "csv": exchange.import_csv, "json": exchange.import_json}
    data = read_bytes(file)  # a missing file is that, whatever its name
    if fmt_name not in readers:
        raise InputError(f"cannot tell the format of {file.name}", path=str(file), hint="pass --format tbx|csv|json")
    if fmt_name == "tbx":
        result = tbx.import_tbx(data, str(file))
    else:
        # As every other input: UTF-8, UTF-16, or GB18030/Big5 (Excel on Chinese Windows saves CSV as GBK).
        result = readers[fmt_name](decode_bytes(data, str(file))[0].removeprefix("\ufeff"), str(file))
    for note in result.unmapped:
        print(f"not mapped: {note}", file=sys.stderr)
    for note in exchange.keep_glossary_languages(result.glossary, str(file)):
        print(f"not mapped: {note}", file=sys.stderr)
    if result.glossary.examples:
        print(f"not mapped: {file}: {len(result.glossary.examples)} example(s) not imported: import merges concepts; "
              "copy examples into the glossary's examples.csv", file=sys.stderr)
    where = _target(glossary, target)
    concepts = _layer_concepts(where)
    merged, changes, touched = merge_imported(concepts, list(result.glossary.concepts.values()), where,
                                              inherited_concepts(glossary, where, no_bundled))
    preview_or_apply(glossary, where, no_bundled, (merged, changes, touched), apply=apply)


def preview_or_apply(glossary: list[Path] | None, where: Path, no_bundled: bool,
                     merge: tuple[list[Concept], list[str], list[Concept]], *, apply: bool) -> None:
    """Print an import's changes as a reviewable diff; write them (validated, atomically) only with ``apply``."""
    merged, changes, touched = merge
    for line in changes:
        print(line)
    if not changes:
        print("no changes", file=sys.stderr)
    elif not apply:
        print(f"{len(changes)} change(s); run again with --apply to write them", file=sys.stderr)
    else:
        _apply(glossary, where, no_bundled, merged, touched)


def merge_imported(concepts: list[Concept], incoming: list[Concept], target: Path,
                   inherited: dict[str, Concept] | None = None) -> tuple[list[Concept], list[str], list[Concept]]:
    """Merge imported concepts into a layer: new ids added, new terms of known ids appended.

    A concept the layer does not have but a layer below it does (``inherited``: the bundled glossary under an
    overlay) is copied whole into the layer first, and the new terms added to the copy: a concept of the layer
    overrides the one below, so a copy with the new terms alone would lose its Chinese, its source and the rest.

    :returns: the merged layer, a reviewable diff (one line per change), and the concepts touched.
    """
    by_id = {c.id: c for c in concepts}
    changes: list[str] = []
    touched: list[Concept] = []
    for new in incoming:
        old = by_id.get(new.id)
        copied = old is None and bool(inherited) and new.id in inherited  # type: ignore[operator]
        if copied:
            old = override_copy(inherited[new.id], target)  # type: ignore[index]
        if old is None:
            fresh = replace(new, path="", line=0)
            fresh.path = str(edit.file_for(fresh, target))
            by_id[new.id] = fresh
            touched.append(fresh)
            changes.append(f"+ {new.id} ({new.category.value}): {new.preferred(ZH)} = {new.preferred(EN)}")
            continue
        known = {(t.lang, t.text) for t in old.terms}
        added = []
        for term in new.terms:
            if (term.lang, term.text) in known:
                continue
            status = Status.ADMITTED if term.status == Status.PREFERRED else term.status
            added.append(replace(term, status=status))
            changes.append(f"~ {new.id}: + {term.lang} {status.value} {term.text!r}")
        if added:
            if copied:
                changes.insert(len(changes) - len(added),
                               f"~ {new.id}: copied from the glossary below into {target}, where it overrides it")
            updated = replace(old, terms=[*old.terms, *added])
            by_id[new.id] = updated
            touched.append(updated)
    return [by_id[k] for k in sorted(by_id)], changes, touched

