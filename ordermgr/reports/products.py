"""Products: best sellers, slow sellers (stock on hand but no sale for N days: 滞销), and margin
where a cost is known."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import Connection, and_, case, func, or_, select

from ordermgr.models import Order, OrderLine, OrderStatus, Product, Sku, StockLevel
from ordermgr.reports.common import Progress, as_tuples, order_conditions, step
from ordermgr.reports.model import Chart, Column, ReportResult, Table
from ordermgr.reports.params import ReportParams
from ordermgr.reports.sqlbits import cents, count_int, money, ratio, sum_cents

BEST = [Column("sku", "SKU"), Column("name", "Product"), Column("category", "Category"),
        Column("currency", "Currency"), Column("orders", "Orders", "int", "sum"),
        Column("units", "Units", "int", "sum"), Column("revenue", "Revenue", "money", "sum"),
        Column("cost", "Cost", "money", "sum"), Column("margin", "Margin", "money", "sum"),
        Column("margin_pct", "Margin %", "percent")]
SLOW = [Column("sku", "SKU"), Column("name", "Product"), Column("on_hand", "On hand", "int", "sum"),
        Column("last_sold", "Last sold", "date"), Column("days_since", "Days without sale", "int"),
        Column("currency", "Currency"), Column("stock_value", "Stock value at cost", "money", "sum")]


def best_sellers_statement(params: ReportParams):
    # cost only where it is known and in the order's currency; revenue of those lines alongside,
    # so the margin compares like with like
    costed = and_(Sku.cost.is_not(None), Sku.currency == Order.currency)
    line_cost = cents(Sku.cost) * OrderLine.quantity
    return (select(OrderLine.sku, func.max(OrderLine.name).label("name"),
                   func.max(func.coalesce(Product.category, "")).label("category"), Order.currency,
                   count_int(func.distinct(Order.id)).label("orders"),
                   func.sum(OrderLine.quantity).label("units"),
                   sum_cents(cents(OrderLine.total)).label("revenue"),
                   func.sum(case((costed, line_cost), else_=None)).label("cost"),
                   func.sum(case((costed, cents(OrderLine.total)), else_=None)).label("costed_revenue"))
            .select_from(OrderLine).join(Order, Order.id == OrderLine.order_id)
            .outerjoin(Sku, Sku.id == OrderLine.sku_id)
            .outerjoin(Product, Product.id == Sku.product_id)
            .where(and_(*order_conditions(params)))
            .group_by(OrderLine.sku, Order.currency)
            .order_by(func.sum(OrderLine.quantity).desc(), OrderLine.sku)
            .limit(params.top_n))


def slow_sellers_statement(dialect: str, params: ReportParams):
    """SKUs with stock on hand and no sale since `slow_days` before the end of the period."""
    cutoff = params.end - timedelta(days=params.slow_days)
    last_sale = (select(OrderLine.sku_id.label("sku_id"), func.max(Order.placed_at).label("last"))
                 .join(Order, Order.id == OrderLine.order_id)
                 .where(Order.status != OrderStatus.CANCELLED, Order.placed_at < params.end)
                 .group_by(OrderLine.sku_id).subquery("last_sale"))
    stock = select(StockLevel.sku_id, func.sum(StockLevel.on_hand).label("on_hand"))
    if params.warehouse_id:
        stock = stock.where(StockLevel.warehouse_id == params.warehouse_id)
    stock = stock.group_by(StockLevel.sku_id).subquery("stock")
    return (select(Sku.code, Sku.name, stock.c.on_hand, last_sale.c.last, Sku.currency,
                   (stock.c.on_hand * cents(Sku.cost)).label("value"))
            .select_from(Sku).join(stock, stock.c.sku_id == Sku.id)
            .outerjoin(last_sale, last_sale.c.sku_id == Sku.id)
            .where(stock.c.on_hand > 0, or_(last_sale.c.last.is_(None), last_sale.c.last < cutoff))
            .order_by(last_sale.c.last.asc().nulls_first(), Sku.code))


def build(conn: Connection, params: ReportParams, progress: Progress = None) -> ReportResult:
    step(progress, 0, 2)
    best = []
    for r in conn.execute(best_sellers_statement(params)).mappings():
        cost = money(r["cost"]) if r["cost"] is not None else None
        costed_revenue = money(r["costed_revenue"]) if r["costed_revenue"] is not None else None
        margin = costed_revenue - cost if cost is not None else None
        best.append({"sku": r["sku"], "name": r["name"], "category": r["category"],
                     "currency": r["currency"], "orders": int(r["orders"]), "units": int(r["units"]),
                     "revenue": money(r["revenue"]), "cost": cost, "margin": margin,
                     "margin_pct": ratio(margin, costed_revenue, "0.0001") if margin is not None else None})
    step(progress, 1, 2)
    slow = []
    for r in conn.execute(slow_sellers_statement(conn.dialect.name, params)).mappings():
        last = r["last"]
        if isinstance(last, str):
            from datetime import datetime, timezone
            last = datetime.fromisoformat(last).replace(tzinfo=timezone.utc)
        slow.append({"sku": r["code"], "name": r["name"], "on_hand": int(r["on_hand"]),
                     "last_sold": params.local_date(last) if last else None,
                     "days_since": (params.date_to - params.local_date(last)).days if last else None,
                     "currency": r["currency"],
                     "stock_value": money(r["value"]) if r["value"] is not None else None})
    step(progress, 2, 2)
    notes = [f"Best sellers: the top {params.top_n} SKUs by units in the period. Margin = revenue "
             "- cost for lines whose SKU has a cost in the order's currency.",
             f"Slow sellers (滞销): stock on hand and no sale in the {params.slow_days} days up to "
             f"{params.date_to}."]
    return ReportResult("products", "Products report", params, [
        Table("best_sellers", "Best sellers", BEST, as_tuples(best, BEST),
              Chart("bar", "sku", ("units",), title="Units sold"), total_per="currency"),
        Table("slow_sellers", "Slow sellers (滞销)", SLOW, as_tuples(slow, SLOW),
              total_per="currency"),
    ], notes)
