"""Hostile files for the command line, made by the tests in a temporary folder.

Each payload is named by what it attacks. Built once per test module; the
large ones are cheap to make (a sparse file, or zeros that compress to
kilobytes) but expand to what a real agenda never reaches.
"""

from __future__ import annotations

import io
import json
import struct
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pypdf import PdfWriter

from tests.importing.hostile_texts import HOSTILE_TEXTS

REPO = Path(__file__).resolve().parents[2]
AGENDAS = REPO / "tests" / "fixtures" / "agendas"
SAMPLE_PACK = REPO / "tests" / "samples" / "herts-acah-panel-2018-01-30-agenda-pack.txt"
MB = 1024 * 1024

SPARSE = object()  # a payload that is a 150 MB sparse file, not bytes in memory


def text_payloads() -> dict[str, Any]:
    agenda = (AGENDAS / "county-cabinet.txt").read_text("utf-8")
    return {
        "empty": b"",
        "whitespace": b" \n\t\r\n   \f",
        "nul-bytes": b"\x00" * 1000,
        "binary": bytes(range(256)) * 100,
        "utf16-bom-garbage": b"\xff\xfe" + bytes(range(256)) * 10,
        "utf16-agenda": agenda.encode("utf-16"),
        "cp1252": agenda.replace("Council", "Caf\xe9 \xa3").encode("cp1252"),
        "lone-surrogate-bytes": b"1. Apologies \xed\xa0\x80\n" + agenda.encode(),
        "overlong-utf8": b"\xc0\xaf" * 100 + agenda.encode(),
        "control-characters": "".join(map(chr, range(32))).encode() * 50,
        "bidi-overrides": ("\u202e1. Apologies\u202c\n" * 100).encode(),
        "combining-marks": ("a" + "\u0301" * 100_000).encode(),
        "one-long-line": b"a" * MB,
        "too-many-lines": b"x\n" * 300_000,
        "too-many-cr-lines": b"x\r" * 300_000,
        "too-many-characters": b"ab" * 4_500_000,
        "too-large-sparse": SPARSE,
        "part-ii-only": b"PART II\n" * 1000,
        "json-as-text": json.dumps({"format": "clerkdesk-meeting"}).encode(),
        "html": b"<html><body>" + b"<p>1. Item</p>" * 1000,
        "huge-item-number": ("9" * 5000 + ". Item\n").encode() + agenda.encode(),
        "impossible-dates": b"Monday 31 February 2024\n99/99/9999\n1. Apologies\n",
        "real-agenda": agenda.encode(),
        "real-pack": SAMPLE_PACK.read_bytes(),
    }


def parser_payloads() -> dict[str, bytes]:
    """Text shaped to make the parsers backtrack, loop or grow (.txt only)."""
    return {f"parser-{name}": text.encode() for name, text in HOSTILE_TEXTS.items()}


def _docx_with(document: bytes | None = None, extra: dict[str, bytes] | None = None) -> bytes:
    """The county-cabinet agenda as .docx with its document.xml replaced or parts added."""
    source = zipfile.ZipFile(AGENDAS / "county-cabinet.docx")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/document.xml" and document is not None:
                data = document
            archive.writestr(info.filename, data)
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return out.getvalue()


def _body(inner: bytes, prolog: bytes = b"") -> bytes:
    namespace = b"http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    return (
        prolog
        + b'<w:document xmlns:w="'
        + namespace
        + b'"><w:body>'
        + inner
        + b"</w:body></w:document>"
    )


def _lie_about_size(data: bytes, member: str, size: int) -> bytes:
    """``data`` (a zip) with ``member``'s declared unpacked size in the central
    directory and local header set to ``size``."""
    patched = bytearray(data)
    name = member.encode()
    for signature, offset in ((b"PK\x01\x02", 24), (b"PK\x03\x04", 22)):
        start = 0
        while (found := patched.find(signature, start)) != -1:
            name_at = found + (46 if signature == b"PK\x01\x02" else 30)
            if patched[name_at : name_at + len(name)] == name:
                struct.pack_into("<I", patched, found + offset, size)
            start = found + 4
    return bytes(patched)


def docx_payloads() -> dict[str, bytes]:
    real = (AGENDAS / "county-cabinet.docx").read_bytes()
    few_parts = io.BytesIO()
    with zipfile.ZipFile(few_parts, "w") as archive:
        archive.writestr("[Content_Types].xml", b"<Types/>")
    many_parts = io.BytesIO()
    with zipfile.ZipFile(many_parts, "w") as archive:
        for number in range(3000):
            archive.writestr(f"word/part{number}.xml", b"<a/>")
    laughs = (
        b'<!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa">'
        + b"".join(
            f'<!ENTITY {chr(98 + n)} "{("&" + chr(97 + n) + ";") * 10}">'.encode() for n in range(8)
        )
        + b"]>"
    )
    external = b'<!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    return {
        "real": real,
        "truncated": real[:5000],
        "not-a-zip": b"PK\x03\x04" + bytes(range(256)) * 4,
        "empty-zip": b"PK\x05\x06" + b"\x00" * 18,
        "no-document-part": few_parts.getvalue(),
        "malformed-xml": _docx_with(b"<w:document"),
        "bomb-elements": _docx_with(_body(b"<w:p/>" * 2_000_000)),
        "bomb-xml-bytes": _docx_with(
            _body(b"<w:p><w:r><w:t>" + b" " * (40 * MB) + b"</w:t></w:r></w:p>")
        ),
        "bomb-pictures": _docx_with(extra={"word/media/image1.png": b"\x00" * (140 * MB)}),
        "declares-4gb": _lie_about_size(real, "word/document.xml", 0xFFFF_FFF0),
        "declares-too-little": _lie_about_size(real, "word/document.xml", 10),
        "too-many-parts": many_parts.getvalue(),
        "too-many-paragraphs": _docx_with(_body(b"<w:p/>" * 150_000)),
        "deep-nesting": _docx_with(_body(b"<w:p>" * 5000 + b"</w:p>" * 5000)),
        "billion-laughs": _docx_with(_body(b"<w:p><w:r><w:t>&i;</w:t></w:r></w:p>", laughs)),
        "external-entity": _docx_with(_body(b"<w:p><w:r><w:t>&x;</w:t></w:r></w:p>", external)),
        "text-named-docx": (AGENDAS / "county-cabinet.txt").read_bytes(),
        "pdf-named-docx": (AGENDAS / "county-cabinet.pdf").read_bytes(),
        "password-protected-ole": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 4096,
    }


def _blank_pages(count: int) -> bytes:
    writer = PdfWriter()
    for _ in range(count):
        writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _encrypted(data: bytes) -> bytes:
    from pypdf import PdfReader

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt("secret", algorithm="AES-256")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def pdf_payloads() -> dict[str, bytes]:
    real = (AGENDAS / "county-cabinet.pdf").read_bytes()
    one_page = _blank_pages(1)
    return {
        "real": real,
        "scanned": (AGENDAS / "scanned.pdf").read_bytes(),
        "five-thousand-pages": _blank_pages(5000),
        "claims-many-pages": one_page.replace(b"/Count 1", b"/Count 999999"),
        "claims-negative-pages": one_page.replace(b"/Count 1", b"/Count -5"),
        "truncated": real[: len(real) // 2],
        "header-only": b"%PDF-1.7\n",
        "garbage-after-header": b"%PDF-1.4\n" + bytes(range(256)) * 40,
        "password": _encrypted(real),
        "docx-named-pdf": (AGENDAS / "county-cabinet.docx").read_bytes(),
        "text-named-pdf": (AGENDAS / "county-cabinet.txt").read_bytes(),
    }


Mutation = Callable[[dict[str, Any]], Any]


def _set(path: tuple[Any, ...], value: Any) -> Mutation:
    def mutate(record: dict[str, Any]) -> Any:
        target: Any = record
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
        return record

    return mutate


JSON_MUTATIONS: dict[str, Mutation] = {
    "version-999": _set(("version",), 999),
    "items-a-string": _set(("items",), "items"),
    "people-null": _set(("people",), None),
    "quorum-negative": _set(("committee", "quorum"), -3),
    "quorum-a-string": _set(("committee", "quorum"), "three"),
    "date-impossible": _set(("meeting", "date"), "2018-02-31"),
    "date-year-99999": _set(("meeting", "date"), "99999-01-01"),
    "time-25-61": _set(("meeting", "start_time"), "25:61"),
    "status-unknown": _set(("meeting", "status"), "exploded"),
    "title-one-megabyte": _set(("items", 0, "title"), "T" * MB),
    "attendance-unknown-person": _set(("attendance", 0, "person"), "p999"),
    "count-negative": _set(("items", 2, "recommendations", 0, "vote", "counts", 0, "value"), -8),
    "count-a-float": _set(("items", 2, "recommendations", 0, "vote", "counts", 0, "value"), 8.5),
    "item-a-number": _set(("items", 0), 7),
    "chair-style-unknown": _set(("meeting", "chair_style"), "Overlord"),
}


RAW_JSON_NAMES = (
    "real", "number-past-64-bits", "number-5000-digits", "negative-past-64-bits",
    "lone-surrogate-value", "lone-surrogate-key", "nul-in-text", "escape-in-key", "nan",
    "infinity", "float-5000-digits", "nested-100000", "not-json", "empty", "utf16",
    "latin1-bytes", "trailing-garbage", "top-level-list", "top-level-string", "top-level-null",
    "over-8-mb", "wrong-format", "duplicate-keys",
)  # fmt: skip


def json_payloads(dump: dict[str, Any]) -> dict[str, bytes]:
    """Meeting records (``dump`` is a real one) broken in every way the format allows."""
    text = json.dumps(dump)
    raw: dict[str, bytes] = {
        "real": text.encode(),
        "number-past-64-bits": text.replace(
            '"quorum": 3', '"quorum": 9223372036854775808', 1
        ).encode(),
        "number-5000-digits": text.replace('"quorum": 3', '"quorum": ' + "9" * 5000, 1).encode(),
        "negative-past-64-bits": text.replace(
            '"quorum": 3', '"quorum": -99999999999999999999', 1
        ).encode(),
        "lone-surrogate-value": text.replace('"Minutes"', '"\\ud800Minutes"', 1).encode(),
        "lone-surrogate-key": text.replace('"venue"', '"\\udc00venue"', 1).encode(),
        "nul-in-text": text.replace('"Minutes"', '"\\u0000Minutes"', 1).encode(),
        "escape-in-key": text.replace('"venue"', '"\\u001bvenue"', 1).encode(),
        "nan": text.replace('"quorum": 3', '"quorum": NaN', 1).encode(),
        "infinity": text.replace('"quorum": 3', '"quorum": 1e999', 1).encode(),
        "float-5000-digits": text.replace('"quorum": 3', '"quorum": 0.' + "1" * 5000, 1).encode(),
        "nested-100000": b"[" * 100_000 + b"]" * 100_000,
        "not-json": b"this is not json",
        "empty": b"",
        "utf16": text.encode("utf-16"),
        "latin1-bytes": text.replace("Hertford", "H\u00e9rtford").encode("latin-1", "replace"),
        "trailing-garbage": text.encode() + b"}}}",
        "top-level-list": b"[1, 2, 3]",
        "top-level-string": b'"clerkdesk-meeting"',
        "top-level-null": b"null",
        "over-8-mb": b'{"format": "clerkdesk-meeting", "pad": "' + b"x" * (9 * MB) + b'"}',
        "wrong-format": text.replace('"clerkdesk-meeting"', '"other"', 1).encode(),
        "duplicate-keys": text.replace('{"format"', '{"format": 1, "format"', 1).encode(),
    }
    assert tuple(raw) == RAW_JSON_NAMES
    for name, mutate in JSON_MUTATIONS.items():
        raw[name] = json.dumps(mutate(json.loads(text))).encode()
    return raw


def json_payload_names() -> list[str]:
    return [*RAW_JSON_NAMES, *JSON_MUTATIONS]


def write_payload(path: Path, payload: Any) -> Path:
    if payload is SPARSE:
        with path.open("wb") as handle:
            handle.truncate(150 * MB)  # 150 MB by its size, no disk used
    else:
        path.write_bytes(payload)
    return path
