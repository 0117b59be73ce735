"""WooCommerce REST API v3 (`/wp-json/wc/v3/`).

Pull: `GET /orders?modified_after=…&dates_are_gmt=true&orderby=date&order=asc&page=&per_page=`
with the page count from `X-WP-TotalPages`. Ordering by creation date keeps positions stable
while orders are modified during the walk (they stay in the result set at the same place), so
the watermark after a complete walk is the server's clock at the start of the walk (from the
`Date` header): anything modified after that is fetched again next time.
Push: order notes for tracking (checked before adding), status updates, refunds (checked by the
marker in the reason), product or variation stock.
Auth: consumer key and secret as HTTP Basic (credential "ck_…:cs_…").
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timezone

from ordermgr.models.money import round_minor
from ordermgr.sync.base import (ZERO, Connector, OrderPage, RemoteAddress, RemoteFulfilment,
                                RemoteLine, RemoteOrder, RemotePayment, StoreAuthError,
                                StoreBadResponse, StoreError, StoreRejected, iso, key_tag, money,
                                parse_time, person_name)
from ordermgr.sync.landing import send_once

# The state table: status -> (payment, fulfilment, where its parcels are, flags).
# The money facts come after it: refunds listed on the order make it partially refunded or
# refunded (WooCommerce keeps the status of a partly refunded order), and a `date_paid` makes a
# pending or cancelled order paid (cancelled after payment: the money is still held, a refund
# is owed). "completed" means the merchant shipped it (WooCommerce has no delivery in core);
# ordermgr's own "completed" comes after delivery.
ORDER_STATUS = {
    "pending": ("pending", "unfulfilled", "in_transit", []),
    "failed": ("pending", "unfulfilled", "in_transit", ["payment_failed"]),
    "on-hold": ("pending", "unfulfilled", "in_transit", ["payment_on_hold"]),
    "processing": ("paid", "unfulfilled", "in_transit", []),
    "completed": ("paid", "fulfilled", "in_transit", []),
    "cancelled": ("cancelled", "unfulfilled", "in_transit", []),
    "refunded": ("refunded", "unfulfilled", "in_transit", []),
    "trash": ("cancelled", "unfulfilled", "in_transit", []),
    # common plugin statuses (Advanced Shipment Tracking and friends)
    "shipped": ("paid", "fulfilled", "in_transit", []),
    "partial-shipped": ("paid", "partially_fulfilled", "in_transit", []),
    "delivered": ("paid", "fulfilled", "delivered", []),
}
UNKNOWN_STATUS = ("pending", "on_hold", "in_transit", ["unknown_status"])
SKIPPED_STATUSES = {"checkout-draft"}  # not a real order yet
# the Shipment Tracking extension (and Advanced Shipment Tracking, which mirrors its route): the
# customer sees the parcel in their account and e-mails; without it tracking goes in a note
TRACKING_NAMESPACE = "wc-shipment-tracking/v3"
CANCELLED_STATUSES = {"cancelled", "trash"}


class WooCommerceConnector(Connector):
    platform = "woocommerce"

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.api = f"{self.base_url}/wp-json/wc/v3"
        key, _, secret = self.credential.partition(":")
        self.auth = (key, secret)
        self._tracking_extension: bool | None = None

    def _get(self, path: str, params=None, what: str = ""):
        return self.http.request("GET", f"{self.api}{path}", params=params, auth=self.auth, what=what)

    def _send(self, method: str, path: str, body: dict, what: str):
        return self.http.request(method, f"{self.api}{path}", json=body, auth=self.auth, what=what)

    # -- pull -----------------------------------------------------------------------------------
    def iter_order_pages(self, since: datetime | None, *, page_size: int = 100,
                         current=None) -> Iterator[OrderPage]:  # updated_at is not trusted here
        per_page = max(1, min(page_size, 100))
        params = {"dates_are_gmt": "true", "orderby": "date", "order": "asc", "per_page": per_page}
        if since:
            params["modified_after"] = iso(since)[:-1]
        page_no, started = 1, None
        while True:
            reply = self._get("/orders", dict(params, page=page_no), what=f"listing orders page {page_no}")
            if started is None:
                started = self.http.last_server_time
            if not isinstance(reply.data, list):
                raise StoreBadResponse(f"{self.name}: the order list is not a JSON array.")
            page = OrderPage(orders=[])
            for raw in reply.data:
                if not isinstance(raw, dict) or raw.get("status") in SKIPPED_STATUSES:
                    continue
                page.add(raw, parse_order, _ident)
            try:
                total_pages = int(reply.headers.get("X-WP-TotalPages", "1") or 1)
            except ValueError:
                raise StoreBadResponse(f"{self.name}: X-WP-TotalPages is not a number.") from None
            last = page_no >= total_pages or not reply.data
            if last:
                page.safe_watermark = started
            yield page
            if last:
                return
            page_no += 1

    def fetch_orders(self, external_ids: list[str]) -> list[RemoteOrder]:
        out = []
        for start in range(0, len(external_ids), 100):
            ids = external_ids[start:start + 100]
            reply = self._get("/orders", {"include": ",".join(ids), "per_page": 100},
                              what="re-reading orders")
            page = OrderPage(orders=[])
            for raw in reply.data or []:
                if isinstance(raw, dict) and raw.get("status") not in SKIPPED_STATUSES:
                    page.add(raw, parse_order, _ident)
            out += page.orders
        return out

    # -- push -----------------------------------------------------------------------------------
    def push_fulfilment(self, payload: dict, *, key: str) -> str:
        oid = payload["order_external_id"]
        if self._has_tracking_extension():
            remote_id = self._push_tracking(oid, payload)
        else:
            remote_id = self._push_tracking_note(oid, payload)
        order = self._get(f"/orders/{oid}", what="reading the order").data or {}
        shipped = {str(line.get("external_id")): int(line.get("quantity", 0))
                   for line in payload.get("lines") or []}
        complete = payload.get("complete")
        if complete is None:
            complete = all(shipped.get(str(li.get("id")), 0) >= int(li.get("quantity", 0))
                           for li in order.get("line_items") or [])
        if complete and order.get("status") not in ("completed", "cancelled", "refunded"):
            self._send("PUT", f"/orders/{oid}", {"status": "completed"}, "marking the order completed")
        return remote_id

    def _has_tracking_extension(self) -> bool:
        """Asked once per connection; a site that hides its index behind a login counts as
        without (a network failure is raised: the push is retried later)."""
        if self._tracking_extension is None:
            try:
                self._tracking_extension = TRACKING_NAMESPACE in (self._namespaces() or [])
            except StoreBadResponse:
                self._tracking_extension = False
        return self._tracking_extension

    def _namespaces(self) -> list[str] | None:
        """The site's REST namespaces (WooCommerce, its extensions); None where the index
        needs a login."""
        try:
            index = self.http.request("GET", f"{self.base_url}/wp-json/", what="reading the site index")
        except StoreAuthError:
            return None
        return list(index.data.get("namespaces") or []) if isinstance(index.data, dict) else None

    def _push_tracking(self, oid, payload: dict) -> str:
        """One tracking entry per waybill, unless an earlier attempt already added it."""
        url = f"{self.base_url}/wp-json/{TRACKING_NAMESPACE}/orders/{oid}/shipment-trackings"

        def listed() -> dict:
            entries = self.http.request("GET", url, auth=self.auth, what="reading tracking numbers").data
            return {t.get("tracking_number"): t for t in entries or [] if isinstance(t, dict)}
        have = listed()
        ids = []
        shipped_on = (parse_time(payload.get("shipped_at")) or datetime.now(timezone.utc)).date()
        for waybill in payload.get("waybills") or [payload.get("waybill", "")]:
            entry = have.get(waybill)
            if entry is None:
                body = {"tracking_number": waybill,
                        "custom_tracking_provider": payload.get("carrier", ""),
                        "custom_tracking_link": payload.get("tracking_url", "")
                        if waybill == payload.get("waybill") else "",
                        "date_shipped": shipped_on.isoformat()}
                entry = send_once(
                    lambda: self.http.request("POST", url, auth=self.auth, json=body,
                                              what="adding a tracking number").data or {},
                    lambda: listed().get(waybill))
            ids.append(str(entry.get("tracking_id", "")))
        return ",".join(ids)

    def _push_tracking_note(self, oid, payload: dict) -> str:
        waybill = payload.get("waybill", "")

        def our_note() -> dict | None:
            notes = self._get(f"/orders/{oid}/notes", what="reading order notes").data or []
            return next((n for n in notes if waybill and waybill in (n.get("note") or "")), None)
        existing = our_note()
        if existing is None:
            numbers = ", ".join(payload.get("waybills") or [waybill])
            text = f"Shipped with {payload.get('carrier', '')}, waybill {numbers}."
            if payload.get("tracking_url"):
                text += f" Track: {payload['tracking_url']}"
            existing = send_once(lambda: self._send("POST", f"/orders/{oid}/notes",
                                                    {"note": text, "customer_note": True},
                                                    "adding the tracking note").data, our_note)
        return str((existing or {}).get("id", ""))

    def cancel_order(self, payload: dict, *, key: str) -> str:
        oid = payload["order_external_id"]
        self._send("PUT", f"/orders/{oid}", {"status": "cancelled"}, "cancelling the order")
        return str(oid)

    def refund(self, payload: dict, *, key: str) -> str:
        oid = payload["order_external_id"]
        tag = key_tag(key)

        def our_refund() -> str | None:
            """The refund an earlier attempt created, recognised by the marker in its reason."""
            refunds = self._get(f"/orders/{oid}/refunds", what="reading refunds").data or []
            return next((str(r.get("id")) for r in refunds if tag in (r.get("reason") or "")), None)
        landed = our_refund()
        if landed:
            return landed
        currency = payload.get("currency")
        body = {"amount": str(money(payload.get("amount"), currency)),
                "reason": f"{payload.get('reason', '')} {tag}".strip(),
                # the refund was issued "through the storefront": its gateway pays the money back
                "api_refund": bool(payload.get("api_refund", True)),
                "api_restock": bool(payload.get("restock", False))}
        lines = [{"id": int(line["external_id"]), "quantity": int(line.get("quantity", 1)),
                  "refund_total": str(money(line.get("amount", 0), currency))}
                 for line in payload.get("lines") or [] if line.get("external_id")]
        if lines:
            body["line_items"] = lines
        return send_once(lambda: str(self._send("POST", f"/orders/{oid}/refunds", body,
                                                "creating a refund").data.get("id")), our_refund)

    def set_stock(self, payload: dict, *, key: str) -> str:
        sku = payload["sku"]
        found = self._get("/products", {"sku": sku}, what=f"finding SKU {sku}").data or []
        item = next((p for p in found if p.get("sku") == sku), None)
        body = {"manage_stock": True, "stock_quantity": int(payload["available"])}
        if item is None:
            raise StoreRejected(f"{self.name}: no product or variation with SKU {sku}.")
        if item.get("type") == "variation" or item.get("parent_id"):
            path = f"/products/{item['parent_id']}/variations/{item['id']}"
        else:
            path = f"/products/{item['id']}"
        self._send("PUT", path, body, f"setting stock of {sku}")
        return str(item["id"])

    def test_connection(self) -> str:
        try:
            namespaces = self._namespaces()  # None: the index needs a login; the next call tells
        except StoreError as exc:
            raise type(exc)(f"{self.name}: {self.base_url} does not look like a WordPress site "
                            f"with the REST API ({exc}). Check the store URL.") from None
        if namespaces and "wc/v3" not in namespaces:
            raise StoreRejected(f"{self.name}: WordPress answers at {self.base_url} but "
                                "WooCommerce's REST API (wc/v3) is not there.")
        reply = self._get("/orders", {"per_page": 1}, what="checking the credentials")
        return f"WooCommerce at {self.base_url} ({reply.headers.get('X-WP-Total', '?')} orders)"


def _ident(raw: dict):
    if type(raw["id"]) not in (int, str) or not raw["id"]:  # str() would make null the id "None"
        raise ValueError(f"the order id {raw['id']!r} is not a number")
    return str(raw["id"]), str(raw.get("number") or raw["id"]), parse_time(raw["date_modified_gmt"])


def map_order_status(raw: dict) -> tuple[str, str, str, list[str]]:
    """(payment, fulfilment, parcel status, flags) from the state table and the money facts."""
    status = raw.get("status") or ""
    payment, fulfilment, parcels, flags = ORDER_STATUS.get(status, UNKNOWN_STATUS)
    flags = list(flags)
    currency = raw.get("currency")
    refunded = sum((-money(r.get("total"), currency) for r in raw.get("refunds") or []), ZERO)
    total = money(raw.get("total"), currency)
    if refunded > 0:
        payment = "refunded" if refunded >= total else "partially_refunded"
    elif raw.get("date_paid_gmt") and payment in ("pending", "cancelled") and status != "failed":
        payment = "paid"
    return payment, fulfilment, parcels, flags


def parse_order(raw: dict) -> RemoteOrder:
    status = raw.get("status") or ""
    payment, fulfilment, parcels, flags = map_order_status(raw)
    currency = raw.get("currency") or ""
    # WooCommerce keeps line and shipping amounts without tax even where the shop's prices
    # include it; we show them as the customer saw them (tax added back), "incl. tax"
    inclusive = bool(raw.get("prices_include_tax"))

    def amount(bag: dict, name: str):
        value = money(bag.get(name), currency, what=name)
        return value + money(bag.get(f"{name}_tax"), currency, what=name) if inclusive else value
    lines = []
    for item in raw.get("line_items") or []:
        qty = int(item.get("quantity") or 0)
        subtotal, total = amount(item, "subtotal"), amount(item, "total")
        unit = round_minor(subtotal / qty, currency) if qty else ZERO
        lines.append(RemoteLine(external_id=str(item["id"]), sku=(item.get("sku") or "").strip(),
                                name=item.get("name") or "", quantity=qty, unit_price=unit,
                                discount=unit * qty - total if qty else ZERO,
                                quantity_shipped=qty if fulfilment == "fulfilled" else 0))
    ship, bill = raw.get("shipping") or {}, raw.get("billing") or {}
    src = ship if ship.get("address_1") else bill
    address = None
    if src.get("address_1") or src.get("city"):
        address = RemoteAddress(
            name=person_name(src.get("first_name"), src.get("last_name")) or src.get("company", ""),
            given_name=src.get("first_name") or "", family_name=src.get("last_name") or "",
            phone=src.get("phone") or bill.get("phone") or "", line1=src.get("address_1") or "",
            line2=src.get("address_2") or "", city=src.get("city") or "",
            region=src.get("state") or "", postcode=src.get("postcode") or "",
            country=(src.get("country") or "").upper())
    total = money(raw.get("total"), currency)
    payments = []
    if raw.get("date_paid_gmt") and status not in ("failed",):
        payments.append(RemotePayment(external_id="charge", kind="charge", amount=total,
                                      status="paid", method=raw.get("payment_method") or "",
                                      reference=raw.get("transaction_id") or ""))
    for refund in raw.get("refunds") or []:
        payments.append(RemotePayment(external_id=f"refund-{refund['id']}", kind="refund",
                                      amount=-money(refund.get("total"), currency), status="paid",
                                      method=raw.get("payment_method") or "",
                                      reference=refund.get("reason") or ""))
    fulfilments = []
    for meta in raw.get("meta_data") or []:
        if meta.get("key") == "_wc_shipment_tracking_items" and isinstance(meta.get("value"), list):
            for t in meta["value"]:
                fulfilments.append(RemoteFulfilment(
                    external_id=str(t.get("tracking_id") or t.get("tracking_number")),
                    carrier=t.get("custom_tracking_provider") or t.get("tracking_provider") or "",
                    waybill=t.get("tracking_number") or "",
                    tracking_url=t.get("custom_tracking_link") or "", status=parcels,
                    delivered_at=parse_time(raw.get("date_modified_gmt"))
                    if parcels == "delivered" else None))
    name = person_name(bill.get("first_name"), bill.get("last_name"))
    return RemoteOrder(
        external_id=str(raw["id"]), number=str(raw.get("number") or raw["id"]),
        updated_at=parse_time(raw["date_modified_gmt"]),
        placed_at=parse_time(raw.get("date_created_gmt") or raw["date_modified_gmt"]),
        currency=raw.get("currency") or "", raw=raw, payment=payment, fulfilment=fulfilment,
        cancelled=status in CANCELLED_STATUSES, platform_status=status, flags=flags,
        customer_name=name or (address.name if address else ""), email=bill.get("email") or "",
        customer_given_name=(bill.get("first_name") if name else
                             address.given_name if address else "") or "",
        customer_family_name=(bill.get("last_name") if name else
                              address.family_name if address else "") or "",
        phone=bill.get("phone") or "",
        customer_ref=str(raw.get("customer_id") or "") if raw.get("customer_id") else "",
        address=address, lines=lines, payments=payments, fulfilments=fulfilments,
        shipping=money(raw.get("shipping_total"), currency) + (
            money(raw.get("shipping_tax"), currency) if inclusive else ZERO),
        tax=money(raw.get("total_tax"), currency),
        discount=amount({"discount_total": raw.get("discount_total"),
                         "discount_total_tax": raw.get("discount_tax")}, "discount_total"),
        # `total` stays what the order came to; refunds are listed beside it: gross
        total=total, prices_include_tax=inclusive, delivered=parcels == "delivered",
        note=raw.get("customer_note") or "")


CONNECTOR = WooCommerceConnector
