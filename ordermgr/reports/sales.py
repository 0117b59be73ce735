"""Sales: orders, units, gross, discounts, shipping, tax, refunds, net and AOV, by period, store,
country or product category; one row per key and currency (or converted to one currency).

Definitions (printed on the report): orders are counted by the day they were placed, cancelled
orders excluded; gross = merchandise after line discounts (the order subtotal); total = gross +
shipping + tax - order discounts; refunds = refunds paid against those orders; net = total -
refunds; AOV = total / orders.
"""

from __future__ import annotations

from sqlalchemy import Connection, and_, func, select

from ordermgr.models import Order, OrderLine, Payment, PaymentStatus, Product, Sku, Store
from ordermgr.reports.common import Progress, as_tuples, convert_rows, order_conditions, step
from ordermgr.reports.model import Chart, Column, ReportResult, Table
from ordermgr.reports.params import ReportParams
from ordermgr.reports.sqlbits import bucket, cents, count_int, money, ratio, sum_cents
from ordermgr.errors import ValidationError

DIMENSIONS = {"period": "Period", "store": "Store", "country": "Country", "category": "Category"}
MONEY = ("gross", "discounts", "shipping", "tax", "total", "refunds")
DEFINITION = ("Orders by the day they were placed, cancelled orders excluded. Gross = "
              "merchandise after line discounts; total = gross + shipping + tax - discounts; "
              "net = total - refunds paid; AOV = total / orders.")


def columns(dimension: str) -> list[Column]:
    return [
        Column("key", DIMENSIONS[dimension], "date" if dimension == "period" else "text"),
        Column("currency", "Currency"),
        Column("orders", "Orders", "int", "sum"),
        Column("units", "Units", "int", "sum"),
        Column("gross", "Gross", "money", "sum"),
        Column("discounts", "Discounts", "money", "sum"),
        Column("shipping", "Shipping", "money", "sum"),
        Column("tax", "Tax", "money", "sum"),
        Column("total", "Total", "money", "sum"),
        Column("refunds", "Refunds", "money", "sum"),
        Column("net", "Net", "money", "sum"),
        Column("aov", "AOV", "money", ("ratio", "total", "orders")),
    ]


def refunds_by_order():
    return (select(Payment.order_id.label("order_id"),
                   sum_cents(cents(Payment.amount)).label("refunded"))
            .where(Payment.kind == "refund", Payment.status == PaymentStatus.PAID)
            .group_by(Payment.order_id).subquery("refunds"))


def sales_statement(dialect: str, params: ReportParams, dimension: str = "period"):
    """The GROUP BY behind the report: one row per (key, currency), money in integer cents."""
    if dimension == "category":
        key = func.coalesce(Product.category, "")
        return (select(key.label("key"), Order.currency,
                       count_int(func.distinct(Order.id)).label("orders"),
                       func.coalesce(func.sum(OrderLine.quantity), 0).label("units"),
                       sum_cents(cents(OrderLine.total)).label("gross"))
                .select_from(OrderLine).join(Order, Order.id == OrderLine.order_id)
                .outerjoin(Sku, Sku.id == OrderLine.sku_id)
                .outerjoin(Product, Product.id == Sku.product_id)
                .where(and_(*order_conditions(params)))
                .group_by(key, Order.currency).order_by(key, Order.currency))
    refunds = refunds_by_order()
    key = {"period": lambda: bucket(dialect, Order.placed_at, params.grouping, params.utc_offset),
           "store": lambda: Store.name,
           "country": lambda: Order.ship_country}[dimension]()
    stmt = (select(key.label("key"), Order.currency, count_int().label("orders"),
                   func.coalesce(func.sum(Order.item_count), 0).label("units"),
                   sum_cents(cents(Order.subtotal)).label("gross"),
                   sum_cents(cents(Order.discount)).label("discounts"),
                   sum_cents(cents(Order.shipping)).label("shipping"),
                   sum_cents(cents(Order.tax)).label("tax"),
                   sum_cents(cents(Order.total)).label("total"),
                   sum_cents(refunds.c.refunded).label("refunds"))
            .select_from(Order).outerjoin(refunds, refunds.c.order_id == Order.id))
    if dimension == "store":
        stmt = stmt.join(Store, Store.id == Order.store_id)
    return (stmt.where(and_(*order_conditions(params)))
            .group_by(key, Order.currency).order_by(key, Order.currency))


def build(conn: Connection, params: ReportParams, progress: Progress = None) -> ReportResult:
    dimension = params.dimension
    if dimension not in DIMENSIONS:
        raise ValidationError(f"Sales can be grouped by {', '.join(DIMENSIONS)}, "
                              f"not {params.dimension!r}.")
    step(progress, 0, 2)
    rows = []
    for r in conn.execute(sales_statement(conn.dialect.name, params, dimension)).mappings():
        row = {"key": r["key"] or "", "currency": r["currency"], "orders": int(r["orders"]),
               "units": int(r["units"]), "gross": money(r["gross"])}
        for name in MONEY[1:]:
            row[name] = money(r[name]) if name in r else None
        rows.append(row)
    step(progress, 1, 2)
    notes = [DEFINITION]
    if dimension == "category":
        notes.append("By category: gross is the value of the lines in that category; order-level "
                     "shipping, tax, discounts and refunds are not split by category.")
    rows = convert_rows(conn, params, rows, keys=("key",), money=MONEY,
                        additive=("orders", "units"), notes=notes)
    for row in rows:
        row["net"] = row["total"] - row["refunds"] if row["total"] is not None else None
        row["aov"] = ratio(row["total"], row["orders"]) if row["total"] is not None else None
    rows.sort(key=lambda r: (r["key"], r["currency"]))
    cols = columns(dimension)
    chart = Chart("line" if dimension == "period" else "bar", "key",
                  ("gross",) if dimension == "category" else ("total", "net"),
                  title="Sales", series_by="currency")
    table = Table("sales", f"Sales by {DIMENSIONS[dimension].lower()}", cols,
                  as_tuples(rows, cols), chart=chart, total_per="currency")
    step(progress, 2, 2)
    return ReportResult("sales", "Sales report", params, [table], notes)
