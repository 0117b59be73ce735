"""Shoppers' and staff's text never becomes a live formula in an exported file (OWASP CSV
injection): xlsx files are reopened (and their XML read) and CSV files read back."""

from __future__ import annotations

import csv
import re
import zipfile
from datetime import date
from decimal import Decimal

import pytest
from openpyxl import load_workbook
from sqlalchemy import update

from ordermgr.models import Customer, Order, OrderLine, Product, Sku
from ordermgr.reports.cells import csv_row, csv_unescape, csv_value, is_formula_like
from ordermgr.reports.excel import write_rows_streaming
from ordermgr.reports.export import export_orders, export_report
from ordermgr.reports.model import Column
from ordermgr.reports.params import ReportParams
from ordermgr.reports.registry import run_report
from ordermgr.services.stock_import import export_stock, preview_import
from tests.reports.dataset import build_shop

JAN_FEB = ReportParams(date(2026, 1, 1), date(2026, 2, 28), slow_days=30)
EVIL = {"Alice 王": '=HYPERLINK("http://evil.example/","x")', "Bob": "+1+cmd|' /C calc'!A0",
        "Carol": "@SUM(1+1)"}
EVIL_PRODUCTS = {"Tea": "-2+3", "Cup": "\t=1+1", "Pot": "@A1"}
EVIL_SKUS = {"Green tea": "=1+2", "Teapot 茶壶": "-A1"}
ALL_EVIL = set(EVIL.values()) | set(EVIL_PRODUCTS.values()) | set(EVIL_SKUS.values())
STOCK_EVIL = set(EVIL_PRODUCTS.values()) | set(EVIL_SKUS.values())


@pytest.fixture
def evil_shop(engine):
    build_shop(engine)
    with engine.begin() as conn:
        for old, new in EVIL.items():
            conn.execute(update(Customer).where(Customer.name == old).values(name=new))
            conn.execute(update(Order).where(Order.customer_name == old).values(customer_name=new))
        for old, new in EVIL_PRODUCTS.items():
            conn.execute(update(Product).where(Product.name == old).values(name=new))
        for old, new in EVIL_SKUS.items():
            conn.execute(update(Sku).where(Sku.name == old).values(name=new))
            conn.execute(update(OrderLine).where(OrderLine.name == old).values(name=new))
    return engine


def formulas_in(path) -> list[str]:
    """The text of every <f> (formula) element in the workbook's sheets."""
    with zipfile.ZipFile(path) as book:
        return [formula for name in book.namelist() if name.startswith("xl/worksheets/")
                for formula in re.findall(r"<f>(.*?)</f>", book.read(name).decode())]


def text_cells(path) -> dict[str, str]:
    """{value: data type} of every formula-like text cell, as openpyxl reads the file back."""
    found = {}
    for ws in load_workbook(path).worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if is_formula_like(cell.value) and cell.value in ALL_EVIL:
                    found[cell.value] = cell.data_type
    return found


def csv_fields(path) -> list[str]:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return [field for row in csv.reader(fh) for field in row]


def test_order_rows_keep_shoppers_names_as_text(evil_shop, tmp_path):
    xlsx, csv_path = tmp_path / "orders.xlsx", tmp_path / "orders.csv"
    export_orders(evil_shop, JAN_FEB, xlsx)
    export_orders(evil_shop, JAN_FEB, csv_path)

    exported = [EVIL["Alice 王"], EVIL["Bob"]]  # Carol's only order is cancelled: not exported
    assert text_cells(xlsx) == {name: "s" for name in exported}
    assert formulas_in(xlsx) == []
    fields = csv_fields(csv_path)
    for name in exported:
        assert "'" + name in fields and name not in fields
    assert "47.00" in fields  # numbers are written as they were


def test_reports_keep_names_as_text_and_only_their_own_totals_are_formulas(evil_shop, tmp_path):
    for report in ("customers", "products"):
        result = run_report(evil_shop, report, JAN_FEB)
        xlsx = export_report(result, tmp_path / f"{report}.xlsx")
        csv_path = export_report(result, tmp_path / f"{report}.csv")
        shown = text_cells(xlsx)
        assert shown and set(shown.values()) == {"s"}, report
        assert all(f.startswith(("SUM", "SUMIFS", "IF(")) for f in formulas_in(xlsx)), report
        fields = csv_fields(csv_path)
        assert not ALL_EVIL & set(fields), report
        assert {"'" + value for value in shown} <= set(fields), report


@pytest.mark.parametrize("suffix", ["xlsx", "csv"])
def test_stock_export_keeps_product_names_as_text(evil_shop, tmp_path, suffix):
    path = tmp_path / f"stock.{suffix}"
    with evil_shop.connect() as conn:
        export_stock(conn, path)
    if suffix == "xlsx":
        assert text_cells(path) == {name: "s" for name in STOCK_EVIL}
        assert formulas_in(path) == []
    else:
        fields = csv_fields(path)
        assert {"'" + name for name in STOCK_EVIL} <= set(fields)
        assert not STOCK_EVIL & set(fields)


def test_numbers_stay_numbers_and_harmless_text_is_unchanged(tmp_path):
    columns = [Column("note", "Note"), Column("amount", "Amount", "money"), Column("n", "N", "int")]
    rows = [("-5", Decimal("-12.50"), -3), ("=1+1", Decimal("0.00"), 0), ("plain", None, 7)]
    path = tmp_path / "rows.xlsx"
    write_rows_streaming(path, columns, rows)
    ws = load_workbook(path).active
    assert [(c.value, c.data_type) for c in ws[2]] == [("-5", "s"), (-12.5, "n"), (-3, "n")]
    assert (ws["A3"].value, ws["A3"].data_type, ws["A3"].quotePrefix) == ("=1+1", "s", True)
    assert ws["A4"].quotePrefix is False
    assert csv_row(["-5", Decimal("-12.50"), -3, "plain", "", None, "\r=2+2", "a=b"]) == \
        ["'-5", Decimal("-12.50"), -3, "plain", "", None, "'\r=2+2", "a=b"]


def test_an_escaped_stock_export_reads_back_as_it_was(evil_shop, tmp_path):
    """The apostrophe that keeps `=x` text in the CSV is not part of the name: exporting stock
    and importing the file again changes no product or SKU name."""
    path = tmp_path / "stock.csv"
    with evil_shop.connect() as conn:
        export_stock(conn, path)
        preview = preview_import(conn, path)
    assert preview.error_count == 0, preview.errors
    assert preview.row_count == len(preview.rows) and {row.action for row in preview.rows} <= {"update", "stock"}
    names = {row.product.get(key) for row in preview.rows for key in ("name", "product")}
    assert STOCK_EVIL <= names  # read back as written, without the escaping apostrophe
    assert csv_unescape(csv_value("=1+1")) == "=1+1" and csv_unescape("'plain") == "'plain"
