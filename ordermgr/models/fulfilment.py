"""Fulfilment: custom carriers, pick batches, parcels, logistics exceptions, and the extra
shipment columns (dimensions, timeliness) the warehouse and the reports need.

Shipment rows themselves are defined in models/orders.py; the columns this module adds to the
`shipments` table are mapped there through `Shipment` attributes declared below with
`add_shipment_columns`, so the foundation's class stays the single entity.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import (Boolean, Column, ForeignKey, Index, Integer, String, Text,
                        UniqueConstraint)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ordermgr.models.base import Amount, Base, UTCDateTime, utcnow
from ordermgr.models.orders import Shipment


class CustomCarrier(Base):
    """A carrier the user added beside the maintained list (see fulfilment/carriers.py)."""

    __tablename__ = "carriers"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(40), unique=True)
    pattern: Mapped[str] = mapped_column(String(200))  # regular expression for the waybill
    hint: Mapped[str] = mapped_column(String(200), default="")
    tracking_url: Mapped[str] = mapped_column(String(300), default="")  # with {waybill}
    delayed_after_days: Mapped[int] = mapped_column(Integer, default=4)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class PickBatch(Base):
    """Orders picked together: one pick list grouped by warehouse and bin, one slot per order."""

    __tablename__ = "pick_batches"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[str] = mapped_column(String(32), unique=True)  # "PB-000012"
    status: Mapped[str] = mapped_column(String(16), default="picking")  # picking, done, cancelled
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    orders: Mapped[list["PickBatchOrder"]] = relationship(
        cascade="all, delete-orphan", order_by="PickBatchOrder.slot")


class PickBatchOrder(Base):
    __tablename__ = "pick_batch_orders"
    __table_args__ = (UniqueConstraint("batch_id", "slot"), Index("ix_pick_batch_orders_order", "order_id"))
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("pick_batches.id", ondelete="CASCADE"))
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"))
    slot: Mapped[int] = mapped_column(Integer)  # the tote / pigeonhole number on the cart


class Parcel(Base):
    """One box of a shipment with its own waybill (several parcels per shipment are allowed)."""

    __tablename__ = "shipment_parcels"
    __table_args__ = (UniqueConstraint("carrier", "waybill"),
                      Index("ix_shipment_parcels_waybill", "waybill"))
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    shipment_id: Mapped[int] = mapped_column(ForeignKey("shipments.id", ondelete="CASCADE"), index=True)
    carrier: Mapped[str] = mapped_column(String(40))
    waybill: Mapped[str] = mapped_column(String(64))
    weight_grams: Mapped[int] = mapped_column(Integer, default=0)
    length_mm: Mapped[int] = mapped_column(Integer, default=0)
    width_mm: Mapped[int] = mapped_column(Integer, default=0)
    height_mm: Mapped[int] = mapped_column(Integer, default=0)


class LogisticsException(Base):
    """A parcel in trouble and what was done about it; every step also goes on the order timeline."""

    __tablename__ = "logistics_exceptions"
    __table_args__ = (Index("ix_logistics_exceptions_status", "status", "opened_at"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    shipment_id: Mapped[int] = mapped_column(ForeignKey("shipments.id", ondelete="CASCADE"), index=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(24))  # lost, damaged, delayed, refused, returned_to_sender
    status: Mapped[str] = mapped_column(String(16), default="open")  # open, resolved
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    opened_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    note: Mapped[str] = mapped_column(Text, default="")
    action: Mapped[str] = mapped_column(String(16), default="")  # reship, refund, claim, none
    claim_status: Mapped[str] = mapped_column(String(16), default="")  # filed, accepted, rejected, paid
    claim_amount: Mapped[Decimal | None] = mapped_column(Amount)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


# Columns added to `shipments` by migration 0004: package dimensions and timeliness (seconds) for
# the reports. Declared here on the foundation's Shipment class.
_SHIPMENT_COLUMNS = {
    "length_mm": Column("length_mm", Integer, nullable=False, default=0,
                        server_default="0"),
    "width_mm": Column("width_mm", Integer, nullable=False, default=0,
                        server_default="0"),
    "height_mm": Column("height_mm", Integer, nullable=False, default=0,
                        server_default="0"),
    "last_event_at": Column("last_event_at", UTCDateTime, nullable=True),
    "order_to_packed_s": Column("order_to_packed_s", Integer, nullable=True),
    "packed_to_shipped_s": Column("packed_to_shipped_s", Integer, nullable=True),
    "shipped_to_delivered_s": Column("shipped_to_delivered_s", Integer, nullable=True),
}
for _name, _column in _SHIPMENT_COLUMNS.items():
    if _name not in Shipment.__table__.c:
        setattr(Shipment, _name, _column)  # declarative adds it to the table and the mapper
Shipment.parcels = relationship(Parcel, cascade="all, delete-orphan", order_by=Parcel.id)
Index("ix_shipments_status_event", Shipment.__table__.c.status, Shipment.__table__.c.last_event_at)
