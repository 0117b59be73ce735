"""Deliver the outbox to the storefronts.

Messages are written by the use cases (ship, cancel, refund, stock change) in the same
transaction as the change. Here they are claimed (a lease: a crashed runner's claim expires),
sent with their idempotency key (the connector checks whether an earlier attempt landed before
creating anything), and marked done. Failures back off exponentially; after `max_attempts` (or
a few refusals the storefront will not change its mind about) the message is parked with the
storefront's error, shown in the GUI, and a user can retry or dismiss it (audited).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from sqlalchemy import func, select, update

from ordermgr.db.uow import UnitOfWork
from ordermgr.errors import NotFound, ValidationError
from ordermgr.models import OutboxMessage, utcnow
from ordermgr.services import refunds
from ordermgr.sync.base import StoreAuthError, StoreError, StoreRejected

MAX_ATTEMPTS = 8
MAX_REJECTIONS = 3
LEASE = timedelta(minutes=5)
BASE_DELAY = timedelta(seconds=30)
MAX_DELAY = timedelta(hours=2)
TOPICS = ("fulfilment", "cancellation", "refund", "stock")


@dataclass
class PushResult:
    sent: int = 0
    failed: int = 0
    parked: int = 0
    errors: list[str] = field(default_factory=list)


def claim_due(uow: UnitOfWork, store_id: int, *, limit: int = 50) -> list[tuple[int, str, dict, str, int]]:
    """Lease due messages: (id, topic, payload, key, attempts)."""
    with uow:
        now = utcnow()
        ids = list(uow.session.scalars(
            select(OutboxMessage.id).where(OutboxMessage.store_id == store_id,
                                           OutboxMessage.status == "pending",
                                           OutboxMessage.next_attempt_at <= now)
            .order_by(OutboxMessage.id).limit(limit)))
        if not ids:
            return []
        # a conditional update: a message another runner leased meanwhile is not taken twice
        uow.session.execute(update(OutboxMessage).where(
            OutboxMessage.id.in_(ids), OutboxMessage.status == "pending",
            OutboxMessage.next_attempt_at <= now).values(next_attempt_at=now + LEASE)
            .execution_options(synchronize_session=False))
        rows = uow.session.execute(select(
            OutboxMessage.id, OutboxMessage.topic, OutboxMessage.payload,
            OutboxMessage.idempotency_key, OutboxMessage.attempts, OutboxMessage.next_attempt_at)
            .where(OutboxMessage.id.in_(ids)).order_by(OutboxMessage.id)).all()
        lease_end = now + LEASE
        mine = [r for r in rows if abs((r.next_attempt_at - lease_end).total_seconds()) < 1]
        mine = _coalesce_stock(uow, mine)
        uow.commit()
        return [(r.id, r.topic, r.payload, r.idempotency_key, r.attempts) for r in mine]


def _coalesce_stock(uow: UnitOfWork, rows: list) -> list:
    """Stock levels are absolute: of several claimed pushes for the same SKU and place only the
    newest is sent; the older ones are marked done as superseded."""
    newest: dict[tuple, int] = {}
    for r in rows:
        if r.topic == "stock":
            place = r.payload.get("location") or r.payload.get("warehouse")
            newest[(r.payload.get("sku"), place)] = r.id
    keep = set(newest.values())
    superseded = [r.id for r in rows if r.topic == "stock" and r.id not in keep]
    if superseded:
        uow.session.execute(update(OutboxMessage).where(OutboxMessage.id.in_(superseded))
                            .values(status="done", last_error="superseded by a newer stock level")
                            .execution_options(synchronize_session=False))
    return [r for r in rows if r.topic != "stock" or r.id in keep]


def deliver_due(uow_factory, store_id: int, connector, *, limit: int = 50,
                max_attempts: int = MAX_ATTEMPTS, base_delay: timedelta = BASE_DELAY) -> PushResult:
    result = PushResult()
    for msg_id, topic, payload, key, attempts in claim_due(uow_factory(), store_id, limit=limit):
        try:
            remote_id = connector.push(topic, payload, key=key)
        except StoreAuthError as exc:
            # not this message's fault: give the lease back untouched and stop pushing
            _release(uow_factory(), msg_id, str(exc))
            result.failed += 1
            result.errors.append(str(exc))
            break
        except StoreError as exc:
            rejected = isinstance(exc, StoreRejected)
            parked = _failed(uow_factory(), msg_id, str(exc), rejected=rejected,
                             max_attempts=max_attempts, base_delay=base_delay)
            refunds.after_push(uow_factory, topic, payload, error=str(exc), final=parked)
            result.failed += 1
            result.parked += int(parked)
            result.errors.append(str(exc))
            continue
        _done(uow_factory(), msg_id, remote_id)
        refunds.after_push(uow_factory, topic, payload, remote_id=remote_id)
        result.sent += 1
    return result


def _done(uow: UnitOfWork, msg_id: int, remote_id: str) -> None:
    with uow:
        msg = uow.session.get(OutboxMessage, msg_id)
        msg.status = "done"
        msg.attempts += 1
        msg.last_error = ""
        msg.payload = {**msg.payload, "_remote_id": remote_id or "", "_sent_at": utcnow().isoformat()}
        uow.changes.stores = True
        uow.commit()


def _release(uow: UnitOfWork, msg_id: int, error: str) -> None:
    with uow:
        msg = uow.session.get(OutboxMessage, msg_id)
        msg.next_attempt_at = utcnow()
        msg.last_error = error[:2000]
        uow.commit()


def _failed(uow: UnitOfWork, msg_id: int, error: str, *, rejected: bool, max_attempts: int,
            base_delay: timedelta) -> bool:
    with uow:
        msg = uow.session.get(OutboxMessage, msg_id)
        msg.attempts += 1
        msg.last_error = error[:2000]
        rejections = int(msg.payload.get("_rejections", 0)) + int(rejected)
        if rejected:
            msg.payload = {**msg.payload, "_rejections": rejections}
        park = msg.attempts >= max_attempts or rejections >= MAX_REJECTIONS
        if park:
            msg.status = "parked"
        else:
            delay = min(MAX_DELAY, base_delay * (2 ** (msg.attempts - 1)))
            msg.next_attempt_at = utcnow() + delay
        uow.changes.stores = True
        uow.commit()
        return park


# -- what users do with parked messages ---------------------------------------------------------

def retry_message(uow: UnitOfWork, message_id: int) -> None:
    with uow:
        uow.require("sync.run", "retry storefront pushes")
        msg = _parked(uow, message_id)
        msg.status = "pending"
        msg.attempts = 0
        msg.next_attempt_at = utcnow()
        msg.payload = {k: v for k, v in msg.payload.items() if k != "_rejections"}
        uow.audit("outbox.retry", "outbox", message_id, topic=msg.topic, error=msg.last_error)
        uow.changes.stores = True
        uow.commit()


def dismiss_message(uow: UnitOfWork, message_id: int, *, reason: str) -> None:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError("Say why the push is dismissed (e.g. 'fixed by hand on the storefront').")
    with uow:
        uow.require("sync.run", "dismiss storefront pushes")
        msg = _parked(uow, message_id)
        msg.status = "dismissed"
        uow.audit("outbox.dismiss", "outbox", message_id, topic=msg.topic, reason=reason,
                  error=msg.last_error)
        uow.changes.stores = True
        uow.commit()


def _parked(uow: UnitOfWork, message_id: int) -> OutboxMessage:
    msg = uow.session.get(OutboxMessage, message_id)
    if msg is None:
        raise NotFound(f"Push {message_id} does not exist.")
    if msg.status != "parked":
        raise ValidationError(f"Push {message_id} is {msg.status}, not parked; nothing to do.")
    return msg


def outbox_counts(conn, store_id: int) -> dict[str, int]:
    rows = conn.execute(select(OutboxMessage.status, func.count()).where(
        OutboxMessage.store_id == store_id).group_by(OutboxMessage.status)).all()
    return {status: n for status, n in rows}
