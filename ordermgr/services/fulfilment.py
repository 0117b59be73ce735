"""Warehouse use cases: carriers, pick batches, scan-verified packing, waybill entry (with format
checks, several parcels, split shipments) and bulk waybill import.

Reads for screens and documents (pick lists, packing checks, import previews) take a Session;
writes go through a UnitOfWork, check the permission and audit.
"""

from __future__ import annotations

import csv
import io
import re
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ordermgr.db.queries import QUEUES
from ordermgr.db.uow import UnitOfWork
from ordermgr.errors import NotFound, PermissionDenied, ValidationError
from ordermgr.fulfilment.carriers import Carriers, custom_carrier
from ordermgr.fulfilment.packing import PackingCheck, PackLine
from ordermgr.models import (Bin, LineAllocation, Order, OrderLine, OrderStatus, Parcel, Role,
                             Shipment, Sku, StockLevel, User, Warehouse)
from ordermgr.models.fulfilment import CustomCarrier, PickBatch, PickBatchOrder
from ordermgr.models.money import to_decimal, to_decimal_before_currency
from ordermgr.services.order_entry import next_number
from ordermgr.services.orders import _done
from ordermgr.services.shipments import ParcelInput, refuse_duplicate_waybill, ship_in

MAX_BATCH = 1000


# -- carriers -----------------------------------------------------------------------------------

def carrier_registry(session: Session) -> Carriers:
    """The maintained carriers plus the active custom ones from the database."""
    rows = session.scalars(select(CustomCarrier).where(CustomCarrier.active)
                           .order_by(CustomCarrier.name)).all()
    return Carriers(custom_carrier(r.name, r.pattern, r.tracking_url, hint=r.hint,
                                   delayed_after_days=r.delayed_after_days) for r in rows)


def add_custom_carrier(uow: UnitOfWork, *, name: str, pattern: str, tracking_url: str = "",
                       hint: str = "", delayed_after_days: int = 4) -> int:
    carrier = custom_carrier(name, pattern, tracking_url, hint=hint,
                             delayed_after_days=delayed_after_days)  # validates
    with uow:
        uow.require("settings.edit", "add carriers")
        if carrier_registry(uow.session).find(carrier.name):
            raise ValidationError(f"A carrier called {carrier.name} already exists.")
        row = CustomCarrier(name=carrier.name, pattern=pattern, hint=hint,
                            tracking_url=tracking_url, delayed_after_days=delayed_after_days)
        uow.session.add(row)
        uow.session.flush()
        uow.audit("carrier.add", "carrier", row.id, name=row.name, pattern=pattern)
        uow.commit()
        return row.id


# -- pick batches -------------------------------------------------------------------------------

def create_pick_batch(uow: UnitOfWork, order_ids: list[int] | None = None, *,
                      queue: str = "allocated", limit: int = 500) -> int:
    """Start picking a selection (`order_ids`) or the oldest `limit` orders of a queue.

    Every order must be allocated; all of them move to picking in one transaction.
    Returns the batch id.
    """
    if not 1 <= limit <= MAX_BATCH:
        raise ValidationError(f"A pick batch holds 1 to {MAX_BATCH} orders.")
    with uow:
        uow.require("orders.fulfil", "start pick batches")
        if order_ids is None:
            states = QUEUES.get(queue)
            if not states or OrderStatus.ALLOCATED not in states:
                raise ValidationError("Pick batches are made from allocated orders; choose the "
                                      "'allocated' queue or select orders.")
            order_ids = list(uow.session.scalars(
                select(Order.id).where(Order.status == OrderStatus.ALLOCATED)
                .order_by(Order.placed_at, Order.id).limit(limit)))
        ids = list(dict.fromkeys(order_ids))
        if not ids:
            raise ValidationError("No allocated orders to pick.")
        if len(ids) > MAX_BATCH:
            raise ValidationError(f"A pick batch holds at most {MAX_BATCH} orders; select fewer.")
        orders = uow.session.scalars(select(Order).where(Order.id.in_(ids))
                                     .order_by(Order.placed_at, Order.id)).all()
        if len(orders) != len(ids):
            raise NotFound("Some selected orders no longer exist; refresh the list.")
        refused = [o.number for o in orders if o.status != OrderStatus.ALLOCATED]
        if refused:
            raise ValidationError(
                f"Only allocated orders can be picked; not allocated: "
                f"{', '.join('#' + n for n in refused[:10])}{' …' if len(refused) > 10 else ''}. "
                "Remove them from the selection.")
        batch = PickBatch(number=f"PB-{next_number(uow, 'pick_batch'):06d}", status="picking",
                          created_by=uow.actor.user_id)
        uow.session.add(batch)
        for slot, order in enumerate(orders, start=1):
            batch.orders.append(PickBatchOrder(order_id=order.id, slot=slot))
            order.apply("start_picking", by=uow.actor.user_id,
                        message=f"Picking started (batch {batch.number}, slot {slot})")
            uow.changed_order(order)
        uow.session.flush()
        uow.audit("pick_batch.create", "pick_batch", batch.id, number=batch.number,
                  orders=len(orders))
        uow.commit()
        return batch.id


@dataclass
class PickRow:
    warehouse: str
    bin: str
    sku: str
    name: str
    total: int = 0
    orders: list[tuple[int, str, int]] = field(default_factory=list)  # (slot, number, qty)


@dataclass
class PickList:
    batch_number: str
    order_count: int
    rows: list[PickRow]  # sorted by warehouse, bin, sku

    def by_warehouse(self) -> dict[str, list[PickRow]]:
        groups: dict[str, list[PickRow]] = defaultdict(list)
        for row in self.rows:
            groups[row.warehouse].append(row)
        return dict(groups)


def pick_list(session: Session, batch_id: int) -> PickList:
    """What to pick for a batch: per warehouse and bin, the quantity per SKU across the batch,
    then per order (slot)."""
    batch = session.get(PickBatch, batch_id)
    if batch is None:
        raise NotFound(f"Pick batch {batch_id} does not exist.")
    slots = dict(session.execute(select(PickBatchOrder.order_id, PickBatchOrder.slot)
                                 .where(PickBatchOrder.batch_id == batch_id)).all())
    return pick_list_for(session, slots, batch.number)


def pick_list_for(session: Session, slots: dict[int, int], label: str, *,
                  chunk: int = 500) -> PickList:
    """The pick list of orders {order_id: slot} (a batch, or a preview of a selection)."""
    rows: dict[tuple, PickRow] = {}
    ids = list(slots)
    for start in range(0, len(ids), chunk):
        part = ids[start:start + chunk]
        stmt = (select(Order.id, Order.number, OrderLine.sku, OrderLine.name, OrderLine.quantity,
                       OrderLine.quantity_shipped, LineAllocation.quantity, Warehouse.code, Bin.code)
                .join(OrderLine, OrderLine.order_id == Order.id)
                .outerjoin(LineAllocation, LineAllocation.order_line_id == OrderLine.id)
                .outerjoin(Warehouse, Warehouse.id == LineAllocation.warehouse_id)
                .outerjoin(StockLevel, (StockLevel.sku_id == OrderLine.sku_id)
                           & (StockLevel.warehouse_id == LineAllocation.warehouse_id))
                .outerjoin(Bin, Bin.id == StockLevel.bin_id)
                .where(Order.id.in_(part)))
        for order_id, number, sku, name, qty, shipped, alloc_qty, wh, bin_code in session.execute(stmt):
            need = alloc_qty if alloc_qty is not None else qty - shipped
            if not need:
                continue
            key = (wh or "—", bin_code or "", sku, name)
            row = rows.setdefault(key, PickRow(*key))
            row.total += need
            row.orders.append((slots[order_id], number, need))
    ordered = sorted(rows.values(), key=lambda r: (r.warehouse, r.bin, r.sku))
    for row in ordered:
        row.orders.sort()
    return PickList(label, len(slots), ordered)


def batch_order_ids(session: Session, batch_id: int) -> list[int]:
    return list(session.scalars(select(PickBatchOrder.order_id)
                                .where(PickBatchOrder.batch_id == batch_id)
                                .order_by(PickBatchOrder.slot)))


# -- packing ------------------------------------------------------------------------------------

_SLOT = re.compile(r"^(PB-\d+)[/\-#.](\d+)$", re.IGNORECASE)


def load_packing(session: Session, code: str) -> PackingCheck:
    """The packing check for a scanned order number (or pick-batch slot 'PB-000012/3')."""
    code = (code or "").strip().lstrip("#")
    if not code:
        raise ValidationError("Scan the order's barcode (or the batch slot label) first.")
    slot = _SLOT.match(code)
    if slot:
        order = session.scalar(
            select(Order).join(PickBatchOrder, PickBatchOrder.order_id == Order.id)
            .join(PickBatch, PickBatch.id == PickBatchOrder.batch_id)
            .where(PickBatch.number == slot.group(1).upper(),
                   PickBatchOrder.slot == int(slot.group(2))))
    else:
        order = session.scalar(select(Order).where(Order.number == code))
    if order is None:
        raise NotFound(f"No order has the number or slot {code!r}. Scan the order barcode on the "
                       "packing slip.")
    if order.status != OrderStatus.PICKING:
        pretty = order.status.replace("_", " ")
        raise ValidationError(f"{order.subject} is {pretty}, not being picked; only orders in "
                              "picking can be packed here.")
    sku_ids = [line.sku_id for line in order.lines if line.sku_id]
    barcodes = dict(session.execute(select(Sku.id, Sku.barcode).where(Sku.id.in_(sku_ids))).all())
    lines = [PackLine(line.id, line.sku, line.name, barcodes.get(line.sku_id) or "",
                      line.quantity - line.quantity_shipped)
             for line in order.lines if line.quantity > line.quantity_shipped]
    return PackingCheck(order.id, order.number, lines)


def barcode_known(session: Session, code: str) -> bool:
    """Is `code` the barcode or SKU code of any product? (indexed lookups)"""
    code = (code or "").strip()
    return session.scalar(select(func.count()).select_from(Sku).where(
        (Sku.barcode == code) | (Sku.code == code) | (Sku.code == code.upper()))) > 0


def finish_packing(uow: UnitOfWork, order_id: int, *, scanned: dict[int, int],
                   override_reason: str = "", supervisor: str = "",
                   scan_log: list | None = None) -> None:
    """Mark an order packed once every line was scanned in full; otherwise only with a
    supervisor's override and a reason, both recorded on the timeline and in the audit log."""
    with uow:
        uow.require("orders.fulfil", "pack orders")
        order = uow.get_order(order_id)
        if order.status != OrderStatus.PICKING:
            order.apply("pack", by=uow.actor.user_id)  # the clear refusal
        missing = {line.sku: line.quantity - line.quantity_shipped - scanned.get(line.id, 0)
                   for line in order.lines}
        missing = {sku: n for sku, n in missing.items() if n > 0}
        over = [line.sku for line in order.lines
                if scanned.get(line.id, 0) > line.quantity - line.quantity_shipped]
        if over:
            raise ValidationError(f"{order.subject}: more {', '.join(over)} scanned than ordered; "
                                  "take the extra out and scan again.")
        details = {"scanned": {str(k): v for k, v in scanned.items()}, "log": scan_log or []}
        if missing:
            reason = (override_reason or "").strip()
            text = ", ".join(f"{sku} ×{n}" for sku, n in missing.items())
            if not reason:
                raise ValidationError(f"{order.subject} is not complete; still missing: {text}. "
                                      "Scan the missing items, or ask a supervisor to override "
                                      "with a reason.")
            boss = _supervisor(uow, supervisor)
            order.apply("pack", by=uow.actor.user_id,
                        message=f"Packed with supervisor override by {boss}: {reason} "
                                f"(missing {text})",
                        override=True, supervisor=boss, reason=reason, missing=missing)
            uow.audit("order.pack_override", "order", order.id, number=order.number,
                      supervisor=boss, reason=reason, missing=missing)
        else:
            order.apply("pack", by=uow.actor.user_id, message="Packed (every item scanned)")
        _close_finished_batches(uow, order.id)
        _done(uow, order, "order.pack", **details)


def _close_finished_batches(uow: UnitOfWork, order_id: int) -> None:
    """A batch is done once none of its orders is still being picked."""
    uow.session.flush()
    for batch in uow.session.scalars(
            select(PickBatch).join(PickBatchOrder, PickBatchOrder.batch_id == PickBatch.id)
            .where(PickBatchOrder.order_id == order_id, PickBatch.status == "picking")):
        still = uow.session.scalar(
            select(func.count()).select_from(PickBatchOrder)
            .join(Order, Order.id == PickBatchOrder.order_id)
            .where(PickBatchOrder.batch_id == batch.id, Order.status == OrderStatus.PICKING))
        if not still:
            batch.status = "done"


def _supervisor(uow: UnitOfWork, username: str) -> str:
    """The supervisor approving an override: the acting user if allowed, or the named user whose
    role has 'orders.override'."""
    username = (username or "").strip()
    if not username or username == uow.actor.username:
        if uow.actor.may("orders.override"):
            return uow.actor.username
        raise PermissionDenied(f"{uow.actor.username} ({uow.actor.role}) may not override the "
                               "packing check. Ask a supervisor to approve it with their name.")
    user = uow.session.scalar(select(User).where(User.username == username))
    role = uow.session.get(Role, user.role) if user else None
    allowed = bool(role) and ("orders.override" in role.permissions or "admin" in role.permissions)
    if user is None or not user.active or not allowed:
        raise PermissionDenied(f"{username} is not a supervisor who may override packing checks.")
    return user.username


# -- waybills -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class WaybillInput:
    carrier: str
    waybill: str
    extra_waybills: tuple[str, ...] = ()  # more parcels of the same shipment
    weight_grams: int = 0
    length_mm: int = 0
    width_mm: int = 0
    height_mm: int = 0
    cost: str | Decimal | None = None
    quantities: dict[int, int] | None = None  # split shipment: {order_line_id: qty}


def ship_with_waybill(uow: UnitOfWork, order_id: int, entry: WaybillInput, *,
                      expected_version: int | None = None) -> int:
    """Check the waybill(s) against the carrier's format, then ship. Returns the shipment id."""
    cost = to_decimal(entry.cost, what="shipping cost") if entry.cost not in (None, "") else None
    with uow:
        uow.require("orders.fulfil", "ship orders")
        registry = carrier_registry(uow.session)
        carrier, waybill = registry.validate(entry.carrier, entry.waybill)
        extras = [carrier.validate(n) for n in entry.extra_waybills if n.strip()]
        parcels = [ParcelInput(waybill, entry.weight_grams, entry.length_mm, entry.width_mm,
                               entry.height_mm)] + [ParcelInput(n) for n in extras]
        order = uow.get_order(order_id, expected_version=expected_version)
        shipment = ship_in(uow, order, carrier=carrier.name, waybill=waybill,
                           tracking_url=carrier.url_for(waybill), quantities=entry.quantities,
                           cost=cost, parcels=parcels)
        _done(uow, order, "order.ship", carrier=carrier.name, waybill=waybill,
              parcels=[p.waybill for p in parcels], shipment=shipment.id,
              cost=str(cost) if cost is not None else None)
        return shipment.id


# -- bulk waybill import ------------------------------------------------------------------------

@dataclass(frozen=True)
class ImportRow:
    row: int  # 1-based row in the file or pasted text
    order_number: str
    waybill: str


@dataclass
class ImportCheck:
    row: int
    order_number: str
    waybill: str
    carrier: str = ""
    order_id: int | None = None
    error: str = ""
    parcel_of: int | None = None  # another parcel of the shipment started on this row

    @property
    def ok(self) -> bool:
        return not self.error

    @property
    def outcome(self) -> str:
        """What the row will do (the preview) or what is wrong with it."""
        if self.error:
            return self.error
        if self.parcel_of is not None:
            return (f"ok: another parcel of order #{self.order_number}'s shipment "
                    f"(row {self.parcel_of})")
        return "ok"


def plan_summary(checks: list[ImportCheck]) -> str:
    """What a commit of these rows creates: "N shipments with M parcels"."""
    shipments = sum(1 for c in checks if c.ok and c.parcel_of is None)
    parcels = sum(1 for c in checks if c.ok)
    return f"{shipments} shipments with {parcels} parcels"


_HEADER_WORDS = ("order", "订单", "waybill", "运单", "tracking", "number")


def parse_waybill_rows(source: str | Path, *, text: str | None = None) -> list[ImportRow]:
    """Rows of (order number, waybill) from pasted text, a CSV/TSV file or an .xlsx workbook.

    A header row is skipped; blank rows are ignored. `text` is pasted content (source is then
    only a label)."""
    if text is None:
        path = Path(source)
        if not path.exists():
            raise ValidationError(f"The file {path} does not exist.")
        if path.suffix.lower() in (".xlsx", ".xlsm"):
            cells = _xlsx_rows(path)
        else:
            raw = path.read_bytes()
            try:
                text = raw.decode("utf-8-sig")
            except UnicodeDecodeError:
                text = raw.decode("gb18030")  # Excel's CSV on a Chinese Windows
            cells = _text_rows(text)
    else:
        cells = _text_rows(text)
    rows = []
    for number, values in enumerate(cells, start=1):
        values = [str(v).strip() if v is not None else "" for v in values]
        values = [v for v in values if v] if len([v for v in values if v]) <= 2 else values
        if not any(values):
            continue
        if number == 1 and any(w in " ".join(values).casefold() for w in _HEADER_WORDS) \
                and not any(ch.isdigit() for ch in values[0]):
            continue
        first = values[0].lstrip("#") if values else ""
        second = values[1] if len(values) > 1 else ""
        if first.endswith(".0") and first[:-2].isdigit():  # Excel turned it into a number
            first = first[:-2]
        rows.append(ImportRow(number, first, second))
    return rows


def _text_rows(text: str) -> list[list[str]]:
    sample = text[:2000]
    if "\t" in sample:
        return [line.split("\t") for line in text.splitlines()]
    if "," in sample or ";" in sample:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;") if sample.strip() else csv.excel
        return list(csv.reader(io.StringIO(text), dialect))
    return [line.split() for line in text.splitlines()]


def _xlsx_rows(path: Path) -> list[list]:
    from openpyxl import load_workbook
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - any unreadable workbook means the same to the user
        raise ValidationError(f"{path.name} is not a readable Excel workbook: {exc}") from None
    try:
        sheet = book.worksheets[0]
        return [list(row[:2]) for row in sheet.iter_rows(values_only=True)]
    finally:
        book.close()


def check_waybill_import(session: Session, rows: list[ImportRow], *,
                         carrier: str | None = None) -> list[ImportCheck]:
    """The preview: each row with its carrier and order, or what is wrong with it."""
    registry = carrier_registry(session)
    fixed = registry.get(carrier) if carrier else None
    numbers = {r.order_number for r in rows}
    found = dict(session.execute(select(Order.number, Order.id).where(Order.number.in_(numbers)))
                 .all()) if numbers else {}
    status = dict(session.execute(select(Order.id, Order.status)
                                  .where(Order.id.in_(found.values()))).all()) if found else {}
    seen: dict[tuple[str, str], int] = {}
    first_of_order: dict[int, ImportCheck] = {}  # the row that starts each order's shipment
    checks = []
    for row in rows:
        check = ImportCheck(row.row, row.order_number, row.waybill)
        checks.append(check)
        if not row.order_number or not row.waybill:
            check.error = "Needs two columns: the order number and the waybill number."
            continue
        order_id = found.get(row.order_number)
        if order_id is None:
            check.error = f"No order #{row.order_number}."
            continue
        check.order_id = order_id
        if status[order_id] not in (OrderStatus.PACKED, OrderStatus.PARTIALLY_SHIPPED):
            check.error = (f"Order #{row.order_number} is {status[order_id].replace('_', ' ')}; "
                           "only packed orders can be shipped.")
            continue
        try:
            if fixed is not None:
                found_carrier, number = fixed, fixed.validate(row.waybill)
            else:
                candidates = registry.detect(row.waybill)
                near = registry.likely(row.waybill)
                if not candidates and near is not None:
                    near.validate(row.waybill)  # raises that carrier's explanation
                if len(candidates) != 1:
                    names = ", ".join(c.name for c in candidates) or "no known carrier"
                    raise ValidationError(f"{row.waybill} fits {names}; choose the carrier for "
                                          "this import.")
                found_carrier = candidates[0]
                number = found_carrier.validate(row.waybill)
        except ValidationError as exc:
            check.error = str(exc)
            continue
        check.carrier, check.waybill = found_carrier.name, number
        key = (found_carrier.name, number)
        if key in seen:
            check.error = f"Waybill {number} is also on row {seen[key]} of this list."
            continue
        seen[key] = row.row
        try:
            refuse_duplicate_waybill(_SessionView(session), found_carrier.name, number)
        except ValidationError as exc:
            check.error = str(exc)
            continue
        first = first_of_order.setdefault(order_id, check)
        if first is check:
            continue
        if first.carrier != check.carrier:
            # one shipment travels with one carrier; its parcels cannot be split between two
            check.error = (f"Order #{row.order_number} is already on row {first.row} with "
                           f"{first.carrier}; a shipment has one carrier. Ship this {check.carrier} "
                           "parcel on its own with the waybill form.")
            continue
        check.parcel_of = first.row
    return checks


@dataclass
class _SessionView:
    """Lets read-only checks reuse helpers written against a unit of work."""

    session: Session


def import_waybills(uow: UnitOfWork, rows: list[ImportRow], *,
                    carrier: str | None = None) -> list[int]:
    """Ship every row's order with its waybill, all or nothing: one bad row and nothing is
    saved (the ValidationError lists the bad rows). Rows of the same order become parcels of
    one shipment (exactly as the preview says: `ImportCheck.parcel_of`). Returns the shipment
    ids."""
    with uow:
        uow.require("orders.fulfil", "import waybills")
        checks = check_waybill_import(uow.session, rows, carrier=carrier)
        bad = [c for c in checks if not c.ok]
        if bad:
            raise ValidationError(import_error_report(bad, total=len(checks)))
        if not checks:
            raise ValidationError("The list is empty: nothing to import.")
        by_order: dict[int, list[ImportCheck]] = defaultdict(list)
        for check in checks:
            by_order[check.order_id].append(check)
        registry = carrier_registry(uow.session)
        ids = []
        for order_id, group in by_order.items():
            order = uow.get_order(order_id)
            first = group[0]
            found = registry.get(first.carrier)
            try:
                shipment = ship_in(uow, order, carrier=found.name, waybill=first.waybill,
                                   tracking_url=found.url_for(first.waybill),
                                   parcels=[ParcelInput(c.waybill) for c in group])
            except ValidationError as exc:
                raise ValidationError(f"Row {first.row}: {exc} Nothing was imported.") from None
            uow.changed_order(order)
            ids.append(shipment.id)
        uow.session.flush()
        uow.audit("waybills.import", "order", ",".join(str(i) for i in by_order)[:60],
                  rows=len(checks), shipments=len(ids))
        uow.commit()
        return ids


def count_parcels(session: Session, shipment_ids: list[int]) -> int:
    """How many parcels these shipments carry (what an import stored, to report it)."""
    if not shipment_ids:
        return 0
    return session.scalar(select(func.count()).select_from(Parcel)
                          .where(Parcel.shipment_id.in_(shipment_ids)))


def import_error_report(bad: list[ImportCheck], *, total: int) -> str:
    lines = [f"{len(bad)} of {total} rows have problems; nothing was imported:"]
    lines += [f"  row {c.row}: {c.order_number or '(no order)'} {c.waybill}: {c.error}"
              for c in bad[:20]]
    if len(bad) > 20:
        lines.append(f"  … and {len(bad) - 20} more")
    return "\n".join(lines)


# -- read side for the screens ------------------------------------------------------------------

@dataclass(frozen=True)
class ShippableLine:
    line_id: int
    sku: str
    name: str
    remaining: int


@dataclass(frozen=True)
class ShippableOrder:
    order_id: int
    number: str
    status: str
    version: int
    lines: list[ShippableLine]


def order_for_shipping(session: Session, number: str) -> ShippableOrder:
    """An order by number with what is left to ship on each line (the waybill form)."""
    number = (number or "").strip().lstrip("#")
    order = session.scalar(select(Order).where(Order.number == number))
    if order is None:
        raise NotFound(f"No order #{number}.")
    return ShippableOrder(order.id, order.number, order.status, order.version,
                          [ShippableLine(line.id, line.sku, line.name,
                                         line.quantity - line.quantity_shipped)
                           for line in order.lines if line.quantity > line.quantity_shipped])


@dataclass(frozen=True)
class BatchRow:
    id: int
    number: str
    status: str
    created_at: object
    orders: int


def batches_page(session: Session, after: int | None, limit: int) -> list[BatchRow]:
    """Pick batches, newest first, keyset-paged on id."""
    counts = (select(PickBatchOrder.batch_id, func.count().label("n"))
              .group_by(PickBatchOrder.batch_id).subquery())
    stmt = (select(PickBatch.id, PickBatch.number, PickBatch.status, PickBatch.created_at,
                   func.coalesce(counts.c.n, 0))
            .outerjoin(counts, counts.c.batch_id == PickBatch.id))
    if after is not None:
        stmt = stmt.where(PickBatch.id < after)
    return [BatchRow(*row) for row in session.execute(stmt.order_by(PickBatch.id.desc()).limit(limit))]


# -- logistics exceptions: re-ship and refund that really act -------------------------------------

def _exception_for_action(uow: UnitOfWork, exception_id: int):
    """The open exception, its order (locked: after-sales steps serialise on it) and shipment."""
    from ordermgr.services import tracking
    from ordermgr.models.fulfilment import LogisticsException
    head = uow.session.get(LogisticsException, exception_id)
    if head is None:
        raise NotFound(f"Logistics exception {exception_id} does not exist.")
    order = uow.get_order(head.order_id, lock=True)
    exc = tracking.load_open_exception(uow, exception_id)
    shipment = uow.session.get(Shipment, exc.shipment_id)
    return exc, order, shipment


def _already(order: Order, exc, action: str) -> bool:
    return any(e.kind == "logistics" and (e.data or {}).get("exception") == exc.id
               and (e.data or {}).get("action") == action for e in order.events)


def _what(exc, shipment: Shipment, note: str) -> str:
    parcel = f"{shipment.carrier} {shipment.waybill or ''}".strip()
    text = f"{exc.kind.replace('_', ' ')} parcel {parcel}"
    return f"{text}: {note}" if note else text


def reship_exception(uow: UnitOfWork, exception_id: int, *, note: str = "",
                     resolve: bool = False) -> int:
    """Send again what the troubled parcel carried: the after-sales re-ship flow (a re-ship case,
    approved, with a linked zero-price replacement order that reserves stock) and the action on
    the exception, all in one transaction. Returns the replacement order's id."""
    from ordermgr.services import aftersales, tracking
    note = (note or "").strip()
    with uow:
        uow.require("shipments.edit", "handle logistics exceptions")
        uow.require("returns.request", "re-ship goods")
        exc, order, shipment = _exception_for_action(uow, exception_id)
        if _already(order, exc, "reship"):
            raise ValidationError(f"The {exc.kind.replace('_', ' ')} parcel of {order.subject} was "
                                  "already re-shipped (see the order's timeline); record a claim "
                                  "or resolve the exception instead.")
        allowed = {r.code for r in aftersales.reason_codes(uow.session, "reship")}
        reason = next((c for c in ("damaged" if exc.kind == "damaged" else "courier", "courier",
                                   "other") if c in allowed), "other")
        lines = [aftersales.CaseLineInput(order_line_id=sl.order_line_id, quantity=sl.quantity,
                                          reason_code=reason)
                 for sl in shipment.lines if sl.quantity > 0]
        if not lines:
            raise ValidationError(f"The parcel {shipment.waybill} of {order.subject} lists no "
                                  "items; open a re-ship case on the order in after-sales "
                                  "instead.")
        case_number, new = aftersales.quick_reship_in(uow, order, lines,
                                                      note=_what(exc, shipment, note))
        tracking.record_action_in(uow, exc, action="reship", resolve=resolve,
                                  note=f"Replacement order #{new.number} ({case_number})"
                                  + (f" - {note}" if note else ""))
        uow.commit()
        return new.id


def refund_exception(uow: UnitOfWork, exception_id: int, *, amount: object, reference: str = "",
                     note: str = "", resolve: bool = False) -> list[str]:
    """Refund the customer for a troubled parcel: a refund through payments (the after-sales
    refund-only flow, within the actor's approval limit) and the action on the exception, in
    one transaction. Returns the case number and the refund numbers."""
    from ordermgr.services import aftersales, tracking
    value = to_decimal_before_currency(amount, what="refund amount")
    if value <= 0:
        raise ValidationError("Enter the amount to refund (more than 0).")
    note = (note or "").strip()
    with uow:
        uow.require("shipments.edit", "handle logistics exceptions")
        uow.require("returns.request", "open refund cases")
        uow.require("payments.refund", "refund customers")
        exc, order, shipment = _exception_for_action(uow, exception_id)
        value = to_decimal(amount, order.currency, what="refund amount")
        numbers = aftersales.quick_refund_in(uow, order, value=value,
                                             reason=_what(exc, shipment, note),
                                             reference=reference)
        tracking.record_action_in(uow, exc, action="refund", amount=value, resolve=resolve,
                                  note=f"Refund {', '.join(numbers[1:])} ({numbers[0]})"
                                  + (f" - {note}" if note else ""))
        uow.commit()
        return numbers
