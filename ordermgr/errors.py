"""The error hierarchy.

Every error a user can cause derives from `UserError`: its message is shown as it is (one clear
line saying what is wrong and what to do). Anything else reaching the top is a bug.
"""


class UserError(Exception):
    """An error whose message is meant for the person at the keyboard."""


class ConfigError(UserError):
    """Bad configuration: a wrong database URL, an unreadable settings value."""


class DatabaseUnavailable(UserError):
    """The database cannot be reached."""


class DatabaseMissing(DatabaseUnavailable):
    """A SQLite file that does not exist, opened by a command that must not create one."""


class SchemaTooNew(UserError):
    """The database was written by a newer ordermgr; we refuse to touch it."""


class DomainError(UserError):
    """A business rule said no."""


class InvalidTransition(DomainError):
    """A state machine refused a transition."""


class InsufficientStock(DomainError):
    """Not enough available stock to reserve or ship."""


class NotFound(UserError):
    """The thing asked for does not exist."""


class PermissionDenied(UserError):
    """The acting user's role does not allow this."""


class ConflictError(UserError):
    """Somebody else changed the record since it was loaded (optimistic locking)."""

    def __init__(self, message: str, *, current_version: int | None = None):
        super().__init__(message)
        self.current_version = current_version


class ValidationError(UserError):
    """Input that does not make sense (a negative quantity, an empty reason, a bad date)."""


class DatabasePrivilegeError(UserError):
    """The database login may not do what ordermgr needs (PostgreSQL privileges)."""
