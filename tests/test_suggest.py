"""Glossary proposals from a scored corpus: counted per concept, generalised over template places."""

from __future__ import annotations

from collections import Counter

from shuyu.metrics import ConceptStats
from shuyu.metrics import CorpusStats
from shuyu.suggest import Suggestion
from shuyu.suggest import suggestions


def stats(*concepts: tuple[str, dict[str, int]]) -> CorpusStats:
    """Corpus stats whose concepts had these English renderings where their glossary form was missing."""
    out = CorpusStats()
    for cid, missing in concepts:
        c = ConceptStats(cid, "")
        c.missing_renderings = Counter(missing)
        c.missing_examples = {form: [f"{cid}-{form}-{i}" for i in range(n)] for form, n in missing.items()}
        out.concepts[cid] = c
    return out


def test_template_renderings_add_up_over_places(tiny_glossary) -> None:
    found = suggestions(stats(("municipal-party-secretary@wuxi", {"Party chief of Wuxi": 2}),
                              ("municipal-party-secretary@xuzhou", {"Party chief of Xuzhou": 1})), tiny_glossary)
    assert found == [Suggestion("municipal-party-secretary", "Party chief of {Place}", 3, [
        "municipal-party-secretary@wuxi-Party chief of Wuxi-0", "municipal-party-secretary@wuxi-Party chief of Wuxi-1",
        "municipal-party-secretary@xuzhou-Party chief of Xuzhou-0"])]


def test_known_forms_rare_forms_and_other_spellings_of_the_place_are_not_proposed(tiny_glossary) -> None:
    found = suggestions(stats(("municipal-party-secretary@wuxi", {
        "party secretary of wuxi": 5,  # the admitted form, in another case
        "Secretary of the Wuxi Party Committee": 1,  # once: below min_count
        "Party boss of WUXI": 4,  # the place only in another form than its name: not generalised, not proposed
        "Party chief": 2,  # names no place: kept as written
    })), tiny_glossary)
    assert [(s.concept_id, s.term, s.count) for s in found] == [("municipal-party-secretary", "Party chief", 2)]
    assert suggestions(stats(("wuxi", {"Wusih city": 1})), tiny_glossary, min_count=1)[0].term == "Wusih city"
    # "Wu-xi" is a derived misspelling of Wuxi: left to check's name-romanization, never proposed
    assert suggestions(stats(("wuxi", {"Wu-xi city": 1})), tiny_glossary, min_count=1) == []


def test_order_is_by_concept_then_most_frequent(tiny_glossary) -> None:
    found = suggestions(stats(("xuzhou", {"Hsuchow": 2, "Pengcheng": 3}), ("wuxi", {"Wusih": 2})), tiny_glossary)
    assert [(s.concept_id, s.term, s.count) for s in found] == [
        ("wuxi", "Wusih", 2), ("xuzhou", "Pengcheng", 3), ("xuzhou", "Hsuchow", 2)]


def _scored(tiny_glossary, tiny_matcher, *pairs: tuple[str, str]) -> CorpusStats:
    from shuyu.metrics import score_pairs

    return score_pairs([(str(i), zh, en) for i, (zh, en) in enumerate(pairs, start=1)], tiny_glossary, tiny_matcher)


def test_a_rendering_with_a_misspelt_place_is_not_proposed(tiny_glossary, tiny_matcher) -> None:
    # Were proposed as "mayor,en,Mayor of Xu Zhou" and "municipal-party-secretary,en,Party chief of Wu Xi".
    found = _scored(tiny_glossary, tiny_matcher,
                    *[("徐州市长庄兆林出席。", "Zhuang Zhaolin, Mayor of Xu Zhou, attended.")] * 2,
                    *[("无锡市委书记黄钦出席。", "Huang Qin, Party chief of Wu Xi, attended.")] * 2)
    assert dict(found.concepts["mayor@xuzhou"].missing_renderings) == {"Mayor of Xu Zhou": 2}
    assert dict(found.concepts["municipal-party-secretary@wuxi"].missing_renderings) == {"Party chief of Wu Xi": 2}
    assert suggestions(found, tiny_glossary, min_count=1) == []
    # the correct spelling beside them still adds up on the template
    found.merge(_scored(tiny_glossary, tiny_matcher, ("无锡市委书记黄钦出席。", "Huang Qin, Party chief of Wuxi, attended."),
                        ("徐州市委书记周铁根出席。", "Zhou Tiegen, Party chief of Xuzhou, attended.")))
    assert suggestions(found, tiny_glossary, matcher=tiny_matcher) == [
        Suggestion("municipal-party-secretary", "Party chief of {Place}", 2, ["1", "2"])]


def test_a_fragment_of_another_concepts_form_is_not_proposed(tiny_glossary, tiny_matcher) -> None:
    # Was proposed (at --suggest-min 1) as "mayor,en,{Place} Municipal Committee".
    found = _scored(tiny_glossary, tiny_matcher,
                    ("无锡市长杜小刚出席。", "Du Xiaogang, Secretary of the CPC Wuxi Municipal Committee, attended."))
    assert dict(found.concepts["mayor@wuxi"].missing_renderings) == {"Wuxi Municipal Committee": 1}
    assert suggestions(found, tiny_glossary, min_count=1) == []


def test_another_concepts_form_or_another_place_is_not_proposed(tiny_glossary) -> None:
    found = suggestions(stats(("mayor@wuxi", {
        "Mayor of Xuzhou": 2,  # another expansion's form, a literal city in a template proposal
        "Xuzhou city chief": 2,  # another place: no {Place} proposal
        "Wuxi": 2,  # the place's own form
        "Wuxi city chief": 2,  # kept, the place as {Place}
        "Mayor": 2,  # a fragment of the concept's own form (and of other mayors'): kept
    }), ("cpc", {
        "Communist Party": 2,  # a fragment of the concept's own form only: kept
        "CPC Wuxi": 2,  # a fragment of "Secretary of the CPC Wuxi Municipal Committee" only
    })), tiny_glossary)
    assert [(s.concept_id, s.term, s.count) for s in found] == [
        ("cpc", "Communist Party", 2), ("mayor", "Mayor", 2), ("mayor", "{Place} city chief", 2)]
