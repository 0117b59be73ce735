"""After-sales cases (return authorisations) and their lines."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import ROUND_DOWN, Decimal

from sqlalchemy import JSON, Boolean, CheckConstraint, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ordermgr.errors import ValidationError
from ordermgr.models.base import Amount, Base, UTCDateTime, utcnow
from ordermgr.models.money import amount_quantum, minor_unit
from ordermgr.models.states import RETURN_MACHINE, ReturnStatus, ReturnType


class ReturnCase(Base):
    __tablename__ = "returns"
    __table_args__ = (Index("ix_returns_order", "order_id"), Index("ix_returns_status", "status"),
                      Index("ix_returns_status_requested", "status", "requested_at", "id"),
                      Index("ix_returns_requested", "requested_at", "id"),
                      Index("ix_returns_due", "due_at"), Index("ix_returns_external", "external_id"))
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[str] = mapped_column(String(32), unique=True)  # RMA number
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"))
    kind: Mapped[str] = mapped_column(String(24), default=ReturnType.RETURN_REFUND)
    status: Mapped[str] = mapped_column(String(24), default=ReturnStatus.REQUESTED)
    reason: Mapped[str] = mapped_column(String(200), default="")
    resolution: Mapped[str] = mapped_column(String(24), default="refund")  # refund | exchange
    requested_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    requested_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    decided_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    decision_note: Mapped[str] = mapped_column(Text, default="")
    refund_amount: Mapped[Decimal | None] = mapped_column(Amount)
    currency: Mapped[str] = mapped_column(String(3))
    history: Mapped[list] = mapped_column(JSON, default=list)
    version: Mapped[int] = mapped_column(Integer, default=1)
    # -- added by migration 0005 (after-sales desk) --
    status_changed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    due_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # requested_at + the kind's SLA
    external_id: Mapped[str | None] = mapped_column(String(64))  # the storefront's return/refund id
    refund_shipping: Mapped[bool] = mapped_column(Boolean, default=False)
    restocking_fee: Mapped[Decimal] = mapped_column(Amount, default=Decimal("0.00"))
    amount_reason: Mapped[str] = mapped_column(Text, default="")  # why the amount was edited
    replacement_order_id: Mapped[int | None] = mapped_column(Integer)  # exchange / re-ship order
    intercept_carrier: Mapped[str] = mapped_column(String(40), default="")
    intercept_reference: Mapped[str] = mapped_column(String(64), default="")
    intercept_outcome: Mapped[str] = mapped_column(String(24), default="")

    __mapper_args__ = {"version_id_col": version}

    lines: Mapped[list["ReturnLine"]] = relationship(cascade="all, delete-orphan")

    @property
    def subject(self) -> str:
        return f"Return {self.number}"

    def apply(self, action: str, *, by: int | None, note: str = "") -> None:
        new = RETURN_MACHINE.next(self.status, action, subject=self.subject)
        now = utcnow()
        entry = {"at": now.isoformat(), "by": by, "action": action,
                 "from": self.status, "to": new, "note": note}
        self.status = new
        self.status_changed_at = now
        self.history = [*(self.history or []), entry]

    def note(self, action: str, *, by: int | None, note: str = "", **data) -> None:
        """A history entry that does not change the state (refund queued, attachment, intercept)."""
        entry = {"at": utcnow().isoformat(), "by": by, "action": action,
                 "from": self.status, "to": self.status, "note": note, **data}
        self.history = [*(self.history or []), entry]

    def can(self, action: str) -> bool:
        return RETURN_MACHINE.can(self.status, action)

    @property
    def is_open(self) -> bool:
        return self.status not in RETURN_MACHINE.terminal

    @property
    def takes_goods_back(self) -> bool:
        return self.kind in GOODS_BACK_KINDS


class ReturnLine(Base):
    __tablename__ = "return_lines"
    __table_args__ = (CheckConstraint("quantity > 0", name="quantity_positive"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    return_id: Mapped[int] = mapped_column(ForeignKey("returns.id", ondelete="CASCADE"), index=True)
    order_line_id: Mapped[int] = mapped_column(ForeignKey("order_lines.id"))
    quantity: Mapped[int] = mapped_column(Integer)
    reason_code: Mapped[str] = mapped_column(String(40), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    quantity_received: Mapped[int] = mapped_column(Integer, default=0)
    inspection_result: Mapped[str | None] = mapped_column(String(24))  # sellable, damaged, supplier


# Kinds whose goods come back to the warehouse (their lines count as "already returned").
GOODS_BACK_KINDS = frozenset({ReturnType.RETURN_REFUND, ReturnType.EXCHANGE, ReturnType.INTERCEPT})
# States that no longer hold a claim on the order's quantities.
DEAD_STATES = frozenset({ReturnStatus.REJECTED, ReturnStatus.CANCELLED})
INSPECTION_RESULTS = ("sellable", "damaged", "supplier")
KIND_LABELS = {
    ReturnType.RETURN_REFUND: "return and refund", ReturnType.REFUND_ONLY: "refund only",
    ReturnType.EXCHANGE: "exchange", ReturnType.RESHIP: "re-ship",
    ReturnType.INTERCEPT: "parcel intercept", ReturnType.COMPLAINT: "complaint",
}


def check_returnable(line_quantity_shipped: int, line_quantity_returned: int, wanted: int,
                     *, what: str) -> None:
    room = line_quantity_shipped - line_quantity_returned
    if wanted <= 0:
        raise ValidationError(f"{what}: the quantity to return must be at least 1.")
    if wanted > room:
        raise ValidationError(f"{what}: only {room} can be returned (shipped minus already "
                              f"returned), not {wanted}.")




@dataclass(frozen=True)
class RefundQuote:
    """What a case would refund: goods + optional shipping - restocking fee, capped by what is
    still refundable on the order."""

    lines: Decimal
    shipping: Decimal
    restocking_fee: Decimal
    paid: Decimal
    already_refunded: Decimal

    @property
    def gross(self) -> Decimal:
        return max(self.lines + self.shipping - self.restocking_fee, Decimal("0.00"))

    @property
    def refundable(self) -> Decimal:
        return max(self.paid - self.already_refunded, Decimal("0.00"))

    @property
    def proposed(self) -> Decimal:
        return min(self.gross, self.refundable)


def line_unit_value(total: Decimal, quantity: int, currency: str | None = None) -> Decimal:
    """What one unit of a line cost after its discount (rounded down to the currency's minor
    unit: a whole yen, a cent)."""
    if not quantity:
        return Decimal("0.00")
    return (Decimal(total) / quantity).quantize(minor_unit(currency), rounding=ROUND_DOWN
                                                ).quantize(amount_quantum(currency))


def line_refund_value(total: Decimal, quantity: int, returned: int,
                      currency: str | None = None) -> Decimal:
    """Refund value of `returned` of `quantity` units; all units gives exactly the line total."""
    if returned >= quantity:
        return Decimal(total).quantize(amount_quantum(currency))
    return line_unit_value(total, quantity, currency) * returned


def quote_refund(lines: list[tuple[Decimal, int, int]], *, shipping: Decimal, include_shipping: bool,
                 restocking_fee: Decimal, paid: Decimal, already_refunded: Decimal,
                 currency: str | None = None) -> RefundQuote:
    """`lines`: (line total, line quantity, quantity returned) for each returned line."""
    goods = sum((line_refund_value(t, q, r, currency) for t, q, r in lines if r > 0), Decimal("0.00"))
    return RefundQuote(goods, shipping if include_shipping else Decimal("0.00"),
                       restocking_fee or Decimal("0.00"), paid, already_refunded)
