"""Readers of paired zh–en files, streamed: TSV, JSONL, TMX, XLIFF 1.2/2.x, line-aligned pairs.

Every reader is a generator over the file read a block at a time: memory does not grow with the
file. Names ending in ``.gz`` are decompressed on the fly. Text files (TSV, JSONL, line pairs) are
UTF-8 (with or without BOM), UTF-16 with a BOM, or GB18030, found from the file's first block as
:func:`~shuyu.formats.decode.decode_bytes` finds it. XML is parsed with defusedxml (no entity
expansion, no external entities) in the encoding its declaration names. A pair's ``line`` is the
line of the file it is on (for XML, the line of its ``tu``, ``trans-unit`` or ``segment`` tag).

:func:`read_pairs` returns a :class:`PairReader`: an iterator over the pairs that also counts the units it
skipped (XLIFF units not translated yet) and raises :class:`~shuyu.errors.InputError` at the end of a file
that gave no pair at all (an empty file, a TMX without ``<tu>``, an XLIFF without units or with none
translated), so that a check or a score never passes on nothing.
"""

from __future__ import annotations

import codecs
import functools
import gzip
import io
import json
import re
import xml.etree.ElementTree as ET
import zlib
from collections.abc import Callable
from collections.abc import Iterable
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from typing import IO

from defusedxml import DefusedXmlException
from defusedxml import ElementTree as SafeET
from defusedxml import EntitiesForbidden

from shuyu.errors import InputError
from shuyu.formats.decode import decode_bytes
from shuyu.formats.decode import utf16_without_bom

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


HEAD = 1 << 16
_CHUNK = 1 << 16
_LINE_END = re.compile(r"([^\r\n]*)(\r\n|\r|\n)")


def _open_binary(path: Path) -> IO[bytes]:
    """The file's bytes as a stream, gunzipped on the fly when its name ends in ``.gz``."""
    try:
        if path.name.lower().endswith(".gz"):
            return gzip.open(path, "rb")
        return path.open("rb")
    except FileNotFoundError:
        raise InputError("no such file", path=str(path), hint="check the path") from None
    except IsADirectoryError:
        raise InputError("is a directory, not a file", path=str(path), hint="name a file") from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", path=str(path)) from None


def _sniff(head: bytes, complete: bool, path: Path) -> tuple[str, int]:
    """The codec of a text file from its first block, and the length of its BOM.

    :raises InputError: when the block is neither UTF-8 nor Chinese GB18030 or UTF-16 (at the bad byte's line).
    """
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8", 3
    if head.startswith(codecs.BOM_UTF16_LE):
        return "utf-16-le", 2
    if head.startswith(codecs.BOM_UTF16_BE):
        return "utf-16-be", 2
    utf16 = utf16_without_bom(head)
    if utf16:
        return utf16, 0
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=complete)
        return "utf-8", 0
    except UnicodeDecodeError:
        pass
    # Whole lines only: in UTF-8, GB18030 and Big5 a 0x0A byte is always a line end.
    sample = head if complete or b"\n" not in head else head[: head.rindex(b"\n") + 1]
    _, encoding = decode_bytes(sample, str(path))  # utf-8 (the bad byte is past the sample), gb18030, big5hkscs or utf-16-*
    return encoding, 0


def _split_lines(text: str) -> Iterator[str]:
    """The lines of ``text`` without their ends; ``\\n``, ``\\r\\n`` and a lone ``\\r`` each end one."""
    pos = 0
    for m in _LINE_END.finditer(text):
        yield m.group(1)
        pos = m.end()
    if pos < len(text):
        yield text[pos:]


def _text_lines(path: Path) -> Iterator[tuple[int, str]]:
    """``(line number, line)`` of a text file, lines without their ends, read a block at a time.

    Line numbers count ``\\n``, ``\\r\\n`` and a lone ``\\r`` as line ends, as
    :class:`~shuyu.text.offsets.LineIndex` does, so they match positions in the decoded file.

    :raises InputError: at the line (and byte) where the file stops decoding, or for a broken gzip stream.
    """
    for first, lines in line_blocks(path):
        yield from enumerate(lines, first)


def line_blocks(path: Path) -> Iterator[tuple[int, list[str]]]:
    """The lines of a text file a block at a time: ``(number of the first line, lines)``, lines without their
    ends; the lines, numbers and errors of :func:`_text_lines`, which is this flattened.

    For ``shuyu score --jobs``: the parent reads and decodes blocks (C calls, no per-line Python work) and the
    workers parse the lines (:func:`parse_lines`).

    :raises InputError: at the line (and byte) where the file stops decoding, or for a broken gzip stream;
        every line before the bad one has been yielded. For a :data:`LINE_FORMATS` file (by its name), after
        the last block when no line gave a pair (an empty file, blank lines, a TSV header alone), as
        :func:`read_pairs` does: ``shuyu score`` reads such files through here, not through it.
    """
    try:
        fmt: str | None = format_of(path)
    except InputError:
        fmt = None
    found = fmt not in LINE_FORMATS
    try:
        for first, lines in _decoded_blocks(path):
            if not found:
                found = any(not yields_no_pair(fmt, n, line) for n, line in enumerate(lines, first))  # type: ignore[arg-type]
            yield first, lines
    except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
        raise InputError(f"not a valid gzip file ({exc})", path=str(path)) from None
    except UnicodeDecodeError as exc:  # as read_pairs words it
        raise InputError(f"not valid UTF-8 at byte {exc.start}", path=str(path), hint="save the file as UTF-8") from None
    if not found:
        raise no_pairs_error(path, fmt or "")


#: Bytes read at a time; a block is cut after its last line end (a line longer than this is read whole).
_BLOCK = 1 << 17
#: Lines per block of a UTF-16 file (decoded by a text stream, line by line).
_UTF16_LINES = 1000


def _decoded_blocks(path: Path) -> Iterator[tuple[int, list[str]]]:
    with _open_binary(path) as raw:
        head = raw.read(HEAD)
        encoding, bom = _sniff(head, len(head) < HEAD, path)
        raw.seek(bom)
        if encoding.startswith("utf-16"):
            yield from _utf16_blocks(raw, encoding, path)
            return
        n, offset, rest = 0, bom, b""
        while True:
            data = raw.read(_BLOCK)
            if data:
                buf = rest + data
                cut = buf.rfind(b"\n") + 1
                if not cut:
                    rest = buf
                    continue
                block, rest = buf[:cut], buf[cut:]
            else:
                block, rest = rest, b""
                if not block:
                    return
            try:
                # In UTF-8, GB18030 and Big5 a 0x0A or 0x0D byte is always a line end, never part of a character:
                # decoding whole lines together is decoding them one by one.
                text = block.decode(encoding)
            except UnicodeDecodeError:
                # Line by line, to name the byte, line and column; the lines before the bad one come first.
                lines = []
                try:
                    for _, line in _lines_one_by_one(io.BytesIO(block), encoding, path, offset, n):
                        lines.append(line)
                except InputError as error:
                    if lines:
                        yield n + 1, lines
                    raise error from None
                # A block that does not decode has a line that does not, so the loop above raises; should
                # it ever decode line by line after all, those lines are the block's.
                text = None
                yield n + 1, lines
                n += len(lines)
            if text is not None:
                # \r\n, then a lone \r, are line ends as \n is (the _LINE_END pattern, left to right)
                lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
                if lines[-1] == "":
                    lines.pop()  # the block ends with a line end (or is empty)
                yield n + 1, lines
                n += len(lines)
            offset += len(block)
            if not data:
                return


def _utf16_blocks(raw: IO[bytes], encoding: str, path: Path) -> Iterator[tuple[int, list[str]]]:
    text = io.TextIOWrapper(raw, encoding=encoding, errors="strict", newline="")
    n, lines = 0, []
    try:
        for line in text:
            lines.append(line.rstrip("\r\n"))
            if len(lines) == _UTF16_LINES:
                yield n + 1, lines
                n, lines = n + len(lines), []
    except UnicodeDecodeError as exc:
        error = InputError(f"cannot decode as {encoding.upper()} ({exc.reason})", path=str(path),
                           line=n + len(lines) + 1, hint="save the file as UTF-8")
        if lines:
            yield n + 1, lines
        raise error from None
    finally:
        text.detach()  # the caller closes the file
    if lines:
        yield n + 1, lines


def _lines_one_by_one(raw: IO[bytes], encoding: str, path: Path, offset: int, n: int) -> Iterator[tuple[int, str]]:
    """The lines of ``raw`` (at byte ``offset`` of the file, after line ``n``) decoded one binary line at a time,
    to name the exact byte, line and column that does not decode."""
    for chunk in raw:  # binary lines, each ending in b"\n"
        try:
            decoded = chunk.decode(encoding)
        except UnicodeDecodeError as exc:
            before = chunk[: exc.start].decode(encoding, errors="replace")
            lines_before = list(_split_lines(before)) if before else [""]
            if before.endswith(("\r", "\n")):
                lines_before.append("")
            raise InputError(f"cannot decode as {encoding.upper()} at byte {offset + exc.start}", path=str(path),
                             line=n + len(lines_before), column=len(lines_before[-1]) + 1,
                             hint="save the file as UTF-8") from None
        offset += len(chunk)
        for line in _split_lines(decoded):
            n += 1
            yield n, line


def format_of(path: Path) -> str:
    """The pair format a file name implies."""
    name = path.name.lower().removesuffix(".gz")
    for suffix, fmt in ((".tsv", "tsv"), (".jsonl", "jsonl"), (".tmx", "tmx"), (".xlf", "xliff"),
                        (".xliff", "xliff"), (".zh", "lines")):
        if name.endswith(suffix):
            return fmt
    raise InputError("unknown bilingual format", path=str(path),
                     hint="use .tsv, .jsonl, .tmx, .xlf/.xliff, or corpus.zh with corpus.en (optionally .gz)")


#: Untranslated units a :class:`PairReader` names in its :meth:`~PairReader.note`; the rest are counted.
_NOTE_IDS = 5

_NO_PAIRS_HINTS = {
    "tsv": "write one pair a line: zh<TAB>en or id<TAB>zh<TAB>en",
    "jsonl": 'write one pair a line: {"zh": "…", "en": "…"}',
    "tmx": 'each <tu> needs a <tuv xml:lang="zh…"> and a <tuv xml:lang="en…"> with a <seg>',
    "xliff": "each <trans-unit> (XLIFF 1.2) or <segment> (XLIFF 2) needs a <source> and a <target>",
    "lines": "the two files must have one line per segment",
}


def no_pairs_error(path: Path, fmt: str, skipped: int = 0) -> InputError:
    """The error for a bilingual file that gave no pair: empty, or (``skipped``) with no unit translated."""
    if skipped:
        unit = "unit" if skipped == 1 else "units"
        return InputError(f"no translated units in the file ({skipped} untranslated {unit} skipped)", path=str(path),
                          hint="shuyu reads translated units only: translate some first")
    return InputError("no translation pairs in the file", path=str(path),
                      hint=_NO_PAIRS_HINTS.get(fmt, "the file is empty or holds no zh–en pairs"))


class PairReader(Iterator[AlignedPair]):
    """The pairs of a bilingual file, streamed (what :func:`read_pairs` returns), and what reading them skipped.

    Iterate it as any iterator of :class:`AlignedPair`. Once it is exhausted, :attr:`skipped` counts the units
    left out because they are not translated yet (XLIFF: no ``<target>``, or an empty one), :attr:`skipped_units`
    names them (``(id, line)``), and :meth:`note` words them for a report::

        reader = read_pairs("job.xlf")
        pairs = list(reader)
        if reader.skipped:
            print("note:", reader.note())

    :raises InputError: as :func:`read_pairs` says, while iterating.
    """

    __slots__ = ("_it", "_make", "pairs", "path", "skipped_units")

    def __init__(self, path: Path, make: Callable[[PairReader], Iterator[AlignedPair]]) -> None:
        self.path = str(path)
        #: Pairs yielded so far.
        self.pairs = 0
        #: ``(id, line)`` of every unit skipped as untranslated, in file order.
        self.skipped_units: list[tuple[str, int]] = []
        self._make = make
        self._it: Iterator[AlignedPair] | None = None

    @property
    def skipped(self) -> int:
        """How many units were skipped as untranslated so far."""
        return len(self.skipped_units)

    def __iter__(self) -> PairReader:
        return self

    def __next__(self) -> AlignedPair:
        if self._it is None:
            self._it = self._make(self)
        pair = next(self._it)
        self.pairs += 1
        return pair

    def close(self) -> None:
        """Stop reading and close the file (as a generator's ``close``)."""
        close = getattr(self._it, "close", None)
        if close is not None:
            close()

    def note(self) -> str | None:
        """One line for the report on the units skipped, or None when none were (say, ``p.xlf: 2 untranslated
        units skipped (no target or an empty one): t3 (line 12), t7 (line 30)``)."""
        n = self.skipped
        if not n:
            return None
        named = ", ".join(f"{ident} (line {line})" for ident, line in self.skipped_units[:_NOTE_IDS])
        more = f", and {n - _NOTE_IDS} more" if n > _NOTE_IDS else ""
        unit = "unit" if n == 1 else "units"
        return f"{self.path}: {n} untranslated {unit} skipped (no target or an empty one): {named}{more}"


def read_pairs(path: str | Path, *, fmt: str | None = None, en_path: str | Path | None = None) -> PairReader:
    """Stream the pairs of a bilingual file, in file order.

    XLIFF units not translated yet (no ``<target>``, or one with no text, whatever its ``state``) are skipped and
    counted on the returned :class:`PairReader` (``reader.skipped``, ``reader.note()``); a target with text is
    read whatever its state (``new``, ``needs-translation``, ``initial``…).

    :param path: the file (for line pairs, the Chinese one: ``NAME.zh``, its translation ``NAME.en``).
    :param fmt: one of :data:`FORMATS`; by default the file name's suffix says.
    :param en_path: the English file of line pairs, when it is not the ``.zh`` file's sibling.
    :raises InputError: on a missing file, bad encoding, malformed XML or JSON, a unit without its
        source (or a TMX unit without one side), unequal line counts, or, at the end, a file that gave no
        pair ("no translation pairs in the file"; "no translated units in the file" when every XLIFF unit
        was skipped); always naming the file and, where there is one, the line.
    """
    p = Path(path)
    return PairReader(p, lambda reader: _read(p, fmt, en_path, reader))


def _read(p: Path, fmt: str | None, en_path: str | Path | None, reader: PairReader) -> Iterator[AlignedPair]:
    kind = fmt or format_of(p)
    readers = {"tsv": _tsv, "jsonl": _jsonl, "tmx": _tmx}
    try:
        if kind == "lines":
            pairs = _lines(p, Path(en_path) if en_path else _sibling(p))
        elif kind == "xliff":
            pairs = _xliff(p, lambda ident, line: reader.skipped_units.append((ident, line)))
        elif kind in readers:
            pairs = readers[kind](p)
        else:
            raise InputError(f"unknown bilingual format {kind!r}", path=str(p), hint="one of " + ", ".join(FORMATS))
        n = 0
        for pair in pairs:
            n += 1
            yield pair
        if not n:
            raise no_pairs_error(p, kind, reader.skipped)
    except UnicodeDecodeError as exc:
        raise InputError(f"not valid UTF-8 at byte {exc.start}", path=str(p), hint="save the file as UTF-8") from None
    except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
        raise InputError(f"not a valid gzip file ({exc})", path=str(p)) from None


def _sibling(zh: Path) -> Path:
    name = zh.name
    lower = name.lower()
    if lower.endswith(".zh"):
        en = name[:-3] + ".en"
    elif lower.endswith(".zh.gz"):
        en = name[:-6] + ".en.gz"
    elif ".zh." in name:
        en = name.replace(".zh.", ".en.", 1)
    else:
        raise InputError("cannot tell which file holds the English lines", path=str(zh),
                         hint="name the files NAME.zh and NAME.en, or give the English file")
    return zh.with_name(en)


#: Formats with one pair a line: :func:`line_blocks` reads them, :func:`parse_lines` parses the lines.
LINE_FORMATS = ("tsv", "jsonl")


def parse_lines(path: Path, fmt: str, numbered: Iterable[tuple[int, str]]) -> Iterator[AlignedPair]:
    """The pairs of numbered lines of a :data:`LINE_FORMATS` file: what :func:`read_pairs` yields from them.

    :raises InputError: as :func:`read_pairs` does, for a line that is not a pair.
    """
    return _tsv_lines(path, numbered) if fmt == "tsv" else _jsonl_lines(path, numbered)


def pair_tuples(path: Path, fmt: str, numbered: Iterable[tuple[int, str]]) -> list[tuple[str, str, str]]:
    """``[(f"{path.name}:{pair.id}", pair.zh, pair.en) for pair in parse_lines(path, fmt, numbered)]``, what
    ``shuyu score`` reads, with TSV lines split straight into the tuples (no :class:`AlignedPair` per line).

    :raises InputError: as :func:`parse_lines` does, for the first line that is not a pair.
    """
    name = path.name
    if fmt != "tsv":
        return [(f"{name}:{p.id}", p.zh, p.en) for p in parse_lines(path, fmt, numbered)]
    return [(f"{name}:{pair_id}", zh, en) for _, pair_id, zh, en in _tsv_rows(path, numbered)]


def yields_no_pair(fmt: str, n: int, line: str) -> bool:
    """True for a line of a :data:`LINE_FORMATS` file that gives no pair and no error: a blank line, or a TSV
    header on line 1. Every other line gives one pair (or an error)."""
    return not line.strip() or (fmt == "tsv" and n == 1 and _tsv_header(line.split("\t")) is not None)


# TSV header cells: a language (a name, or a code such as zh, zh-CN, zh_Hans, zho, en-US, eng), the sides
# by their role (source is the Chinese, target the English: shuyu reads zh→en), or the id column.
_ZH_CELL = re.compile(r"(?:zh|zho|chi|cmn)(?:[-_][a-z0-9]+)*|chinese|中文|汉语|source|src", re.IGNORECASE)
_EN_CELL = re.compile(r"(?:en|eng)(?:[-_][a-z0-9]+)*|english|英文|英语|target|tgt|trg", re.IGNORECASE)
_ID_CELLS = frozenset({"id", "tuid", "key", "#", "no", "no.", "seg", "segment", "segid", "seg_id", "segment_id"})

#: ``{columns: (id column or None, zh column, en column)}`` for rows of 2 and 3 cells.
_Layout = dict[int, tuple[int | None, int, int]]
_DEFAULT_LAYOUT: _Layout = {2: (None, 0, 1), 3: (0, 1, 2)}


def _tsv_header(cells: list[str]) -> _Layout | None:
    """The column layout a TSV header row names, or None when the row is no header.

    A header has 2 or 3 cells: one naming the Chinese, one the English and, with 3, one the id (see
    ``_ZH_CELL``, ``_EN_CELL``, ``_ID_CELLS``; case and surrounding spaces aside). Rows of the other width
    keep the header's order of zh and en (and an id first).
    """
    if len(cells) not in (2, 3):
        return None
    roles = []
    for cell in cells:
        c = cell.strip()
        role = ("zh" if _ZH_CELL.fullmatch(c) else "en" if _EN_CELL.fullmatch(c)
                else "id" if c.lower() in _ID_CELLS else None)
        if role is None or role in roles:
            return None
        roles.append(role)
    if "zh" not in roles or "en" not in roles:
        return None
    z, e = roles.index("zh"), roles.index("en")
    if len(cells) == 2:
        return {2: (None, z, e), 3: (0, z + 1, e + 1)}
    return {2: (None, 0, 1) if z < e else (None, 1, 0), 3: (roles.index("id"), z, e)}


def _file_layout(path: Path) -> _Layout:
    """The layout the header on line 1 of the TSV file at ``path`` names (the default when it has none, or
    when it cannot be read): for lines parsed away from line 1 (``shuyu score`` parses a file a block at a time)."""
    try:
        st = path.stat()
    except OSError:
        return _DEFAULT_LAYOUT
    return _cached_layout(str(path), st.st_mtime_ns, st.st_size)


@functools.lru_cache(maxsize=64)
def _cached_layout(name: str, mtime_ns: int, size: int) -> _Layout:
    lines = _text_lines(Path(name))
    try:
        first = next(lines, None)
    except InputError:
        return _DEFAULT_LAYOUT
    finally:
        lines.close()
    if first is None or first[0] != 1:
        return _DEFAULT_LAYOUT
    return _tsv_header(first[1].split("\t")) or _DEFAULT_LAYOUT


def _tsv(path: Path) -> Iterator[AlignedPair]:
    return _tsv_lines(path, _text_lines(path))


def _tsv_lines(path: Path, numbered: Iterable[tuple[int, str]]) -> Iterator[AlignedPair]:
    for n, pair_id, zh, en in _tsv_rows(path, numbered):
        yield AlignedPair(pair_id, zh, en, str(path), n)


def _tsv_rows(path: Path, numbered: Iterable[tuple[int, str]]) -> Iterator[tuple[int, str, str, str]]:
    """(line number, id, zh, en) of each pair line of a TSV file (blank lines and a header skipped).

    Columns: ``zh<TAB>en`` or ``id<TAB>zh<TAB>en`` (the id of a 2-column row is its line number). Line 1 may
    be a header naming the columns: languages (``zh en``, ``en zh``, ``zh-CN en-US``, ``English Chinese``…),
    roles (``source target``: the source is the Chinese) and for 3 columns an ``id`` (``id en zh``). It is
    skipped, and its order of zh and en holds for every row: ``en<TAB>zh`` swaps the columns. A file without
    such a header is read as ``zh<TAB>en``. Lines parsed away from line 1 (a block of ``shuyu score``) take
    the header of the file at ``path``.
    """
    it = iter(numbered)
    head = next(it, None)
    if head is None:
        return
    layout = _tsv_header(head[1].split("\t")) if head[0] == 1 else None
    if layout is None:
        layout = _file_layout(path) if head[0] != 1 else _DEFAULT_LAYOUT
        it = chain((head,), it)
    (_, z2, e2), (i3, z3, e3) = layout[2], layout[3]
    for n, line in it:
        if not line.strip():
            continue
        cells = line.split("\t")
        if len(cells) == 2:
            yield n, str(n), cells[z2], cells[e2]
        elif len(cells) == 3:
            yield n, cells[i3], cells[z3], cells[e3]  # type: ignore[index]
        else:
            raise InputError(f"expected 2 or 3 tab-separated columns, found {len(cells)}", path=str(path),
                             line=n, hint="zh<TAB>en or id<TAB>zh<TAB>en")


def _jsonl(path: Path) -> Iterator[AlignedPair]:
    return _jsonl_lines(path, _text_lines(path))


def _jsonl_lines(path: Path, numbered: Iterable[tuple[int, str]]) -> Iterator[AlignedPair]:
    for n, line in numbered:
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"malformed JSON: {exc.msg}", path=str(path), line=n, column=exc.colno) from None
        if not isinstance(item, dict) or not isinstance(item.get("zh"), str) or not isinstance(item.get("en"), str):
            raise InputError('each line must be an object with "zh" and "en" strings', path=str(path), line=n)
        ident = item.get("id")
        if ident is not None and (isinstance(ident, bool) or not isinstance(ident, (str, int))):
            raise InputError('"id" must be a string or an integer', path=str(path), line=n)
        yield AlignedPair(str(n) if ident is None else str(ident), item["zh"], item["en"], str(path), n)


def _lines(zh_path: Path, en_path: Path) -> Iterator[AlignedPair]:
    en_lines = _text_lines(en_path)
    for n, zh in _text_lines(zh_path):
        en = next(en_lines, None)
        if en is None:
            raise InputError(f"{zh_path.name} has more lines than {en_path.name}: line {n} has no translation",
                             path=str(zh_path), line=n, hint="the two files must have one line per segment")
        yield AlignedPair(str(n), zh, en[1], str(zh_path), n)
    extra = next(en_lines, None)
    if extra is not None:
        raise InputError(f"{en_path.name} has more lines than {zh_path.name}: line {extra[0]} has no source",
                         path=str(en_path), line=extra[0], hint="the two files must have one line per segment")


#: Inline elements whose content is native code (markup of the original format), not text: TMX 1.4b bpt,
#: ept, it, ph and ut, XLIFF 1.2 bpt, ept, it, ph. XLIFF 2's inline codes (ph, sc, ec) are empty elements.
#: A ``<sub>`` inside native code is a sub-flow (a link's title…), not the segment's text: left out with it.
NATIVE_CODE = frozenset({"bpt", "ept", "it", "ph", "ut"})


def _text_of(elem: ET.Element) -> str:
    """The text of a segment element: text-bearing inline markup (XLIFF 1.2 g and mrk, TMX hi, XLIFF 2
    pc and mrk…) flattened to its text, native code (:data:`NATIVE_CODE`) left out."""
    parts = [elem.text or ""]
    for child in elem:
        if _local(child.tag) not in NATIVE_CODE:
            parts.append(_text_of(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _lang_side(lang: str) -> str:
    lang = lang.lower()
    return "zh" if lang.startswith("zh") else "en" if lang.startswith("en") else ""


# Elements whose start-tag line is noted: units, and the elements that name the languages.
_TRACKED = frozenset({"tu", "trans-unit", "segment", "unit", "file", "xliff"})
_EXPAT_WHERE = re.compile(r": line \d+, column \d+$")


class _LineTreeBuilder(ET.TreeBuilder):
    """A tree builder that notes the line of each unit's start tag (``tu``, ``trans-unit``, ``segment``…)."""

    def __init__(self) -> None:
        super().__init__()
        self.expat = None
        self.lines: dict[ET.Element, int] = {}

    def start(self, tag, attrs):  # type: ignore[no-untyped-def]
        elem = super().start(tag, attrs)
        if _local(tag) in _TRACKED and self.expat is not None:
            self.lines[elem] = self.expat.CurrentLineNumber
        return elem


def _iter_xml(path: Path) -> Iterator[tuple[str, ET.Element, int, ET.Element | None]]:
    """``(event, element, line, parent)`` of an XML file parsed a block at a time.

    ``line`` is the line of the start tag for units (0 for other elements); ``parent`` is the
    enclosing element, so that a handled unit can be dropped from the tree and memory stays flat.
    """
    builder = _LineTreeBuilder()
    parser = SafeET.XMLParser(target=builder)
    builder.expat = parser.parser
    pull = ET.XMLPullParser(events=("start", "end"), _parser=parser)
    stack: list[ET.Element] = []
    try:
        with _open_binary(path) as raw:
            while True:
                chunk = raw.read(_CHUNK)
                if chunk:
                    pull.feed(chunk)
                else:
                    pull.close()
                for event, elem in pull.read_events():
                    if event == "start":
                        stack.append(elem)
                        yield event, elem, builder.lines.get(elem, 0), stack[-2] if len(stack) > 1 else None
                    else:
                        stack.pop()
                        yield event, elem, builder.lines.pop(elem, 0), stack[-1] if stack else None
                if not chunk:
                    return
    except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
        raise InputError(f"not a valid gzip file ({exc})", path=str(path)) from None
    except ET.ParseError as exc:
        line, column = getattr(exc, "position", (0, 0))
        message = _EXPAT_WHERE.sub("", str(exc))
        raise InputError(f"malformed XML: {message}", path=str(path), line=line, column=column + 1) from None
    except EntitiesForbidden as exc:
        raise InputError(f"refused XML: declares the entity {exc.name!r}", path=str(path),
                         line=parser.parser.CurrentLineNumber, hint="XML entities are never expanded") from None
    except DefusedXmlException as exc:
        raise InputError(f"refused XML: {type(exc).__name__}", path=str(path), line=parser.parser.CurrentLineNumber,
                         hint="external references are never followed") from None


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _drop(elem: ET.Element, parent: ET.Element | None) -> None:
    elem.clear()
    if parent is not None:
        parent.remove(elem)


def _tmx(path: Path) -> Iterator[AlignedPair]:
    index = 0
    for event, elem, line, parent in _iter_xml(path):
        if event != "end" or _local(elem.tag) != "tu":
            continue
        index += 1
        sides: dict[str, str] = {}
        for tuv in elem:
            if _local(tuv.tag) != "tuv":
                continue
            side = _lang_side(tuv.get(XML_LANG) or tuv.get("lang") or "")
            seg = next((c for c in tuv if _local(c.tag) == "seg"), None)
            if side and seg is not None and side not in sides:
                sides[side] = _text_of(seg)
        ident = elem.get("tuid") or str(index)
        for side in ("zh", "en"):
            if side not in sides:
                raise InputError(f"translation unit {ident!r} has no {side} segment", path=str(path), line=line,
                                 hint='each <tu> needs a <tuv xml:lang="zh…"> and a <tuv xml:lang="en…"> with a <seg>')
        yield AlignedPair(ident, sides["zh"], sides["en"], str(path), line)
        _drop(elem, parent)


def _xliff(path: Path, skip: Callable[[str, int], None] | None = None) -> Iterator[AlignedPair]:
    """The translated units of an XLIFF 1.2 or 2.x file; ``skip(id, line)`` for each unit left out as not
    translated yet: no ``<target>``, or a target with no text (its ``state`` aside: a ``new``,
    ``needs-translation`` or ``initial`` target with text is read)."""
    src_side = trg_side = ""
    index = 0
    unit_id = ""
    segments_in_unit = 0
    for event, elem, line, parent in _iter_xml(path):
        tag = _local(elem.tag)
        if event == "start":
            langs = None
            if tag == "xliff" and elem.get("srcLang"):  # XLIFF 2.x
                langs = (elem.get("srcLang", ""), elem.get("trgLang", ""))
            elif tag == "file" and elem.get("source-language"):  # XLIFF 1.2
                langs = (elem.get("source-language", ""), elem.get("target-language", ""))
            elif tag == "unit":
                unit_id, segments_in_unit = elem.get("id", ""), 0
            if langs is not None:
                src_side = _lang_side(langs[0]) if langs[0] else "zh"
                trg_side = _lang_side(langs[1]) if langs[1] else "en"
                if {src_side, trg_side} != {"zh", "en"}:
                    raise InputError(f"not a Chinese–English file (source {langs[0]!r}, target {langs[1]!r})",
                                     path=str(path), line=line)
            continue
        if tag == "unit":
            _drop(elem, parent)
            continue
        if tag not in ("trans-unit", "segment"):
            continue
        index += 1
        source = next((c for c in elem if _local(c.tag) == "source"), None)
        target = next((c for c in elem if _local(c.tag) == "target"), None)
        if tag == "segment":
            segments_in_unit += 1
            ident = elem.get("id") or (f"{unit_id}:{segments_in_unit}" if unit_id else str(index))
        else:
            ident = elem.get("id") or str(index)
        if source is None:
            raise InputError(f"{tag} {ident!r} has no <source>", path=str(path), line=line,
                             hint="every unit needs its <source>: add it or remove the unit")
        target_text = _text_of(target) if target is not None else ""
        if not target_text.strip():  # not translated yet: partly translated files are the normal state mid-job
            if skip is not None:
                skip(ident, line)
            _drop(elem, parent)
            continue
        texts = {src_side or "zh": _text_of(source), trg_side or "en": target_text}
        yield AlignedPair(ident, texts["zh"], texts["en"], str(path), line)
        _drop(elem, parent)
