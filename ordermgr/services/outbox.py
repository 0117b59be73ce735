"""Queue a push to a storefront in the same transaction as the change that causes it."""

from __future__ import annotations

from ordermgr.db.uow import UnitOfWork
from ordermgr.models import OutboxMessage, Store


def enqueue(uow: UnitOfWork, store: Store | None, topic: str, payload: dict, *, key: str) -> None:
    """`key` is the idempotency key: the same logical push is queued (and sent) once."""
    if store is None or store.platform == "manual":
        return
    uow.session.add(OutboxMessage(store_id=store.id, topic=topic, payload=payload,
                                  idempotency_key=f"{store.id}:{topic}:{key}"))
