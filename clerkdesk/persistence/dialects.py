"""What differs between the databases ClerkDesk stores meetings in.

Everything else in persistence/ is written once, in SQLAlchemy Core or ORM,
for any dialect; the few statements that cannot be are here, chosen by the
connection's dialect.
"""

from __future__ import annotations

from sqlalchemy import Connection


def defer_foreign_keys(connection: Connection) -> None:
    """Check foreign keys at COMMIT for the rest of this transaction (undo and
    redo replay rows in the order they were written, not the keys' order)."""
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
    else:  # PostgreSQL: the schema declares its foreign keys DEFERRABLE
        connection.exec_driver_sql("SET CONSTRAINTS ALL DEFERRED")
