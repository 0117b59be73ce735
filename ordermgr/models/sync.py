"""Storefront sync state: per-store watermark and status, raw payloads kept for audit, and the
quarantine of orders that could not be imported."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ordermgr.models.base import Base, UTCDateTime, utcnow


class SyncState(Base):
    """One row per store: how far the pull got and how the last runs went."""

    __tablename__ = "sync_state"
    store_id: Mapped[int] = mapped_column(ForeignKey("stores.id", ondelete="CASCADE"),
                                          primary_key=True)
    # remote "updated at" up to which every order is known to be in; the next pull asks from
    # this minus the overlap window
    watermark: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_run_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_success_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_error: Mapped[str] = mapped_column(Text, default="")
    orders_pulled: Mapped[int] = mapped_column(Integer, default=0)  # total new or changed
    last_pulled: Mapped[int] = mapped_column(Integer, default=0)  # in the last run


class RawPayload(Base):
    """The latest payload received for one storefront order, exactly as the storefront sent it."""

    __tablename__ = "sync_raw_payloads"
    __table_args__ = (UniqueConstraint("store_id", "external_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    store_id: Mapped[int] = mapped_column(ForeignKey("stores.id", ondelete="CASCADE"))
    external_id: Mapped[str] = mapped_column(String(64))
    remote_updated_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    digest: Mapped[str] = mapped_column(String(64))  # sha256 of the canonical JSON
    payload: Mapped[dict] = mapped_column(JSON)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class QuarantinedOrder(Base):
    """A storefront order that failed validation; kept with the reason until it imports."""

    __tablename__ = "sync_quarantine"
    __table_args__ = (UniqueConstraint("store_id", "external_id"),
                      Index("ix_sync_quarantine_open", "resolved_at", "id"))
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    store_id: Mapped[int] = mapped_column(ForeignKey("stores.id", ondelete="CASCADE"))
    external_id: Mapped[str] = mapped_column(String(64))
    number: Mapped[str] = mapped_column(String(64), default="")
    reason: Mapped[str] = mapped_column(Text)
    payload: Mapped[dict] = mapped_column(JSON)
    first_seen_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    attempts: Mapped[int] = mapped_column(Integer, default=1)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
