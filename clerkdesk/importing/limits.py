"""How much the importer will read: limits a real agenda never reaches.

Each is many times the largest agenda pack a council publishes (the sample
Hertfordshire pack, agenda and every report, is 165 KB of text in 1,923
lines and would be ~60 pages of PDF), so a clerk never meets them; a damaged
file, or one built to exhaust the machine (a small .docx that unpacks to
gigabytes, an endless ``/dev/zero``, thousands of blank pages), meets them
before it costs more than a second or two and a few hundred megabytes.
Each refusal names the limit it met and what to do.
"""

from __future__ import annotations

from clerkdesk.importing.errors import DocumentError

MB = 1024 * 1024

# Bytes read from the file itself, by kind (checked while reading).
MAX_TEXT_FILE_BYTES = 16 * MB  # 8 million characters even as UTF-16
MAX_DOCX_FILE_BYTES = 50 * MB  # pictures make Word files large; text does not
MAX_PDF_FILE_BYTES = 100 * MB

# A Word file is a zip: what it unpacks to is checked against what each part
# declares, and again against what is actually unpacked, before any XML is parsed.
MAX_DOCX_PARTS = 2_000
MAX_DOCX_UNPACKED_BYTES = 128 * MB  # every part, pictures included
MAX_DOCX_XML_BYTES = 32 * MB  # the XML parts together (an agenda's are well under 1 MB)
# Elements in the XML (counted as "<"), which is what parsing costs memory for:
# 1.5 million take about 200 MB once parsed. Word's own styles are ~25,000.
MAX_DOCX_XML_ELEMENTS = 1_500_000
MAX_DOCX_PARAGRAPHS = 100_000  # ~3,000 pages

MAX_PDF_PAGES = 2_000

# The text handed to the parsers, whatever the format it came from.
MAX_TEXT_CHARACTERS = 8_000_000  # ~50 times the sample pack
MAX_TEXT_LINES = 250_000

_WHAT_TO_DO = "Import the agenda (or the report) on its own, not a whole pack or archive."


def refuse(name: str, what: str, limit: str) -> DocumentError:
    """The refusal for a file past a limit: which limit, and what to do."""
    return DocumentError(
        f"'{name}' {what}, more than ClerkDesk reads ({limit}); no agenda is that large, "
        f"so the file may be damaged. {_WHAT_TO_DO}"
    )


def check_text_size(text: str, name: str) -> str:
    """``text`` if the parsers may have it, else a refusal naming the limit."""
    if len(text) > MAX_TEXT_CHARACTERS:
        raise refuse(name, f"holds {len(text):,} characters", f"{MAX_TEXT_CHARACTERS:,} characters")
    lines = max(text.count("\n"), text.count("\r")) + 1  # LF, CRLF or old-Mac CR
    if lines > MAX_TEXT_LINES:
        raise refuse(name, f"holds {lines:,} lines", f"{MAX_TEXT_LINES:,} lines")
    return text
