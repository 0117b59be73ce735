"""After-sales tables around the return case: refunds (and how they split over the original
payments), attachments, reason codes, per-type SLA hours and approval limits by role.

Attachments are stored as blobs in the database, not as files in a data folder: with one shared
PostgreSQL database many workstations open the same case, and a photo copied into one PC's data
folder would be invisible on the others (and lost with that PC). Size is capped (MAX_ATTACHMENT).
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import (Boolean, CheckConstraint, ForeignKey, Index, Integer, LargeBinary, String, Text,
                        UniqueConstraint)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ordermgr.models.base import Amount, Base, UTCDateTime, utcnow
from ordermgr.models.states import (REFUND_DONE_STATES, REFUND_MACHINE, REFUND_PENDING_STATES,
                                    RefundStatus)

MAX_ATTACHMENT = 10 * 1024 * 1024
OFFLINE_METHODS = frozenset({"bank_transfer", "cod", "cash_on_delivery", "cash", "invoice"})


class Refund(Base):
    """Money going back to a customer: one or more parts, each against one original charge.

    Its life is REFUND_MACHINE (models/states.py): requested -> pushed -> confirmed | failed;
    a failed one is retried, recorded as paid back another way (method + reference) or cancelled.
    """

    __tablename__ = "refunds"
    __table_args__ = (UniqueConstraint("order_id", "external_id"),
                      CheckConstraint("amount > 0", name="amount_positive"),
                      Index("ix_refunds_status", "status", "created_at"),
                      Index("ix_refunds_order", "order_id"), Index("ix_refunds_return", "return_id"))
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[str] = mapped_column(String(32), unique=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"))
    return_id: Mapped[int | None] = mapped_column(ForeignKey("returns.id"))
    amount: Mapped[Decimal] = mapped_column(Amount)
    currency: Mapped[str] = mapped_column(String(3))
    channel: Mapped[str] = mapped_column(String(16))  # storefront | manual (how it was asked for)
    status: Mapped[str] = mapped_column(String(16), default=RefundStatus.REQUESTED)
    method: Mapped[str] = mapped_column(String(40), default="")  # how it went back when paid by hand
    reference: Mapped[str] = mapped_column(String(120), default="")  # bank/cash slip when paid by hand
    reason: Mapped[str] = mapped_column(Text, default="")
    external_id: Mapped[str | None] = mapped_column(String(64))  # the storefront's refund id
    # the id the storefront lists it under when orders are pulled; some platforms answer a push
    # with another id (WooCommerce "5" vs "refund-5", Shopify's refund vs its transaction)
    pulled_id: Mapped[str | None] = mapped_column(String(64))
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    pushed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # last sent to the storefront
    failed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    completed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # confirmed or paid by hand
    resolved_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))  # who acted on a failure
    failure_reason: Mapped[str] = mapped_column(Text, default="")  # the storefront's words
    parts: Mapped[list["RefundPart"]] = relationship(cascade="all, delete-orphan",
                                                     order_by="RefundPart.id")

    def apply(self, action: str, *, subject: str, at: datetime | None = None) -> None:
        """Move along REFUND_MACHINE (a clear refusal otherwise) and stamp the time."""
        self.status = REFUND_MACHINE.next(self.status, action, subject=subject)
        at = at or utcnow()
        if action == "push":
            self.pushed_at = at
        elif action == "fail":
            self.failed_at = at
        elif self.status in REFUND_DONE_STATES:
            self.completed_at = at

    @property
    def pending(self) -> bool:
        return self.status in REFUND_PENDING_STATES


class RefundPart(Base):
    __tablename__ = "refund_parts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    refund_id: Mapped[int] = mapped_column(ForeignKey("refunds.id", ondelete="CASCADE"), index=True)
    charge_id: Mapped[int | None] = mapped_column(ForeignKey("payments.id"))  # the original payment
    payment_id: Mapped[int | None] = mapped_column(ForeignKey("payments.id"))  # the refund payment row
    amount: Mapped[Decimal] = mapped_column(Amount)


class CaseAttachment(Base):
    __tablename__ = "case_attachments"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    return_id: Mapped[int] = mapped_column(ForeignKey("returns.id", ondelete="CASCADE"), index=True)
    filename: Mapped[str] = mapped_column(String(200))
    content_type: Mapped[str] = mapped_column(String(100), default="application/octet-stream")
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    data: Mapped[bytes] = mapped_column(LargeBinary)
    added_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    added_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class ReasonCode(Base):
    """The maintained list of return reasons; `kinds` limits a code to some case types."""

    __tablename__ = "reason_codes"
    code: Mapped[str] = mapped_column(String(40), primary_key=True)
    label: Mapped[str] = mapped_column(String(120))
    kinds: Mapped[str] = mapped_column(String(200), default="")  # comma list; empty = every kind
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    position: Mapped[int] = mapped_column(Integer, default=0)


class SlaSetting(Base):
    """Hours within which a case of a kind must be closed, set by a manager."""

    __tablename__ = "sla_settings"
    kind: Mapped[str] = mapped_column(String(24), primary_key=True)
    hours: Mapped[int] = mapped_column(Integer)


class ApprovalLimit(Base):
    """The largest refund a role may approve; NULL means no limit."""

    __tablename__ = "approval_limits"
    role: Mapped[str] = mapped_column(String(32), primary_key=True)
    max_amount: Mapped[Decimal | None] = mapped_column(Amount)


DEFAULT_REASON_CODES = [
    ("damaged", "Arrived damaged", ""), ("defective", "Defective / does not work", ""),
    ("wrong_item", "Wrong item sent", ""), ("not_as_described", "Not as described", ""),
    ("size_fit", "Wrong size or fit", "return_refund,exchange"),
    ("changed_mind", "Changed mind", "return_refund,refund_only,exchange"),
    ("missing_item", "Item missing from parcel", "reship,refund_only,complaint"),
    ("late_delivery", "Late delivery", "refund_only,complaint,intercept"),
    ("courier", "Courier problem", "complaint,intercept,reship"),
    ("cancelled_after_dispatch", "Cancelled after dispatch", "intercept"),
    ("goodwill", "Goodwill gesture", "refund_only,complaint"),
    ("other", "Other (see note)", ""),
]
DEFAULT_SLA_HOURS = {"return_refund": 72, "refund_only": 24, "exchange": 72, "reship": 24,
                     "intercept": 12, "complaint": 48}
DEFAULT_LIMITS = {"agent": Decimal("200.00"), "supervisor": Decimal("5000.00"), "manager": None,
                  "admin": None}
