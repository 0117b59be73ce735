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


# -- the neutral shape ----------------------------------------------------------------------------

@dataclass
class RemoteAddress:
    name: str = ""
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
    cancelled: bool = False
    platform_status: str = ""  # the raw status(es), kept for audit and re-mapping
    flags: list[str] = field(default_factory=list)  # authorised, payment_failed, unknown_status...
    customer_name: str = ""
    email: str = ""
    phone: str = ""
    customer_ref: str = ""
    address: RemoteAddress | None = None
    lines: list[RemoteLine] = field(default_factory=list)
    payments: list[RemotePayment] = field(default_factory=list)
    fulfilments: list[RemoteFulfilment] = field(default_factory=list)
    subtotal: Decimal | None = None
    shipping: Decimal = ZERO
    tax: Decimal = ZERO
    discount: Decimal = ZERO
    total: Decimal = ZERO
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
    """'王小明' for Chinese (family name first, no space), 'Ada Lovelace' for Latin names."""
    first, last = (first or "").strip(), (last or "").strip()
    if not first or not last:
        return first or last
    if first.isascii() and last.isascii():
        return f"{first} {last}"
    return f"{last}{first}"


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


def money(value, *, what: str = "amount") -> Decimal:
    """A payload amount (string or JSON number) as an exact Decimal, never via float arithmetic."""
    if value is None or value == "":
        return ZERO
    if isinstance(value, float):
        value = repr(value)
    try:
        return Decimal(str(value))
    except Exception:  # noqa: BLE001
        raise ValueError(f"{what} {value!r} is not a number") from None


def iso(dt: datetime) -> str:
    return dt.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
