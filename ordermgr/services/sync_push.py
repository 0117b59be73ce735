"""Deliver the outbox to the storefronts.

Messages are written by the use cases (ship, cancel, refund, stock change) in the same
transaction as the change. Here they are claimed in batches (a lease that names its owner),
sent with their idempotency key (the connector checks whether an earlier attempt landed before
creating anything), and marked done. A round drains everything due, as fast as the storefront's
rate limit lets the connector go, within a time budget so the next pull is not kept waiting.

Leases: a runner that crashed leaves its messages leased. The same runner started again (same
runner id, or the same machine where the old process id is gone) takes them back at once;
another workstation's leases only expire (LEASE), since that runner may still be at work.

Failures back off exponentially; after `max_attempts` (or a few refusals the storefront will not
change its mind about) the message is parked with the storefront's error, shown in the GUI, and a
user can retry or dismiss it (audited).
"""

from __future__ import annotations

import os
import socket
import time
from dataclasses import dataclass, field
from datetime import timedelta

from sqlalchemy import func, or_, select, update

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
BATCH = 50  # claimed at a time: a batch must be sent well within its lease
ROUND_BUDGET = timedelta(seconds=90)  # pushing per store and round; then the next pull comes
TOPICS = ("fulfilment", "cancellation", "refund", "stock")
RUNNER_ID_ENV = "ORDERMGR_RUNNER_ID"


def runner_id() -> str:
    """Who holds a lease: the configured runner id, else this machine and process."""
    return os.environ.get(RUNNER_ID_ENV) or f"{socket.gethostname()}:{os.getpid()}"


@dataclass
class PushResult:
    sent: int = 0
    failed: int = 0
    parked: int = 0
    errors: list[str] = field(default_factory=list)
    left: int = 0  # still due when the round's time budget ran out: sent next round


def claim_due(uow: UnitOfWork, store_id: int, *, limit: int = BATCH, after_id: int = 0,
              owner: str | None = None) -> list[tuple[int, str, dict, str, int]]:
    """Lease due messages with an id above `after_id`: (id, topic, payload, key, attempts).
    Leases held by `owner` or by a dead process on this machine count as due."""
    owner = owner or runner_id()
    with uow:
        now = utcnow()
        reclaim = _reclaimable_owners(uow, store_id, owner, now)
        due = (OutboxMessage.store_id == store_id, OutboxMessage.status == "pending",
               OutboxMessage.id > after_id,
               or_(OutboxMessage.next_attempt_at <= now, OutboxMessage.lease_owner.in_(reclaim)))
        ids = list(uow.session.scalars(select(OutboxMessage.id).where(*due)
                                       .order_by(OutboxMessage.id).limit(limit)))
        if not ids:
            return []
        # a conditional update: a message another runner leased meanwhile is not taken twice
        lease_end = now + LEASE
        uow.session.execute(update(OutboxMessage).where(OutboxMessage.id.in_(ids), *due)
                            .values(next_attempt_at=lease_end, lease_owner=owner)
                            .execution_options(synchronize_session=False))
        rows = uow.session.execute(select(
            OutboxMessage.id, OutboxMessage.topic, OutboxMessage.payload,
            OutboxMessage.idempotency_key, OutboxMessage.attempts, OutboxMessage.next_attempt_at,
            OutboxMessage.lease_owner)
            .where(OutboxMessage.id.in_(ids)).order_by(OutboxMessage.id)).all()
        mine = [r for r in rows if r.lease_owner == owner
                and abs((r.next_attempt_at - lease_end).total_seconds()) < 1]
        mine = _coalesce_stock(uow, mine)
        uow.commit()
        return [(r.id, r.topic, r.payload, r.idempotency_key, r.attempts) for r in mine]


def _reclaimable_owners(uow: UnitOfWork, store_id: int, owner: str, now) -> list[str]:
    """Owners of unexpired leases that are this runner: the same id, or a process of this
    machine that no longer runs (a crash, a kill)."""
    held = uow.session.scalars(select(OutboxMessage.lease_owner).distinct().where(
        OutboxMessage.store_id == store_id, OutboxMessage.status == "pending",
        OutboxMessage.lease_owner.is_not(None), OutboxMessage.next_attempt_at > now))
    host = socket.gethostname()
    out = []
    for other in held:
        other_host, _, pid = other.rpartition(":")
        if other == owner or (other_host == host and pid.isdigit() and not _process_alive(int(pid))):
            out.append(other)
    return out


def _process_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if os.name == "nt":  # os.kill(pid, 0) would terminate the process on Windows
        import ctypes
        kernel32 = ctypes.windll.kernel32
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        try:
            code = ctypes.c_ulong()
            kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
            return code.value == 259  # STILL_ACTIVE
        finally:
            kernel32.CloseHandle(handle)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process: alive
        return True
    return True


def _coalesce_stock(uow: UnitOfWork, rows: list) -> list:
    """Stock levels are absolute: of several claimed pushes for the same SKU and place only the
    newest is sent; the older ones are marked done as superseded."""
    newest: dict[tuple, int] = {}
    for r in rows:
        if r.topic == "stock":
            newest[_stock_place(r.payload)] = r.id
    keep = set(newest.values())
    superseded = [r.id for r in rows if r.topic == "stock" and r.id not in keep]
    if superseded:
        uow.session.execute(update(OutboxMessage).where(OutboxMessage.id.in_(superseded))
                            .values(status="done", lease_owner=None,
                                    last_error="superseded by a newer stock level")
                            .execution_options(synchronize_session=False))
    return [r for r in rows if r.topic != "stock" or r.id in keep]


def deliver_due(uow_factory, store_id: int, connector, *, batch: int = BATCH,
                budget: timedelta = ROUND_BUDGET, max_attempts: int = MAX_ATTEMPTS,
                base_delay: timedelta = BASE_DELAY, owner: str | None = None,
                clock=time.monotonic) -> PushResult:
    """Send everything due, oldest first, batch by batch, until the queue is walked once or the
    time budget is spent. The pace is the connector's: it waits as the storefront's rate
    limit asks (429 Retry-After, Shopify's query cost)."""
    owner = owner or runner_id()
    result = PushResult()
    deadline = clock() + budget.total_seconds()
    after_id = 0  # each message is tried at most once a round, even when due again at once
    while True:
        claimed = claim_due(uow_factory(), store_id, limit=batch, after_id=after_id, owner=owner)
        if not claimed:
            return result
        after_id = claimed[-1][0]
        for n, (msg_id, topic, payload, key, attempts) in enumerate(claimed):
            if clock() >= deadline:
                _release_unsent(uow_factory(), [m[0] for m in claimed[n:]])
                result.left = _due_count(uow_factory(), store_id)
                # reported with the run's messages: the queue is not empty, and why
                result.errors.append(f"{result.left} pushes still due: this round's time for "
                                     f"pushing ({budget.total_seconds():.0f} s) ran out; they "
                                     "go out next round.")
                return result
            try:
                remote_id = connector.push(topic, payload, key=key)
            except StoreAuthError as exc:
                # not this message's fault: give the leases back untouched and stop pushing
                _release(uow_factory(), msg_id, str(exc))
                _release_unsent(uow_factory(), [m[0] for m in claimed[n + 1:]])
                result.failed += 1
                result.errors.append(str(exc))
                return result
            except StoreError as exc:
                rejected = isinstance(exc, StoreRejected)
                parked = _failed(uow_factory(), msg_id, str(exc), rejected=rejected,
                                 max_attempts=max_attempts, base_delay=base_delay)
                result.failed += 1
                result.parked += int(parked)
                result.errors.append(str(exc))
                continue
            _done(uow_factory(), msg_id, remote_id)
            result.sent += 1


def _due_count(uow: UnitOfWork, store_id: int) -> int:
    with uow:
        return uow.session.scalar(select(func.count()).select_from(OutboxMessage).where(
            OutboxMessage.store_id == store_id, OutboxMessage.status == "pending",
            OutboxMessage.next_attempt_at <= utcnow()))


def _release_unsent(uow: UnitOfWork, ids: list[int]) -> None:
    """Claimed but not sent this round: due again right away, for whoever comes next."""
    if not ids:
        return
    with uow:
        uow.session.execute(update(OutboxMessage).where(OutboxMessage.id.in_(ids),
                                                        OutboxMessage.status == "pending")
                            .values(next_attempt_at=utcnow(), lease_owner=None)
                            .execution_options(synchronize_session=False))
        uow.commit()


def _done(uow: UnitOfWork, msg_id: int, remote_id: str) -> None:
    with uow:
        msg = uow.session.get(OutboxMessage, msg_id)
        msg.status = "done"
        msg.lease_owner = None
        msg.attempts += 1
        msg.last_error = ""
        msg.payload = {**msg.payload, "_remote_id": remote_id or "", "_sent_at": utcnow().isoformat()}
        if msg.topic == "refund":
            refunds.settle_push(uow, msg.payload, remote_id=remote_id)
        elif msg.topic == "stock":
            _supersede_older_levels(uow, msg)
        uow.changes.stores = True
        uow.commit()


def _supersede_older_levels(uow: UnitOfWork, sent: OutboxMessage) -> None:
    """An older level of the same SKU and place still waiting (backing off after a failure)
    must never be sent after this newer one: it would set the storefront back."""
    place = _stock_place(sent.payload)
    older = uow.session.scalars(select(OutboxMessage).where(
        OutboxMessage.store_id == sent.store_id, OutboxMessage.topic == "stock",
        OutboxMessage.status == "pending", OutboxMessage.id < sent.id))
    for msg in older:
        if _stock_place(msg.payload) == place:
            msg.status, msg.lease_owner = "done", None
            msg.last_error = "superseded by a newer stock level"


def _stock_place(payload: dict) -> tuple:
    return payload.get("sku"), payload.get("location") or payload.get("warehouse")


def _release(uow: UnitOfWork, msg_id: int, error: str) -> None:
    with uow:
        msg = uow.session.get(OutboxMessage, msg_id)
        msg.next_attempt_at = utcnow()
        msg.lease_owner = None
        msg.last_error = error[:2000]
        uow.commit()


def _failed(uow: UnitOfWork, msg_id: int, error: str, *, rejected: bool, max_attempts: int,
            base_delay: timedelta) -> bool:
    with uow:
        msg = uow.session.get(OutboxMessage, msg_id)
        msg.attempts += 1
        msg.lease_owner = None
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
        if msg.topic == "refund":
            refunds.settle_push(uow, msg.payload, error=error, final=park)
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
