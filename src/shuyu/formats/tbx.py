"""TBX (ISO 30042) glossary exchange: TBX-Basic v3 out; TBX v3 (DCA and DCT) and TBX 2008 in.

Export writes TBX v3, TBX-Basic dialect, DCA style. A concept's category is its
``<descrip type="subjectField">``, its note a plain ``<note>``, its source an
``<admin type="source">`` on each term; the shuyu fields TBX-Basic has no data category for
(level, parent, zh_name, en_name, romanization, over, within, per-term flags) travel as
``<note>shuyu:key=value</note>`` so that a round trip loses nothing
(``docs/exchange-formats.md``).

Concept ids are written as XML NCNames, since the TBX core structure types ``conceptEntry/@id``
as ``xsd:ID``: see :func:`ncname_id` (an expanded id ``county-cppcc-chairman@baoying-county`` is
written ``county-cppcc-chairman_40_baoying-county``; an id that already is an NCName without
``_``, as every shuyu id is, is written unchanged). Importing a file shuyu wrote maps them back
(:func:`id_from_ncname`).

Import reads TBX v3 (``conceptEntry``/``langSec``/``termSec``, DCA ``<termNote type=...>`` and
DCT ``<min:administrativeStatus>``-style elements) and TBX 2008 / TBX-Basic v2 (``martif``,
``termEntry``/``langSet``/``tig``/``ntig``). XML is parsed with defusedxml (no entity expansion,
no external entities). Everything that cannot be mapped is listed in the result, with its line.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from dataclasses import field
from xml.etree.ElementTree import Element
from xml.etree.ElementTree import TreeBuilder

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser
from defusedxml.ElementTree import ParseError

from shuyu.errors import InputError
from shuyu.formats.exchange import ImportResult
from shuyu.formats.exchange import flags_of
from shuyu.formats.exchange import parse_flags
from shuyu.formats.exchange import written_terms
from shuyu.glossary.model import Glossary
from shuyu.glossary.validate import ID_PATTERN
from shuyu.model import EN
from shuyu.model import ZH
from shuyu.model import Category
from shuyu.model import Concept
from shuyu.model import Level
from shuyu.model import Status
from shuyu.model import Term

TBX_NAMESPACE = "urn:iso:std:iso:30042:ed-2"
#: How the header of a file shuyu wrote starts (its notes are then read exactly).
EXPORT_MARK = "shuyu glossary export"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
#: Prefix of the notes that carry shuyu's own fields: ``<note>shuyu:level=prefecture</note>``.
NOTE_PREFIX = "shuyu:"
#: Concept fields carried in ``shuyu:`` notes, in the order they are written.
NOTE_KEYS = ("level", "parent", "zh_name", "en_name", "romanization", "over", "within", "template", "place", "note",
             "source")
#: Term field carried in a ``shuyu:`` note inside the ``termSec``.
TERM_NOTE_KEYS = ("flags",)

_STATUS_OUT = {
    Status.PREFERRED: "preferredTerm-admn-sts",
    Status.ADMITTED: "admittedTerm-admn-sts",
    Status.DEPRECATED: "deprecatedTerm-admn-sts",
}
#: Status values read exactly (lower-cased); anything else maps with a note in ``unmapped``.
_STATUS_IN = {
    "preferredterm-admn-sts": Status.PREFERRED,
    "admittedterm-admn-sts": Status.ADMITTED,
    "deprecatedterm-admn-sts": Status.DEPRECATED,
    "preferred": Status.PREFERRED,
    "admitted": Status.ADMITTED,
    "deprecated": Status.DEPRECATED,
}
#: Status values shuyu has no exact match for: read as the nearest status, and reported.
_STATUS_NEAR = {
    "supersededterm-admn-sts": Status.DEPRECATED,
    "superseded": Status.DEPRECATED,
    "notrecommended": Status.DEPRECATED,
    "obsolete": Status.DEPRECATED,
    "standardizedterm-admn-sts": Status.ADMITTED,
    "legalterm-admn-sts": Status.ADMITTED,
    "regulatedterm-admn-sts": Status.ADMITTED,
}
_STATUS_CATEGORIES = ("administrativeStatus", "usageStatus", "normativeAuthorization")
#: Elements whose data category is their ``type`` attribute in DCA style (and in TBX 2008).
_TYPED = frozenset({"descrip", "admin", "termNote", "xref", "ref", "transac", "transacNote", "hi", "date"})
_GROUPS = frozenset({"descripGrp", "adminGrp", "termNoteGrp", "transacGrp", "noteGrp"})
_CONCEPTS = frozenset({"conceptEntry", "termEntry"})
_LANGS = frozenset({"langSec", "langSet"})
_TERMS = frozenset({"termSec", "tig", "ntig"})
#: Elements of one kind not imported more often than this are reported on one line, with every line number.
GROUP_OVER = 3
_CONCEPT_IN_WHERE = re.compile(r"concept [^\s,]+")
# XML 1.0 cannot hold these code points at all, escaped or not.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


# --- ids -----------------------------------------------------------------------------------------

# XML Namespaces 1.0 NCName (XML 1.0 fifth edition Name without ":").
_NCNAME_START = ("A-Z_a-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff\u200c-\u200d"
                 "\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd\U00010000-\U000effff")
_NCNAME_CHAR = _NCNAME_START + "\\-.0-9\u00b7\u0300-\u036f\u203f-\u2040"
#: One character kept as it is at the start of an id / elsewhere (``_`` is the escape, so never kept).
_KEEP_FIRST = re.compile(f"[{_NCNAME_START.replace('_', '')}]")
_KEEP = re.compile(f"[{_NCNAME_CHAR.replace('_', '')}]")
_ESCAPE = re.compile(r"_([0-9a-f]{1,6})_")


def ncname_id(cid: str) -> str:
    """A concept id as an XML NCName (what ``xsd:ID`` allows), reversibly.

    Every character an NCName cannot hold at its place, and ``_`` itself, is written as ``_``,
    its code point in lower-case hex, ``_``: ``@`` becomes ``_40_``, ``_`` becomes ``_5f_``, a
    leading digit ``2`` becomes ``_32_``. An id that is already an NCName without ``_`` (every
    kebab-case shuyu id not starting with a digit) is unchanged. :func:`id_from_ncname` inverts it.

    >>> ncname_id("county-cppcc-chairman@baoying-county")
    'county-cppcc-chairman_40_baoying-county'
    >>> ncname_id("2nd-ring_road")
    '_32_nd-ring_5f_road'
    >>> ncname_id("wuxi")
    'wuxi'
    """
    return "".join(ch if (_KEEP if i else _KEEP_FIRST).fullmatch(ch) else f"_{ord(ch):x}_"
                   for i, ch in enumerate(cid))


def id_from_ncname(value: str) -> str:
    """The concept id :func:`ncname_id` wrote (``_40_`` → ``@``, ``_5f_`` → ``_``, …).

    >>> id_from_ncname("county-cppcc-chairman_40_baoying-county")
    'county-cppcc-chairman@baoying-county'
    """
    def char(match: re.Match[str]) -> str:
        code = int(match.group(1), 16)
        return chr(code) if code <= 0x10FFFF else match.group()

    return _ESCAPE.sub(char, value)


# --- export ------------------------------------------------------------------------------------


def _text(value: str) -> str:
    # \r is escaped so that XML's line-end normalisation gives it back unchanged.
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")


def _attr(value: str) -> str:
    return (_text(value).replace('"', "&quot;").replace("\n", "&#10;").replace("\t", "&#9;"))


def _concept_notes(concept: Concept) -> list[str]:
    values = {
        "level": concept.level.value if concept.level else "",
        "parent": concept.parent or "",
        "zh_name": concept.zh_name,
        "en_name": concept.en_name,
        "romanization": concept.romanization_exception,
        "over": " ".join(level.value for level in concept.over),
        "within": concept.within or "",
        "template": concept.template or "",
        "place": concept.place or "",
        # A note that itself starts with the prefix would read back as a field: carry it as one.
        "note": concept.note if concept.note.startswith(NOTE_PREFIX) else "",
        # Without terms there is no termSec to hold the source.
        "source": concept.source if not written_terms(concept) else "",
    }
    return [f"{NOTE_PREFIX}{key}={values[key]}" for key in NOTE_KEYS if values[key]]


def _check_xml_chars(concept: Concept) -> None:
    texts = [concept.id, concept.note, concept.source, concept.zh_name, concept.en_name,
             concept.romanization_exception, concept.parent or "", concept.within or "", concept.template or "",
             concept.place or ""]
    texts += [t.text for t in concept.terms] + [t.lang for t in concept.terms]
    for text in texts:
        bad = _NOT_XML.search(text)
        if bad:
            raise InputError(f"{concept.id}: character U+{ord(bad.group()):04X} cannot be written in XML",
                             path=concept.path, line=concept.line)


def export_tbx(glossary: Glossary, *, source_lang: str = "zh", target_lang: str = "en", expanded: bool = False) -> str:
    """The glossary as TBX v3, TBX-Basic dialect, DCA style, concepts in id order.

    :param glossary: the glossary; its written ``concepts`` (templates unexpanded) are exported,
        its examples are not.
    :param source_lang: the ``xml:lang`` written for Chinese terms (``zh``, ``zh-CN``, ``zh-Hans``).
    :param target_lang: the ``xml:lang`` written for English terms.
    :param expanded: write every expanded concept instead (template expansions in place of the
        templates, for CAT tools that cannot expand ``{place}`` slots); derived romanisation
        variants are still left out. Such a file imports back as plain concepts.
    :returns: the TBX document.
    :raises InputError: when a concept holds a character XML 1.0 cannot represent.
    """
    langs = {ZH: source_lang, EN: target_lang}
    pool = {cid: c for cid, c in glossary.expanded.items() if not c.is_template} if expanded else glossary.concepts
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<tbx type="TBX-Basic" style="dca" xml:lang="{_attr(target_lang)}" xmlns="{TBX_NAMESPACE}">',
        "  <tbxHeader>",
        "    <fileDesc>",
        "      <sourceDesc>",
        f"        <p>{EXPORT_MARK}: {len(pool)} concepts. Notes that start with "
        f"{NOTE_PREFIX} carry fields TBX-Basic has no data category for.</p>",
        "      </sourceDesc>",
        "    </fileDesc>",
        "  </tbxHeader>",
        "  <text>",
        "    <body>",
    ]
    for concept in sorted(pool.values(), key=lambda c: c.id):
        _check_xml_chars(concept)
        out.append(f'      <conceptEntry id="{_attr(ncname_id(concept.id))}">')
        out.append(f'        <descrip type="subjectField">{_text(concept.category.value)}</descrip>')
        if concept.note and not concept.note.startswith(NOTE_PREFIX):
            out.append(f"        <note>{_text(concept.note)}</note>")
        out.extend(f"        <note>{_text(note)}</note>" for note in _concept_notes(concept))
        terms = written_terms(concept)
        for lang in dict.fromkeys(t.lang for t in terms):
            out.append(f'        <langSec xml:lang="{_attr(langs.get(lang, lang))}">')
            for term in (t for t in terms if t.lang == lang):
                out.append("          <termSec>")
                out.append(f"            <term>{_text(term.text)}</term>")
                out.append(f'            <termNote type="administrativeStatus">{_STATUS_OUT[term.status]}</termNote>')
                if concept.source:
                    out.append(f'            <admin type="source">{_text(concept.source)}</admin>')
                flags = flags_of(term)
                if flags:
                    out.append(f"            <note>{NOTE_PREFIX}flags={flags}</note>")
                out.append("          </termSec>")
            out.append("        </langSec>")
        out.append("      </conceptEntry>")
    out += ["    </body>", "  </text>", "</tbx>", ""]
    return "\n".join(out)


# --- parsing -----------------------------------------------------------------------------------


class _LineBuilder(TreeBuilder):
    """A tree builder that remembers the line each element starts on."""

    def __init__(self) -> None:
        super().__init__()
        self.parser: DefusedXMLParser | None = None
        self.lines: dict[Element, int] = {}

    def start(self, tag: str, attrs: dict[str, str]) -> Element:  # type: ignore[override]
        element = super().start(tag, attrs)
        if self.parser is not None:
            self.lines[element] = self.parser.parser.CurrentLineNumber
        return element


def _parse(data: bytes | str, path: str) -> tuple[Element, dict[Element, int]]:
    builder = _LineBuilder()
    parser = DefusedXMLParser(target=builder)
    builder.parser = parser
    if isinstance(data, str):
        data = data.removeprefix("\ufeff")
    try:
        parser.feed(data)
        root = parser.close()
    except ParseError as exc:
        line, column = getattr(exc, "position", (0, 0))
        message = str(exc).split(":", 1)[0]
        raise InputError(f"malformed XML: {message}", path=path, line=line, column=column + 1) from None
    except (LookupError, UnicodeError) as exc:
        # An unknown encoding in the XML declaration, or text that cannot be encoded.
        raise InputError(f"cannot decode the XML: {exc}", path=path) from None
    except DefusedXmlException as exc:
        name = getattr(exc, "name", None)
        raise InputError(f"refused XML construct: {type(exc).__name__}{f' ({name!r})' if name else ''}", path=path,
                         line=parser.parser.CurrentLineNumber,
                         hint="entity declarations and external references are not read") from None
    return root, builder.lines


def _split(tag: str) -> tuple[str, str]:
    if tag.startswith("{"):
        namespace, local = tag[1:].split("}", 1)
        return namespace, local
    return "", tag


def _excerpt(element: Element, width: int = 60) -> str:
    text = " ".join("".join(element.itertext()).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def slugify(value: str) -> str:
    """A kebab-case ASCII id from any string (empty when nothing ASCII is left).

    >>> slugify("Open Cluster_2")
    'open-cluster-2'
    >>> slugify("c1")
    'c1'
    """
    ascii_text = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def _lang(tag: str) -> str:
    primary = tag.split("-", 1)[0].split("_", 1)[0].lower()
    return primary if primary in (ZH, EN) else tag


@dataclass(slots=True)
class _Pending:
    """A term read from a termSec, before its concept's source and default status are settled."""

    text: str
    lang: str
    status: Status | None
    case_sensitive: bool
    plural: bool
    source: str | None
    line: int


@dataclass(slots=True)
class _Reader:
    """Walks a parsed TBX tree into concepts, collecting what it cannot map."""

    path: str
    lines: dict[Element, int]
    core: frozenset[str]
    result: ImportResult = field(default_factory=lambda: ImportResult(Glossary()))
    #: Lines of the terms without a status, and how many of them became preferred.
    no_status: list[int] = field(default_factory=list)
    promoted: int = 0
    moved_notes: int = 0
    superseded: int = 0
    other_langs: Counter[str] = field(default_factory=Counter)
    lang_tags: dict[str, int] = field(default_factory=dict)
    #: Elements not imported, by kind (label and place with the concept id left out).
    skipped: dict[str, list[tuple[int, str, str]]] = field(default_factory=dict)
    #: True for a file shuyu wrote: its notes are taken exactly, not re-flowed.
    exact: bool = False

    # - helpers -

    def line(self, element: Element) -> int:
        return self.lines.get(element, 0)

    def note(self, element: Element | None, message: str) -> None:
        line = self.line(element) if element is not None else 0
        self.result.unmapped.append(f"{self.path}:{line}: {message}" if line else f"{self.path}: {message}")

    def local(self, element: Element) -> str:
        """The element's structural name, or ``""`` for a DCT data-category element."""
        namespace, local = _split(element.tag)
        return local if namespace in self.core else ""

    def category(self, element: Element) -> str:
        """The data category an element carries: its ``type`` (DCA) or its own name (DCT)."""
        namespace, local = _split(element.tag)
        if namespace not in self.core:
            return local
        return element.get("type", "") if local in _TYPED else ""

    def value(self, element: Element) -> str:
        """An element's text: exact in a file shuyu wrote, else with whitespace runs folded."""
        text = "".join(element.itertext())
        return text if self.exact else " ".join(text.split())

    def label(self, element: Element) -> str:
        namespace, local = _split(element.tag)
        if namespace not in self.core:
            return f"<{local}> (namespace {namespace})"
        kind = element.get("type")
        return f'<{local} type="{kind}">' if kind else f"<{local}>"

    def skip(self, element: Element, where: str, kind_where: str = "") -> None:
        """Report an element not imported (``kind_where``: its place without names, for grouping)."""
        label = self.label(element)
        excerpt = _excerpt(element)
        self.report(element, f"{label} in {_CONCEPT_IN_WHERE.sub('concepts', kind_where or where)} not imported",
                    f"{label}{' ' + repr(excerpt) if excerpt else ''} in {where} not imported", excerpt)

    def report(self, element: Element, kind: str, message: str, value: str) -> None:
        """Report something not mapped; kinds met more than :data:`GROUP_OVER` times are grouped."""
        self.skipped.setdefault(kind, []).append((self.line(element), message, value))

    def extra_attributes(self, element: Element, allowed: set[str], where: str) -> None:
        for name, value in element.attrib.items():
            if name not in allowed:
                self.note(element, f"attribute {name}={value!r} of {self.label(element)} in {where} not imported")

    def flatten(self, element: Element, where: str) -> list[Element]:
        """Children, with each group's leading data category in place of the group.

        A group's other members (the source of a definition, a note on a status) qualify that
        leading element, so they are reported rather than read as the concept's or term's own.
        """
        out: list[Element] = []
        for child in element:
            if self.local(child) in _GROUPS and len(child):
                out.append(child[0])
                for member in list(child)[1:]:
                    self.skip(member, f"{where} (a {self.local(child)} member)")
            else:
                out.append(child)
        return out

    # - structure -

    def read(self, root: Element) -> ImportResult:
        body = None
        for child in root:
            local = self.local(child)
            if local == "text":
                for part in child:
                    if self.local(part) == "body" and body is None:
                        body = part
                    else:
                        self.skip(part, "<text>")
            elif local in ("tbxHeader", "martifHeader"):
                # The header describes the file, not the glossary: nothing of a concept is in it.
                self.exact = "".join(child.itertext()).strip().startswith(EXPORT_MARK)
            else:
                self.skip(child, f"<{self.local(root)}>")
        if body is None:
            raise InputError("no <text><body> element: not a TBX termbase", path=self.path, line=self.line(root))
        for index, entry in enumerate(body):
            if self.local(entry) in _CONCEPTS:
                self.concept(entry, index)
            else:
                self.skip(entry, "<body>")
        self.summarise()
        return self.result

    def concept_id(self, entry: Element, index: int) -> str:
        raw = entry.get("id", "")
        if self.exact:
            # shuyu writes ids as NCNames (ncname_id): read back the id it was given.
            raw = id_from_ncname(raw)
        cid = raw if ID_PATTERN.match(raw) else slugify(raw)
        if not cid:
            cid = f"concept-{index + 1}"
        base, n = cid, 2
        while cid in self.result.glossary.concepts:
            cid, n = f"{base}-{n}", n + 1
        if cid != raw:
            why = "an id already used" if raw and slugify(raw) == base and base in self.result.glossary.concepts \
                else "not a kebab-case ASCII id" if raw else "no id"
            self.note(entry, f"concept id {raw!r} ({why}) imported as {cid!r}")
        return cid

    def concept(self, entry: Element, index: int) -> None:
        cid = self.concept_id(entry, index)
        where = f"concept {cid}"
        self.extra_attributes(entry, {"id"}, where)
        concept = Concept(cid, Category.TERM, path=self.path, line=self.line(entry))
        notes: list[str] = []
        sources: list[str] = []
        note_source: str | None = None
        subject = None
        pending: list[_Pending] = []
        inner_notes: list[str] = []
        for child in self.flatten(entry, where):
            local, kind = self.local(child), self.category(child)
            if local in _LANGS:
                pending += self.lang_sec(child, where, inner_notes)
            elif local == "note":
                text = "".join(child.itertext())
                if text.startswith(NOTE_PREFIX) and "=" in text:
                    key, value = text[len(NOTE_PREFIX):].split("=", 1)
                    if key == "source":
                        note_source = value
                    elif key == "note":
                        notes.append(value)
                    elif not self.shuyu_field(concept, key, value, child, where):
                        self.skip(child, where)
                else:
                    # Pretty-printers wrap long notes; only shuyu's own files keep line breaks that matter.
                    notes.append(text if self.exact else " ".join(text.split()))
            elif kind == "subjectField" and subject is None:
                subject = child
                value = " ".join("".join(child.itertext()).split())
                try:
                    concept.category = Category(value.lower())
                except ValueError:
                    self.report(child, f"subjectField not a shuyu category ({', '.join(c.value for c in Category)}), "
                                       f"concept imported as {Category.TERM.value!r}",
                                f"subjectField {value!r} of {where} is not a shuyu category: imported as "
                                f"{Category.TERM.value!r}", value)
            elif kind == "source" and self.local(child) in ("admin", ""):
                sources.append(self.value(child))
            else:
                self.skip(child, where)
        # Notes on a language section or a term have no place of their own in shuyu: they join
        # the concept's note (a term's note prefixed with the term) rather than being dropped.
        concept.note = "\n".join(notes + inner_notes)
        term_sources = list(dict.fromkeys(p.source for p in pending if p.source))
        if note_source is not None:
            concept.source = note_source
        else:
            concept.source = "; ".join(dict.fromkeys(sources + term_sources))
        concept.terms = self.terms(pending)
        self.result.glossary.concepts[cid] = concept

    def terms(self, pending: list[_Pending]) -> list[Term]:
        """Terms with their statuses settled.

        A term without a status is admitted, except the first such term of a language that has
        no preferred term: a termbase without statuses lists the main term first, and a
        concept with no preferred form could not be checked.
        """
        with_preferred = {p.lang for p in pending if p.status == Status.PREFERRED}
        out = []
        for p in pending:
            status = p.status
            if status is None:
                self.no_status.append(p.line)
                if p.lang in with_preferred:
                    status = Status.ADMITTED
                else:
                    status = Status.PREFERRED
                    with_preferred.add(p.lang)
                    self.promoted += 1
            out.append(Term(p.text, p.lang, status, case_sensitive=p.case_sensitive, plural=p.plural))
        return out

    def shuyu_field(self, concept: Concept, key: str, value: str, element: Element, where: str) -> bool:
        """Set one ``shuyu:key=value`` field; False when the key is not one of shuyu's."""
        try:
            if key == "level":
                concept.level = Level(value)
            elif key == "over":
                concept.over = tuple(Level(v) for v in value.split())
            elif key in ("parent", "within", "template", "place"):
                setattr(concept, key, value or None)
            elif key in ("zh_name", "en_name"):
                setattr(concept, key, value)
            elif key == "romanization":
                concept.romanization_exception = value
            else:
                return False
        except ValueError:
            self.note(element, f"{NOTE_PREFIX}{key} value {value!r} of {where} is not a shuyu level: not imported")
        return True

    def lang_sec(self, element: Element, where: str, notes: list[str]) -> list[_Pending]:
        tag = element.get(XML_LANG) or element.get("lang") or ""
        self.extra_attributes(element, {XML_LANG}, where)
        if not tag:
            self.note(element, f"<{self.local(element)}> without xml:lang in {where}: its terms are not imported")
            return []
        lang = _lang(tag)
        if lang != tag:
            self.lang_tags.setdefault(tag, self.line(element))
        out: list[_Pending] = []
        for child in self.flatten(element, where):
            if self.local(child) in _TERMS:
                pending = self.term_sec(child, lang, f"{where}, language {tag}", notes)
                if pending is not None:
                    out.append(pending)
            elif self.local(child) == "note":
                notes.append(self.value(child))
                self.moved_notes += 1
            else:
                self.skip(child, f"{where}, language {tag}")
        return out

    def term_sec(self, element: Element, lang: str, where: str, notes: list[str]) -> _Pending | None:
        children: list[Element] = []
        for child in element:
            # TBX 2008's ntig wraps the term and its termNotes in a termGrp.
            children.extend(child if self.local(child) == "termGrp" else [child])
        term_el = next((c for c in children if self.local(c) == "term"), None)
        text = "".join(term_el.itertext()).strip() if term_el is not None else ""
        term_where = f"{where}, term {text!r}"
        generic = f"{where}, term section"
        status_el = None
        source = None
        flags = None
        for child in children:
            local, kind = self.local(child), self.category(child)
            if child is term_el:
                self.extra_attributes(child, {"id"}, where)
            elif local in _GROUPS and len(child):
                # Unwrap groups here too, with their qualifying members reported.
                for i, member in enumerate(child):
                    if i == 0 and self.category(member) in _STATUS_CATEGORIES and status_el is None:
                        status_el = member
                    else:
                        self.skip(member, f"{term_where} (a {local} member)", f"{generic} (a {local} member)")
            elif kind in _STATUS_CATEGORIES and status_el is None:
                status_el = child
            elif kind == "source" and local in ("admin", "") and source is None:
                source = self.value(child)
            elif local == "note" and "".join(child.itertext()).startswith(f"{NOTE_PREFIX}flags=") and flags is None:
                flags = "".join(child.itertext()).split("=", 1)[1]
            elif local == "note" and text:
                notes.append(f"{text}: {self.value(child)}")
                self.moved_notes += 1
            else:
                self.skip(child, term_where, generic)
        if term_el is None:
            self.note(element, f"<{self.local(element)}> without a <term> in {where} not imported")
            return None
        if not text:
            self.note(term_el, f"empty <term> in {where} not imported")
            return None
        status = self.status(status_el, text, where) if status_el is not None else None
        case_sensitive, plural, unknown = parse_flags(flags or "")
        if unknown:
            self.note(element, f"unknown {NOTE_PREFIX}flags {' '.join(unknown)!r} of {text!r} in {where} not imported")
        if lang not in (ZH, EN):
            self.other_langs[lang] += 1
        return _Pending(text, lang, status, case_sensitive, plural, source, self.line(term_el))

    def status(self, element: Element, text: str, where: str) -> Status:
        raw = " ".join("".join(element.itertext()).split())
        key = raw.lower()
        self.result.status_counts[key] += 1
        if key in _STATUS_IN:
            return _STATUS_IN[key]
        status = _STATUS_NEAR.get(key, Status.ADMITTED)
        if key.startswith("superseded"):
            self.superseded += 1
        why = "shuyu has no such status" if key in _STATUS_NEAR else "unknown status"
        self.note(element, f"{self.category(element)} {raw!r} of {text!r} in {where} read as {status.value} ({why})")
        return status

    def summarise(self) -> None:
        """Lines that sum up what applies to many terms (no path: they are about the whole file)."""
        for kind, items in self.skipped.items():
            if len(items) <= GROUP_OVER:
                self.result.unmapped.extend(f"{self.path}:{line}: {message}" if line else f"{self.path}: {message}"
                                            for line, message, _ in items)
                continue
            lines = ", ".join(str(line) for line, _, _ in items)
            values = list(dict.fromkeys(value for _, _, value in items if value))
            shown = f"; values {', '.join(repr(v) for v in values)}" if 0 < len(values) <= 5 else ""
            self.result.unmapped.append(f"{self.path}: {kind}: {len(items)} times (lines {lines}){shown}")
        if self.moved_notes:
            self.result.unmapped.append(f"{self.moved_notes} note(s) on language sections or terms added to their "
                                        "concept's note (a term's note after the term and a colon)")
        if self.superseded:
            self.result.unmapped.append(f"{self.superseded} superseded term(s) imported as deprecated")
        if self.no_status:
            first = min((n for n in self.no_status if n), default=0)
            self.result.unmapped.append(
                f"{len(self.no_status)} term(s) without an administrative status: {self.promoted} imported as "
                f"preferred (the first of a language without a preferred term), the rest as admitted"
                + (f" (the first at line {first})" if first else ""))
        for tag, line in self.lang_tags.items():
            self.result.unmapped.append(f"{self.path}:{line}: xml:lang {tag!r} read as {_lang(tag)!r}")
        if self.other_langs:
            counts = ", ".join(f"{lang} ({n})" for lang, n in sorted(self.other_langs.items()))
            self.result.unmapped.append(f"terms in languages other than zh and en kept as they are: {counts}; "
                                        "the glossary CSV holds only zh and en")


def import_tbx(data: bytes | str, path: str) -> ImportResult:
    """Read a TBX file (v3 DCA or DCT, or TBX 2008 ``martif``) into concepts.

    Concepts keep their ``id`` when it is kebab-case ASCII, else a slug of it (reported); in a
    file shuyu wrote, ids are first mapped back from their NCName form (:func:`id_from_ncname`). The
    ``subjectField`` gives the category when it names one (else ``term``, reported); concept
    ``<note>`` elements become the note, ``shuyu:`` notes restore shuyu's own fields; a term's
    ``administrativeStatus``/``usageStatus`` gives its status (superseded, not recommended and
    obsolete read as deprecated, a missing status as admitted; all reported). Terms in any
    language are kept; ``zh-CN``-style tags of Chinese and English are read as ``zh``/``en``.

    :param data: the file's bytes (any encoding its XML declaration names; a BOM is fine) or text.
    :param path: the file's name, for messages.
    :returns: the concepts read and one line per thing not mapped.
    :raises InputError: on XML that is not well-formed (with line and column), entity
        declarations or external references, or a document that is not a TBX termbase.
    """
    root, lines = _parse(data, path)
    namespace, local = _split(root.tag)
    if local not in ("tbx", "martif"):
        raise InputError(f"not a TBX file: the root element is <{local}>", path=path, line=lines.get(root, 0),
                         hint="expected <tbx> (TBX v3) or <martif> (TBX 2008)")
    reader = _Reader(path, lines, frozenset({namespace, "", TBX_NAMESPACE}))
    return reader.read(root)
