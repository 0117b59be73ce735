"""Fuzzing storefront payloads: real orders of each platform's demo store, mutated at random
places (amounts of any precision and sign, huge numbers, names in any script, far and invalid
dates, missing and extra fields, nulls, wrong types), go through the connector's mapping and the
sync's validation. Every example must end as an order or as a clear quarantine reason: the
mapping may only fail with the errors the sync quarantines as "unreadable", and validation never
fails at all.

The strategies are shared with tests/services/test_fuzz_sync_import.py (through the database).
Example counts are bounded so the fuzz suite stays well under a minute (CI derandomizes)."""

from __future__ import annotations

import copy
import os
from datetime import datetime, timezone
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ordermgr.services.sync_import import UNREADABLE, validate
from ordermgr.sync import medusa, shopify, woocommerce
from ordermgr.sync.base import OrderPage
from ordermgr.sync.fake import DemoStore
from ordermgr.sync.fake import medusa as fake_medusa
from ordermgr.sync.fake import shopify as fake_shopify
from ordermgr.sync.fake import woocommerce as fake_woocommerce

PLATFORMS = ("shopify", "woocommerce", "medusa")
# platform -> (render a demo order as its payload, parse a payload, read its id/number/time)
MAPPING = {
    "shopify": (fake_shopify.render, shopify.parse_order, shopify._ident),
    "woocommerce": (lambda o: fake_woocommerce.render(o, "http://127.0.0.1"),
                    woocommerce.parse_order, woocommerce._ident),
    "medusa": (fake_medusa.render, medusa.parse_order, medusa._ident),
}
FUZZ_SETTINGS = settings(max_examples=int(os.environ.get("FUZZ_EXAMPLES", 150)), deadline=None,
                         suppress_health_check=[HealthCheck.too_slow])


def base_payloads(platform: str) -> list[dict]:
    """Valid payloads (paid, shipped, refunded, ... whatever the demo store makes), always the
    same: a fixed start time in the future keeps the demo store's clock off the wall clock."""
    demo = DemoStore(platform=platform, orders=12, seed=5,
                     start=datetime(2031, 1, 1, tzinfo=timezone.utc))
    render = MAPPING[platform][0]
    return [render(order) for order in demo.orders.values()]


BASES = {platform: base_payloads(platform) for platform in PLATFORMS}

# -- values --------------------------------------------------------------------------------------

SCRIPTS = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)
amounts = st.one_of(
    st.decimals(allow_nan=True, allow_infinity=True).map(str),
    st.decimals(min_value=-10**6, max_value=10**6, places=4).map(str),
    st.decimals(allow_nan=False, allow_infinity=False).map(lambda d: float(d) if d.is_finite() else 0.0),
    st.sampled_from(["1e30", "-0.001", "99999999999999999999", "0.005", "1,000.00", "", " 12 ",
                     "NaN", "-Infinity", "0x10", "12.345678901234567890123456789"]),
)
dates = st.one_of(
    st.datetimes(timezones=st.just(timezone.utc)).map(lambda d: d.isoformat()),
    st.datetimes().map(lambda d: d.isoformat()),  # no offset
    st.sampled_from(["0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "2024-02-30T10:00:00Z",
                     "2024-13-01", "yesterday", "", "T", "1700000000", "2024-01-01T25:61:00+25:00"]),
    st.integers(min_value=-2**40, max_value=2**40),
)
nasty = st.one_of(
    st.none(), st.booleans(), st.integers(), st.integers(min_value=2**62, max_value=2**80),
    st.floats(), SCRIPTS, amounts, dates,
    st.lists(st.one_of(st.none(), st.integers(), SCRIPTS), max_size=3),
    st.dictionaries(SCRIPTS, st.one_of(st.none(), st.integers(), SCRIPTS), max_size=3),
)


def _paths(value, path=()):
    """Every place in a payload: (path to it, is it a dict)."""
    yield path, isinstance(value, dict)
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _paths(child, path + (key,))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _paths(child, path + (index,))


def _at(payload, path):
    for step in path:
        payload = payload[step]
    return payload


@st.composite
def payloads(draw, platform: str, first: int = 0) -> dict:
    """A mutated copy of one of the demo payloads BASES[platform][first:]."""
    payload = copy.deepcopy(draw(st.sampled_from(BASES[platform][first:])))
    for _ in range(draw(st.integers(1, 4))):
        places = [p for p in _paths(payload) if p[0]]
        if not places:
            break
        path, is_dict = draw(st.sampled_from(places))
        parent = _at(payload, path[:-1])
        action = draw(st.sampled_from(["replace", "replace", "replace", "delete", "extra"]))
        if action == "extra" and is_dict:
            parent[path[-1]][draw(SCRIPTS)] = draw(nasty)
        elif action == "delete" and isinstance(parent, dict):
            del parent[path[-1]]
        else:
            parent[path[-1]] = draw(nasty)
    return payload


# -- properties ----------------------------------------------------------------------------------

def map_page(platform: str, raws: list) -> tuple[OrderPage, list]:
    """What the connector hands the sync: a page of lazily parsed orders (and broken ones)."""
    _render, parse, ident = MAPPING[platform]
    page = OrderPage([])
    for raw in raws:
        page.add(raw, parse, ident)
    return page, page.orders


@pytest.mark.parametrize("platform", PLATFORMS)
@FUZZ_SETTINGS
@given(data=st.data())
def test_mapping_ends_in_an_order_or_a_quarantine_reason(platform, data):
    raw = data.draw(payloads(platform))
    page, orders = map_page(platform, [raw])
    for ext, number, reason, _raw in page.broken:
        assert isinstance(ext, str) and reason.startswith("unreadable order")
    for lazy in orders:
        assert lazy.digest  # the fingerprint of any payload
        try:
            remote = lazy.parse()
        except UNREADABLE:
            continue  # quarantined as "unreadable order: ..."
        problems = validate(remote)
        assert all(isinstance(p, str) and p for p in problems)
        if not problems:  # what the importer relies on for a valid order
            assert remote.external_id and remote.placed_at and remote.updated_at
            assert all(type(line.quantity) is int for line in remote.lines)
            assert all(isinstance(line.unit_price, Decimal) for line in remote.lines)


@pytest.mark.parametrize("platform", PLATFORMS)
def test_the_unmutated_demo_payloads_are_all_valid(platform):
    """The fuzzing starts from good orders: otherwise it would only test refusals."""
    page, orders = map_page(platform, BASES[platform])
    broken = [o for o in BASES[platform] if len(o) <= 3]  # the demo store's "missing fields" order
    assert len(page.broken) + len(orders) == len(BASES[platform])
    valid = [o for o in orders if not validate(o.parse())]
    assert len(valid) >= len(BASES[platform]) - len(broken) - 1


@pytest.mark.parametrize("platform", PLATFORMS)
@FUZZ_SETTINGS
@given(data=st.data())
def test_a_page_of_anything_never_crashes_the_page(platform, data):
    """Not even a payload that is not an object at all."""
    raws = data.draw(st.lists(st.one_of(payloads(platform), nasty), min_size=1, max_size=3))
    page, orders = map_page(platform, raws)
    assert len(page.broken) + len(orders) == len(raws)


@pytest.mark.parametrize("platform,field,value,outcome", [
    ("woocommerce", "id", None, "broken"),  # was the order "None": every id-less order one order
    ("medusa", "id", True, "broken"),  # a non-text id reached the database query and failed there
    ("shopify", "currencyCode", 1, "the order's currency '1' has the wrong type"),  # crashed
    ("woocommerce", "line_items", {"0": 1}, "unreadable"),  # a dict where a list belongs
])
def test_what_the_fuzzing_found(platform, field, value, outcome):
    raw = copy.deepcopy(BASES[platform][1])
    raw[field] = value
    page, orders = map_page(platform, [raw])
    if outcome == "broken":
        assert len(page.broken) == 1 and not orders
        return
    try:
        problems = validate(orders[0].parse())
    except UNREADABLE:
        problems = ["unreadable"]
    assert outcome in problems
