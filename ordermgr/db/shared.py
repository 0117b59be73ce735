"""A shared PostgreSQL database: the one-time set-up (`ordermgr db init-shared`) and one clear
message for a login that lacks privileges.

The person who sets it up runs `init-shared` as the database's owner: it creates the pg_trgm
extension (trusted, so the owner may), brings the schema to head and grants each workstation
login the right to read and write the data — also on tables later upgrades add (default
privileges). Schema upgrades stay with the owner; clerks' logins never own tables.
"""

from __future__ import annotations

from sqlalchemy import Engine, text
from sqlalchemy.engine import URL

from ordermgr.errors import ConfigError

INSUFFICIENT_PRIVILEGE = "42501"  # SQLSTATE of "permission denied for ..."

DATA_PRIVILEGES = [
    "GRANT CONNECT ON DATABASE {db} TO {role}",
    "GRANT USAGE ON SCHEMA public TO {role}",
    "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role}",
    "GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO {role}",
    "ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {role}",
    "ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO {role}",
]


def privilege_message(url: URL | None, exc: Exception) -> str:
    """What to do when PostgreSQL says "permission denied" (SQLSTATE 42501) to this login."""
    user = (url.username if url is not None else "") or "(your login)"
    database = (url.database if url is not None else "") or "DBNAME"
    said = str(exc).strip().splitlines()[0]
    if "schema public" in said:
        return (f"The database login {user!r} may not create tables in {database!r} ({said}). "
                "Since PostgreSQL 15 only the database's owner may: set it up as the owner "
                f"(createdb -O {user} {database}) or, as postgres, run "
                f"GRANT CREATE, USAGE ON SCHEMA public TO {user}; then `ordermgr db init-shared`.")
    return (f"The database login {user!r} lacks a privilege on {database!r} ({said}). Ask the "
            "person who set up the database to run `ordermgr --database postgresql://OWNER@HOST/"
            f"{database} db init-shared --grant {user}` (and `db upgrade` after installing a new "
            "ordermgr).")


def init_shared(engine: Engine, grant_to: list[str]) -> list[str]:
    """Extensions, schema and privileges for a shared database. Returns what was done."""
    from ordermgr.db.migrate import upgrade
    if engine.dialect.name != "postgresql":
        raise ConfigError("init-shared sets up a shared PostgreSQL database; a SQLite file "
                          "needs no set-up (pass --database postgresql://OWNER@HOST/DBNAME).")
    done = []
    with engine.begin() as conn:
        _require_roles(conn, grant_to)
        conn.execute(text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
    done.append("extension pg_trgm")
    upgrade(engine)
    done.append("schema at the current version")
    with engine.begin() as conn:
        quote = conn.dialect.identifier_preparer.quote
        database = quote(conn.execute(text("SELECT current_database()")).scalar_one())
        for role in grant_to:
            for statement in DATA_PRIVILEGES:
                conn.execute(text(statement.format(db=database, role=quote(role))))
            done.append(f"{role} may read and write the data")
    return done


def _require_roles(conn, roles: list[str]) -> None:
    known = set(conn.execute(text("SELECT rolname FROM pg_roles WHERE rolname = ANY(:r)"),
                             {"r": list(roles)}).scalars())
    unknown = [r for r in roles if r not in known]
    if unknown:
        raise ConfigError(f"No database login named {', '.join(unknown)}. Create it first, as "
                          f"postgres: CREATE ROLE {unknown[0]} LOGIN PASSWORD '...'; nothing was changed.")
