"""Import and export of products and stock levels (Excel and CSV), and the `ordermgr stock`
commands: preview with a per-row error report, then all or nothing."""

import csv

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

from ordermgr.cli import main as cli
from ordermgr.errors import PermissionDenied, ValidationError
from ordermgr.models import Sku, StockLevel, StockMovement
from ordermgr.services import stock
from ordermgr.services.stock_import import (commit_import, export_reorder, export_stock,
                                            preview_import)
from tests.conftest import uow_for
from tests.factories import build_catalog


def write_csv(path, rows):
    with open(path, "w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows(rows)
    return path


def write_xlsx(path, rows):
    book = Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def counts(uow):
    with uow:
        return (uow.session.scalar(select(func.count()).select_from(Sku)),
                uow.session.scalar(select(func.count()).select_from(StockMovement)))


def test_preview_reports_every_bad_row_and_commit_writes_nothing(engine, uow, tmp_path):
    build_catalog(uow)
    path = write_csv(tmp_path / "stock.csv", [
        ["sku", "warehouse", "on_hand", "threshold"],
        ["TEA-01", "MAIN", "12", "3"],
        ["TEA-01", "BACK", "-4", ""],        # negative
        ["CUP-02", "MAIN", "lots", ""],      # not a number
        ["GHOST-9", "MAIN", "5", ""],        # unknown SKU
        ["POT-03", "ATTIC", "5", ""],        # unknown warehouse
        ["TEA-01", "MAIN", "3", ""],         # the same level twice
    ])
    with engine.connect() as conn:
        preview = preview_import(conn, path)
    errors = [(e.line, e.column) for e in preview.errors]
    assert errors == [(3, "on_hand"), (4, "on_hand"), (5, "sku"), (6, "warehouse"), (7, "warehouse")]
    text = [str(e) for e in preview.errors]
    assert "line 3, column on_hand: The on hand can't be negative (-4)." in text
    assert "not a whole number" in text[1] and "unknown SKU 'GHOST-9'" in text[2]
    assert "unknown warehouse 'ATTIC'; known: BACK, MAIN" in text[3]
    assert not preview.ok
    before = counts(uow)
    with pytest.raises(ValidationError, match="Nothing was imported: line 3, column on_hand"):
        commit_import(uow, path)
    assert counts(uow) == before


def test_import_creates_products_and_sets_levels_through_the_ledger(engine, uow, tmp_path):
    cat = build_catalog(uow)
    path = write_xlsx(tmp_path / "products.xlsx", [
        ["SKU", "Barcode", "Product", "Name", "Price", "Currency", "Warehouse", "On hand", "Threshold"],
        ["TEA-01", None, None, None, "21.50", None, "MAIN", 15, 4],
        ["MUG-7", "6901234567890", "Mug", "Mug, blue", "9.90", "CNY", "BACK", 30, None],
        ["MUG-7", None, None, None, None, None, "MAIN", 2, None],
    ])
    with engine.connect() as conn:
        preview = preview_import(conn, path)
    assert preview.ok, preview.errors
    assert [r.action for r in preview.rows] == ["update", "create", "stock"]
    assert "1 new SKUs, 1 updated" in preview.summary
    result = commit_import(uow, path)
    assert (result.rows, result.created, result.movements) == (3, 1, 3)
    with uow:
        tea = uow.session.get(Sku, cat.skus["TEA-01"])
        assert str(tea.price) == "21.50"
        mug = uow.session.scalar(select(Sku).where(Sku.code == "MUG-7"))
        assert mug.barcode == "6901234567890" and mug.product.name == "Mug"
        main = uow.session.scalar(select(StockLevel).where(StockLevel.sku_id == tea.id,
                                                           StockLevel.warehouse_id == cat.main))
        assert (main.on_hand, main.threshold) == (15, 4)
    with engine.connect() as conn:
        assert stock.verify_ledger(conn) == []


def test_import_needs_permission_and_refuses_unknown_columns(engine, uow, tmp_path):
    build_catalog(uow)
    good = write_csv(tmp_path / "ok.csv", [["sku", "warehouse", "on_hand"], ["TEA-01", "MAIN", "1"]])
    with pytest.raises(PermissionDenied):
        commit_import(uow_for(engine, "bob", "clerk"), good)
    bad = write_csv(tmp_path / "bad.csv", [["sku", "colour"], ["TEA-01", "red"]])
    with engine.connect() as conn, pytest.raises(ValidationError, match="unknown column 'colour'"):
        preview_import(conn, bad)
    with engine.connect() as conn, pytest.raises(ValidationError, match="Excel \\(.xlsx\\) or CSV"):
        preview_import(conn, write_csv(tmp_path / "x.pdf", [["sku"]]))


def test_export_round_trips_through_import(engine, uow, tmp_path):
    build_catalog(uow)
    for name in ("stock.xlsx", "stock.csv"):
        with engine.connect() as conn:
            assert export_stock(conn, tmp_path / name) == 6
        with engine.connect() as conn:
            preview = preview_import(conn, tmp_path / name)
        assert preview.errors == [] and all(r.delta == 0 for r in preview.rows)
    sheet = load_workbook(tmp_path / "stock.xlsx").active
    assert [c.value for c in sheet[1]][:3] == ["sku", "barcode", "product"]
    with engine.connect() as conn:
        export_reorder(conn, tmp_path / "reorder.xlsx")
    assert load_workbook(tmp_path / "reorder.xlsx").active["A1"].value == "sku"


def test_stock_commands(engine, uow, tmp_path, capsys):
    build_catalog(uow)
    base = ["--database", engine.url.render_as_string(hide_password=False), "--user", "alice"]
    assert cli(base + ["stock", "adjust", "TEA-01", "MAIN", "-2", "--reason", "damaged"]) == 0
    assert "8 on hand" in capsys.readouterr().out
    assert cli(base + ["stock", "list", "--warehouse", "MAIN", "--low"]) == 0
    out = capsys.readouterr().out
    assert "POT-03" in out and "OUT" in out and "TEA-01" not in out
    assert cli(base + ["stock", "verify"]) == 0
    assert "Ledger OK" in capsys.readouterr().out
    path = write_csv(tmp_path / "s.csv", [["sku", "warehouse", "on_hand"], ["TEA-01", "MAIN", "x"]])
    assert cli(base + ["stock", "import", str(path), "--commit"]) == 1
    assert "line 2, column on_hand" in capsys.readouterr().out
    path = write_csv(tmp_path / "s.csv", [["sku", "warehouse", "on_hand"], ["TEA-01", "MAIN", "20"]])
    assert cli(base + ["stock", "import", str(path)]) == 0
    assert "Preview only" in capsys.readouterr().out
    assert cli(base + ["stock", "import", str(path), "--commit"]) == 0
    assert cli(base + ["stock", "list", "--search", "tea", "--json"]) == 0
    out = capsys.readouterr().out
    assert '"on_hand": 20' in out
    assert cli(base + ["stock", "export", str(tmp_path / "out.csv")]) == 0
    assert cli(base + ["stock", "ledger", "TEA-01", "--warehouse", "MAIN"]) == 0
    out = capsys.readouterr().out
    assert "import" in out and "adjust" in out and "damaged" in out
    assert cli(base + ["stock", "adjust", "TEA-01", "MAIN", "-99", "--reason", "lost"]) == 1
    assert "Cannot take 99" in capsys.readouterr().err


def test_rows_written_in_chunks_end_as_row_by_row(engine, uow, tmp_path, monkeypatch):
    """New SKUs and levels are written a chunk at a time: a SKU created in one chunk and stocked
    in the next, and a product shared across chunks, end as if written one by one."""
    import ordermgr.services.stock_import as stock_import
    monkeypatch.setattr(stock_import._Writer, "CHUNK", 2)
    cat = build_catalog(uow)
    path = write_csv(tmp_path / "chunks.csv", [
        ["sku", "product", "category", "price", "warehouse", "on_hand", "threshold"],
        ["MUG-1", "Mug", "cups", "9.90", "MAIN", "5", "1"],
        ["TEA-01", "", "", "21.00", "MAIN", "", "7"],
        ["MUG-2", "Mug", "cups", "8.90", "", "", ""],
        ["MUG-1", "", "", "", "BACK", "3", ""],
        ["MUG-2", "", "", "", "BACK", "0", "2"],
    ])
    result = commit_import(uow, path)
    assert (result.rows, result.created, result.movements) == (5, 2, 2)
    with uow:
        s = uow.session
        mugs = {sku.code: sku for sku in s.scalars(select(Sku).where(Sku.code.like("MUG-%")))}
        assert mugs["MUG-1"].product_id == mugs["MUG-2"].product_id  # one product "Mug"
        levels = {(r.sku_id, r.warehouse_id): (r.on_hand, r.threshold)
                  for r in s.scalars(select(StockLevel))}
        assert levels[(mugs["MUG-1"].id, cat.main)] == (5, 1)
        assert levels[(mugs["MUG-1"].id, cat.backup)] == (3, 0)
        assert levels[(mugs["MUG-2"].id, cat.backup)] == (0, 2)
        assert (mugs["MUG-2"].id, cat.main) not in levels
        assert levels[(cat.skus["TEA-01"], cat.main)] == (10, 7)
        assert str(s.get(Sku, cat.skus["TEA-01"]).price) == "21.00"
    with engine.connect() as conn:
        assert stock.verify_ledger(conn) == []
