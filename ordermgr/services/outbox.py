"""Queue a push to a storefront in the same transaction as the change that causes it; send one
again, or take one back, when the change it carries is redone or given up."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import select

from ordermgr.db.uow import UnitOfWork
from ordermgr.models import OutboxMessage, Store, utcnow


def enqueue(uow: UnitOfWork, store: Store | None, topic: str, payload: dict, *, key: str) -> None:
    """`key` is the idempotency key: the same logical push is queued (and sent) once."""
    if store is None or store.platform == "manual":
        return
    uow.session.add(OutboxMessage(store_id=store.id, topic=topic, payload=payload,
                                  idempotency_key=f"{store.id}:{topic}:{key}"))


def _message(uow: UnitOfWork, store_id: int, topic: str, key: str) -> OutboxMessage | None:
    return uow.session.scalar(select(OutboxMessage).where(
        OutboxMessage.idempotency_key == f"{store_id}:{topic}:{key}"))


def requeue(uow: UnitOfWork, store: Store | None, topic: str, key: str,
            payload: Callable[[], dict]) -> None:
    """Send a push again with the same idempotency key (the storefront is asked whether an
    earlier attempt landed): the message is due now with its attempts reset, or queued anew."""
    if store is None or store.platform == "manual":
        return
    msg = _message(uow, store.id, topic, key)
    if msg is None:
        enqueue(uow, store, topic, payload(), key=key)
        return
    msg.status, msg.attempts, msg.next_attempt_at, msg.last_error = "pending", 0, utcnow(), ""
    msg.payload = {k: v for k, v in msg.payload.items() if k != "_rejections"}
    uow.changes.stores = True


def withdraw(uow: UnitOfWork, store_id: int | None, topic: str, key: str, *, reason: str) -> None:
    """The change a push carries was given up: a message not yet delivered is dismissed."""
    if store_id is None:
        return
    msg = _message(uow, store_id, topic, key)
    if msg is not None and msg.status in ("pending", "parked"):
        msg.status, msg.last_error = "dismissed", reason[:2000]
        uow.changes.stores = True
