"""Inventory documents: stocktakes (counts), transfers between warehouses, supply settings.

Stock levels and the ledger themselves live in catalog.py; the documents here only *cause*
movements, through ordermgr.services.stock.move, so the ledger stays the single truth.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ordermgr.errors import InvalidTransition, ValidationError
from ordermgr.models.base import Base, UTCDateTime, utcnow
from ordermgr.models.limits import MAX_QUANTITY, check_quantity

# Why stock was adjusted by hand. The code is stored in the ledger's reason ("damaged: note").
ADJUSTMENT_REASONS: dict[str, str] = {
    "damaged": "Damaged",
    "found": "Found",
    "lost": "Lost or stolen",
    "correction": "Correction",
    "expired": "Expired",
    "sample": "Sample or gift",
    "supplier_return": "Returned to supplier",
    "received": "Received from supplier",
}


class StocktakeStatus:
    OPEN = "open"
    POSTED = "posted"
    CANCELLED = "cancelled"


class Stocktake(Base):
    """A count of a warehouse (or a range of its bins)."""

    __tablename__ = "stocktakes"
    __table_args__ = (Index("ix_stocktakes_status", "status", "id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    warehouse_id: Mapped[int] = mapped_column(ForeignKey("warehouses.id"))
    bin_from: Mapped[str | None] = mapped_column(String(32))
    bin_to: Mapped[str | None] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(16), default=StocktakeStatus.OPEN)
    note: Mapped[str] = mapped_column(Text, default="")
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    started_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    posted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    posted_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    lines: Mapped[list["StocktakeLine"]] = relationship(
        back_populates="stocktake", cascade="all, delete-orphan", order_by="StocktakeLine.id")

    @property
    def subject(self) -> str:
        return f"Stocktake {self.id}"

    def ensure_open(self) -> None:
        if self.status == StocktakeStatus.POSTED:
            raise InvalidTransition(f"{self.subject} is already posted; start a new count to "
                                    "change stock again.")
        if self.status != StocktakeStatus.OPEN:
            raise InvalidTransition(f"{self.subject} is {self.status}; it can't be changed.")


class StocktakeLine(Base):
    """One SKU of a count. `expected` is on hand when the count of this line was recorded: the
    variance is counted - expected, so stock that moves while the count is going on (orders
    shipped, reservations made) is neither lost nor counted twice when the count is posted."""

    __tablename__ = "stocktake_lines"
    __table_args__ = (UniqueConstraint("stocktake_id", "sku_id"),
                      CheckConstraint("counted IS NULL OR counted >= 0", name="counted_not_negative"))
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    stocktake_id: Mapped[int] = mapped_column(ForeignKey("stocktakes.id", ondelete="CASCADE"))
    sku_id: Mapped[int] = mapped_column(ForeignKey("skus.id"))
    expected: Mapped[int] = mapped_column(Integer, default=0)  # on hand when counted
    counted: Mapped[int | None] = mapped_column(Integer)
    counted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    stocktake: Mapped[Stocktake] = relationship(back_populates="lines")

    @property
    def variance(self) -> int | None:
        return None if self.counted is None else self.counted - self.expected


class TransferStatus:
    DRAFT = "draft"
    SHIPPED = "shipped"
    PARTIALLY_RECEIVED = "partially_received"
    RECEIVED = "received"
    CANCELLED = "cancelled"


_TRANSFER_STEPS = {
    (TransferStatus.DRAFT, "ship"), (TransferStatus.DRAFT, "cancel"), (TransferStatus.DRAFT, "edit"),
    (TransferStatus.SHIPPED, "receive"), (TransferStatus.PARTIALLY_RECEIVED, "receive"),
}


class Transfer(Base):
    """Goods moving from one warehouse to another: draft → shipped (incoming) → received."""

    __tablename__ = "transfers"
    __table_args__ = (Index("ix_transfers_status", "status", "id"),
                      CheckConstraint("source_id <> destination_id", name="different_warehouses"))
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("warehouses.id"))
    destination_id: Mapped[int] = mapped_column(ForeignKey("warehouses.id"))
    status: Mapped[str] = mapped_column(String(20), default=TransferStatus.DRAFT)
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    shipped_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    received_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    lines: Mapped[list["TransferLine"]] = relationship(
        back_populates="transfer", cascade="all, delete-orphan", order_by="TransferLine.id")

    @property
    def subject(self) -> str:
        return f"Transfer {self.id}"

    def check(self, action: str) -> None:
        if (self.status, action) not in _TRANSFER_STEPS:
            pretty = self.status.replace("_", " ")
            verb = {"ship": "shipped", "receive": "received", "cancel": "cancelled",
                    "edit": "edited"}.get(action, action)
            hint = {"ship": " It has already left the source warehouse.",
                    "receive": " Ship it first." if self.status == TransferStatus.DRAFT else ""}
            raise InvalidTransition(f"{self.subject} is {pretty} and can't be {verb}."
                                    + hint.get(action, ""))


class TransferLine(Base):
    __tablename__ = "transfer_lines"
    __table_args__ = (
        UniqueConstraint("transfer_id", "sku_id"),
        CheckConstraint("quantity > 0", name="quantity_positive"),
        CheckConstraint("quantity_received >= 0 AND quantity_received <= quantity",
                        name="received_within_quantity"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    transfer_id: Mapped[int] = mapped_column(ForeignKey("transfers.id", ondelete="CASCADE"))
    sku_id: Mapped[int] = mapped_column(ForeignKey("skus.id"), index=True)
    quantity: Mapped[int] = mapped_column(Integer)
    quantity_received: Mapped[int] = mapped_column(Integer, default=0)
    transfer: Mapped[Transfer] = relationship(back_populates="lines")

    @property
    def outstanding(self) -> int:
        return self.quantity - self.quantity_received


class SkuSupply(Base):
    """How a SKU is replenished: supplier lead time (days) for reorder suggestions."""

    __tablename__ = "sku_supply"
    sku_id: Mapped[int] = mapped_column(ForeignKey("skus.id"), primary_key=True)
    lead_time_days: Mapped[int] = mapped_column(Integer, default=14)
    min_order_qty: Mapped[int] = mapped_column(Integer, default=1)


def parse_quantity(value: object, *, what: str = "quantity", allow_negative: bool = False,
                   limit: int = MAX_QUANTITY) -> int:
    """A whole number of units from user input, at most `limit` either way; clear refusal
    otherwise."""
    if isinstance(value, bool):
        raise ValidationError(f"The {what} {value!r} is not a whole number.")
    if isinstance(value, int):
        number = value
    elif isinstance(value, float) and value.is_integer():
        number = int(value)
    else:
        text = str(value if value is not None else "").strip().replace(",", "")
        try:
            number = int(text)
        except ValueError:
            try:
                as_float = float(text)
            except ValueError:
                as_float = None
            if as_float is not None and as_float.is_integer():
                number = int(as_float)
            else:
                raise ValidationError(f"The {what} {value!r} is not a whole number.") from None
    if number < 0 and not allow_negative:
        raise ValidationError(f"The {what} can't be negative ({number}).")
    return check_quantity(number, what=what, limit=limit)
