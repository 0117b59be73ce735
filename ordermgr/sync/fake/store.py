"""The demo store's state: generated orders that keep arriving and changing, the catalogue and
stock per location, and the faults a test asks for. Platform-neutral; the per-platform modules
render it in each API's shape."""

from __future__ import annotations

import bisect
import random
import threading
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from decimal import ROUND_HALF_UP, Decimal

from ordermgr.models.money import CURRENCY_DECIMALS

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高"
GIVEN = ["伟", "芳", "娜", "敏", "静", "强", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛", "明", "超",
         "小明", "晓东", "海燕", "建华"]
CITIES = [("上海市", "CN10", "浦东新区张江路 665 号", "201203"), ("杭州市", "CN12", "西湖区文三路 398 号", "310013"),
          ("深圳市", "CN20", "南山区科技园科苑路 15 号", "518057"), ("成都市", "CN24", "武侯区天府大道 1700 号", "610041"),
          ("北京市", "CN2", "朝阳区建国路 88 号", "100022"), ("南京市", "CN11", "鼓楼区中山路 321 号", "210008")]
CATALOG = [("DEMO-TEA-LJ-250", "西湖龙井 250g", "88.00"), ("DEMO-MUG-QH-350", "青花瓷马克杯", "68.00"),
           ("DEMO-TEE-WHT-L", "纯棉T恤 - 白色, L", "129.00"), ("DEMO-SCARF-GRN", "真丝围巾 - 墨绿", "299.00"),
           ("DEMO-CANDLE-LAV", "香薰蜡烛", "40.00"), ("DEMO-BASKET-L", "竹编收纳篮 - 大号", "128.00"),
           ("DEMO-PILLOW-SX", "蜀绣抱枕", "168.00"), ("DEMO-SOAP-3", "手工皂礼盒（3 块装）", "99.00")]
# with `variety`: names in the customers' own conventions, and the countries they live in
PEOPLE = [("Jürgen", "Müller", "DE", "Berlin", "BE", "Friedrichstraße 43", "10117"),
          ("Seán", "O'Brien", "IE", "Dublin", "D", "12 Grafton Street", "D02 XY45"),
          ("Zoë", "Dupont-Aignan", "FR", "Lyon", "", "8 rue de la République", "69002"),
          ("José", "García Núñez", "ES", "Sevilla", "SE", "Calle Sierpes 21", "41004"),
          ("太郎", "山田", "JP", "渋谷区", "JP13", "神南 1-2-3", "150-0041"),
          ("민준", "김", "KR", "서울", "", "강남대로 396", "06232"),
          ("伟", "张", "CN", "上海市", "CN10", "浦东新区张江路 665 号", "201203")]
COUPONS = ["0", "0", "0", "5", "10", "12.5"]  # order-level discounts, in the store currency's units
PRESENTMENT = {"CNY": ("USD", Decimal("0.1387")), "JPY": ("USD", Decimal("0.00667")),
               "EUR": ("GBP", Decimal("0.8571")), "USD": ("CAD", Decimal("1.3647")),
               "KWD": ("USD", Decimal("3.2532"))}
ZERO_DECIMAL_CURRENCIES = {"JPY", "KRW", "VND"}
THREE_DECIMAL_CURRENCIES = {code for code, places in CURRENCY_DECIMALS.items() if places == 3}
WHOLE, CENTS, MILLS, NONE = Decimal("1"), Decimal("0.01"), Decimal("0.001"), Decimal("0.00")
# catalogue prices (in yuan) times this: yen prices, or dinar prices with three decimals (10.824)
PRICE_SCALE = {**dict.fromkeys(ZERO_DECIMAL_CURRENCIES, Decimal(20)),
               **dict.fromkeys(THREE_DECIMAL_CURRENCIES, Decimal("0.123"))}
CARRIERS = [("SF Express", "https://www.sf-express.com/chn/sc/waybill/waybill-detail/{}"),
            ("ZTO Express", "https://www.zto.com/?num={}")]
LOCATIONS = [("1001", "杭州仓"), ("1002", "上海仓")]


@dataclass
class Line:
    id: int
    sku: str
    name: str
    quantity: int
    price: Decimal  # per unit, as the shop prices it (tax included where the shop says so)
    shipped: int = 0
    deleted: bool = False  # the product was deleted from the catalogue since the order
    discount: Decimal = Decimal("0")  # this line's share of the order's coupon

    @property
    def net(self) -> Decimal:
        return self.price * self.quantity - self.discount


@dataclass
class Fulfilment:
    id: int
    carrier: str
    number: str
    url: str
    lines: dict[int, int]
    metadata: dict = field(default_factory=dict)
    shipped: bool = True
    created: datetime | None = None


@dataclass
class Refund:
    id: int
    amount: Decimal
    note: str
    created: datetime


@dataclass
class Note:
    id: int
    text: str
    customer_note: bool
    created: datetime


@dataclass
class DemoOrder:
    seq: int
    number: int
    created: datetime
    updated: datetime
    currency: str
    email: str
    first_name: str
    last_name: str
    phone: str
    city: str
    state: str
    street: str
    postcode: str
    lines: list[Line]
    shipping: Decimal
    paid: bool = False
    captured: bool = False  # Medusa: captured without bumping updated_at
    cancelled: bool = False
    on_hold: bool = False
    status_override: str | None = None  # force a raw platform status (tests)
    refunds: list[Refund] = field(default_factory=list)
    fulfilments: list[Fulfilment] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    broken: str | None = None  # "no_currency", "bad_currency", "missing_fields"
    country: str = "CN"
    tax_rate: Decimal = Decimal("0")
    tax_included: bool = False  # prices and shipping include the tax (VAT shops)
    presentment: tuple[str, Decimal] | None = None  # the buyer's currency and rate (Shopify)
    delivered: bool = False  # every parcel has arrived (carrier events on the storefront)

    @property
    def places(self) -> Decimal:
        if self.currency in THREE_DECIMAL_CURRENCIES:
            return MILLS
        return WHOLE if self.currency in ZERO_DECIMAL_CURRENCIES else CENTS

    def round(self, value: Decimal) -> Decimal:
        return value.quantize(self.places, rounding=ROUND_HALF_UP)

    @property
    def goods(self) -> Decimal:
        return sum((line.price * line.quantity for line in self.lines), Decimal("0.00"))

    @property
    def discount(self) -> Decimal:
        return sum((line.discount for line in self.lines), NONE)

    def tax_of(self, amount: Decimal) -> Decimal:
        """The tax in (inclusive) or on (exclusive) an amount, rounded per line as shops do."""
        rate = self.tax_rate
        return self.round(amount * rate / (1 + rate) if self.tax_included else amount * rate)

    @property
    def tax(self) -> Decimal:
        if not self.tax_rate:
            return NONE
        return sum((self.tax_of(line.net) for line in self.lines), NONE) + self.tax_of(self.shipping)

    @property
    def total(self) -> Decimal:
        """What the order came to at checkout (before refunds)."""
        total = self.goods - self.discount + self.shipping
        return total if self.tax_included or not self.tax_rate else total + self.tax

    @property
    def refunded(self) -> Decimal:
        return sum((r.amount for r in self.refunds), Decimal("0.00"))

    @property
    def shipped_all(self) -> bool:
        return all(line.shipped >= line.quantity for line in self.lines)

    @property
    def shipped_any(self) -> bool:
        return any(line.shipped for line in self.lines)


@dataclass
class Fault:
    kind: str  # 429, throttled, 500, timeout, drop, malformed, html, revoke; and after the
    # request's effect (server.AFTER_EFFECT): late, drop_after, 500_after, slow
    remaining: int = 1
    path: str = ""  # only requests whose path contains this
    method: str = ""
    seconds: float = 0.05  # Retry-After / sleep for "timeout", "late", "slow"
    body: str = ""  # only requests whose body contains this (a GraphQL mutation's name)


class DemoStore:
    """Thread-safe state shared by the HTTP handler and the "keep changing" ticker."""

    def __init__(self, *, platform: str, orders: int = 50, seed: int = 1, currency: str = "CNY",
                 credential: str | None = None, start: datetime | None = None,
                 variety: bool = False, tax: str = "none", tax_rate: Decimal = Decimal("0.13")):
        """`variety`: generated orders look like a real shop's (Shopify and WooCommerce): names
        from several countries and scripts, order-level coupons split over the lines, refunds
        in part and in full, deleted products, parcels delivered, and on Shopify orders paid in
        another (presentment) currency. `tax`: "none", "exclusive" (added at checkout) or
        "inclusive" (VAT shops: prices include it), at `tax_rate`."""
        self.platform = platform
        self.lock = threading.RLock()
        self.rng = random.Random(seed)
        # a separate stream, so a seed gives the same orders with or without variety
        self.variety = random.Random(seed * 7919 + 1) if variety else None
        self.tax = tax
        self.tax_rate = tax_rate if tax != "none" else Decimal("0")
        self.currency = currency
        self.credential = credential or {"shopify": "shpat_demo", "woocommerce": "ck_demo:cs_demo",
                                         "medusa": "sk_demo"}[platform]
        self.orders: dict[int, DemoOrder] = {}
        self._by_updated: list[tuple[datetime, int]] = []
        self._clock = start or (datetime.now(timezone.utc) - timedelta(days=30))
        self._ids = 1000
        self.faults: list[Fault] = []
        self.requests: list[tuple[str, str]] = []  # (method, path) log for tests
        self.operations: list[str] = []  # GraphQL operation names (Shopify), for tests
        self.after_request = None  # callable(method, path) for "changes during the walk" tests
        self.version = 0  # bumped on every change (cache key for listings)
        self.stock = {(sku, loc): 50 for sku, _, _ in CATALOG for loc, _ in LOCATIONS}
        # plugins the demo store pretends to have; WooCommerce: "shipment-tracking"
        self.extensions: set[str] = set()
        self.render_cache: dict = {}  # (platform key, seq) -> (state mark, JSON bytes)
        for _ in range(orders):
            self.new_order()
        self._clock = max(self._clock, datetime.now(timezone.utc) - timedelta(seconds=1))

    # -- time and ids ----------------------------------------------------------------------------
    def tick_clock(self) -> datetime:
        """A strictly increasing clock (1 ms steps at least), close to real time once caught up."""
        now = datetime.now(timezone.utc)
        now = now.replace(microsecond=now.microsecond // 1000 * 1000)
        self._clock = max(now, self._clock + timedelta(milliseconds=1))
        return self._clock

    def next_id(self) -> int:
        self._ids += 1
        return self._ids

    # -- orders ----------------------------------------------------------------------------------
    def new_order(self, **overrides) -> DemoOrder:
        with self.lock:
            rng = self.rng
            seq = len(self.orders) + 1
            when = self.tick_clock()
            city, state, street, postcode = rng.choice(CITIES)
            lines = []
            scale = PRICE_SCALE.get(self.currency, Decimal(1))
            places = MILLS if self.currency in THREE_DECIMAL_CURRENCIES else CENTS
            for sku, name, price in rng.sample(CATALOG, rng.randint(1, 3)):
                if rng.random() < 0.04:
                    sku = ""  # a custom line without SKU
                lines.append(Line(self.next_id(), sku, name, rng.randint(1, 3),
                                  (Decimal(price) * scale).quantize(places)))
            order = DemoOrder(
                seq=seq, number=1000 + seq, created=when, updated=when, currency=self.currency,
                email=f"buyer{rng.randint(1, max(10, seq // 3))}@example.cn",
                first_name=rng.choice(GIVEN), last_name=rng.choice(SURNAMES),
                phone=f"13{rng.randint(100000000, 999999999)}", city=city, state=state,
                street=street, postcode=postcode, lines=lines,
                shipping=(Decimal(rng.choice(["0.00", "10.00", "15.00"])) * scale).quantize(places),
                paid=rng.random() < 0.8, tax_rate=self.tax_rate, tax_included=self.tax == "inclusive")
            for key, value in overrides.items():
                setattr(order, key, value)
            order.captured = order.paid
            roll = rng.random() if not overrides else 0.5  # explicit orders stay as asked
            if self.variety is not None and not overrides:
                self._vary(order)
            if order.paid and roll < 0.1:
                self._fulfil(order, list(order.lines))
                order.delivered = self.variety is not None and self.variety.random() < 0.5
            elif roll > 0.97:
                order.cancelled = True
            if self.variety is not None and not overrides and order.paid and not order.cancelled:
                self._maybe_refund(order, when)
            self.orders[seq] = order
            bisect.insort(self._by_updated, (order.updated, seq))  # a test may date it anywhere
            self.version += 1
            return order

    def _vary(self, order: DemoOrder) -> None:
        """What real shops' orders carry beyond the plain demo (see `__init__`)."""
        v = self.variety
        if v.random() < 0.5:
            given, family, country, city, state, street, postcode = v.choice(PEOPLE)
            order.first_name, order.last_name, order.country = given, family, country
            order.city, order.state, order.street, order.postcode = city, state, street, postcode
        coupon = Decimal(v.choice(COUPONS)) * (Decimal(20) if order.places == 1 else 1)
        goods = order.goods
        if coupon and goods > coupon:  # split over the lines by value, in minor units
            left = coupon
            for line in order.lines[:-1]:
                line.discount = order.round(coupon * line.price * line.quantity / goods)
                left -= line.discount
            order.lines[-1].discount = left
        for line in order.lines:
            if v.random() < 0.05:
                line.deleted = True
        if self.platform == "shopify" and v.random() < 0.2:
            order.presentment = PRESENTMENT.get(order.currency)

    def _maybe_refund(self, order: DemoOrder, when: datetime) -> None:
        roll = self.variety.random()
        if roll < 0.05:
            order.refunds.append(Refund(self.next_id(), order.total, "全额退款", when))
        elif roll < 0.12:
            part = order.round(order.total * Decimal("0.3")) or order.places
            order.refunds.append(Refund(self.next_id(), part, "部分退款", when))

    def touch(self, order: DemoOrder) -> None:
        """Record a change: updated_at moves to now (the order moves to the end of the list)."""
        with self.lock:
            key = (order.updated, order.seq)
            i = bisect.bisect_left(self._by_updated, key)
            if i < len(self._by_updated) and self._by_updated[i] == key:
                del self._by_updated[i]
            order.updated = self.tick_clock()
            bisect.insort(self._by_updated, (order.updated, order.seq))
            self.version += 1

    def change(self, order: DemoOrder, **attrs) -> None:
        with self.lock:
            for key, value in attrs.items():
                setattr(order, key, value)
            self.touch(order)

    def updated_since(self, since: datetime | None, after: tuple[datetime, int] | None = None
                      ) -> list[DemoOrder]:
        """Orders with updated >= since (and after the (updated, seq) key), oldest change first."""
        with self.lock:
            start = 0
            if since is not None:
                start = bisect.bisect_left(self._by_updated, (since, -1))
            if after is not None:
                start = max(start, bisect.bisect_right(self._by_updated, after))
            return [self.orders[seq] for _, seq in self._by_updated[start:]]

    def iter_updated(self, since, after=None, limit: int = 100):
        with self.lock:
            start = 0
            if since is not None:
                start = bisect.bisect_left(self._by_updated, (since, -1))
            if after is not None:
                start = max(start, bisect.bisect_right(self._by_updated, after))
            keys = self._by_updated[start:start + limit + 1]
            return [self.orders[seq] for _, seq in keys]

    def find(self, seq: int) -> DemoOrder | None:
        return self.orders.get(seq)

    # -- what staff or customers do on the storefront --------------------------------------------------
    def _fulfil(self, order: DemoOrder, lines: list[Line], *, carrier=None, number=None, url=None,
                metadata=None, shipped=True) -> Fulfilment:
        name, pattern = carrier or self.rng.choice(CARRIERS)
        number = number or f"SF{self.rng.randint(10**11, 10**12 - 1)}"
        ful = Fulfilment(self.next_id(), name if isinstance(name, str) else name, number,
                         url if url is not None else pattern.format(number),
                         {line.id: line.quantity - line.shipped for line in lines
                          if line.quantity > line.shipped}, metadata or {}, shipped, self._clock)
        for line in lines:
            line.shipped = line.quantity
        order.fulfilments.append(ful)
        return ful

    def fulfil(self, order: DemoOrder, lines: dict[int, int] | None = None, *, carrier: str,
               number: str, url: str = "", metadata=None, shipped: bool = True) -> Fulfilment:
        with self.lock:
            quantities = lines or {line.id: line.quantity - line.shipped for line in order.lines}
            ful = Fulfilment(self.next_id(), carrier, number, url, {}, metadata or {}, shipped,
                             self._clock)
            for line in order.lines:
                qty = min(quantities.get(line.id, 0), line.quantity - line.shipped)
                if qty > 0:
                    line.shipped += qty
                    ful.lines[line.id] = qty
            if not ful.lines:
                raise ValueError("nothing left to fulfil")
            order.fulfilments.append(ful)
            self.touch(order)
            return ful

    def refund(self, order: DemoOrder, amount: Decimal, note: str) -> Refund:
        with self.lock:
            if amount > order.total - order.refunded:
                raise ValueError("refund exceeds the amount paid")
            refund = Refund(self.next_id(), amount, note, self.tick_clock())
            order.refunds.append(refund)
            self.touch(order)
            return refund

    def tick(self, *, new: int = 1, changes: int = 2) -> None:
        """Keep the demo alive: new orders arrive, existing ones get paid, cancelled, shipped."""
        with self.lock:
            for _ in range(new):
                self.new_order()
            candidates = [o for o in list(self.orders.values())[-200:] if not o.cancelled]
            for order in self.rng.sample(candidates, min(changes, len(candidates))):
                roll = self.rng.random()
                if not order.paid:
                    order.paid = order.captured = True
                    self.touch(order)
                elif roll < 0.3 and not order.shipped_any:
                    self.change(order, street=order.street + "（改）")
                elif roll < 0.4 and not order.shipped_any:
                    self.change(order, cancelled=True)
                elif roll < 0.6 and not order.shipped_all:
                    carrier, pattern = self.rng.choice(CARRIERS)
                    number = f"SF{self.rng.randint(10**11, 10**12 - 1)}"
                    self.fulfil(order, carrier=carrier, number=number, url=pattern.format(number))
                elif order.shipped_all and not order.delivered and self.variety is not None:
                    self.change(order, delivered=True)  # the carrier delivered the parcels

    # -- faults ------------------------------------------------------------------------------------
    def inject(self, kind: str, *, times: int = 1, path: str = "", method: str = "",
               seconds: float = 0.05, body: str = "") -> None:
        with self.lock:
            self.faults.append(Fault(kind, times, path, method, seconds, body))

    def take_fault(self, method: str, path: str, body: bytes = b"") -> Fault | None:
        with self.lock:
            for fault in self.faults:
                if fault.remaining > 0 and fault.path in path and (not fault.method or fault.method == method) \
                        and fault.body.encode() in body:
                    fault.remaining -= 1
                    if fault.kind == "revoke":
                        self.credential = "revoked"
                        return None
                    return fault
            return None
