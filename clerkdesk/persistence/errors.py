"""Errors from the storage layer, worded for the clerk."""

from clerkdesk.domain.errors import DomainError


class DatabaseError(DomainError):
    """The database cannot be opened or written; the message says what to do."""


class DatabaseBusyError(DatabaseError):
    """Another program holds the database for writing."""
