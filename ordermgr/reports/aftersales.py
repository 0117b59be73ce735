"""After-sales: return rate by SKU and by reason, refund amounts, and handling time against the SLA.

Return cases are counted by the day they were requested (rejected and cancelled cases left out of
the rates); units sold are the period's order lines (cancelled orders excluded). "Open" is the
desk's and the dashboard's open (every state that is not final), and the SLA is each case
type's configured hours (Returns → Settings) unless the report asks for one figure.
"""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import Connection, and_, case, func, select

from ordermgr.models import Order, OrderLine, ReturnCase, ReturnLine, ReturnStatus
from ordermgr.reports.common import Progress, as_tuples, convert_rows, order_conditions, step
from ordermgr.reports.model import Chart, Column, ReportResult, Table
from ordermgr.reports.params import ReportParams
from ordermgr.reports.sqlbits import cents, hours_between, money, sum_cents
from ordermgr.services.aftersales import OPEN_STATES, sla_hours

NOT_COUNTED = (ReturnStatus.REJECTED, ReturnStatus.CANCELLED)
REFUNDED = (ReturnStatus.REFUNDED, ReturnStatus.CLOSED)
OPEN = OPEN_STATES  # one definition for the desk, the dashboard and this report

BY_SKU = [Column("sku", "SKU"), Column("sold", "Units sold", "int", "sum"),
          Column("returned", "Units returned", "int", "sum"),
          Column("rate", "Return rate", "percent", ("ratio", "returned", "sold"))]
BY_REASON = [Column("reason", "Reason"), Column("cases", "Cases", "int", "sum"),
             Column("units", "Units", "int", "sum")]
REFUNDS = [Column("currency", "Currency"), Column("cases", "Refunded cases", "int", "sum"),
           Column("amount", "Refunded", "money", "sum")]
HANDLING = [Column("kind", "Case type"), Column("cases", "Cases", "int", "sum"),
            Column("decided", "Decided", "int", "sum"), Column("open", "Still open", "int", "sum"),
            Column("avg_hours", "Average hours to decide", "hours"),
            Column("within_sla", "Within SLA", "int", "sum"),
            Column("sla_rate", "Within SLA %", "percent", ("ratio", "within_sla", "decided"))]


def _case_filters(params: ReportParams) -> list:
    conds = [ReturnCase.requested_at >= params.start, ReturnCase.requested_at < params.end]
    if params.store_id:
        conds.append(Order.store_id == params.store_id)
    if params.currency:
        conds.append(ReturnCase.currency == params.currency)
    return conds


def by_sku_statement(params: ReportParams):
    sold = (select(OrderLine.sku.label("sku"), func.sum(OrderLine.quantity).label("sold"))
            .join(Order, Order.id == OrderLine.order_id)
            .where(and_(*order_conditions(params))).group_by(OrderLine.sku).subquery("sold"))
    returned = (select(OrderLine.sku.label("sku"), func.sum(ReturnLine.quantity).label("returned"))
                .select_from(ReturnLine).join(ReturnCase, ReturnCase.id == ReturnLine.return_id)
                .join(OrderLine, OrderLine.id == ReturnLine.order_line_id)
                .join(Order, Order.id == ReturnCase.order_id)
                .where(and_(*_case_filters(params)), ReturnCase.status.not_in(NOT_COUNTED))
                .group_by(OrderLine.sku).subquery("returned"))
    return (select(returned.c.sku, func.coalesce(sold.c.sold, 0).label("sold"), returned.c.returned)
            .select_from(returned).outerjoin(sold, sold.c.sku == returned.c.sku)
            .order_by(returned.c.returned.desc(), returned.c.sku))


def by_reason_statement(params: ReportParams):
    reason = func.coalesce(func.nullif(ReturnLine.reason_code, ""), ReturnCase.reason)
    return (select(reason.label("reason"), func.count(func.distinct(ReturnCase.id)).label("cases"),
                   func.sum(ReturnLine.quantity).label("units"))
            .select_from(ReturnLine).join(ReturnCase, ReturnCase.id == ReturnLine.return_id)
            .join(Order, Order.id == ReturnCase.order_id)
            .where(and_(*_case_filters(params)), ReturnCase.status.not_in(NOT_COUNTED))
            .group_by(reason).order_by(func.sum(ReturnLine.quantity).desc(), reason))


def refunds_statement(params: ReportParams):
    return (select(ReturnCase.currency, func.count().label("cases"),
                   sum_cents(cents(ReturnCase.refund_amount)).label("amount"))
            .select_from(ReturnCase).join(Order, Order.id == ReturnCase.order_id)
            .where(and_(*_case_filters(params)), ReturnCase.status.in_(REFUNDED),
                   ReturnCase.refund_amount.is_not(None))
            .group_by(ReturnCase.currency).order_by(ReturnCase.currency))


def sla_limits(conn: Connection, params: ReportParams) -> dict[str, int]:
    """Hours per case type: the report's one figure when it gives one, else the configured."""
    configured = sla_hours(conn)
    return {kind: params.sla_hours or hours for kind, hours in configured.items()}


def handling_statement(dialect: str, params: ReportParams, limits: dict[str, int]):
    hours = hours_between(dialect, ReturnCase.decided_at, ReturnCase.requested_at)
    decided = ReturnCase.decided_at.is_not(None)
    allowed = case(*((ReturnCase.kind == kind, float(h)) for kind, h in limits.items()), else_=48.0)
    return (select(ReturnCase.kind, func.count().label("cases"),
                   func.count(ReturnCase.decided_at).label("decided"),
                   func.coalesce(func.sum(case((ReturnCase.status.in_(OPEN), 1), else_=0)), 0)
                   .label("open"),
                   func.avg(hours).label("avg_hours"),
                   func.coalesce(func.sum(case((and_(decided, hours <= allowed), 1),
                                               else_=0)), 0).label("within_sla"))
            .select_from(ReturnCase).join(Order, Order.id == ReturnCase.order_id)
            .where(and_(*_case_filters(params))).group_by(ReturnCase.kind).order_by(ReturnCase.kind))


def build(conn: Connection, params: ReportParams, progress: Progress = None) -> ReportResult:
    step(progress, 0, 4)
    skus = [{"sku": r["sku"], "sold": int(r["sold"]), "returned": int(r["returned"]),
             "rate": (Decimal(int(r["returned"])) / int(r["sold"])).quantize(Decimal("0.0001"))
             if int(r["sold"]) else None}
            for r in conn.execute(by_sku_statement(params)).mappings()]
    step(progress, 1, 4)
    reasons = [{"reason": r["reason"] or "(none)", "cases": int(r["cases"]), "units": int(r["units"])}
               for r in conn.execute(by_reason_statement(params)).mappings()]
    step(progress, 2, 4)
    limits = sla_limits(conn, params)
    sla_text = ", ".join(f"{kind.replace('_', ' ')} {h} h" for kind, h in limits.items())
    notes = [f"Cases by the day they were requested; rejected and cancelled cases are not counted "
             f"as returns. SLA: a decision within the hours set per case type ({sla_text})."]
    refunds = [{"currency": r["currency"], "cases": int(r["cases"]), "amount": money(r["amount"])}
               for r in conn.execute(refunds_statement(params)).mappings()]
    refunds = convert_rows(conn, params, refunds, keys=(), money=("amount",), additive=("cases",),
                           notes=notes)
    step(progress, 3, 4)
    handling = []
    for r in conn.execute(handling_statement(conn.dialect.name, params, limits)).mappings():
        decided = int(r["decided"])
        handling.append({
            "kind": r["kind"], "cases": int(r["cases"]), "decided": decided, "open": int(r["open"]),
            "avg_hours": Decimal(str(round(float(r["avg_hours"]), 1))) if r["avg_hours"] is not None else None,
            "within_sla": int(r["within_sla"]),
            "sla_rate": (Decimal(int(r["within_sla"])) / decided).quantize(Decimal("0.0001"))
            if decided else None})
    step(progress, 4, 4)
    return ReportResult("aftersales", "After-sales report", params, [
        Table("by_sku", "Return rate by SKU", BY_SKU, as_tuples(skus, BY_SKU),
              Chart("bar", "sku", ("returned",), title="Units returned")),
        Table("by_reason", "Returns by reason", BY_REASON, as_tuples(reasons, BY_REASON),
              Chart("bar", "reason", ("units",), title="Units returned by reason")),
        Table("refunds", "Refunds", REFUNDS, as_tuples(refunds, REFUNDS), total_per="currency"),
        Table("handling", "Handling time against SLA", HANDLING, as_tuples(handling, HANDLING)),
    ], notes)
