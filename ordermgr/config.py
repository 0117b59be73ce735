"""Settings: where the database is and who is working.

Precedence: command-line option, then environment variable, then the default.
"""

from __future__ import annotations

import getpass
import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from ordermgr.errors import ConfigError

APP_NAME = "ordermgr"
DATABASE_ENV = "ORDERMGR_DATABASE_URL"
USER_ENV = "ORDERMGR_USER"


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_database_url() -> str:
    return f"sqlite:///{data_dir() / 'ordermgr.sqlite3'}"


def demo_database_url() -> str:
    return f"sqlite:///{data_dir() / 'demo.sqlite3'}"


def normalise_database_url(url: str) -> str:
    """Accept the spellings people paste; always use the psycopg 3 driver for PostgreSQL."""
    url = url.strip()
    if not url:
        raise ConfigError("The database URL is empty. Use e.g. sqlite:///path/to/file.sqlite3 "
                          "or postgresql://user@host/dbname.")
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://"):]
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://"):]
    scheme = url.split("://", 1)[0] if "://" in url else ""
    if scheme not in ("sqlite", "sqlite+pysqlite", "postgresql+psycopg"):
        raise ConfigError(f"Unsupported database URL {url!r}: use sqlite:///FILE or "
                          "postgresql://USER@HOST:PORT/DBNAME.")
    return url


@dataclass(frozen=True)
class Settings:
    database_url: str
    username: str

    @classmethod
    def resolve(cls, database: str | None = None, user: str | None = None) -> "Settings":
        url = database or os.environ.get(DATABASE_ENV) or default_database_url()
        username = (user or os.environ.get(USER_ENV) or _os_login()).strip()
        if not username:
            raise ConfigError("No user name: pass --user NAME or set ORDERMGR_USER.")
        return cls(database_url=normalise_database_url(url), username=username)


def _os_login() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name in some containers
        return os.environ.get("USER", "")
