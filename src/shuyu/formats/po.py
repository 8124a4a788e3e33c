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
from dataclasses import dataclass
from dataclasses import field
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
from shuyu.text.offsets import LineIndex
from shuyu.text.offsets import OffsetMap
from shuyu.text.offsets import OffsetMapBuilder

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
#: The escapes GNU gettext accepts (octal and hex, and C's but \\' and \\?, which msgfmt 0.21 refuses as
#: "invalid control sequence"); anything else is refused by msgfmt.
_ESCAPE = re.compile(r'\\(?:[ntbrfva\\"]|[0-7]{1,3}|x[0-9A-Fa-f]+)')


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


#: A keyword opening a field, with the plural index of ``msgstr[n]``.
_KEYWORD = re.compile(r'(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s*"')
#: What one-character escapes stand for (GNU gettext's, C's).
_SIMPLE_ESCAPES = {"n": "\n", "t": "\t", "b": "\b", "r": "\r", "f": "\f", "v": "\v", "a": "\a",
                   "\\": "\\", '"': '"'}
_OCTAL = re.compile(r"[0-7]{1,3}")
_HEX = re.compile(r"x([0-9A-Fa-f]+)")


@dataclass(slots=True)
class PoString:
    """A field of a catalog entry, decoded, and where each of its characters is written in the file.

    ``offsets`` sends every character of ``text`` to the file offset of the character that writes
    it, or of the backslash of the escape sequence (``\\n``, ``\\"``, ``\\101``) that encodes it,
    across continuation lines and ``#~`` prefixes.
    """

    text: str
    offsets: OffsetMap


@dataclass(slots=True)
class PoMessage:
    """An entry of a catalog as written in the file: its fields with their positions.

    ``line`` is the line of the ``msgid`` keyword; ``msgstr_plural`` holds ``msgstr[n]`` by ``n``.
    """

    line: int
    obsolete: bool = False
    flags: list[str] = field(default_factory=list)
    msgctxt: PoString | None = None
    msgid: PoString | None = None
    msgid_plural: PoString | None = None
    msgstr: PoString | None = None
    msgstr_plural: dict[int, PoString] = field(default_factory=dict)

    def forms(self) -> list[tuple[PoString, PoString]]:
        """(source, translation) pairs, plural form by plural form (msgid for form 0, msgid_plural after)."""
        msgid = self.msgid or _EMPTY
        if self.msgid_plural is None and not self.msgstr_plural:
            return [(msgid, self.msgstr or _EMPTY)]
        plural = self.msgid_plural or msgid
        return [(msgid if k == 0 else plural, self.msgstr_plural[k]) for k in sorted(self.msgstr_plural)]


_EMPTY = PoString("", OffsetMap.identity(0))


class _Field:
    """A field being read: its decoded units, each a character (str) or a byte escape (int), with its offset."""

    def __init__(self) -> None:
        self.units: list[tuple[str | int, int]] = []
        self.first = -1  # offset of the first string's body
        self.end = -1    # offset of the last string's closing quote

    def add(self, text: str, body: int, end: int) -> None:
        """Decode ``text[body:end]`` (the inside of one quoted string) onto this field."""
        if self.first < 0:
            self.first = body
        self.end = end
        units = self.units
        i = body
        while i < end:
            ch = text[i]
            if ch != "\\" or i + 1 >= end:
                units.append((ch, i))
                i += 1
                continue
            nxt = text[i + 1]
            if nxt in _SIMPLE_ESCAPES:
                units.append((_SIMPLE_ESCAPES[nxt], i))
                i += 2
                continue
            m = _OCTAL.match(text, i + 1, end) or _HEX.match(text, i + 1, end)
            if m is None:  # refused by read_po already; kept as written
                units.append((ch, i))
                i += 1
                continue
            value = int(m.group(1), 16) if m.group().startswith("x") else int(m.group(), 8)
            units.append((value & 0xFF, i))
            i = m.end()

    def build(self) -> PoString:
        """The decoded string and its offset map (bytes written as escapes are decoded as UTF-8)."""
        if not self.units:
            return PoString("", OffsetMap.identity(0, max(self.first, 0)))
        chars: list[str] = []
        builder = OffsetMapBuilder()
        units = self.units
        j = 0
        while j < len(units):
            unit, pos = units[j]
            j += 1
            if isinstance(unit, int):
                # A UTF-8 sequence written as byte escapes (\\344\\275\\240) is one character, at its first escape.
                size = 1 if unit < 0xC0 else 2 if unit < 0xE0 else 3 if unit < 0xF0 else 4
                seq = [unit]
                while len(seq) < size and j + len(seq) - 1 < len(units):
                    byte = units[j + len(seq) - 1][0]
                    if not isinstance(byte, int):
                        break
                    seq.append(byte)
                try:
                    unit = bytes(seq).decode("utf-8")
                    j += len(seq) - 1
                except UnicodeDecodeError:
                    unit = "\ufffd"
            chars.append(unit)
            builder.copy(pos, 1)
        return PoString("".join(chars), builder.build(original_end=self.end))


def scan_catalog(text: str) -> list[PoMessage]:
    r"""Every entry of a PO text (the header and obsolete ``#~`` entries too), in file order, with the
    exact offset in ``text`` of every character of its fields.

    The text should have passed :func:`read_po`: this reader follows the syntax, it does not judge it.

    >>> text = 'msgid "徐州"\nmsgstr ""\n"Xu "\n"Zhou"\n'
    >>> m = scan_catalog(text)[0]
    >>> m.msgstr.text, [LineIndex.of(text).position(m.msgstr.offsets.to_original(i)) for i in (0, 3)]
    ('Xu Zhou', [(3, 2), (4, 2)])
    """
    index = LineIndex.of(text)
    messages: list[PoMessage] = []
    fields: dict[tuple[str, int], _Field] = {}
    message: PoMessage | None = None
    flags: list[str] = []
    current: _Field | None = None

    def finish() -> None:
        nonlocal message, current
        if message is not None:
            for (name, k), f in fields.items():
                value = f.build()
                if name == "msgstr" and k >= 0:
                    message.msgstr_plural[k] = value
                else:
                    setattr(message, name, value)
            messages.append(message)
        message, current = None, None
        fields.clear()

    for n in range(1, len(index.starts) + 1):
        start = index.starts[n - 1]
        line = index.line_text(n).rstrip()
        i = len(line) - len(line.lstrip())
        if n == 1 and line.startswith("\ufeff"):
            i = len(line) - len(line[1:].lstrip())
        if i >= len(line):
            continue
        obsolete = False
        if line.startswith("#~", i) and line[i + 2:i + 3].isspace():
            obsolete = True
            i = len(line) - len(line[i + 2:].lstrip())
        if line.startswith("#", i):
            if message is not None and any(name == "msgstr" for name, _ in fields):
                finish()
            if line.startswith("#,", i):
                flags += [f.strip() for f in line[i + 2:].split(",") if f.strip()]
            current = None
            continue
        if line.startswith('"', i):
            if current is not None:
                current.add(text, start + i + 1, start + len(line) - 1)
            continue
        m = _KEYWORD.match(line, i)
        if m is None:
            continue
        name = m.group(1).split("[")[0]
        key = (name, int(m.group(2)) if m.group(2) is not None else -1)
        if message is not None and (
                (name == "msgctxt" and fields) or (name == "msgid" and any(k[0] != "msgctxt" for k in fields))):
            finish()
        if message is None:
            message, flags = PoMessage(line=n, obsolete=obsolete, flags=flags), []
        if name == "msgid":
            message.line, message.obsolete = n, obsolete
        current = fields[key] = _Field()
        current.add(text, start + m.end(), start + len(line) - 1)
    finish()
    return messages
