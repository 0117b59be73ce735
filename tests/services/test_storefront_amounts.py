"""Storefront amounts as ordermgr keeps them: exact to the currency, the breakdown adding up to
the store's total (tax-inclusive or not), total/paid/refunded/balance agreeing with the store
whether the platform's total is gross or net of refunds; names kept in their parts."""

from datetime import datetime, timezone
from decimal import Decimal

from sqlalchemy import select

from ordermgr.db.uow import UnitOfWork
from ordermgr.models import Customer, Order
from ordermgr.services.catalog import create_store
from ordermgr.services.payments import reconcile
from ordermgr.services.sync_import import import_orders
from ordermgr.sync.base import RemoteAddress, RemoteLine, RemoteOrder, RemotePayment

D = Decimal
WHEN = datetime(2026, 3, 2, 10, 0, tzinfo=timezone.utc)


def remote(ext: str, currency: str, lines, *, payments=(), **amounts) -> RemoteOrder:
    return RemoteOrder(
        external_id=ext, number=ext, updated_at=WHEN, placed_at=WHEN, currency=currency, raw={"id": ext},
        payment=amounts.pop("payment", "paid"), fulfilment="unfulfilled",
        customer_name="Jürgen Müller", customer_given_name="Jürgen", customer_family_name="Müller",
        email=f"{ext}@example.com",
        address=RemoteAddress(name="张伟", given_name="伟", family_name="张", line1="文三路 398 号",
                              city="杭州市", country="CN"),
        lines=[RemoteLine(f"{ext}-{i}", f"SKU-{i}", "item", qty, unit, disc)
               for i, (qty, unit, disc) in enumerate(lines)],
        payments=list(payments), **amounts)


def pull(engine, admin, orders):
    uow = UnitOfWork(engine, admin)
    store_id = create_store(uow, name="Shop", code="S", platform="medusa", currency="EUR")
    result = import_orders(UnitOfWork(engine, admin), store_id, orders)
    assert result.quarantined == 0, result.messages
    with UnitOfWork(engine, admin) as uow:
        return {o.external_id: (o.subtotal, o.shipping, o.tax, o.discount, o.total,
                                o.prices_include_tax, o.amount_paid, o.amount_refunded, o.balance)
                for o in uow.session.scalars(select(Order))}


def adds_up(subtotal, shipping, tax, discount, total, inclusive, *_):
    return subtotal + shipping + (0 if inclusive else tax) - discount == total


def test_unrounded_amounts_are_rounded_once_and_never_quarantined(engine, admin):
    got = pull(engine, admin, [
        # Medusa, tax-inclusive EUR: 2 × 59.95 incl. 19 % VAT, tax 19.14285… unrounded
        remote("eu", "EUR", [(2, D("59.95"), D("0"))], shipping=D("4.99"), tax=D("19.9432773109"),
               total=D("124.89"), prices_include_tax=True,
               payments=[RemotePayment("pay-eu", "charge", D("124.890000001"), "paid")]),
        # Canada 5 % GST on 3902.64: 195.132
        remote("ca", "CAD", [(1, D("3902.64"), D("0"))], tax=D("195.132"), total=D("4097.772"),
               payments=[RemotePayment("pay-ca", "charge", D("4097.772"), "paid")]),
        # a fully refunded JPY order whose total comes as -6E-21 (net of refunds, Medusa)
        remote("jp", "JPY", [(1, D("1980"), D("0"))], tax=D("179.99999"), total=D("-6E-21"),
               prices_include_tax=True, total_is_net_of_refunds=True, payment="refunded",
               payments=[RemotePayment("pay-jp", "charge", D("1980"), "paid"),
                         RemotePayment("ref-jp", "refund", D("1980.0000000001"), "paid")]),
    ])
    assert got["eu"][:6] == (D("119.90"), D("4.99"), D("19.94"), D("0.00"), D("124.89"), True)
    assert got["ca"][:6] == (D("3902.64"), D("0.00"), D("195.13"), D("0.00"), D("4097.77"), False)
    # gross total: 1980 paid, 1980 refunded, nothing owed (not "total 0 with 1980 paid")
    assert got["jp"][4] == D("1980.00") and got["jp"][6:] == (D("1980.00"), D("1980.00"), D("0.00"))
    assert all(adds_up(*amounts) for amounts in got.values())


def test_discounts_the_lines_do_not_carry_stay_on_the_order(engine, admin):
    got = pull(engine, admin, [
        # 3 × 33.33 with 1.00 off one line, an order-level coupon of 5.00, 8.25 tax added
        remote("x", "USD", [(3, D("33.33"), D("1.00"))], shipping=D("10.00"), tax=D("8.25"),
               discount=D("6.00"), total=D("112.24")),
    ])
    subtotal, shipping, tax, discount, total, *_ = got["x"]
    assert (subtotal, shipping, tax, discount, total) == (D("98.99"), D("10.00"), D("8.25"),
                                                         D("6.00") - D("1.00"), D("112.24"))


def test_partly_refunded_orders_agree_with_the_store_and_are_not_overpaid(engine, admin):
    refund = RemotePayment("ref-1", "refund", D("21.30"), "paid")
    got = pull(engine, admin, [
        # Medusa: total net of refunds (321.30 - 21.30)
        remote("net", "EUR", [(1, D("321.30"), D("0"))], total=D("300.00"),
               total_is_net_of_refunds=True, payment="partially_refunded",
               payments=[RemotePayment("pay-1", "charge", D("321.30"), "paid"), refund]),
        # Shopify / WooCommerce: total gross
        remote("gross", "EUR", [(1, D("321.30"), D("0"))], total=D("321.30"),
               payment="partially_refunded",
               payments=[RemotePayment("pay-2", "charge", D("321.30"), "paid"),
                         RemotePayment("ref-2", "refund", D("21.30"), "paid")]),
    ])
    for ext in ("net", "gross"):
        total, paid, refunded, balance = got[ext][4], got[ext][6], got[ext][7], got[ext][8]
        assert (total, paid, refunded, balance) == (D("321.30"), D("321.30"), D("21.30"), D("0.00"))
    with engine.connect() as conn:
        flagged = reconcile(conn, since=datetime(2026, 1, 1, tzinfo=timezone.utc),
                            until=datetime(2027, 1, 1, tzinfo=timezone.utc))
    assert flagged == []


def test_given_and_family_names_are_kept_apart(engine, admin):
    pull(engine, admin, [remote("n", "EUR", [(1, D("10.00"), D("0"))], total=D("10.00"))])
    with UnitOfWork(engine, admin) as uow:
        customer = uow.session.scalars(select(Customer)).one()
        order = uow.session.scalars(select(Order)).one()
        assert (customer.name, customer.given_name, customer.family_name) == (
            "Jürgen Müller", "Jürgen", "Müller")
        assert (order.ship_name, order.ship_given_name, order.ship_family_name) == ("张伟", "伟", "张")


def test_a_charge_beyond_the_goods_is_booked_with_shipping_so_the_total_stays_the_stores(engine, admin):
    # WooCommerce fee_lines (a cash-on-delivery fee of 5.00) are in the total but in no line
    got = pull(engine, admin, [remote("fee", "CNY", [(1, D("100.00"), D("0"))], shipping=D("10.00"),
                                      total=D("115.00"))])
    subtotal, shipping, tax, discount, total, *_ = got["fee"]
    assert (subtotal, shipping, discount, total) == (D("100.00"), D("15.00"), D("0.00"), D("115.00"))
