"""After-sales cases (return authorisations) and their lines."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ordermgr.errors import ValidationError
from ordermgr.models.base import Amount, Base, UTCDateTime, utcnow
from ordermgr.models.states import RETURN_MACHINE, ReturnStatus, ReturnType


class ReturnCase(Base):
    __tablename__ = "returns"
    __table_args__ = (Index("ix_returns_order", "order_id"), Index("ix_returns_status", "status"))
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

    __mapper_args__ = {"version_id_col": version}

    lines: Mapped[list["ReturnLine"]] = relationship(cascade="all, delete-orphan")

    @property
    def subject(self) -> str:
        return f"Return {self.number}"

    def apply(self, action: str, *, by: int | None, note: str = "") -> None:
        new = RETURN_MACHINE.next(self.status, action, subject=self.subject)
        entry = {"at": utcnow().isoformat(), "by": by, "action": action,
                 "from": self.status, "to": new, "note": note}
        self.status = new
        self.history = [*(self.history or []), entry]


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


def check_returnable(line_quantity_shipped: int, line_quantity_returned: int, wanted: int,
                     *, what: str) -> None:
    room = line_quantity_shipped - line_quantity_returned
    if wanted <= 0:
        raise ValidationError(f"{what}: the quantity to return must be at least 1.")
    if wanted > room:
        raise ValidationError(f"{what}: only {room} can be returned (shipped minus already returned).")
