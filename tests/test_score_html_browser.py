"""The HTML report of `shuyu score --html` opened in headless Chromium: the screenshot shows the bar chart.

Skipped where ``/usr/bin/chromium`` is absent (``.ci/run`` installs it best-effort). The page must also
be inert: no script, and no reference that would make a browser load anything from the network.
"""

from __future__ import annotations

import itertools
import re
import struct
import subprocess
import zlib
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from shuyu.cli import app

ROOT = Path(__file__).resolve().parents[1]
RELEASES = ROOT / "corpus" / "releases"
CHROMIUM = Path("/usr/bin/chromium")
ACCURACY = (0x2B, 0x7A, 0x2B)
CONSISTENCY = (0x2B, 0x4F, 0x9E)
HOSTILE_ID = '<script src="https://evil.example/a.js"></script><img src=http://evil.example/p.png>'

runner = CliRunner()


def score_html(tmp_path: Path, *corpus: Path) -> Path:
    out = tmp_path / "report.html"
    result = runner.invoke(app, ["score", *map(str, corpus), "--html", str(out), "-o", str(tmp_path / "score.txt")])
    assert result.exit_code == 0, result.output
    assert out.is_file()
    return out


def read_png(path: Path) -> tuple[int, int, list[bytes]]:
    """(width, height, rows of RGB bytes) of an 8-bit RGB or RGBA, non-interlaced PNG, with stdlib only."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, header = 8, bytearray(), None
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind, body = data[pos + 4:pos + 8], data[pos + 8:pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        elif kind == b"IEND":
            break
    assert header is not None, "no IHDR chunk"
    width, height, depth, colour, _, _, interlace = header
    if depth != 8 or colour not in (2, 6) or interlace:
        pytest.fail(f"PNG layout not handled here: depth {depth}, colour type {colour}, interlace {interlace}")
    bpp = 3 if colour == 2 else 4
    raw = zlib.decompress(bytes(idat))
    stride = width * bpp
    rows, prev = [], bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        if kind == 1:
            for i in range(bpp, stride):
                line[i] = (line[i] + line[i - bpp]) & 0xFF
        elif kind == 2:
            line = bytearray((x + p) & 0xFF for x, p in zip(line, prev, strict=True))
        elif kind == 3:
            for i in range(stride):
                line[i] = (line[i] + ((line[i - bpp] if i >= bpp else 0) + prev[i]) // 2) & 0xFF
        elif kind == 4:
            for i in range(stride):
                a, b, c = (line[i - bpp], prev[i], prev[i - bpp]) if i >= bpp else (0, prev[i], 0)
                pa, pb, pc = abs(b - c), abs(a - c), abs(a + b - 2 * c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        elif kind != 0:
            pytest.fail(f"bad PNG filter type {kind} in row {y}")
        prev = line
        rgb = bytes(line) if bpp == 3 else bytes(v for i, v in enumerate(line) if i % 4 != 3)
        rows.append(rgb)
    return width, height, rows


def colour_stats(rows: list[bytes]) -> tuple[Counter[tuple[int, int, int]], Counter[tuple[int, int, int]]]:
    """Per colour: the longest horizontal run of identical pixels anywhere, and the pixel count."""
    best: Counter[tuple[int, int, int]] = Counter()
    count: Counter[tuple[int, int, int]] = Counter()
    for row in rows:
        pixels = list(zip(row[0::3], row[1::3], row[2::3], strict=True))
        count.update(pixels)
        for px, group in itertools.groupby(pixels):
            best[px] = max(best[px], sum(1 for _ in group))
    return best, count


@pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is absent")
def test_screenshot_shows_the_bar_chart(tmp_path: Path) -> None:
    report = score_html(tmp_path, RELEASES)
    png = tmp_path / "shot.png"
    proc = subprocess.run(
        [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={tmp_path / 'profile'}", f"--screenshot={png}", "--window-size=1200,900",
         report.as_uri()],
        capture_output=True, text=True, timeout=180, check=False)
    assert png.is_file(), f"no screenshot (exit {proc.returncode}): {proc.stderr[-2000:]}"
    width, height, rows = read_png(png)
    assert (width, height) == (1200, 900)
    runs, count = colour_stats(rows)
    # A concept at 100% draws a 200-pixel bar; the legend's swatches are only 12 pixels wide, so a run
    # of well over 12 pixels in a bar colour is the chart itself.
    assert runs[ACCURACY] >= 150, f"no accuracy bar (#2b7a2b) in the screenshot: longest run {runs[ACCURACY]}"
    assert runs[CONSISTENCY] >= 150, f"no consistency bar (#2b4f9e) in the screenshot: longest run {runs[CONSISTENCY]}"
    # and both colours cover a real area, not a stray row
    assert count[ACCURACY] >= 2000
    assert count[CONSISTENCY] >= 2000


class _Refs(HTMLParser):
    """Tags, attributes and style text of a page, to look for anything a browser would fetch or run."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str, str]] = []
        self.style = ""
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += [(tag, name, value or "") for name, value in attrs]
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.style += data


NETWORK = re.compile(r"(?:https?:)?//|url\s*\(|@import", re.IGNORECASE)
FETCHING_TAGS = {"script", "link", "img", "iframe", "frame", "object", "embed", "audio", "video", "source",
                 "track", "image", "use", "base"}


def assert_inert(page: str) -> None:
    assert "<script" not in page.lower()
    refs = _Refs()
    refs.feed(page)
    refs.close()
    assert "script" not in refs.tags
    assert not set(refs.tags) & FETCHING_TAGS, sorted(set(refs.tags) & FETCHING_TAGS)
    for tag, name, value in refs.attrs:
        assert not name.startswith("on"), (tag, name)
        if tag == "meta":
            assert name == "charset", (tag, name, value)
        assert not NETWORK.search(value), (tag, name, value)
        assert not value.lower().startswith(("javascript:", "data:")), (tag, name, value)
    assert not NETWORK.search(refs.style), refs.style
    # Any http(s):// left is escaped corpus text: it sits in text, never in markup.
    for m in re.finditer(r"https?://", page, re.IGNORECASE):
        before = page[:m.start()]
        assert before.rfind("<") < before.rfind(">"), page[max(0, m.start() - 80):m.end() + 80]


def test_report_loads_nothing(tmp_path: Path) -> None:
    assert_inert(score_html(tmp_path, RELEASES).read_text(encoding="utf-8"))


def test_hostile_corpus_text_is_escaped(tmp_path: Path) -> None:
    corpus = tmp_path / "c.tsv"
    corpus.write_text(f"{HOSTILE_ID}\t无锡市委书记出席会议。\tThe Party Secretary of Wuxi attended.\n", encoding="utf-8")
    page = score_html(tmp_path, corpus).read_text(encoding="utf-8")
    assert "evil.example" in page  # the id is there, as text
    assert "&lt;script" in page
    assert_inert(page)
