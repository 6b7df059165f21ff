"""Unpacking a Word file within limits, before python-docx parses any of it.

A .docx is a zip, and a zip can hold a few hundred kilobytes that unpack to
gigabytes of XML (200 million empty paragraphs fit in 650 KB). Each part's
declared size is checked first, then the bytes actually unpacked, read a
piece at a time, so a part that lies about its size is stopped as soon as it
passes the limit. The parts that pass are handed on as a zip that is not
compressed, so python-docx reads exactly what was checked.
"""

from __future__ import annotations

import io
import zipfile

from clerkdesk.importing.limits import (
    MAX_DOCX_PARTS,
    MAX_DOCX_UNPACKED_BYTES,
    MAX_DOCX_XML_BYTES,
    MAX_DOCX_XML_ELEMENTS,
    MB,
    refuse,
)

_PIECE = 256 * 1024


def checked_docx(data: bytes, name: str) -> bytes:
    """The Word file ``data`` repacked uncompressed, once every limit is met."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = archive.infolist()
        if len(parts) > MAX_DOCX_PARTS:
            raise refuse(name, f"holds {len(parts):,} parts", f"{MAX_DOCX_PARTS:,} parts")
        declared = sum(part.file_size for part in parts)
        declared_xml = sum(part.file_size for part in parts if _is_xml(part.filename))
        _check_unpacked(name, declared, declared_xml)
        out = io.BytesIO()
        total = total_xml = elements = 0
        with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as repacked:
            for part in parts:
                if part.is_dir():
                    continue
                xml = _is_xml(part.filename)
                pieces = []
                with archive.open(part) as unpacking:
                    while piece := unpacking.read(_PIECE):
                        total += len(piece)
                        if xml:
                            total_xml += len(piece)
                            elements += piece.count(b"<")
                        _check_unpacked(name, total, total_xml)
                        if elements > MAX_DOCX_XML_ELEMENTS:
                            raise refuse(
                                name,
                                "holds more than "
                                f"{MAX_DOCX_XML_ELEMENTS:,} XML elements once unpacked",
                                f"{MAX_DOCX_XML_ELEMENTS:,} elements",
                            )
                        pieces.append(piece)
                repacked.writestr(part.filename, b"".join(pieces))
    return out.getvalue()


def _check_unpacked(name: str, total: int, xml: int) -> None:
    if total > MAX_DOCX_UNPACKED_BYTES:
        raise refuse(
            name,
            f"unpacks to more than {total // MB} MB",
            f"{MAX_DOCX_UNPACKED_BYTES // MB} MB unpacked",
        )
    if xml > MAX_DOCX_XML_BYTES:
        raise refuse(
            name,
            f"unpacks to more than {xml // MB} MB of text and layout",
            f"{MAX_DOCX_XML_BYTES // MB} MB of XML",
        )


def _is_xml(filename: str) -> bool:
    return filename.lower().endswith((".xml", ".rels"))
