"""Numbers and texts from imports, forms, payloads and the CLI are checked against sane limits
before the database sees them; files are read streaming; `stock verify` survives a database
that already holds a float or a huge number."""

import csv
import subprocess
import sys
import textwrap
import zipfile
from decimal import Decimal

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select, text

from ordermgr.cli import main as cli
from ordermgr.errors import ValidationError
from ordermgr.models import AuditEntry, Sku, StockLevel, StockMovement
from ordermgr.models.limits import MAX_QUANTITY
from ordermgr.services import stock
from ordermgr.services.inventory import adjust_stock
from ordermgr.services.order_entry import LineInput
from ordermgr.services.stock_import import commit_import, preview_import
from ordermgr.services.sync_import import validate
from ordermgr.sync.base import RemoteLine, RemoteOrder
from ordermgr.models import utcnow
from tests.factories import ADDRESS, build_catalog, place_order


def write_csv(path, rows, encoding="utf-8"):
    with open(path, "w", newline="", encoding=encoding) as fh:
        csv.writer(fh).writerows(rows)
    return path


def snapshot(uow):
    with uow:
        s = uow.session
        return tuple(s.scalar(select(func.count()).select_from(t))
                     for t in (Sku, StockMovement, AuditEntry)), \
            sorted(s.execute(select(StockLevel.sku_id, StockLevel.warehouse_id,
                                    StockLevel.on_hand)).all())


HUGE = [("9223372036854775808", "more than the limit"),       # 2^63: a float on SQLite
        ("99999999999999999999", "more than the limit"),       # passed the preview, crashed on commit
        ("3000000000", "3,000,000,000 is more than the limit"),  # crashed PostgreSQL (INTEGER)
        ("3,000,000,000", "more than the limit"),
        ("1e400", "not a whole number"),
        ("1" * 5000, "not a whole number")]


@pytest.mark.parametrize("value,message", HUGE)
def test_huge_quantities_are_refused_with_row_and_field_and_nothing_is_written(
        engine, uow, tmp_path, value, message):
    build_catalog(uow)
    path = write_csv(tmp_path / "s.csv", [["sku", "warehouse", "on_hand"], ["TEA-01", "MAIN", "7"],
                                          ["CUP-02", "MAIN", value]])
    before = snapshot(uow)
    with engine.connect() as conn:
        preview = preview_import(conn, path)
    assert [(e.line, e.column) for e in preview.errors] == [(3, "on_hand")]
    assert message in preview.errors[0].message
    with pytest.raises(ValidationError, match="Nothing was imported: line 3, column on_hand"):
        commit_import(uow, path)
    assert snapshot(uow) == before


def test_huge_and_odd_prices_are_refused_per_row(engine, uow, tmp_path):
    build_catalog(uow)
    path = write_csv(tmp_path / "p.csv", [
        ["sku", "product", "price", "currency", "weight_grams"],
        ["NEW-1", "Kettle", "1e30", "CNY", ""],                 # crashed the preview
        ["NEW-2", "Kettle", "100000001", "CNY", ""],            # over the CNY limit
        ["NEW-3", "Kettle", "9000000000", "JPY", ""],           # fine in yen
        ["NEW-4", "Kettle", "NaN", "CNY", ""],
        ["NEW-5", "Kettle", "5", "CNY", "5000000"],             # five tonnes a unit
        ["NEW-6", "K" * 201, "5", "CNY", ""],
    ])
    with engine.connect() as conn:
        preview = preview_import(conn, path)
    assert [(e.line, e.column) for e in preview.errors] == [
        (2, "price"), (3, "price"), (5, "price"), (6, "weight_grams"), (7, "product")]
    assert "100,000,000 CNY" in preview.errors[1].message
    assert preview.row_count == 1 and preview.rows[0].sku == "NEW-3"


def test_a_formula_without_a_saved_value_is_reported_on_its_row(engine, uow, tmp_path):
    build_catalog(uow)
    book = Workbook()  # openpyxl saves formulas without computed values, like many scripts do
    for row in (["sku", "warehouse", "on_hand"], ["TEA-01", "MAIN", 4], ["CUP-02", "MAIN", "=2+2"],
                ["POT-03", "MAIN", 1]):
        book.active.append(row)
    book.save(tmp_path / "f.xlsx")
    before = snapshot(uow)
    with engine.connect() as conn:
        preview = preview_import(conn, tmp_path / "f.xlsx")
    assert [(e.line, e.column) for e in preview.errors] == [(3, "on_hand")]
    assert "formula without a saved value" in preview.errors[0].message
    with pytest.raises(ValidationError, match="line 3, column on_hand: a formula"):
        commit_import(uow, tmp_path / "f.xlsx")
    assert snapshot(uow) == before


def test_csv_in_gbk_and_with_a_bom_reads_and_a_file_too_big_is_refused_unread(
        engine, uow, tmp_path, monkeypatch):
    build_catalog(uow)
    rows = [["sku", "product", "price", "warehouse", "on_hand"], ["茶-9", "乌龙茶", "88", "MAIN", "3"]]
    for name, encoding in (("gbk.csv", "gbk"), ("bom.csv", "utf-8-sig")):
        with engine.connect() as conn:
            preview = preview_import(conn, write_csv(tmp_path / name, rows, encoding))
        assert preview.ok and preview.rows[0].sku == "茶-9", preview.errors
    import ordermgr.services.stock_import as stock_import
    monkeypatch.setattr(stock_import, "MAX_IMPORT_BYTES", 10)
    with engine.connect() as conn, pytest.raises(ValidationError, match="Split it"):
        preview_import(conn, tmp_path / "bom.csv")
    with zipfile.ZipFile(tmp_path / "s.xlsx", "w") as archive:  # Excel keeps texts in one table
        archive.writestr("xl/sharedStrings.xml", "<sst>" + "<si><t>sku</t></si>" * 10 + "</sst>")
    monkeypatch.setattr(stock_import, "MAX_IMPORT_BYTES", 2**20)
    monkeypatch.setattr(stock_import, "MAX_XLSX_STRINGS_BYTES", 10)
    with engine.connect() as conn, pytest.raises(ValidationError, match="distinct texts"):
        preview_import(conn, tmp_path / "s.xlsx")


def test_a_50_mb_csv_is_read_in_flat_memory(tmp_path):
    """Refused (too many rows) and previewed (fits): both under 100 MB peak RSS, in a fresh
    interpreter so that nothing else in the test run counts."""
    big = tmp_path / "big.csv"
    filler = "x" * 150
    with open(big, "w", newline="") as fh:
        fh.write("sku,product,price,warehouse,on_hand\n")
        for i in range(330_000):
            fh.write(f"S{i:07d},Product {i} {filler},9.90,MAIN,{i % 1000}\n")
    assert big.stat().st_size > 50 * 2**20
    fits = tmp_path / "fits.csv"  # fewer rows, longer names: within every limit
    with open(fits, "w", newline="") as fh:
        fh.write("sku,product,name,category,price,warehouse,on_hand\n")
        for i in range(150_000):
            fh.write(f"S{i:07d},Product {i} {filler}y,Name {i} {filler}z,tea,9.90,MAIN,{i % 1000}\n")
    assert fits.stat().st_size > 50 * 2**20
    db = tmp_path / "m.sqlite3"
    assert cli(["--database", f"sqlite:///{db}", "db", "upgrade"]) == 0
    from ordermgr.db.engine import make_engine
    from ordermgr.db.uow import UnitOfWork
    from ordermgr.services import catalog
    from ordermgr.services.users import resolve_actor
    engine = make_engine(f"sqlite:///{db}")
    catalog.create_warehouse(UnitOfWork(engine, resolve_actor(engine, "alice")), code="MAIN",
                             name="Main")
    engine.dispose()
    script = textwrap.dedent(f"""
        import sys
        from ordermgr.db.engine import make_engine
        from ordermgr.errors import ValidationError
        from ordermgr.services.stock_import import preview_import
        engine = make_engine("sqlite:///{db}")
        with engine.connect() as conn:
            try:
                preview = preview_import(conn, sys.argv[1])
                print("rows", preview.row_count, preview.error_count)
            except ValidationError as exc:
                print("refused", exc)
        # VmHWM, not ru_maxrss: that one keeps the parent's peak across fork and exec
        hwm = next(l for l in open("/proc/self/status") if l.startswith("VmHWM"))
        print("peak", int(hwm.split()[1]) // 1024)
    """)
    for path, outcome in ((big, "refused big.csv has more than 200,000 rows"),
                          (fits, "rows 150000 0")):
        out = subprocess.run([sys.executable, "-c", script, str(path)], capture_output=True,
                             text=True, timeout=240, check=True).stdout
        assert outcome in out, out
        peak = int(out.split("peak")[1])
        assert peak <= 100, f"{path.name}: {peak} MB"


def test_forms_and_cli_refuse_huge_numbers(engine, uow, capsys):
    cat = build_catalog(uow)
    with pytest.raises(ValidationError, match="more than the limit of 1,000,000"):
        adjust_stock(uow, "TEA-01", "MAIN", "3000000000", reason="found")
    with pytest.raises(ValidationError, match="quantity 3,000,000,000 is more than the limit"):
        place_order(uow, {"TEA-01": 3_000_000_000})
    with pytest.raises(ValidationError, match="price of TEA-01 1e30 is more than the limit"):
        from ordermgr.services.order_entry import create_order
        create_order(uow, lines=[LineInput("TEA-01", 1, "1e30")], address=ADDRESS,
                     customer_name="x")
    with pytest.raises(ValidationError, match="total 200,000,000.00 CNY is more than the limit"):
        from ordermgr.services.order_entry import create_order
        create_order(uow, lines=[LineInput("TEA-01", 2, "100000000")], address=ADDRESS,
                     customer_name="x")
    # a level can't be pushed past the limit by adding units either
    adjust_stock(uow, "TEA-01", "MAIN", str(MAX_QUANTITY - 10), reason="found")
    with pytest.raises(ValidationError, match="more than the limit of 1,000,000"):
        adjust_stock(uow, "TEA-01", "MAIN", "11", reason="found")
    base = ["--database", engine.url.render_as_string(hide_password=False), "--user", "alice"]
    assert cli(base + ["stock", "adjust", "CUP-02", "MAIN", "+99999999999999999999",
                       "--reason", "found"]) == 1
    assert "more than the limit" in capsys.readouterr().err
    with engine.connect() as conn:
        assert stock.verify_ledger(conn) == [] and stock.bad_values(conn) == []
    assert cat.main


def remote(**changes) -> RemoteOrder:
    now = utcnow()
    order = RemoteOrder(external_id="1", number="1001", updated_at=now, placed_at=now,
                        currency="CNY", raw={}, payment="paid", fulfilment="unfulfilled",
                        lines=[RemoteLine("11", "TEA-01", "Tea", 1, Decimal("9.90"))],
                        total=Decimal("9.90"))
    for key, value in changes.items():
        setattr(order, key, value)
    return order


def test_storefront_payloads_beyond_the_limits_are_quarantine_reasons():
    assert validate(remote()) == []
    assert validate(remote(lines=[RemoteLine("11", "T", "Tea", 3_000_000_000, Decimal("1"))])) == [
        "line 'T' has quantity 3000000000 (the limit is 1,000,000)"]
    assert validate(remote(total=Decimal("1E+30"))) == [
        "the total 1E+30 is more than the limit of 100,000,000"]
    assert validate(remote(total=Decimal("NaN")))[0] == "the total Decimal('NaN') is not an amount"
    assert validate(remote(lines=[RemoteLine("1", "T", "T", 2.5, Decimal(1))])) == [
        "a line's quantity '2.5' has the wrong type"]
    assert validate(remote(currency=1)) == ["the order's currency '1' has the wrong type"]


def test_stock_verify_reports_floats_and_huge_values_instead_of_crashing(tmp_path, capsys):
    """What an older version let in on SQLite: a level turned into a float by an overflowing
    UPDATE, and ledger deltas whose sum overflows SQLite's sum()."""
    url = f"sqlite:///{tmp_path / 'v.sqlite3'}"
    assert cli(["--database", url, "db", "upgrade"]) == 0
    from ordermgr.db.engine import make_engine
    from ordermgr.db.uow import UnitOfWork
    from ordermgr.services.users import resolve_actor
    engine = make_engine(url)
    build_catalog(UnitOfWork(engine, resolve_actor(engine, "alice")))
    with engine.begin() as conn:
        conn.execute(text("UPDATE stock_levels SET on_hand = on_hand + 9223372036854775807 "
                          "WHERE id = (SELECT MIN(id) FROM stock_levels)"))
        assert conn.execute(text("SELECT typeof(on_hand) FROM stock_levels ORDER BY id")).first()[0] \
            == "real"
        conn.execute(text("INSERT INTO stock_movements (at, sku_id, warehouse_id, kind, "
                          "on_hand_delta, reserved_delta, on_hand_after, reserved_after, reason) "
                          "SELECT at, sku_id, warehouse_id, 'receive', 9223372036854775807, 0, 0, 0, "
                          "'by hand' FROM stock_movements ORDER BY id DESC LIMIT 1"))
    engine.dispose()
    assert cli(["--database", url, "stock", "verify"]) == 1
    out = capsys.readouterr().out
    assert "stock number(s) that can't be right" in out
    assert "on_hand = 9.223372036854776e+18 is not stored as a whole number" in out
    assert "on_hand_delta = 9223372036854775807 is beyond the limit" in out
    assert "Ledger drift in 2 stock level(s)" in out  # the float level and the huge movement's



def test_typed_in_texts_must_fit_their_columns(engine, uow):
    """PostgreSQL refused these with a traceback (VARCHAR too long, NUL byte)."""
    from dataclasses import replace

    from ordermgr.services.order_entry import create_order
    build_catalog(uow)
    for address, name, message in ((ADDRESS, "张" * 121, "customer name is longer than 120"),
                                   # a country without a known postcode format: only the length
                                   (replace(ADDRESS, country="AE", postcode="1" * 21), "x",
                                    "ship postcode is longer than 20"),
                                   (replace(ADDRESS, line1="Main St\x00"), "x",
                                    "ship line1 contains a NUL")):
        with pytest.raises(ValidationError, match=message):
            create_order(uow, lines=[LineInput("TEA-01", 1)], address=address, customer_name=name)
    assert place_order(uow, {"TEA-01": 1}, customer_name="张" * 120)


def test_importing_onto_a_level_stored_as_a_float_is_refused_on_its_row(tmp_path):
    url = f"sqlite:///{tmp_path / 'f.sqlite3'}"
    assert cli(["--database", url, "db", "upgrade"]) == 0
    from ordermgr.db.engine import make_engine
    from ordermgr.db.uow import UnitOfWork
    from ordermgr.services.users import resolve_actor
    engine = make_engine(url)
    cat = build_catalog(UnitOfWork(engine, resolve_actor(engine, "alice")))
    with engine.begin() as conn:
        conn.execute(text("UPDATE stock_levels SET on_hand = on_hand + 9223372036854775807 "
                          "WHERE sku_id = :sku AND warehouse_id = :wh"),
                     {"sku": cat.skus["TEA-01"], "wh": cat.main})
    path = write_csv(tmp_path / "s.csv", [["sku", "warehouse", "on_hand"], ["TEA-01", "MAIN", "5"]])
    with engine.connect() as conn:
        preview = preview_import(conn, path)
    assert [(e.line, e.column) for e in preview.errors] == [(2, "on_hand")]
    assert "not whole numbers; see `ordermgr stock verify`" in preview.errors[0].message
    engine.dispose()
