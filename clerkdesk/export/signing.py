"""The Chairman signs approved minutes with their own certificate.

Signing is an incremental update of the certified export: the date goes into
the field on the DATE line and the signature into the Chairman's field, in
one revision. Both are changes the certification permits (DocMDP level 2,
filling forms and signing), so the file still verifies as unchanged apart
from the signature. The visible signature names the signer and the date
inside the box above the signature line; it never covers the line.

Certificates come from a PKCS#12 file (.p12/.pfx), which is how councils'
certification authorities and smart-card tools export a personal signing
certificate. The password is used once and never kept or logged.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from clerkdesk.domain.errors import RuleViolation
from clerkdesk.export.certify import (
    DATE_FIELD,
    SIGNATURE_FIELD,
    load_pkcs12_signer,
    metadata_keeping_writer,
)


@dataclass(frozen=True, slots=True)
class Signed:
    data: bytes
    signer: str
    signed_at: dt.datetime


def signing_date_text(when: dt.datetime) -> str:
    """The date as minutes write it: "7 December 2026"."""
    return f"{when.day} {when:%B %Y}"


def sign_as_chair(
    pdf: bytes, pkcs12: Path, password: bytes | None, when: dt.datetime | None = None
) -> Signed:
    """Sign the Chairman's field of approved minutes; the date goes on the DATE line."""
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign import signers
    from pyhanko.sign.fields import enumerate_sig_fields
    from pyhanko.stamp import TextStampStyle

    when = when or dt.datetime.now().astimezone()
    try:
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        empty = {name for name, value, _ in enumerate_sig_fields(reader) if value is None}
    except Exception:
        raise RuleViolation(
            "This file is not a PDF that ClerkDesk can sign. Export the approved minutes "
            "as PDF and sign that file."
        ) from None
    if SIGNATURE_FIELD not in empty:
        raise RuleViolation(
            "These minutes have no unsigned Chairman's signature field: only approved "
            "minutes, exported as PDF after approval, can be signed (a draft cannot, and "
            "signed minutes are not signed twice)."
        )
    signer = load_pkcs12_signer(pkcs12, password, signers.SimpleSigner)
    name = str(signer.signing_cert.subject.native.get("common_name") or "the Chairman")
    writer = metadata_keeping_writer(pdf)
    _fill_date(writer, signing_date_text(when))
    meta = signers.PdfSignatureMetadata(
        field_name=SIGNATURE_FIELD, name=name, reason="Signed as a correct record"
    )
    stamp = TextStampStyle(
        stamp_text="Signed by %(signer)s\n%(ts)s",
        timestamp_format="%d %B %Y, %H.%M",
        border_width=0,
    )
    out = signers.PdfSigner(meta, signer=signer, stamp_style=stamp).sign_pdf(writer)
    return Signed(out.getvalue(), name, when)


def _fill_date(writer: Any, text: str) -> None:
    """Put ``text`` in the DATE field, with an appearance every reader shows."""
    from pyhanko.pdf_utils import generic as typed_generic

    generic: Any = typed_generic  # pyHanko's object constructors are not annotated
    field_ref = next(
        (
            ref
            for ref in writer.root["/AcroForm"]["/Fields"]
            if ref.get_object().get("/T") == DATE_FIELD
        ),
        None,
    )
    if field_ref is None:
        return  # minutes exported before the date field existed: the signature still dates
    field = field_ref.get_object()
    x1, y1, x2, y2 = (float(v) for v in field["/Rect"])
    escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    helvetica = writer.root["/AcroForm"]["/DR"]["/Font"]["/Helv"]
    appearance = generic.StreamObject(
        {
            generic.NameObject("/Type"): generic.NameObject("/XObject"),
            generic.NameObject("/Subtype"): generic.NameObject("/Form"),
            generic.NameObject("/BBox"): generic.ArrayObject(
                [generic.FloatObject(v) for v in (0, 0, x2 - x1, y2 - y1)]
            ),
            generic.NameObject("/Resources"): generic.DictionaryObject(
                {
                    generic.NameObject("/Font"): generic.DictionaryObject(
                        {generic.NameObject("/Helv"): helvetica}
                    )
                }
            ),
        },
        stream_data=f"/Tx BMC q BT /Helv 10 Tf 0 g 2 3 Td ({escaped}) Tj ET Q EMC".encode(),
    )
    field[generic.NameObject("/V")] = generic.TextStringObject(text)
    field[generic.NameObject("/AP")] = generic.DictionaryObject(
        {generic.NameObject("/N"): writer.add_object(appearance)}
    )
    writer.update_container(field)
