"""Logistics: order → packed → shipped → delivered times per carrier and warehouse, the on-time
rate against a target, and exceptions per carrier. Shipments are counted by the day they were
created."""

from __future__ import annotations

from sqlalchemy import Connection, and_, case, func, select

from ordermgr.models import Order, Shipment, ShipmentStatus, Warehouse
from ordermgr.reports.common import Progress, as_tuples, step
from ordermgr.reports.model import Chart, Column, ReportResult, Table
from ordermgr.reports.params import ReportParams
from ordermgr.reports.sqlbits import hours_between

PROBLEMS = (ShipmentStatus.EXCEPTION, ShipmentStatus.LOST, ShipmentStatus.RETURNED_TO_SENDER)

TIMES = [Column("carrier", "Carrier"), Column("warehouse", "Warehouse"),
         Column("shipments", "Shipments", "int", "sum"),
         Column("to_packed", "Order → packed (h)", "hours"),
         Column("to_shipped", "Packed → shipped (h)", "hours"),
         Column("to_delivered", "Shipped → delivered (h)", "hours"),
         Column("order_to_delivered", "Order → delivered (h)", "hours"),
         Column("delivered", "Delivered", "int", "sum"),
         Column("on_time", "On time", "int", "sum"),
         Column("on_time_rate", "On-time rate", "percent", ("ratio", "on_time", "delivered")),
         Column("exceptions", "Exceptions", "int", "sum")]
EXCEPTIONS = [Column("carrier", "Carrier"), Column("shipments", "Shipments", "int", "sum"),
              Column("exception", "Exception", "int", "sum"), Column("lost", "Lost", "int", "sum"),
              Column("returned", "Returned to sender", "int", "sum"),
              Column("rate", "Exception rate", "percent", ("ratio", "problems", "shipments")),
              Column("problems", "All problems", "int", "sum")]


def _filters(params: ReportParams) -> list:
    conds = [Shipment.created_at >= params.start, Shipment.created_at < params.end]
    if params.warehouse_id:
        conds.append(Shipment.warehouse_id == params.warehouse_id)
    if params.store_id:
        conds.append(Order.store_id == params.store_id)
    return conds


def times_statement(dialect: str, params: ReportParams):
    to_packed = hours_between(dialect, Shipment.packed_at, Order.placed_at)
    to_shipped = hours_between(dialect, Shipment.shipped_at, Shipment.packed_at)
    to_delivered = hours_between(dialect, Shipment.delivered_at, Shipment.shipped_at)
    total = hours_between(dialect, Shipment.delivered_at, Order.placed_at)
    on_time = case((total <= params.target_days * 24.0, 1), else_=0)
    warehouse = func.coalesce(Warehouse.code, "")
    return (select(Shipment.carrier, warehouse.label("warehouse"), func.count().label("shipments"),
                   func.avg(to_packed).label("to_packed"), func.avg(to_shipped).label("to_shipped"),
                   func.avg(to_delivered).label("to_delivered"),
                   func.avg(total).label("order_to_delivered"),
                   func.count(Shipment.delivered_at).label("delivered"),
                   func.coalesce(func.sum(case((Shipment.delivered_at.is_not(None), on_time),
                                               else_=0)), 0).label("on_time"),
                   func.coalesce(func.sum(case((Shipment.status.in_(PROBLEMS), 1), else_=0)), 0)
                   .label("exceptions"))
            .select_from(Shipment).join(Order, Order.id == Shipment.order_id)
            .outerjoin(Warehouse, Warehouse.id == Shipment.warehouse_id)
            .where(and_(*_filters(params)))
            .group_by(Shipment.carrier, warehouse).order_by(Shipment.carrier, warehouse))


def exceptions_statement(params: ReportParams):
    def count_status(status):
        return func.coalesce(func.sum(case((Shipment.status == status, 1), else_=0)), 0)
    return (select(Shipment.carrier, func.count().label("shipments"),
                   count_status(ShipmentStatus.EXCEPTION).label("exception"),
                   count_status(ShipmentStatus.LOST).label("lost"),
                   count_status(ShipmentStatus.RETURNED_TO_SENDER).label("returned"))
            .select_from(Shipment).join(Order, Order.id == Shipment.order_id)
            .where(and_(*_filters(params))).group_by(Shipment.carrier).order_by(Shipment.carrier))


def _hours(value):
    from decimal import Decimal
    return Decimal(str(round(float(value), 1))) if value is not None else None


def build(conn: Connection, params: ReportParams, progress: Progress = None) -> ReportResult:
    from decimal import Decimal
    step(progress, 0, 2)
    times = []
    for r in conn.execute(times_statement(conn.dialect.name, params)).mappings():
        delivered, on_time = int(r["delivered"]), int(r["on_time"])
        times.append({"carrier": r["carrier"] or "", "warehouse": r["warehouse"],
                      "shipments": int(r["shipments"]), "to_packed": _hours(r["to_packed"]),
                      "to_shipped": _hours(r["to_shipped"]), "to_delivered": _hours(r["to_delivered"]),
                      "order_to_delivered": _hours(r["order_to_delivered"]),
                      "delivered": delivered, "on_time": on_time,
                      "on_time_rate": (Decimal(on_time) / delivered).quantize(Decimal("0.0001"))
                      if delivered else None, "exceptions": int(r["exceptions"])})
    step(progress, 1, 2)
    problems = []
    for r in conn.execute(exceptions_statement(params)).mappings():
        total = int(r["exception"]) + int(r["lost"]) + int(r["returned"])
        problems.append({"carrier": r["carrier"] or "", "shipments": int(r["shipments"]),
                         "exception": int(r["exception"]), "lost": int(r["lost"]),
                         "returned": int(r["returned"]), "problems": total,
                         "rate": (Decimal(total) / int(r["shipments"])).quantize(Decimal("0.0001"))})
    step(progress, 2, 2)
    notes = [f"On time = delivered within {params.target_days} days of the order being placed; "
             "the rate is over delivered shipments. Times are averages in hours.",
             "Exceptions: shipments now in exception, lost or returned to sender."]
    return ReportResult("logistics", "Logistics report", params, [
        Table("times", "Fulfilment times per carrier and warehouse", TIMES, as_tuples(times, TIMES),
              Chart("bar", "carrier", ("to_packed", "to_shipped", "to_delivered"),
                    title="Average hours per step")),
        Table("exceptions", "Exceptions per carrier", EXCEPTIONS, as_tuples(problems, EXCEPTIONS),
              Chart("bar", "carrier", ("problems",), title="Problem shipments")),
    ], notes)
