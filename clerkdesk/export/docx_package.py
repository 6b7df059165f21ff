"""The Word file's own description of itself, made honest.

python-docx writes its template's package as it is: docProps/app.xml says
"Microsoft Macintosh Word", one page and no words; settings.xml and the
template's stylesWithEffects.xml say US English; and a thumbnail of the
template's blank page is kept. Here the file says it was made by ClerkDesk,
for the council, with the words and characters it holds, in British
English, without the template's thumbnail. The page count is left out:
only a layout of this file (Word's, when it saves) can know it, and a
guessed count would be a false statement in a published record.
"""

from __future__ import annotations

import re
from typing import Any
from xml.sax.saxutils import escape

from clerkdesk.export.view_model import MinutesView

_APP_NS = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
_THUMBNAIL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"
_US = re.compile(rb'w:(val|eastAsia)="en-US"')


def _words_and_characters(document: Any) -> tuple[int, int, int]:
    """Words, characters without spaces and with them, in the body (as Word counts)."""
    texts = [t.text or "" for t in document.element.body.iter(_qn("w:t"))]
    text = " ".join(texts)
    words = len(text.split())
    with_spaces = sum(len(t) for t in texts)
    without = sum(len(re.sub(r"\s", "", t)) for t in texts)
    return words, without, with_spaces


def _qn(tag: str) -> str:
    from docx.oxml.ns import qn

    return str(qn(tag))


def app_properties(document: Any, view: MinutesView) -> bytes:
    words, characters, with_spaces = _words_and_characters(document)
    return (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        f'<Properties xmlns="{_APP_NS}">'
        "<Application>ClerkDesk</Application><DocSecurity>0</DocSecurity>"
        f"<Words>{words}</Words><Characters>{characters}</Characters>"
        f"<Company>{escape(view.organisation)}</Company>"
        "<LinksUpToDate>false</LinksUpToDate>"
        f"<CharactersWithSpaces>{with_spaces}</CharactersWithSpaces>"
        "<SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged>"
        "</Properties>"
    ).encode()


def finish_package(document: Any, view: MinutesView) -> None:
    """Rewrite app.xml, make every language British English, drop the template thumbnail."""
    from docx.oxml.ns import qn

    package = document.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype == _THUMBNAIL:
            package.rels.pop(rel_id)
    for part in package.iter_parts():
        name = str(part.partname)
        if name == "/docProps/app.xml":
            part._blob = app_properties(document, view)
        elif name == "/word/stylesWithEffects.xml":
            part._blob = _US.sub(rb'w:\1="en-GB"', part.blob)
    theme_lang = document.settings.element.find(qn("w:themeFontLang"))
    if theme_lang is not None:
        theme_lang.set(qn("w:val"), "en-GB")
