"""Readers for the public WMT terminology data that `shuyu wmt` reproduces figures from.

Nothing here is bundled: the data is read by path from wherever the user keeps it. Every
reader turns a missing or malformed file into an :class:`~shuyu.errors.InputError` (one line,
exit 2 in the CLI).

- WMT25 terminology track 2 (``wmt-conference/wmt25-terminology``): ``references/full_data_<year>.jsonl``,
  ``submissions/<system>.<year>.<direction>.<mode>.jsonl``, the consistency metric's
  ``pseudorefs/*.tsv_pseudoref.tsv`` and ``stats/stats-<direction>.<mode>.json``, and the published
  ``track2_score_dict.json``.
- WMT21 terminology (Alam et al. 2021): SGML-ish ``.sgm`` files with one ``<seg id=…>`` per line
  and inline ``<term … tgt="a|b"> surface </term>`` annotations.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
from dataclasses import dataclass
from dataclasses import field
from pathlib import Path
from typing import Any

from shuyu.errors import InputError

ZHEN_YEARS = (2016, 2018, 2020, 2022, 2024)
PSEUDOREF_KINDS = ("first", "frequent", "predefined")


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError("no such file", path=str(path)) from None
    except IsADirectoryError:
        raise InputError("is a directory, not a file", path=str(path)) from None
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 (byte {exc.start})", path=str(path)) from None
    except OSError as exc:
        raise InputError(exc.strerror or "cannot read", path=str(path)) from None


def _jsonl(path: Path) -> list[dict[str, Any]]:
    rows = []
    for n, line in enumerate(_read(path).splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"bad JSON: {exc.msg}", path=str(path), line=n) from None
        if not isinstance(row, dict):
            raise InputError("expected one JSON object per line", path=str(path), line=n)
        rows.append(row)
    return rows


def _json(path: Path) -> Any:
    try:
        return json.loads(_read(path))
    except json.JSONDecodeError as exc:
        raise InputError(f"bad JSON: {exc.msg}", path=str(path), line=exc.lineno) from None


def require_dir(path: Path) -> Path:
    """``path`` when it is a directory, else an InputError."""
    if not path.exists():
        raise InputError("no such directory", path=str(path))
    if not path.is_dir():
        raise InputError("not a directory", path=str(path))
    return path


# --- WMT25 track 2 -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Wmt25Doc:
    """One document (a report chapter) of a year: source, reference, system output, proper terms."""

    year: int
    src: str
    ref: str
    hyp: str
    terms: dict[str, list[str]]
    #: The year's ``random`` dictionary (randomly chosen correctly aligned word pairs), empty when absent.
    random: dict[str, list[str]] = field(default_factory=dict)


def read_wmt25_docs(root: Path, system: str, mode: str, years: tuple[int, ...] = ZHEN_YEARS,
                    direction: str = "zhen") -> list[Wmt25Doc]:
    """The documents of every year, in year order, with the system output of ``mode``.

    As the organisers' ``evaluate_track2.py`` does: the references' ``proper`` dictionary is the
    one scored in every mode, and every text is stripped.
    """
    require_dir(root)
    src_lang, trg_lang = direction[:2], direction[2:]
    docs = []
    for year in years:
        ref_path = root / "references" / f"full_data_{year}.jsonl"
        hyp_path = root / "submissions" / f"{system}.{year}.{direction}.{mode}.jsonl"
        refs, hyps = _jsonl(ref_path), _jsonl(hyp_path)
        if len(refs) != len(hyps):
            raise InputError(f"{len(hyps)} documents, the reference has {len(refs)}", path=str(hyp_path))
        for n, (r, h) in enumerate(zip(refs, hyps, strict=True), start=1):
            for path, row, keys in ((ref_path, r, (src_lang, trg_lang, "proper")), (hyp_path, h, (src_lang, trg_lang))):
                missing = [k for k in keys if k not in row]
                if missing:
                    raise InputError(f"missing key {missing[0]!r}", path=str(path), line=n)
            if h[src_lang].strip() != r[src_lang].strip():
                raise InputError("source text differs from the reference file's", path=str(hyp_path), line=n)
            dicts = []
            for key in ("proper", "random"):
                terms = r.get(key, {})
                if not isinstance(terms, dict) or not all(isinstance(v, list) for v in terms.values()):
                    raise InputError(f"{key!r} must map each term to a list of target terms", path=str(ref_path), line=n)
                dicts.append(terms)
            docs.append(Wmt25Doc(year, r[src_lang].strip(), r[trg_lang].strip(), h[trg_lang].strip(), *dicts))
    return docs


def pseudoref_path(root: Path, system: str, year: int, mode: str, direction: str = "zhen") -> Path:
    """Where the consistency metric's pseudo-reference table of one year is."""
    return root / "pseudorefs" / f"{system}.{year}.{direction}.{mode}.tsv_pseudoref.tsv"


def read_pseudorefs(path: Path) -> dict[str, list[tuple[str, str]]]:
    """The three ``(aligned target term, pseudo-reference)`` column pairs of a pseudoref table.

    The file is pandas' ``to_csv(sep="\\t")`` of the metric's frame: an index column, then
    ``tgt``/``pseudoref_first``, ``tgt``/``pseudoref_frequent``, ``tgt``/``pseudoref_predefined``.
    Values are read as strings, exactly as written (pandas would turn some into NaN).
    """
    text = _read(path)
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter="\t"))
    if not rows:
        raise InputError("empty pseudo-reference table", path=str(path))
    header = rows[0]
    columns = {}
    for kind in PSEUDOREF_KINDS:
        name = f"pseudoref_{kind}"
        if name not in header or header.index(name) < 1 or header[header.index(name) - 1] != "tgt":
            raise InputError(f"no 'tgt' and {name!r} column pair", path=str(path), line=1)
        columns[kind] = header.index(name)
    for n, row in enumerate(rows[1:], start=2):
        if len(row) != len(header):
            raise InputError(f"{len(row)} columns, the header has {len(header)}", path=str(path), line=n)
    return {kind: [(row[j - 1], row[j]) for row in rows[1:]] for kind, j in columns.items()}


def read_stats(root: Path, mode: str, direction: str = "zhen") -> dict[str, Any]:
    """The organisers' per-system, per-year consistency figures (``stats/stats-<dir>.<mode>.json``)."""
    data = _json(root / "stats" / f"stats-{direction}.{mode}.json")
    if not isinstance(data, dict):
        raise InputError("expected a JSON object", path=str(root / "stats" / f"stats-{direction}.{mode}.json"))
    return data


def read_published(root: Path) -> dict[str, Any]:
    """The published track 2 scores (``track2_score_dict.json``: direction → mode → team → figures)."""
    data = _json(root / "track2_score_dict.json")
    if not isinstance(data, dict):
        raise InputError("expected a JSON object", path=str(root / "track2_score_dict.json"))
    return data


# --- WMT21 terminology (SGML) ------------------------------------------------------------------

_SEG = re.compile(r'<seg\s+id="([^"]*)"\s*>(.*?)</seg>', re.S)
_TERM = re.compile(r"<term\b([^>]*)>(.*?)</term>", re.S)
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True, slots=True)
class SgmTerm:
    """One ``<term>`` span: its attributes and its surface text (entities decoded)."""

    id: str
    type: str
    src: str
    tgt: str
    text: str


@dataclass(frozen=True, slots=True)
class SgmSeg:
    """One ``<seg>``: id, its text without markup (entities decoded), its terms in order."""

    id: str
    text: str
    terms: tuple[SgmTerm, ...]
    line: int


def parse_sgm(text: str, path: str = "") -> list[SgmSeg]:
    """Every ``<seg>`` of a WMT ``.sgm`` file, in file order.

    Entities are decoded once, as an HTML parser (the reference script's BeautifulSoup) does:
    ``&amp;gt;`` reads ``&gt;``, a bare ``&`` stays.

    >>> s = parse_sgm('<seg id="7"> a <term id="1" type="t" src="x" tgt="b|c"> b </term> &amp; </seg>')[0]
    >>> (s.id, s.text, s.terms[0].tgt, s.terms[0].text)
    ('7', ' a  b  & ', 'b|c', ' b ')
    """
    segs = []
    for n, line in enumerate(text.splitlines(), start=1):
        if "</seg>" not in line:
            continue
        m = _SEG.search(line)
        if m is None:
            raise InputError("unreadable <seg> line", path=path, line=n)
        terms = []
        for t in _TERM.finditer(m.group(2)):
            attrs = {k.lower(): html.unescape(v) for k, v in _ATTR.findall(t.group(1))}
            terms.append(SgmTerm(attrs.get("id", ""), attrs.get("type", ""), attrs.get("src", ""), attrs.get("tgt", ""),
                                 html.unescape(_TAG.sub("", t.group(2)))))
        segs.append(SgmSeg(m.group(1), html.unescape(_TAG.sub("", m.group(2))), tuple(terms), n))
    if not segs:
        raise InputError("no <seg> elements", path=path)
    return segs


def read_sgm(path: Path) -> list[SgmSeg]:
    """:func:`parse_sgm` of a file."""
    return parse_sgm(_read(path), str(path))
