"""Finish reportlab's PDF as tagged PDF/UA-1 and PDF/A-2b, with pikepdf.

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
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from functools import cache
from typing import Any
from xml.sax.saxutils import escape

from clerkdesk.export.pdf_tagging import FieldRef, MarkedContent, Node
from clerkdesk.resources import resources_dir

LANGUAGE = "en-GB"


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
    import pikepdf

    with pikepdf.open(io.BytesIO(data)) as pdf:
        pages = list(pdf.pages)
        for page in pages:
            if "/Trans" in page.obj and not page.obj.Trans.keys():
                del page.obj.Trans
            page.obj.Tabs = pikepdf.Name.S  # tab through fields in structure order
        widgets = {spec.name: _add_field(pdf, pages, spec) for spec in fields}
        _structure(pdf, pages, root, widgets)
        now = dt.datetime.now(dt.UTC).replace(microsecond=0)
        _metadata(pdf, info, now)
        _output_intent(pdf)
        out = io.BytesIO()
        pdf.save(out, min_version="1.7", fix_metadata_version=False)
        return out.getvalue()


def _structure(pdf: Any, pages: list[Any], root: Node, widgets: dict[str, Any]) -> None:
    from pikepdf import Array, Dictionary, Name

    struct_root = pdf.make_indirect(Dictionary(Type=Name.StructTreeRoot))
    by_page: dict[int, dict[int, Any]] = {}
    numbered: dict[int, Any] = {}  # StructParent of a widget -> its Form element
    next_key = len(pages)

    # pikepdf objects are made through its C++ bindings, one call per key set:
    # each element is made whole, with page objects and names made once.
    page_objects = [page.obj for page in pages]
    names: dict[str, Any] = {}
    struct_elem, mcr, objr = Name.StructElem, Name.MCR, Name.OBJR

    def name(role: str) -> Any:
        if role not in names:
            names[role] = Name("/" + role)
        return names[role]

    def element(node: Node, parent: Any) -> Any:
        nonlocal next_key
        fields: dict[str, Any] = {"/Type": struct_elem, "/S": name(node.role), "/P": parent}
        own_page = next((k.page for k in node.kids if isinstance(k, MarkedContent)), None)
        if own_page is not None:
            fields["/Pg"] = page_objects[own_page]
        if node.alt:
            fields["/Alt"] = node.alt
        if node.attributes:
            owner = (
                "List" if node.role == "L" else "Table" if node.role in ("TH", "TD") else "Layout"
            )
            attributes = {"/O": name(owner)}
            attributes |= {"/" + key: name(value) for key, value in node.attributes.items()}
            fields["/A"] = Dictionary(attributes)
        elem = pdf.make_indirect(Dictionary(fields))
        kids: list[Any] = []
        for kid in node.kids:
            if isinstance(kid, Node):
                if kid.has_content:
                    kids.append(element(kid, elem))
            elif isinstance(kid, MarkedContent):
                if kid.page == own_page:
                    kids.append(kid.mcid)
                else:
                    page = page_objects[kid.page]
                    kids.append(Dictionary({"/Type": mcr, "/Pg": page, "/MCID": kid.mcid}))
                by_page.setdefault(kid.page, {})[kid.mcid] = elem
            elif isinstance(kid, FieldRef) and kid.name in widgets:
                widget, page = widgets[kid.name]
                widget.StructParent = next_key
                numbered[next_key] = elem
                next_key += 1
                kids.append(Dictionary({"/Type": objr, "/Obj": widget, "/Pg": page}))
                if own_page is None:
                    elem.Pg = page
                if "/TU" in widget:
                    elem.Alt = widget.TU
        elem.K = Array(kids)
        return elem

    document = Node("Document", list(root.kids)) if root.role != "Document" else root
    struct_root.K = element(document, struct_root)
    nums = Array()
    for index, page in enumerate(pages):
        page.obj.StructParents = index
        mcids = by_page.get(index, {})
        nums.append(index)
        nums.append(Array([mcids[m] for m in range(len(mcids))] if mcids else []))
    for key in sorted(numbered):
        nums.append(key)
        nums.append(numbered[key])
    struct_root.ParentTree = pdf.make_indirect(Dictionary(Nums=nums))
    struct_root.ParentTreeNextKey = next_key
    pdf.Root.StructTreeRoot = struct_root
    pdf.Root.MarkInfo = Dictionary(Marked=True)
    pdf.Root.Lang = LANGUAGE
    pdf.Root.ViewerPreferences = Dictionary(DisplayDocTitle=True)


def _add_field(pdf: Any, pages: list[Any], spec: FieldSpec) -> tuple[Any, Any]:
    """A field merged with its widget, with an (empty) appearance PDF/A asks for."""
    from pikepdf import Array, Dictionary, Name, Stream

    page = pages[spec.page].obj
    x1, y1, x2, y2 = spec.rect
    field = Dictionary(
        Type=Name.Annot,
        Subtype=Name.Widget,
        FT=Name(spec.kind),
        T=spec.name,
        TU=spec.tooltip,
        Rect=Array(list(spec.rect)),
        F=4,  # printed
        P=page,
    )
    if x2 > x1 and y2 > y1:
        appearance = Stream(pdf, b"")
        appearance.Type, appearance.Subtype = Name.XObject, Name.Form
        appearance.BBox = Array([0, 0, x2 - x1, y2 - y1])
        field.AP = Dictionary(N=appearance)
    if spec.kind == "/Tx":
        field.DA = "/Helv 10 Tf 0 g"
    ref = pdf.make_indirect(field)
    if "/Annots" not in page:
        page.Annots = Array()
    page.Annots.append(ref)
    if "/AcroForm" not in pdf.Root:
        helvetica = pdf.make_indirect(
            Dictionary(Type=Name.Font, Subtype=Name.Type1, BaseFont=Name.Helvetica)
        )
        pdf.Root.AcroForm = Dictionary(
            Fields=Array(), DR=Dictionary(Font=Dictionary(Helv=helvetica))
        )
    pdf.Root.AcroForm.Fields.append(ref)
    return ref, page


def _pdf_date(when: dt.datetime) -> str:
    return when.strftime("D:%Y%m%d%H%M%SZ")


def _metadata(pdf: Any, info: DocumentInfo, when: dt.datetime) -> None:
    """The document information dictionary and XMP, saying the same things."""
    from pikepdf import Dictionary, Name, Stream

    producer = _producer()
    pdf.trailer.Info = pdf.make_indirect(
        Dictionary(
            Title=info.title,
            Author=info.author,
            Subject=info.subject,
            Keywords=info.keywords,
            Creator=info.creator,
            Producer=producer,
            CreationDate=_pdf_date(when),
            ModDate=_pdf_date(when),
        )
    )
    stream = Stream(pdf, _xmp(info, producer, when.isoformat().replace("+00:00", "Z")))
    stream.Type, stream.Subtype = Name.Metadata, Name.XML
    pdf.Root.Metadata = pdf.make_indirect(stream)


def _producer() -> str:
    from clerkdesk.version import VERSION

    return f"ClerkDesk {VERSION} (reportlab, pikepdf, pyHanko)"


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


def _output_intent(pdf: Any) -> None:
    from pikepdf import Array, Dictionary, Name, Stream

    profile = Stream(pdf, srgb_profile())
    profile.N = 3
    pdf.Root.OutputIntents = Array(
        [
            Dictionary(
                Type=Name.OutputIntent,
                S=Name.GTS_PDFA1,
                OutputConditionIdentifier="sRGB IEC61966-2.1",
                Info="sRGB IEC61966-2.1",
                DestOutputProfile=pdf.make_indirect(profile),
            )
        ]
    )
