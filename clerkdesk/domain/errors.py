"""Errors raised when a clerk's action would break the rules of procedure.

Every message is written for the clerk: it names the people and items involved
and says what to do instead, so the UI and the command line can show it as is.
"""


class DomainError(Exception):
    """A rule of procedure or of the record would be broken."""

    @property
    def message(self) -> str:
        return str(self.args[0]) if self.args else self.__class__.__name__


class RuleViolation(DomainError):
    """The action breaks a rule of procedure (quorum, voting, interests, ...)."""


class RecordLockedError(DomainError):
    """The minutes are approved: changes are only allowed as corrections."""


class NotFoundError(DomainError):
    """A meeting, item, person or vote named by the clerk does not exist."""


class InvalidRecordError(DomainError):
    """A meeting record (for example a JSON file) is malformed or inconsistent."""
