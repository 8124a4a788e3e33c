"""Rendering corpus scores: text table, JSON (schema 1), CSV, a self-contained HTML page, and the
``--suggest`` proposals for ``shuyu glossary import``."""

from __future__ import annotations

import csv
import html
import io
import json
from collections import Counter
from typing import Any

from shuyu.metrics import MISSING
from shuyu.metrics import UNALIGNED
from shuyu.metrics import ConceptStats
from shuyu.metrics import CorpusStats
from shuyu.model import EN
from shuyu.signature import format_signature
from shuyu.suggest import Suggestion

SCHEMA_VERSION = 1


def worst_first(stats: CorpusStats) -> list[ConceptStats]:
    """Concepts ordered worst accuracy first, then least consistent, then most frequent."""
    return sorted((c for c in stats.concepts.values() if c.occurrences),
                  key=lambda c: (c.accuracy, c.consistency, -c.occurrences, c.id))


def _by_count(counts: Counter[str]) -> dict[str, int]:
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def concept_dict(c: ConceptStats) -> dict[str, Any]:
    """One concept as the JSON schema lays it out."""
    return {"id": c.id, "zh": c.zh, "occurrences": c.occurrences,
            "renderings": _by_count(c.renderings),
            "statuses": dict(sorted(c.statuses.items())),
            "accuracy": c.accuracy, "consistency": c.consistency,
            "examples": {k: list(v) for k, v in sorted(c.examples.items())},
            "missing_renderings": _by_count(c.missing_renderings),
            "missing_examples": {k: list(v) for k, v in sorted(c.missing_examples.items())},
            "missing_unaligned": c.missing_unaligned}


def _figure(value: float | int | None) -> str:
    """A corpus figure to four places, ``n/a`` when there is none (no occurrence to measure)."""
    return "n/a" if value is None else f"{value:.4f}"


def _top(c: ConceptStats) -> str:
    """The text table's top rendering: ``Secretary of the … (2)``, ``missing: Party chief of Wuxi (1)`` for an
    English form named for missing occurrences, ``missing (3)`` for missing ones with no English named."""
    kind, form, n = c.top_rendering()
    if kind == MISSING:
        return f"missing: {form} ({n})"
    if kind == UNALIGNED:
        return f"missing ({n})"
    return f"{form} ({n})"


def _missing_summary(c: ConceptStats, top: int = 3) -> str:
    """``Party chief of Wuxi (2), Wuxi's Party boss (1); 1 unaligned``."""
    forms = list(_by_count(c.missing_renderings).items())
    text = ", ".join(f"{form} ({n})" for form, n in forms[:top])
    if len(forms) > top:
        text += f", … {len(forms) - top} more"
    if c.missing_unaligned:
        text += ("; " if text else "") + f"{c.missing_unaligned} unaligned"
    return text


def to_json(stats: CorpusStats, signature: dict[str, str], mt: dict[str, Any] | None = None) -> str:
    """``{"schema", "concepts", "corpus", "signature"}`` (plus ``mt`` with --hyp/--ref)."""
    data: dict[str, Any] = {"schema": SCHEMA_VERSION, "concepts": [concept_dict(c) for c in worst_first(stats)],
                            "corpus": stats.summary(), "signature": signature}
    if mt:
        data["mt"] = mt
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def to_csv(stats: CorpusStats) -> str:
    """One row per concept: id, zh, occurrences, accuracy, consistency, renderings (JSON), the English
    used where the rendering is missing (JSON) and the missing occurrences with no English found."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["id", "zh", "occurrences", "accuracy", "consistency", "renderings", "missing_renderings",
                     "missing_unaligned"])
    for c in worst_first(stats):
        writer.writerow([c.id, c.zh, c.occurrences, f"{c.accuracy:.4f}", f"{c.consistency:.4f}",
                         json.dumps(_by_count(c.renderings), ensure_ascii=False),
                         json.dumps(_by_count(c.missing_renderings), ensure_ascii=False), c.missing_unaligned])
    return out.getvalue()


def to_text(stats: CorpusStats, signature: dict[str, str], mt: dict[str, Any] | None = None, limit: int = 30,
            *, terms: bool = True) -> str:
    """A plain table of the worst concepts and the corpus figures, each line signed. ``terms=False`` (``--hyp``
    and ``--ref`` without ``--src``: no Chinese, so no terminology was scored) leaves out the table and the
    term lines."""
    s = stats.summary()
    sig = format_signature(signature)
    lines = []
    if terms:
        lines.append(f"{'concept':<44} {'occ':>6} {'acc':>6} {'cons':>6}  top rendering")
        for c in worst_first(stats)[:limit]:
            lines.append(f"{c.id[:44]:<44} {c.occurrences:>6} {c.accuracy:>6.1%} {c.consistency:>6.1%}  {_top(c)}")
            if c.renderings[MISSING]:
                lines.append(f"{'':<44} {'':>6} {'':>6} {'':>6}  missing: {_missing_summary(c)}")
        lines += [
            "",
            f"term accuracy    micro {_figure(s['accuracy_micro'])}  macro {_figure(s['accuracy_macro'])}  "
            f"({s['occurrences']} occurrences of {s['concepts']} concepts in {s['pairs']} pairs) | {sig}",
            f"term consistency micro {_figure(s['consistency_micro'])}  macro {_figure(s['consistency_macro'])} "
            f"| {sig}",
        ]
    lines.append(f"number agreement {_figure(s['number_agreement'])} ({s['numbers']} numbers)  date agreement "
                 f"{_figure(s['date_agreement'])} ({s['dates']} dates) | {sig}")
    for name, value in (mt or {}).items():
        lines.append(f"{name} {value['score']:.4f} | {value['signature']}")
    return "\n".join(lines) + "\n"


def _missing_html(c: ConceptStats, top: int = 10) -> str:
    """The English used where the rendering is missing: a nested list, every text escaped."""
    esc = html.escape
    forms = list(_by_count(c.missing_renderings).items())
    items = [f"<li>&ldquo;{esc(form)}&rdquo;: {n} <small>(e.g. {esc(', '.join(c.missing_examples.get(form, [])))})"
             "</small></li>" for form, n in forms[:top]]
    if len(forms) > top:
        items.append(f"<li>… {len(forms) - top} more forms</li>")
    if c.missing_unaligned:
        items.append(f"<li>no English found: {c.missing_unaligned}</li>")
    return f"<br><small>the English used instead:</small><ul class='m'>{''.join(items)}</ul>" if items else ""


def to_html(stats: CorpusStats, signature: dict[str, str], limit: int = 200, mt: dict[str, Any] | None = None) -> str:
    """One offline page: a bar chart (inline SVG, no script) of accuracy and consistency per concept,
    worst first, with rendering distributions and example ids, and the corpus figures the text report
    gives (number and date agreement, and ``mt``: BLEU, chrF, TER with their signatures). Every corpus
    text is escaped."""
    esc = html.escape
    s = stats.summary()
    figures = (f"<p>Number agreement {_figure(s['number_agreement'])} ({s['numbers']} numbers); date agreement "
               f"{_figure(s['date_agreement'])} ({s['dates']} dates).</p>")
    if mt:
        figures += "<ul>" + "".join(f"<li>{esc(name)} {value['score']:.4f} <small>{esc(value['signature'])}</small></li>"
                                    for name, value in mt.items()) + "</ul>"
    rows = []
    for c in worst_first(stats)[:limit]:
        acc, cons = c.accuracy * 100, c.consistency * 100
        dist = "".join(f"<li>{esc(form)}: {n} <small>(e.g. {esc(', '.join(c.examples.get(form, [])))})</small>"
                       + (_missing_html(c) if form == MISSING else "") + "</li>"
                       for form, n in _by_count(c.renderings).items())
        rows.append(
            f"<tr><td><code>{esc(c.id)}</code><br>{esc(c.zh)}</td><td>{c.occurrences}</td>"
            f"<td><svg width='204' height='30' role='img' aria-label='accuracy {acc:.0f}%, consistency {cons:.0f}%'>"
            f"<rect x='0' y='2' width='{acc * 2:.1f}' height='12' fill='#2b7a2b'/>"
            f"<rect x='0' y='16' width='{cons * 2:.1f}' height='12' fill='#2b4f9e'/></svg>"
            f"<br>{acc:.1f}% / {cons:.1f}%</td><td><ul>{dist}</ul></td></tr>")
    return (
        "<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'><title>shuyu terminology report</title>"
        "<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;"
        "padding:4px 8px;vertical-align:top}ul{margin:0;padding-left:1.2em}.k{display:inline-block;width:12px;"
        "height:12px}</style></head><body>"
        f"<h1>Terminology consistency</h1><p>{s['pairs']} pairs, {s['occurrences']} occurrences of "
        f"{s['concepts']} concepts. Accuracy micro {_figure(s['accuracy_micro'])}, macro "
        f"{_figure(s['accuracy_macro'])}; consistency micro {_figure(s['consistency_micro'])}, macro "
        f"{_figure(s['consistency_macro'])}.</p>" + figures +
        "<p><span class='k' style='background:#2b7a2b'></span> accuracy "
        "<span class='k' style='background:#2b4f9e'></span> consistency (worst concepts first)</p>"
        "<table><tr><th>concept</th><th>occurrences</th><th>accuracy / consistency</th><th>renderings</th></tr>"
        + "".join(rows) + f"</table><p><small>{esc(format_signature(signature))}</small></p></body></html>\n")


# --- --suggest ----------------------------------------------------------------------------------------

#: The proposal CSV's columns: the exchange CSV's four required ones (docs/exchange-formats.md), then
#: the evidence, which ``shuyu glossary import`` reports as columns it does not import.
SUGGEST_HEADER = ("concept_id", "lang", "term", "status", "count", "examples")
#: Deprecated by default: the concept already has an approved form, so a recurring other form is drift
#: until a terminologist says otherwise, and importing the file unedited makes ``check`` flag it with the
#: approved form as the fix; it never widens what the glossary accepts (admitted would, silently).
SUGGEST_STATUSES = ("deprecated", "admitted")


def to_suggest_csv(rows: list[Suggestion], status: str = "deprecated") -> str:
    """The proposals as an exchange CSV ``shuyu glossary import`` reads (``\\n`` line ends, RFC 4180 quoting);
    ``examples`` are ids joined by ``" | "``."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(SUGGEST_HEADER)
    for r in rows:
        writer.writerow([r.concept_id, EN, r.term, status, r.count, " | ".join(r.examples)])
    return out.getvalue()
