"""Medusa v2 Admin API (the open-source storefront).

Pull: `GET /admin/orders?fields=…&updated_at[$gte]=T&order=updated_at&offset=&limit=`. Offset
paging drifts when an order changes during the walk (it jumps to the end and everything after
it shifts left), so the walk is keyset-style: each page asks again from the last `updated_at`
seen, skipping only the orders already delivered at exactly that time.
Amounts are JSON numbers in major units, NOT rounded to the currency (tax-inclusive prices give
taxes like 22.31858…, 5 % GST 195.132, a fully refunded order a total of -6E-21): the exact value
is taken from `raw_*` when present and rounded to the currency's minor unit (`round_minor`,
the one rounding rule).
Medusa's `total` is NET of refunds (a refund adds a credit line referencing the payment
collection); ordermgr's total is gross, so the connector adds those credit lines back.
Tax: where prices include tax (EUR, CNY, JPY regions in a typical shop) the lines and shipping
are taken with tax (lines + shipping = total, the tax is included); where they do not, without
(lines + shipping + tax = total; the tax takes the rounding, within one minor unit of Medusa's).
Discounts: Medusa allocates every promotion to the lines (or to a shipping method, whose total is
already net), so they are line discounts, on the same tax basis, and the order discount is 0.
Medusa has no outgoing webhooks and a payment capture does not bump `updated_at`, so open orders
are re-polled by id (`repoll_open_orders`).
Auth: a secret API key (`sk_…`) as HTTP Basic user name with an empty password.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from decimal import Decimal

import requests

from ordermgr.models.money import round_minor
from ordermgr.sync.base import (Connector, OrderPage, RemoteAddress, RemoteFulfilment,
                                RemoteLine, RemoteOrder, RemotePayment, StoreBadResponse,
                                StoreRejected, StoreUnreachable, exact_amount, key_tag, money,
                                parse_time, person_name)
from ordermgr.sync.landing import send_once

# Every state of Medusa 2.x (`@medusajs/utils` OrderStatus, PaymentStatus, FulfillmentStatus as
# aggregated by core-flows), each with a test from a real payload (tests/connectors/samples/medusa).
PAYMENT_STATUS = {  # payment_status -> (neutral payment, flags)
    "not_paid": ("pending", []),
    "awaiting": ("pending", []),
    "authorized": ("pending", ["authorised"]),
    "partially_authorized": ("partially_paid", ["authorised"]),
    "captured": ("paid", []),
    "partially_captured": ("partially_paid", []),
    "partially_refunded": ("partially_refunded", []),
    "refunded": ("refunded", []),
    "canceled": ("cancelled", []),
    "requires_action": ("pending", ["needs_review"]),
}
FULFILLMENT_STATUS = {  # fulfillment_status -> (neutral fulfilment, flags)
    "not_fulfilled": ("unfulfilled", []),
    # a fulfilment made on the storefront (picked there) is out of ordermgr's hands, shipped or not
    "partially_fulfilled": ("partially_fulfilled", []),
    "fulfilled": ("fulfilled", []),
    "partially_shipped": ("partially_fulfilled", []),
    "shipped": ("fulfilled", []),
    "partially_delivered": ("partially_fulfilled", []),
    "delivered": ("fulfilled", ["delivered"]),
    "canceled": ("unfulfilled", []),
}
ORDER_STATUS = {  # status -> (cancelled, fulfilment override, flags)
    "pending": (False, None, []),
    "completed": (False, None, ["completed"]),
    "archived": (False, None, ["completed"]),
    "canceled": (True, None, []),
    "requires_action": (False, "on_hold", []),
    "draft": (False, None, []),  # skipped: not a placed order
}
SKIPPED_STATUSES = {"draft"}
FIELDS = ("id,display_id,status,payment_status,fulfillment_status,currency_code,email,total,"
          "subtotal,tax_total,shipping_total,shipping_subtotal,discount_total,item_total,"
          "item_subtotal,raw_total,created_at,updated_at,metadata,*credit_lines,*items,"
          "*shipping_address,*customer,*fulfillments,*fulfillments.labels,"
          "*payment_collections,*payment_collections.payments,"
          "*payment_collections.payments.captures,*payment_collections.payments.refunds")
REFUND_CREDIT = "payment_collection"  # credit_lines[].reference of a refund

FULFILMENT_FIELDS = "id,status,*items,*fulfillments,*fulfillments.labels"


class MedusaConnector(Connector):
    platform = "medusa"
    repoll_open_orders = True

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.auth = (self.credential, "")

    def _get(self, path: str, params=None, what: str = ""):
        return self.http.request("GET", f"{self.base_url}{path}", params=params, auth=self.auth,
                                 what=what)

    def _post(self, path: str, body: dict, what: str, *, params=None, idempotent: bool = False):
        return self.http.request("POST", f"{self.base_url}{path}", json=body, auth=self.auth,
                                 params=params, what=what, idempotent=idempotent)

    # -- pull -----------------------------------------------------------------------------------
    def iter_order_pages(self, since: datetime | None, *, page_size: int = 100,
                         current=None) -> Iterator[OrderPage]:  # updated_at is not trusted here
        limit = max(1, min(page_size, 500))
        cursor, seen_at_cursor, reported = since, set(), set()
        while True:
            params = {"fields": FIELDS, "order": "updated_at", "limit": limit,
                      "offset": len(seen_at_cursor)}
            if cursor:
                params["updated_at[$gte]"] = iso_ms(cursor)
            reply = self._get("/admin/orders", params, what="listing orders")
            data = reply.data if isinstance(reply.data, dict) else {}
            raws = data.get("orders")
            if not isinstance(raws, list):
                raise StoreBadResponse(f"{self.name}: the order list has no 'orders' array.")
            page = OrderPage(orders=[])
            for raw in raws:
                if raw.get("status") in SKIPPED_STATUSES:
                    continue
                if raw.get("id") in reported:
                    continue
                before = len(page.broken)
                page.add(raw, parse_order, _ident)
                if len(page.broken) > before:
                    reported.add(raw.get("id"))
            times = [parse_time(r["updated_at"]) for r in raws if r.get("updated_at")]
            if not times:  # nothing to move the cursor on: step over this page
                seen_at_cursor |= {r.get("id") for r in raws}
            else:
                newest = max(times)
                at_newest = {r["id"] for r in raws if parse_time(r.get("updated_at")) == newest}
                seen_at_cursor = (seen_at_cursor | at_newest) if newest == cursor else at_newest
                cursor = newest
                page.safe_watermark = newest
            yield page
            if len(raws) < limit:
                return

    def fetch_orders(self, external_ids: list[str]) -> list[RemoteOrder]:
        out = []
        for start in range(0, len(external_ids), 100):
            ids = external_ids[start:start + 100]
            reply = self._get("/admin/orders", {"fields": FIELDS, "id[]": ids, "limit": len(ids)},
                              what="re-reading open orders")
            page = OrderPage(orders=[])
            for raw in (reply.data or {}).get("orders") or []:
                if raw.get("status") not in SKIPPED_STATUSES:
                    page.add(raw, parse_order, _ident)
            out += page.orders
        return out

    # -- push -----------------------------------------------------------------------------------
    def _order(self, oid: str, fields: str) -> dict:
        order = (self._get(f"/admin/orders/{oid}", {"fields": fields}, what="reading the order")
                 .data or {}).get("order")
        if not order:
            raise StoreRejected(f"{self.name}: order {oid} does not exist on Medusa.")
        return order

    def _our_fulfilment(self, oid: str, key: str) -> dict | None:
        """The fulfilment an earlier attempt created (our key in its metadata), shipped or not."""
        order = self._order(oid, FULFILMENT_FIELDS)
        return next((f for f in order.get("fulfillments") or []
                     if (f.get("metadata") or {}).get("ordermgr_key") == key), None)

    def push_fulfilment(self, payload: dict, *, key: str) -> str:
        """Two calls: create the fulfilment (our key in its metadata), then mark it shipped with
        the tracking labels. A retry finds a fulfilment half made by an earlier attempt and
        only completes it."""
        oid = payload["order_external_id"]
        waybill = payload.get("waybill", "")
        order = self._order(oid, FULFILMENT_FIELDS)
        mine = None
        for ful in order.get("fulfillments") or []:
            if any(lbl.get("tracking_number") == waybill for lbl in ful.get("labels") or []):
                return ful["id"]
            if (ful.get("metadata") or {}).get("ordermgr_key") == key:
                mine = ful  # created by an earlier attempt that died before the shipment step
        items = [{"id": line["external_id"], "quantity": int(line.get("quantity", 0))}
                 for line in payload.get("lines") or [] if line.get("external_id")]
        if mine is None:
            body = {"items": items, "no_notification": False, "metadata": {"ordermgr_key": key}}
            if self.options.get("location_id"):
                body["location_id"] = self.options["location_id"]

            def create() -> dict | None:
                # the reply carries the order's fulfilments only when asked for them
                created = self._post(f"/admin/orders/{oid}/fulfillments", body, "creating a fulfilment",
                                     params={"fields": FULFILMENT_FIELDS}).data
                fuls = ((created or {}).get("order") or {}).get("fulfillments") or []
                return next((f for f in fuls if (f.get("metadata") or {}).get("ordermgr_key") == key),
                            None) or self._our_fulfilment(oid, key)
            mine = send_once(create, lambda: self._our_fulfilment(oid, key))
            if mine is None:
                raise StoreBadResponse(f"{self.name}: Medusa did not show the new fulfilment "
                                       f"of order {oid}; the next try looks for it again.")
        labels = [{"tracking_number": number, "tracking_url": payload.get("tracking_url") or "",
                   "label_url": payload.get("label_url") or ""}
                  for number in (payload.get("waybills") or [waybill])]

        def shipped() -> str | None:
            ful = self._our_fulfilment(oid, key) or {}
            labelled = any(lbl.get("tracking_number") == waybill for lbl in ful.get("labels") or [])
            return ful.get("id") if labelled else None

        def ship() -> str:
            self._post(f"/admin/orders/{oid}/fulfillments/{mine['id']}/shipments",
                       {"items": items, "labels": labels}, "marking the fulfilment shipped")
            return mine["id"]
        return send_once(ship, shipped)

    def cancel_order(self, payload: dict, *, key: str) -> str:
        oid = payload["order_external_id"]
        if self._order(oid, "id,status").get("status") == "canceled":
            return oid

        def cancel() -> str:
            self._post(f"/admin/orders/{oid}/cancel", {}, "cancelling the order")
            return oid
        return send_once(cancel, lambda: oid if self._order(oid, "id,status").get("status") == "canceled"
                         else None)

    def _our_refund(self, oid: str, tag: str) -> tuple[str | None, list[dict]]:
        """(the refund an earlier attempt created, by the marker in its note; the payments)."""
        order = self._order(oid, "id,*payment_collections,*payment_collections.payments,"
                                 "*payment_collections.payments.refunds")
        payments = [p for pc in order.get("payment_collections") or [] for p in pc.get("payments") or []]
        found = next((r["id"] for p in payments for r in p.get("refunds") or []
                      if tag in (r.get("note") or "")), None)
        return found, payments

    def refund(self, payload: dict, *, key: str) -> str:
        oid = payload["order_external_id"]
        tag = key_tag(key)
        landed, payments = self._our_refund(oid, tag)
        if landed:
            return landed
        captured = next((p for p in payments if p.get("captured_at")), None)
        if captured is None:
            raise StoreRejected(f"{self.name}: order {oid} has no captured payment to refund.")

        def create() -> str:
            reply = self._post(f"/admin/payments/{captured['id']}/refund",
                               {"amount": _number(money(payload.get("amount"), payload.get("currency"))),
                                "note": f"{payload.get('reason', '')} {tag}".strip()}, "creating a refund")
            refunds = ((reply.data or {}).get("payment") or {}).get("refunds") or []
            return next((r["id"] for r in refunds if tag in (r.get("note") or "")), captured["id"])
        return send_once(create, lambda: self._our_refund(oid, tag)[0])

    def set_stock(self, payload: dict, *, key: str) -> str:
        sku = payload["sku"]
        items = (self._get("/admin/inventory-items", {"sku": sku, "fields": "id,sku,*location_levels"},
                           what=f"finding SKU {sku}").data or {}).get("inventory_items") or []
        item = next((i for i in items if i.get("sku") == sku), None)
        if item is None:
            raise StoreRejected(f"{self.name}: no inventory item with SKU {sku} on Medusa.")
        levels = item.get("location_levels") or []
        wanted = payload.get("location") or payload.get("warehouse")
        wanted = (self.options.get("locations") or {}).get(str(wanted), wanted)
        level = next((lv for lv in levels if lv.get("location_id") == wanted), None)
        available = payload["available"]
        if level is None:  # no location of its own: the store's location sells every warehouse's stock
            loc = self.options.get("location_id") or (levels[0]["location_id"] if levels else None)
            level = next((lv for lv in levels if lv.get("location_id") == loc), None)
            if level is None:
                raise StoreRejected(f"{self.name}: SKU {sku} is not stocked at any location.")
            available = payload.get("available_total", available)
        stocked = int(available) + int(level.get("reserved_quantity") or 0)
        self._post(f"/admin/inventory-items/{item['id']}/location-levels/{level['location_id']}",
                   {"stocked_quantity": stocked}, f"setting stock of {sku}", idempotent=True)  # absolute
        return item["id"]

    def test_connection(self) -> str:
        # /health answers a plain-text "OK" (served as text/html), not JSON: any 200 will do
        try:
            health = self.http.session.get(f"{self.base_url}/health", timeout=self.http.timeout)
        except requests.RequestException as exc:
            raise StoreUnreachable(f"{self.name}: no Medusa server answers at {self.base_url} "
                                   f"({type(exc).__name__}). Check the store URL.") from None
        if health.status_code != 200:
            raise StoreRejected(f"{self.name}: {self.base_url}/health answered HTTP "
                                f"{health.status_code}, not like a Medusa server. Check the store URL.")
        reply = self._get("/admin/orders", {"limit": 1, "fields": "id"}, what="checking the API key")
        return f"Medusa at {self.base_url} ({(reply.data or {}).get('count', '?')} orders)"


def _ident(raw: dict):
    return raw["id"], str(raw.get("display_id") or raw["id"]), parse_time(raw["updated_at"])


def iso_ms(dt: datetime) -> str:
    return dt.strftime("%Y-%m-%dT%H:%M:%S.") + f"{dt.microsecond // 1000:03d}Z"


def _number(value):
    """A Decimal as a JSON number without going through float arithmetic."""
    return int(value) if value == value.to_integral_value() else float(str(value))


def _value(raw: dict, name: str) -> Decimal:
    """The exact amount `name`: `raw_<name>.value` (a string) if present, else the JSON number;
    an absent amount is 0."""
    exact = raw.get(f"raw_{name}")
    if isinstance(exact, dict) and exact.get("value") is not None:
        return exact_amount(exact["value"], what=name)
    return exact_amount(raw.get(name), what=name)


def _value_of(raw: dict, name: str, fallback: str) -> Decimal:
    """`name` if the payload has it, else `fallback` (older Medusa versions and trimmed
    payloads carry only the totals)."""
    return _value(raw, name if name in raw or f"raw_{name}" in raw else fallback)


def _exact(raw: dict, name: str, currency: str) -> Decimal:
    """The amount `name` in the currency's minor unit."""
    return round_minor(_value(raw, name), currency)


def map_status(status: str, payment_status: str, fulfillment_status: str):
    flags: list[str] = []
    cancelled, override, order_flags = ORDER_STATUS.get(status, (False, "on_hold", []))
    if status not in ORDER_STATUS:
        flags.append("unknown_status")
    payment, extra = PAYMENT_STATUS.get(payment_status, ("pending", ["unknown_status"]))
    fulfilment, shipped_flags = FULFILLMENT_STATUS.get(fulfillment_status, ("on_hold", ["unknown_status"]))
    flags += extra + shipped_flags + order_flags
    if cancelled and payment not in ("refunded", "partially_refunded"):
        payment = "cancelled"
    return cancelled, payment, override or fulfilment, flags


def _tax_inclusive(raw: dict) -> bool:
    return any(item.get("is_tax_inclusive") for item in raw.get("items") or [])


def parse_order(raw: dict) -> RemoteOrder:
    cancelled, payment, fulfilment, flags = map_status(
        raw.get("status") or "", raw.get("payment_status") or "", raw.get("fulfillment_status") or "")
    currency = (raw.get("currency_code") or "").upper()
    with_tax = "total" if _tax_inclusive(raw) else "subtotal"  # amounts as the prices are
    lines, net, rounded = [], Decimal(0), Decimal(0)
    for item in raw.get("items") or []:
        qty = int(item.get("quantity") or 0)
        detail = item.get("detail") or {}
        # fulfilled = handed over on the storefront (a fulfilment made there), shipped or not
        shipped = int(detail.get("fulfilled_quantity") or 0)
        if fulfilment == "fulfilled" and not detail:
            shipped = qty
        # promotions sit on the lines: what the customer pays for the lines is rounded (on the
        # running sum, so the lines add up to Medusa's items total), the discount is the rest
        unit = _exact(item, "unit_price", currency)
        net += _value(item, "unit_price") * qty - _value_of(item, f"discount_{with_tax}",
                                                             "discount_total")
        paid_for_line = round_minor(net, currency) - rounded
        rounded += paid_for_line
        lines.append(RemoteLine(external_id=item["id"], sku=(item.get("variant_sku") or "").strip(),
                                name=item.get("title") or "", quantity=qty, unit_price=unit,
                                discount=unit * qty - paid_for_line, quantity_shipped=shipped))
    addr = raw.get("shipping_address") or None
    address = None
    if addr:
        address = RemoteAddress(
            name=person_name(addr.get("first_name"), addr.get("last_name")),
            phone=addr.get("phone") or "", line1=addr.get("address_1") or "",
            line2=addr.get("address_2") or "", city=addr.get("city") or "",
            region=addr.get("province") or "", postcode=addr.get("postal_code") or "",
            country=(addr.get("country_code") or "").upper(),
            given_name=(addr.get("first_name") or "").strip(),
            family_name=(addr.get("last_name") or "").strip())
    payments = []
    for pc in raw.get("payment_collections") or []:
        for p in pc.get("payments") or []:
            amount = _exact(p, "amount", currency)
            captured = sum((_value(c, "amount") for c in p.get("captures") or []), Decimal(0))
            if p.get("captured_at"):
                status = "paid"
            elif captured:  # partly captured: what was taken is paid, the rest not (yet)
                status, amount = "paid", round_minor(captured, currency)
            else:
                status = "voided" if p.get("canceled_at") else "authorized"
            payments.append(RemotePayment(external_id=p["id"], kind="charge", amount=amount,
                                          status=status, method=p.get("provider_id") or "",
                                          reference=p["id"]))
            for r in p.get("refunds") or []:
                payments.append(RemotePayment(external_id=r["id"], kind="refund",
                                              amount=_exact(r, "amount", currency), status="paid",
                                              method=p.get("provider_id") or "",
                                              reference=r.get("note") or ""))
    fulfilments = []
    for ful in raw.get("fulfillments") or []:
        if ful.get("canceled_at"):
            continue
        label = (ful.get("labels") or [{}])[0] if ful.get("labels") else {}
        fulfilments.append(RemoteFulfilment(external_id=ful["id"], carrier=ful.get("provider_id") or "",
                                            waybill=label.get("tracking_number") or "",
                                            tracking_url=label.get("tracking_url") or "",
                                            marker=(ful.get("metadata") or {}).get("ordermgr_key") or "",
                                            # every parcel arrived when the order says so
                                            status="delivered" if ful.get("delivered_at") or
                                            "delivered" in flags else "in_transit",
                                            delivered_at=parse_time(ful.get("delivered_at"))))
    refunded = sum((_value(c, "amount") for c in raw.get("credit_lines") or []
                    if c.get("reference") == REFUND_CREDIT), Decimal(0))
    customer = raw.get("customer") or {}
    name = person_name(customer.get("first_name"), customer.get("last_name"))
    total = round_minor(_value(raw, "total") + refunded, currency)
    subtotal = sum((line.unit_price * line.quantity - line.discount for line in lines), Decimal(0))
    shipping = round_minor(_value_of(raw, f"shipping_{with_tax}", "shipping_total"), currency)
    tax = _exact(raw, "tax_total", currency)
    if with_tax == "subtotal":  # tax on top: it takes the rounding, so the parts add up to the total
        tax = total - subtotal - shipping
    return RemoteOrder(
        external_id=raw["id"], number=str(raw.get("display_id") or raw["id"]),
        updated_at=parse_time(raw["updated_at"]), placed_at=parse_time(raw.get("created_at") or raw["updated_at"]),
        currency=currency, raw=raw, payment=payment,
        fulfilment=fulfilment, cancelled=cancelled,
        platform_status=f"{raw.get('status')}/{raw.get('payment_status')}/{raw.get('fulfillment_status')}",
        flags=flags, customer_name=name or (address.name if address else ""),
        email=raw.get("email") or customer.get("email") or "", phone=customer.get("phone") or "",
        customer_ref=customer.get("id") or "", address=address, lines=lines, payments=payments,
        fulfilments=fulfilments, subtotal=subtotal, shipping=shipping, tax=tax,
        discount=Decimal(0),  # Medusa puts every promotion on a line or a shipping method
        total=total, prices_include_tax=with_tax == "total",
        delivered="delivered" in flags, completed="completed" in flags,
        customer_given_name=(customer.get("first_name") or (addr or {}).get("first_name") or "").strip(),
        customer_family_name=(customer.get("last_name") or (addr or {}).get("last_name") or "").strip())


CONNECTOR = MedusaConnector
