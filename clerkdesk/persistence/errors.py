"""Errors from the storage layer, worded for the clerk."""

from __future__ import annotations

from typing import TYPE_CHECKING

from clerkdesk.domain.errors import DomainError

if TYPE_CHECKING:
    from clerkdesk.persistence.health import HealthReport


class DatabaseError(DomainError):
    """The database cannot be opened or written; the message says what to do."""


class DatabaseBusyError(DatabaseError):
    """Another program holds the database for writing."""


class ServerUnreachableError(DatabaseBusyError):
    """The council's server cannot be reached (network, server down): a laptop
    goes on recording what is checked out to it, and says so."""


class DatabaseDamagedError(DatabaseError):
    """The file is damaged; ``report`` names the latest good backup, if any."""

    def __init__(self, message: str, report: HealthReport) -> None:
        super().__init__(message)
        self.report = report


class TransactionEndedError(DatabaseError):
    """A write came after the action's transaction had already been rolled back."""

    def __init__(self) -> None:
        super().__init__(
            "This action could not be recorded: a write inside it failed, so its "
            "transaction was rolled back part-way. Nothing of the action was saved; "
            "everything recorded before it is safe. Try the action again."
        )
