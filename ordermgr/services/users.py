"""Users and roles: who is acting."""

from __future__ import annotations

from sqlalchemy import Engine, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ordermgr.db.engine import WRITE
from ordermgr.db.uow import Actor, UnitOfWork
from ordermgr.errors import NotFound, ValidationError
from ordermgr.models import ROLES, Role, Setting, User


def resolve_actor(engine: Engine, username: str) -> Actor:
    """The acting user; created on first use (the very first user of a database is admin)."""
    with Session(engine.execution_options(**WRITE)) as session:
        user = session.scalar(select(User).where(User.username == username))
        if user is None:
            user = _create_first_use(session, username)
        if not user.active:
            raise ValidationError(f"The user {username} is disabled. Ask an admin to enable it.")
        role = session.get(Role, user.role)
        return Actor(user.id, user.username, user.role, frozenset(role.permissions if role else ()))


def _create_first_use(session: Session, username: str) -> User:
    first = session.scalar(select(func.count()).select_from(User)) == 0
    setting = session.get(Setting, "new_user_role")
    role = "admin" if first else (setting.value if setting else "clerk")
    user = User(username=username, display_name=username, role=role)
    session.add(user)
    try:
        session.commit()
    except IntegrityError:  # another workstation created it at the same moment
        session.rollback()
        user = session.scalar(select(User).where(User.username == username))
    return user


def set_user_role(uow: UnitOfWork, username: str, *, role: str) -> None:
    if role not in ROLES:
        raise ValidationError(f"Unknown role {role!r}; choose one of {', '.join(ROLES)}.")
    with uow:
        uow.require("users.edit", "change user roles")
        user = uow.session.scalar(select(User).where(User.username == username))
        if user is None:
            raise NotFound(f"There is no user called {username}.")
        old, user.role = user.role, role
        uow.audit("user.role", "user", user.id, old=old, new=role)
        uow.commit()


def set_new_user_role(uow: UnitOfWork, role: str) -> None:
    if role not in ROLES:
        raise ValidationError(f"Unknown role {role!r}; choose one of {', '.join(ROLES)}.")
    with uow:
        uow.require("users.edit", "choose the role of new users")
        setting = uow.session.get(Setting, "new_user_role") or Setting(key="new_user_role")
        setting.value = role
        uow.session.add(setting)
        uow.audit("settings.new_user_role", "setting", "new_user_role", value=role)
        uow.commit()
