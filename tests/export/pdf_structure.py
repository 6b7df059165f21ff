"""Read a tagged PDF back: its marked content, its structure tree, its metadata.

What veraPDF would check, as far as a test can without it: every painted
thing is real content (in a structure element) or an artifact, the
structure elements in reading order, and what they say.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from typing import Any

from pypdf import PdfReader
from pypdf.generic import ArrayObject, ContentStream

PAINTING = {"Tj", "TJ", "'", '"', "S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "Do", "sh"}
TEXT_SHOWING = {"Tj", "TJ", "'", '"'}


@dataclass
class Element:
    role: str
    depth: int
    mcids: list[tuple[int, int]] = field(default_factory=list)  # (page, mcid), in order
    widgets: list[str] = field(default_factory=list)  # field names
    kids: list[Element] = field(default_factory=list)
    alt: str = ""
    text: str = ""  # its own marked content, then its kids'

    def walk(self) -> list[Element]:
        return [self, *(e for kid in self.kids for e in kid.walk())]


def unmarked_painting(data: bytes) -> list[tuple[int, str]]:
    """Each operator that paints something outside any marked content: (page, op)."""
    found: list[tuple[int, str]] = []
    reader = PdfReader(io.BytesIO(data))
    for number, page in enumerate(reader.pages):
        depth = 0
        for _operands, operator in ContentStream(page.get_contents(), reader).operations:
            op = operator.decode("latin-1")
            if op in ("BDC", "BMC"):
                depth += 1
            elif op == "EMC":
                depth -= 1
            elif op in PAINTING and depth == 0:
                found.append((number, op))
    return found


def marked_text(data: bytes) -> tuple[dict[tuple[int, int], str], list[list[str]]]:
    """The text of each marked-content sequence by (page, MCID), and each page's
    artifact text; text outside both is keyed (page, -1)."""
    texts: dict[tuple[int, int], str] = {}
    artifacts: list[list[str]] = []
    for number, page in enumerate(PdfReader(io.BytesIO(data)).pages):
        artifacts.append(_read_page(page, number, texts))
    return texts, artifacts


def _read_page(page: Any, number: int, texts: dict[tuple[int, int], str]) -> list[str]:
    stack: list[tuple[str, int | None]] = []
    page_artifacts: list[str] = []

    def before(op: bytes, args: Any, cm: Any, tm: Any) -> None:
        if op == b"BDC":
            props = args[1]
            mcid = props.get("/MCID") if hasattr(props, "get") else None
            stack.append((str(args[0]), None if mcid is None else int(mcid)))
        elif op == b"BMC":
            stack.append((str(args[0]), None))
        elif op == b"EMC":
            stack.pop()

    def text(t: str, cm: Any, tm: Any, font: Any, size: Any) -> None:
        if not t.strip():
            return
        if any(tag == "/Artifact" for tag, _ in stack):
            page_artifacts.append(t)
            return
        mcid = next((m for _, m in reversed(stack) if m is not None), -1)
        texts[(number, mcid)] = texts.get((number, mcid), "") + t

    page.extract_text(visitor_operand_before=before, visitor_text=text)
    return page_artifacts


def structure(data: bytes) -> Element:
    """The structure tree, with each element's text from its marked content."""
    texts, _ = marked_text(data)
    reader = PdfReader(io.BytesIO(data))
    pages = {page.indirect_reference.idnum: number for number, page in enumerate(reader.pages)}

    def read(elem: Any, depth: int) -> Element:
        element = Element(str(elem["/S"])[1:], depth, alt=str(get(elem, "/Alt", "")))
        own_page = pages.get(elem.raw_get("/Pg").idnum) if "/Pg" in elem else None
        kids = elem["/K"] if isinstance(elem["/K"], ArrayObject) else [elem["/K"]]
        parts: list[str] = []
        for kid in (k.get_object() for k in kids):
            if isinstance(kid, int):
                assert own_page is not None, f"{element.role} has an MCID but no /Pg"
                element.mcids.append((own_page, int(kid)))
                parts.append(texts.get((own_page, int(kid)), ""))
            elif kid.get("/Type") == "/MCR":
                key = (pages[kid.raw_get("/Pg").idnum], int(kid["/MCID"]))
                element.mcids.append(key)
                parts.append(texts.get(key, ""))
            elif kid.get("/Type") == "/OBJR":
                element.widgets.append(str(get(kid["/Obj"], "/T")))
            else:
                child = read(kid, depth + 1)
                element.kids.append(child)
                parts.append(child.text)
        element.text = " ".join(p.strip() for p in parts if p.strip())
        return element

    return read(catalog(reader)["/StructTreeRoot"]["/K"], 0)


def catalog(reader: PdfReader) -> Any:
    return reader.trailer["/Root"]


def get(dictionary: Any, key: str, default: Any = None) -> Any:
    """``dictionary[key]`` resolved if it is an indirect object, or ``default``."""
    value = dictionary.get(key)
    return default if value is None else value.get_object()


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)
