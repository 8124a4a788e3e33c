"""TBX (ISO 30042) import and export: TBX-Basic, writing TBX v3 (DCA), reading v3 (DCA and DCT)
and TBX 2008 (``martif``/``termEntry``/``langSet``/``tig``).

shuyu fields that TBX-Basic has no data category for (level, parent, proper names, romanisation
exception, template levels, flags, source) travel in ``<note>`` elements written
``shuyu:key=value``, so that a glossary exported and imported back is equal to the original.
Every XML input is parsed with defusedxml: no entity expansion, no external entities.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter

from defusedxml import ElementTree as SafeET
from defusedxml.common import DefusedXmlException

from shuyu.errors import InputError
from shuyu.formats.exchange import ImportResult
from shuyu.glossary.model import Glossary
from shuyu.model import Category
from shuyu.model import Concept
from shuyu.model import Level
from shuyu.model import Status
from shuyu.model import Term

NS = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
STATUS_OUT = {Status.PREFERRED: "preferredTerm-admn-sts", Status.ADMITTED: "admittedTerm-admn-sts",
              Status.DEPRECATED: "deprecatedTerm-admn-sts"}
STATUS_IN = {"preferredterm-admn-sts": Status.PREFERRED, "admittedterm-admn-sts": Status.ADMITTED,
             "deprecatedterm-admn-sts": Status.DEPRECATED, "supersededterm-admn-sts": Status.DEPRECATED,
             # TBX-Min's usageStatus values
             "preferred": Status.PREFERRED, "admitted": Status.ADMITTED, "notrecommended": Status.DEPRECATED,
             "obsolete": Status.DEPRECATED, "deprecated": Status.DEPRECATED}
_NOTE = re.compile(r"^shuyu:([a-z_-]+)=(.*)$", re.DOTALL)


def _note(parent: ET.Element, key: str, value: str) -> None:
    if value:
        ET.SubElement(parent, "note").text = f"shuyu:{key}={value}"


def export_tbx(glossary: Glossary, *, expanded: bool = False) -> str:
    """The glossary as a TBX-Basic v3 (DCA) document.

    :param expanded: write every template expansion instead of the templates (for CAT tools,
        which cannot expand ``{place}`` slots); such an export does not import back as templates.
    """
    ET.register_namespace("", NS)
    root = ET.Element("tbx", {"type": "TBX-Basic", "style": "dca", XML_LANG: "en", "xmlns": NS})
    header = ET.SubElement(ET.SubElement(root, "tbxHeader"), "fileDesc")
    ET.SubElement(ET.SubElement(header, "sourceDesc"), "p").text = f"shuyu glossary export, digest {glossary.digest}"
    body = ET.SubElement(ET.SubElement(root, "text"), "body")
    pool = glossary.expanded if expanded else glossary.concepts
    for concept in sorted(pool.values(), key=lambda c: c.id):
        if expanded and concept.is_template:
            continue
        entry = ET.SubElement(body, "conceptEntry", {"id": concept.id})
        ET.SubElement(entry, "descrip", {"type": "subjectField"}).text = concept.category.value
        if concept.note:
            ET.SubElement(entry, "note").text = concept.note
        _note(entry, "level", concept.level.value if concept.level else "")
        _note(entry, "parent", concept.parent or "")
        _note(entry, "zh_name", concept.zh_name)
        _note(entry, "en_name", concept.en_name)
        _note(entry, "romanization", concept.romanization_exception)
        _note(entry, "over", " ".join(level.value for level in concept.over))
        _note(entry, "within", concept.within or "")
        _note(entry, "source", concept.source)
        _note(entry, "template", concept.template or "")
        _note(entry, "place", concept.place or "")
        for lang in dict.fromkeys(t.lang for t in concept.terms):
            lang_sec = ET.SubElement(entry, "langSec", {XML_LANG: lang})
            for term in concept.terms_in(lang):
                term_sec = ET.SubElement(lang_sec, "termSec")
                ET.SubElement(term_sec, "term").text = term.text
                ET.SubElement(term_sec, "termNote", {"type": "administrativeStatus"}).text = STATUS_OUT[term.status]
                flags = [f for f, on in (("case-sensitive", term.case_sensitive), ("no-plural", not term.plural)) if on]
                _note(term_sec, "flags", " ".join(flags))
    ET.indent(root)
    text = ET.tostring(root, encoding="unicode")
    # ElementTree writes the default namespace itself when the tag is unqualified; keep one.
    text = text.replace(f' xmlns="{NS}" xmlns="{NS}"', f' xmlns="{NS}"')
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + text + "\n"


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _slug(value: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-") or "concept"


def import_tbx(data: bytes | str, path: str) -> ImportResult:
    """Read a TBX file (v3 DCA/DCT, or TBX 2008); what cannot be mapped is listed, never dropped.

    :raises InputError: on XML that is not well-formed (with line and column) or forbidden constructs.
    """
    raw = data.encode("utf-8") if isinstance(data, str) else data
    try:
        root = SafeET.fromstring(raw)
    except SafeET.ParseError as exc:
        line, column = getattr(exc, "position", (0, 0))
        raise InputError(f"malformed XML: {exc.msg if hasattr(exc, 'msg') else exc}", path=path, line=line,
                         column=column + 1) from None
    except DefusedXmlException as exc:
        raise InputError(f"refused XML construct: {exc}", path=path, hint="entities and DTDs are not accepted") from None
    result = ImportResult(Glossary())
    statuses: Counter[str] = Counter()
    if _local(root.tag) not in ("tbx", "martif"):
        raise InputError(f"not a TBX document (root element <{_local(root.tag)}>)", path=path)
    entries = [e for e in root.iter() if _local(e.tag) in ("conceptEntry", "termEntry")]
    for index, entry in enumerate(entries, start=1):
        raw_id = entry.get("id") or f"c{index}"
        cid = raw_id if re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", raw_id) else _slug(raw_id)
        if cid != raw_id:
            result.unmapped.append(f"concept id {raw_id!r} imported as {cid!r}")
        concept = Concept(cid, Category.TERM)
        notes: list[str] = []
        for child in entry:
            tag = _local(child.tag)
            text = (child.text or "").strip()
            # DCA writes <descrip type="subjectField">, DCT <basic:subjectField>.
            if (tag == "descrip" and child.get("type") == "subjectField") or tag == "subjectField":
                try:
                    concept.category = Category(text)
                except ValueError:
                    result.unmapped.append(f"{cid}: subjectField {text!r} (kept as a note)")
                    notes.append(f"subject field: {text}")
            elif tag == "note":
                m = _NOTE.match(text)
                if m:
                    _apply_note(concept, m.group(1), m.group(2), result)
                else:
                    notes.append(text)
            elif tag in ("langSec", "langSet"):
                _read_lang(child, concept, statuses, result)
            elif tag in ("transacGrp", "admin", "xref", "descripGrp", "ref", "adminGrp"):
                result.unmapped.append(f"{cid}: <{tag}{' type=' + repr(child.get('type')) if child.get('type') else ''}>"
                                       " not imported")
            else:
                result.unmapped.append(f"{cid}: <{tag}> not imported")
        concept.note = "; ".join(n for n in [concept.note, *notes] if n)
        if cid in result.glossary.concepts:
            result.unmapped.append(f"{cid}: duplicate concept id, later entry skipped")
            continue
        result.glossary.concepts[cid] = concept
    if statuses.get("supersededterm-admn-sts"):
        result.unmapped.append(f"{statuses['supersededterm-admn-sts']} superseded term(s) imported as deprecated")
    result.status_counts = dict(statuses)
    result.unmapped = _summarise(result.unmapped)
    return result


def _summarise(messages: list[str]) -> list[str]:
    """Group ``id: message`` lines that differ only in the concept id: one line per kind, with a count.

    >>> _summarise(["c1: <x> not imported", "c2: <x> not imported", "other"])
    ['<x> not imported (2 times: c1, c2)', 'other']
    """
    groups: dict[str, list[str]] = {}
    order: list[str] = []
    for message in messages:
        cid, sep, rest = message.partition(": ")
        key = rest if sep and re.fullmatch(r"[a-z0-9-]+", cid) else message
        if key not in groups:
            groups[key] = []
            order.append(key)
        if key != message:
            groups[key].append(cid)
    out = []
    for key in order:
        ids = groups[key]
        if not ids:
            out.append(key)
        elif len(ids) == 1:
            out.append(f"{ids[0]}: {key}")
        else:
            shown = ", ".join(dict.fromkeys(ids[:5]))
            out.append(f"{key} ({len(ids)} times: {shown}{', …' if len(set(ids)) > 5 else ''})")
    return out


def _apply_note(concept: Concept, key: str, value: str, result: ImportResult) -> None:
    if key == "level":
        concept.level = Level(value)
    elif key == "parent":
        concept.parent = value
    elif key in ("zh_name", "en_name", "source", "template", "place"):
        setattr(concept, key, value)
    elif key == "romanization":
        concept.romanization_exception = value
    elif key == "over":
        concept.over = tuple(Level(v) for v in value.split())
    elif key == "within":
        concept.within = value
    else:
        result.unmapped.append(f"{concept.id}: note shuyu:{key} not understood")


def _read_lang(lang_sec: ET.Element, concept: Concept, statuses: Counter[str], result: ImportResult) -> None:
    lang = (lang_sec.get(XML_LANG) or lang_sec.get("lang") or "").lower()
    lang = "zh" if lang.startswith("zh") else "en" if lang.startswith("en") else lang
    for sec in lang_sec:
        tag = _local(sec.tag)
        if tag not in ("termSec", "tig", "ntig"):
            if tag != "transacGrp":
                result.unmapped.append(f"{concept.id}: <{tag}> in {lang} not imported")
            continue
        term_text, status, flags = "", None, ""
        for el in sec.iter():
            etag = _local(el.tag)
            value = (el.text or "").strip()
            if etag == "term":
                term_text = "".join(el.itertext()).strip()
            elif (etag == "termNote" and el.get("type") in ("administrativeStatus", "usageStatus")) or \
                    etag in ("administrativeStatus", "usageStatus"):
                statuses[value.lower()] += 1
                status = STATUS_IN.get(value.lower())
                if status is None:
                    result.unmapped.append(f"{concept.id}: status {value!r} of {term_text!r} (imported as admitted)")
            elif etag == "note" and value.startswith("shuyu:flags="):
                flags = value.split("=", 1)[1]
        if not term_text:
            result.unmapped.append(f"{concept.id}: a {lang} term entry without a term")
            continue
        if status is None and not any(t.lang == lang for t in concept.terms):
            status = Status.PREFERRED  # the first term of a language without a status stands for the concept
        concept.terms.append(Term(term_text, lang, status or Status.ADMITTED, "case-sensitive" in flags.split(),
                                  "no-plural" not in flags.split()))
