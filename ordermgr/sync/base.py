"""The connector interface and the neutral order shape every connector produces.

A connector turns one platform's API into: pages of `RemoteOrder` updated since a watermark
(oldest change first), and the four pushes (fulfilment with tracking, cancellation, refund,
stock level). Each push is idempotent: the connector checks on the storefront whether the
first attempt already landed before creating anything.
"""

from __future__ import annotations

import abc
import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from decimal import Decimal

from ordermgr import jsonutil
from ordermgr.errors import UserError
from ordermgr.models.limits import ABSOLUTE_MAX_AMOUNT
from ordermgr.models.money import round_minor
from ordermgr.models.names import display_name

ZERO = Decimal("0.00")


# -- errors ---------------------------------------------------------------------------------------

class StoreError(UserError):
    """Something went wrong talking to a storefront; the message names the store."""

    retryable = True


class StoreUnreachable(StoreError):
    """Wrong URL, DNS, refused connection, timeouts after all retries."""


class StoreAuthError(StoreError):
    """The storefront refused the credentials (401/403)."""

    retryable = False


class StoreBadResponse(StoreError):
    """HTML instead of JSON, malformed JSON, a payload missing what we need."""


class StoreRejected(StoreError):
    """The storefront understood and said no (422 / userErrors); retrying will not help."""

    retryable = False


class RateLimited(StoreError):
    """Still throttled after every retry."""


class OutcomeUnknown(StoreError):
    """A request that is not safe to repeat (a POST creating a refund, a fulfilment...) got no
    clear answer: a timeout, a dropped connection, a 5xx. It may have landed. It is never sent
    again before the storefront has been asked (`sync/landing.py`).

    `settled`: the server answered (5xx), so it is done with the request: what has not landed
    by now never will. Without an answer the request may still be running on the server."""

    def __init__(self, message: str, *, settled: bool):
        super().__init__(message)
        self.settled = settled


# -- the neutral shape ----------------------------------------------------------------------------

@dataclass
class RemoteAddress:
    name: str = ""  # the full name as shown (person_name(given, family) where the parts are known)
    given_name: str = ""
    family_name: str = ""
    phone: str = ""
    line1: str = ""
    line2: str = ""
    city: str = ""
    region: str = ""
    postcode: str = ""
    country: str = ""

    def as_order_fields(self) -> dict[str, str]:
        return {"ship_name": self.name, "ship_phone": self.phone, "ship_line1": self.line1,
                "ship_line2": self.line2, "ship_city": self.city, "ship_region": self.region,
                "ship_postcode": self.postcode, "ship_country": self.country}


@dataclass
class RemoteLine:
    external_id: str
    sku: str
    name: str
    quantity: int
    unit_price: Decimal
    discount: Decimal = ZERO
    quantity_shipped: int = 0


@dataclass
class RemotePayment:
    external_id: str
    kind: str  # charge | refund
    amount: Decimal
    status: str  # ours: pending, authorized, paid, failed, voided
    method: str = ""
    reference: str = ""


@dataclass
class RemoteFulfilment:
    external_id: str
    carrier: str = ""
    waybill: str = ""
    tracking_url: str = ""
    lines: dict[str, int] = field(default_factory=dict)  # line external id -> quantity
    # the outbox key ordermgr wrote into it (platforms with metadata): our own push, maybe
    # half made (no tracking yet), never someone else's shipment
    marker: str = ""
    # where the parcel is, in ordermgr's shipment vocabulary: in_transit, out_for_delivery,
    # delivered, exception (the connector's table maps the platform's values)
    status: str = "in_transit"
    delivered_at: datetime | None = None


@dataclass
class RemoteOrder:
    """One storefront order, mapped to our vocabulary; `raw` is the payload as received."""

    external_id: str
    number: str
    updated_at: datetime
    placed_at: datetime
    currency: str
    raw: dict
    payment: str  # neutral: pending, paid, partially_paid, refunded, partially_refunded, cancelled
    fulfilment: str  # neutral: unfulfilled, partially_fulfilled, fulfilled, on_hold
    cancelled: bool = False  # with payment "paid": cancelled after capture, the money still held
    delivered: bool = False  # fulfilled and every parcel has arrived
    completed: bool = False  # the platform closed the order as done (delivered and settled)
    platform_status: str = ""  # the raw status(es), kept for audit and re-mapping
    flags: list[str] = field(default_factory=list)  # authorised, payment_failed, unknown_status...
    customer_name: str = ""  # as shown: person_name(given, family)
    customer_given_name: str = ""
    customer_family_name: str = ""
    email: str = ""
    phone: str = ""
    customer_ref: str = ""
    address: RemoteAddress | None = None
    lines: list[RemoteLine] = field(default_factory=list)
    payments: list[RemotePayment] = field(default_factory=list)
    fulfilments: list[RemoteFulfilment] = field(default_factory=list)
    # Amounts, in the order currency (rounded by `money()`). The contract with the importer:
    # - `total` is GROSS of refunds: what the order came to at checkout, before any refund. A
    #   platform whose total is net of refunds (Medusa v2) either adds its refunds back or sets
    #   `total_is_net_of_refunds`, and the importer adds back the refunds listed in `payments`.
    # - lines (`unit_price`, `discount`) and `shipping` are on the same tax basis as the shop's
    #   prices: tax included when `prices_include_tax`, else without it; `tax` is the tax in
    #   the order either way (contained in the prices, or added to them).
    # - `discount` is the order's whole discount (line discounts included); ordermgr keeps what
    #   the lines do not carry as the order-level discount, so that
    #   subtotal + shipping + (tax unless included) - discount = total.
    subtotal: Decimal | None = None
    shipping: Decimal = ZERO
    tax: Decimal = ZERO
    discount: Decimal = ZERO
    total: Decimal = ZERO
    prices_include_tax: bool = False
    total_is_net_of_refunds: bool = False
    note: str = ""
    tags: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # found while parsing: quarantine reasons
    _digest: str | None = field(default=None, repr=False, compare=False)

    @property
    def digest(self) -> str:
        if self._digest is None:
            self._digest = payload_digest(self.raw)
        return self._digest

    def parse(self) -> "RemoteOrder":
        return self

    @property
    def refunded(self) -> Decimal:
        return sum((p.amount for p in self.payments if p.kind == "refund" and p.status == "paid"),
                   ZERO)

    @property
    def gross_total(self) -> Decimal:
        """The order's total before any refund, whichever way the platform reports it."""
        return self.total + self.refunded if self.total_is_net_of_refunds else self.total

    def round_amounts(self) -> "RemoteOrder":
        """Every amount exact to the order currency's minor unit (the connectors round as they
        parse; this is the importer's guarantee for any that did not). Idempotent."""
        def r(value):
            # anything that is not a sane amount is left for `validate` to name
            sane = isinstance(value, Decimal) and value.is_finite() and abs(value) <= ABSOLUTE_MAX_AMOUNT
            return round_minor(value, self.currency) if sane else value
        self.subtotal = r(self.subtotal)
        self.shipping, self.tax, self.discount, self.total = (
            r(self.shipping), r(self.tax), r(self.discount), r(self.total))
        for line in self.lines:
            line.unit_price, line.discount = r(line.unit_price), r(line.discount)
        for payment in self.payments:
            payment.amount = r(payment.amount)
        return self


class LazyOrder:
    """A raw order not parsed yet: its id, update time and digest are cheap, so an unchanged
    order (the common case when re-syncing) is never parsed at all."""

    __slots__ = ("raw", "parser", "external_id", "number", "updated_at", "_digest")

    def __init__(self, raw: dict, parser, external_id: str, number: str, updated_at: datetime):
        self.raw, self.parser = raw, parser
        self.external_id, self.number, self.updated_at = external_id, number, updated_at
        self._digest = None

    @property
    def digest(self) -> str:
        if self._digest is None:
            self._digest = payload_digest(self.raw)
        return self._digest

    def parse(self) -> RemoteOrder:
        order = self.parser(self.raw)
        order._digest = self._digest
        return order


def payload_digest(raw: dict) -> str:
    """Fingerprint of a payload as received. Keys keep the storefront's order (sorting costs
    twice as much); a storefront that reorders keys only causes a harmless re-apply."""
    return hashlib.sha256(jsonutil.dumps_bytes(raw)).hexdigest()


@dataclass
class OrderPage:
    orders: list  # RemoteOrder or LazyOrder
    # every order updated before this remote time has been delivered (None: don't advance yet)
    safe_watermark: datetime | None = None
    # raw orders that could not even be parsed: (external id, number, reason, raw)
    broken: list[tuple[str, str, str, dict]] = field(default_factory=list)
    # orders the storefront listed that we already hold as they are (not fetched in full)
    skipped: int = 0

    def add(self, raw: dict, parser, ident) -> None:
        """Queue `raw` for lazy parsing; `ident(raw)` -> (external id, number, updated at)."""
        try:
            ext, number, updated = ident(raw)
            if not ext or updated is None:
                raise ValueError("no id or update time")
            if not isinstance(ext, str):
                raise TypeError(f"the order id {ext!r} is not text")
        except (KeyError, TypeError, ValueError, AttributeError, IndexError) as exc:  # not an object
            self.broken.append((str(raw.get("id", "")) if isinstance(raw, dict) else "", "",
                                f"unreadable order: {exc}", raw))
            return
        self.orders.append(LazyOrder(raw, parser, ext, number, updated))

    def parsed(self) -> list[RemoteOrder]:
        return [o.parse() for o in self.orders]


# -- the interface ----------------------------------------------------------------------------------

CurrentCheck = Callable[[list[tuple[str, datetime]]], set[str]]


class Connector(abc.ABC):
    platform: str = ""
    #: orders whose payment/fulfilment can change without bumping updated_at need re-polling
    repoll_open_orders: bool = False
    #: every change bumps updated_at (so equal updated_at = unchanged, no payload hashing)
    trusts_updated_at: bool = False

    def __init__(self, *, name: str, base_url: str, credential: str, options: dict | None = None,
                 http=None):
        from ordermgr.sync.http import HttpClient
        self.name = name
        self.base_url = base_url.rstrip("/")
        self.credential = credential
        self.options = dict(options or {})
        self.http = http or HttpClient(store_name=name)

    # pull
    @abc.abstractmethod
    def iter_order_pages(self, since: datetime | None, *, page_size: int = 100,
                         current: CurrentCheck | None = None) -> Iterator[OrderPage]:
        """Pages of orders updated at or after `since` (None: all), oldest change first.

        `current`, offered where `trusts_updated_at`: tells which of [(external id, updated
        at)] are held exactly so; a connector may then list ids and times only and fetch
        just the others in full (counted in `OrderPage.skipped`)."""

    def fetch_orders(self, external_ids: list[str]) -> list[RemoteOrder]:
        """Re-read specific orders (used for re-polling); default: not supported."""
        return []

    def server_time(self) -> datetime | None:
        return self.http.last_server_time

    # push
    @abc.abstractmethod
    def push_fulfilment(self, payload: dict, *, key: str) -> str:
        """Create the fulfilment with tracking unless it already exists; return its remote id."""

    @abc.abstractmethod
    def cancel_order(self, payload: dict, *, key: str) -> str: ...

    @abc.abstractmethod
    def refund(self, payload: dict, *, key: str) -> str: ...

    @abc.abstractmethod
    def set_stock(self, payload: dict, *, key: str) -> str: ...

    @abc.abstractmethod
    def test_connection(self) -> str:
        """Raise StoreUnreachable / StoreAuthError / StoreBadResponse, else describe the shop."""

    def push(self, topic: str, payload: dict, *, key: str) -> str:
        handler = {"fulfilment": self.push_fulfilment, "cancellation": self.cancel_order,
                   "refund": self.refund, "stock": self.set_stock}.get(topic)
        if handler is None:
            raise StoreRejected(f"{self.name}: don't know how to push {topic!r} messages.")
        return handler(payload, key=key)

    def close(self) -> None:
        self.http.close()


# -- helpers shared by connectors ---------------------------------------------------------------------

def person_name(first: str | None, last: str | None) -> str:
    """The full name from a storefront's first (given) and last (family) name, in the person's
    convention: "Jürgen Müller", "张伟" (`models.names.display_name`)."""
    return display_name(first, last)


def key_tag(key: str) -> str:
    """Marker written into notes/metadata so a retry can recognise its own earlier attempt."""
    return f"[ordermgr:{key}]"


def parse_time(value, *, assume_utc: bool = True) -> datetime | None:
    if value in (None, ""):
        return None
    text = str(value).strip().replace(" ", "T")
    if text.endswith("Z"):
        text = text[:-1] + "+00:00"
    dt = datetime.fromisoformat(text)
    if dt.tzinfo is None:
        if not assume_utc:
            raise ValueError(f"time {value!r} has no offset")
        dt = dt.replace(tzinfo=timezone.utc)
    return dt.astimezone(timezone.utc)


def exact_amount(value, *, what: str = "amount") -> Decimal:
    """A payload amount (string or JSON number) as the exact Decimal it says, never via float
    arithmetic and not rounded (for sums that are rounded once, at the end); absent is 0."""
    if value is None or value == "":
        return Decimal(0)
    if isinstance(value, float):
        value = repr(value)
    try:
        amount = value if isinstance(value, Decimal) else Decimal(
            value if isinstance(value, str) else str(value))  # Decimal() ignores outer spaces
    except Exception:  # noqa: BLE001
        raise ValueError(f"{what} {value!r} is not a number") from None
    if not amount.is_finite():
        raise ValueError(f"{what} {value!r} is not a number")
    return amount


def money(value, currency: str | None, *, what: str = "amount") -> Decimal:
    """A payload amount in the order's currency, exact to its minor unit.

    Parsed from the text form (never through float arithmetic), then rounded by the one rule in
    `models.money.round_minor` (half up): storefronts that do not round (Medusa: 22.31858…,
    -6E-21) give the amount the customer saw, never a reason to quarantine the order."""
    if value is None or value == "":
        return ZERO
    return round_minor(exact_amount(value, what=what), currency)


def iso(dt: datetime) -> str:
    return dt.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
