"""`shuyu po export | compile | check | import`: the glossary as gettext catalogs, and catalogs against it."""

from __future__ import annotations

import re
import sys
from dataclasses import replace
from pathlib import Path
from typing import Annotated

import typer

from shuyu.cache import load_with_matcher
from shuyu.checks.base import CheckSettings
from shuyu.checks.engine import check_release
from shuyu.cli._errors import handles_errors
from shuyu.cli._options import FailOnOpt
from shuyu.cli._options import FormatOpt
from shuyu.cli._options import GlossaryOpt
from shuyu.cli._options import NoBundledOpt
from shuyu.cli._options import OutputOpt
from shuyu.cli._report import done
from shuyu.cli._report import emit
from shuyu.cli._report import parse_fail_on
from shuyu.cli.glossary import _layer_concepts
from shuyu.cli.glossary import _target
from shuyu.cli.glossary import inherited_concepts
from shuyu.cli.glossary import merge_imported
from shuyu.cli.glossary import preview_or_apply
from shuyu.errors import InputError
from shuyu.exitcodes import ExitCode
from shuyu.formats.po import DIRECTIONS
from shuyu.formats.po import DOMAIN
from shuyu.formats.po import PoMessage
from shuyu.formats.po import concept_from_comment
from shuyu.formats.po import export_files
from shuyu.formats.po import read_po
from shuyu.formats.po import scan_catalog
from shuyu.fsutil import write_atomic
from shuyu.glossary.edit import file_for
from shuyu.glossary.load import bundled_dir
from shuyu.glossary.romanize import syllables
from shuyu.model import EN
from shuyu.model import ZH
from shuyu.model import Category
from shuyu.model import Concept
from shuyu.model import Finding
from shuyu.model import Level
from shuyu.model import Status
from shuyu.model import Term
from shuyu.signature import signature
from shuyu.text.document import Document
from shuyu.text.document import Segment
from shuyu.text.offsets import LineIndex

app = typer.Typer(no_args_is_help=True, help="Glossary PO/POT/MO files, and application catalogs checked against the glossary.")
PO_RULES = frozenset({"term-missing", "term-deprecated", "untranslated", "number-mismatch", "name-romanization"})
OutputDirOpt = Annotated[Path | None, typer.Option("--output-dir", help="Where locales go (default: locales/ of the "
                                                   "project, next to glossaries/).")]


def _locales_dir(output_dir: Path | None) -> Path:
    return output_dir if output_dir is not None else bundled_dir().parent / "locales"


@app.command()
@handles_errors
def export(
    output_dir: OutputDirOpt = None,
    check: Annotated[bool, typer.Option("--check", help="Write nothing; exit 1 when the files on disk differ.")] = False,
    glossary: GlossaryOpt = None,
    no_bundled: NoBundledOpt = False,
) -> None:
    """Write glossary.pot and the en and zh_Hans glossary catalogs (sorted, unwrapped, byte-stable)."""
    g, _ = load_with_matcher(list(glossary or []), bundled=not no_bundled)
    root = _locales_dir(output_dir)
    stale = []
    for rel, text in export_files(g).items():
        path = root / rel
        current = path.read_text(encoding="utf-8") if path.is_file() else None
        if current == text:
            continue
        stale.append(path)
        if not check:
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(path, text)
    for path in stale:
        print(f"{'out of date' if check else 'wrote'}: {path}", file=sys.stderr)
    if check and stale:
        print("run 'shuyu po export' to regenerate", file=sys.stderr)
        raise typer.Exit(int(ExitCode.FINDINGS))


@app.command()
@handles_errors
def compile(
    output_dir: OutputDirOpt = None,
) -> None:
    """Compile every glossary catalog under locales/ to an MO file next to it."""
    root = _locales_dir(output_dir)
    found = False
    for locale in DIRECTIONS:
        po_path = root / locale / "LC_MESSAGES" / f"{DOMAIN}.po"
        if not po_path.is_file():
            continue
        found = True
        mo_path = po_path.with_suffix(".mo")
        tmp = mo_path.with_name(f".{mo_path.name}.tmp")
        read_po(po_path).save_as_mofile(str(tmp))
        write_atomic(mo_path, tmp.read_bytes())
        tmp.unlink()
        print(f"wrote {mo_path}", file=sys.stderr)
    if not found:
        raise InputError("no glossary catalogs to compile", path=str(root), hint="run 'shuyu po export' first")


def catalog_documents(path: str, text: str, message: PoMessage, index: LineIndex) -> list[tuple[Document, Document]]:
    """(source, translation) documents of one entry, form by form: every character of the msgid and
    msgstr at its exact place in the file (continuation lines, escapes and ``#~`` prefixes followed)."""
    out = []
    for source, form in message.forms():
        zh_doc = Document(path=path, text=text, segments=[Segment(source.text, source.offsets)])
        en_doc = Document(path=path, text=text, segments=[Segment(form.text, form.offsets)])
        zh_doc._lines = en_doc._lines = index
        out.append((zh_doc, en_doc))
    return out


@app.command("check")
@handles_errors
def check_catalogs(
    catalogs: Annotated[list[Path], typer.Argument(help="Application PO files to check.")],
    lang: Annotated[str | None, typer.Option("--lang", help="The catalog's target language (default: its Language "
                                             "header).")] = None,
    include_fuzzy: Annotated[bool, typer.Option("--include-fuzzy", help="Check fuzzy entries too.")] = False,
    include_obsolete: Annotated[bool, typer.Option("--include-obsolete", help="Check obsolete (#~) entries too.")] = False,
    format_: FormatOpt = "text",
    output: OutputOpt = None,
    fail_on: FailOnOpt = None,
    glossary: GlossaryOpt = None,
    no_bundled: NoBundledOpt = False,
) -> None:
    """Check an application's catalogs (Chinese msgid, English msgstr) against the glossary."""
    level = parse_fail_on(fail_on)
    g, matcher = load_with_matcher(list(glossary or []), bundled=not no_bundled)
    settings = CheckSettings(PO_RULES)
    findings: list[Finding] = []
    for path in catalogs:
        po = read_po(path)
        target = (lang or po.metadata.get("Language", "")).lower()
        if not target.startswith("en"):
            raise InputError(f"catalog language {target or 'unset'!r}: shuyu checks Chinese → English catalogs",
                             path=str(path), hint="pass --lang en if the msgstrs are English")
        text = path.read_text(encoding="utf-8")
        index = LineIndex.of(text)
        messages = scan_catalog(text)
        entries = [m for m in messages if m.msgid and m.msgid.text and not m.obsolete
                   and (include_fuzzy or "fuzzy" not in m.flags)]
        if include_obsolete:
            entries += [m for m in messages if m.obsolete]
        for message in entries:
            if not any(form.text for _, form in message.forms()):
                continue  # untranslated entries are the translator's to-do list, not terminology errors
            for zh_doc, en_doc in catalog_documents(str(path), text, message, index):
                findings += check_release(zh_doc, en_doc, g, matcher, settings).findings
    code = emit(findings, fmt=format_, output=output, fail_on=level, files=[str(p) for p in catalogs],
                signature=signature(g, settings))
    done(code)


@app.command("import")
@handles_errors
def import_catalog(
    file: Annotated[Path, typer.Argument(help="A glossary catalog edited in Poedit or Weblate.")],
    apply: Annotated[bool, typer.Option("--apply", help="Write the changes (default: show them).")] = False,
    as_: Annotated[str, typer.Option("--as", help="Import changed translations as admitted (default) or preferred "
                                     "forms.")] = "admitted",
    glossary: GlossaryOpt = None,
    no_bundled: NoBundledOpt = False,
    target: Annotated[Path | None, typer.Option("--target", help="The glossary to write to (default: the last "
                                                "--glossary, else the bundled one).")] = None,
) -> None:
    """Take translators' edits of a glossary catalog back: a reviewable diff, written only with --apply."""
    if as_ not in ("admitted", "preferred"):
        raise InputError(f"--as {as_!r}", hint="use admitted or preferred")
    po = read_po(file)
    locale = po.metadata.get("Language", "en")
    source, dest = DIRECTIONS.get(locale, DIRECTIONS["en"])
    g, _ = load_with_matcher(list(glossary or []), bundled=not no_bundled)
    where = _target(glossary, target)
    incoming: list[Concept] = []
    unplaced = []
    for entry in po:
        if not entry.msgid or not entry.msgstr or "fuzzy" in entry.flags:
            continue
        cid = entry.msgctxt or ""
        concept = g.get(cid)
        if concept is not None and "@" in cid:
            if concept.preferred(dest) != entry.msgstr:
                unplaced.append(f"{file}:{entry.linenum}: {cid} is a template expansion; edit its template "
                                f"{concept.template} instead")
            continue
        if concept is None:
            # A concept this glossary does not have: a new one, its category from the export's comment.
            fields = concept_from_comment(entry.comment or "")
            values = {c.value for c in Category}
            levels = {lv.value for lv in Level}
            incoming.append(Concept(
                _slug(cid.replace("@", "-") or entry.msgid),
                Category(fields["category"]) if fields.get("category") in values else Category.TERM,
                [Term(entry.msgid, source), Term(entry.msgstr, dest)],
                level=Level(fields["level"]) if fields.get("level") in levels else None,
                parent=fields.get("parent"), zh_name=fields.get("zh_name", ""), en_name=fields.get("en_name", ""),
                romanization_exception=fields.get("romanization", ""), note=fields.get("note", ""),
                source=fields.get("source") or f"imported from {file.name}"))
            continue
        if concept.preferred(dest) == entry.msgstr and concept.preferred(source) == entry.msgid:
            continue
        if as_ == "preferred":
            terms = [replace(t, status=Status.ADMITTED) if t.lang == dest and t.status == Status.PREFERRED else t
                     for t in concept.terms if not (t.lang == dest and t.text == entry.msgstr)]
            incoming.append(replace(concept, terms=[Term(entry.msgstr, dest), *terms]))
        else:
            incoming.append(replace(concept, terms=[Term(entry.msgstr, dest, Status.ADMITTED)]))
    for line in unplaced:
        print(f"not placed: {line}", file=sys.stderr)
    concepts = _layer_concepts(where)
    if as_ == "preferred":
        merge = replace_preferred(concepts, incoming, where, dest)
    else:
        merge = merge_imported(concepts, incoming, where, inherited_concepts(glossary, where, no_bundled))
    preview_or_apply(glossary, where, no_bundled, merge, apply=apply)


def replace_preferred(concepts: list[Concept], incoming: list[Concept], target: Path,
                      lang: str) -> tuple[list[Concept], list[str], list[Concept]]:
    """Layer ``incoming`` concepts (whose preferred ``lang`` term changed) over the target layer."""
    by_id = {c.id: c for c in concepts}
    changes, touched = [], []
    for c in incoming:
        old = by_id.get(c.id)
        if old is not None:
            c = replace(c, path=old.path, line=old.line)
            changes.append(f"~ {c.id}: preferred {lang} becomes {c.preferred(lang)!r} (was {old.preferred(lang)!r})")
        else:
            c = replace(c, path="", line=0)
            c.path = str(file_for(c, target))
            changes.append(f"+ {c.id}: {c.preferred(ZH)} = {c.preferred(EN)}")
        by_id[c.id] = c
        touched.append(c)
    return [by_id[k] for k in sorted(by_id)], changes, touched


def _slug(text: str) -> str:
    ascii_text = text if text.isascii() else "-".join(syllables(text))
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "imported"
