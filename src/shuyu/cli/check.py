"""`shuyu check SOURCE TRANSLATION`: a translated release against its Chinese source."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from shuyu.cache import load_with_matcher
from shuyu.checks.base import CHECK_RULES
from shuyu.checks.engine import check_release
from shuyu.cli._errors import SWAP_SAMPLE
from shuyu.cli._errors import handles_errors
from shuyu.cli._errors import refuse_swapped
from shuyu.cli._options import FailOnOpt
from shuyu.cli._options import FormatOpt
from shuyu.cli._options import GlossaryOpt
from shuyu.cli._options import IgnoreOpt
from shuyu.cli._options import NoBundledOpt
from shuyu.cli._options import OutputOpt
from shuyu.cli._options import SelectOpt
from shuyu.cli._report import done
from shuyu.cli._report import emit
from shuyu.cli._report import parse_fail_on
from shuyu.cli._report import select_rules
from shuyu.cli._report import settings_from
from shuyu.errors import InputError
from shuyu.formats import read_document
from shuyu.formats.bilingual import read_pairs
from shuyu.formats.decode import read_text
from shuyu.formats.pairdocs import is_pair_file
from shuyu.formats.pairdocs import pair_documents
from shuyu.signature import signature
from shuyu.text.document import Document
from shuyu.text.script import has_han
from shuyu.text.script import mostly_han


@handles_errors
def check(
    source: Annotated[Path, typer.Argument(help="The Chinese source (txt, md, html), or a bilingual file "
                                           "(tsv, tmx, xliff, jsonl) holding both sides.")],
    translation: Annotated[Path | None, typer.Argument(help="The English translation (txt, md, html).")] = None,
    source_type: Annotated[str | None, typer.Option("--source-type", help="Read the source as html, markdown or text.")] = None,
    translation_type: Annotated[str | None, typer.Option(
        "--translation-type", help="Read the translation as html, markdown or text.")] = None,
    format_: FormatOpt = "text",
    output: OutputOpt = None,
    fail_on: FailOnOpt = None,
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    glossary: GlossaryOpt = None,
    no_bundled: NoBundledOpt = False,
) -> None:
    """Check an English translation against its Chinese source: terms, names, numbers, dates, leftovers."""
    level = parse_fail_on(fail_on)
    settings = settings_from(select_rules(CHECK_RULES, select, ignore))
    g, matcher = load_with_matcher(list(glossary or []), bundled=not no_bundled)
    findings = []
    notes: list[str] = []
    if translation is None:
        if not is_pair_file(source):
            raise InputError("give the translation too, or a bilingual file (.tsv, .tmx, .xliff, .jsonl)",
                             path=str(source), hint="shuyu check source.zh.txt translation.en.txt")
        text, _ = read_text(source)
        reader = read_pairs(source)
        pairs = list(reader)
        if reader.skipped:  # XLIFF units not translated yet: a file mid-job is checked, and says what it left
            notes.append(reader.note())  # type: ignore[arg-type]
        refuse_swapped(source, ((p.zh, p.en) for p in pairs[:SWAP_SAMPLE]))
        for zh_doc, en_doc in pair_documents(str(source), text, iter(pairs)):
            result = check_release(zh_doc, en_doc, g, matcher, settings)
            findings += result.findings
        files = [str(source)]
    else:
        zh_doc = read_document(source, kind=source_type)
        en_doc = read_document(translation, kind=translation_type)
        _require_chinese_source(zh_doc, en_doc)
        result = check_release(zh_doc, en_doc, g, matcher, settings)
        findings, notes = result.findings, result.notes
        files = [str(translation)]
    code = emit(findings, fmt=format_, output=output, fail_on=level, files=files,
                signature=signature(g, settings), notes=notes)
    done(code)


def _require_chinese_source(zh_doc: Document, en_doc: Document) -> None:
    """An input error when the source holds no Chinese: every term and number of the translation would
    then be reported against nothing (the files given the other way round, or the English twice); and
    when the translation is empty or Chinese itself (every concept and number of the source would be
    reported missing, all at line 1)."""
    if any(has_han(s.text) for s in zh_doc.segments):
        translation = "".join(s.text for s in en_doc.segments)
        if not translation.strip():
            raise InputError("the translation holds no text", path=en_doc.path,
                             hint="give the English translation second")
        if mostly_han(translation):
            raise InputError("the translation is Chinese, not English", path=en_doc.path,
                             hint="give the Chinese source first, then its English translation")
        return
    if mostly_han("".join(s.text for s in en_doc.segments)):
        raise InputError("the source holds no Chinese and the translation does: the two files look swapped",
                         path=zh_doc.path, hint="give the Chinese source first, then the English translation")
    raise InputError("the source holds no Chinese text", path=zh_doc.path,
                     hint="give the Chinese source first, then its English translation; 'shuyu lint' checks English alone")
