"""WooCommerce REST v3 shapes for the demo store (`/wp-json/wc/v3/…`, HTTP Basic key:secret)."""

from __future__ import annotations

import math
import re
from decimal import Decimal

from ordermgr.sync.fake.common import gmt, money_text, parse_dt
from ordermgr.sync.fake.server import RawJSON, Response, fragment
from ordermgr.sync.fake.store import CATALOG, DemoOrder, DemoStore, Fulfilment

PRODUCT_BASE = 500
TRACKING_NAMESPACE = "wc-shipment-tracking/v3"  # the Shipment Tracking extension
_cache: dict = {}


def throttled_body(seconds: float) -> dict:
    return {"code": "too_many_requests", "message": "Too many requests", "data": {"status": 429}}


def status(o: DemoOrder) -> str:
    if o.status_override:
        return o.status_override
    if o.cancelled:
        return "cancelled"
    if o.refunds and o.refunded >= o.total:
        return "refunded"
    if o.shipped_all and o.delivered:
        return "delivered"  # the Advanced Shipment Tracking status
    if o.shipped_all:
        return "completed"
    if o.on_hold:
        return "on-hold"
    return "processing" if o.paid else "pending"


def render(o: DemoOrder, base: str) -> dict:
    if o.broken == "missing_fields":
        return {"id": o.seq, "number": str(o.number), "status": "processing"}
    addr = {"first_name": o.first_name, "last_name": o.last_name, "company": "", "address_1": o.street,
            "address_2": "", "city": o.city, "state": o.state, "postcode": o.postcode, "country": o.country}
    money = _amounts(o)
    paid_at = gmt(o.created) if o.paid else None
    meta = []
    if o.fulfilments:
        meta.append({"id": o.seq * 10, "key": "_wc_shipment_tracking_items", "value": [
            {"tracking_provider": "", "custom_tracking_provider": f.carrier, "custom_tracking_link": f.url,
             "tracking_number": f.number, "date_shipped": str(int(f.created.timestamp())) if f.created else "",
             "tracking_id": f"t{f.id}"} for f in o.fulfilments]})
    return {
        "id": o.seq, "parent_id": 0, "number": str(o.number), "order_key": f"wc_order_{o.seq}",
        "created_via": "checkout", "version": "9.6.2", "status": status(o), "currency": o.currency,
        "date_created": gmt(o.created), "date_created_gmt": gmt(o.created),
        "date_modified": gmt(o.updated), "date_modified_gmt": gmt(o.updated),
        **money["order"], "prices_include_tax": o.tax_included, "customer_id": 0, "customer_note": "",
        "billing": dict(addr, email=o.email, phone=o.phone), "shipping": dict(addr, phone=o.phone),
        "payment_method": "alipay", "payment_method_title": "支付宝",
        "transaction_id": f"2025{o.seq:012d}" if o.paid else "",
        "date_paid": paid_at, "date_paid_gmt": paid_at,
        "date_completed": gmt(o.updated) if o.shipped_all else None,
        "date_completed_gmt": gmt(o.updated) if o.shipped_all else None,
        "meta_data": meta,
        # a deleted product: product_id 0 and no SKU any more
        "line_items": [dict(id=line.id, name=line.name,
                            product_id=0 if line.deleted else PRODUCT_BASE + _index(line.sku),
                            variation_id=0, quantity=line.quantity, tax_class="", meta_data=[],
                            sku="" if line.deleted else line.sku, parent_name=None, **amounts)
                       for line, amounts in zip(o.lines, money["lines"])],
        "tax_lines": money["tax_lines"],
        "shipping_lines": [{"id": o.seq * 10 + 1, "method_title": "顺丰标快", "method_id": "flat_rate",
                            "instance_id": "3", **money["shipping"], "meta_data": []}],
        "fee_lines": [], "coupon_lines": [{"id": o.seq * 10 + 2, "code": "welcome",
                                           "discount": money["order"]["discount_total"],
                                           "discount_tax": money["order"]["discount_tax"]}]
        if o.discount else [],
        "refunds": [{"id": r.id, "reason": r.note, "total": "-" + money_text(r.amount, o.currency)}
                    for r in o.refunds],
        "currency_symbol": "&yen;",
        "_links": {"self": [{"href": f"{base}/wp-json/wc/v3/orders/{o.seq}"}]},
    }


def _json_number(value: Decimal):
    return int(value) if value == value.to_integral_value() else float(value)


def _amounts(o: DemoOrder) -> dict:
    """WooCommerce's money fields. Line and shipping amounts are kept WITHOUT tax even in shops
    whose prices include it (the tax beside them); totals are rounded to the shop's decimals,
    the per-line `taxes[]` and `price` are not (WooCommerce keeps them at full precision)."""
    def ex(amount):  # an amount as WooCommerce stores it: without its tax
        return amount - o.tax_of(amount) if o.tax_included else amount

    def exact_tax(amount):
        rate = o.tax_rate
        return amount * rate / (1 + rate) if o.tax_included else amount * rate
    def fmt(value):  # the shop's own decimals (its price_num_decimals)
        return str(Decimal(value).quantize(o.places))
    lines, cart_tax, discount, discount_tax = [], Decimal(0), Decimal(0), Decimal(0)
    for line in o.lines:
        gross = line.price * line.quantity
        sub, sub_tax = ex(gross), o.tax_of(gross) if o.tax_rate else Decimal(0)
        tot, tot_tax = ex(line.net), o.tax_of(line.net) if o.tax_rate else Decimal(0)
        cart_tax += tot_tax
        discount, discount_tax = discount + sub - tot, discount_tax + sub_tax - tot_tax
        taxes = [{"id": 1, "total": f"{exact_tax(line.net):.6f}", "subtotal": f"{exact_tax(gross):.6f}"}] \
            if o.tax_rate else []
        lines.append({"subtotal": fmt(sub), "subtotal_tax": fmt(sub_tax), "total": fmt(tot),
                      "total_tax": fmt(tot_tax), "taxes": taxes,
                      "price": _json_number(tot / line.quantity)})  # JSON number, not rounded
    ship_tax = o.tax_of(o.shipping) if o.tax_rate else Decimal(0)
    order = {"discount_total": fmt(discount), "discount_tax": fmt(discount_tax),
             "shipping_total": fmt(ex(o.shipping)), "shipping_tax": fmt(ship_tax),
             "cart_tax": fmt(cart_tax), "total": fmt(o.total), "total_tax": fmt(cart_tax + ship_tax)}
    tax_lines = [{"id": o.seq * 10 + 3, "rate_code": "CN-VAT-1", "rate_id": 1, "label": "VAT",
                  "compound": False, "tax_total": fmt(cart_tax), "shipping_tax_total": fmt(ship_tax),
                  "rate_percent": float(o.tax_rate * 100), "meta_data": []}] if o.tax_rate else []
    shipping = {"total": fmt(ex(o.shipping)), "total_tax": fmt(ship_tax),
                "taxes": [{"id": 1, "total": f"{exact_tax(o.shipping):.6f}"}] if o.tax_rate else []}
    return {"order": order, "lines": lines, "tax_lines": tax_lines, "shipping": shipping}


def _index(sku: str) -> int:
    for i, (code, _, _) in enumerate(CATALOG):
        if code == sku:
            return i
    return 99


def _error(status_code: int, code: str, message: str) -> Response:
    return Response(status_code, {"code": code, "message": message, "data": {"status": status_code}})


def route(demo: DemoStore, req) -> Response:
    base = f"http://{req.headers.get('Host', '127.0.0.1')}"
    tracking = "shipment-tracking" in demo.extensions
    if req.path in ("/wp-json/", "/wp-json"):
        return Response(200, {"name": "Demo Shop", "namespaces": ["wp/v2", "wc/v3"]
                              + ([TRACKING_NAMESPACE] if tracking else [])})
    api = "/wp-json/wc/v3/" if req.path.startswith("/wp-json/wc/v3/") else (
        f"/wp-json/{TRACKING_NAMESPACE}/" if tracking and req.path.startswith(f"/wp-json/{TRACKING_NAMESPACE}/")
        else None)
    if api is None:
        return _error(404, "rest_no_route", "No route was found matching the URL and request method.")
    user = req.basic_user()
    if user is None or f"{user[0]}:{user[1]}" != demo.credential:
        return _error(401, "woocommerce_rest_authentication_error", "Consumer key is invalid.")
    path = req.path[len(api) - 1:]
    with demo.lock:
        if api != "/wp-json/wc/v3/":
            return _tracking(demo, req, path, base)
        return _route(demo, req, path, base)


def _tracking_entry(f, base: str, seq: int) -> dict:
    return {"tracking_id": f"t{f.id}", "tracking_provider": f.carrier, "tracking_link": f.url,
            "tracking_number": f.number, "date_shipped": f.created.date().isoformat() if f.created else "",
            "_links": {"up": [{"href": f"{base}/wp-json/wc/v3/orders/{seq}"}]}}


def _tracking(demo: DemoStore, req, path: str, base: str) -> Response:
    """The Shipment Tracking extension: list and add an order's tracking numbers (order meta
    `_wc_shipment_tracking_items`; the order's status is left alone, as the plugin does)."""
    m = re.fullmatch(r"/orders/(\d+)/shipment-trackings", path)
    o = demo.find(int(m.group(1))) if m else None
    if o is None:
        return _error(404, "woocommerce_rest_shop_order_invalid_id", "Invalid ID.")
    if req.method == "GET":
        return Response(200, [_tracking_entry(f, base, o.seq) for f in o.fulfilments])
    body = req.body or {}
    if not body.get("tracking_number"):
        return _error(400, "rest_missing_callback_param", "Missing parameter(s): tracking_number")
    f = Fulfilment(demo.next_id(), body.get("custom_tracking_provider") or body.get("tracking_provider", ""),
                   body["tracking_number"], body.get("custom_tracking_link", ""), {}, {}, True,
                   demo.tick_clock())
    o.fulfilments.append(f)
    demo.touch(o)
    return Response(201, _tracking_entry(f, base, o.seq))


def _route(demo: DemoStore, req, path: str, base: str) -> Response:
    if path == "/orders" and req.method == "GET":
        return _list(demo, req, base)
    m = re.fullmatch(r"/orders/(\d+)(/notes|/refunds)?", path)
    if m:
        o = demo.find(int(m.group(1)))
        if o is None:
            return _error(404, "woocommerce_rest_shop_order_invalid_id", "Invalid ID.")
        sub = m.group(2)
        if sub is None and req.method == "GET":
            return Response(200, render(o, base))
        if sub is None and req.method == "PUT":
            new = (req.body or {}).get("status")
            if new == "cancelled":
                demo.change(o, cancelled=True)
            elif new == "completed":
                for line in o.lines:
                    line.shipped = line.quantity
                demo.touch(o)
            elif new:
                demo.change(o, status_override=new)
            return Response(200, render(o, base))
        if sub == "/notes" and req.method == "GET":
            return Response(200, [{"id": n.id, "note": n.text, "customer_note": n.customer_note,
                                   "date_created_gmt": gmt(n.created)} for n in o.notes])
        if sub == "/notes" and req.method == "POST":
            from ordermgr.sync.fake.store import Note
            note = Note(demo.next_id(), (req.body or {}).get("note", ""),
                        bool((req.body or {}).get("customer_note")), demo.tick_clock())
            o.notes.append(note)
            return Response(201, {"id": note.id, "note": note.text, "customer_note": note.customer_note,
                                  "date_created_gmt": gmt(note.created)})
        if sub == "/refunds" and req.method == "GET":
            return Response(200, [{"id": r.id, "amount": money_text(r.amount, o.currency), "reason": r.note,
                                   "date_created_gmt": gmt(r.created)} for r in o.refunds])
        if sub == "/refunds" and req.method == "POST":
            body = req.body or {}
            try:
                refund = demo.refund(o, Decimal(str(body.get("amount", "0"))), body.get("reason", ""))
            except ValueError as exc:
                return _error(400, "woocommerce_rest_invalid_order_refund", str(exc))
            return Response(201, {"id": refund.id, "amount": money_text(refund.amount, o.currency),
                                  "reason": refund.note,
                                  "refunded_payment": bool(body.get("api_refund", True)),
                                  "date_created_gmt": gmt(refund.created), "line_items": []})
    if path == "/products" and req.method == "GET":
        sku = req.q("sku")
        return Response(200, [{"id": PRODUCT_BASE + i, "name": name, "sku": code, "type": "simple",
                               "parent_id": 0, "manage_stock": True,
                               "stock_quantity": demo.stock.get((code, "1001"), 0)}
                              for i, (code, name, _) in enumerate(CATALOG) if not sku or code == sku])
    m = re.fullmatch(r"/products/(\d+)", path)
    if m and req.method == "PUT":
        index = int(m.group(1)) - PRODUCT_BASE
        if not 0 <= index < len(CATALOG):
            return _error(404, "woocommerce_rest_product_invalid_id", "Invalid ID.")
        code = CATALOG[index][0]
        demo.stock[(code, "1001")] = int((req.body or {}).get("stock_quantity", 0))
        return Response(200, {"id": int(m.group(1)), "sku": code, "manage_stock": True,
                              "stock_quantity": demo.stock[(code, "1001")],
                              "stock_status": "instock" if demo.stock[(code, "1001")] > 0 else "outofstock"})
    return _error(404, "rest_no_route", "No route was found matching the URL and request method.")


def _list(demo: DemoStore, req, base: str) -> Response:
    try:
        per_page = int(req.q("per_page", "10"))
        page = int(req.q("page", "1"))
    except ValueError:
        return _error(400, "rest_invalid_param", "Invalid parameter(s): page")
    if not 1 <= per_page <= 100:
        return _error(400, "rest_invalid_param", "Invalid parameter(s): per_page")
    include = req.q("include")
    if include:
        wanted = [demo.find(int(i)) for i in include.split(",") if i.strip().isdigit()]
        return Response(200, [render(o, base) for o in wanted if o])
    since = req.q("modified_after")
    key = (id(demo), since, demo.version)
    if _cache.get("key") != key:
        cutoff = parse_dt(since) if since else None
        # orderby=date asc: creation order (seq), filtered on modification time
        _cache["ids"] = [o.seq for o in demo.orders.values() if cutoff is None or o.updated > cutoff]
        _cache["key"] = key
    ids = _cache["ids"]
    total_pages = max(1, math.ceil(len(ids) / per_page))
    chunk = ids[(page - 1) * per_page: page * per_page]
    headers = {"X-WP-Total": str(len(ids)), "X-WP-TotalPages": str(total_pages)}
    if page < total_pages:
        headers["Link"] = f'<{base}/wp-json/wc/v3/orders?page={page + 1}&per_page={per_page}>; rel="next"'
    body = b"[" + b",".join(fragment(demo, "woo:" + base, demo.orders[seq], lambda o: render(o, base))
                            for seq in chunk) + b"]"
    return Response(200, RawJSON(body), headers)
