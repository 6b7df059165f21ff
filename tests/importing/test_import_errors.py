"""Every unreadable file gives DocumentError with a message a clerk can act on."""

from __future__ import annotations

import io
from pathlib import Path

import pypdf
import pytest
from pypdf.generic import DictionaryObject, NameObject, StreamObject

from clerkdesk.importing import DocumentError, parse_agenda_file, parse_report_file

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "agendas"


def _error(path: Path) -> str:
    with pytest.raises(DocumentError) as caught:
        parse_agenda_file(path)
    message = str(caught.value)
    assert len(message) > 30
    return message


def test_unsupported_extension(tmp_path: Path) -> None:
    path = tmp_path / "agenda.xlsx"
    path.write_bytes(b"PK\x03\x04 not really")
    message = _error(path)
    assert ".xlsx" in message and ".docx" in message


@pytest.mark.parametrize("suffix", [".txt", ".md", ".docx", ".pdf"])
def test_empty_file(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"agenda{suffix}"
    path.write_bytes(b"")
    assert "empty" in _error(path)


def test_missing_file(tmp_path: Path) -> None:
    assert "does not exist" in _error(tmp_path / "nowhere.txt")


def test_binary_file_named_txt(tmp_path: Path) -> None:
    path = tmp_path / "agenda.txt"
    path.write_bytes(bytes(range(256)) * 40)
    assert "not readable text" in _error(path)


def test_scanned_pdf_has_no_text_layer() -> None:
    message = _error(FIXTURES / "scanned.pdf")
    assert message == (
        "This PDF has no text layer (it looks scanned). Export it again from Word, "
        "or run it through OCR, then import again."
    )


def test_blank_page_pdf_counts_as_scanned(tmp_path: Path) -> None:
    writer = pypdf.PdfWriter()
    writer.add_blank_page(width=595, height=842)
    path = tmp_path / "blank.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    assert "no text layer" in _error(path)


def test_encrypted_pdf(tmp_path: Path) -> None:
    writer = pypdf.PdfWriter(clone_from=str(FIXTURES / "county-cabinet.pdf"))
    writer.encrypt(user_password="secret", owner_password="owner")
    buffer = io.BytesIO()
    writer.write(buffer)
    path = tmp_path / "locked.pdf"
    path.write_bytes(buffer.getvalue())
    assert "password" in _error(path)


def test_truncated_docx(tmp_path: Path) -> None:
    data = (FIXTURES / "county-cabinet.docx").read_bytes()
    path = tmp_path / "truncated.docx"
    path.write_bytes(data[: len(data) // 2])
    assert "damaged" in _error(path)


def test_truncated_pdf(tmp_path: Path) -> None:
    data = (FIXTURES / "county-cabinet.pdf").read_bytes()
    path = tmp_path / "truncated.pdf"
    path.write_bytes(data[: len(data) // 3])
    try:
        parse_agenda_file(path)  # pypdf may recover part of it; that is fine
    except DocumentError as error:
        assert str(error)


def test_text_file_pretending_to_be_docx(tmp_path: Path) -> None:
    path = tmp_path / "agenda.docx"
    path.write_text("1. Apologies\n2. Minutes\n")
    assert "damaged" in _error(path)


def test_report_file_errors_too(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(b"%PDF-1.4 garbage")
    with pytest.raises(DocumentError):
        parse_report_file(path)


def test_windows_1252_text_is_read(tmp_path: Path) -> None:
    path = tmp_path / "agenda.txt"
    path.write_bytes("PLANNING COMMITTEE\n1. Caf\xe9 licence – review\n".encode("cp1252"))
    assert parse_agenda_file(path).items[0].title == "Café licence – review"


@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-128", "AES-256"])
def test_pdf_with_an_empty_user_password_is_read(tmp_path: Path, algorithm: str) -> None:
    original = FIXTURES / "county-cabinet.pdf"
    writer = pypdf.PdfWriter(clone_from=str(original))
    writer.encrypt(user_password="", owner_password="owner", algorithm=algorithm)
    path = tmp_path / "no-printing.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    assert pypdf.PdfReader(str(path)).is_encrypted
    assert parse_agenda_file(path) == parse_agenda_file(original)


def _pdf_with_text(path: Path, page_texts: list[str]) -> None:
    """A PDF whose pages draw ``page_texts`` (one PDF string per line) in Helvetica."""
    writer = pypdf.PdfWriter()
    for text in page_texts:
        page = writer.add_blank_page(width=595, height=842)
        font = DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Font"),
                NameObject("/Subtype"): NameObject("/Type1"),
                NameObject("/BaseFont"): NameObject("/Helvetica"),
            }
        )
        fonts = DictionaryObject({NameObject("/F1"): font})
        page[NameObject("/Resources")] = DictionaryObject({NameObject("/Font"): fonts})
        shown = " T* ".join(f"({line}) Tj" for line in text.split("\n"))
        stream = StreamObject()
        stream.set_data(f"BT /F1 12 Tf 14 TL 72 770 Td {shown} ET".encode("latin-1"))
        page.replace_contents(stream)
    with path.open("wb") as handle:
        writer.write(handle)


SCANNED = (
    "This PDF has no text layer (it looks scanned). Export it again from Word, "
    "or run it through OCR, then import again."
)


def test_pdf_whose_text_is_only_whitespace_counts_as_scanned(tmp_path: Path) -> None:
    path = tmp_path / "spaces.pdf"
    _pdf_with_text(path, ["          \n   \t   ", "        ", "\xa0\xa0\xa0\xa0\xa0"])
    assert pypdf.PdfReader(str(path)).pages[0].extract_text().strip() == ""
    assert _error(path) == SCANNED
    with pytest.raises(DocumentError, match="no text layer"):
        parse_report_file(path)


def test_scan_with_only_page_numbers_typed_on_counts_as_scanned(tmp_path: Path) -> None:
    path = tmp_path / "numbered-scan.pdf"
    _pdf_with_text(path, [f"\n\n\n\n\n\n\n\nPage {n} of 9" for n in range(1, 10)])
    assert _error(path) == SCANNED


def test_a_short_real_text_layer_is_not_mistaken_for_a_scan(tmp_path: Path) -> None:
    path = tmp_path / "short.pdf"
    _pdf_with_text(path, ["PLANNING COMMITTEE\n1. Apologies for absence\n2. Minutes"])
    assert [i.title for i in parse_agenda_file(path).items] == ["Apologies for absence", "Minutes"]
