"""Products and stock levels from and to Excel (openpyxl) and CSV.

An import is two steps: `preview_import` reads the file and checks every row against the
database without writing anything (a per-row error report: line, column, what is wrong), then
`commit_import` re-checks inside one transaction and writes everything or nothing.

Columns (header row, any order, case-insensitive): sku (required), barcode, product, name,
category, price, cost, currency, weight_grams, warehouse, on_hand, threshold. A row with a price
creates or updates the SKU; a row with a warehouse sets that warehouse's on hand (the difference
is booked in the ledger as an "import" movement) and threshold.

Files are read streaming (the csv module over the open file, openpyxl's read-only parser) and
checked row by row, so memory stays flat whatever the file: its size, its row count and every
number and text in a row are limited (`models/limits.py`) before anything reaches the database.
"""

from __future__ import annotations

import codecs
import csv
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Connection, and_, bindparam, insert, select, update

from ordermgr.db.uow import UnitOfWork
from ordermgr.errors import UserError, ValidationError
from ordermgr.models import Product, Sku, StockLevel, Warehouse
from ordermgr.models.inventory import parse_quantity
from ordermgr.models.limits import (MAX_BARCODE, MAX_CATEGORY, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS,
                                    MAX_LINE_CHARS, MAX_NAME, MAX_SKU_CODE, MAX_WEIGHT_GRAMS,
                                    MAX_XLSX_STRINGS_BYTES, check_amount, check_text)
from ordermgr.models.money import check_currency, to_decimal
from ordermgr.reports.cells import csv_row, csv_unescape, write_only_value
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
TEXT_LIMITS = {"barcode": MAX_BARCODE, "name": MAX_NAME, "product": MAX_NAME,
               "category": MAX_CATEGORY}
# A preview keeps this many rows and errors to show; its counts cover the whole file.
PREVIEW_ROWS = 1_000
REPORTED_ERRORS = 1_000


class _UncachedFormula:
    """A formula cell the file holds no computed value for (saved by a program that does not
    calculate, e.g. a script): its value is unknown, so the row can't be imported."""

    def __repr__(self) -> str:
        return "<formula without a saved value>"


UNCACHED_FORMULA = _UncachedFormula()


@dataclass(frozen=True)
class RowError:
    line: int
    column: str
    message: str

    def __str__(self) -> str:
        where = f"line {self.line}" + (f", column {self.column}" if self.column else "")
        return f"{where}: {self.message}"


@dataclass(slots=True)
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
    rows: list[ImportRow] = field(default_factory=list)  # the first PREVIEW_ROWS good rows
    errors: list[RowError] = field(default_factory=list)  # the first REPORTED_ERRORS
    row_count: int = 0
    error_count: int = 0
    created: int = 0
    updated: int = 0
    levels: int = 0
    units: int = 0

    @property
    def ok(self) -> bool:
        return not self.error_count and bool(self.row_count)

    @property
    def summary(self) -> str:
        return (f"{self.row_count} rows: {self.created} new SKUs, {self.updated} updated, "
                f"{self.levels} stock levels (net {self.units:+d} units); "
                f"{self.error_count} errors")

    def add_row(self, row: ImportRow) -> None:
        self.row_count += 1
        self.created += row.action == "create"
        self.updated += row.action == "update"
        self.levels += bool(row.warehouse)
        self.units += row.delta
        if len(self.rows) < PREVIEW_ROWS:
            self.rows.append(row)

    def add_error(self, error: RowError) -> None:
        self.error_count += 1
        if len(self.errors) < REPORTED_ERRORS:
            self.errors.append(error)

    def refusal(self) -> str:
        first = "; ".join(str(e) for e in self.errors[:5])
        more = f" (and {self.error_count - 5} more)" if self.error_count > 5 else ""
        return f"Nothing was imported: {first}{more}."


@dataclass(frozen=True)
class ImportResult:
    rows: int
    created: int
    movements: int


# -- reading files -------------------------------------------------------------------------------

@contextmanager
def open_table(path: str | Path) -> Iterator[tuple[list[str], Iterator[tuple[int, dict]]]]:
    """(columns, rows) of an .xlsx or .csv file, rows streamed as (line number, {column: value})
    with values as stripped text (or UNCACHED_FORMULA); unknown columns refused."""
    path = Path(path)
    if not path.is_file():
        raise ValidationError(f"The file {path} does not exist.")
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".xlsm", ".csv", ".txt", ".tsv"):
        raise ValidationError(f"{path.name}: import an Excel (.xlsx) or CSV (.csv) file.")
    size = path.stat().st_size
    if size > MAX_IMPORT_BYTES:  # refused before reading a byte of it
        raise ValidationError(f"{path.name} is {size / 2**20:.0f} MB; an import takes at most "
                              f"{MAX_IMPORT_BYTES // 2**20} MB. Split it into smaller files.")
    source = _xlsx_rows(path) if suffix in (".xlsx", ".xlsm") else _csv_rows(path)
    try:
        first = next(source, None)
        if first is None:
            raise ValidationError(f"{path.name} is empty; the first row must name the columns.")
        columns = _columns(path, *first)
        yield [c for c in columns if c], _rows(path, columns, source)
    finally:
        source.close()


def _columns(path: Path, line: int, header: list) -> list[str]:
    columns = []
    for cell in header:
        name = str(cell if cell is not None else "").strip().lower().replace("-", "_")
        name = ALIASES.get(name, ALIASES.get(name.replace("_", " "), name))
        if name in IGNORED_COLUMNS:
            name = ""
        if name and name not in COLUMNS:
            shown = str(cell)[:40]
            raise ValidationError(f"{path.name}, line {line}: unknown column {shown!r}; "
                                  f"use {', '.join(COLUMNS)}.")
        columns.append(name)
    if "sku" not in columns:
        raise ValidationError(f"{path.name}: the first row needs a 'sku' column.")
    return columns


def _rows(path: Path, columns: list[str], source) -> Iterator[tuple[int, dict]]:
    count = 0
    for line, cells in source:
        values = {col: _text(cells[i]) if i < len(cells) else ""
                  for i, col in enumerate(columns) if col}
        if any(values.values()):
            count += 1
            if count > MAX_IMPORT_ROWS:
                raise ValidationError(f"{path.name} has more than {MAX_IMPORT_ROWS:,} rows; "
                                      "split it.")
            yield line, values


def _text(value):
    if value is None:
        return ""
    if value is UNCACHED_FORMULA:
        return value
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return csv_unescape(str(value).strip())


def _xlsx_rows(path: Path) -> Iterator[tuple[int, list]]:
    from openpyxl import load_workbook
    _check_shared_strings(path)
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds for a broken file
        raise ValidationError(f"{path.name} is not a readable Excel file ({exc}).") from None
    try:
        try:
            for line, cells in _sheet_values(book):
                yield line, cells
        except UserError:
            raise
        except Exception as exc:  # noqa: BLE001 - a damaged sheet: XML, zip or cell errors
            raise ValidationError(f"{path.name} is not a readable Excel file ({exc}).") from None
    finally:
        book.close()


def _check_shared_strings(path: Path) -> None:
    """Refuse a workbook whose table of distinct texts alone would fill memory."""
    try:
        with zipfile.ZipFile(path) as archive:
            size = sum(info.file_size for info in archive.infolist()
                       if info.filename.lower().endswith("sharedstrings.xml"))
    except (zipfile.BadZipFile, OSError):
        return  # openpyxl says what is wrong with the file
    if size > MAX_XLSX_STRINGS_BYTES:
        raise ValidationError(f"{path.name} holds more than {MAX_XLSX_STRINGS_BYTES // 2**20} MB "
                              "of distinct texts; split it into smaller files or save it as CSV.")


def _sheet_values(book) -> Iterator[tuple[int, list]]:
    """The first sheet's rows as (row number, [values]) with openpyxl's streaming parser, except
    that a formula without a saved value reads as UNCACHED_FORMULA instead of an empty cell
    (openpyxl's own read-only rows cannot tell the two apart)."""
    from openpyxl.worksheet._reader import FORMULA_TAG, WorkSheetParser

    class SavedValueParser(WorkSheetParser):
        def parse_cell(self, element):
            cell = super().parse_cell(element)
            if cell["value"] is None and element.find(FORMULA_TAG) is not None:
                cell["value"] = UNCACHED_FORMULA
            return cell

    sheet = book.worksheets[0]
    with book._archive.open(sheet._worksheet_path) as src:
        parser = SavedValueParser(src, sheet._shared_strings, data_only=True, epoch=book.epoch,
                                  date_formats=book._date_formats,
                                  timedelta_formats=book._timedelta_formats)
        for line, cells in parser.parse():
            values = [None] * max((c["column"] for c in cells), default=0)
            for cell in cells:
                values[cell["column"] - 1] = cell["value"]
            yield line, values


def _csv_rows(path: Path) -> Iterator[tuple[int, list]]:
    encoding = _encoding(path)
    with path.open("r", encoding=encoding, newline="") as fh:
        try:
            dialect = csv.Sniffer().sniff(fh.read(4096), delimiters=",;\t")
        except csv.Error:
            dialect = csv.excel
        fh.seek(0)
        reader = csv.reader(_bounded_lines(fh, path.name), dialect)
        try:
            for row in reader:
                yield reader.line_num, row
        except csv.Error as exc:
            raise ValidationError(f"{path.name}, line {reader.line_num}: {exc}.") from None


def _encoding(path: Path) -> str:
    """UTF-8 (with or without BOM) or else GB18030, checked over the whole file in chunks."""
    for encoding in ("utf-8-sig", "gb18030"):
        decoder = codecs.getincrementaldecoder(encoding)()
        try:
            with path.open("rb") as fh:
                while chunk := fh.read(1 << 20):
                    decoder.decode(chunk)
                decoder.decode(b"", final=True)
            return encoding
        except UnicodeDecodeError:
            continue
    raise ValidationError(f"{path.name} is neither UTF-8 nor GB18030 text; save it as CSV UTF-8.")


def _bounded_lines(fh, name: str) -> Iterator[str]:
    """The file's lines, refusing one too long to be a stock row before it fills memory."""
    number = 0
    while line := fh.readline(MAX_LINE_CHARS):
        number += 1
        if len(line) >= MAX_LINE_CHARS and not line.endswith(("\n", "\r")):
            raise ValidationError(f"{name}, line {number} is longer than {MAX_LINE_CHARS:,} "
                                  "characters; is it really a CSV file?")
        yield line


# -- checking ------------------------------------------------------------------------------------

def preview_import(conn: Connection, path: str | Path) -> ImportPreview:
    """Read and check a file against the database; nothing is written."""
    with open_table(path) as (columns, rows):
        checker = _Checker(conn, columns)
        preview = ImportPreview(str(path))
        for line, values in rows:
            row = checker.check(line, values, preview.add_error)
            if row is not None:
                preview.add_row(row)
        checker.finish(preview)
        return preview


class _Checker:
    """Checks rows one by one against a snapshot of the SKUs, warehouses and levels taken when
    it starts (in the commit: inside the transaction, before any write)."""

    def __init__(self, conn: Connection, columns: list[str]):
        self.skus = {code: (sku_id, currency) for code, sku_id, currency in
                     conn.execute(select(Sku.code, Sku.id, Sku.currency))}
        self.warehouses = dict(conn.execute(select(Warehouse.code, Warehouse.id)).all())
        self.levels = {(s, w): (oh, rs) for s, w, oh, rs in conn.execute(
            select(StockLevel.sku_id, StockLevel.warehouse_id, StockLevel.on_hand,
                   StockLevel.reserved))}
        # line of each SKU created and level set so far; {warehouse id: {sku: line}} costs one
        # small entry per row (the rows themselves are not kept)
        self.seen_sku_rows: dict[str, int] = {}
        self.seen_levels: dict[int, dict[str, int]] = {}
        self.has_product_data = "price" in columns
        self.rows = 0

    def check(self, line: int, values: dict, report) -> ImportRow | None:
        """The row to write, or None after reporting (`report(RowError)`) what is wrong."""
        self.rows += 1
        errors: list[RowError] = []
        err = errors.append
        formulas = [col for col, value in values.items() if value is UNCACHED_FORMULA]
        for col in formulas:
            err(RowError(line, col, "a formula without a saved value; open the file in Excel "
                                    "(or LibreOffice), let it calculate and save it again"))
        code = values.get("sku", "")
        if not code and not formulas:
            err(RowError(line, "sku", "the SKU is empty"))
        row = None
        if not errors and not _text_error(code, "sku", MAX_SKU_CODE, line, err):
            row = self._check_row(line, code, values, err)
        for error in errors:
            report(error)
        return None if errors else row

    def _check_row(self, line: int, code: str, values: dict, err) -> ImportRow:
        row = ImportRow(line, code)
        known = code in self.skus
        if self.has_product_data and values.get("price", ""):
            row.product = _product_fields(values, line, err, self.skus.get(code))
            row.action = "update" if known else "create"
            if not known:
                if code in self.seen_sku_rows:
                    err(RowError(line, "sku", f"SKU {code} is created twice (also on line "
                                              f"{self.seen_sku_rows[code]})"))
                self.seen_sku_rows[code] = line
        elif not known and code not in self.seen_sku_rows:
            err(RowError(line, "sku", f"unknown SKU {code!r}; add a price (and product name) to "
                                      "create it, or check the code"))
        wh = values.get("warehouse", "").upper()
        if wh or values.get("on_hand", "") or values.get("threshold", ""):
            warehouses = self.warehouses
            if not wh:
                err(RowError(line, "warehouse", "the warehouse is empty"))
            elif wh not in warehouses:
                err(RowError(line, "warehouse", f"unknown warehouse {wh[:40]!r}; known: "
                                                f"{', '.join(sorted(warehouses)) or 'none'}"))
            elif code in (seen := self.seen_levels.setdefault(warehouses[wh], {})):
                err(RowError(line, "warehouse", f"{code} in {wh} appears twice (also on line "
                                                f"{seen[code]})"))
            else:
                seen[code] = line
            row.warehouse = wh or None
            row.on_hand = _quantity(values, "on_hand", line, err)
            row.threshold = _quantity(values, "threshold", line, err)
            if row.on_hand is not None and wh in warehouses and known:
                current = self.levels.get((self.skus[code][0], warehouses[wh]), (0, 0))
                if not all(type(v) is int for v in current):  # noqa: E721
                    # what an older version let SQLite store; the sums below would be nonsense
                    err(RowError(line, "on_hand", f"the stock level of {code} in {wh} holds "
                                                  f"{current!r}, not whole numbers; see "
                                                  "`ordermgr stock verify`"))
                    current = (0, 0)
                if row.on_hand < current[1]:
                    err(RowError(line, "on_hand", f"{row.on_hand} is less than the {current[1]} "
                                                  f"units of {code} reserved for orders in {wh}"))
                row.delta = row.on_hand - current[0]
            elif row.on_hand is not None:
                row.delta = row.on_hand
            if not row.action:
                row.action = "stock"
        return row

    def finish(self, preview: ImportPreview) -> None:
        if not self.rows:
            preview.add_error(RowError(1, "", "the file has a header but no rows"))


def _text_error(value: str, column: str, limit: int, line: int, err) -> bool:
    try:
        check_text(value, what=column.replace("_", " "), limit=limit)
        return False
    except ValidationError as exc:
        err(RowError(line, column, str(exc)))
        return True


def _quantity(values: dict, column: str, line: int, err) -> int | None:
    raw = values.get(column, "")
    if raw == "":
        return None
    try:
        return parse_quantity(raw, what=column.replace("_", " "))
    except ValidationError as exc:
        err(RowError(line, column, str(exc)))
        return None


def _product_fields(values: dict, line: int, err, known: tuple[int, str] | None) -> dict:
    fields = {}
    currency = known[1] if known else "CNY"
    if values.get("currency", "") or not known:
        try:
            currency = fields["currency"] = check_currency(values.get("currency", "") or "CNY")
        except ValidationError as exc:
            err(RowError(line, "currency", str(exc)))
    for column in ("price", "cost"):
        if values.get(column, ""):
            try:
                amount = to_decimal(values[column], what=column)
                if amount < 0:
                    raise ValidationError(f"The {column} can't be negative.")
                fields[column] = check_amount(amount, currency, what=column)
            except ValidationError as exc:
                err(RowError(line, column, str(exc)))
    if values.get("weight_grams", ""):
        try:
            fields["weight_grams"] = parse_quantity(values["weight_grams"], what="weight",
                                                    limit=MAX_WEIGHT_GRAMS)
        except ValidationError as exc:
            err(RowError(line, "weight_grams", str(exc)))
    for column, limit in TEXT_LIMITS.items():
        if values.get(column, "") and not _text_error(values[column], column, limit, line, err):
            fields[column] = values[column]
    if not known and not (values.get("product") or values.get("name")):
        err(RowError(line, "product", "a new SKU needs a product name"))
    return fields


# -- writing -------------------------------------------------------------------------------------

def commit_import(uow: UnitOfWork, path: str | Path) -> ImportResult:
    """Check the file again inside one transaction and write all of it, or nothing. Rows are
    written as they are checked; the first bad row stops the writing and the transaction is
    rolled back after every row has been checked (so the refusal lists them all)."""
    with uow:
        uow.require("stock.import", "import products and stock")
        with open_table(path) as (columns, rows):
            checker = _Checker(uow.session.connection(), columns)
            writer = _Writer(uow, Path(path).name, checker)
            preview = ImportPreview(str(path))
            for line, values in rows:
                row = checker.check(line, values, preview.add_error)
                if row is not None:
                    preview.add_row(row)
                    if not preview.error_count:
                        writer.write(row)
            checker.finish(preview)
        if preview.error_count:
            raise ValidationError(preview.refusal())
        writer.flush()
        uow.audit("stock.import", "file", Path(path).name, rows=preview.row_count,
                  created=writer.created, movements=writer.movements)
        uow.changes.stock = True
        uow.commit()
        return ImportResult(preview.row_count, writer.created, writer.movements)


_SKUS, _PRODUCTS, _LEVELS = Sku.__table__, Product.__table__, StockLevel.__table__
# Built once, compiled once per dialect (and set of columns): building statements per row
# costs more than running them. New products, SKUs and levels go in many rows per statement.
_INSERT_PRODUCTS = insert(_PRODUCTS).returning(_PRODUCTS.c.id, sort_by_parameter_order=True)
_INSERT_SKUS = insert(_SKUS).returning(_SKUS.c.id, sort_by_parameter_order=True)
_UPDATE_SKU = update(_SKUS).where(_SKUS.c.id == bindparam("sku_id_"))
_INSERT_LEVELS = insert(_LEVELS)
_THIS_LEVEL = and_(_LEVELS.c.sku_id == bindparam("sku"), _LEVELS.c.warehouse_id == bindparam("wh"))
_SET_THRESHOLD = update(_LEVELS).where(_THIS_LEVEL).values(threshold=bindparam("threshold"))
_ON_HAND = select(_LEVELS.c.on_hand).where(_THIS_LEVEL)
_SKU_FIELDS = ("barcode", "name", "price", "cost", "currency", "weight_grams")


class _Writer:
    """Writes checked rows in chunks with prepared Core statements: no ORM objects pile up in
    the session (a 100,000-row import stays flat in memory) and new products, SKUs and levels
    take one statement per chunk. Stock changes go through `stock.move`, row by row."""

    CHUNK = 500

    def __init__(self, uow: UnitOfWork, filename: str, checker: _Checker):
        self.uow = uow
        self.conn = uow.session.connection()
        self.filename = filename
        self.checker = checker
        self.pending: list[ImportRow] = []
        self.new_skus: dict[str, int] = {}
        self.products: dict[str, int] | None = None  # name -> id, loaded for the first new SKU
        self.created = self.movements = 0

    def write(self, row: ImportRow) -> None:
        self.pending.append(row)
        if len(self.pending) >= self.CHUNK:
            self.flush()

    def flush(self) -> None:
        """SKUs first, then levels: a level needs its SKU, never the other way round, so this
        ends exactly as writing row by row would."""
        rows, self.pending = self.pending, []
        self._create_skus([r for r in rows if r.product and self._sku_id(r.sku) is None])
        for row in rows:
            if row.product and row.action == "update":
                changed = {attr: row.product[attr] for attr in _SKU_FIELDS if attr in row.product}
                self.conn.execute(_UPDATE_SKU, {**changed, "sku_id_": self._sku_id(row.sku)})
        new_levels = [r for r in rows if r.warehouse and r.sku in self.new_skus]
        if new_levels:  # SKUs of this file: nobody else can have their levels yet
            self.conn.execute(_INSERT_LEVELS, [
                {"sku_id": self.new_skus[r.sku], "warehouse_id": self._warehouse_id(r),
                 "on_hand": 0, "reserved": 0, "version": 1, "threshold": r.threshold or 0}
                for r in new_levels])
        for row in rows:
            if row.warehouse:
                self._set_level(row, new=row.sku in self.new_skus)

    def _sku_id(self, code: str) -> int | None:
        known = self.checker.skus.get(code)
        return known[0] if known else self.new_skus.get(code)

    def _warehouse_id(self, row: ImportRow) -> int:
        return self.checker.warehouses[row.warehouse]

    def _create_skus(self, rows: list[ImportRow]) -> None:
        if not rows:
            return
        products = self._product_ids([(r.product.get("product") or r.product.get("name"),
                                       r.product.get("category", "")) for r in rows])
        ids = self.conn.execute(_INSERT_SKUS, [
            {"product_id": product_id, "code": r.sku, "barcode": r.product.get("barcode"),
             "name": r.product.get("name") or r.product.get("product"),
             "price": r.product["price"], "cost": r.product.get("cost"),
             "currency": r.product["currency"], "weight_grams": r.product.get("weight_grams", 0)}
            for r, product_id in zip(rows, products)]).scalars().all()
        self.new_skus.update(zip((r.sku for r in rows), ids))
        self.created += len(rows)

    def _product_ids(self, wanted: list[tuple[str, str]]) -> list[int]:
        """The product of each (name, category), the first of that name, created if new."""
        if self.products is None:  # one query instead of one scan per new SKU (name has no index)
            self.products = {}
            for product_id, product_name in self.conn.execute(
                    select(Product.id, Product.name).order_by(Product.id)):
                self.products.setdefault(product_name, product_id)
        missing = list(dict.fromkeys(name for name, _ in wanted if name not in self.products))
        if missing:
            category = {}
            for name, cat in wanted:
                category.setdefault(name, cat)
            ids = self.conn.execute(_INSERT_PRODUCTS, [
                {"name": name, "category": category[name]} for name in missing]).scalars().all()
            self.products.update(zip(missing, ids))
        return [self.products[name] for name, _ in wanted]

    def _set_level(self, row: ImportRow, *, new: bool) -> None:
        level = {"sku": self._sku_id(row.sku), "wh": self._warehouse_id(row)}
        on_hand = 0
        if not new:
            stock.ensure_level(self.uow, level["sku"], level["wh"])
            if row.threshold is not None:
                self.conn.execute(_SET_THRESHOLD, {**level, "threshold": row.threshold})
            if row.on_hand is not None:
                on_hand = self.conn.execute(_ON_HAND, level).scalar_one()
        if row.on_hand is not None and row.on_hand != on_hand:
            stock.move(self.uow, level["sku"], level["wh"], "import", on_hand=row.on_hand - on_hand,
                       reason=f"import {self.filename} line {row.line}", ref=Ref("import", None))
            self.movements += 1


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
