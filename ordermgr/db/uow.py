"""Unit of work: one transaction per use case, with the acting user, audit and change notes.

    with uow:
        order = uow.get_order(order_id)
        order.cancel(reason, by=uow.actor.user_id)
        uow.audit("order.cancel", order, reason=reason)
        uow.changed_order(order)
        uow.commit()

Leaving the block without `commit()` rolls everything back. On PostgreSQL the commit also sends
a NOTIFY (delivered by the server only if the transaction commits) so other workstations refresh.
"""

from __future__ import annotations

import json
import os
import uuid
from dataclasses import dataclass, field

from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from ordermgr.db.engine import WRITE, is_postgres
from ordermgr.db.failures import problem_for
from ordermgr.errors import ConflictError, NotFound, PermissionDenied
from ordermgr.models import AuditEntry, Order

NOTIFY_CHANNEL = "ordermgr_changes"
# Identifies this process in notifications, so a window does not refresh for its own change twice.
PROCESS_ORIGIN = f"{os.getpid()}-{uuid.uuid4().hex[:8]}"


@dataclass(frozen=True)
class Actor:
    user_id: int | None
    username: str
    role: str
    permissions: frozenset[str]

    def may(self, permission: str) -> bool:
        return "admin" in self.permissions or permission in self.permissions


SYSTEM = Actor(None, "system", "admin", frozenset({"admin"}))


@dataclass
class Changes:
    """What a use case changed; views decide from it what to refresh (Anki's OpChanges)."""

    orders: set[int] = field(default_factory=set)
    stock: bool = False
    returns: set[int] = field(default_factory=set)
    customers: bool = False
    stores: bool = False

    def merge(self, other: "Changes") -> "Changes":
        self.orders |= other.orders
        self.returns |= other.returns
        self.stock = self.stock or other.stock
        self.customers = self.customers or other.customers
        self.stores = self.stores or other.stores
        return self

    def __bool__(self) -> bool:
        return bool(self.orders or self.stock or self.returns or self.customers or self.stores)

    def to_payload(self) -> str:
        ids = sorted(self.orders)
        return json.dumps({"origin": PROCESS_ORIGIN, "orders": ids[:200], "many": len(ids) > 200,
                           "stock": self.stock, "returns": sorted(self.returns)[:200],
                           "customers": self.customers, "stores": self.stores})


class UnitOfWork:
    def __init__(self, engine: Engine, actor: Actor):
        self.engine = engine
        self.actor = actor
        self.session: Session | None = None
        self.changes = Changes()

    # -- transaction --------------------------------------------------------------------------
    def __enter__(self) -> "UnitOfWork":
        self.session = Session(bind=self.engine.execution_options(**WRITE), expire_on_commit=False,
                               autoflush=True)
        self.changes = Changes()
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        try:
            self.session.rollback()
        except OperationalError:
            pass  # the connection is gone; the server rolls back by itself
        finally:
            self.session.close()
        if isinstance(exc, DBAPIError):  # lost connection, full disk, damaged file, ... (not bugs)
            problem = problem_for(exc, self.engine.url)
            if problem is not None:
                raise problem from exc
        if isinstance(exc, StaleDataError):
            raise ConflictError("Somebody else changed this record while you were working on it. "
                                "Reload it and try again.") from exc

    def commit(self) -> None:
        session = self.session
        try:
            session.flush()
            if self.changes and is_postgres(self.engine):
                session.execute(text("SELECT pg_notify(:channel, :payload)"),
                                {"channel": NOTIFY_CHANNEL, "payload": self.changes.to_payload()})
            session.commit()
        except StaleDataError:
            raise ConflictError("Somebody else changed this record while you were working on it. "
                                "Reload it and try again.") from None
        except IntegrityError:
            raise

    # -- permission and audit -----------------------------------------------------------------
    def require(self, permission: str, what: str = "") -> None:
        if not self.actor.may(permission):
            doing = what or permission
            raise PermissionDenied(f"{self.actor.username} ({self.actor.role}) may not {doing}. "
                                   "Ask a supervisor or an admin.")

    def audit(self, action: str, entity: str, entity_id: object, **details) -> None:
        self.session.add(AuditEntry(user_id=self.actor.user_id, action=action, entity=entity,
                                    entity_id=str(entity_id), details=_jsonable(details)))

    # -- helpers for services -----------------------------------------------------------------
    def get_order(self, order_id: int, *, expected_version: int | None = None,
                  lock: bool = False) -> Order:
        order = self.session.get(Order, order_id, with_for_update=lock or None)
        if order is None:
            raise NotFound(f"Order {order_id} does not exist (it may have been merged or removed).")
        check_version(order, expected_version)
        return order

    def changed_order(self, order: Order) -> None:
        self.changes.orders.add(order.id)


def check_version(order: Order, expected_version: int | None) -> None:
    if expected_version is not None and order.version != expected_version:
        raise ConflictError(
            f"{order.subject} was changed by someone else since you opened it "
            f"(it is now {order.status.replace('_', ' ')}). Review the current state and try again.",
            current_version=order.version)


def _jsonable(details: dict) -> dict:
    return json.loads(json.dumps(details, default=str))
