"""Shopify GraphQL Admin API shapes for the demo store (POST /admin/api/{version}/graphql.json).

Only what the connector uses is understood; operations are recognised by their root field."""

from __future__ import annotations

import base64
import json
import re
from decimal import Decimal

from ordermgr.sync.fake.common import money_text, parse_dt, s2, z
from ordermgr.sync.fake.server import RawJSON, Response, dumps, fragment
from ordermgr.sync.fake.store import CATALOG, LOCATIONS, DemoOrder, DemoStore

ORDER_BASE, LINE_BASE, FO_BASE, FOLI_BASE = 5981234560000, 14100000000000, 6600000000000, 6800000000000
LINES_IN_ORDER_QUERY = 50  # the connector asks for lineItems(first: 50) with each order
FUL_BASE, REFUND_BASE, TX_BASE, RTX_BASE = 5200000000000, 8800000000000, 7100000000000, 7200000000000
ITEM_BASE, VARIANT_BASE = 47000000000000, 45000000000000


def gid(kind: str, n: int) -> str:
    return f"gid://shopify/{kind}/{n}"


def _num(text) -> int:
    return int(str(text).rsplit("/", 1)[-1])


def _money(value) -> dict:
    return {"shopMoney": {"amount": str(Decimal(value).normalize()) if Decimal(value) else "0.0",
                          "currencyCode": None}}


def cost(requested: float = 50.0, available: float = 1990.0) -> dict:
    return {"cost": {"requestedQueryCost": requested, "actualQueryCost": requested / 2,
                     "throttleStatus": {"maximumAvailable": 2000.0, "currentlyAvailable": available,
                                        "restoreRate": 100.0}}}


def throttled_body(seconds: float) -> dict:
    # wait = (requested - available) / restoreRate
    return {"errors": [{"message": "Throttled", "extensions": {
        "code": "THROTTLED", "documentation": "https://shopify.dev/api/usage/rate-limits"}}],
        "extensions": cost(requested=100.0 + seconds * 100.0, available=100.0)}


def financial(o: DemoOrder) -> str:
    if o.status_override:
        return o.status_override
    if o.refunds and o.refunded >= o.total:
        return "REFUNDED"
    if o.refunds:
        return "PARTIALLY_REFUNDED"
    if o.cancelled and not o.paid:
        return "VOIDED"  # the authorisation was cancelled; a captured payment stays PAID
    return "PAID" if o.paid else "PENDING"


def fulfillment(o: DemoOrder) -> str:
    if o.shipped_all:
        return "FULFILLED"
    if o.shipped_any:
        return "PARTIALLY_FULFILLED"
    return "ON_HOLD" if o.on_hold else "UNFULFILLED"


def _money_bag(value, currency) -> dict:
    return {"shopMoney": {"amount": money_text(value, currency), "currencyCode": currency}}


def _bag(o: DemoOrder, value) -> dict:
    """A MoneyBag: what the shop books (shop money) and what the buyer saw (presentment)."""
    bag = {"shopMoney": {"amount": str(value), "currencyCode": o.currency}}
    if o.presentment:  # (the connector asks for shop money only)
        currency, rate = o.presentment
        bag["presentmentMoney"] = {"amount": s2(value * rate), "currencyCode": currency}
    return bag


def render(o: DemoOrder) -> dict:
    cur = o.currency
    if o.broken == "missing_fields":
        return {"id": gid("Order", ORDER_BASE + o.seq), "legacyResourceId": str(ORDER_BASE + o.seq),
                "name": f"#{o.number}"}
    lines = _line_page(o, 0, LINES_IN_ORDER_QUERY)
    txs = []
    if o.paid:
        txs.append({"id": gid("OrderTransaction", TX_BASE + o.seq), "kind": "SALE", "status": "SUCCESS",
                    "gateway": "alipay", "amountSet": _bag(o, o.total)})
    for r in o.refunds:
        txs.append({"id": gid("OrderTransaction", RTX_BASE + r.id), "kind": "REFUND", "status": "SUCCESS",
                    "gateway": "alipay", "amountSet": _bag(o, r.amount)})
    return {
        "id": gid("Order", ORDER_BASE + o.seq), "legacyResourceId": str(ORDER_BASE + o.seq),
        "name": f"#{o.number}", "createdAt": z(o.created), "updatedAt": z(o.updated),
        "processedAt": z(o.created), "cancelledAt": z(o.updated) if o.cancelled else None,
        "cancelReason": "CUSTOMER" if o.cancelled else None, "closedAt": None,
        "displayFinancialStatus": financial(o), "displayFulfillmentStatus": fulfillment(o),
        "currencyCode": cur, "presentmentCurrencyCode": (o.presentment or (cur,))[0],
        "taxesIncluded": o.tax_included, "paymentGatewayNames": ["alipay"], "tags": [], "note": None,
        "email": o.email, "phone": o.phone,
        "customer": {"id": gid("Customer", 9000 + abs(hash(o.email)) % 100000), "firstName": o.first_name,
                     "lastName": o.last_name, "email": o.email, "phone": o.phone},
        # original amounts (gross of refunds); current* are after refunds
        "totalPriceSet": _bag(o, o.total), "currentTotalPriceSet": _bag(o, o.total - o.refunded),
        "subtotalPriceSet": _bag(o, o.goods - o.discount),
        "totalTaxSet": _bag(o, o.tax), "totalDiscountsSet": _bag(o, o.discount),
        "totalShippingPriceSet": _bag(o, o.shipping),
        "totalRefundedSet": _bag(o, o.refunded),
        "shippingAddress": {"name": f"{o.first_name} {o.last_name}", "firstName": o.first_name,
                            "lastName": o.last_name, "company": None, "address1": o.street,
                            "address2": None, "city": o.city, "province": o.state, "provinceCode": o.state,
                            "zip": o.postcode, "country": o.country, "countryCodeV2": o.country,
                            "phone": o.phone},
        "lineItems": lines,
        "transactions": txs,
        "refunds": [{"id": gid("Refund", REFUND_BASE + r.id), "createdAt": z(r.created), "note": r.note,
                     "totalRefundedSet": _bag(o, r.amount)} for r in o.refunds],
        "fulfillments": [{"id": gid("Fulfillment", FUL_BASE + f.id), "status": "SUCCESS",
                          "displayStatus": "DELIVERED" if o.delivered else "IN_TRANSIT",
                          "deliveredAt": z(o.updated) if o.delivered else None,
                          "trackingInfo": [{"company": f.carrier, "number": f.number, "url": f.url}],
                          "fulfillmentLineItems": {"nodes": [
                              {"quantity": q, "lineItem": {"id": gid("LineItem", LINE_BASE + lid)}}
                              for lid, q in f.lines.items()]}} for f in o.fulfilments],
    }


def _line_page(o: DemoOrder, start: int, first: int) -> dict:
    """A page of an order's lineItems connection; the cursor is the index of the next line."""
    chunk = o.lines[start:start + first]
    more = start + first < len(o.lines)
    return {"pageInfo": {"hasNextPage": more,
                         "endCursor": base64.b64encode(str(start + first).encode()).decode() if more else None},
            "nodes": [{"id": gid("LineItem", LINE_BASE + line.id), "sku": line.sku or None,
                       "name": line.name, "quantity": line.quantity, "currentQuantity": line.quantity,
                       "unfulfilledQuantity": line.quantity - line.shipped,
                       "variant": None if line.deleted else _variant(line.sku),
                       "originalUnitPriceSet": _bag(o, line.price),
                       # not rounded: the coupon's share of the line over its units
                       "discountedUnitPriceAfterAllDiscountsSet": _bag(o, _unit_after_discounts(line))}
                      for line in chunk]}


def _unit_after_discounts(line) -> Decimal:
    if not line.discount:
        return line.price
    return (line.net / line.quantity).quantize(Decimal("1E-10")).normalize()


def _more_lines(demo: DemoStore, v: dict) -> dict:
    o = _order(demo, v["id"])
    if o is None:
        return {"order": None}
    try:
        start = int(base64.b64decode(v["after"])) if v.get("after") else 0
    except ValueError:
        return Response(200, {"errors": [{"message": "Invalid cursor for current pagination sort."}]})
    return {"order": {"lineItems": _line_page(o, start, min(int(v.get("first") or 50), 250))}}


def _variant(sku: str):
    for i, (code, _, _) in enumerate(CATALOG):
        if code == sku:
            return {"id": gid("ProductVariant", VARIANT_BASE + i), "legacyResourceId": str(VARIANT_BASE + i),
                    "inventoryItem": {"id": gid("InventoryItem", ITEM_BASE + i)}}
    return None


def _order(demo: DemoStore, order_gid: str) -> DemoOrder | None:
    try:
        return demo.find(_num(order_gid) - ORDER_BASE)
    except ValueError:
        return None


def _encode_cursor(o: DemoOrder) -> str:
    return base64.b64encode(json.dumps({"last_id": o.seq, "last_value": z(o.updated)}).encode()).decode()


def _decode_cursor(cursor: str):
    data = json.loads(base64.b64decode(cursor))
    return parse_dt(data["last_value"]), int(data["last_id"])


def route(demo: DemoStore, req) -> Response:
    if not re.fullmatch(r"/admin/api/[0-9-]+/graphql\.json", req.path) or req.method != "POST":
        return Response(404, {"errors": "Not Found"})
    if req.headers.get("X-Shopify-Access-Token") != demo.credential:
        return Response(401, {"errors": "[API] Invalid API key or access token (unrecognized login "
                                        "or wrong password)"})
    body = req.body or {}
    query, variables = body.get("query", ""), body.get("variables") or {}
    operation = re.match(r"\s*(?:query|mutation)\s+(\w+)", query)
    demo.operations.append(operation.group(1) if operation else "?")
    with demo.lock:
        data = _dispatch(demo, query, variables)
    if isinstance(data, Response):
        return data
    return Response(200, {"data": data, "extensions": cost()})


def _dispatch(demo: DemoStore, query: str, v: dict):
    if "query OrderStamps(" in query:  # ids and update times only
        info, nodes = _orders(demo, v)
        return Response(200, {"data": {"orders": {"pageInfo": info, "nodes": [
            {"id": gid("Order", ORDER_BASE + o.seq), "legacyResourceId": str(ORDER_BASE + o.seq),
             "name": f"#{o.number}", "updatedAt": z(o.updated)} for o in nodes]}},
            "extensions": cost(requested=6.0)})
    if "orders(" in query:
        info, nodes = _orders(demo, v)
        return Response(200, RawJSON(b'{"data":{"orders":{"pageInfo":' + dumps(info) + b',"nodes":['
                                     + b",".join(fragment(demo, "shopify", o, render) for o in nodes)
                                     + b']}},"extensions":' + dumps(cost()) + b"}"))
    if "nodes(ids" in query:
        return {"nodes": [render(o) if (o := _order(demo, i)) else None for i in v.get("ids", [])]}
    if "shop {" in query:
        return {"shop": {"name": "Demo Shop", "myshopifyDomain": "demo.myshopify.com",
                         "currencyCode": demo.currency}}
    if "fulfillmentCreate(" in query:
        return {"fulfillmentCreate": _fulfil(demo, v["fulfillment"])}
    if "orderCancel(" in query:
        o = _order(demo, v["orderId"])
        if o is None:
            return {"orderCancel": {"job": None, "orderCancelUserErrors": [
                {"field": ["orderId"], "message": "Order does not exist", "code": "NOT_FOUND"}]}}
        if o.shipped_any:
            return {"orderCancel": {"job": None, "orderCancelUserErrors": [
                {"field": ["orderId"], "message": "Cannot cancel an order that has been fulfilled",
                 "code": "INVALID"}]}}
        demo.change(o, cancelled=True)
        return {"orderCancel": {"job": {"id": gid("Job", demo.next_id()), "done": False},
                                "orderCancelUserErrors": []}}
    if "refundCreate(" in query:
        return {"refundCreate": _refund(demo, v["input"])}
    if "query OrderLines(" in query:
        return _more_lines(demo, v)
    if "order(id" in query:
        o = _order(demo, v["id"])
        return {"order": None if o is None else _order_state(o)}
    if "productVariants(" in query:
        sku = v.get("q", "").removeprefix("sku:")
        return {"productVariants": {"nodes": [
            {"id": gid("ProductVariant", VARIANT_BASE + i), "sku": code,
             "inventoryItem": {"id": gid("InventoryItem", ITEM_BASE + i)}}
            for i, (code, _, _) in enumerate(CATALOG) if code == sku]}}
    if "locations(" in query:
        return {"locations": {"nodes": [{"id": gid("Location", int(lid)), "name": name}
                                        for lid, name in LOCATIONS]}}
    if "inventorySetQuantities(" in query:
        changes, errors = [], []
        for q in v["input"]["quantities"]:
            index = _num(q["inventoryItemId"]) - ITEM_BASE
            loc = str(_num(q["locationId"]))
            if not 0 <= index < len(CATALOG) or loc not in dict(LOCATIONS):
                errors.append({"code": "INVALID_INVENTORY_ITEM", "field": ["input"],
                               "message": "The specified inventory item could not be found."})
                continue
            key = (CATALOG[index][0], loc)
            before = demo.stock.get(key, 0)
            demo.stock[key] = int(q["quantity"])
            changes.append({"name": "available", "delta": demo.stock[key] - before,
                            "quantityAfterChange": None})
        return {"inventorySetQuantities": {
            "inventoryAdjustmentGroup": None if errors else {"reason": "correction", "changes": changes},
            "userErrors": errors}}
    return Response(200, {"errors": [{"message": "demo store: unsupported query"}]})


def _orders(demo: DemoStore, v: dict) -> dict:
    first = min(int(v.get("first") or 50), 250)
    since = None
    match = re.search(r"updated_at:>=\s*'?([0-9T:.\-+Z]+)'?", v.get("q") or "")
    if match:
        since = parse_dt(match.group(1))
    after = _decode_cursor(v["after"]) if v.get("after") else None
    found = demo.iter_updated(since, after, limit=first)
    nodes = found[:first]
    return ({"hasNextPage": len(found) > first,
             "endCursor": _encode_cursor(nodes[-1]) if nodes else None}, nodes)


def _order_state(o: DemoOrder) -> dict:
    remaining = [line for line in o.lines]
    fo_status = "CLOSED" if o.shipped_all else ("ON_HOLD" if o.on_hold else
                                                ("IN_PROGRESS" if o.shipped_any else "OPEN"))
    if o.cancelled:
        fo_status = "CANCELLED"
    rendered = render(o)
    return {
        "id": gid("Order", ORDER_BASE + o.seq), "cancelledAt": rendered["cancelledAt"],
        "fulfillments": [{"id": gid("Fulfillment", FUL_BASE + f.id),
                          "trackingInfo": [{"company": f.carrier, "number": f.number, "url": f.url}]}
                         for f in o.fulfilments],
        "fulfillmentOrders": {"nodes": [{"id": gid("FulfillmentOrder", FO_BASE + o.seq), "status": fo_status,
                                         "lineItems": {"nodes": [
                                             {"id": gid("FulfillmentOrderLineItem", FOLI_BASE + line.id),
                                              "remainingQuantity": line.quantity - line.shipped,
                                              "lineItem": {"id": gid("LineItem", LINE_BASE + line.id),
                                                           "sku": line.sku}}
                                             for line in remaining]}}]},
        "refunds": rendered["refunds"], "transactions": rendered["transactions"],
        "lineItems": {"nodes": [{"id": n["id"], "sku": n["sku"]} for n in rendered["lineItems"]["nodes"]]},
    }


def _fulfil(demo: DemoStore, f: dict) -> dict:
    def error(message):
        return {"fulfillment": None, "userErrors": [{"field": ["fulfillment"], "message": message}]}
    groups = f.get("lineItemsByFulfillmentOrder") or []
    if not groups:
        return error("Line items by fulfillment order must not be empty.")
    o = demo.find(_num(groups[0]["fulfillmentOrderId"]) - FO_BASE)
    if o is None or o.cancelled or o.on_hold:
        return error("The fulfillment order is not in an open state.")
    quantities = {}
    for group in groups:
        for item in group.get("fulfillmentOrderLineItems") or []:
            quantities[_num(item["id"]) - FOLI_BASE] = int(item["quantity"])
    for line in o.lines:
        if quantities.get(line.id, 0) > line.quantity - line.shipped:
            return error("Invalid fulfillment order line item quantity requested.")
    info = f.get("trackingInfo") or {}
    ful = demo.fulfil(o, quantities, carrier=info.get("company", ""), number=info.get("number", ""),
                      url=info.get("url", ""))
    return {"fulfillment": {"id": gid("Fulfillment", FUL_BASE + ful.id), "status": "SUCCESS",
                            "trackingInfo": [{"company": ful.carrier, "number": ful.number, "url": ful.url}]},
            "userErrors": []}


def _refund(demo: DemoStore, data: dict) -> dict:
    o = _order(demo, data["orderId"])
    if o is None:
        return {"refund": None, "userErrors": [{"field": ["orderId"], "message": "Order does not exist"}]}
    amount = sum((Decimal(t["amount"]) for t in data.get("transactions") or []), Decimal("0"))
    try:
        refund = demo.refund(o, amount, data.get("note") or "")
    except ValueError as exc:
        return {"refund": None, "userErrors": [{"field": ["transactions"], "message": str(exc)}]}
    return {"refund": {"id": gid("Refund", REFUND_BASE + refund.id),
                       "totalRefundedSet": _money_bag(amount, o.currency)}, "userErrors": []}
