"""Readers of paired zh–en files, streamed: TSV, JSONL, TMX, XLIFF 1.2/2.x, line-aligned pairs.

Every reader is a generator: memory does not grow with the file. Names ending in ``.gz`` are
decompressed on the fly. XML is parsed with defusedxml (no entity expansion, no external
entities).
"""

from __future__ import annotations

import gzip
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from defusedxml import ElementTree as SafeET

from shuyu.errors import InputError

FORMATS = ("tsv", "jsonl", "tmx", "xliff", "lines")
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@dataclass(frozen=True, slots=True)
class AlignedPair:
    """One Chinese segment and its English translation, with where the pair is in its file."""

    id: str
    zh: str
    en: str
    path: str
    line: int


def _open_text(path: Path) -> IO[str]:
    try:
        raw: IO[bytes] = gzip.open(path, "rb") if path.name.endswith(".gz") else path.open("rb")  # noqa: SIM115 - returned open
    except FileNotFoundError:
        raise InputError("no such file", path=str(path)) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", path=str(path)) from None
    return io.TextIOWrapper(raw, encoding="utf-8-sig", errors="strict", newline="")


def format_of(path: Path) -> str:
    """The pair format a file name implies."""
    name = path.name.lower().removesuffix(".gz")
    for suffix, fmt in ((".tsv", "tsv"), (".jsonl", "jsonl"), (".tmx", "tmx"), (".xlf", "xliff"),
                        (".xliff", "xliff"), (".zh", "lines")):
        if name.endswith(suffix):
            return fmt
    raise InputError("unknown bilingual format", path=str(path),
                     hint="use .tsv, .jsonl, .tmx, .xlf/.xliff, or corpus.zh with corpus.en (optionally .gz)")


def read_pairs(path: str | Path, *, fmt: str | None = None, en_path: str | Path | None = None) -> Iterator[AlignedPair]:
    """Stream the pairs of a bilingual file.

    :raises InputError: on a missing file, bad encoding, malformed XML or JSON, or unequal line counts.
    """
    p = Path(path)
    kind = fmt or format_of(p)
    readers = {"tsv": _tsv, "jsonl": _jsonl, "tmx": _tmx, "xliff": _xliff}
    try:
        if kind == "lines":
            yield from _lines(p, Path(en_path) if en_path else _sibling(p))
        elif kind in readers:
            yield from readers[kind](p)
        else:
            raise InputError(f"unknown bilingual format {kind!r}", path=str(p), hint="one of " + ", ".join(FORMATS))
    except UnicodeDecodeError as exc:
        raise InputError(f"not valid UTF-8 at byte {exc.start}", path=str(p), hint="save the file as UTF-8") from None
    except (EOFError, gzip.BadGzipFile) as exc:
        raise InputError(f"not a valid gzip file ({exc})", path=str(p)) from None


def _sibling(zh: Path) -> Path:
    name = zh.name
    en = name[:-3] + ".en" if name.endswith(".zh") else name.replace(".zh.", ".en.")
    return zh.with_name(en)


def _tsv(path: Path) -> Iterator[AlignedPair]:
    with _open_text(path) as f:
        for n, raw in enumerate(f, start=1):
            line = raw.rstrip("\r\n")
            if not line.strip():
                continue
            cells = line.split("\t")
            if n == 1 and [c.strip().lower() for c in cells] in (["zh", "en"], ["id", "zh", "en"]):
                continue
            if len(cells) == 2:
                yield AlignedPair(str(n), cells[0], cells[1], str(path), n)
            elif len(cells) == 3:
                yield AlignedPair(cells[0], cells[1], cells[2], str(path), n)
            else:
                raise InputError(f"expected 2 or 3 tab-separated columns, found {len(cells)}", path=str(path),
                                 line=n, hint="zh<TAB>en or id<TAB>zh<TAB>en")


def _jsonl(path: Path) -> Iterator[AlignedPair]:
    with _open_text(path) as f:
        for n, line in enumerate(f, start=1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"malformed JSON: {exc.msg}", path=str(path), line=n, column=exc.colno) from None
            if not isinstance(item, dict) or not isinstance(item.get("zh"), str) or not isinstance(item.get("en"), str):
                raise InputError('each line must be an object with "zh" and "en" strings', path=str(path), line=n)
            yield AlignedPair(str(item.get("id", n)), item["zh"], item["en"], str(path), n)


def _lines(zh_path: Path, en_path: Path) -> Iterator[AlignedPair]:
    with _open_text(zh_path) as zf, _open_text(en_path) as ef:
        n = 0
        for n, (z, e) in enumerate(zip(zf, ef), start=1):  # noqa: B905 - counts checked below
            yield AlignedPair(str(n), z.rstrip("\r\n"), e.rstrip("\r\n"), str(zh_path), n)
        if zf.readline() or ef.readline():
            raise InputError(f"{zh_path.name} and {en_path.name} have different numbers of lines (first "
                             f"difference after line {n})", path=str(zh_path))


def _text_of(elem) -> str:  # type: ignore[no-untyped-def]
    """The text of a segment element, inline markup (ph, bpt, g, mrk…) flattened to its text."""
    return "".join(elem.itertext())


def _lang_side(lang: str) -> str:
    lang = lang.lower()
    return "zh" if lang.startswith("zh") else "en" if lang.startswith("en") else ""


def _iter_xml(path: Path):  # type: ignore[no-untyped-def]
    try:
        with _open_text(path) as f:
            data = f.read().encode("utf-8")
        yield from SafeET.iterparse(io.BytesIO(data), events=("start", "end"))
    except SafeET.ParseError as exc:
        line, column = getattr(exc, "position", (0, 0))
        raise InputError(f"malformed XML: {exc}", path=str(path), line=line, column=column + 1) from None


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _tmx(path: Path) -> Iterator[AlignedPair]:
    index = 0
    for event, elem in _iter_xml(path):
        if event != "end" or _local(elem.tag) != "tu":
            continue
        index += 1
        sides: dict[str, str] = {}
        for tuv in elem:
            if _local(tuv.tag) != "tuv":
                continue
            side = _lang_side(tuv.get(XML_LANG) or tuv.get("lang") or "")
            seg = next((c for c in tuv if _local(c.tag) == "seg"), None)
            if side and seg is not None:
                sides[side] = _text_of(seg)
        if "zh" in sides and "en" in sides:
            yield AlignedPair(elem.get("tuid") or str(index), sides["zh"], sides["en"], str(path), index)
        elem.clear()


def _xliff(path: Path) -> Iterator[AlignedPair]:
    src_lang = trg_lang = ""
    index = 0
    for event, elem in _iter_xml(path):
        tag = _local(elem.tag)
        if event == "start":
            if tag == "xliff" and elem.get("srcLang"):  # XLIFF 2.x
                src_lang, trg_lang = elem.get("srcLang", ""), elem.get("trgLang", "")
            elif tag == "file" and elem.get("source-language"):  # XLIFF 1.2
                src_lang, trg_lang = elem.get("source-language", ""), elem.get("target-language", "")
            continue
        if tag not in ("trans-unit", "segment"):
            continue
        index += 1
        source = next((c for c in elem.iter() if _local(c.tag) == "source"), None)
        target = next((c for c in elem.iter() if _local(c.tag) == "target"), None)
        if source is None or target is None:
            continue
        texts = {_lang_side(src_lang) or "zh": _text_of(source), _lang_side(trg_lang) or "en": _text_of(target)}
        if "zh" in texts and "en" in texts:
            yield AlignedPair(elem.get("id") or str(index), texts["zh"], texts["en"], str(path), index)
        if tag == "trans-unit":
            elem.clear()
