"""Baselines: record today's findings so that only new ones are reported.

An entry matches a finding on its rule, concept, file and the text around the span (the line
the finding is on, whitespace folded), never on the line number, so an unrelated edit above it
does not revive it. An entry may carry a reason and an expiry date; past that date it stops
suppressing and a `baseline-expired` finding says so.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from json.encoder import encode_basestring  # type: ignore[attr-defined]

from shuyu.errors import InputError
from shuyu.model import Finding
from shuyu.model import Location
from shuyu.model import Severity

SCHEMA = 1


@dataclass(frozen=True, slots=True)
class BaselineEntry:
    """One recorded finding."""

    rule: str
    path: str
    fingerprint: str
    concept: str = ""
    found: str = ""
    reason: str = ""
    expires: dt.date | None = None


def fingerprint(f: Finding) -> str:
    """What identifies a finding across edits: rule, concept, what was found, and its line's text."""
    key = "\0".join([f.rule, f.concept or "", f.found or "", fold_space(f.context)])
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]


def fold_space(text: str) -> str:
    """``text`` with each run of whitespace made one space and none at the ends.

    ``re.sub(r"\\s+", " ", text).strip()`` by str.split, which takes the same characters for
    whitespace and is 3-4 times faster on a release's 300-character lines: a baseline run
    fingerprints every finding (24,000 on the bench site).

    >>> fold_space("  Xu\\u3000Zhou\\n\\tmet ")
    'Xu Zhou met'
    """
    return " ".join(text.split())


def entries_for(findings: Sequence[Finding]) -> list[BaselineEntry]:
    """Baseline entries recording ``findings``."""
    return [BaselineEntry(f.rule, f.location.path, fingerprint(f), f.concept or "", f.found or "")
            for f in findings if f.rule != "baseline-expired"]


def dump(entries: Sequence[BaselineEntry]) -> str:
    """The baseline file's text (stable order, one entry per finding)."""
    ordered = sorted(entries, key=lambda e: (e.path, e.rule, e.fingerprint))
    if not ordered:
        return _json_dump([])
    # Each entry is written from a template, laid out as json.dumps(indent=2) lays it out (the
    # tests compare the two): its indenting encoder is pure Python, 0.3-0.7 s for the 24,000
    # entries of the bench site. A field that is not a string raises TypeError: json.dumps then.
    try:
        block = ",\n".join([_entry_json(e) for e in ordered])
    except TypeError:
        return _json_dump([_entry_dict(e) for e in ordered])
    return f'{{\n  "schema": {SCHEMA},\n  "entries": [\n{block}\n  ]\n}}\n'


def _json_dump(items: list[dict[str, str]]) -> str:
    return json.dumps({"schema": SCHEMA, "entries": items}, ensure_ascii=False, indent=2) + "\n"


def _entry_dict(e: BaselineEntry) -> dict[str, str]:
    item = {"rule": e.rule, "path": e.path, "fingerprint": e.fingerprint, "concept": e.concept, "found": e.found}
    if e.reason:
        item["reason"] = e.reason
    if e.expires:
        item["expires"] = e.expires.isoformat()
    return item


def _entry_json(e: BaselineEntry) -> str:
    """:func:`_entry_dict` as json.dumps(indent=2) writes it inside the entries list."""
    text = (f'    {{\n      "rule": {encode_basestring(e.rule)},\n      "path": {encode_basestring(e.path)},\n'
            f'      "fingerprint": {encode_basestring(e.fingerprint)},\n'
            f'      "concept": {encode_basestring(e.concept)},\n      "found": {encode_basestring(e.found)}')
    if e.reason:
        text += f',\n      "reason": {encode_basestring(e.reason)}'
    if e.expires:
        text += f',\n      "expires": {encode_basestring(e.expires.isoformat())}'
    return text + "\n    }"


def parse(text: str, path: str) -> list[BaselineEntry]:
    """Read a baseline file.

    :raises InputError: when it is not a baseline this version understands.
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"malformed baseline JSON: {exc.msg}", path=path, line=exc.lineno, column=exc.colno) from None
    if not isinstance(data, dict) or data.get("schema") != SCHEMA or not isinstance(data.get("entries"), list):
        raise InputError(f"not a shuyu baseline (expected {{\"schema\": {SCHEMA}, \"entries\": [...]}})", path=path)
    out = []
    for i, item in enumerate(data["entries"]):
        try:
            expires = item.get("expires")
            out.append(BaselineEntry(
                rule=str(item["rule"]), path=str(item["path"]), fingerprint=str(item["fingerprint"]),
                concept=str(item.get("concept", "")), found=str(item.get("found", "")),
                reason=str(item.get("reason", "")),
                expires=dt.date.fromisoformat(expires) if expires else None))
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise InputError(f"baseline entry {i} is malformed ({exc})", path=path,
                             hint="each entry needs rule, path, fingerprint; expires as YYYY-MM-DD") from None
    return out


def apply(findings: Sequence[Finding], entries: Sequence[BaselineEntry], *,
          today: dt.date | None = None) -> list[Finding]:
    """The findings not covered by the baseline, plus one `baseline-expired` per expired entry used.

    Each entry covers one finding (two identical findings need two entries).
    """
    today = today or dt.date.today()
    available: Counter[tuple[str, str, str]] = Counter()
    expired: dict[tuple[str, str, str], BaselineEntry] = {}
    for e in entries:
        key = (e.rule, e.path, e.fingerprint)
        if e.expires is not None and e.expires < today:
            expired[key] = e
        else:
            available[key] += 1
    out: list[Finding] = []
    reported: set[tuple[str, str, str]] = set()
    for f in findings:
        key = (f.rule, f.location.path, fingerprint(f))
        if available[key] > 0:
            available[key] -= 1
            continue
        out.append(f)
        if key in expired and key not in reported:
            reported.add(key)
            e = expired[key]
            reason = f" ({e.reason})" if e.reason else ""
            out.append(Finding(
                rule="baseline-expired", severity=Severity.WARNING,
                location=Location(path=f.location.path, line=f.location.line, column=f.location.column,
                                  end_line=f.location.end_line, end_column=f.location.end_column),
                message=f"baseline entry for {f.rule} expired on {e.expires}{reason}; fix the finding or renew "
                        "the entry", context=f.context, found=f.found))
    return out
