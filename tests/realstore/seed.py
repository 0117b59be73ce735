"""Seed the real Medusa store through its own HTTP flows: the admin API sets up regions, taxes,
a warehouse, shipping and products; customers check out through the store API; the admin then
captures, fulfils, ships, delivers, completes, cancels and refunds. Deterministic: the same
orders, in the same order, with the same amounts on every run.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tests.realstore.medusa_api import AdminApi, StoreApi

# (name, currency, countries, tax inclusive, {country: (tax name, rate %)})
REGIONS = [
    ("North America", "usd", ["us", "ca"], False, {"us": None, "ca": ("GST", 5)}),
    ("Europe", "eur", ["de", "fr"], True, {"de": ("MwSt", 19), "fr": ("TVA", 20)}),
    ("China", "cny", ["cn"], True, {"cn": ("VAT", 13)}),
    ("Japan", "jpy", ["jp"], True, {"jp": ("JCT", 10)}),
]
# sku -> (title, {currency: price}); EUR/CNY/JPY prices include tax
PRODUCTS = {
    "TEE-BLK-M": ("Black tee, M", {"usd": 19.99, "eur": 24.95, "cny": 129, "jpy": 2980}),
    "MUG-WHT": ("White mug", {"usd": 12.5, "eur": 14.9, "cny": 79.9, "jpy": 1480}),
    "CAP-RED": ("Red cap", {"usd": 24, "eur": 27.99, "cny": 158, "jpy": 3300}),
    "SOCK-3PK": ("Socks, 3 pairs", {"usd": 9.95, "eur": 11.99, "cny": 59, "jpy": 990}),
}
SHIPPING_PRICES = {"usd": 8, "eur": 6.9, "cny": 20, "jpy": 800}
PROMO_CODE = "WELCOME10"
STOCK = 500

# (first, last, email, country, city, postcode, province, address line)
PEOPLE = {
    "us": ("Ada", "Lovelace", "ada@example.com", "us", "New York", "10001", "NY", "5th Avenue 1"),
    "ca": ("Siobhan", "O'Brien", "siobhan.obrien@example.ca", "ca", "Montréal", "H2X 1Y4", "QC",
           "1 Rue Sainte-Catherine"),
    "de": ("Jürgen", "Müller", "juergen.mueller@example.de", "de", "München", "80331", "",
           "Marienplatz 8"),
    "fr": ("Zoë", "Lefèvre", "zoe.lefevre@example.fr", "fr", "Paris", "75001", "", "1 Rue de Rivoli"),
    "cn": ("伟", "张", "zhang.wei@example.cn", "cn", "上海", "200000", "上海市", "南京东路 100 号"),
    "jp": ("花子", "山田", "hanako.yamada@example.jp", "jp", "東京", "100-0001", "東京都", "千代田 1-1"),
}


@dataclass
class Catalogue:
    regions: dict[str, str] = field(default_factory=dict)  # currency -> region id
    variants: dict[str, str] = field(default_factory=dict)  # sku -> variant id
    location_id: str = ""
    shipping_option_id: str = ""
    sales_channel_id: str = ""
    publishable_key: str = ""
    secret_key: str = ""


def set_up_catalogue(admin: AdminApi) -> Catalogue:
    cat = Catalogue()
    store = admin.get("/admin/stores")["stores"][0]
    cat.sales_channel_id = store["default_sales_channel_id"]
    admin.post(f"/admin/stores/{store['id']}", {"supported_currencies": [
        {"currency_code": cur, "is_default": cur == "usd", "is_tax_inclusive": inclusive}
        for _, cur, _, inclusive, _ in REGIONS]})
    for name, cur, countries, inclusive, taxes in REGIONS:
        region = admin.post("/admin/regions", {
            "name": name, "currency_code": cur, "countries": countries, "automatic_taxes": True,
            "is_tax_inclusive": inclusive, "payment_providers": ["pp_system_default"]})["region"]
        cat.regions[cur] = region["id"]
        for country, rate in taxes.items():
            body = {"country_code": country, "provider_id": "tp_system"}
            if rate:
                body["default_tax_rate"] = {"name": rate[0], "code": rate[0].lower(), "rate": rate[1]}
            admin.post("/admin/tax-regions", body)
    location = admin.post("/admin/stock-locations", {
        "name": "Main warehouse", "address": {"address_1": "Dock 1", "city": "Newark",
                                              "country_code": "us", "postal_code": "07102"}}
    )["stock_location"]
    cat.location_id = location["id"]
    admin.post(f"/admin/stock-locations/{location['id']}/sales-channels", {"add": [cat.sales_channel_id]})
    admin.post(f"/admin/stock-locations/{location['id']}/fulfillment-providers", {"add": ["manual_manual"]})
    fset = admin.post(f"/admin/stock-locations/{location['id']}/fulfillment-sets",
                      {"name": "Shipping from Newark", "type": "shipping"},
                      fields="*fulfillment_sets")
    fset = next(f for f in fset["stock_location"]["fulfillment_sets"] if f["type"] == "shipping")
    zone = admin.post(f"/admin/fulfillment-sets/{fset['id']}/service-zones", {
        "name": "Everywhere we sell",
        "geo_zones": [{"type": "country", "country_code": c}
                      for _, _, countries, _, _ in REGIONS for c in countries]}
    )["fulfillment_set"]["service_zones"][0]
    profile = admin.get("/admin/shipping-profiles")["shipping_profiles"][0]
    option = admin.post("/admin/shipping-options", {
        "name": "Standard", "service_zone_id": zone["id"], "shipping_profile_id": profile["id"],
        "provider_id": "manual_manual", "price_type": "flat",
        "type": {"label": "Standard", "description": "3-5 days", "code": "standard"},
        "prices": [{"currency_code": cur, "amount": amount} for cur, amount in SHIPPING_PRICES.items()],
        "rules": [{"attribute": "enabled_in_store", "value": "true", "operator": "eq"},
                  {"attribute": "is_return", "value": "false", "operator": "eq"}]})["shipping_option"]
    cat.shipping_option_id = option["id"]
    for sku, (title, prices) in PRODUCTS.items():
        product = admin.post("/admin/products", {
            "title": title, "status": "published", "shipping_profile_id": profile["id"],
            "sales_channels": [{"id": cat.sales_channel_id}],
            "options": [{"title": "Default", "values": ["Default"]}],
            "variants": [{"title": title, "sku": sku, "manage_inventory": True,
                          "options": {"Default": "Default"},
                          "prices": [{"currency_code": c, "amount": a} for c, a in prices.items()]}]}
        )["product"]
        cat.variants[sku] = product["variants"][0]["id"]
    items = admin.get("/admin/inventory-items", limit=100)["inventory_items"]
    for item in items:
        admin.post(f"/admin/inventory-items/{item['id']}/location-levels",
                   {"location_id": cat.location_id, "stocked_quantity": STOCK})
    key = admin.post("/admin/api-keys", {"title": "Storefront", "type": "publishable"})["api_key"]
    admin.post(f"/admin/api-keys/{key['id']}/sales-channels", {"add": [cat.sales_channel_id]})
    cat.publishable_key = key["token"]
    cat.secret_key = admin.post("/admin/api-keys", {"title": "ordermgr", "type": "secret"})["api_key"]["token"]
    admin.post("/admin/promotions", {  # 10 % off every line, spread over the lines by Medusa
        "code": PROMO_CODE, "type": "standard", "status": "active", "is_automatic": False,
        "application_method": {"type": "percentage", "target_type": "items",
                               "allocation": "across", "value": 10}})
    return cat


def address(person: tuple) -> dict:
    first, last, _email, country, city, postcode, province, line1 = person
    return {"first_name": first, "last_name": last, "address_1": line1, "city": city,
            "country_code": country, "postal_code": postcode, "province": province,
            "phone": "+1 555 0100"}


def checkout(store: StoreApi, cat: Catalogue, currency: str, person: tuple,
             lines: list[tuple[str, int]], *, promo: str | None = None) -> dict:
    """Storefront checkout: cart → addresses (→ promotion code) → shipping method → payment
    session → complete."""
    cart = store.post("/store/carts", {
        "region_id": cat.regions[currency], "email": person[2],
        "items": [{"variant_id": cat.variants[sku], "quantity": qty} for sku, qty in lines]})["cart"]
    store.post(f"/store/carts/{cart['id']}", {"shipping_address": address(person),
                                              "billing_address": address(person)})
    if promo:
        store.post(f"/store/carts/{cart['id']}/promotions", {"promo_codes": [promo]})
    store.post(f"/store/carts/{cart['id']}/shipping-methods", {"option_id": cat.shipping_option_id})
    collection = store.post("/store/payment-collections", {"cart_id": cart["id"]})["payment_collection"]
    store.post(f"/store/payment-collections/{collection['id']}/payment-sessions",
               {"provider_id": "pp_system_default"})
    done = store.post(f"/store/carts/{cart['id']}/complete")
    if done.get("type") != "order":
        raise RuntimeError(f"cart {cart['id']} did not complete: {done}")
    return done["order"]


ORDER_FIELDS = ("id,display_id,status,payment_status,fulfillment_status,total,*items,"
                "*payment_collections,*payment_collections.payments,*fulfillments")


class Lifecycle:
    """Admin actions on one order, in Medusa's own flows."""

    def __init__(self, admin: AdminApi, cat: Catalogue, order_id: str):
        self.admin, self.cat, self.id = admin, cat, order_id

    def order(self) -> dict:
        return self.admin.get(f"/admin/orders/{self.id}", fields=ORDER_FIELDS)["order"]

    def payment(self) -> dict:
        return self.order()["payment_collections"][0]["payments"][0]

    def capture(self) -> "Lifecycle":
        """Capture the storefront payment; a converted draft order has none, so staff records
        the payment taken by phone (a payment collection marked as paid)."""
        order = self.order()
        collections = order["payment_collections"]
        if not collections or not collections[0].get("payments"):
            collection = collections[0] if collections else self.admin.post(
                "/admin/payment-collections", {"order_id": self.id, "amount": order["total"]}
            )["payment_collection"]
            self.admin.post(f"/admin/payment-collections/{collection['id']}/mark-as-paid",
                            {"order_id": self.id})
        else:
            self.admin.post(f"/admin/payments/{collections[0]['payments'][0]['id']}/capture")
        return self

    def capture_part(self, amount) -> "Lifecycle":
        self.admin.post(f"/admin/payments/{self.payment()['id']}/capture", {"amount": amount})
        return self

    def ship_lines_apart(self, *, tracking: str, deliver_first: bool = True) -> "Lifecycle":
        """One parcel per line, all shipped; the first delivered."""
        for n, item in enumerate(self.order()["items"]):
            self._parcel([{"id": item["id"], "quantity": item["quantity"]}], f"{tracking}-{n + 1}",
                         deliver=deliver_first and n == 0)
        return self

    def cancel_fulfilments(self) -> "Lifecycle":
        for ful in self.order()["fulfillments"]:
            if not ful.get("canceled_at"):
                self.admin.post(f"/admin/orders/{self.id}/fulfillments/{ful['id']}/cancel")
        return self

    def archive(self) -> "Lifecycle":
        self.admin.post(f"/admin/orders/{self.id}/archive")
        return self

    def refund(self, amount, note: str) -> "Lifecycle":
        self.admin.post(f"/admin/payments/{self.payment()['id']}/refund", {"amount": amount, "note": note})
        return self

    def refund_all(self, note: str) -> "Lifecycle":
        return self.refund(self.payment()["amount"], note)

    def fulfil(self, *, only_first_line: bool = False, tracking: str | None = None,
               deliver: bool = False) -> "Lifecycle":
        items = [{"id": i["id"], "quantity": i["quantity"]} for i in self.order()["items"]]
        if only_first_line:
            items = items[:1]
        self._parcel(items, tracking, deliver=deliver)
        return self

    def _parcel(self, items: list[dict], tracking: str | None, *, deliver: bool) -> None:
        made = self.admin.post(f"/admin/orders/{self.id}/fulfillments",
                               {"items": items, "location_id": self.cat.location_id},
                               fields="id,*fulfillments")["order"]["fulfillments"]
        fid = max(made, key=lambda f: f["created_at"])["id"]
        if tracking:
            self.admin.post(f"/admin/orders/{self.id}/fulfillments/{fid}/shipments", {
                "items": items, "labels": [{"tracking_number": tracking,
                                            "tracking_url": f"https://track.example/{tracking}",
                                            "label_url": f"https://labels.example/{tracking}.pdf"}]})
        if deliver:
            self.admin.post(f"/admin/orders/{self.id}/fulfillments/{fid}/mark-as-delivered")

    def complete(self) -> "Lifecycle":
        self.admin.post(f"/admin/orders/{self.id}/complete")
        return self

    def cancel(self) -> "Lifecycle":
        self.admin.post(f"/admin/orders/{self.id}/cancel")
        return self


def draft_order(admin: AdminApi, cat: Catalogue, currency: str, person: tuple,
                lines: list[tuple[str, int]]) -> str:
    """An order typed in by staff: a draft order with a shipping method, converted to an order."""
    draft = admin.post("/admin/draft-orders", {
        "email": person[2], "region_id": cat.regions[currency], "sales_channel_id": cat.sales_channel_id,
        "shipping_address": address(person), "billing_address": address(person),
        "items": [{"variant_id": cat.variants[sku], "quantity": qty} for sku, qty in lines],
        "shipping_methods": [{"shipping_option_id": cat.shipping_option_id, "name": "Standard",
                              "amount": SHIPPING_PRICES[currency]}]})["draft_order"]
    return admin.post(f"/admin/draft-orders/{draft['id']}/convert-to-order")["order"]["id"]


# What happens to each order after checkout; (name, actions). The seed runs every scenario in
# three countries (rotating), so each state appears in several currencies.
SCENARIOS = [
    ("authorised only", lambda o: o),
    ("captured", lambda o: o.capture()),
    ("fulfilled, not shipped", lambda o: o.capture().fulfil()),
    ("shipped with tracking", lambda o: o.capture().fulfil(tracking="TRK{n}")),
    ("first line shipped", lambda o: o.capture().fulfil(only_first_line=True, tracking="TRK{n}")),
    ("delivered", lambda o: o.capture().fulfil(tracking="TRK{n}", deliver=True)),
    ("completed", lambda o: o.capture().fulfil(tracking="TRK{n}", deliver=True).complete()),
    ("cancelled before capture", lambda o: o.cancel()),
    ("cancelled after capture", lambda o: o.capture().cancel()),
    ("partly refunded", lambda o: o.capture().refund(5, "goodwill")),
    ("refunded in full", lambda o: o.capture().refund_all("returned")),
    ("shipped, then partly refunded", lambda o: o.capture().fulfil(tracking="TRK{n}").refund(3, "late")),
]
# Run once each (every state of Medusa's that its own flows can reach with the system payment
# provider; "awaiting", "partially_authorized" and "requires_action" cannot be reached that way).
RARER_SCENARIOS = [
    ("captured (more for the push tests)", lambda o: o.capture()),
    ("captured (more for the push tests)", lambda o: o.capture()),
    ("partly captured", lambda o: o.capture_part(10)),
    ("first line fulfilled, not shipped", lambda o: o.capture().fulfil(only_first_line=True)),
    ("two parcels, first delivered", lambda o: o.capture().ship_lines_apart(tracking="TRK{n}")),
    ("fulfilment cancelled", lambda o: o.capture().fulfil().cancel_fulfilments()),
    ("fulfilment cancelled, then the order",
     lambda o: o.capture().fulfil().cancel_fulfilments().cancel()),
    ("archived", lambda o: o.capture().fulfil(tracking="TRK{n}", deliver=True).complete().archive()),
]
COUNTRY_ROTATION = ["us", "ca", "de", "fr", "cn", "jp"]
BASKETS = [[("TEE-BLK-M", 2), ("MUG-WHT", 1)], [("CAP-RED", 1), ("SOCK-3PK", 3)],
           [("MUG-WHT", 3)], [("TEE-BLK-M", 1), ("CAP-RED", 2), ("SOCK-3PK", 1)]]
REGISTERED = {"de", "cn", "ca"}  # these people have accounts; the others check out as guests
CURRENCY = {"us": "usd", "ca": "usd", "de": "eur", "fr": "eur", "cn": "cny", "jp": "jpy"}


@dataclass
class SeededOrder:
    id: str
    scenario: str
    country: str
    how: str  # guest | registered | draft


def seed_orders(admin: AdminApi, cat: Catalogue, *, rounds: int = 3) -> list[SeededOrder]:
    shoppers: dict[str, StoreApi] = {}
    for country, person in PEOPLE.items():
        shoppers[country] = StoreApi(admin.base_url, cat.publishable_key)
        if country in REGISTERED:
            shoppers[country].register(person[2], "s3cret-pass", person[0], person[1])
    seeded, n = [], 0
    for round_no in range(rounds):
        for index, (scenario, act) in enumerate(SCENARIOS):
            n += 1
            country = COUNTRY_ROTATION[(index + round_no * 5) % len(COUNTRY_ROTATION)]
            person, basket = PEOPLE[country], BASKETS[n % len(BASKETS)]
            if round_no == 2 and index % 3 == 0:
                order_id, how = draft_order(admin, cat, CURRENCY[country], person, basket), "draft"
            else:
                promo = PROMO_CODE if round_no == 1 and index % 3 else None
                order = checkout(shoppers[country], cat, CURRENCY[country], person, basket,
                                 promo=promo)
                order_id = order["id"]
                how = "registered" if country in REGISTERED else "guest"
            life = Lifecycle(admin, cat, order_id)
            _run_scenario(act, life, n)
            seeded.append(SeededOrder(order_id, scenario, country, how))
    for index, (scenario, act) in enumerate(RARER_SCENARIOS):
        n += 1
        country = COUNTRY_ROTATION[index % len(COUNTRY_ROTATION)]
        order = checkout(shoppers[country], cat, CURRENCY[country], PEOPLE[country],
                         BASKETS[3])  # three lines: part of them can be fulfilled
        _run_scenario(act, Lifecycle(admin, cat, order["id"]), n)
        seeded.append(SeededOrder(order["id"], scenario, country,
                                  "registered" if country in REGISTERED else "guest"))
    return seeded


def _run_scenario(act, life: Lifecycle, n: int) -> None:
    """Run `act`, putting the order number into tracking numbers ("TRK{n}")."""
    for name in ("fulfil", "ship_lines_apart"):
        original = getattr(life, name)

        def numbered(_original=original, **kwargs):
            if kwargs.get("tracking"):
                kwargs["tracking"] = kwargs["tracking"].format(n=f"{n:04d}")
            return _original(**kwargs)

        setattr(life, name, numbered)
    act(life)


def seed(base_url: str, email: str, password: str) -> tuple[Catalogue, list[SeededOrder]]:
    admin = AdminApi(base_url, email, password)
    cat = set_up_catalogue(admin)
    return cat, seed_orders(admin, cat)
