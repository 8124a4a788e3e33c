"""The shared matcher: leftmost-longest, subsumption, homonyms, English folding, and a naive oracle."""

from __future__ import annotations

from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from shuyu.match import Matcher


def spans(matcher: Matcher, text: str, lang: str) -> list[tuple[int, int, str, tuple[str, ...]]]:
    return [(m.start, m.end, m.surface, m.concepts) for m in matcher.find(text, lang)]


def test_longer_match_subsumes_the_place(tiny_matcher) -> None:
    assert spans(tiny_matcher, "徐州市委书记周铁根", "zh") == [
        (0, 6, "徐州市委书记", ("municipal-party-secretary@xuzhou",))]


def test_elided_title_is_matched_as_its_template(tiny_matcher) -> None:
    found = tiny_matcher.find("徐州市委书记、市人大常委会主任周铁根", "zh")
    assert [m.surface for m in found] == ["徐州市委书记", "市人大常委会主任"]
    assert found[1].entries[0].elided
    assert found[1].concepts == ("municipal-npc-director",)


def test_traditional_and_fullwidth_are_folded_with_offsets_kept(tiny_matcher) -> None:
    text = "會見：無錫市委書記黃欽"
    found = tiny_matcher.find(text, "zh")
    assert [(m.start, m.end, m.surface) for m in found] == [(3, 9, "無錫市委書記")]
    assert found[0].concepts == ("municipal-party-secretary@wuxi",)


def test_homonyms_name_both_concepts(tiny_matcher) -> None:
    (match,) = tiny_matcher.find("鼓楼区", "zh")
    assert match.concepts == ("gulou-district-nanjing", "gulou-district-xuzhou")


def test_english_folds_case_quotes_dashes_and_line_breaks(tiny_matcher) -> None:
    text = "the STANDING committee of the Wuxi\n   Municipal People’s Congress"
    # the tiny glossary has the director title, not the organisation: only the place is found
    assert [m.surface for m in tiny_matcher.find(text, "en")] == ["Wuxi"]
    text = "Director of the Standing Committee of the Xuzhou\nMunicipal People’s Congress"
    (match,) = tiny_matcher.find(text, "en")
    assert (match.start, match.end) == (0, len(text))
    assert match.concepts == ("municipal-npc-director@xuzhou",)


def test_word_boundaries_plurals_and_possessives(tiny_matcher) -> None:
    assert [m.surface for m in tiny_matcher.find("Wuxi's parks and Wuxiang county", "en")] == ["Wuxi"]
    assert [m.surface for m in tiny_matcher.find("two Mayor of Wuxis", "en")] == ["Mayor of Wuxis"]


def test_case_sensitive_terms(tiny_matcher) -> None:
    assert [m.surface for m in tiny_matcher.find("the CCP and the ccp and the CPC", "en")] == ["CCP", "CPC"]


def test_deprecated_and_romanization_forms_are_found(tiny_matcher) -> None:
    found = tiny_matcher.find("Leaders of Xu Zhou met the CPC Xuzhou Municipal Government in Huaian.", "en")
    assert [(m.surface, m.status.value, m.entries[0].romanization) for m in found] == [
        ("Xu Zhou", "deprecated", True),
        ("CPC Xuzhou Municipal Government", "deprecated", False),
        ("Huaian", "deprecated", True),
    ]


# --- a naive reference matcher, to check the automaton against on random texts ---------------

def naive_zh(matcher: Matcher, text: str) -> list[tuple[int, int]]:
    from shuyu.text.normalize import normalize_zh

    norm, _ = normalize_zh(text)
    patterns = set(matcher.tables["zh"].patterns)
    longest = max(map(len, patterns))
    out, i = [], 0
    while i < len(norm):
        best = None
        for length in range(min(longest, len(norm) - i), 0, -1):
            if norm[i:i + length] in patterns:
                best = length
                break
        if best:
            out.append((i, i + best))
            i += best
        else:
            i += 1
    return out


def naive_en(matcher: Matcher, text: str) -> list[tuple[int, int]]:
    """Longest pattern at each word start whose end is a word boundary (text is plain ASCII words)."""
    norm = text.lower()
    patterns = sorted(set(matcher.tables["en"].patterns), key=len, reverse=True)
    out, i = [], 0
    while i < len(norm):
        if i > 0 and norm[i - 1].isalnum():
            i += 1
            continue
        hit = next((p for p in patterns if norm.startswith(p, i)
                    and (i + len(p) == len(norm) or not norm[i + len(p)].isalnum())), None)
        if hit:
            out.append((i, i + len(hit)))
            i += len(hit)
        else:
            i += 1
    return out


def _pieces(matcher: Matcher, lang: str) -> list[str]:
    return list(matcher.tables[lang].patterns)[:60]


def _tiny() -> Matcher:
    from shuyu.glossary.load import load_glossary
    from tests.conftest import TINY

    return Matcher.from_glossary(load_glossary([TINY], bundled=False))


TINY_MATCHER = _tiny()


@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_zh_agrees_with_naive_matcher(data) -> None:
    tiny_matcher = TINY_MATCHER
    pieces = [*_pieces(tiny_matcher, "zh"), "的", "和", "会见", "，", "市", "委"]
    text = "".join(data.draw(st.lists(st.sampled_from(pieces), max_size=12)))
    assert [(m.start, m.end) for m in tiny_matcher.find(text, "zh")] == naive_zh(tiny_matcher, text)


@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_en_agrees_with_naive_matcher(data) -> None:
    tiny_matcher = TINY_MATCHER
    pieces = [p for p in _pieces(tiny_matcher, "en") if p.isascii()] + ["and", "the", "met", "of", "wuxi"]
    words = data.draw(st.lists(st.sampled_from(pieces), max_size=10))
    text = " ".join(words)
    got = [(m.start, m.end) for m in tiny_matcher.find(text, "en")
           if not any(e.case_sensitive for e in m.entries)]
    want = [s for s in naive_en(tiny_matcher, text)
            if not any(e.case_sensitive for e in _entries(tiny_matcher, text[s[0]:s[1]]))]
    # plural forms extend matches in the real matcher only; the generator draws none
    assert got == want


def _entries(matcher: Matcher, surface: str):
    table = matcher.tables["en"]
    try:
        return table.entries[table.patterns.index(surface.lower())]
    except ValueError:
        return ()


@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_many_texts_in_one_pass_match_as_each_text_alone(data) -> None:
    matcher = TINY_MATCHER
    pieces = [*_pieces(matcher, "en"), "and", "the", "’s", "s", "es", "  ", "\n", "-", "É", "İ", "\u00a0", "x"]
    texts = data.draw(st.lists(st.lists(st.sampled_from(pieces), max_size=8).map("".join), max_size=6))
    many = matcher.find_en_many(texts)
    assert many == [matcher.find_en(t) for t in texts]
    assert matcher.find_en_flat(texts) == [(i, m) for i, t in enumerate(texts) for m in matcher.find_en(t)]
    for text, found in zip(texts, many, strict=False):
        assert all(text[m.start:m.end] == m.surface for m in found)


def _str_matcher() -> Matcher:
    """TINY_MATCHER's tables with English searched as text, as for patterns beyond Latin-1."""
    import ahocorasick_rs

    matcher = Matcher(TINY_MATCHER.tables)
    matcher._automata["en"] = matcher._automaton(matcher.tables["en"], ahocorasick_rs.MatchKind.Standard)
    return matcher


STR_MATCHER = _str_matcher()


def test_english_is_searched_as_latin1_bytes_when_every_pattern_is_latin1() -> None:
    import ahocorasick_rs

    assert isinstance(TINY_MATCHER._en, ahocorasick_rs.BytesAhoCorasick)
    assert isinstance(STR_MATCHER._en, ahocorasick_rs.AhoCorasick)


@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_english_in_bytes_matches_as_english_in_text(data) -> None:
    # Letters beyond Latin-1 next to a term (Ł, 北) must still block its word boundary, though the
    # bytes hold "?" there; a real "?" must not; Kelvin sign and Ÿ lower into Latin-1.
    pieces = [*_pieces(TINY_MATCHER, "en"), "Wuxi", "WUXI", "’s", "s", "es", " ", "  ", "\n", "Ł", "北", "?", "é",
              "ü", "\u212a", "\u0178", "İ", "\u00a0", "—", "x"]
    text = "".join(data.draw(st.lists(st.sampled_from(pieces), max_size=10)))
    assert TINY_MATCHER.find_en(text) == STR_MATCHER.find_en(text)


def test_a_text_holding_nul_is_searched_alone(tiny_matcher) -> None:
    texts = ["Wuxi\0Xuzhou", "in Wuxi"]
    assert tiny_matcher.find_en_many(texts) == [tiny_matcher.find_en(t) for t in texts]


@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_many_chinese_texts_in_one_pass_match_as_each_text_alone(data) -> None:
    matcher = TINY_MATCHER
    # Traditional forms, full-width letters and a phrase OpenCC converts to another length (乾隆 stays,
    # 乾 alone folds) are drawn too, so the whole-text and one-by-one conversions are both exercised.
    pieces = [*_pieces(matcher, "zh"), "無錫", "徐州經濟", "ＸＺ", "乾隆", "乾", "\n", "的", "，", "市", "委"]
    texts = data.draw(st.lists(st.lists(st.sampled_from(pieces), max_size=8).map("".join), max_size=6))
    many = matcher.find_zh_many(texts)
    assert many == [matcher.find_zh(t) for t in texts]
    for text, found in zip(texts, many, strict=True):
        assert all(text[m.start:m.end] == m.surface for m in found)


def test_latin1_terms_are_found_in_either_case_next_to_any_script() -> None:
    from shuyu.glossary.model import Glossary
    from shuyu.model import Category
    from shuyu.model import Concept
    from shuyu.model import Term

    concept = Concept("lvliang", Category.PLACE, [Term("吕梁", "zh"), Term("Lüliang", "en")])
    matcher = Matcher.from_glossary(Glossary(expanded={"lvliang": concept}))
    import ahocorasick_rs

    assert isinstance(matcher._en, ahocorasick_rs.BytesAhoCorasick)
    # A Chinese character or a letter beyond Latin-1 is a word character: no boundary before the term.
    text = "LÜLIANG’s mayor; Lüliangs; 在Lüliang; ŁLüliang; ?Lüliang"
    found = [(m.start, m.surface) for m in matcher.find_en(text)]
    assert found == [(0, "LÜLIANG"), (17, "Lüliangs"), (48, "Lüliang")]
    as_text = Matcher(matcher.tables)
    as_text._automata["en"] = as_text._automaton(as_text.tables["en"], ahocorasick_rs.MatchKind.Standard)
    assert as_text.find_en(text) == matcher.find_en(text)


def _dfa_matcher() -> Matcher:
    """TINY_MATCHER's tables, told to expect enough text for DFAs."""
    matcher = Matcher(TINY_MATCHER.tables)
    matcher.expect(10**12)
    return matcher


DFA_MATCHER = _dfa_matcher()


def test_dfa_only_when_the_expected_text_pays_for_it() -> None:
    from shuyu import match

    matcher = Matcher(TINY_MATCHER.tables)
    english = matcher.tables["en"]
    assert not matcher._dfa(english)  # nothing said: most runs search a page or two
    matcher.expect(match.DFA_BYTES_PER_PATTERN * len(english.patterns) - 1)
    assert not matcher._dfa(english)
    matcher.expect(match.DFA_BYTES_PER_PATTERN * len(english.patterns))
    assert matcher._dfa(english)
    assert DFA_MATCHER._dfa(english)
    assert DFA_MATCHER._dfa(matcher.tables["zh"])
    huge = match.PatternTable("en", ["x"] * (match.DFA_MAX_PATTERNS + 1), [()] * (match.DFA_MAX_PATTERNS + 1))
    assert not DFA_MATCHER._dfa(huge)  # a national glossary's DFA would take seconds and hundreds of MB


@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_dfa_finds_what_the_nfa_finds(data) -> None:
    en = [*_pieces(TINY_MATCHER, "en"), "WUXI", "’s", "s", "es", " ", "\n", "Ł", "北", "?", "é", "\u212a", "x"]
    text = "".join(data.draw(st.lists(st.sampled_from(en), max_size=10)))
    assert DFA_MATCHER.find_en(text) == TINY_MATCHER.find_en(text)
    zh = [*_pieces(TINY_MATCHER, "zh"), "無錫", "ＸＺ", "乾隆", "的", "，", "市", "委"]
    text = "".join(data.draw(st.lists(st.sampled_from(zh), max_size=10)))
    assert DFA_MATCHER.find_zh(text) == TINY_MATCHER.find_zh(text)


def test_expect_builds_the_automata_as_dfas(monkeypatch) -> None:
    import ahocorasick_rs

    built = []
    real = ahocorasick_rs.BytesAhoCorasick

    class Spy:  # records the implementation asked for (the automata cannot be asked afterwards)
        def __init__(self, name: str) -> None:
            self.real = getattr(ahocorasick_rs, name)

        def __call__(self, patterns, **kw):  # type: ignore[no-untyped-def]
            built.append(kw["implementation"])
            return self.real(patterns, **kw)

    monkeypatch.setattr("shuyu.match.ahocorasick_rs", type("Module", (), {
        "AhoCorasick": Spy("AhoCorasick"), "BytesAhoCorasick": real, "MatchKind": ahocorasick_rs.MatchKind,
        "Implementation": ahocorasick_rs.Implementation}))
    asked = []
    build = Matcher._automaton
    monkeypatch.setattr(Matcher, "_automaton", staticmethod(
        lambda table, kind, **kw: asked.append((table.lang, kw["dfa"])) or build(table, kind, **kw)))
    small, large = Matcher(TINY_MATCHER.tables), Matcher(TINY_MATCHER.tables)
    large.expect(10**9)
    for matcher in (small, large):
        matcher.find_zh("无锡")
        matcher.find_en("Wuxi")
    assert asked == [("zh", False), ("en", False), ("zh", True), ("en", True)]
    nfa, dfa = ahocorasick_rs.Implementation.ContiguousNFA, ahocorasick_rs.Implementation.DFA
    assert built == [nfa, dfa]
