"""The web-page minutes: read back with Python's own HTML parser (always), and
rendered, printed and read in headless Chromium (where it is installed)."""

from __future__ import annotations

import io
import itertools
import shutil
import subprocess
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import pytest
from pypdf import PdfReader

from clerkdesk.export.view import build_minutes_view
from clerkdesk.export.view_model import MinutesView

from .conftest import MEETINGS
from .reading_order import first_out_of_order, squash

Exported = Callable[[str, str, bool], bytes]
VERSIONS = [("herts", False), ("rich", False), ("rich", True), ("rich approved", False)]
VOID = {"meta", "br", "img", "hr", "link", "input", "wbr", "source", "area", "base", "col"}


class Page(HTMLParser):
    """What the page is made of: its elements in order, and the text a person reads."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.open: list[str] = []
        self.headings: list[tuple[int, str]] = []
        self.title = ""
        self.text: list[str] = []
        self._heading: list[str] | None = None
        self.labels: list[str] = []  # the numbers of numbered minutes
        self._in = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))
        if tag not in VOID:
            self.open.append(tag)
        if tag in {"h1", "h2", "h3", "h4", "h5", "h6"}:
            self._heading = []
        cls = dict(attrs).get("class") or ""
        self._in = "label" if tag == "span" and cls == "number" and "li" in self.open else tag

    def handle_endtag(self, tag: str) -> None:
        assert self.open and self.open[-1] == tag, f"</{tag}> closes <{self.open[-1:]}>"
        self.open.pop()
        if tag.startswith("h") and tag[1:].isdigit() and self._heading is not None:
            self.headings.append((int(tag[1]), " ".join(self._heading)))
            self._heading = None
        self._in = ""

    def handle_data(self, data: str) -> None:
        if "title" in self.open:
            self.title += data
        elif "style" in self.open:
            return
        elif "body" in self.open:
            self.text.append(data)
            if self._heading is not None:
                self._heading.append(data.strip())
            if self._in == "label":
                self.labels.append(data)


def read(data: bytes) -> Page:
    page = Page()
    page.feed(data.decode("utf-8"))
    page.close()
    assert page.open == [], f"elements never closed: {page.open}"
    return page


def _view(meeting: str, confidential: bool) -> MinutesView:
    return build_minutes_view(MEETINGS[meeting](), confidential=confidential)


@pytest.mark.parametrize(("meeting", "confidential"), VERSIONS)
def test_page_is_self_contained_and_scriptless(
    exported: Exported, meeting: str, confidential: bool
) -> None:
    data = exported(meeting, "html", confidential)
    page = read(data)
    html = next(attrs for tag, attrs in page.elements if tag == "html")
    assert html.get("lang") == "en-GB"
    assert page.title == _view(meeting, confidential).doc_title
    tags = {tag for tag, _ in page.elements}
    assert "script" not in tags and "iframe" not in tags and "link" not in tags
    assert "style" in tags  # its own CSS, inline
    for _, attrs in page.elements:
        assert not any(k.startswith("on") for k in attrs), "an inline script handler"
        assert "src" not in attrs, "something fetched from elsewhere"
    assert b"@media print" in data and b"@page" in data


@pytest.mark.parametrize(("meeting", "confidential"), VERSIONS)
def test_headings_nest_and_name_every_item(
    exported: Exported, meeting: str, confidential: bool
) -> None:
    view = _view(meeting, confidential)
    page = read(exported(meeting, "html", confidential))
    levels = [level for level, _ in page.headings]
    assert levels[0] == 1 and levels.count(1) == 1
    for before, after in itertools.pairwise(levels):
        assert after <= before + 1
    texts = [squash(text) for _, text in page.headings]
    assert texts[0] == squash(view.committee.upper())
    wanted = [squash(item.heading) for item in view.items]
    assert [t for t in texts if t in wanted] == wanted


@pytest.mark.parametrize(("meeting", "confidential"), VERSIONS)
def test_numbered_minutes_are_lists_and_reading_order_is_the_minutes(
    exported: Exported, meeting: str, confidential: bool
) -> None:
    view = _view(meeting, confidential)
    page = read(exported(meeting, "html", confidential))
    numbers = [b.number for item in view.items for b in item.blocks if b.number]
    assert numbers and page.labels == numbers
    items = [tag for tag, _ in page.elements if tag == "li"]
    assert len(items) == len(numbers)
    assert first_out_of_order(" ".join(page.text), view) is None


def test_part_ii_is_absent_from_the_public_page(exported: Exported) -> None:
    public = _view("rich", False)
    confidential = _view("rich", True)
    shown = {squash(b.text) for item in public.items for b in item.blocks}
    secret = [
        b.text
        for item in confidential.items
        if item.exempt
        for b in item.blocks
        if squash(b.text) not in shown
    ]
    assert secret, "the sample meeting has Part II business to hide"
    public_text = squash(" ".join(read(exported("rich", "html", False)).text))
    confidential_text = squash(" ".join(read(exported("rich", "html", True)).text))
    for text in secret:
        assert squash(text) not in public_text
        assert squash(text) in confidential_text
    assert "CONFIDENTIAL" not in public_text and "CONFIDENTIAL" in confidential_text


def test_text_is_escaped(tmp_path: Path) -> None:
    import dataclasses

    from clerkdesk.export.html_renderer import render_html

    view = dataclasses.replace(_view("herts", False), venue="<script>alert(1)</script> & Co")
    page = read(render_html(view))
    assert "script" not in {tag for tag, _ in page.elements}
    assert "<script>alert(1)</script> & Co" in " ".join(page.text)


# In a real browser.

CHROMIUM = next((p for p in (shutil.which(n) for n in ("chromium", "chromium-browser")) if p), None)
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None,
    reason="Chromium is not installed (Debian: apt-get install chromium); the page's "
    "structure is still checked by the html.parser tests",
)


def _chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    assert CHROMIUM is not None
    command = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",  # as root in a container; the page is our own
        "--disable-gpu",
        "--no-first-run",
        "--disable-extensions",
        f"--user-data-dir={tmp_path / 'profile'}",
        *args,
    ]
    return subprocess.run(command, capture_output=True, timeout=120, check=True)


@pytest.fixture(scope="module")
def page_file(tmp_path_factory: pytest.TempPathFactory, key_dir: Path) -> Path:
    from clerkdesk.export import export_minutes

    path = tmp_path_factory.mktemp("html") / "minutes.html"
    path.write_bytes(export_minutes(MEETINGS["rich"](), "html", False, key_dir=key_dir))
    return path


@needs_chromium
def test_chromium_renders_the_page(page_file: Path, tmp_path: Path) -> None:
    dom = _chromium(tmp_path, "--dump-dom", page_file.as_uri()).stdout.decode()
    page = read(dom.encode())
    assert page.title == _view("rich", False).doc_title
    assert first_out_of_order(" ".join(page.text), _view("rich", False)) is None
    _chromium(
        tmp_path,
        f"--screenshot={tmp_path / 'shot.png'}",
        "--window-size=1024,2000",
        page_file.as_uri(),
    )
    from PIL import Image

    with Image.open(tmp_path / "shot.png") as shot:
        colours = shot.convert("L").getextrema()
    assert colours[0] < 64 and colours[1] > 200  # text drawn on a light page


@needs_chromium
def test_chromium_prints_the_page_in_reading_order(page_file: Path, tmp_path: Path) -> None:
    printed = tmp_path / "printed.pdf"
    _chromium(tmp_path, f"--print-to-pdf={printed}", "--no-pdf-header-footer", page_file.as_uri())
    reader = PdfReader(io.BytesIO(printed.read_bytes()))
    width, height = (float(v) for v in reader.pages[0].mediabox[2:])
    assert abs(width - 595) < 2 and abs(height - 842) < 2  # A4, from the print CSS
    text = " ".join(page.extract_text() or "" for page in reader.pages)
    assert first_out_of_order(text, _view("rich", False)) is None
