"""Products and stock levels from and to Excel (openpyxl) and CSV.

An import is two steps: `preview_import` reads the file and checks every row against the
database without writing anything (a per-row error report: line, column, what is wrong), then
`commit_import` re-checks inside one transaction and writes everything or nothing.

Columns (header row, any order, case-insensitive): sku (required), barcode, product, name,
category, price, cost, currency, weight_grams, warehouse, on_hand, threshold. A row with a price
creates or updates the SKU; a row with a warehouse sets that warehouse's on hand (the difference
is booked in the ledger as an "import" movement) and threshold.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Connection, select

from ordermgr.db.uow import UnitOfWork
from ordermgr.errors import UserError, ValidationError
from ordermgr.models import Product, Sku, StockLevel, Warehouse
from ordermgr.models.inventory import parse_quantity
from ordermgr.models.money import check_currency, to_decimal
from ordermgr.reports.cells import csv_row, write_only_value
from ordermgr.services import stock
from ordermgr.services.stock import Ref

COLUMNS = ("sku", "barcode", "product", "name", "category", "price", "cost", "currency",
           "weight_grams", "warehouse", "on_hand", "threshold")
ALIASES = {"code": "sku", "sku code": "sku", "qty": "on_hand", "quantity": "on_hand",
           "on hand": "on_hand", "stock": "on_hand", "ean": "barcode", "weight": "weight_grams",
           "product name": "product", "reorder level": "threshold", "min": "threshold"}
EXPORT_COLUMNS = ("sku", "barcode", "product", "name", "price", "currency", "warehouse",
                  "on_hand", "reserved", "available", "threshold")
# written by the export for people to read; ignored by the import (the ledger decides them)
IGNORED_COLUMNS = ("reserved", "available", "incoming")
MAX_ROWS = 200_000


@dataclass(frozen=True)
class RowError:
    line: int
    column: str
    message: str

    def __str__(self) -> str:
        where = f"line {self.line}" + (f", column {self.column}" if self.column else "")
        return f"{where}: {self.message}"


@dataclass
class ImportRow:
    line: int
    sku: str
    product: dict = field(default_factory=dict)  # validated SKU fields to create/update
    warehouse: str | None = None
    on_hand: int | None = None
    threshold: int | None = None
    action: str = ""  # "create", "update", "stock"
    delta: int = 0  # change of on hand


@dataclass
class ImportPreview:
    path: str
    rows: list[ImportRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors and bool(self.rows)

    @property
    def summary(self) -> str:
        created = sum(1 for r in self.rows if r.action == "create")
        updated = sum(1 for r in self.rows if r.action == "update")
        levels = sum(1 for r in self.rows if r.warehouse)
        units = sum(r.delta for r in self.rows)
        return (f"{len(self.rows)} rows: {created} new SKUs, {updated} updated, {levels} stock "
                f"levels (net {units:+d} units); {len(self.errors)} errors")


@dataclass(frozen=True)
class ImportResult:
    rows: int
    created: int
    movements: int


# -- reading files -------------------------------------------------------------------------------

def read_table(path: str | Path) -> tuple[list[str], list[tuple[int, dict]]]:
    """(columns, [(line number, {column: text})]) from .xlsx or .csv; unknown columns refused."""
    path = Path(path)
    if not path.exists():
        raise ValidationError(f"The file {path} does not exist.")
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        raw = _read_xlsx(path)
    elif suffix in (".csv", ".txt", ".tsv"):
        raw = _read_csv(path)
    else:
        raise ValidationError(f"{path.name}: import an Excel (.xlsx) or CSV (.csv) file.")
    if not raw:
        raise ValidationError(f"{path.name} is empty; the first row must name the columns.")
    header_line, header = raw[0]
    columns = []
    for cell in header:
        name = str(cell or "").strip().lower().replace("-", "_")
        name = ALIASES.get(name, ALIASES.get(name.replace("_", " "), name))
        if name in IGNORED_COLUMNS:
            name = ""
        if name and name not in COLUMNS:
            raise ValidationError(f"{path.name}, line {header_line}: unknown column {cell!r}; "
                                  f"use {', '.join(COLUMNS)}.")
        columns.append(name)
    if "sku" not in columns:
        raise ValidationError(f"{path.name}: the first row needs a 'sku' column.")
    if len(raw) - 1 > MAX_ROWS:
        raise ValidationError(f"{path.name} has more than {MAX_ROWS:,} rows; split it.")
    rows = []
    for line, cells in raw[1:]:
        values = {col: _text(cells[i]) if i < len(cells) else ""
                  for i, col in enumerate(columns) if col}
        if any(values.values()):
            rows.append((line, values))
    return [c for c in columns if c], rows


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _read_xlsx(path: Path) -> list[tuple[int, list]]:
    from openpyxl import load_workbook
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds for a broken file
        raise ValidationError(f"{path.name} is not a readable Excel file ({exc}).") from None
    try:
        sheet = book.worksheets[0]
        return [(i, list(row)) for i, row in enumerate(sheet.iter_rows(values_only=True), start=1)]
    finally:
        book.close()


def _read_csv(path: Path) -> list[tuple[int, list]]:
    data = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise ValidationError(f"{path.name} is neither UTF-8 nor GB18030 text.")
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    return [(reader.line_num, row) for row in reader]


# -- checking ------------------------------------------------------------------------------------

def preview_import(conn: Connection, path: str | Path) -> ImportPreview:
    """Read and check a file against the database; nothing is written."""
    columns, rows = read_table(path)
    return _check(conn, str(path), columns, rows)


def _check(conn: Connection, path: str, columns: list[str], rows: list[tuple[int, dict]]) -> ImportPreview:
    preview = ImportPreview(path)
    err = preview.errors.append
    skus = dict(conn.execute(select(Sku.code, Sku.id)).all())
    warehouses = dict(conn.execute(select(Warehouse.code, Warehouse.id)).all())
    levels = {(s, w): (oh, rs) for s, w, oh, rs in conn.execute(
        select(StockLevel.sku_id, StockLevel.warehouse_id, StockLevel.on_hand, StockLevel.reserved))}
    seen_sku_rows: dict[str, int] = {}
    seen_levels: dict[tuple[str, str], int] = {}
    has_product_data = "price" in columns
    for line, values in rows:
        before = len(preview.errors)
        code = values.get("sku", "")
        if not code:
            err(RowError(line, "sku", "the SKU is empty"))
            continue
        if len(code) > 64:
            err(RowError(line, "sku", "the SKU is longer than 64 characters"))
            continue
        row = ImportRow(line, code)
        known = code in skus
        if has_product_data and values.get("price", ""):
            row.product = _product_fields(values, line, err, known)
            row.action = "update" if known else "create"
            if not known:
                if code in seen_sku_rows:
                    err(RowError(line, "sku", f"SKU {code} is created twice (also on line "
                                              f"{seen_sku_rows[code]})"))
                seen_sku_rows[code] = line
        elif not known and code not in seen_sku_rows:
            err(RowError(line, "sku", f"unknown SKU {code!r}; add a price (and product name) to "
                                      "create it, or check the code"))
        wh = values.get("warehouse", "").upper()
        if wh or values.get("on_hand", "") or values.get("threshold", ""):
            if not wh:
                err(RowError(line, "warehouse", "the warehouse is empty"))
            elif wh not in warehouses:
                err(RowError(line, "warehouse", f"unknown warehouse {wh!r}; known: "
                                                f"{', '.join(sorted(warehouses)) or 'none'}"))
            elif (code, wh) in seen_levels:
                err(RowError(line, "warehouse", f"{code} in {wh} appears twice (also on line "
                                                f"{seen_levels[(code, wh)]})"))
            else:
                seen_levels[(code, wh)] = line
            row.warehouse = wh or None
            row.on_hand = _quantity(values, "on_hand", line, err)
            row.threshold = _quantity(values, "threshold", line, err)
            if row.on_hand is not None and wh in warehouses and known:
                current = levels.get((skus[code], warehouses[wh]), (0, 0))
                if row.on_hand < current[1]:
                    err(RowError(line, "on_hand", f"{row.on_hand} is less than the {current[1]} "
                                                  f"units of {code} reserved for orders in {wh}"))
                row.delta = row.on_hand - current[0]
            elif row.on_hand is not None:
                row.delta = row.on_hand
            if not row.action:
                row.action = "stock"
        if len(preview.errors) == before:
            preview.rows.append(row)
    if not rows:
        err(RowError(1, "", "the file has a header but no rows"))
    return preview


def _quantity(values: dict, column: str, line: int, err) -> int | None:
    raw = values.get(column, "")
    if raw == "":
        return None
    try:
        return parse_quantity(raw, what=column.replace("_", " "))
    except ValidationError as exc:
        err(RowError(line, column, str(exc)))
        return None


def _product_fields(values: dict, line: int, err, known: bool) -> dict:
    fields = {}
    for column in ("price", "cost"):
        if values.get(column, ""):
            try:
                amount = to_decimal(values[column], what=column)
                if amount < 0:
                    raise ValidationError(f"The {column} can't be negative.")
                fields[column] = amount
            except ValidationError as exc:
                err(RowError(line, column, str(exc)))
    if values.get("currency", "") or not known:
        try:
            fields["currency"] = check_currency(values.get("currency", "") or "CNY")
        except ValidationError as exc:
            err(RowError(line, "currency", str(exc)))
    if values.get("weight_grams", ""):
        try:
            fields["weight_grams"] = parse_quantity(values["weight_grams"], what="weight")
        except ValidationError as exc:
            err(RowError(line, "weight_grams", str(exc)))
    for column, limit in (("barcode", 64), ("name", 200), ("product", 200), ("category", 80)):
        if values.get(column, ""):
            if len(values[column]) > limit:
                err(RowError(line, column, f"longer than {limit} characters"))
            fields[column] = values[column]
    if not known and not (fields.get("product") or fields.get("name")):
        err(RowError(line, "product", "a new SKU needs a product name"))
    return fields


# -- writing -------------------------------------------------------------------------------------

def commit_import(uow: UnitOfWork, path: str | Path) -> ImportResult:
    """Check the file again inside one transaction and write all of it, or nothing."""
    columns, rows = read_table(path)
    with uow:
        uow.require("stock.import", "import products and stock")
        preview = _check(uow.session.connection(), str(path), columns, rows)
        if preview.errors:
            first = "; ".join(str(e) for e in preview.errors[:5])
            more = f" (and {len(preview.errors) - 5} more)" if len(preview.errors) > 5 else ""
            raise ValidationError(f"Nothing was imported: {first}{more}.")
        if not preview.rows:
            raise ValidationError("Nothing to import: the file has no rows.")
        warehouses = dict(uow.session.execute(select(Warehouse.code, Warehouse.id)).all())
        created = movements = 0
        for row in preview.rows:
            sku = uow.session.scalar(select(Sku).where(Sku.code == row.sku))
            if row.product:
                sku, new = _upsert_sku(uow, sku, row)
                created += new
            if row.warehouse:
                wh_id = warehouses[row.warehouse]
                stock.ensure_level(uow, sku.id, wh_id)
                level = uow.session.scalar(select(StockLevel).where(
                    StockLevel.sku_id == sku.id, StockLevel.warehouse_id == wh_id)
                    .execution_options(populate_existing=True))
                if row.threshold is not None:
                    level.threshold = row.threshold
                    uow.session.flush()
                if row.on_hand is not None and row.on_hand != level.on_hand:
                    stock.move(uow, sku.id, wh_id, "import", on_hand=row.on_hand - level.on_hand,
                               reason=f"import {Path(path).name} line {row.line}",
                               ref=Ref("import", None))
                    movements += 1
        uow.audit("stock.import", "file", Path(path).name, rows=len(preview.rows),
                  created=created, movements=movements)
        uow.changes.stock = True
        uow.commit()
        return ImportResult(len(preview.rows), created, movements)


def _upsert_sku(uow: UnitOfWork, sku: Sku | None, row: ImportRow) -> tuple[Sku, int]:
    f = row.product
    if sku is None:
        name = f.get("product") or f.get("name")
        product = uow.session.scalar(select(Product).where(Product.name == name))
        if product is None:
            product = Product(name=name, category=f.get("category", ""))
            uow.session.add(product)
        sku = Sku(product=product, code=row.sku, barcode=f.get("barcode"),
                  name=f.get("name") or name, price=f["price"], cost=f.get("cost"),
                  currency=f["currency"], weight_grams=f.get("weight_grams", 0))
        uow.session.add(sku)
        uow.session.flush()
        return sku, 1
    for attr in ("barcode", "name", "price", "cost", "currency", "weight_grams"):
        if attr in f:
            setattr(sku, attr, f[attr])
    return sku, 0


# -- export --------------------------------------------------------------------------------------

def export_stock(conn: Connection, path: str | Path) -> int:
    """Every stock level with its product data, in the import's column layout."""
    rows = conn.execute(
        select(Sku.code, Sku.barcode, Product.name, Sku.name, Sku.price, Sku.currency,
               Warehouse.code, StockLevel.on_hand, StockLevel.reserved,
               StockLevel.on_hand - StockLevel.reserved, StockLevel.threshold)
        .join(Product, Product.id == Sku.product_id)
        .join(StockLevel, StockLevel.sku_id == Sku.id)
        .join(Warehouse, Warehouse.id == StockLevel.warehouse_id)
        .order_by(Sku.code, Warehouse.code).execution_options(yield_per=2000))
    return write_table(path, EXPORT_COLUMNS, (
        [c if c is not None else "" for c in r[:4]] + [str(r[4])] + list(r[5:]) for r in rows))


def export_reorder(conn: Connection, path: str | Path) -> int:
    from ordermgr.services.inventory import reorder_suggestions
    suggestions = reorder_suggestions(conn)
    columns = ("sku", "name", "available", "in_transit", "threshold", "daily_sales",
               "lead_time_days", "reorder_point", "order_quantity")
    return write_table(path, columns, ([s.sku, s.name, s.available, s.in_transit, s.threshold,
                                        round(s.daily_sales, 2), s.lead_time_days, s.reorder_point,
                                        s.quantity] for s in suggestions))


def write_table(path: str | Path, columns, rows) -> int:
    path = Path(path)
    suffix = path.suffix.lower()
    count = 0
    try:
        if suffix == ".xlsx":
            from openpyxl import Workbook
            book = Workbook(write_only=True)
            sheet = book.create_sheet("stock")
            sheet.append(list(columns))
            for row in rows:
                sheet.append([write_only_value(sheet, value) for value in row])
                count += 1
            book.save(path)
        elif suffix == ".csv":
            with path.open("w", newline="", encoding="utf-8-sig") as fh:
                writer = csv.writer(fh)
                writer.writerow(columns)
                for row in rows:
                    writer.writerow(csv_row(row))
                    count += 1
        else:
            raise ValidationError(f"{path.name}: export to an Excel (.xlsx) or CSV (.csv) file.")
    except OSError as exc:
        raise UserError(f"Cannot write {path}: {exc.strerror}. Check the folder and that the "
                        "file is not open in another program.") from None
    return count
