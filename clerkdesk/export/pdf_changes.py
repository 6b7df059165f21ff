"""What changed between an exported PDF and the file as it is now, in plain words.

pyHanko's difference analysis says *whether* a later revision did more than
the certification permits; a clerk needs to be told *what*: "page 1's text
was replaced after export". This compares the exported revision with the
whole file as a reader shows them: pages and their text, annotations, form
fields and their values, the document's metadata and language.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from typing import Any

_METADATA_WORDS = {
    "/Title": "title",
    "/Author": "author",
    "/Subject": "subject",
    "/Keywords": "keywords",
    "/Creator": "creator",
    "/Producer": "producer",
    "/CreationDate": "creation date",
    "/ModDate": "modification date",
}


def describe_changes(before: bytes, after: bytes, allowed_fields: Iterable[str]) -> list[str]:
    """Sentences naming each change from ``before`` to ``after`` that is not the
    filling of one of ``allowed_fields``; empty if a reader would see none."""
    from pypdf import PdfReader

    old, new = PdfReader(io.BytesIO(before)), PdfReader(io.BytesIO(after))
    allowed = set(allowed_fields)
    found: list[str] = []
    if len(old.pages) != len(new.pages):
        found.append(
            f"pages were added or removed after export ({len(old.pages)} then, "
            f"{len(new.pages)} now)"
        )
    for number, (was, now) in enumerate(zip(old.pages, new.pages, strict=False), start=1):
        if (was.extract_text() or "") != (now.extract_text() or ""):
            found.append(f"page {number}'s text was replaced after export")
        elif _contents(was) != _contents(now):
            found.append(f"page {number}'s content was redrawn after export")
        added = _annotations(now) - _annotations(was) - allowed
        if added:
            found.append(f"an annotation was added to page {number} after export")
    changed = [
        word
        for key, word in _METADATA_WORDS.items()
        if _info(old).get(key) != _info(new).get(key)
        and key not in ("/ModDate", "/Producer")  # signing tools may stamp these
    ]
    if changed:
        found.append(f"the document's {_and(changed)} {_were(changed)} changed after export")
    if _xmp(old) != _xmp(new):
        found.append("the document's XMP metadata was changed after export")
    if _root(old).get("/Lang") != _root(new).get("/Lang"):
        found.append("the document's language was changed after export")
    old_fields, new_fields = _fields(old), _fields(new)
    for name in sorted(set(new_fields) - set(old_fields)):
        kind = "signature field" if new_fields[name][0] == "/Sig" else "form field"
        signed = " and signed" if new_fields[name][1] is not None else ""
        found.append(f"a new {kind} “{name}” was added{signed} after export")
    for name in sorted(set(old_fields) - set(new_fields)):
        found.append(f"the form field “{name}” was removed after export")
    for name in sorted(set(old_fields) & set(new_fields) - allowed):
        if old_fields[name][1] != new_fields[name][1]:
            found.append(f"the form field “{name}” was filled or changed after export")
    return found


def _contents(page: Any) -> bytes:
    try:
        data = page.get_contents()
        return b"" if data is None else bytes(data.get_data())
    except Exception:  # an unreadable stream differs from any readable one
        return b"?"


def _annotations(page: Any) -> set[str]:
    """A name for each annotation on the page (a widget by its field's name)."""
    names: set[str] = set()
    for index, ref in enumerate(page.get("/Annots") or []):
        annot = ref.get_object()
        names.add(str(annot.get("/T") or f"{annot.get('/Subtype')}#{index}"))
    return names


def _info(reader: Any) -> dict[str, str]:
    try:
        return {str(k): str(v) for k, v in (reader.metadata or {}).items()}
    except Exception:
        return {"?": "unreadable"}


def _root(reader: Any) -> Any:
    return reader.trailer["/Root"]


def _xmp(reader: Any) -> bytes:
    stream = _root(reader).get("/Metadata")
    return b"" if stream is None else bytes(stream.get_object().get_data())


def _fields(reader: Any) -> dict[str, tuple[str, Any]]:
    """Every form field by name: its type and value."""
    form = _root(reader).get("/AcroForm")
    found: dict[str, tuple[str, Any]] = {}
    for ref in [] if form is None else form.get_object().get("/Fields", []):
        field = ref.get_object()
        value = field.get("/V")
        found[str(field.get("/T"))] = (
            str(field.get("/FT")),
            None if value is None else repr(value.get_object()),
        )
    return found


def _and(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _were(words: list[str]) -> str:
    return "was" if len(words) == 1 and not words[0].endswith("s") else "were"
