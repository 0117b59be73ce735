"""Customers: new vs returning, repeat rate, top customers and a simple RFM segmentation.

A customer is new in the period if their first order ever (cancelled orders aside) falls in it.
RFM scores each customer 1–3 on recency, frequency and monetary value with NTILE(3) window
functions over their orders up to the end of the period, per currency.
"""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import Connection, and_, case, func, literal, select

from ordermgr.models import Order
from ordermgr.reports.common import Progress, as_tuples, order_conditions, step
from ordermgr.reports.model import Chart, Column, ReportResult, Table
from ordermgr.reports.params import ReportParams
from ordermgr.reports.sqlbits import cents, money, sum_cents

NEW_VS_RETURNING = [Column("type", "Customers"), Column("currency", "Currency"),
                    Column("customers", "Customers", "int", "sum"),
                    Column("orders", "Orders", "int", "sum"),
                    Column("revenue", "Revenue", "money", "sum")]
REPEAT = [Column("customers", "Customers with orders", "int"),
          Column("repeat", "Ordered twice or more", "int"),
          Column("rate", "Repeat rate", "percent")]
TOP = [Column("customer", "Customer"), Column("email", "Email"), Column("currency", "Currency"),
       Column("orders", "Orders", "int", "sum"), Column("revenue", "Revenue", "money", "sum"),
       Column("last_order", "Last order", "date")]
RFM = [Column("segment", "Segment"), Column("currency", "Currency"),
       Column("customers", "Customers", "int", "sum"), Column("revenue", "Revenue", "money", "sum")]
SEGMENTS = ("Champions", "Loyal", "New", "At risk", "Lost", "Needs attention")


def _history(params: ReportParams) -> list:
    """Orders up to the end of the period with the report's store/currency filters."""
    conds = order_conditions(params, period=False)
    return conds + [Order.placed_at < params.end, Order.customer_id.is_not(None)]


def new_vs_returning_statement(params: ReportParams):
    firsts = (select(Order.customer_id, func.min(Order.placed_at).label("first_at"))
              .where(and_(*_history(params))).group_by(Order.customer_id).subquery("firsts"))
    kind = case((firsts.c.first_at >= params.start, literal("new")), else_=literal("returning"))
    return (select(kind.label("type"), Order.currency,
                   func.count(func.distinct(Order.customer_id)).label("customers"),
                   func.count().label("orders"), sum_cents(cents(Order.total)).label("revenue"))
            .select_from(Order).join(firsts, firsts.c.customer_id == Order.customer_id)
            .where(and_(*order_conditions(params)))
            .group_by(kind, Order.currency).order_by(kind, Order.currency))


def repeat_statement(params: ReportParams):
    per = (select(Order.customer_id, func.count().label("n"))
           .where(and_(*order_conditions(params)), Order.customer_id.is_not(None))
           .group_by(Order.customer_id).subquery("per"))
    return select(func.count().label("customers"),
                  func.coalesce(func.sum(case((per.c.n >= 2, 1), else_=0)), 0).label("repeat")
                  ).select_from(per)


def top_statement(params: ReportParams):
    revenue = sum_cents(cents(Order.total))
    return (select(Order.customer_id, func.max(Order.customer_name).label("customer"),
                   func.max(Order.email).label("email"), Order.currency,
                   func.count().label("orders"), revenue.label("revenue"),
                   func.max(Order.placed_at).label("last_order"))
            .where(and_(*order_conditions(params)), Order.customer_id.is_not(None))
            .group_by(Order.customer_id, Order.currency)
            .order_by(revenue.desc(), Order.customer_id).limit(params.top_n))


def rfm_statement(params: ReportParams):
    agg = (select(Order.customer_id, Order.currency, func.max(Order.placed_at).label("last_at"),
                  func.count().label("frequency"), sum_cents(cents(Order.total)).label("monetary"))
           .where(and_(*_history(params))).group_by(Order.customer_id, Order.currency)
           .subquery("agg"))
    scored = select(
        agg.c.currency, agg.c.monetary,
        func.ntile(3).over(partition_by=agg.c.currency, order_by=agg.c.last_at).label("r"),
        func.ntile(3).over(partition_by=agg.c.currency, order_by=agg.c.frequency).label("f"),
    ).subquery("scored")
    segment = case(
        (and_(scored.c.r == 3, scored.c.f == 3), literal("Champions")),
        (and_(scored.c.r >= 2, scored.c.f >= 2), literal("Loyal")),
        (and_(scored.c.r == 3, scored.c.f == 1), literal("New")),
        (and_(scored.c.r == 1, scored.c.f >= 2), literal("At risk")),
        (scored.c.r == 1, literal("Lost")),
        else_=literal("Needs attention"))
    return (select(segment.label("segment"), scored.c.currency, func.count().label("customers"),
                   func.sum(scored.c.monetary).label("revenue"))
            .group_by(segment, scored.c.currency).order_by(scored.c.currency, segment))


def build(conn: Connection, params: ReportParams, progress: Progress = None) -> ReportResult:
    step(progress, 0, 4)
    nvr = [{"type": r["type"], "currency": r["currency"], "customers": int(r["customers"]),
            "orders": int(r["orders"]), "revenue": money(r["revenue"])}
           for r in conn.execute(new_vs_returning_statement(params)).mappings()]
    step(progress, 1, 4)
    rep = conn.execute(repeat_statement(params)).mappings().one()
    customers, repeat = int(rep["customers"]), int(rep["repeat"])
    repeat_rows = [(customers, repeat,
                    (Decimal(repeat) / customers).quantize(Decimal("0.0001")) if customers else None)]
    step(progress, 2, 4)
    top = [{"customer": r["customer"], "email": r["email"], "currency": r["currency"],
            "orders": int(r["orders"]), "revenue": money(r["revenue"]),
            "last_order": params.local_date(r["last_order"])}
           for r in conn.execute(top_statement(params)).mappings()]
    step(progress, 3, 4)
    rfm = [{"segment": r["segment"], "currency": r["currency"], "customers": int(r["customers"]),
            "revenue": money(r["revenue"])} for r in conn.execute(rfm_statement(params)).mappings()]
    rfm.sort(key=lambda r: (r["currency"], SEGMENTS.index(r["segment"])))
    step(progress, 4, 4)
    notes = ["New = first order ever in the period; returning = ordered before it. Repeat rate = "
             "customers with two or more orders in the period / customers with orders.",
             "RFM: recency, frequency and monetary value scored 1–3 (NTILE) per currency over all "
             "orders up to the end of the period."]
    return ReportResult("customers", "Customers report", params, [
        Table("new_vs_returning", "New vs returning", NEW_VS_RETURNING,
              as_tuples(nvr, NEW_VS_RETURNING),
              Chart("bar", "type", ("customers",), title="Customers"), total_per="currency"),
        Table("repeat", "Repeat rate", REPEAT, repeat_rows if customers else []),
        Table("top", "Top customers", TOP, as_tuples(top, TOP), total_per="currency"),
        Table("rfm", "RFM segments", RFM, as_tuples(rfm, RFM),
              Chart("bar", "segment", ("customers",), title="Customers per segment"),
              total_per="currency"),
    ], notes)
