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
    assert suggestions(stats(("wuxi", {"Wu-xi city": 1})), tiny_glossary, min_count=1)[0].term == "Wu-xi city"


def test_order_is_by_concept_then_most_frequent(tiny_glossary) -> None:
    found = suggestions(stats(("xuzhou", {"Hsuchow": 2, "Pengcheng": 3}), ("wuxi", {"Wusih": 2})), tiny_glossary)
    assert [(s.concept_id, s.term, s.count) for s in found] == [
        ("wuxi", "Wusih", 2), ("xuzhou", "Pengcheng", 3), ("xuzhou", "Hsuchow", 2)]
