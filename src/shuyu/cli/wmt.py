"""`shuyu wmt wmt25 | wmt21`: the shared tasks' public terminology figures, recomputed, with shuyu's own beside them."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated
from typing import Any

import typer

from shuyu import __version__
from shuyu import wmt
from shuyu.cli._errors import handles_errors
from shuyu.cli._options import OutputOpt
from shuyu.errors import InputError
from shuyu.formats import wmt_data
from shuyu.fsutil import write_atomic
from shuyu.text.script import has_han

app = typer.Typer(no_args_is_help=True, help="Reproduce the WMT terminology shared tasks' figures from their public data.")

FormatOpt = Annotated[str, typer.Option("--format", "-f", help="text or json.")]
SHUYU_COUNTING = ("zh: leftmost-longest, t2s+fullwidth folded, nested terms subsumed; "
                  "en: word-bounded, case-insensitive, quotes/dashes/space folded, plurals and possessives")
WHY_25 = ("The WMT25 script counts lowercased substrings: a term is counted inside a longer word ('us' in 'business'), "
          "inside a longer dictionary term on both sides, and once per alternative that spells the same span. "
          "shuyu counts each word-bounded span once and lets a longer term subsume the terms nested in it.")
WHY_21 = ("Alam et al.'s exact-match looks for ' alternative ' between spaces in the hypothesis (tokenised text; "
          "alternatives are unescaped regular expressions).")
WHY_21_ZH = (" Unsegmented Chinese has no spaces, so most terms are missed; "
             "shuyu matches Chinese as substrings after folding (no segmentation).")


def _emit(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
    else:
        write_atomic(output, text)


def _check_format(format_: str) -> None:
    if format_ not in ("text", "json"):
        raise InputError(f"unknown format {format_!r}", hint="use text or json")


def _f(x: object) -> str:
    return repr(x) if isinstance(x, float) else str(x)


@app.command("wmt25")
@handles_errors
def wmt25(
    root: Annotated[Path, typer.Argument(help="The WMT25 terminology data: references/, submissions/, pseudorefs/, stats/, "
                                         "track2_score_dict.json (as in wmt-conference/wmt25-terminology).")],
    system: Annotated[str, typer.Option("--system", help="The submission to score.")] = "CommandA_MT",
    mode: Annotated[list[str] | None, typer.Option("--mode", help="proper, random or noterm (repeatable; default "
                                                   "proper and noterm).")] = None,
    mt: Annotated[bool, typer.Option("--mt/--no-mt", help="Also compute BLEU and chrF2++ (sacrebleu).")] = True,
    format_: FormatOpt = "text",
    output: OutputOpt = None,
) -> None:
    """WMT25 track 2 zh→en: term success rate (theirs and shuyu's), BLEU/chrF2++, consistency from pseudorefs/."""
    _check_format(format_)
    modes = mode or ["proper", "noterm"]
    bad = [m for m in modes if m not in ("proper", "random", "noterm")]
    if bad:
        raise InputError(f"unknown mode {bad[0]!r}", hint="use proper, random or noterm")
    wmt_data.require_dir(root)
    published_path = root / "track2_score_dict.json"
    published = wmt_data.read_published(root).get("zhen", {}) if published_path.is_file() else {}
    report: dict[str, Any] = {"system": system, "direction": "zhen", "years": list(wmt_data.ZHEN_YEARS),
                              "shuyu": __version__, "shuyu_counting": SHUYU_COUNTING, "modes": {}}
    for m in modes:
        docs = wmt_data.read_wmt25_docs(root, system, m)
        tuples = [(d.src, d.hyp, d.ref, d.terms) for d in docs]
        fig: dict[str, Any] = {"documents": len(docs), "term_success_rate": wmt.success_rate_figures(tuples)}
        ours: dict[str, float] = {"proper_term_success_rate": fig["term_success_rate"]["wmt25"]["rate"]}
        if any(d.random for d in docs):
            rnd = wmt.wmt25_success_rate((d.src, d.hyp, d.ref, d.random) for d in docs)
            fig["random_term_success_rate"] = {"valid": rnd.valid, "rate": rnd.rate}
            ours["random_term_success_rate"] = rnd.rate
        if mt:
            fig["mt"] = wmt.mt_metrics([d.hyp for d in docs], [d.ref for d in docs], "en")
            ours["bleu4"] = fig["mt"]["BLEU"]["score"]
            ours["chrf2++"] = fig["mt"]["chrF2++"]["score"]
        if (root / "pseudorefs").is_dir():
            tables = {y: wmt_data.read_pseudorefs(wmt_data.pseudoref_path(root, system, y, m)) for y in wmt_data.ZHEN_YEARS}
            stats_path = root / "stats" / f"stats-zhen.{m}.json"
            stats = wmt_data.read_stats(root, m).get(system) if stats_path.is_file() else None
            fig["consistency"] = wmt.consistency_figures(tables, stats)
            means = fig["consistency"]["mean_macro"]
            ours |= {f"consistency_{k}": v for k, v in means.items()}
        pub = published.get(m, {}).get(system)
        if pub:
            fig["published"] = pub
            fig["equals_published"] = wmt.compare_published(ours, pub)
        report["modes"][m] = fig
    if format_ == "json":
        _emit(json.dumps(report, ensure_ascii=False, indent=2) + "\n", output)
    else:
        _emit(_wmt25_text(report), output)


def _wmt25_text(report: dict[str, Any]) -> str:
    lines = [f"WMT25 terminology track 2, zh→en, {report['system']} ({', '.join(map(str, report['years']))})"]
    for m, fig in report["modes"].items():
        tsr = fig["term_success_rate"]
        eq = fig.get("equals_published", {})

        def mark(key: str, eq: dict[str, bool] = eq) -> str:
            return "" if key not in eq else ("  = published" if eq[key] else "  ≠ published")

        lines += ["", f"[{m}] {fig['documents']} documents, proper-term dictionary"]
        lines.append(f"  term success rate (wmt25, lowercased substrings)  {_f(tsr['wmt25']['rate'])}  "
                     f"over {tsr['wmt25']['valid']} valid terms{mark('proper_term_success_rate')}")
        lines.append(f"  term success rate (shuyu, word-bounded)           {_f(tsr['shuyu']['rate'])}  "
                     f"over {tsr['shuyu']['valid']} valid terms")
        if "random_term_success_rate" in fig:
            rnd = fig["random_term_success_rate"]
            lines.append(f"  random-dictionary success rate (wmt25)            {_f(rnd['rate'])}  "
                         f"over {rnd['valid']} valid terms{mark('random_term_success_rate')}")
        if tsr["differences"]:
            lines.append("  where they differ ((document, term) pairs):")
            for reason, d in tsr["differences"].items():
                ex = "; ".join(f"{e['term']} → {'/'.join(e['targets'])}" for e in d["examples"][:2])
                lines.append(f"    {d['count']:5d}  {reason}  (e.g. {ex})")
        if "mt" in fig:
            for name, key in (("BLEU", "bleu4"), ("chrF2++", "chrf2++")):
                s = fig["mt"][name]
                lines.append(f"  {name:<8} {_f(s['score'])}{mark(key)}  {s['signature']}")
        if "consistency" in fig:
            cons = fig["consistency"]
            lines.append("  consistency from pseudorefs/ (micro / macro):")
            for year, v in cons["years"].items():
                same = cons.get("equals_stats", {}).get(year)
                tag = "" if same is None else ("  = stats/" if same else "  ≠ stats/")
                parts = "  ".join(f"{k} {_f(v[k]['micro'])} / {_f(v[k]['macro'])}" for k in v)
                lines.append(f"    {year}  {parts}{tag}")
            for k, v in cons["mean_macro"].items():
                lines.append(f"    mean of yearly macro ({k}) {_f(v)}{mark(f'consistency_{k}')}")
    lines += ["", f"shuyu counting: {report['shuyu_counting']}.", WHY_25, ""]
    return "\n".join(lines)


@app.command("wmt21")
@handles_errors
def wmt21(
    reference: Annotated[Path, typer.Argument(help="Target-side reference .sgm with <term> annotations "
                                              "(e.g. dev.en-fr.fr.sgm, test.en-zh.zh.sgm).")],
    hypothesis: Annotated[Path, typer.Argument(help="System output .sgm (same seg ids); may be the reference itself.")],
    unsegment: Annotated[bool, typer.Option("--unsegment", help="Remove the spaces between CJK characters of the "
                                            "hypothesis first (Chinese as MT systems write it).")] = False,
    format_: FormatOpt = "text",
    output: OutputOpt = None,
) -> None:
    """WMT21 terminology exact-match (Alam et al. 2021, surface only), and shuyu's substring matching for Chinese."""
    _check_format(format_)
    refs = wmt_data.read_sgm(reference)
    hyps = wmt_data.read_sgm(hypothesis)
    terms = {s.id: [wmt.alam_alternatives(t.tgt, t.text) for t in s.terms] for s in refs}
    segments = [(h.id, wmt.unsegment_zh(h.text) if unsegment else h.text, terms[h.id]) for h in hyps if h.id in terms]
    if not segments:
        raise InputError("no segment id of the hypothesis is in the reference", path=str(hypothesis))
    chinese = any(has_han(a) for s in segments for alts in s[2] for a in alts)
    em = wmt.alam_exact_match(segments)
    report: dict[str, Any] = {
        "reference": str(reference), "hypothesis": str(hypothesis), "unsegmented": unsegment,
        "segments": len(segments), "terms": em.total,
        "exact_match": {"correct": em.correct, "wrong": em.wrong, "accuracy": em.accuracy, "regex_errors": em.regex_errors},
    }
    if chinese:
        sm = wmt.substring_match(segments)
        report["shuyu_substring"] = {"correct": sm.correct, "wrong": sm.wrong, "accuracy": sm.accuracy,
                                     "missed": [list(x) for x in sm.missed[:10]]}
    if format_ == "json":
        _emit(json.dumps(report, ensure_ascii=False, indent=2) + "\n", output)
        return
    lines = [f"WMT21 terminology: {hypothesis.name} against {reference.name}"
             + (" (hypothesis unsegmented)" if unsegment else ""),
             f"  exact-match (Alam et al. 2021, surface only)  {em.correct}/{em.total} = {em.accuracy!r}"]
    if em.regex_errors:
        lines.append(f"  ({em.regex_errors} alternatives are not valid regular expressions; the script would stop there)")
    if chinese:
        sm = wmt.substring_match(segments)
        lines.append(f"  shuyu substring matching (no segmentation)    {sm.correct}/{sm.total} = {sm.accuracy!r}")
    else:
        lines.append("  shuyu substring matching: for Chinese targets only (space-delimited languages need word boundaries)")
    lines += ["", WHY_21 + (WHY_21_ZH if chinese else ""), ""]
    _emit("\n".join(lines), output)
