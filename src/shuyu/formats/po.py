"""Glossary PO files (gettext) with polib and babel: export, compile, read back, and catalogs to check.

The export writes ``glossary.pot`` and one catalog per direction: ``en/LC_MESSAGES/glossary.po``
(msgid the Chinese preferred term, msgstr the English) and ``zh_Hans/LC_MESSAGES/glossary.po``
(the reverse). msgctxt is the concept id, so two concepts with the same text stay distinct.
Entries are the expanded glossary (every template expansion, which is what translators look up),
sorted by msgctxt and never wrapped; the dates come from the glossary digest, so a second export
of the same glossary is byte-identical.
"""

from __future__ import annotations

import re
from pathlib import Path

import polib
from babel import Locale
from babel.messages.plurals import get_plural

from shuyu import __version__
from shuyu.errors import InputError
from shuyu.glossary.model import Glossary
from shuyu.model import EN
from shuyu.model import ZH
from shuyu.model import Concept
from shuyu.model import Status

DOMAIN = "glossary"
DIRECTIONS = {"en": (ZH, EN), "zh_Hans": (EN, ZH)}
#: A fixed date: the content decides the bytes, not the clock (the digest is in the header).
STABLE_DATE = "2020-06-11 00:00+0000"


def _header(glossary: Glossary, locale: str | None) -> dict[str, str]:
    meta = {
        "Project-Id-Version": f"shuyu glossary {__version__}",
        "Report-Msgid-Bugs-To": "",
        "POT-Creation-Date": STABLE_DATE,
        "PO-Revision-Date": STABLE_DATE,
        "Last-Translator": "shuyu",
        "Language-Team": "shuyu",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Glossary-Digest": glossary.digest,
        "X-Generator": f"shuyu {__version__}",
    }
    if locale is not None:
        parsed = Locale.parse(locale)  # validates the code
        plural = get_plural(parsed)
        meta["Language"] = str(parsed)
        meta["Plural-Forms"] = plural.plural_forms
    return meta


def _comment(concept: Concept, target: str) -> str:
    lines = [f"category: {concept.category.value}"]
    if concept.level:
        lines.append(f"level: {concept.level.value}" + (f"; parent: {concept.parent}" if concept.parent else ""))
    if concept.zh_name or concept.en_name:
        lines.append(f"name: {concept.zh_name} / {concept.en_name}")
    if concept.romanization_exception:
        lines.append(f"romanization: {concept.romanization_exception}")
    if concept.template:
        lines.append(f"template: {concept.template}; place: {concept.place}")
    if concept.note:
        lines.append(f"note: {concept.note}")
    if concept.source:
        lines.append(f"source: {concept.source}")
    admitted = [t.text for t in concept.terms_in(target, Status.ADMITTED)]
    deprecated = [t.text for t in concept.terms_in(target, Status.DEPRECATED)]
    if admitted:
        lines.append("admitted: " + " | ".join(admitted))
    if deprecated:
        lines.append("avoid: " + " | ".join(deprecated))
    return "\n".join(line.replace("\n", " ") for line in lines)


def concept_from_comment(comment: str) -> dict[str, str]:
    r"""The fields an export wrote into an entry's extracted comment, by key.

    >>> concept_from_comment("category: place\nlevel: prefecture; parent: jiangsu\nname: 无锡 / Wuxi")["parent"]
    'jiangsu'
    """
    fields: dict[str, str] = {}
    for line in comment.splitlines():
        for part in line.split("; ") if line.startswith("level:") else [line]:
            key, sep, value = part.partition(": ")
            if sep:
                fields[key.strip()] = value.strip()
    if " / " in fields.get("name", ""):
        fields["zh_name"], fields["en_name"] = fields["name"].split(" / ", 1)
    return fields


def build_catalog(glossary: Glossary, locale: str | None) -> polib.POFile:
    """The POT (``locale`` None) or the catalog of one direction."""
    source, target = DIRECTIONS.get(locale or "en", (ZH, EN))
    po = polib.POFile(wrapwidth=0, check_for_duplicates=True)
    po.metadata = _header(glossary, locale)
    for cid in sorted(glossary.expanded):
        concept = glossary.expanded[cid]
        msgid = concept.preferred(source)
        if not msgid:
            continue
        po.append(polib.POEntry(msgctxt=cid, msgid=msgid, msgstr=concept.preferred(target) if locale else "",
                                comment=_comment(concept, target)))
    return po


def export_files(glossary: Glossary) -> dict[str, str]:
    """Relative path → text of every file of a glossary export."""
    files = {f"{DOMAIN}.pot": str(build_catalog(glossary, None)) + "\n"}
    for locale in DIRECTIONS:
        files[f"{locale}/LC_MESSAGES/{DOMAIN}.po"] = str(build_catalog(glossary, locale)) + "\n"
    return files


_SYNTAX = re.compile(r"line (\d+)")
#: A quoted PO string on a keyword or continuation line (obsolete ``#~`` entries too).
_PO_STRING = re.compile(r'^(?:#~\s*)?(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)?\s*"(.*)"\s*$')
#: The escapes GNU gettext accepts (C's, octal and hex); anything else is refused by msgfmt.
_ESCAPE = re.compile(r'\\(?:[ntbrfva\\"\'?]|[0-7]{1,3}|x[0-9A-Fa-f]+)')


def bad_escape(text: str) -> tuple[int, int, str] | None:
    """The (line, column, escape) of the first escape GNU gettext would refuse, or None.

    polib passes ``\\q`` through silently; msgfmt fails on it, so the catalog is malformed.

    >>> bad_escape('msgid "a"\\nmsgstr "b\\\\q"\\n')
    (2, 10, '\\\\q')
    """
    for n, line in enumerate(text.splitlines(), start=1):
        m = _PO_STRING.match(line.strip())
        if not m:
            continue
        body, offset = m.group(1), line.find('"') + 1
        i = body.find("\\")
        while i != -1:
            esc = _ESCAPE.match(body, i)
            if esc is None:
                return n, offset + i + 1, body[i:i + 2]
            i = body.find("\\", esc.end())
    return None


def read_po(path: str | Path) -> polib.POFile:
    """Parse a PO file.

    :raises InputError: naming the file and line of a syntax error, or the byte of a bad encoding.
    """
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", path=str(p)) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"not valid UTF-8 at byte {exc.start}", path=str(p),
                         hint="PO files must be UTF-8 (Content-Type: text/plain; charset=UTF-8)") from None
    m = re.search(r'"Content-Type:[^"]*charset=([\w-]+)', text)
    if m and m.group(1).lower().replace("_", "-") not in ("utf-8", "utf8"):
        line = text[:m.start()].count("\n") + 1
        raise InputError(f"charset {m.group(1)} in the header; shuyu reads UTF-8 catalogs", path=str(p), line=line)
    bad = bad_escape(text)
    if bad is not None:
        line, column, escape = bad
        raise InputError(f"malformed PO: invalid escape sequence {escape}", path=str(p), line=line, column=column,
                         hint="write a backslash as \\\\") from None
    try:
        return polib.pofile(text, wrapwidth=0)
    except (OSError, ValueError) as exc:
        found = _SYNTAX.search(str(exc))
        line = int(found.group(1)) if found else 0
        message = re.sub(r"\s*\(line \d+\)", "", str(exc)).strip() or "syntax error"
        raise InputError(f"malformed PO: {message}", path=str(p), line=line) from None


def msgstr_starts(lines: list[str], entry_line: int) -> list[tuple[int, int]]:
    """(line, column) of the first character of each msgstr string of the entry at ``entry_line``.

    polib gives the line an entry starts on; the msgstr lines follow it (``msgstr`` or
    ``msgstr[n]`` for plural forms). Columns are 1-based code points, pointing inside the quotes.
    """
    out = []
    n = max(entry_line, 1)
    while n <= len(lines):
        stripped = lines[n - 1].lstrip()
        if out and not stripped.startswith(("msgstr", '"')):
            break
        if stripped.startswith("msgstr"):
            out.append((n, lines[n - 1].find('"') + 2))
        n += 1
    return out
