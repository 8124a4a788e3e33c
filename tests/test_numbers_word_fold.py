"""The fold that lets ``numbers._en_quantities`` skip to the first number-word stem in non-ASCII English."""

from __future__ import annotations

import re

from shuyu import numbers


def _fold(text: str) -> str:
    return text.replace("İ", "i").lower().replace("ſ", "s").replace("ı", "i")


def test_every_character_the_word_pattern_takes_for_a_stem_letter_folds_to_it() -> None:
    # _EN_WORD ignores case the Unicode way; the skip is exact only if the fold maps every character that the
    # pattern matches for a letter of a stem to that very letter, one character for one.
    letters = sorted(set("".join(numbers._EN_WORD_STEMS)))
    any_letter = re.compile("[" + "".join(letters) + "]", re.IGNORECASE)
    for cp in range(0x110000):
        c = chr(cp)
        if any_letter.fullmatch(c):
            folded = _fold(c)
            assert len(folded) == 1, repr(c)
            assert folded in letters, repr(c)
            assert [x for x in letters if re.fullmatch(x, c, re.IGNORECASE)] == [folded], repr(c)


def test_non_ascii_number_words_are_still_found() -> None:
    found = numbers.extract_quantities("“Over TWENTY-ONE” ſeven fİve… nİne thousand, ſixty percent", "en")
    assert [(str(q.value), q.unit, q.approx, q.text) for q in found] == [
        ("21", "", "over", "Over TWENTY-ONE"), ("7", "", "", "ſeven"), ("5", "", "", "fİve"),
        ("9000", "", "", "nİne thousand"), ("60", "percent", "", "ſixty percent")]


def test_a_lone_unicode_cased_number_word_is_found() -> None:
    # the only word in each line is written with a character the plain lower() does not make ASCII
    for text, value in (("“ſeven” cities", "7"), ("the fİve cities’ plan", "5"), ("ſIXTY—percent", "60")):
        (q,) = numbers.extract_quantities(text, "en")
        assert str(q.value) == value, text
