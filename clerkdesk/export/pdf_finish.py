"""Finish reportlab's PDF as tagged PDF/UA-1 and PDF/A-2b, with pypdf.

What reportlab cannot write is added here, before certification:

- the structure tree from :mod:`clerkdesk.export.pdf_tagging` (StructTreeRoot,
  a ParentTree number tree, ``/StructParents`` on every page);
- ``/MarkInfo``, ``/Lang en-GB``, ``/ViewerPreferences /DisplayDocTitle``;
- XMP metadata identifying PDF/A-2b and PDF/UA-1 (with the extension schema
  PDF/A asks for pdfuaid), matching the document information dictionary;
- an sRGB output intent (the profile is shipped in ``resources/color``);
- the form fields certification and the Chairman's signing use, each with a
  tooltip, an appearance and a Form structure element, so that pyHanko signs
  them in place and they stay accessible.

It also drops reportlab's empty ``/Trans`` per page, which PDF/A checkers refuse.

pypdf is pure Python, so the installed app carries no PDF library of its own
beyond it (pikepdf's qpdf and libjpeg were 9 MB of the app folder). The file
is written whole, as PDF 1.7, not as an update appended to reportlab's: an
archival copy holds no superseded revision. This module is imported only
when a PDF is made.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from functools import cache
from typing import Any, NamedTuple
from xml.sax.saxutils import escape

from pypdf import PdfWriter
from pypdf.generic import (
    ArrayObject,
    BooleanObject,
    DecodedStreamObject,
    DictionaryObject,
    FloatObject,
    IndirectObject,
    NameObject,
    NumberObject,
    PdfObject,
    TextStringObject,
)

from clerkdesk.export.pdf_tagging import FieldRef, MarkedContent, Node
from clerkdesk.resources import resources_dir

LANGUAGE = "en-GB"
PDF_HEADER = "%PDF-1.7"  # PDF/UA-1 is based on PDF 1.7 (ISO 32000-1)


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    title: str
    subject: str
    keywords: str
    author: str = "ClerkDesk"
    creator: str = "ClerkDesk"


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """A form field to create: a signature (``/Sig``) or text (``/Tx``) field."""

    name: str
    kind: str  # "/Sig" or "/Tx"
    tooltip: str
    page: int = -1  # from 0; -1 is the last page
    rect: tuple[float, float, float, float] = (0, 0, 0, 0)  # zero: invisible


class _Widget(NamedTuple):
    """A field made by the finishing: the object, its reference, its page's."""

    obj: DictionaryObject
    ref: IndirectObject
    page: IndirectObject


class _Name(NameObject):
    """A PDF name that writes the bytes pypdf escaped for it once.

    pypdf escapes a name character by character each time it writes it; the
    structure tree of a long meeting writes some twenty thousand names, the
    same dozen over and over, and that escaping was half of writing the file.
    """

    def write_to_stream(self, stream: Any, encryption_key: Any = None) -> None:
        stream.write(_escaped(str(self)))


@cache
def _escaped(name: str) -> bytes:
    out = io.BytesIO()
    NameObject(name).write_to_stream(out)
    return out.getvalue()


@cache
def _name(name: str) -> _Name:
    return _Name(name)


@cache
def srgb_profile() -> bytes:
    path = resources_dir() / "color" / "sRGB.icc"
    try:
        return path.read_bytes()
    except OSError:
        raise FileNotFoundError(
            f"The colour profile {path.name} is missing from {path.parent}; reinstall ClerkDesk."
        ) from None


def finish_pdf(data: bytes, root: Node, info: DocumentInfo, fields: list[FieldSpec]) -> bytes:
    writer = PdfWriter(clone_from=io.BytesIO(data))
    writer.pdf_header = PDF_HEADER
    pages: list[DictionaryObject] = list(writer.pages)
    for page in pages:
        if "/Trans" in page and not page["/Trans"]:
            del page["/Trans"]
        page[_name("/Tabs")] = _name("/S")  # tab through fields in structure order
    widgets = {spec.name: _add_field(writer, pages, spec) for spec in fields}
    _structure(writer, pages, root, widgets)
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    _metadata(writer, info, now)
    _output_intent(writer)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _structure(
    writer: PdfWriter, pages: list[DictionaryObject], root: Node, widgets: dict[str, _Widget]
) -> None:
    add = writer._add_object  # pypdf's way to make an object indirect
    n = _name
    struct_root = DictionaryObject({n("/Type"): n("/StructTreeRoot")})
    struct_root_ref = add(struct_root)
    by_page: dict[int, dict[int, IndirectObject]] = {}
    numbered: dict[int, IndirectObject] = {}  # StructParent of a widget -> its Form element
    next_key = len(pages)
    page_refs = [_reference(page) for page in pages]
    # Some thousands of elements for a long meeting: each is made whole, as a
    # dict, rather than key by key through pypdf's checks.
    type_, role_, parent_, page_, alt_, kids_ = (
        n(k) for k in ("/Type", "/S", "/P", "/Pg", "/Alt", "/K")
    )

    def element(node: Node, parent: IndirectObject) -> IndirectObject:
        nonlocal next_key
        fields: dict[Any, Any] = {
            type_: n("/StructElem"),
            role_: n("/" + node.role),
            parent_: parent,
        }
        own_page = next((k.page for k in node.kids if isinstance(k, MarkedContent)), None)
        if own_page is not None:
            fields[page_] = page_refs[own_page]
        if node.alt:
            fields[alt_] = TextStringObject(node.alt)
        if node.attributes:
            owner = (
                "List" if node.role == "L" else "Table" if node.role in ("TH", "TD") else "Layout"
            )
            attributes = {n("/O"): n("/" + owner)}
            attributes |= {n("/" + key): n("/" + value) for key, value in node.attributes.items()}
            fields[n("/A")] = DictionaryObject(attributes)
        elem = DictionaryObject(fields)
        ref = add(elem)
        kids = ArrayObject()
        for kid in node.kids:
            if isinstance(kid, Node):
                if kid.has_content:
                    kids.append(element(kid, ref))
            elif isinstance(kid, MarkedContent):
                if kid.page == own_page:
                    kids.append(NumberObject(kid.mcid))
                else:
                    mcr = {type_: n("/MCR"), page_: page_refs[kid.page]}
                    kids.append(DictionaryObject(mcr | {n("/MCID"): NumberObject(kid.mcid)}))
                by_page.setdefault(kid.page, {})[kid.mcid] = ref
            elif isinstance(kid, FieldRef) and kid.name in widgets:
                widget = widgets[kid.name]
                widget.obj[n("/StructParent")] = NumberObject(next_key)
                numbered[next_key] = ref
                next_key += 1
                objr = {type_: n("/OBJR"), n("/Obj"): widget.ref, page_: widget.page}
                kids.append(DictionaryObject(objr))
                if own_page is None:
                    elem[page_] = widget.page
                if "/TU" in widget.obj:
                    elem[alt_] = widget.obj["/TU"]
        elem[kids_] = kids
        return ref

    document = Node("Document", list(root.kids)) if root.role != "Document" else root
    struct_root[kids_] = element(document, struct_root_ref)
    nums = ArrayObject()
    for index, page in enumerate(pages):
        page[n("/StructParents")] = NumberObject(index)
        mcids = by_page.get(index, {})
        nums += [NumberObject(index), ArrayObject(mcids[m] for m in range(len(mcids)))]
    for key in sorted(numbered):
        nums += [NumberObject(key), numbered[key]]
    struct_root[n("/ParentTree")] = add(DictionaryObject({n("/Nums"): nums}))
    struct_root[n("/ParentTreeNextKey")] = NumberObject(next_key)
    catalog = writer.root_object
    catalog[n("/StructTreeRoot")] = struct_root_ref
    catalog[n("/MarkInfo")] = DictionaryObject({n("/Marked"): BooleanObject(True)})
    catalog[n("/Lang")] = TextStringObject(LANGUAGE)
    catalog[n("/ViewerPreferences")] = DictionaryObject(
        {n("/DisplayDocTitle"): BooleanObject(True)}
    )


def _reference(obj: PdfObject) -> IndirectObject:
    """The reference of an object the writer holds as an indirect object."""
    ref = obj.indirect_reference
    if ref is None:
        raise ValueError(f"not an indirect object: {obj!r}")
    return ref


def _number(value: float) -> NumberObject | FloatObject:
    return NumberObject(value) if float(value).is_integer() else FloatObject(value)


def _array(obj: PdfObject) -> ArrayObject:
    array = obj.get_object()
    if not isinstance(array, ArrayObject):
        raise ValueError(f"an array was expected, not {array!r}")
    return array


def _add_field(writer: PdfWriter, pages: list[DictionaryObject], spec: FieldSpec) -> _Widget:
    """A field merged with its widget, with an (empty) appearance PDF/A asks for."""
    n = _name
    page = pages[spec.page]
    page_ref = _reference(page)
    x1, y1, x2, y2 = spec.rect
    field = DictionaryObject(
        {
            n("/Type"): n("/Annot"),
            n("/Subtype"): n("/Widget"),
            n("/FT"): n(spec.kind),
            n("/T"): TextStringObject(spec.name),
            n("/TU"): TextStringObject(spec.tooltip),
            n("/Rect"): ArrayObject(_number(v) for v in spec.rect),
            n("/F"): NumberObject(4),  # printed
            n("/P"): page_ref,
        }
    )
    if x2 > x1 and y2 > y1:
        appearance = DecodedStreamObject()
        appearance[n("/Type")] = n("/XObject")
        appearance[n("/Subtype")] = n("/Form")
        appearance[n("/BBox")] = ArrayObject(_number(v) for v in (0, 0, x2 - x1, y2 - y1))
        field[n("/AP")] = DictionaryObject({n("/N"): writer._add_object(appearance)})
    if spec.kind == "/Tx":
        field[n("/DA")] = TextStringObject("/Helv 10 Tf 0 g")
    ref = writer._add_object(field)
    if "/Annots" not in page:
        page[n("/Annots")] = ArrayObject()
    _array(page["/Annots"]).append(ref)
    catalog = writer.root_object
    if "/AcroForm" not in catalog:
        helvetica = {n("/Type"): n("/Font"), n("/Subtype"): n("/Type1")}
        helvetica[n("/BaseFont")] = n("/Helvetica")
        fonts = {n("/Helv"): writer._add_object(DictionaryObject(helvetica))}
        catalog[n("/AcroForm")] = DictionaryObject(
            {
                n("/Fields"): ArrayObject(),
                n("/DR"): DictionaryObject({n("/Font"): DictionaryObject(fonts)}),
            }
        )
    form = catalog["/AcroForm"]
    if not isinstance(form, DictionaryObject):
        raise ValueError(f"the form should be a dictionary, not {form!r}")
    _array(form["/Fields"]).append(ref)
    return _Widget(field, ref, page_ref)


def _pdf_date(when: dt.datetime) -> str:
    return when.strftime("D:%Y%m%d%H%M%SZ")


def _metadata(writer: PdfWriter, info: DocumentInfo, when: dt.datetime) -> None:
    """The document information dictionary and XMP, saying the same things."""
    producer = _producer()
    writer.metadata = {
        "/Title": info.title,
        "/Author": info.author,
        "/Subject": info.subject,
        "/Keywords": info.keywords,
        "/Creator": info.creator,
        "/Producer": producer,
        "/CreationDate": _pdf_date(when),
        "/ModDate": _pdf_date(when),
    }
    # Left uncompressed, as XMP is meant to be: a tool that knows nothing of PDF
    # can still find the packet.
    stream = DecodedStreamObject()
    stream.set_data(_xmp(info, producer, when.isoformat().replace("+00:00", "Z")))
    stream[_name("/Type")] = _name("/Metadata")
    stream[_name("/Subtype")] = _name("/XML")
    writer.root_object[_name("/Metadata")] = writer._add_object(stream)


def _producer() -> str:
    from clerkdesk.version import VERSION

    return f"ClerkDesk {VERSION} (reportlab, pypdf, pyHanko)"


def _xmp(info: DocumentInfo, producer: str, when: str) -> bytes:
    e = escape
    return f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"
    xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"
    xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"
    xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#"
    xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt>
    <rdf:li xml:lang="x-default">{e(info.title)}</rdf:li>
   </rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>{e(info.author)}</rdf:li></rdf:Seq></dc:creator>
   <dc:description><rdf:Alt>
    <rdf:li xml:lang="x-default">{e(info.subject)}</rdf:li>
   </rdf:Alt></dc:description>
   <dc:language><rdf:Bag><rdf:li>{LANGUAGE}</rdf:li></rdf:Bag></dc:language>
   <pdf:Keywords>{e(info.keywords)}</pdf:Keywords>
   <pdf:Producer>{e(producer)}</pdf:Producer>
   <xmp:CreatorTool>{e(info.creator)}</xmp:CreatorTool>
   <xmp:CreateDate>{when}</xmp:CreateDate>
   <xmp:ModifyDate>{when}</xmp:ModifyDate>
   <xmp:MetadataDate>{when}</xmp:MetadataDate>
   <pdfaid:part>2</pdfaid:part>
   <pdfaid:conformance>B</pdfaid:conformance>
   <pdfuaid:part>1</pdfuaid:part>
   <pdfaExtension:schemas>
    <rdf:Bag>
     <rdf:li rdf:parseType="Resource">
      <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
      <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
      <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
      <pdfaSchema:property>
       <rdf:Seq>
        <rdf:li rdf:parseType="Resource">
         <pdfaProperty:name>part</pdfaProperty:name>
         <pdfaProperty:valueType>Integer</pdfaProperty:valueType>
         <pdfaProperty:category>internal</pdfaProperty:category>
         <pdfaProperty:description>The part of ISO 14289 followed</pdfaProperty:description>
        </rdf:li>
       </rdf:Seq>
      </pdfaSchema:property>
     </rdf:li>
    </rdf:Bag>
   </pdfaExtension:schemas>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>""".encode()


def _output_intent(writer: PdfWriter) -> None:
    n = _name
    profile = DecodedStreamObject()
    profile.set_data(srgb_profile())
    profile[n("/N")] = NumberObject(3)
    condition = TextStringObject("sRGB IEC61966-2.1")
    intent = {
        n("/Type"): n("/OutputIntent"),
        n("/S"): n("/GTS_PDFA1"),
        n("/OutputConditionIdentifier"): condition,
        n("/Info"): condition,
        n("/DestOutputProfile"): writer._add_object(profile.flate_encode()),
    }
    writer.root_object[n("/OutputIntents")] = ArrayObject([DictionaryObject(intent)])
