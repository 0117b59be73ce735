"""The composition root for entry points: settings → engine (upgraded) → acting user → units of work.

The CLI, the GUI and the sync runner all start from a Context; nothing connects until asked.
"""

from __future__ import annotations

from functools import cached_property

from sqlalchemy import Engine

from ordermgr.config import Settings, default_database_url, normalise_database_url
from ordermgr.db.engine import check_connection, make_engine
from ordermgr.db.migrate import upgrade
from ordermgr.db.uow import Actor, UnitOfWork


class Context:
    def __init__(self, settings: Settings, *, auto_upgrade: bool = True, may_create: bool = False):
        self.settings = settings
        self.auto_upgrade = auto_upgrade
        # only `db upgrade`, `demo` and the GUI's first run create a SQLite database; everything
        # else refuses a path where there is none (a typo must not make a new, empty database)
        self.may_create = may_create
        self.backup_made = None

    @classmethod
    def from_args(cls, args) -> "Context":
        settings = Settings.resolve(getattr(args, "database", None), getattr(args, "user", None))
        default = normalise_database_url(default_database_url())
        gui_first_run = getattr(args, "command", None) is None and settings.database_url == default
        return cls(settings, may_create=gui_first_run or getattr(args, "creates_database", False))

    def connect(self) -> Engine:
        """A new engine on the database, connected (not upgraded)."""
        engine = make_engine(self.settings.database_url, create_dir=self.may_create,
                             must_exist=not self.may_create)
        check_connection(engine)
        return engine

    @cached_property
    def engine(self) -> Engine:
        engine = self.connect()
        if self.auto_upgrade:
            self.backup_made = upgrade(engine)
        return engine

    @cached_property
    def actor(self) -> Actor:
        from ordermgr.services.users import resolve_actor
        return resolve_actor(self.engine, self.settings.username)

    def uow(self) -> UnitOfWork:
        return UnitOfWork(self.engine, self.actor)

    def close(self) -> None:
        if "engine" in self.__dict__:
            self.engine.dispose()
