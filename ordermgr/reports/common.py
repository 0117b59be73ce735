"""Pieces every report query shares: the order filter and currency conversion of aggregated rows."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from decimal import Decimal

from sqlalchemy import Connection, and_, exists

from ordermgr.models import Order, OrderStatus, Shipment
from ordermgr.models.money import amount_quantum
from ordermgr.reports.model import Cancelled
from ordermgr.reports.params import ReportParams
from ordermgr.reports.rates import describe_rates, rates_for


Progress = Callable[[int, int], bool] | None


def order_conditions(params: ReportParams, *, period: bool = True, order=Order) -> list:
    """Orders that count as sales: in the period, the store and currency asked for, not cancelled;
    with a warehouse, only orders that shipped from it."""
    conds = [order.status != OrderStatus.CANCELLED]
    if period:
        conds += [order.placed_at >= params.start, order.placed_at < params.end]
    if params.store_id:
        conds.append(order.store_id == params.store_id)
    if params.currency:
        conds.append(order.currency == params.currency)
    if params.warehouse_id:
        conds.append(exists().where(and_(Shipment.order_id == order.id,
                                         Shipment.warehouse_id == params.warehouse_id)))
    return conds


def step(progress: Progress, done: int, total: int) -> None:
    """Report progress between queries; raise Cancelled if the user pressed Cancel."""
    if progress is not None and progress(done, total) is False:
        raise Cancelled()


def convert_rows(conn: Connection, params: ReportParams, rows: list[dict], *, keys: Iterable[str],
                 money: Iterable[str], additive: Iterable[str] = (),
                 notes: list[str]) -> list[dict]:
    """If the report converts to one currency, convert each row's money with the rate table and
    merge rows that now share their keys; otherwise return the rows as they are (per currency).

    Rows here are already aggregated in SQL (a few per period/store/...), never orders.
    """
    base = params.convert_to
    if not base or not rows:
        return rows
    keys, money, additive = list(keys), list(money), list(additive)
    rates = rates_for(conn, {r["currency"] for r in rows}, base, params.date_to)
    for line in describe_rates(rates, base):
        if line not in notes:
            notes.append(line)
    merged: dict[tuple, dict] = {}
    quantum = amount_quantum(base)
    for row in rows:
        rate = rates[row["currency"]][0]
        key = tuple(row[k] for k in keys)
        target = merged.get(key)
        converted = {m: (row[m] * rate).quantize(quantum) if row[m] is not None else None for m in money}
        if target is None:
            merged[key] = {**row, **converted, "currency": base}
        else:
            for m in money:
                if converted[m] is not None:
                    target[m] = (target[m] or Decimal(0)) + converted[m]
            for a in additive:
                target[a] = (target[a] or 0) + (row[a] or 0)
    return list(merged.values())


def as_tuples(rows: list[dict], columns) -> list[tuple]:
    return [tuple(row.get(c.key) for c in columns) for row in rows]
