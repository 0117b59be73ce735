"""Medusa v2 Admin API shapes for the demo store (`/admin/…`, secret API key as Basic user)."""

from __future__ import annotations

import re
from decimal import Decimal

from ordermgr.sync.fake.common import parse_dt, z
from ordermgr.sync.fake.server import RawJSON, Response, dumps, fragment
from ordermgr.sync.fake.store import CATALOG, LOCATIONS, DemoOrder, DemoStore


def oid(seq: int) -> str:
    return f"order_01DEMO{seq:020d}"


def _seq(order_id: str) -> int | None:
    m = re.fullmatch(r"order_01DEMO(\d{20})", order_id)
    return int(m.group(1)) if m else None


def throttled_body(seconds: float) -> dict:
    return {"type": "too_many_requests", "message": "Too many requests"}


def _num(value: Decimal):
    return int(value) if value == value.to_integral_value() else float(value)


def _raw(value: Decimal) -> dict:
    return {"value": str(value.normalize() if value else Decimal(0)), "precision": 20}


def payment_status(o: DemoOrder) -> str:
    if o.status_override:
        return o.status_override
    if o.refunds:
        return "refunded" if o.refunded >= o.total else "partially_refunded"
    if o.cancelled and not o.captured:
        return "canceled"
    if o.captured:
        return "captured"
    return "authorized" if o.paid else "not_paid"


def fulfillment_status(o: DemoOrder) -> str:
    if o.shipped_all:
        return "shipped" if all(f.shipped for f in o.fulfilments) else "fulfilled"
    if o.shipped_any:
        return "partially_shipped"
    return "not_fulfilled"


def render(o: DemoOrder) -> dict:
    if o.broken == "missing_fields":
        return {"id": oid(o.seq), "display_id": o.number, "status": "pending"}
    total = o.total
    payments = []
    if o.paid:
        payments.append({"id": f"pay_{o.seq:08d}", "amount": _num(total), "raw_amount": _raw(total),
                         "currency_code": o.currency.lower(), "provider_id": "pp_stripe_stripe",
                         "captured_at": z(o.created) if o.captured else None, "canceled_at": None,
                         "refunds": [{"id": f"ref_{r.id:08d}", "amount": _num(r.amount), "raw_amount": _raw(r.amount),
                                      "note": r.note, "created_at": z(r.created)} for r in o.refunds]})
    return {
        "id": oid(o.seq), "display_id": o.number, "status": "canceled" if o.cancelled else "pending",
        "payment_status": payment_status(o), "fulfillment_status": fulfillment_status(o),
        "currency_code": o.currency.lower(), "email": o.email, "total": _num(total), "raw_total": _raw(total),
        "subtotal": _num(total - o.shipping), "tax_total": 0, "shipping_total": _num(o.shipping),
        "raw_shipping_total": _raw(o.shipping), "discount_total": 0,
        "created_at": z(o.created), "updated_at": z(o.updated), "metadata": None,
        "customer": {"id": f"cus_{abs(hash(o.email)) % 10**8:08d}", "email": o.email,
                     "first_name": o.first_name, "last_name": o.last_name, "phone": o.phone},
        "shipping_address": {"first_name": o.first_name, "last_name": o.last_name, "company": None,
                             "address_1": o.street, "address_2": None, "city": o.city,
                             "province": o.state, "postal_code": o.postcode, "country_code": "cn",
                             "phone": o.phone},
        "items": [{"id": f"ordli_{line.id:020d}", "title": line.name, "variant_sku": line.sku or None,
                   "variant_id": f"variant_{line.sku}" if line.sku else None,
                   "product_id": f"prod_{line.sku}" if line.sku else None, "quantity": line.quantity,
                   "unit_price": _num(line.price), "raw_unit_price": _raw(line.price),
                   "total": _num(line.price * line.quantity), "raw_total": _raw(line.price * line.quantity),
                   "detail": {"fulfilled_quantity": line.shipped, "shipped_quantity": line.shipped}}
                  for line in o.lines],
        "fulfillments": [{"id": f"ful_{f.id:020d}", "provider_id": f.carrier, "location_id": "sloc_1001",
                          "metadata": f.metadata, "shipped_at": z(f.created) if f.shipped else None,
                          "canceled_at": None,
                          "labels": [{"tracking_number": f.number, "tracking_url": f.url, "label_url": ""}]
                          if f.shipped else []} for f in o.fulfilments],
        "payment_collections": [{"id": f"paycol_{o.seq:08d}", "payments": payments}],
    }


def _error(status: int, kind: str, message: str) -> Response:
    return Response(status, {"type": kind, "message": message})


def route(demo: DemoStore, req) -> Response:
    if req.path == "/health":  # like Medusa's: plain text, not JSON
        return Response(200, b"OK", ctype="text/plain; charset=utf-8")
    if not req.path.startswith("/admin/"):
        return _error(404, "not_found", f"Cannot {req.method} {req.path}")
    user = req.basic_user()
    if user is None or user[0] != demo.credential:
        return _error(401, "unauthorized", "Unauthorized")
    with demo.lock:
        return _route(demo, req)


def _route(demo: DemoStore, req) -> Response:
    path = req.path
    if path == "/admin/orders" and req.method == "GET":
        ids = req.query.get("id[]")
        if ids:
            found = [demo.find(s) for s in (_seq(i) for i in ids) if s]
            orders = [render(o) for o in found if o]
            return Response(200, {"orders": orders, "count": len(orders), "offset": 0, "limit": len(orders)})
        limit = min(int(req.q("limit", "50")), 1000)
        offset = int(req.q("offset", "0"))
        since = req.q("updated_at[$gte]")
        matching = demo.iter_updated(parse_dt(since) if since else None, None,
                                     limit=offset + limit)[offset:offset + limit]
        return Response(200, RawJSON(b'{"orders":[' + b",".join(fragment(demo, "medusa", o, render)
                                                                for o in matching)
                                     + b'],"count":' + dumps(len(demo.orders)) + b',"offset":'
                                     + dumps(offset) + b',"limit":' + dumps(limit) + b"}"))
    if path == "/admin/stores":
        return Response(200, {"stores": [{"id": "store_demo", "name": "Demo Medusa Store"}]})
    m = re.fullmatch(r"/admin/orders/([^/]+)(/.*)?", path)
    if m:
        seq = _seq(m.group(1))
        o = demo.find(seq) if seq else None
        if o is None:
            return _error(404, "not_found", f"Order with id: {m.group(1)} was not found")
        rest = m.group(2) or ""
        body = req.body or {}
        if rest == "" and req.method == "GET":
            return Response(200, {"order": render(o)})
        if rest == "/cancel" and req.method == "POST":
            if o.shipped_any:
                return _error(400, "not_allowed", "All fulfillments must be canceled before canceling an order")
            demo.change(o, cancelled=True)
            return Response(200, {"order": render(o)})
        if rest == "/fulfillments" and req.method == "POST":
            by_id = {f"ordli_{line.id:020d}": line.id for line in o.lines}
            quantities = {by_id[i["id"]]: int(i["quantity"]) for i in body.get("items") or [] if i["id"] in by_id}
            if not quantities:
                return _error(400, "invalid_data", "items must not be empty")
            try:
                demo.fulfil(o, quantities, carrier="manual", number="", metadata=body.get("metadata") or {},
                            shipped=False)
            except ValueError as exc:
                return _error(400, "not_allowed", str(exc))
            order = render(o)
            if "fulfillments" not in (req.q("fields") or ""):  # as Medusa: only when asked for
                order.pop("fulfillments", None)
            return Response(200, {"order": order})
        m2 = re.fullmatch(r"/fulfillments/ful_(\d+)/shipments", rest)
        if m2 and req.method == "POST":
            ful = next((f for f in o.fulfilments if f.id == int(m2.group(1))), None)
            if ful is None:
                return _error(404, "not_found", "Fulfillment not found")
            label = (body.get("labels") or [{}])[0]
            ful.number, ful.url, ful.shipped = label.get("tracking_number", ""), label.get("tracking_url", ""), True
            demo.touch(o)
            return Response(200, {"order": render(o)})
    m = re.fullmatch(r"/admin/payments/pay_(\d+)/refund", path)
    if m and req.method == "POST":
        o = demo.find(int(m.group(1)))
        if o is None:
            return _error(404, "not_found", "Payment not found")
        body = req.body or {}
        try:
            demo.refund(o, Decimal(str(body.get("amount", 0))), body.get("note", ""))
        except ValueError as exc:
            return _error(400, "invalid_data", str(exc))
        return Response(200, {"payment": render(o)["payment_collections"][0]["payments"][0]})
    if path == "/admin/inventory-items" and req.method == "GET":
        sku = req.q("sku")
        items = [{"id": f"iitem_{i:04d}", "sku": code, "location_levels": [
            {"location_id": f"sloc_{loc}", "stocked_quantity": demo.stock.get((code, loc), 0),
             "reserved_quantity": 0} for loc, _ in LOCATIONS]}
            for i, (code, _, _) in enumerate(CATALOG) if not sku or code == sku]
        return Response(200, {"inventory_items": items, "count": len(items)})
    m = re.fullmatch(r"/admin/inventory-items/iitem_(\d+)/location-levels/sloc_(\d+)", path)
    if m and req.method == "POST":
        code = CATALOG[int(m.group(1))][0]
        demo.stock[(code, m.group(2))] = int((req.body or {}).get("stocked_quantity", 0))
        return Response(200, {"inventory_item": {"id": f"iitem_{m.group(1)}"}})
    return _error(404, "not_found", f"Cannot {req.method} {path}")
