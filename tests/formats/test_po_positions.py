"""PO catalogs read with positions: every character of a msgid or msgstr maps to the exact place
in the file that writes it, across continuation lines, C escapes, ``#~`` prefixes and plural forms."""

from __future__ import annotations

import re
from pathlib import Path

import polib
import pytest
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from shuyu.formats.po import PoString
from shuyu.formats.po import scan_catalog
from shuyu.text.offsets import LineIndex

ROOT = Path(__file__).resolve().parents[2]
HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'


def positions(text: str, value: PoString) -> list[tuple[int, int]]:
    """The 1-based (line, column) of every character of ``value``."""
    index = LineIndex.of(text)
    return [index.position(value.offsets.to_original(i)) for i in range(len(value.text))]


def at(text: str, value: PoString, needle: str) -> tuple[int, int]:
    """The (line, column) of the first character of ``needle`` in the decoded ``value``."""
    return positions(text, value)[value.text.index(needle)]


def test_wrapped_msgstr_maps_each_character_to_its_continuation_line() -> None:
    text = HEADER + '#: app.py:10\nmsgid "欢迎来到淮安和徐州"\nmsgstr ""\n"Welcome to "\n"Huaian and Xu Zhou"\n'
    header, entry = scan_catalog(text)
    assert (header.msgid.text, header.msgstr.text) == ("", "Content-Type: text/plain; charset=UTF-8\n")
    assert (entry.line, entry.obsolete) == (6, False)
    assert entry.msgstr.text == "Welcome to Huaian and Xu Zhou"
    assert at(text, entry.msgstr, "Welcome") == (8, 2)
    assert at(text, entry.msgstr, "Huaian") == (9, 2)
    assert at(text, entry.msgstr, "Xu Zhou") == (9, 13)
    assert at(text, entry.msgid, "淮安") == (6, 12)
    assert at(text, entry.msgid, "徐州") == (6, 15)
    # a span ending at the last character of the first line ends on that line
    assert LineIndex.of(text).position(entry.msgstr.offsets.end_to_original(len("Welcome to"))) == (8, 12)


def test_escapes_map_to_their_backslash() -> None:
    text = HEADER + 'msgid "徐州"\nmsgstr "say \\"Xu\\tZhou\\"\\\\n\\n"\n"C:\\\\Xuzhou"\n'
    entry = scan_catalog(text)[1]
    assert entry.msgstr.text == 'say "Xu\tZhou"\\n\nC:\\Xuzhou'
    assert positions(text, entry.msgstr) == [
        (6, 9), (6, 10), (6, 11), (6, 12),  # "say "
        (6, 13), (6, 15), (6, 16), (6, 17),  # \"  X u \t
        (6, 19), (6, 20), (6, 21), (6, 22), (6, 23),  # Z h o u \"
        (6, 25), (6, 27),  # \\ then n
        (6, 28),  # \n
        (7, 2), (7, 3), (7, 4), (7, 6), (7, 7), (7, 8), (7, 9), (7, 10), (7, 11),  # C : \\ X u z h o u
    ]


def test_octal_and_hex_escapes_decode_as_gettext_does() -> None:
    # \101 and \x41 are "A"; \345\276\220 is the UTF-8 of 徐; \a is C's (msgfmt refuses \? and \')
    text = HEADER + 'msgid "徐州"\nmsgstr "\\101\\x41\\345\\276\\220 \\a Xu"\n'
    entry = scan_catalog(text)[1]
    assert entry.msgstr.text == "AA徐 \a Xu"
    assert positions(text, entry.msgstr) == [(6, 9), (6, 13), (6, 17), (6, 29), (6, 30), (6, 32), (6, 33), (6, 34)]


@pytest.mark.parametrize("escape", ["\\'", "\\?", "\\q"])
def test_escapes_msgfmt_refuses_are_malformed(tmp_path, escape: str) -> None:  # type: ignore[no-untyped-def]
    from shuyu.errors import InputError
    from shuyu.formats.po import read_po

    path = tmp_path / "e.po"
    path.write_text(HEADER + f'msgid "无锡"\nmsgstr "Wuxi{escape}s"\n', encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_po(path)
    assert f"malformed PO: invalid escape sequence {escape}" in str(info.value)


def test_obsolete_entries_follow_the_prefix_on_every_line() -> None:
    text = HEADER + ('msgid "无锡"\nmsgstr "Wuxi"\n\n'
                     '#~ msgid ""\n#~ "旧的徐州"\n#~ msgstr ""\n#~ "Old "\n#~ "Xu Zhou old"\n'
                     '#~  msgid "淮安"\n#~\tmsgstr "Huaian"\n')
    _, current, old, older = scan_catalog(text)
    assert (current.obsolete, old.obsolete, older.obsolete) == (False, True, True)
    assert (old.line, old.msgid.text, old.msgstr.text) == (8, "旧的徐州", "Old Xu Zhou old")
    assert at(text, old.msgid, "徐州") == (9, 7)
    assert at(text, old.msgstr, "Old") == (11, 5)
    assert at(text, old.msgstr, "Xu Zhou") == (12, 5)
    assert at(text, older.msgid, "淮安") == (13, 12)
    assert at(text, older.msgstr, "Huaian") == (14, 12)


def test_msgctxt_and_plural_forms_with_a_wrapped_msgstr() -> None:
    text = HEADER + ('#, c-format\nmsgctxt "stats"\nmsgid "已签约%d个项目"\nmsgid_plural ""\n"在徐州签约%d个项目"\n'
                     'msgstr[0] "%d project signed in Xuzhou"\nmsgstr[1] ""\n"%d projects signed "\n'
                     '"in Xu Zhou"\n\nmsgctxt "next"\nmsgid "徐州"\nmsgstr "Xuzhou"\n')
    _, plural, after = scan_catalog(text)
    assert (plural.flags, plural.msgctxt.text, plural.line) == (["c-format"], "stats", 7)
    assert plural.msgstr is None
    assert sorted(plural.msgstr_plural) == [0, 1]
    assert at(text, plural.msgctxt, "stats") == (6, 10)
    (zh0, en0), (zh1, en1) = plural.forms()
    assert (zh0.text, zh1.text) == ("已签约%d个项目", "在徐州签约%d个项目")
    assert en1.text == "%d projects signed in Xu Zhou"
    assert at(text, en0, "Xuzhou") == (10, 33)
    assert at(text, en1, "projects") == (12, 5)
    assert at(text, en1, "Xu Zhou") == (13, 5)
    assert at(text, zh1, "徐州") == (9, 3)
    assert at(text, zh0, "%d") == (7, 11)
    assert (after.msgctxt.text, after.msgid.text, after.msgstr.text, after.line) == ("next", "徐州", "Xuzhou", 16)
    assert after.flags == []
    assert at(text, after.msgstr, "Xuzhou") == (17, 9)


def test_crlf_and_bom_keep_columns() -> None:
    text = "\ufeff" + HEADER.replace("\n", "\r\n") + 'msgid "徐州"\r\nmsgstr ""\r\n"Mayor of "\r\n"Xu Zhou"\r\n'
    entry = scan_catalog(text)[1]
    assert entry.msgstr.text == "Mayor of Xu Zhou"
    assert at(text, entry.msgstr, "Xu") == (8, 2)


def test_empty_msgstr_is_placed_inside_its_quotes() -> None:
    text = HEADER + 'msgid "徐州"\nmsgstr ""\n'
    entry = scan_catalog(text)[1]
    assert entry.msgstr.text == ""
    assert LineIndex.of(text).position(entry.msgstr.offsets.to_original(0)) == (6, 9)


def test_the_fields_agree_with_polib() -> None:
    for path in [ROOT / "corpus" / "app" / "zh_to_en.po", ROOT / "locales" / "en" / "LC_MESSAGES" / "glossary.po"]:
        text = path.read_text(encoding="utf-8")
        ours = [m for m in scan_catalog(text) if m.obsolete or m.msgid.text]
        theirs = list(polib.pofile(text))
        assert len(ours) == len(theirs) > 0
        for m, e in zip(ours, theirs, strict=True):
            assert (m.msgid.text, m.msgctxt.text if m.msgctxt else None) == (e.msgid, e.msgctxt)
            assert (m.obsolete, m.flags) == (bool(e.obsolete), e.flags)
            assert (m.msgstr.text if m.msgstr else "") == e.msgstr
            assert {k: v.text for k, v in m.msgstr_plural.items()} == e.msgstr_plural


# --- property: any msgstr, written as Poedit writes it, maps back character by character ---

#: How gettext and Poedit write a character inside quotes.
ESCAPE = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r"}
CHARS = st.sampled_from(list('Xu Zhou Huaian wx"\\\n\t') + list("徐州淮安无锡，。üé𠮷"))


def encodings(draw, value: str) -> list[str]:
    """How each character of ``value`` is written; sometimes as an octal or hex escape (UTF-8 bytes)."""
    out = []
    for ch in value:
        style = draw(st.sampled_from(["plain", "plain", "plain", "octal", "hex"]))
        if style == "plain" or ch in "\n\t":
            out.append(ESCAPE.get(ch, ch))
        elif style == "octal":
            out.append("".join(f"\\{b:03o}" for b in ch.encode("utf-8")))
        else:  # one hex escape per byte; a following hex digit would run into it, so only before non-hex
            out.append("".join(f"\\x{b:02x}" for b in ch.encode("utf-8")))
    # "\x58" followed by a hex digit would read on: write such a character plainly
    for k in range(len(out) - 1):
        if out[k].startswith("\\x") and re.match(r"[0-9A-Fa-f]", out[k + 1]):
            out[k] = ESCAPE.get(value[k], value[k])
    return out


@st.composite
def catalogs(draw):
    value = draw(st.text(CHARS, min_size=1, max_size=40))
    written = encodings(draw, value)
    obsolete = draw(st.booleans())
    plural = draw(st.booleans())
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    prefix = "#~ " if obsolete else ""
    # Poedit: `msgstr ""` then continuation lines, broken after every \n and wherever it wraps
    chunks, chunk = [], []
    for k, enc in enumerate(written):
        chunk.append(k)
        if enc == "\\n" or draw(st.integers(0, 5)) == 0:
            chunks.append(chunk)
            chunk = []
    if chunk:
        chunks.append(chunk)
    lines = [f'{prefix}msgid "徐州"']
    if plural:
        lines += [f'{prefix}msgid_plural "徐州们"', f'{prefix}msgstr[0] "Xuzhou"', f'{prefix}msgstr[1] ""']
    else:
        lines.append(f'{prefix}msgstr ""')
    expected: list[int] = []
    text = (HEADER + "#: app.py:1\n").replace("\n", newline)
    body = newline.join(lines) + newline
    for chunk in chunks:
        body += f'{prefix}"'
        for k in chunk:
            expected.append(len(text) + len(body))
            body += written[k]
        body += '"' + newline
    return value, text + body + newline + 'msgid "无锡"' + newline + 'msgstr "Wuxi"' + newline, expected, plural


@settings(max_examples=300)
@given(catalogs())
def test_every_character_of_a_generated_msgstr_maps_to_its_encoding(case) -> None:
    value, text, expected, plural = case
    _, entry, after = scan_catalog(text)
    msgstr = entry.msgstr_plural[1] if plural else entry.msgstr
    assert msgstr.text == value
    assert [msgstr.offsets.to_original(i) for i in range(len(value))] == expected
    assert after.msgstr.text == "Wuxi"
    assert after.msgstr.offsets.to_original(0) == text.rindex("Wuxi")


@settings(max_examples=200)
@given(st.text(CHARS, min_size=1, max_size=60), st.integers(10, 79), st.booleans())
def test_catalogs_polib_writes_read_back_with_exact_positions(value: str, width: int, obsolete: bool) -> None:
    po = polib.POFile(wrapwidth=width)
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    po.append(polib.POEntry(msgid="淮安和徐州", msgstr=value, obsolete=obsolete))
    text = str(po)
    entry = scan_catalog(text)[-1]
    assert entry.obsolete == obsolete
    assert entry.msgstr.text == value == polib.pofile(text)[0].msgstr
    starts = [entry.msgstr.offsets.to_original(i) for i in range(len(value))]
    for i, ch in enumerate(value):
        assert text.startswith(ESCAPE.get(ch, ch), starts[i])
    # nothing but a line break (and its #~ prefix) between one character's encoding and the next's
    for i in range(len(value) - 1):
        between = text[starts[i] + len(ESCAPE.get(value[i], value[i])):starts[i + 1]]
        assert re.fullmatch(r'(?:"\n(?:#~ )?")?', between), between
