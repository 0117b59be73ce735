"""Save real Medusa order payloads, one per row of the connector's state tables, as test samples
(`tests/connectors/samples/medusa/<table>-<state>.json`), and a few with a promotion
(`promotion-<currency>.json`), from a store seeded by `seed.py`:

    python -m tests.realstore.samples http://127.0.0.1:PORT

Each payload is read with the connector's own `fields`, then trimmed of what the connector does not
read (product texts, tax lines, timestamps of sub-records). A state that Medusa's own flows cannot
reach with the system payment provider is saved from a real payload with that one status field
edited, and says so in its `_edited` key.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from ordermgr.sync import medusa
from tests.realstore import medusa_store
from tests.realstore.medusa_api import AdminApi

OUT = Path(__file__).resolve().parents[1] / "connectors" / "samples" / "medusa"
TABLES = {"order": ("status", medusa.ORDER_STATUS),
          "payment": ("payment_status", medusa.PAYMENT_STATUS),
          "fulfilment": ("fulfillment_status", medusa.FULFILLMENT_STATUS)}
# unreachable with the system payment provider: (table, state) -> the real state edited from
EDITED_FROM = {("payment", "awaiting"): "not_paid",
               ("payment", "partially_authorized"): "authorized",
               ("payment", "requires_action"): "authorized",
               ("order", "requires_action"): "pending"}
DROP = {"thumbnail", "product_description", "product_subtitle", "product_type", "product_type_id",
        "product_collection", "product_handle", "variant_barcode", "variant_option_values",
        "tax_lines", "adjustments", "payment_session", "payment_session_id", "data",
        "deleted_at", "created_by", "marked_shipped_by", "delivery_address", "shipping_option",
        "line_item_metadata", "compare_at_unit_price", "raw_compare_at_unit_price"}


KEEP_RAW = {"raw_unit_price", "raw_discount_total", "raw_amount", "raw_total", "raw_tax_total",
            "raw_shipping_total", "raw_shipping_subtotal", "raw_item_total", "raw_item_subtotal"}


def _kept(key: str) -> bool:
    if key in DROP or key.startswith("original_"):
        return False
    return not key.startswith("raw_") or key in KEEP_RAW


def trim(value):
    if isinstance(value, dict):
        return {k: trim(v) for k, v in value.items() if _kept(k)}
    if isinstance(value, list):
        return [trim(v) for v in value]
    return value


def _draft(admin: AdminApi) -> dict:
    """A draft order (never listed by /admin/orders, skipped if it ever is)."""
    region = admin.get("/admin/regions", limit=1)["regions"][0]
    variant = admin.get("/admin/products", fields="*variants", limit=1)["products"][0]["variants"][0]
    draft = admin.post("/admin/draft-orders", {
        "email": "draft@example.com", "region_id": region["id"],
        "items": [{"variant_id": variant["id"], "quantity": 1}]})["draft_order"]
    return admin.get(f"/admin/draft-orders/{draft['id']}", fields=medusa.FIELDS)["draft_order"]


def save(base_url: str) -> list[str]:
    admin = AdminApi(base_url, medusa_store.ADMIN_EMAIL, medusa_store.ADMIN_PASSWORD)
    orders = admin.get("/admin/orders", fields=medusa.FIELDS, limit=500, order="created_at")["orders"]
    OUT.mkdir(parents=True, exist_ok=True)
    written = []
    for table, (field, rows) in TABLES.items():
        for state in rows:
            source = EDITED_FROM.get((table, state), state)
            if (table, state) == ("order", "draft"):
                raw = _draft(admin)
            else:
                raw = next((o for o in reversed(orders) if o.get(field) == source), None)
                if raw is None:
                    raise SystemExit(f"no {field}={source} order in the store: seed it first")
            raw = trim(raw)
            if source != state:
                raw[field] = state
                raw["_edited"] = (f"real payload of a {field}={source} order with {field} set to "
                                  f"{state}: Medusa's own flows cannot reach it with the system "
                                  "payment provider")
            path = OUT / f"{table}-{state}.json"
            path.write_text(json.dumps(raw, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
            written.append(path.name)
    for currency in ("usd", "eur", "cny"):  # promotions, on tax charged on top and included
        raw = next((o for o in orders if o.get("currency_code") == currency and o.get("discount_total")
                    and any(i.get("tax_total") for i in o.get("items") or [])), None)
        if raw is not None:
            path = OUT / f"promotion-{currency}.json"
            path.write_text(json.dumps(trim(raw), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
            written.append(path.name)
    return written


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url")
    print("\n".join(save(parser.parse_args().url)))
