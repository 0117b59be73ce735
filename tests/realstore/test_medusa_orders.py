"""Every order in the real Medusa store arrives in ordermgr as the store has it, field by field."""

from __future__ import annotations

import pytest

from tests.realstore.compare import differences, held_orders, medusa_orders

AMOUNTS = ("currency", "total", "net total", "paid", "refunded", "tax", "shipping", "subtotal",
           "discount")
STATES = ("status", "payment_status", "fulfilment_status")
CUSTOMER = ("email", "country", "city")
LINES = ("lines", "waybills")


@pytest.fixture
def synced(connected):
    run = connected.sync()
    assert run.ok, run.summary()
    return connected, run


def _compare(synced, medusa_admin, fields):
    shop, _run = synced
    held = held_orders(shop.engine, shop.store_id)
    problems = []
    for mo in medusa_orders(medusa_admin):
        problems += differences(mo, held.get(mo["id"]), fields)
    assert not problems, "\n".join(problems)


def test_every_order_arrives_and_nothing_is_quarantined(synced, medusa_admin):
    shop, run = synced
    listed = medusa_orders(medusa_admin)
    assert len(listed) >= 36
    assert run.quarantined == 0, run.messages
    assert set(held_orders(shop.engine, shop.store_id)) == {mo["id"] for mo in listed}


def test_amounts_match_the_store_to_the_cent(synced, medusa_admin):
    _compare(synced, medusa_admin, AMOUNTS)


def test_order_payment_and_fulfilment_states_match(synced, medusa_admin):
    _compare(synced, medusa_admin, STATES)


def test_customers_match(synced, medusa_admin):
    _compare(synced, medusa_admin, CUSTOMER)


def test_customer_names_are_kept_in_their_own_convention(synced, medusa_admin):
    _compare(synced, medusa_admin, ("customer_name",))


def test_lines_and_tracking_numbers_match(synced, medusa_admin):
    _compare(synced, medusa_admin, LINES)


def test_a_second_sync_changes_nothing(synced, medusa_admin):
    shop, _run = synced
    again = shop.sync()
    assert again.ok and again.quarantined == 0 and again.push_failed == 0, again.summary()
    _compare(synced, medusa_admin, AMOUNTS + STATES + LINES)
