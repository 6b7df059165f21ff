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
archival copy holds no superseded revision.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, NamedTuple
from xml.sax.saxutils import escape

from clerkdesk.export.pdf_tagging import FieldRef, MarkedContent, Node
from clerkdesk.resources import resources_dir

if TYPE_CHECKING:
    from pypdf import PdfWriter
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, PdfObject

LANGUAGE = "en-GB"
PDF_HEADER = "%PDF-1.7"  # PDF/UA-1 is based on PDF 1.7 (ISO 32000-1)


class _Widget(NamedTuple):
    """A field made by the finishing: the object, its reference, its page's."""

    obj: DictionaryObject
    ref: IndirectObject
    page: IndirectObject


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
    from pypdf import PdfWriter
    from pypdf.generic import NameObject

    writer = PdfWriter(clone_from=io.BytesIO(data))
    writer.pdf_header = PDF_HEADER
    pages: list[DictionaryObject] = list(writer.pages)
    trans, tabs = NameObject("/Trans"), NameObject("/Tabs")
    for page in pages:
        if trans in page and not page[trans].get_object():
            del page[trans]
        page[tabs] = NameObject("/S")  # tab through fields in structure order
    widgets = {spec.name: _add_field(writer, pages, spec) for spec in fields}
    _structure(writer, pages, root, widgets)
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    _metadata(writer, info, now)
    _output_intent(writer)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _structure(
    writer: PdfWriter,
    pages: list[DictionaryObject],
    root: Node,
    widgets: dict[str, _Widget],
) -> None:
    from pypdf.generic import (
        ArrayObject,
        BooleanObject,
        DictionaryObject,
        NameObject,
        NumberObject,
        TextStringObject,
    )

    add = writer._add_object  # pypdf's way to make an object indirect
    catalog = writer.root_object
    struct_root = DictionaryObject({NameObject("/Type"): NameObject("/StructTreeRoot")})
    struct_root_ref = add(struct_root)
    by_page: dict[int, dict[int, IndirectObject]] = {}
    numbered: dict[int, IndirectObject] = {}  # StructParent of a widget -> its Form element
    next_key = len(pages)

    # Some thousands of elements for a long meeting: keys, names and page
    # references are made once, not per element.
    page_refs = [_reference(page) for page in pages]
    names: dict[str, NameObject] = {}
    key = {k: NameObject(k) for k in ("/Type", "/S", "/P", "/Pg", "/Alt", "/A", "/K", "/O")}
    key |= {k: NameObject(k) for k in ("/MCID", "/Obj", "/StructParent", "/TU")}
    struct_elem, mcr, objr = NameObject("/StructElem"), NameObject("/MCR"), NameObject("/OBJR")

    def name(role: str) -> NameObject:
        if role not in names:
            names[role] = NameObject("/" + role)
        return names[role]

    def element(node: Node, parent: IndirectObject) -> IndirectObject:
        nonlocal next_key
        elem = DictionaryObject({key["/Type"]: struct_elem, key["/S"]: name(node.role)})
        elem[key["/P"]] = parent
        own_page = next((k.page for k in node.kids if isinstance(k, MarkedContent)), None)
        if own_page is not None:
            elem[key["/Pg"]] = page_refs[own_page]
        if node.alt:
            elem[key["/Alt"]] = TextStringObject(node.alt)
        if node.attributes:
            owner = (
                "List" if node.role == "L" else "Table" if node.role in ("TH", "TD") else "Layout"
            )
            attributes = DictionaryObject({key["/O"]: name(owner)})
            for attribute, value in node.attributes.items():
                attributes[NameObject("/" + attribute)] = name(value)
            elem[key["/A"]] = attributes
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
                    kids.append(
                        DictionaryObject(
                            {
                                key["/Type"]: mcr,
                                key["/Pg"]: page_refs[kid.page],
                                key["/MCID"]: NumberObject(kid.mcid),
                            }
                        )
                    )
                by_page.setdefault(kid.page, {})[kid.mcid] = ref
            elif isinstance(kid, FieldRef) and kid.name in widgets:
                widget, widget_ref, page_ref = widgets[kid.name]
                widget[key["/StructParent"]] = NumberObject(next_key)
                numbered[next_key] = ref
                next_key += 1
                kids.append(
                    DictionaryObject(
                        {key["/Type"]: objr, key["/Obj"]: widget_ref, key["/Pg"]: page_ref}
                    )
                )
                if own_page is None:
                    elem[key["/Pg"]] = page_ref
                if key["/TU"] in widget:
                    elem[key["/Alt"]] = widget[key["/TU"]]
        elem[key["/K"]] = kids
        return ref

    document = Node("Document", list(root.kids)) if root.role != "Document" else root
    struct_root[key["/K"]] = element(document, struct_root_ref)
    nums = ArrayObject()
    struct_parents = NameObject("/StructParents")
    for index, page in enumerate(pages):
        page[struct_parents] = NumberObject(index)
        mcids = by_page.get(index, {})
        nums.append(NumberObject(index))
        nums.append(ArrayObject(mcids[m] for m in range(len(mcids))))
    for number in sorted(numbered):
        nums.append(NumberObject(number))
        nums.append(numbered[number])
    struct_root[NameObject("/ParentTree")] = add(DictionaryObject({NameObject("/Nums"): nums}))
    struct_root[NameObject("/ParentTreeNextKey")] = NumberObject(next_key)
    catalog[NameObject("/StructTreeRoot")] = struct_root_ref
    catalog[NameObject("/MarkInfo")] = DictionaryObject(
        {NameObject("/Marked"): BooleanObject(True)}
    )
    catalog[NameObject("/Lang")] = TextStringObject(LANGUAGE)
    catalog[NameObject("/ViewerPreferences")] = DictionaryObject(
        {NameObject("/DisplayDocTitle"): BooleanObject(True)}
    )


def _reference(obj: PdfObject) -> IndirectObject:
    """The reference of an object the writer holds as an indirect object."""
    ref = obj.indirect_reference
    if ref is None:
        raise ValueError(f"not an indirect object: {obj!r}")
    return ref


def _number(value: float) -> PdfObject:
    from pypdf.generic import FloatObject, NumberObject

    return NumberObject(value) if float(value).is_integer() else FloatObject(value)


def _add_field(writer: PdfWriter, pages: list[DictionaryObject], spec: FieldSpec) -> _Widget:
    """A field merged with its widget, with an (empty) appearance PDF/A asks for."""
    from pypdf.generic import (
        ArrayObject,
        DecodedStreamObject,
        DictionaryObject,
        NameObject,
        NumberObject,
        TextStringObject,
    )

    page = pages[spec.page]
    page_ref = _reference(page)
    x1, y1, x2, y2 = spec.rect
    field = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Annot"),
            NameObject("/Subtype"): NameObject("/Widget"),
            NameObject("/FT"): NameObject(spec.kind),
            NameObject("/T"): TextStringObject(spec.name),
            NameObject("/TU"): TextStringObject(spec.tooltip),
            NameObject("/Rect"): ArrayObject(_number(v) for v in spec.rect),
            NameObject("/F"): NumberObject(4),  # printed
            NameObject("/P"): page_ref,
        }
    )
    if x2 > x1 and y2 > y1:
        appearance = DecodedStreamObject()
        appearance[NameObject("/Type")] = NameObject("/XObject")
        appearance[NameObject("/Subtype")] = NameObject("/Form")
        box = (0, 0, x2 - x1, y2 - y1)
        appearance[NameObject("/BBox")] = ArrayObject(_number(v) for v in box)
        field[NameObject("/AP")] = DictionaryObject(
            {NameObject("/N"): writer._add_object(appearance)}
        )
    if spec.kind == "/Tx":
        field[NameObject("/DA")] = TextStringObject("/Helv 10 Tf 0 g")
    ref = writer._add_object(field)
    annots = NameObject("/Annots")
    if annots not in page:
        page[annots] = ArrayObject()
    _array(page[annots]).append(ref)
    catalog = writer.root_object
    acroform = NameObject("/AcroForm")
    if acroform not in catalog:
        helvetica = DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Font"),
                NameObject("/Subtype"): NameObject("/Type1"),
                NameObject("/BaseFont"): NameObject("/Helvetica"),
            }
        )
        fonts = DictionaryObject({NameObject("/Helv"): writer._add_object(helvetica)})
        catalog[acroform] = DictionaryObject(
            {
                NameObject("/Fields"): ArrayObject(),
                NameObject("/DR"): DictionaryObject({NameObject("/Font"): fonts}),
            }
        )
    form = catalog[acroform].get_object()
    assert isinstance(form, DictionaryObject)  # made just above, or reportlab's
    _array(form[NameObject("/Fields")]).append(ref)
    return _Widget(field, ref, page_ref)


def _array(obj: PdfObject) -> ArrayObject:
    from pypdf.generic import ArrayObject

    array = obj.get_object()
    if not isinstance(array, ArrayObject):
        raise ValueError(f"an array was expected, not {array!r}")
    return array


def _pdf_date(when: dt.datetime) -> str:
    return when.strftime("D:%Y%m%d%H%M%SZ")


def _metadata(writer: PdfWriter, info: DocumentInfo, when: dt.datetime) -> None:
    """The document information dictionary and XMP, saying the same things."""
    from pypdf.generic import DecodedStreamObject, NameObject

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
    stream[NameObject("/Type")] = NameObject("/Metadata")
    stream[NameObject("/Subtype")] = NameObject("/XML")
    writer.root_object[NameObject("/Metadata")] = writer._add_object(stream)


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
    from pypdf.generic import (
        ArrayObject,
        DecodedStreamObject,
        DictionaryObject,
        NameObject,
        NumberObject,
        TextStringObject,
    )

    profile = DecodedStreamObject()
    profile.set_data(srgb_profile())
    profile[NameObject("/N")] = NumberObject(3)
    condition = TextStringObject("sRGB IEC61966-2.1")
    intent = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/OutputIntent"),
            NameObject("/S"): NameObject("/GTS_PDFA1"),
            NameObject("/OutputConditionIdentifier"): condition,
            NameObject("/Info"): condition,
            NameObject("/DestOutputProfile"): writer._add_object(profile.flate_encode()),
        }
    )
    writer.root_object[NameObject("/OutputIntents")] = ArrayObject([intent])
