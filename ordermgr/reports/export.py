"""Export a report (or the raw order rows of a period) to xlsx, pdf or csv, atomically."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import Connection, Engine, and_, select

from ordermgr.errors import ValidationError
from ordermgr.models import Order, Setting, Store
from ordermgr.models.money import from_storage
from ordermgr.reports.cells import csv_row
from ordermgr.reports.common import Progress, order_conditions
from ordermgr.reports.files import atomic_path
from ordermgr.reports.i18n import LANGS, total_label, tr
from ordermgr.reports.model import Cancelled, Column, ReportResult
from ordermgr.reports.params import ReportParams
from ordermgr.reports.sqlbits import cents

FORMATS = ("xlsx", "pdf", "csv")
SHOP_NAME_KEY = "shop_name"


def shop_name(engine_or_conn) -> str:
    """The shop's name for report headers (the 'shop_name' setting), else 'ordermgr'."""
    def read(conn: Connection) -> str | None:
        return conn.execute(select(Setting.value).where(Setting.key == SHOP_NAME_KEY)).scalar()
    if isinstance(engine_or_conn, Engine):
        with engine_or_conn.connect() as conn:
            value = read(conn)
    else:
        value = read(engine_or_conn)
    return value or "ordermgr"


def format_from_path(path: str | Path, fmt: str | None = None) -> str:
    fmt = (fmt or Path(path).suffix.lstrip(".")).lower()
    if fmt not in FORMATS:
        raise ValidationError(f"Cannot export to {fmt or 'a file without extension'!r}; "
                              "use xlsx, pdf or csv.")
    return fmt


def export_report(result: ReportResult, path: str | Path, *, fmt: str | None = None,
                  lang: str = "en", shop: str = "", progress: Progress = None) -> Path:
    """Write the report; nothing is left under `path` if it fails or is cancelled."""
    fmt = format_from_path(path, fmt)
    if lang not in LANGS:
        raise ValidationError(f"Unknown language {lang!r}; use en or zh.")
    with atomic_path(path) as tmp:
        if fmt == "xlsx":
            from ordermgr.reports.excel import write_workbook
            write_workbook(result, tmp, lang=lang, shop=shop, progress=progress)
        elif fmt == "pdf":
            from ordermgr.reports.pdf import write_pdf
            write_pdf(result, tmp, lang=lang, shop=shop, progress=progress)
        else:
            write_csv(result, tmp, lang=lang)
        if progress is not None and progress(1, 1) is False:
            raise Cancelled()
    return Path(path).expanduser()


def write_csv(result: ReportResult, path: Path, *, lang: str = "en") -> None:
    """UTF-8 with BOM (so Excel opens Chinese correctly); tables one after the other, each with
    its title line, header, rows and totals; plain machine-readable values."""
    with open(path, "w", newline="", encoding="utf-8-sig") as fh:
        writer = csv.writer(fh)
        for n, table in enumerate(result.tables):
            if len(result.tables) > 1:
                if n:
                    writer.writerow([])
                writer.writerow(csv_row([tr(table.title, lang)]))
            writer.writerow([tr(c.label, lang) for c in table.columns])
            for row in table.rows:
                writer.writerow(csv_row("" if v is None else v for v in row))
            for group, sums in table.totals():
                if not sums:
                    continue
                line = ["" if sums.get(c.key) is None else sums.get(c.key) for c in table.columns]
                line[0] = total_label(lang, group)
                if table.total_per:
                    line[table.index(table.total_per)] = group
                writer.writerow(csv_row(line))


# -- raw order rows ------------------------------------------------------------------------------

ORDER_COLUMNS = [Column("number", "Number", width=14), Column("store", "Store", width=16),
                 Column("placed_at", "Placed", "date", width=17),
                 Column("customer", "Customer", width=22), Column("country", "Country", width=8),
                 Column("status", "Status", width=18), Column("items", "Items", "int"),
                 Column("currency", "Currency", width=9), Column("subtotal", "Gross", "money"),
                 Column("discount", "Discounts", "money"), Column("shipping", "Shipping", "money"),
                 Column("tax", "Tax", "money"), Column("total", "Total", "money")]


def iter_order_rows(engine: Engine, params: ReportParams, *, chunk: int = 5000) -> Iterator[tuple]:
    """The period's orders, streamed from the server in chunks (never all in memory)."""
    # amounts come back as raw stored integers and become Decimals here (money.from_storage),
    # without the Amount type's per-value processing
    stmt = (select(Order.number, Store.name, Order.placed_at, Order.customer_name,
                   Order.ship_country, Order.status, Order.item_count, Order.currency,
                   cents(Order.subtotal), cents(Order.discount), cents(Order.shipping),
                   cents(Order.tax), cents(Order.total))
            .join(Store, Store.id == Order.store_id)
            .where(and_(*order_conditions(params))).order_by(Order.placed_at, Order.id))
    with engine.connect() as conn:
        result = conn.execution_options(stream_results=True, yield_per=chunk).execute(stmt)
        for row in result:
            yield (*row[:8], *(from_storage(v) for v in row[8:]))


def count_orders(engine: Engine, params: ReportParams) -> int:
    from sqlalchemy import func
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(Order)
                            .where(and_(*order_conditions(params)))).scalar()


def export_orders(engine: Engine, params: ReportParams, path: str | Path, *, fmt: str | None = None,
                  lang: str = "en", progress: Progress = None) -> int:
    """Every order of the period as one row: xlsx in write-only (streaming) mode, or csv."""
    fmt = format_from_path(path, fmt)
    if fmt == "pdf":
        raise ValidationError("Raw order rows export to xlsx or csv; use a report for PDF.")
    total = count_orders(engine, params)
    rows = iter_order_rows(engine, params)
    with atomic_path(path) as tmp:
        if fmt == "xlsx":
            from ordermgr.reports.excel import write_rows_streaming
            written = write_rows_streaming(tmp, ORDER_COLUMNS, rows, title="Order rows", lang=lang,
                                           total=total, progress=progress)
        else:
            written = 0
            with open(tmp, "w", newline="", encoding="utf-8-sig") as fh:
                writer = csv.writer(fh)
                writer.writerow([tr(c.label, lang) for c in ORDER_COLUMNS])
                for row in rows:
                    writer.writerow(csv_row(
                        "" if v is None else (v.isoformat() if hasattr(v, "isoformat") else v)
                        for v in row))
                    written += 1
                    if progress is not None and written % 5000 == 0 and progress(written, total) is False:
                        raise Cancelled()
            if progress is not None and progress(written, total or written) is False:
                raise Cancelled()
    return written
