"""The transactional outbox and counters.

An outbox message is written in the same transaction as the change that causes it (a shipment,
a cancellation, a refund, a stock change), so a crash can never lose the push or send one for a
change that was rolled back. The sync runner delivers messages with their idempotency key.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ordermgr.models.base import Base, UTCDateTime, utcnow


class OutboxMessage(Base):
    __tablename__ = "outbox"
    __table_args__ = (Index("ix_outbox_pending", "status", "next_attempt_at"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    store_id: Mapped[int | None] = mapped_column(ForeignKey("stores.id"))
    topic: Mapped[str] = mapped_column(String(40))  # fulfilment, cancellation, refund, stock
    payload: Mapped[dict] = mapped_column(JSON)
    idempotency_key: Mapped[str] = mapped_column(String(120), unique=True)
    status: Mapped[str] = mapped_column(String(16), default="pending")  # pending, done, parked, dismissed
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_error: Mapped[str] = mapped_column(Text, default="")
    # while leased (next_attempt_at = lease end): the runner holding it, "host:pid" or a runner id
    lease_owner: Mapped[str | None] = mapped_column(String(120), default=None)


class Counter(Base):
    """Named counters for human numbers (manual orders, RMAs), bumped with an atomic UPDATE."""

    __tablename__ = "counters"
    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    value: Mapped[int] = mapped_column(Integer, default=0)
