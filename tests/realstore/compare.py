"""What ordermgr should hold for a Medusa order, derived from Medusa's own admin API payload,
and what it does hold; field by field, so a mismatch names the order and the field."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ordermgr.models import Order
from ordermgr.models.states import FulfilmentStatus as F
from ordermgr.models.states import OrderStatus as S
from ordermgr.models.states import PaymentStatus as P
from tests.realstore import seed

FIELDS = ("id,display_id,status,payment_status,fulfillment_status,currency_code,email,total,"
          "tax_total,shipping_total,shipping_subtotal,item_total,item_subtotal,discount_total,"
          "summary,*credit_lines,*items,*shipping_address,*customer,*fulfillments,"
          "*fulfillments.labels,*payment_collections,*payment_collections.payments")
TAX_INCLUSIVE = {cur.upper() for _, cur, _, inclusive, _ in seed.REGIONS if inclusive}
EXPONENT = {"JPY": 0}  # the seed's currencies: JPY has no minor unit, the others two

PAYMENT = {"not_paid": P.PENDING, "awaiting": P.PENDING, "authorized": P.AUTHORIZED,
           "partially_captured": P.PENDING,
           "captured": P.PAID, "partially_refunded": P.PARTIALLY_REFUNDED, "refunded": P.REFUNDED,
           "canceled": P.VOIDED}


def amount(value, currency: str) -> Decimal:
    """A Medusa amount in the currency's minor units (half away from zero)."""
    places = Decimal(1).scaleb(-EXPONENT.get(currency, 2))
    return Decimal(str(value)).quantize(places, rounding=ROUND_HALF_UP) + 0  # -0 -> 0


def medusa_orders(admin) -> list[dict]:
    return admin.get("/admin/orders", fields=FIELDS, limit=500, order="created_at")["orders"]


def held_orders(engine, store_id: int) -> dict[str, Order]:
    with Session(engine) as session:
        rows = session.scalars(select(Order).where(Order.store_id == store_id).options(
            selectinload(Order.lines), selectinload(Order.payments), selectinload(Order.shipments)))
        out = {o.external_id: o for o in rows}
        session.expunge_all()
    return out


def expected_status(mo: dict) -> set[str]:
    """Our order state for Medusa's (status, payment, fulfilment) and what was handed over."""
    status, pay, ful = mo["status"], mo["payment_status"], mo["fulfillment_status"]
    handed = [i["detail"]["fulfilled_quantity"] for i in mo["items"]]
    everything = all(done >= i["quantity"] for done, i in zip(handed, mo["items"]))
    if status == "canceled" or (pay == "refunded" and not any(handed)):
        return {S.CANCELLED}
    if any(handed) and not everything:
        return {S.PARTIALLY_SHIPPED}
    if everything:
        if status in ("completed", "archived") and ful == "delivered":
            return {S.COMPLETED}
        return {S.DELIVERED} if ful == "delivered" else {S.SHIPPED}
    if pay in ("captured", "partially_refunded"):
        return {S.AWAITING_FULFILMENT, S.ALLOCATED}  # allocated: ordermgr holds the stock
    return {S.PENDING_PAYMENT}


def customer_name(first: str, last: str) -> str:
    """The customer's own convention: family name first, unspaced, for CJK names."""
    if any("\u4e00" <= ch <= "\u9fff" for ch in first + last):
        return f"{last}{first}"
    return f"{first} {last}"


def expected(mo: dict) -> dict:
    cur = mo["currency_code"].upper()
    summary = mo["summary"]
    refunds = sum(Decimal(str(c["amount"])) for c in mo.get("credit_lines") or []
                  if c.get("reference") == "payment_collection")
    inclusive = cur in TAX_INCLUSIVE
    addr = mo.get("shipping_address") or {}
    shipped_total = {i["id"]: i["detail"]["fulfilled_quantity"] for i in mo["items"]}
    before = sum(Decimal(str(i["unit_price"])) * i["quantity"] for i in mo["items"])
    after = Decimal(str(mo["item_total"])) if inclusive else sum(
        Decimal(str(i["subtotal"])) - Decimal(str(i["discount_subtotal"])) for i in mo["items"])
    return {
        "currency": cur,
        "total": amount(Decimal(str(mo["total"])) + refunds, cur),  # Medusa's total is net of refunds
        "net total": amount(mo["total"], cur),
        "paid": amount(summary["paid_total"], cur),
        "refunded": amount(summary["refunded_total"], cur),
        "tax": amount(mo["tax_total"], cur),
        "shipping": amount(mo["shipping_total"] if inclusive else mo["shipping_subtotal"], cur),
        # the lines after their discounts, with tax where the prices include it; the discount
        # shown is the lines before less the lines after, each in minor units
        "subtotal": amount(after, cur),
        "discount": amount(before, cur) - amount(after, cur),
        "tax included": inclusive,
        "payment_status": PAYMENT[mo["payment_status"]],
        "fulfilment_status": (F.UNFULFILLED if not any(shipped_total.values()) else
                              F.FULFILLED if all(shipped_total[i["id"]] >= i["quantity"]
                                                 for i in mo["items"]) else
                              F.PARTIALLY_FULFILLED),
        "status": expected_status(mo),
        "customer_name": customer_name(addr.get("first_name", ""), addr.get("last_name", "")),
        "email": mo["email"],
        "country": (addr.get("country_code") or "").upper(),
        "city": addr.get("city") or "",
        "lines": {i["id"]: (i["variant_sku"], i["quantity"], amount(i["unit_price"], cur),
                            shipped_total[i["id"]]) for i in mo["items"]},
        "waybills": sorted(label["tracking_number"] for f in mo.get("fulfillments") or []
                           if not f.get("canceled_at") for label in f.get("labels") or []),
    }


def held(order: Order) -> dict:
    paid, refunded = order.amount_paid, order.amount_refunded
    return {
        "currency": order.currency, "total": order.total, "net total": order.total - refunded,
        "paid": paid, "refunded": refunded, "tax": order.tax, "shipping": order.shipping,
        "subtotal": order.subtotal,
        "discount": order.discount + sum(line.discount for line in order.lines),
        "payment_status": order.payment_status, "fulfilment_status": order.fulfilment_status,
        "status": order.status, "customer_name": order.customer_name, "email": order.email,
        "country": order.ship_country, "city": order.ship_city,
        "lines": {line.external_id: (line.sku, line.quantity, line.unit_price, line.quantity_shipped)
                  for line in order.lines},
        "waybills": sorted(s.waybill for s in order.shipments if s.waybill),
    }


def _tax_on_top_adds_up(want: dict, have: dict) -> bool:
    """Tax charged on top takes the rounding: the parts add up to the total, and the tax is
    within one minor unit of Medusa's."""
    unit = Decimal(1).scaleb(-EXPONENT.get(want["currency"], 2))
    return (have["subtotal"] + have["shipping"] + have["tax"] == have["total"]
            and abs(have["tax"] - want["tax"]) <= unit)


def differences(mo: dict, order: Order | None, fields: tuple[str, ...]) -> list[str]:
    """'#12 total: Medusa 71.70, ordermgr 61.70' for every field that disagrees."""
    if order is None:
        return [f"#{mo['display_id']} ({mo['id']}): not in ordermgr"]
    want, have = expected(mo), held(order)
    out = []
    for name in fields:
        if name == "tax" and not want["tax included"]:
            ok = _tax_on_top_adds_up(want, have)
        else:
            ok = have[name] in want[name] if isinstance(want[name], set) else have[name] == want[name]
        if not ok:
            out.append(f"#{mo['display_id']} {mo['status']}/{mo['payment_status']}/"
                       f"{mo['fulfillment_status']} {name}: Medusa {want[name]!r}, "
                       f"ordermgr {have[name]!r}")
    return out
