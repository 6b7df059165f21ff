"""Shared steps for the reliability tests: a real database with real records."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from clerkdesk.persistence.database import open_database
from clerkdesk.services.context import Desk
from clerkdesk.services.demo import create_demo
from clerkdesk.services.minutes import add_paragraph
from clerkdesk.services.records_io import get_record


def first_item(desk: Desk, meeting_id: int) -> int:
    return get_record(desk, meeting_id).items[0].id


def record_paragraphs(db_path: Path, texts: list[str]) -> None:
    """Open (creating with the demo if new), add ``texts`` as minutes, close."""
    fresh = not db_path.exists()
    db = open_database(db_path, create=fresh)
    try:
        desk = Desk(db, clerk="Test Clerk")
        meeting_id = create_demo(desk)[1] if fresh else 2
        item_id = first_item(desk, meeting_id)
        for text in texts:
            add_paragraph(desk, meeting_id, item_id, text)
    finally:
        db.dispose()


def paragraph_texts(db_path: Path) -> list[str]:
    conn = sqlite3.connect(db_path)
    try:
        rows = conn.execute("SELECT text FROM minute_paragraph ORDER BY id").fetchall()
    finally:
        conn.close()
    return [row[0] for row in rows]


def integrity(db_path: Path) -> str:
    conn = sqlite3.connect(db_path)
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()
