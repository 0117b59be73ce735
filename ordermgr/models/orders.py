"""The order aggregate: customer, order, lines, payments, shipments and the timeline."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import (JSON, Boolean, CheckConstraint, ForeignKey, Index, Integer, String, Text,
                        UniqueConstraint, false)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ordermgr.errors import ValidationError
from ordermgr.models.base import Amount, Base, UTCDateTime, utcnow
from ordermgr.models.limits import MAX_QUANTITY, check_amount
from ordermgr.models.states import (ORDER_MACHINE, ORDER_OPEN_STATES, PAYMENT_MACHINE,
                                    SHIPMENT_MACHINE, FulfilmentStatus, OrderStatus,
                                    PaymentStatus, ShipmentStatus)

ZERO = Decimal("0.00")
# a charge paid back in part or in full was still paid (the refund is its own row)
PAID_CHARGE_STATES = (PaymentStatus.PAID, PaymentStatus.PARTIALLY_REFUNDED, PaymentStatus.REFUNDED)


class Customer(Base):
    __tablename__ = "customers"
    __table_args__ = (Index("ix_customers_phone", "phone"), Index("ix_customers_email", "email"))
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(120))  # as shown: display_name(given, family)
    # as the storefront sent them ("" for names typed in one piece)
    given_name: Mapped[str] = mapped_column(String(80), default="", server_default="")
    family_name: Mapped[str] = mapped_column(String(80), default="", server_default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    tags: Mapped[str] = mapped_column(String(200), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    addresses: Mapped[list["Address"]] = relationship(back_populates="customer")


class Address(Base):
    __tablename__ = "addresses"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), index=True)
    name: Mapped[str] = mapped_column(String(120))
    phone: Mapped[str] = mapped_column(String(40), default="")
    line1: Mapped[str] = mapped_column(String(200))
    line2: Mapped[str] = mapped_column(String(200), default="")
    city: Mapped[str] = mapped_column(String(100))
    region: Mapped[str] = mapped_column(String(100), default="")
    postcode: Mapped[str] = mapped_column(String(20), default="")
    country: Mapped[str] = mapped_column(String(2))
    customer: Mapped[Customer] = relationship(back_populates="addresses")


class Order(Base):
    __tablename__ = "orders"
    __table_args__ = (
        UniqueConstraint("store_id", "external_id"),
        Index("ix_orders_status_placed", "status", "placed_at", "id"),
        Index("ix_orders_placed", "placed_at", "id"),
        Index("ix_orders_customer", "customer_id"),
        Index("ix_orders_updated", "updated_at"),
        CheckConstraint("total >= 0", name="total_not_negative"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[str] = mapped_column(String(32), unique=True)
    store_id: Mapped[int] = mapped_column(ForeignKey("stores.id"))
    external_id: Mapped[str | None] = mapped_column(String(64))
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customers.id"))
    customer_name: Mapped[str] = mapped_column(String(120), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    placed_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    currency: Mapped[str] = mapped_column(String(3))
    subtotal: Mapped[Decimal] = mapped_column(Amount, default=ZERO)
    shipping: Mapped[Decimal] = mapped_column(Amount, default=ZERO)
    tax: Mapped[Decimal] = mapped_column(Amount, default=ZERO)
    discount: Mapped[Decimal] = mapped_column(Amount, default=ZERO)
    total: Mapped[Decimal] = mapped_column(Amount, default=ZERO)  # gross: before any refund
    # line prices and shipping include the tax (`tax` is then the part of them that is tax)
    prices_include_tax: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    status: Mapped[str] = mapped_column(String(24), default=OrderStatus.PENDING_PAYMENT)
    status_before_hold: Mapped[str | None] = mapped_column(String(24))
    payment_status: Mapped[str] = mapped_column(String(24), default=PaymentStatus.PENDING)
    fulfilment_status: Mapped[str] = mapped_column(String(24), default=FulfilmentStatus.UNFULFILLED)
    hold_reason: Mapped[str | None] = mapped_column(String(200))
    tags: Mapped[str] = mapped_column(String(300), default="")  # ",vip,gift," for LIKE filters
    note: Mapped[str] = mapped_column(Text, default="")
    item_count: Mapped[int] = mapped_column(Integer, default=0)
    ship_name: Mapped[str] = mapped_column(String(120), default="")
    ship_given_name: Mapped[str] = mapped_column(String(80), default="", server_default="")
    ship_family_name: Mapped[str] = mapped_column(String(80), default="", server_default="")
    ship_phone: Mapped[str] = mapped_column(String(40), default="")
    ship_line1: Mapped[str] = mapped_column(String(200), default="")
    ship_line2: Mapped[str] = mapped_column(String(200), default="")
    ship_city: Mapped[str] = mapped_column(String(100), default="")
    ship_region: Mapped[str] = mapped_column(String(100), default="")
    ship_postcode: Mapped[str] = mapped_column(String(20), default="")
    ship_country: Mapped[str] = mapped_column(String(2), default="")
    # lower-cased number, names, email, phone, SKUs and waybills: what the search box looks in
    search_text: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}

    lines: Mapped[list["OrderLine"]] = relationship(
        back_populates="order", cascade="all, delete-orphan", order_by="OrderLine.id")
    payments: Mapped[list["Payment"]] = relationship(
        back_populates="order", cascade="all, delete-orphan", order_by="Payment.id")
    shipments: Mapped[list["Shipment"]] = relationship(
        back_populates="order", cascade="all, delete-orphan", order_by="Shipment.id")
    events: Mapped[list["OrderEvent"]] = relationship(
        back_populates="order", cascade="all, delete-orphan", order_by="OrderEvent.id")

    # -- identity -----------------------------------------------------------------------------
    @property
    def subject(self) -> str:
        return f"Order #{self.number}"

    # -- timeline -----------------------------------------------------------------------------
    def record(self, kind: str, message: str, *, by: int | None, **data) -> "OrderEvent":
        event = OrderEvent(kind=kind, message=message, user_id=by, data=data, at=utcnow())
        self.events.append(event)
        self.updated_at = event.at
        return event

    # -- state machine ------------------------------------------------------------------------
    def apply(self, action: str, *, by: int | None, message: str = "", **data) -> None:
        new = ORDER_MACHINE.next(self.status, action, subject=self.subject)
        old, self.status = self.status, new
        text = message or f"{action.replace('_', ' ').capitalize()}"
        self.record("status", text, by=by, old=old, new=new, action=action, **data)

    def can(self, action: str) -> bool:
        if action == "release":
            return self.status == OrderStatus.ON_HOLD
        return ORDER_MACHINE.can(self.status, action)

    def confirm(self, *, by: int | None, override_reason: str | None = None) -> str | None:
        """Confirming an order that is not paid ships goods on credit: legitimate for cash on
        delivery or B2B terms, so it takes a reason, kept on the timeline. Returns the reason
        when one was needed."""
        ORDER_MACHINE.next(self.status, "confirm", subject=self.subject)  # the state's refusal first
        unpaid = self.payment_status in (PaymentStatus.PENDING, PaymentStatus.FAILED) and self.total
        if not unpaid:
            self.apply("confirm", by=by, message="Confirmed")
            return None
        reason = (override_reason or "").strip()
        if not reason:
            raise ValidationError(
                f"{self.subject}: the payment is {self.payment_status}. Confirm it only with a "
                "reason, such as cash on delivery or B2B payment terms.")
        self.apply("confirm", by=by, message=f"Confirmed with payment {self.payment_status}: "
                   f"{reason}", override_reason=reason, payment_status=self.payment_status)
        return reason

    def ensure_address_editable(self) -> None:
        ORDER_MACHINE.next(self.status, "edit_address", subject=self.subject)

    def hold(self, reason: str, *, by: int | None) -> None:
        reason = _required(reason, "a reason for the hold")
        before = self.status
        self.apply("hold", by=by, message=f"Put on hold: {reason}", reason=reason)
        self.status_before_hold, self.hold_reason = before, reason

    def release(self, *, by: int | None) -> None:
        if self.status != OrderStatus.ON_HOLD:
            from ordermgr.errors import InvalidTransition
            raise InvalidTransition(f"{self.subject} is not on hold.")
        target = self.status_before_hold or OrderStatus.AWAITING_FULFILMENT
        self.apply(f"release_to_{target}", by=by, message="Released from hold")
        self.status_before_hold = self.hold_reason = None

    def cancel(self, reason: str, *, by: int | None) -> None:
        reason = _required(reason, "a reason for the cancellation")
        self.apply("cancel", by=by, message=f"Cancelled: {reason}", reason=reason)
        self.hold_reason = None

    def ensure_editable(self) -> None:
        ORDER_MACHINE.next(self.status, "edit", subject=self.subject)

    @property
    def is_open(self) -> bool:
        return self.status in ORDER_OPEN_STATES

    # -- money --------------------------------------------------------------------------------
    def recompute_totals(self) -> None:
        self.subtotal = sum((line.total for line in self.lines), ZERO)
        self.item_count = sum(line.quantity for line in self.lines)
        total = self.breakdown_total()
        if total < 0:
            raise ValidationError(f"{self.subject}: the discount is larger than the order value.")
        for what, amount in (("total", total), ("discount", self.discount)):
            check_amount(amount, self.currency, what=f"{self.subject} {what}")
        self.total = total

    def breakdown_total(self) -> Decimal:
        """What the breakdown adds up to: subtotal + shipping + tax - discount, where the tax is
        not added again if the prices include it ("incl. tax")."""
        added_tax = ZERO if self.prices_include_tax else (self.tax or ZERO)
        return self.subtotal + self.shipping + added_tax - self.discount

    @property
    def amount_paid(self) -> Decimal:
        return sum((p.amount for p in self.payments
                    if p.kind == "charge" and p.status in PAID_CHARGE_STATES), ZERO)

    @property
    def amount_refunded(self) -> Decimal:
        return sum((p.amount for p in self.payments
                    if p.kind == "refund" and p.status == PaymentStatus.PAID), ZERO)

    @property
    def balance(self) -> Decimal:
        """What the customer still owes (negative: paid more than the order came to). Refunds do
        not change it: the total is gross, the money paid back was paid first."""
        return self.total - self.amount_paid

    def refresh_payment_status(self) -> None:
        paid, refunded = self.amount_paid, self.amount_refunded
        if paid and refunded >= paid:
            status = PaymentStatus.REFUNDED
        elif refunded:
            status = PaymentStatus.PARTIALLY_REFUNDED
        elif paid >= self.total and (paid or not self.total):
            status = PaymentStatus.PAID
        elif any(p.kind == "charge" and p.status == PaymentStatus.AUTHORIZED for p in self.payments):
            status = PaymentStatus.AUTHORIZED
        elif self.payments and all(p.status == PaymentStatus.FAILED for p in self.payments):
            status = PaymentStatus.FAILED
        else:
            status = PaymentStatus.PENDING
        self.payment_status = status

    def refresh_fulfilment_status(self) -> None:
        shipped = sum(line.quantity_shipped for line in self.lines)
        wanted = sum(line.quantity for line in self.lines)
        if shipped == 0:
            self.fulfilment_status = FulfilmentStatus.UNFULFILLED
        elif shipped < wanted:
            self.fulfilment_status = FulfilmentStatus.PARTIALLY_FULFILLED
        else:
            self.fulfilment_status = FulfilmentStatus.FULFILLED

    # -- tags and search ----------------------------------------------------------------------
    @property
    def tag_list(self) -> list[str]:
        return [t for t in self.tags.split(",") if t]

    def set_tags(self, tags: list[str]) -> None:
        clean = sorted({t.strip().lower() for t in tags if t and t.strip()})
        for tag in clean:
            if "," in tag or len(tag) > 40:
                raise ValidationError(f"Tag {tag!r} is not valid: no commas, at most 40 characters.")
        self.tags = f",{','.join(clean)}," if clean else ""

    def refresh_search_text(self) -> None:
        self.search_text = build_search_text(
            self.number, self.customer_name, self.email, self.phone, self.ship_name,
            self.ship_phone, *(line.sku for line in self.lines),
            *(s.waybill for s in self.shipments if s.waybill))


def build_search_text(*parts: str | None) -> str:
    """One lower-cased string per order; digits-only phone variants make '138 0013' find '13800138000'."""
    words = []
    for part in parts:
        if not part:
            continue
        words.append(part.lower())
        digits = "".join(ch for ch in part if ch.isdigit())
        if digits and digits != part and len(digits) >= 5:
            words.append(digits)
    return " ".join(words)


def _required(text: str, what: str) -> str:
    text = (text or "").strip()
    if not text:
        raise ValidationError(f"Please give {what}.")
    return text


class OrderLine(Base):
    __tablename__ = "order_lines"
    __table_args__ = (
        CheckConstraint("quantity > 0", name="quantity_positive"),
        CheckConstraint("quantity_shipped >= 0 AND quantity_shipped <= quantity",
                        name="shipped_within_quantity"),
        Index("ix_order_lines_sku", "sku"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    sku_id: Mapped[int | None] = mapped_column(ForeignKey("skus.id"))
    sku: Mapped[str] = mapped_column(String(64), default="")
    name: Mapped[str] = mapped_column(String(200))
    quantity: Mapped[int] = mapped_column(Integer)
    unit_price: Mapped[Decimal] = mapped_column(Amount)
    discount: Mapped[Decimal] = mapped_column(Amount, default=ZERO)
    total: Mapped[Decimal] = mapped_column(Amount)
    quantity_reserved: Mapped[int] = mapped_column(Integer, default=0)
    quantity_shipped: Mapped[int] = mapped_column(Integer, default=0)
    quantity_returned: Mapped[int] = mapped_column(Integer, default=0)
    external_id: Mapped[str | None] = mapped_column(String(64))
    order: Mapped[Order] = relationship(back_populates="lines")
    allocations: Mapped[list["LineAllocation"]] = relationship(
        back_populates="line", cascade="all, delete-orphan")

    def price(self) -> None:
        if not isinstance(self.quantity, int) or isinstance(self.quantity, bool):
            raise ValidationError(f"Line {self.sku or self.name}: the quantity {self.quantity!r} "
                                  "is not a whole number.")
        if self.quantity <= 0:
            raise ValidationError(f"Line {self.sku or self.name}: the quantity must be at least 1.")
        if self.quantity > MAX_QUANTITY:
            raise ValidationError(f"Line {self.sku or self.name}: the quantity {self.quantity:,} is "
                                  f"more than the limit of {MAX_QUANTITY:,}; check for a typo.")
        if self.unit_price < 0:
            raise ValidationError(f"Line {self.sku or self.name}: the price can't be negative.")
        self.total = self.unit_price * self.quantity - (self.discount or ZERO)
        if self.total < 0:
            raise ValidationError(f"Line {self.sku or self.name}: the discount exceeds the line value.")


class LineAllocation(Base):
    """Which warehouse reserved how many units of a line."""

    __tablename__ = "line_allocations"
    __table_args__ = (UniqueConstraint("order_line_id", "warehouse_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    order_line_id: Mapped[int] = mapped_column(ForeignKey("order_lines.id", ondelete="CASCADE"))
    warehouse_id: Mapped[int] = mapped_column(ForeignKey("warehouses.id"))
    quantity: Mapped[int] = mapped_column(Integer)
    line: Mapped[OrderLine] = relationship(back_populates="allocations")


class Payment(Base):
    """A charge or a refund against an order."""

    __tablename__ = "payments"
    __table_args__ = (Index("ix_payments_order", "order_id"),
                      CheckConstraint("amount >= 0", name="amount_not_negative"))
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(12), default="charge")  # charge | refund
    method: Mapped[str] = mapped_column(String(40))  # card, alipay, wechat_pay, bank_transfer, cod...
    amount: Mapped[Decimal] = mapped_column(Amount)
    currency: Mapped[str] = mapped_column(String(3))
    status: Mapped[str] = mapped_column(String(24), default=PaymentStatus.PENDING)
    reference: Mapped[str] = mapped_column(String(120), default="")
    gateway: Mapped[str] = mapped_column(String(40), default="")
    external_id: Mapped[str | None] = mapped_column(String(64))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("payments.id"))  # refund -> charge
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    order: Mapped[Order] = relationship(back_populates="payments")

    def apply(self, action: str) -> None:
        self.status = PAYMENT_MACHINE.next(self.status, action, subject=f"Payment {self.reference or self.id}")


class Shipment(Base):
    __tablename__ = "shipments"
    __table_args__ = (UniqueConstraint("carrier", "waybill"), Index("ix_shipments_order", "order_id"),
                      Index("ix_shipments_waybill", "waybill"))
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"))
    warehouse_id: Mapped[int | None] = mapped_column(ForeignKey("warehouses.id"))
    carrier: Mapped[str] = mapped_column(String(40), default="")
    waybill: Mapped[str | None] = mapped_column(String(64))
    tracking_url: Mapped[str] = mapped_column(String(300), default="")
    status: Mapped[str] = mapped_column(String(24), default=ShipmentStatus.LABEL_CREATED)
    weight_grams: Mapped[int] = mapped_column(Integer, default=0)
    cost: Mapped[Decimal | None] = mapped_column(Amount)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    packed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    shipped_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    delivered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    external_id: Mapped[str | None] = mapped_column(String(64))
    order: Mapped[Order] = relationship(back_populates="shipments")
    lines: Mapped[list["ShipmentLine"]] = relationship(cascade="all, delete-orphan")
    events: Mapped[list["TrackingEvent"]] = relationship(
        cascade="all, delete-orphan", order_by="TrackingEvent.at")

    def apply(self, action: str) -> None:
        self.status = SHIPMENT_MACHINE.next(self.status, action,
                                            subject=f"Shipment {self.waybill or self.id}")


class ShipmentLine(Base):
    __tablename__ = "shipment_lines"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    shipment_id: Mapped[int] = mapped_column(ForeignKey("shipments.id", ondelete="CASCADE"), index=True)
    order_line_id: Mapped[int] = mapped_column(ForeignKey("order_lines.id"))
    quantity: Mapped[int] = mapped_column(Integer)


class TrackingEvent(Base):
    __tablename__ = "tracking_events"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    shipment_id: Mapped[int] = mapped_column(ForeignKey("shipments.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    status: Mapped[str] = mapped_column(String(24))
    location: Mapped[str] = mapped_column(String(120), default="")
    description: Mapped[str] = mapped_column(String(300), default="")
    source: Mapped[str] = mapped_column(String(24), default="manual")


class OrderEvent(Base):
    """The order's timeline: every status change, note, edit and sync event, with who and when."""

    __tablename__ = "order_events"
    __table_args__ = (Index("ix_order_events_order", "order_id", "id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"))
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    kind: Mapped[str] = mapped_column(String(24))  # status, note, edit, payment, shipment, sync
    message: Mapped[str] = mapped_column(Text)
    data: Mapped[dict] = mapped_column(JSON, default=dict)
    order: Mapped[Order] = relationship(back_populates="events")
