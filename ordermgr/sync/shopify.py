"""Shopify through the GraphQL Admin API (REST is legacy since 2024-10).

Pull: `orders(first, after, query: "updated_at:>='…'", sortKey: UPDATED_AT)` with cursor paging.
Push: fulfillmentCreate on the order's fulfillment orders, orderCancel, refundCreate,
inventorySetQuantities. Throttling: the calculated query cost in `extensions.cost.throttleStatus`
is watched after every reply (we wait before the bucket runs dry), and a THROTTLED error inside a
200 reply is retried after (requested - available) / restoreRate seconds.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from decimal import Decimal, InvalidOperation

from ordermgr.sync.base import (Connector, CurrentCheck, OrderPage, RemoteAddress, RemoteFulfilment,
                                RemoteLine, RemoteOrder, RemotePayment, StoreAuthError,
                                StoreBadResponse, StoreRejected, iso, key_tag, money, parse_time,
                                person_name)
from ordermgr.sync.http import Reply, RetryAfter
from ordermgr.sync.landing import send_once

API_VERSION = "2025-01"

# displayFinancialStatus (GraphQL, upper case; REST financial_status is the same in lower case)
FINANCIAL_STATUS = {
    "PENDING": ("pending", []),
    "AUTHORIZED": ("pending", ["authorised"]),  # reserved, not captured: capture before expiry
    "PARTIALLY_PAID": ("partially_paid", []),
    "PAID": ("paid", []),
    "PARTIALLY_REFUNDED": ("partially_refunded", []),
    "REFUNDED": ("refunded", []),
    "VOIDED": ("cancelled", []),
    "EXPIRED": ("pending", ["authorisation_expired", "needs_review"]),
}
# displayFulfillmentStatus (GraphQL) and REST fulfillment_status (null, partial, fulfilled, restocked)
FULFILLMENT_STATUS = {
    "UNFULFILLED": "unfulfilled",
    "PARTIALLY_FULFILLED": "partially_fulfilled",
    "IN_PROGRESS": "partially_fulfilled",
    "FULFILLED": "fulfilled",
    "ON_HOLD": "on_hold",
    "SCHEDULED": "on_hold",
    "REQUEST_DECLINED": "on_hold",
    "OPEN": "unfulfilled",
    "PENDING_FULFILLMENT": "unfulfilled",
    "RESTOCKED": "unfulfilled",
    "PARTIAL": "partially_fulfilled",  # REST
    None: "unfulfilled",  # REST null
}
# Fulfillment.displayStatus (where the parcel is) -> our shipment status; None: no parcel
SHIPMENT_STATUS = {
    "SUBMITTED": "in_transit", "CONFIRMED": "in_transit", "LABEL_PRINTED": "in_transit",
    "LABEL_PURCHASED": "in_transit", "FULFILLED": "in_transit", "MARKED_AS_FULFILLED": "in_transit",
    "IN_TRANSIT": "in_transit", "ATTEMPTED_DELIVERY": "in_transit",
    "OUT_FOR_DELIVERY": "out_for_delivery", "READY_FOR_PICKUP": "out_for_delivery",
    "DELIVERED": "delivered", "PICKED_UP": "delivered",
    "FAILURE": "exception", "NOT_DELIVERED": "exception",
    "CANCELED": None, "LABEL_VOIDED": None,
}
TRANSACTION_KIND = {"SALE": "charge", "CAPTURE": "charge", "AUTHORIZATION": "charge",
                    "REFUND": "refund", "VOID": None, "CHANGE": None, "EMV_AUTHORIZATION": "charge",
                    "SUGGESTED_REFUND": None}
TRANSACTION_STATUS = {"SUCCESS": "paid", "PENDING": "pending", "FAILURE": "failed",
                      "ERROR": "failed", "AWAITING_RESPONSE": "pending", "UNKNOWN": "pending"}

_MONEY = "shopMoney { amount currencyCode }"
_LINE_FIELDS = (f"id sku name quantity currentQuantity unfulfilledQuantity "
                f"variant {{ id legacyResourceId inventoryItem {{ id }} }} "
                f"originalUnitPriceSet {{ {_MONEY} }} discountedUnitPriceAfterAllDiscountsSet {{ {_MONEY} }}")
ORDER_FIELDS = f"""
  id legacyResourceId name createdAt updatedAt processedAt cancelledAt cancelReason closedAt
  displayFinancialStatus displayFulfillmentStatus currencyCode presentmentCurrencyCode
  taxesIncluded paymentGatewayNames tags note
  email phone
  customer {{ id firstName lastName email phone }}
  totalPriceSet {{ {_MONEY} }} currentTotalPriceSet {{ {_MONEY} }} subtotalPriceSet {{ {_MONEY} }}
  totalTaxSet {{ {_MONEY} }} totalDiscountsSet {{ {_MONEY} }} totalShippingPriceSet {{ {_MONEY} }}
  totalRefundedSet {{ {_MONEY} }}
  shippingAddress {{ name firstName lastName company address1 address2 city province provinceCode
                     zip country countryCodeV2 phone }}
  lineItems(first: 50) {{ pageInfo {{ hasNextPage endCursor }} nodes {{ {_LINE_FIELDS} }} }}
  transactions(first: 20) {{ id kind status gateway amountSet {{ {_MONEY} }} }}
  refunds(first: 20) {{ id createdAt note totalRefundedSet {{ {_MONEY} }} }}
  fulfillments(first: 20) {{ id status displayStatus deliveredAt trackingInfo {{ company number url }}
      fulfillmentLineItems(first: 50) {{ nodes {{ quantity lineItem {{ id }} }} }} }}
"""
ORDERS_QUERY = ("query OrdersSince($first: Int!, $after: String, $q: String!) { "
                "orders(first: $first, after: $after, query: $q, sortKey: UPDATED_AT) { "
                "pageInfo { hasNextPage endCursor } nodes { " + ORDER_FIELDS + " } } }")
# ids and update times only: for walking orders that are mostly held already
ORDER_STAMPS_QUERY = ("query OrderStamps($first: Int!, $after: String, $q: String!) { "
                      "orders(first: $first, after: $after, query: $q, sortKey: UPDATED_AT) { "
                      "pageInfo { hasNextPage endCursor } nodes { id legacyResourceId name updatedAt } } }")
SKIM_WHEN_HELD = 0.9  # a full page this much held already: list ids and times next
FULL_WHEN_STALE = 0.3  # a listed page this much changed: back to full pages
ORDERS_BY_ID_QUERY = ("query OrdersById($ids: [ID!]!) { nodes(ids: $ids) { ... on Order { "
                      + ORDER_FIELDS + " } } }")
# the rest of a big order's lines (an order query returns the first 50 with the order)
ORDER_LINES_QUERY = ("query OrderLines($id: ID!, $first: Int!, $after: String) { order(id: $id) { "
                     "lineItems(first: $first, after: $after) { pageInfo { hasNextPage endCursor } "
                     "nodes { " + _LINE_FIELDS + " } } } }")
SHOP_QUERY = "query Shop { shop { name myshopifyDomain currencyCode } }"
FULFILLMENT_ORDERS_QUERY = """query FulfilmentState($id: ID!) { order(id: $id) { id cancelledAt
  fulfillments(first: 50) { id trackingInfo { company number url } }
  fulfillmentOrders(first: 20) { nodes { id status
    lineItems(first: 50) { nodes { id remainingQuantity lineItem { id sku } } } } } } }"""
FULFILL_MUTATION = ("mutation Ship($fulfillment: FulfillmentInput!, $message: String) { "
                    "fulfillmentCreate(fulfillment: $fulfillment, message: $message) { "
                    "fulfillment { id status trackingInfo { company number url } } "
                    "userErrors { field message } } }")
CANCEL_MUTATION = ("mutation Cancel($orderId: ID!, $reason: OrderCancelReason!, $refund: Boolean!, "
                   "$restock: Boolean!, $notifyCustomer: Boolean, $staffNote: String) { "
                   "orderCancel(orderId: $orderId, reason: $reason, refund: $refund, "
                   "restock: $restock, notifyCustomer: $notifyCustomer, staffNote: $staffNote) { "
                   "job { id done } orderCancelUserErrors { field message code } } }")
REFUND_STATE_QUERY = """query RefundState($id: ID!) { order(id: $id) { id
  refunds(first: 50) { id note totalRefundedSet { shopMoney { amount currencyCode } } }
  transactions(first: 50) { id kind status gateway amountSet { shopMoney { amount currencyCode } } }
  lineItems(first: 100) { nodes { id sku } } } }"""
REFUND_MUTATION = ("mutation Refund($input: RefundInput!) { refundCreate(input: $input) { "
                   "refund { id totalRefundedSet { shopMoney { amount currencyCode } } } "
                   "userErrors { field message } } }")
VARIANT_BY_SKU_QUERY = ("query VariantBySku($q: String!) { productVariants(first: 5, query: $q) { "
                        "nodes { id sku inventoryItem { id } } } }")
LOCATIONS_QUERY = "query Locations { locations(first: 50) { nodes { id name } } }"
SET_STOCK_MUTATION = ("mutation SetStock($input: InventorySetQuantitiesInput!) { "
                      "inventorySetQuantities(input: $input) { inventoryAdjustmentGroup { reason "
                      "changes { name delta quantityAfterChange } } userErrors { code field message } } }")

CANCEL_REASONS = {"customer": "CUSTOMER", "fraud": "FRAUD", "inventory": "INVENTORY",
                  "declined": "DECLINED", "staff": "STAFF"}


class ShopifyConnector(Connector):
    platform = "shopify"
    trusts_updated_at = True  # Shopify bumps updatedAt on every change to an order

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.version = self.options.get("api_version", API_VERSION)
        self.endpoint = f"{self.base_url}/admin/api/{self.version}/graphql.json"
        self._next_cost = 0.0
        self._available: float | None = None
        self._restore = 100.0
        self._locations: list[dict] | None = None

    # -- transport ------------------------------------------------------------------------------
    def graphql(self, query: str, variables: dict | None = None, *, what: str = "",
                idempotent: bool | None = None) -> dict:
        """`idempotent`: queries are (the default); a mutation only when said so."""
        self._slow_down()
        if idempotent is None:
            idempotent = not query.lstrip().startswith("mutation")
        reply = self.http.request(
            "POST", self.endpoint, json={"query": query, "variables": variables or {}},
            headers={"X-Shopify-Access-Token": self.credential, "Content-Type": "application/json"},
            check=self._check_throttle, what=what or "GraphQL request", idempotent=idempotent)
        body = reply.data if isinstance(reply.data, dict) else None
        if body is None:
            raise StoreBadResponse(f"{self.name}: the GraphQL reply is not a JSON object ({what}).")
        errors = body.get("errors")
        if errors:
            text = "; ".join(e.get("message", str(e)) if isinstance(e, dict) else str(e)
                             for e in (errors if isinstance(errors, list) else [errors]))
            codes = {(e.get("extensions") or {}).get("code") for e in errors if isinstance(e, dict)}
            if codes & {"ACCESS_DENIED", "UNAUTHORIZED"}:
                raise StoreAuthError(f"{self.name}: access denied by Shopify ({text}). Check the "
                                     "app's scopes (read_orders, write_fulfillments, ...).")
            if body.get("data") is None:
                raise StoreRejected(f"{self.name}: Shopify refused the {what or 'request'}: {text}")
        if body.get("data") is None:
            raise StoreBadResponse(f"{self.name}: Shopify's reply has no data ({what}).")
        return body["data"]

    def _check_throttle(self, reply: Reply) -> None:
        body = reply.data if isinstance(reply.data, dict) else {}
        cost = (body.get("extensions") or {}).get("cost") or {}
        status = cost.get("throttleStatus") or {}
        if status:
            self._available = float(status.get("currentlyAvailable", 0))
            self._restore = float(status.get("restoreRate") or 100.0) or 100.0
            self._next_cost = float(cost.get("requestedQueryCost") or self._next_cost or 0)
        errors = body.get("errors") or []
        if isinstance(errors, list) and any(
                isinstance(e, dict) and (e.get("extensions") or {}).get("code") == "THROTTLED"
                for e in errors):
            requested = float(cost.get("requestedQueryCost") or self._next_cost or 50)
            available = float(status.get("currentlyAvailable") or 0)
            raise RetryAfter(max(0.05, (requested - available) / self._restore),
                             "Shopify THROTTLED (query cost)")

    def _slow_down(self) -> None:
        """Wait before sending if the bucket would not cover the next query's cost."""
        if self._available is None or not self._next_cost:
            return
        if self._available < self._next_cost:
            wait = (self._next_cost - self._available) / self._restore
            self.http.sleep(min(wait, self.http.max_sleep))
            self._available = self._next_cost

    # -- pull -----------------------------------------------------------------------------------
    def iter_order_pages(self, since: datetime | None, *, page_size: int = 100,
                         current: CurrentCheck | None = None) -> Iterator[OrderPage]:
        """Full pages while orders are new or changed; once a page turns out (nearly) all held
        already (a re-sync, a reset watermark, the overlap window), list only ids and update
        times and fetch just the changed orders: a fraction of the bytes and query cost."""
        query = f"updated_at:>='{iso(since)}'" if since else ""
        after, skim = None, False
        first = max(1, min(page_size, 250))
        while True:
            variables = {"first": first, "after": after, "q": query}
            if skim:
                conn = self.graphql(ORDER_STAMPS_QUERY, variables, what="listing orders").get("orders") or {}
                page, stale = self._skimmed_page(conn.get("nodes") or [], current)
                skim = stale <= FULL_WHEN_STALE
            else:
                conn = self.graphql(ORDERS_QUERY, variables, what="listing orders").get("orders") or {}
                page = OrderPage(orders=[])
                for node in conn.get("nodes") or []:
                    self._complete_lines(node)
                    page.add(node, parse_order, _ident)
                if page.orders:  # sorted by UPDATED_AT: everything older has been seen
                    page.safe_watermark = max(o.updated_at for o in page.orders)
                if current is not None and page.orders:
                    held = current([(o.external_id, o.updated_at) for o in page.orders])
                    skim = len(held) >= SKIM_WHEN_HELD * len(page.orders)
            yield page
            info = conn.get("pageInfo") or {}
            if not info.get("hasNextPage"):
                return
            after = info.get("endCursor")
            if not after:
                raise StoreBadResponse(f"{self.name}: Shopify said there are more orders but "
                                       "gave no cursor.")

    def fetch_orders(self, external_ids: list[str]) -> list[RemoteOrder]:
        return self._fetch_page(external_ids).orders

    def _fetch_page(self, external_ids: list[str]) -> OrderPage:
        page = OrderPage(orders=[])
        for start in range(0, len(external_ids), 50):
            data = self.graphql(ORDERS_BY_ID_QUERY,
                                {"ids": [_gid("Order", i) for i in external_ids[start:start + 50]]},
                                what="re-reading orders")
            for node in data.get("nodes") or []:
                if node:
                    self._complete_lines(node)
                    page.add(node, parse_order, _ident)
        return page

    def _skimmed_page(self, nodes: list, current: CurrentCheck) -> tuple[OrderPage, float]:
        """The listed orders we don't hold as they are, fetched in full; and how stale it was."""
        page, stamps = OrderPage(orders=[]), []
        for node in nodes:
            try:
                ext, _, updated = _ident(node)
            except (KeyError, TypeError, ValueError):
                page.add(node, parse_order, _ident)  # recorded as broken, with the reason
                continue
            stamps.append((ext, updated))
        held = current(stamps)
        stale = [ext for ext, _ in stamps if ext not in held]
        if stale:
            fetched = self._fetch_page(stale)
            page.orders, page.broken = fetched.orders, page.broken + fetched.broken
        page.skipped = len(stamps) - len(stale)
        if stamps:  # sorted by UPDATED_AT: everything older than the last one has been seen
            page.safe_watermark = max(updated for _, updated in stamps)
        return page, len(stale) / max(1, len(stamps))

    def _complete_lines(self, node) -> None:
        """Page through the rest of an order's lines into its payload. If the order vanished
        meanwhile, hasNextPage stays true and the order is quarantined, not imported short."""
        items = node.get("lineItems") if isinstance(node, dict) else None
        if not isinstance(items, dict):
            return
        info = items.get("pageInfo") or {}
        while info.get("hasNextPage") and info.get("endCursor"):
            order = self.graphql(ORDER_LINES_QUERY, {"id": node.get("id"), "first": 250,
                                                     "after": info["endCursor"]},
                                 what=f"reading the lines of order {node.get('name', '')}").get("order")
            more = (order or {}).get("lineItems")
            if not isinstance(more, dict):
                return
            items["nodes"] = (items.get("nodes") or []) + (more.get("nodes") or [])
            info = items["pageInfo"] = more.get("pageInfo") or {}

    # -- push -----------------------------------------------------------------------------------
    def _fulfilment_state(self, order_gid: str) -> dict:
        order = self.graphql(FULFILLMENT_ORDERS_QUERY, {"id": order_gid},
                             what="reading fulfillment orders").get("order")
        if order is None:
            raise StoreRejected(f"{self.name}: order {_legacy(order_gid)} does not exist on Shopify.")
        return order

    def _our_fulfilment(self, order_gid: str, waybill: str, state: dict | None = None) -> str | None:
        """The fulfilment an earlier attempt created, recognised by its tracking number."""
        state = state or self._fulfilment_state(order_gid)
        for ful in state.get("fulfillments") or []:
            if any(i.get("number") == waybill for i in ful.get("trackingInfo") or []):
                return ful["id"]
        return None

    def push_fulfilment(self, payload: dict, *, key: str) -> str:
        gid = _gid("Order", payload["order_external_id"])
        state = self._fulfilment_state(gid)
        waybill = payload.get("waybill", "")
        landed = self._our_fulfilment(gid, waybill, state)  # the first attempt may have landed
        if landed:
            return landed
        wanted = {str(_legacy(line.get("external_id"))): int(line.get("quantity", 0))
                  for line in payload.get("lines") or [] if line.get("external_id")}
        groups = []
        for fo in (state.get("fulfillmentOrders") or {}).get("nodes") or []:
            if fo.get("status") not in ("OPEN", "IN_PROGRESS"):
                continue
            items = []
            for item in (fo.get("lineItems") or {}).get("nodes") or []:
                line_id = str(_legacy((item.get("lineItem") or {}).get("id")))
                take = min(wanted.get(line_id, 0), int(item.get("remainingQuantity") or 0))
                if take > 0:
                    items.append({"id": item["id"], "quantity": take})
                    wanted[line_id] -= take
            if items:
                groups.append({"fulfillmentOrderId": fo["id"], "fulfillmentOrderLineItems": items})
        if not groups:
            raise StoreRejected(f"{self.name}: nothing left to fulfil on Shopify order "
                                f"{payload['order_external_id']} (already fulfilled or on hold).")
        tracking = {"company": payload.get("carrier", ""), "number": waybill}
        if payload.get("tracking_url"):
            tracking["url"] = payload["tracking_url"]
        if len(payload.get("waybills") or []) > 1:  # several parcels in one shipment
            tracking["numbers"] = list(payload["waybills"])
        def create() -> str:
            data = self.graphql(FULFILL_MUTATION, {"fulfillment": {
                "notifyCustomer": bool(payload.get("notify_customer", True)),
                "trackingInfo": tracking, "lineItemsByFulfillmentOrder": groups}},
                what="creating a fulfilment")
            result = data.get("fulfillmentCreate") or {}
            _raise_user_errors(self.name, result.get("userErrors"), "fulfilment")
            return (result.get("fulfillment") or {}).get("id", "")
        return send_once(create, lambda: self._our_fulfilment(gid, waybill))

    def cancel_order(self, payload: dict, *, key: str) -> str:
        gid = _gid("Order", payload["order_external_id"])
        state = self._fulfilment_state(gid)
        if state.get("cancelledAt"):
            return gid
        reason = CANCEL_REASONS.get(str(payload.get("shopify_reason", "")).lower(), "OTHER")

        def cancel() -> str:
            data = self.graphql(CANCEL_MUTATION, {
                "orderId": gid, "reason": reason, "refund": bool(payload.get("refund", False)),
                "restock": bool(payload.get("restock", True)), "notifyCustomer": True,
                "staffNote": f"{payload.get('reason', '')} {key_tag(key)}".strip()},
                what="cancelling the order")
            result = data.get("orderCancel") or {}
            _raise_user_errors(self.name, result.get("orderCancelUserErrors"), "cancellation")
            return (result.get("job") or {}).get("id", gid)
        # cancelling runs as a job: "landed" once the order says cancelled
        return send_once(cancel, lambda: gid if self._fulfilment_state(gid).get("cancelledAt") else None)

    def _refund_state(self, order_gid: str) -> dict:
        order = self.graphql(REFUND_STATE_QUERY, {"id": order_gid}, what="reading refunds").get("order")
        if order is None:
            raise StoreRejected(f"{self.name}: order {_legacy(order_gid)} does not exist.")
        return order

    @staticmethod
    def _our_refund(order: dict, tag: str) -> str | None:
        """The refund an earlier attempt created, recognised by the marker in its note."""
        return next((r["id"] for r in order.get("refunds") or [] if tag in (r.get("note") or "")), None)

    def refund(self, payload: dict, *, key: str) -> str:
        # API 2026-01 adds refundCreate(...) @idempotent(key:), mandatory from 2026-04; on the
        # pinned version the note marker is how a retry recognises its refund
        gid = _gid("Order", payload["order_external_id"])
        order = self._refund_state(gid)
        tag = key_tag(key)
        landed = self._our_refund(order, tag)
        if landed:
            return landed
        amount = money(payload.get("amount"), payload.get("currency"))
        refund_input: dict = {"orderId": gid, "notify": bool(payload.get("notify", False)),
                              "note": f"{payload.get('reason', '')} {tag}".strip()}
        lines = []
        known = {str(_legacy(n["id"])): n["id"] for n in (order.get("lineItems") or {}).get("nodes") or []}
        for line in payload.get("lines") or []:
            line_gid = known.get(str(_legacy(line.get("external_id"))))
            if line_gid:
                lines.append({"lineItemId": line_gid, "quantity": int(line.get("quantity", 1)),
                              "restockType": line.get("restock_type", "NO_RESTOCK")})
        if lines:
            refund_input["refundLineItems"] = lines
        if amount > 0:
            parent = next((t for t in order.get("transactions") or []
                           if t.get("kind") in ("SALE", "CAPTURE") and t.get("status") == "SUCCESS"), None)
            if parent is None:
                raise StoreRejected(f"{self.name}: order {payload['order_external_id']} has no "
                                    "captured payment to refund against.")
            refund_input["transactions"] = [{"orderId": gid, "parentId": parent["id"],
                                             "amount": str(amount), "kind": "REFUND",
                                             "gateway": parent.get("gateway", "")}]
        def create() -> str:
            data = self.graphql(REFUND_MUTATION, {"input": refund_input}, what="creating a refund")
            result = data.get("refundCreate") or {}
            _raise_user_errors(self.name, result.get("userErrors"), "refund")
            return (result.get("refund") or {}).get("id", "")
        return send_once(create, lambda: self._our_refund(self._refund_state(gid), tag))

    def set_stock(self, payload: dict, *, key: str) -> str:
        sku = payload["sku"]
        nodes = (self.graphql(VARIANT_BY_SKU_QUERY, {"q": f"sku:{sku}"}, what="finding the SKU")
                 .get("productVariants") or {}).get("nodes") or []
        variant = next((n for n in nodes if n.get("sku") == sku), None)
        if variant is None or not (variant.get("inventoryItem") or {}).get("id"):
            raise StoreRejected(f"{self.name}: no product variant with SKU {sku} on Shopify.")
        location = self._location(payload.get("location") or payload.get("warehouse"))
        data = self.graphql(SET_STOCK_MUTATION, {"input": {
            "name": "available", "reason": "correction", "ignoreCompareQuantity": True,
            "referenceDocumentUri": f"ordermgr://stock/{key}",
            "quantities": [{"inventoryItemId": variant["inventoryItem"]["id"],
                            "locationId": location, "quantity": int(payload["available"])}]}},
            what=f"setting stock of {sku}", idempotent=True)  # an absolute level
        result = data.get("inventorySetQuantities") or {}
        _raise_user_errors(self.name, result.get("userErrors"), "stock update")
        return variant["inventoryItem"]["id"]

    def _location(self, wanted) -> str:
        mapping = self.options.get("locations") or {}  # our warehouse code -> location id/name
        if wanted and str(wanted) in mapping:
            wanted = mapping[str(wanted)]
        if wanted and str(wanted).startswith("gid://"):
            return str(wanted)
        if self._locations is None:
            self._locations = (self.graphql(LOCATIONS_QUERY, what="listing locations")
                               .get("locations") or {}).get("nodes") or []
        for loc in self._locations:
            if wanted and (loc.get("name") == wanted or _legacy(loc.get("id")) == str(wanted)):
                return loc["id"]
        if self.options.get("location_id"):
            return _gid("Location", self.options["location_id"])
        if not self._locations:
            raise StoreRejected(f"{self.name}: the shop has no locations to hold stock.")
        return self._locations[0]["id"]

    def test_connection(self) -> str:
        shop = self.graphql(SHOP_QUERY, what="reading the shop").get("shop") or {}
        return f"Shopify shop {shop.get('name', '?')} ({shop.get('myshopifyDomain', '')})"


# -- parsing ------------------------------------------------------------------------------------------

def _ident(node: dict):
    return (str(node.get("legacyResourceId") or _legacy(node["id"])), str(node.get("name") or "").lstrip("#"),
            parse_time(node["updatedAt"]))


def _gid(kind: str, value) -> str:
    text = str(value)
    return text if text.startswith("gid://") else f"gid://shopify/{kind}/{text}"


def _legacy(gid) -> str:
    return str(gid).rsplit("/", 1)[-1] if gid else ""


def _amount(bag, currency: str, what: str):
    """The shop-money amount of a `*Set` (what the shop books; presentment money is what the
    buyer saw in their own currency), exact to the shop currency's minor unit."""
    if not bag:
        return money(None, currency)
    shop = bag.get("shopMoney") or {}
    return money(shop.get("amount"), shop.get("currencyCode") or currency, what=what)


def _shop_amount(bag) -> Decimal:
    """The shop-money amount as sent (not rounded yet)."""
    value = ((bag or {}).get("shopMoney") or {}).get("amount")
    try:
        return Decimal(str(value)) if value not in (None, "") else Decimal(0)
    except InvalidOperation:
        raise ValueError(f"amount {value!r} is not a number") from None


def _raise_user_errors(store: str, errors, what: str) -> None:
    if errors:
        text = "; ".join(e.get("message", str(e)) for e in errors)
        raise StoreRejected(f"{store}: Shopify refused the {what}: {text}")


def map_status(financial: str | None, fulfillment: str | None, cancelled: bool):
    """(payment, fulfilment, flags) in the neutral vocabulary; unknown values → needs review."""
    flags: list[str] = []
    fin_key = (financial or "").upper()
    payment, extra = FINANCIAL_STATUS.get(fin_key, ("pending", ["unknown_status"]))
    flags += extra
    ful_key = fulfillment.upper() if fulfillment else None
    if ful_key not in FULFILLMENT_STATUS:
        flags.append("unknown_status")
    fulfilment = FULFILLMENT_STATUS.get(ful_key, "on_hold")
    if cancelled and payment not in ("paid", "partially_paid", "refunded", "partially_refunded"):
        payment = "cancelled"  # nothing was captured; cancelled after capture keeps "paid"
    return payment, fulfilment, flags


def parse_order(node: dict) -> RemoteOrder:
    ext = str(node.get("legacyResourceId") or _legacy(node["id"]))
    cancelled = bool(node.get("cancelledAt"))
    payment, fulfilment, flags = map_status(node.get("displayFinancialStatus"),
                                            node.get("displayFulfillmentStatus"), cancelled)
    currency = node.get("currencyCode") or ""
    lines = []
    for item in (node.get("lineItems") or {}).get("nodes") or []:
        qty = int(item.get("quantity") or 0)
        unit = _amount(item.get("originalUnitPriceSet"), currency, "unit price")
        disc_unit = item.get("discountedUnitPriceAfterAllDiscountsSet")
        # the unit price after discounts need not be whole cents (a coupon over 3 units):
        # the line's discount is rounded once, not per unit
        discount = money(qty * (_shop_amount(item.get("originalUnitPriceSet"))
                                - _shop_amount(disc_unit)), currency,
                         what="line discount") if disc_unit else money(0, currency)
        unfulfilled = item.get("unfulfilledQuantity")
        shipped = qty - int(unfulfilled) if unfulfilled is not None else 0
        lines.append(RemoteLine(external_id=_legacy(item["id"]), sku=(item.get("sku") or "").strip(),
                                name=item.get("name") or "", quantity=qty, unit_price=unit,
                                discount=discount, quantity_shipped=max(0, min(qty, shipped))))
    payments = []
    for tx in node.get("transactions") or []:
        kind = TRANSACTION_KIND.get(str(tx.get("kind", "")).upper())
        if kind is None:
            continue
        status = TRANSACTION_STATUS.get(str(tx.get("status", "")).upper(), "pending")
        if kind == "charge" and str(tx.get("kind")).upper() == "AUTHORIZATION" and status == "paid":
            status = "authorized"
        payments.append(RemotePayment(external_id=_legacy(tx["id"]), kind=kind,
                                      amount=_amount(tx.get("amountSet"), currency, "transaction amount"),
                                      status=status, method=tx.get("gateway") or "",
                                      reference=_legacy(tx["id"])))
    fulfilments = []
    for ful in node.get("fulfillments") or []:
        info = (ful.get("trackingInfo") or [{}])
        info = info[0] if info else {}
        ful_lines = {}
        for fli in (ful.get("fulfillmentLineItems") or {}).get("nodes") or []:
            ful_lines[_legacy((fli.get("lineItem") or {}).get("id"))] = int(fli.get("quantity") or 0)
        shipment = SHIPMENT_STATUS.get(str(ful.get("displayStatus") or "FULFILLED").upper(),
                                       "in_transit")
        if str(ful.get("status", "")).upper() in ("CANCELLED", "ERROR", "FAILURE") or shipment is None:
            continue
        fulfilments.append(RemoteFulfilment(external_id=_legacy(ful["id"]),
                                            carrier=info.get("company") or "",
                                            waybill=info.get("number") or "",
                                            tracking_url=info.get("url") or "", lines=ful_lines,
                                            status=shipment,
                                            delivered_at=parse_time(ful.get("deliveredAt"))
                                            if shipment == "delivered" else None))
    addr = node.get("shippingAddress")
    address = None
    if addr:
        address = RemoteAddress(
            name=person_name(addr.get("firstName"), addr.get("lastName")) or addr.get("name") or "",
            given_name=addr.get("firstName") or "", family_name=addr.get("lastName") or "",
            phone=addr.get("phone") or "", line1=addr.get("address1") or "",
            line2=addr.get("address2") or "", city=addr.get("city") or "",
            region=addr.get("province") or "", postcode=addr.get("zip") or "",
            country=(addr.get("countryCodeV2") or "").upper())
    customer = node.get("customer") or {}
    cust_name = person_name(customer.get("firstName"), customer.get("lastName"))
    tags = node.get("tags") or []
    if isinstance(tags, str):
        tags = [t.strip() for t in tags.split(",")]
    problems = []
    if ((node.get("lineItems") or {}).get("pageInfo") or {}).get("hasNextPage"):
        problems.append("not all of its lines could be read from Shopify (the order may have been "
                        "deleted); it is read again on the next sync")
    return RemoteOrder(
        problems=problems,
        external_id=ext, number=str(node.get("name") or ext).lstrip("#"),
        updated_at=parse_time(node["updatedAt"]),
        placed_at=parse_time(node.get("processedAt") or node.get("createdAt")),
        currency=currency, raw=node, payment=payment, fulfilment=fulfilment, cancelled=cancelled,
        platform_status=f"{node.get('displayFinancialStatus')}/{node.get('displayFulfillmentStatus')}"
                        + ("/CANCELLED" if cancelled else ""),
        flags=flags, customer_name=cust_name or (address.name if address else ""),
        customer_given_name=(customer.get("firstName") if cust_name else
                             address.given_name if address else "") or "",
        customer_family_name=(customer.get("lastName") if cust_name else
                              address.family_name if address else "") or "",
        email=node.get("email") or customer.get("email") or "",
        phone=node.get("phone") or customer.get("phone") or "",
        customer_ref=_legacy(customer.get("id")) if customer else "",
        address=address, lines=lines, payments=payments, fulfilments=fulfilments,
        subtotal=_amount(node.get("subtotalPriceSet"), currency, "subtotal") if node.get("subtotalPriceSet") else None,
        shipping=_amount(node.get("totalShippingPriceSet"), currency, "shipping"),
        tax=_amount(node.get("totalTaxSet"), currency, "tax"),
        discount=_amount(node.get("totalDiscountsSet"), currency, "discount"),
        # totalPriceSet is the original total: gross of refunds (currentTotalPriceSet is net)
        total=_amount(node.get("totalPriceSet"), currency, "total"), note=node.get("note") or "",
        prices_include_tax=bool(node.get("taxesIncluded")),
        delivered=fulfilment == "fulfilled" and bool(fulfilments) and all(
            f.status == "delivered" for f in fulfilments),
        tags=[t for t in tags if t])


CONNECTOR = ShopifyConnector
