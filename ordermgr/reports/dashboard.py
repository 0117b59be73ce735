"""The dashboard's figures, in a handful of aggregate queries (Qt-free; the GUI runs it off the
UI thread): today and the chosen period per currency, orders waiting per queue, late shipments,
low-stock SKUs, open after-sales cases, and the daily sales trend against the previous period."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

from sqlalchemy import Connection, Engine, and_, func, select

from ordermgr.db.queries import queue_counts
from ordermgr.models import Order, OrderStatus, ReturnCase, StockLevel
from ordermgr.reports.aftersales import OPEN as OPEN_RETURNS
from ordermgr.reports.params import ReportParams
from ordermgr.reports.sales import sales_statement
from ordermgr.reports.sqlbits import money, ratio

LATE_HOURS = 48  # an order not shipped this long after it was placed is late
WAITING = (OrderStatus.AWAITING_FULFILMENT, OrderStatus.BACKORDERED, OrderStatus.ALLOCATED,
           OrderStatus.PICKING, OrderStatus.PACKED)
QUEUE_TILES = ("awaiting_payment", "on_hold", "awaiting_fulfilment", "allocated", "picking",
               "packed", "exceptions")


@dataclass
class Figures:
    """Sales figures of one period, per currency."""
    orders: int = 0
    units: int = 0
    revenue: dict[str, Decimal] = field(default_factory=dict)
    refunds: dict[str, Decimal] = field(default_factory=dict)
    aov: dict[str, Decimal] = field(default_factory=dict)


@dataclass
class Dashboard:
    params: ReportParams
    today: Figures
    period: Figures
    previous: Figures
    queues: dict[str, int]
    late_shipments: int
    low_stock: int
    open_returns: int
    trend_currency: str | None
    trend: list[tuple[date, Decimal]]  # this period, one point per day
    trend_previous: list[tuple[date, Decimal]]  # the previous period, aligned day by day


def _daily(conn: Connection, params: ReportParams) -> list[dict]:
    stmt = sales_statement(conn.dialect.name, replace(params, grouping="day"), "period")
    return [dict(r) for r in conn.execute(stmt).mappings()]


def _figures(rows: list[dict]) -> Figures:
    fig = Figures()
    counts: dict[str, int] = {}
    for r in rows:
        cur = r["currency"]
        fig.orders += int(r["orders"])
        fig.units += int(r["units"])
        counts[cur] = counts.get(cur, 0) + int(r["orders"])
        fig.revenue[cur] = fig.revenue.get(cur, Decimal("0.00")) + money(r["total"])
        fig.refunds[cur] = fig.refunds.get(cur, Decimal("0.00")) + money(r["refunds"])
    fig.aov = {cur: ratio(total, counts[cur]) for cur, total in fig.revenue.items()}
    return fig


def _series(rows: list[dict], params: ReportParams, currency: str | None) -> list[tuple[date, Decimal]]:
    by_day = {r["key"]: money(r["total"]) for r in rows if r["currency"] == currency}
    return [(params.date_from + timedelta(days=i),
             by_day.get((params.date_from + timedelta(days=i)).isoformat(), Decimal("0.00")))
            for i in range(params.days)]


def load_dashboard(engine: Engine, params: ReportParams, *, now: datetime | None = None) -> Dashboard:
    now = now or datetime.now(timezone.utc)
    local_today = params.local_date(now)
    today = replace(params, date_from=local_today, date_to=local_today)
    previous = params.previous()
    with engine.connect() as conn:
        current_rows = _daily(conn, params)
        previous_rows = _daily(conn, previous)
        today_rows = _daily(conn, today)
        counts = queue_counts(conn)
        late = conn.execute(select(func.count()).select_from(Order).where(
            Order.status.in_(WAITING), Order.placed_at < now - timedelta(hours=LATE_HOURS))).scalar()
        low_conds = [StockLevel.on_hand - StockLevel.reserved <= StockLevel.threshold]
        if params.warehouse_id:
            low_conds.append(StockLevel.warehouse_id == params.warehouse_id)
        low = conn.execute(select(func.count(func.distinct(StockLevel.sku_id)))
                           .where(and_(*low_conds))).scalar()
        open_returns = conn.execute(select(func.count()).select_from(ReturnCase)
                                    .where(ReturnCase.status.in_(OPEN_RETURNS))).scalar()
    period = _figures(current_rows)
    currency = params.currency or (max(period.revenue, key=period.revenue.get)
                                   if period.revenue else None)
    return Dashboard(params=params, today=_figures(today_rows), period=period,
                     previous=_figures(previous_rows),
                     queues={k: counts.get(k, 0) for k in QUEUE_TILES}, late_shipments=int(late),
                     low_stock=int(low), open_returns=int(open_returns), trend_currency=currency,
                     trend=_series(current_rows, params, currency),
                     trend_previous=_series(previous_rows, previous, currency))
