"""Every row of the Medusa connector's state tables, each from a real Medusa 2.x payload saved by
`tests/realstore/samples.py` (a few states Medusa's own flows cannot reach with the system payment
provider are real payloads with that status edited; their `_edited` key says so)."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from ordermgr.models.money import decimals
from ordermgr.services.sync_import import validate
from ordermgr.sync import medusa
from ordermgr.sync.http import Reply

SAMPLES = Path(__file__).parent / "samples" / "medusa"
TABLES = {"order": ("status", medusa.ORDER_STATUS),
          "payment": ("payment_status", medusa.PAYMENT_STATUS),
          "fulfilment": ("fulfillment_status", medusa.FULFILLMENT_STATUS)}

# what each payment_status means to ordermgr: (neutral payment, flags it must raise)
PAYMENT = {"not_paid": ("pending", set()), "awaiting": ("pending", set()),
           "authorized": ("pending", {"authorised"}),
           "partially_authorized": ("partially_paid", {"authorised"}),
           "captured": ("paid", set()), "partially_captured": ("partially_paid", set()),
           "partially_refunded": ("partially_refunded", set()), "refunded": ("refunded", set()),
           "canceled": ("cancelled", set()), "requires_action": ("pending", {"needs_review"})}
# fulfillment_status -> (neutral fulfilment, flags); storefront fulfilments count as handed over
FULFILMENT = {"not_fulfilled": ("unfulfilled", set()),
              "partially_fulfilled": ("partially_fulfilled", set()),
              "fulfilled": ("fulfilled", set()),
              "partially_shipped": ("partially_fulfilled", set()),
              "shipped": ("fulfilled", set()),
              "partially_delivered": ("partially_fulfilled", set()),
              "delivered": ("fulfilled", {"delivered"}),
              "canceled": ("unfulfilled", set())}
# status -> (cancelled, on hold, flags)
ORDER = {"pending": (False, False, set()), "completed": (False, False, {"completed"}),
         "archived": (False, False, {"completed"}), "canceled": (True, False, set()),
         "requires_action": (False, True, set())}


def sample(table: str, state: str) -> dict:
    return json.loads((SAMPLES / f"{table}-{state}.json").read_text(encoding="utf-8"))


def rows(table: str) -> list[str]:
    return list(TABLES[table][1])


def test_every_row_has_a_sample_and_an_expectation():
    for table, (_field, mapping) in TABLES.items():
        for state in mapping:
            assert (SAMPLES / f"{table}-{state}.json").exists(), (table, state)
    assert set(PAYMENT) == set(medusa.PAYMENT_STATUS)
    assert set(FULFILMENT) == set(medusa.FULFILLMENT_STATUS)
    assert set(ORDER) | medusa.SKIPPED_STATUSES == set(medusa.ORDER_STATUS)


@pytest.mark.parametrize("state", rows("payment"))
def test_payment_status_row(state):
    raw = sample("payment", state)
    assert raw["payment_status"] == state
    order = medusa.parse_order(raw)
    payment, flags = PAYMENT[state]
    assert order.payment == payment
    assert flags <= set(order.flags)
    assert "unknown_status" not in order.flags


@pytest.mark.parametrize("state", rows("fulfilment"))
def test_fulfilment_status_row(state):
    raw = sample("fulfilment", state)
    assert raw["fulfillment_status"] == state
    order = medusa.parse_order(raw)
    fulfilment, flags = FULFILMENT[state]
    assert order.fulfilment == fulfilment
    assert flags <= set(order.flags)
    handed = [line.quantity_shipped for line in order.lines]
    if fulfilment == "unfulfilled":
        assert not any(handed) and not order.fulfilments
    elif fulfilment == "fulfilled":
        assert handed == [line.quantity for line in order.lines] and order.fulfilments
    elif state == "partially_delivered":  # some parcels arrived; the lines say what left
        assert 0 < sum(handed) <= sum(line.quantity for line in order.lines)
    else:
        assert 0 < sum(handed) < sum(line.quantity for line in order.lines)


@pytest.mark.parametrize("state", [s for s in rows("order") if s not in medusa.SKIPPED_STATUSES])
def test_order_status_row(state):
    raw = sample("order", state)
    assert raw["status"] == state
    order = medusa.parse_order(raw)
    cancelled, on_hold, flags = ORDER[state]
    assert order.cancelled is cancelled
    assert (order.fulfilment == "on_hold") is on_hold
    assert flags <= set(order.flags)
    if cancelled:
        assert order.payment in ("cancelled", "refunded", "partially_refunded")


class _OneReply:
    """Stands in for the HTTP client: every GET answers the same order list."""

    def __init__(self, orders):
        self.orders = orders

    def request(self, method, url, **kwargs):
        return Reply(200, {}, {"orders": self.orders, "count": len(self.orders)}, url)

    def close(self):
        pass


def test_draft_orders_are_not_imported():
    draft, placed = sample("order", "draft"), sample("order", "pending")
    assert draft["status"] == "draft"
    connector = medusa.MedusaConnector(name="Medusa", base_url="http://127.0.0.1:9",
                                       credential="sk_test", http=_OneReply([draft, placed]))
    assert [o.external_id for o in connector.fetch_orders([draft["id"], placed["id"]])] == [placed["id"]]


ALL = sorted(p.stem for p in SAMPLES.glob("*.json") if p.stem != "order-draft")


@pytest.mark.parametrize("name", ALL)
def test_real_payload_imports_with_amounts_in_minor_units(name):
    order = medusa.parse_order(json.loads((SAMPLES / f"{name}.json").read_text(encoding="utf-8")))
    assert validate(order) == []
    minor = Decimal(1).scaleb(-decimals(order.currency))  # JPY 1, most currencies 0.01
    for value in [order.total, order.tax, order.shipping, order.discount,
                  *(line.unit_price for line in order.lines), *(p.amount for p in order.payments)]:
        assert value % minor == 0, (name, value)


@pytest.mark.parametrize("name", ALL)
def test_real_payload_breakdown_adds_up_to_the_total(name):
    """Lines + shipping (+ tax where prices exclude it) - discount = the gross total, each part
    rounded to the currency."""
    raw = json.loads((SAMPLES / f"{name}.json").read_text(encoding="utf-8"))
    order = medusa.parse_order(raw)
    lines = sum(line.unit_price * line.quantity - line.discount for line in order.lines)
    inclusive = any(item.get("is_tax_inclusive") for item in raw["items"])
    parts = lines + order.shipping + (0 if inclusive else order.tax) - order.discount
    assert parts == order.total, (name, lines, order.shipping, order.tax, order.total)


def test_a_payload_with_only_totals_keeps_its_shipping(connect):
    """Older Medusa versions (and the demo store) send shipping_total without shipping_subtotal:
    the shipping is not lost into the tax."""
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from ordermgr.models import Order
    from ordermgr.sync.fake.medusa import oid
    shop = connect("medusa", orders=6)
    assert shop.sync().ok
    with Session(shop.engine) as session:
        held = {o.external_id: (o.shipping, o.tax) for o in session.scalars(select(Order))}
    sent = {oid(seq): (o.shipping, 0) for seq, o in shop.demo.orders.items() if oid(seq) in held}
    assert sent and any(shipping for shipping, _ in sent.values())
    assert {ext: held[ext] for ext in sent} == sent
