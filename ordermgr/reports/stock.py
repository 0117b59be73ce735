"""Stock: on-hand value, turnover and days of cover per SKU and warehouse, ageing, and stocktake
variances (counted adjustments in the stock ledger).

Definitions (printed on the report): units out = units shipped in the period (the ledger's 'ship'
movements); turnover = units out / on hand now; days of cover = on hand / (units out per day);
age = days since the last receipt into that warehouse, as of the end of the period.
"""

from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import Connection, and_, func, select

from ordermgr.models import Sku, StockLevel, StockMovement, Warehouse
from ordermgr.reports.common import Progress, as_tuples, step
from ordermgr.reports.model import Chart, Column, ReportResult, Table
from ordermgr.reports.params import ReportParams
from ordermgr.reports.sqlbits import cents, money

# ledger kinds that record a count correcting the book quantity
COUNT_KINDS = ("count", "stocktake", "cycle_count")
AGE_BUCKETS = ((30, "0–30 days"), (60, "31–60 days"), (90, "61–90 days"), (180, "91–180 days"))
OVER = "over 180 days"
NEVER = "never received"

LEVELS = [Column("sku", "SKU"), Column("name", "Product"), Column("warehouse", "Warehouse"),
          Column("on_hand", "On hand", "int", "sum"), Column("reserved", "Reserved", "int", "sum"),
          Column("currency", "Currency"), Column("unit_cost", "Unit cost", "money"),
          Column("value", "Value at cost", "money", "sum"),
          Column("units_out", "Units out", "int", "sum"),
          Column("turnover", "Turnover", "decimal"), Column("cover_days", "Days of cover", "decimal"),
          Column("age_days", "Age (days)", "int"), Column("age_bucket", "Ageing")]
AGEING = [Column("age_bucket", "Ageing"), Column("currency", "Currency"),
          Column("skus", "SKU × warehouse", "int", "sum"), Column("on_hand", "On hand", "int", "sum"),
          Column("value", "Value at cost", "money", "sum")]
VARIANCE = [Column("sku", "SKU"), Column("warehouse", "Warehouse"),
            Column("counts", "Counts", "int", "sum"), Column("variance", "Variance (units)", "int", "sum"),
            Column("currency", "Currency"), Column("variance_value", "Variance at cost", "money", "sum")]


def levels_statement(params: ReportParams):
    out = (select(StockMovement.sku_id, StockMovement.warehouse_id,
                  func.sum(-StockMovement.on_hand_delta).label("units_out"))
           .where(StockMovement.kind == "ship", StockMovement.at >= params.start,
                  StockMovement.at < params.end)
           .group_by(StockMovement.sku_id, StockMovement.warehouse_id).subquery("out"))
    received = (select(StockMovement.sku_id, StockMovement.warehouse_id,
                       func.max(StockMovement.at).label("last_in"))
                .where(StockMovement.kind == "receive", StockMovement.on_hand_delta > 0,
                       StockMovement.at < params.end)
                .group_by(StockMovement.sku_id, StockMovement.warehouse_id).subquery("received"))
    stmt = (select(Sku.code, Sku.name, Warehouse.code.label("warehouse"), StockLevel.on_hand,
                   StockLevel.reserved, Sku.currency, cents(Sku.cost).label("cost"),
                   func.coalesce(out.c.units_out, 0).label("units_out"), received.c.last_in)
            .select_from(StockLevel).join(Sku, Sku.id == StockLevel.sku_id)
            .join(Warehouse, Warehouse.id == StockLevel.warehouse_id)
            .outerjoin(out, and_(out.c.sku_id == StockLevel.sku_id,
                                 out.c.warehouse_id == StockLevel.warehouse_id))
            .outerjoin(received, and_(received.c.sku_id == StockLevel.sku_id,
                                      received.c.warehouse_id == StockLevel.warehouse_id))
            .where((StockLevel.on_hand > 0) | (func.coalesce(out.c.units_out, 0) > 0)))
    if params.warehouse_id:
        stmt = stmt.where(StockLevel.warehouse_id == params.warehouse_id)
    if params.currency:
        stmt = stmt.where(Sku.currency == params.currency)
    return stmt.order_by(Sku.code, Warehouse.code)


def variance_statement(params: ReportParams):
    stmt = (select(Sku.code, Warehouse.code.label("warehouse"), func.count().label("counts"),
                   func.sum(StockMovement.on_hand_delta).label("variance"), Sku.currency,
                   func.sum(StockMovement.on_hand_delta * cents(Sku.cost)).label("value"))
            .select_from(StockMovement).join(Sku, Sku.id == StockMovement.sku_id)
            .join(Warehouse, Warehouse.id == StockMovement.warehouse_id)
            .where(StockMovement.kind.in_(COUNT_KINDS), StockMovement.at >= params.start,
                   StockMovement.at < params.end))
    if params.warehouse_id:
        stmt = stmt.where(StockMovement.warehouse_id == params.warehouse_id)
    return stmt.group_by(Sku.code, Warehouse.code, Sku.currency).order_by(Sku.code, Warehouse.code)


def age_bucket(days: int | None) -> str:
    if days is None:
        return NEVER
    for limit, label in AGE_BUCKETS:
        if days <= limit:
            return label
    return OVER


def build(conn: Connection, params: ReportParams, progress: Progress = None) -> ReportResult:
    from decimal import Decimal
    step(progress, 0, 3)
    levels = []
    for r in conn.execute(levels_statement(params)).mappings():
        on_hand, units_out = int(r["on_hand"]), int(r["units_out"])
        cost = money(r["cost"]) if r["cost"] is not None else None
        last_in = r["last_in"]
        if isinstance(last_in, str):
            last_in = datetime.fromisoformat(last_in).replace(tzinfo=timezone.utc)
        age = (params.date_to - params.local_date(last_in)).days if last_in else None
        per_day = Decimal(units_out) / params.days
        levels.append({
            "sku": r["code"], "name": r["name"], "warehouse": r["warehouse"], "on_hand": on_hand,
            "reserved": int(r["reserved"]), "currency": r["currency"], "unit_cost": cost,
            "value": cost * on_hand if cost is not None else None, "units_out": units_out,
            "turnover": (Decimal(units_out) / on_hand).quantize(Decimal("0.01")) if on_hand else None,
            "cover_days": (on_hand / per_day).quantize(Decimal("0.1")) if per_day else None,
            "age_days": age, "age_bucket": age_bucket(age) if on_hand else ""})
    step(progress, 1, 3)
    ageing: dict[tuple, dict] = {}
    order = [label for _, label in AGE_BUCKETS] + [OVER, NEVER]
    for row in levels:
        if not row["on_hand"]:
            continue
        key = (row["age_bucket"], row["currency"])
        slot = ageing.setdefault(key, {"age_bucket": key[0], "currency": key[1], "skus": 0,
                                       "on_hand": 0, "value": Decimal("0.00")})
        slot["skus"] += 1
        slot["on_hand"] += row["on_hand"]
        slot["value"] += row["value"] or 0
    ageing_rows = sorted(ageing.values(), key=lambda r: (order.index(r["age_bucket"]), r["currency"]))
    step(progress, 2, 3)
    variances = [{"sku": r["code"], "warehouse": r["warehouse"], "counts": int(r["counts"]),
                  "variance": int(r["variance"]), "currency": r["currency"],
                  "variance_value": money(r["value"]) if r["value"] is not None else None}
                 for r in conn.execute(variance_statement(params)).mappings()]
    step(progress, 3, 3)
    notes = ["On hand and value are as of now; units out are the units shipped in the period. "
             "Turnover = units out / on hand; days of cover = on hand / units out per day; "
             "age = days since the last receipt, as of the end of the period.",
             "Stocktake variances: counted corrections in the stock ledger "
             f"({', '.join(COUNT_KINDS)}) in the period."]
    return ReportResult("stock", "Stock report", params, [
        Table("levels", "Stock per SKU and warehouse", LEVELS, as_tuples(levels, LEVELS),
              total_per="currency"),
        Table("ageing", "Stock ageing", AGEING, as_tuples(ageing_rows, AGEING),
              Chart("bar", "age_bucket", ("on_hand",), title="Units on hand by age"),
              total_per="currency"),
        Table("variances", "Stocktake variances", VARIANCE, as_tuples(variances, VARIANCE),
              total_per="currency"),
    ], notes)
