"""Report files: Excel reopened and checked cell by cell (values, formats, formulas), PDF text
extracted, CSV read back; nothing half-written under the requested name when anything fails."""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
from datetime import date, datetime

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from ordermgr.reports.export import export_orders, export_report
from ordermgr.reports.files import ExportError
from ordermgr.reports.model import Cancelled
from ordermgr.reports.params import ReportParams
from ordermgr.reports.registry import run_report
from tests.reports.dataset import build_shop

JAN_FEB = ReportParams(date(2026, 1, 1), date(2026, 2, 28), slow_days=30)


def files(folder) -> list[str]:
    """What is in the folder, apart from the SQLite test database."""
    return sorted(f for f in os.listdir(folder) if not f.startswith("ordermgr.sqlite3"))


@pytest.fixture
def sales(engine):
    build_shop(engine)
    return run_report(engine, "sales", JAN_FEB)


def test_excel_has_typed_cells_formats_per_currency_totals_and_a_chart(sales, tmp_path):
    path = export_report(sales, tmp_path / "sales.xlsx", shop="Tea Shop")
    wb = load_workbook(path)
    cover, sheet = wb.worksheets
    assert cover["A1"].value == "Sales report" and cover["A2"].value == "Tea Shop"
    assert ["Period", "2026-01-01 – 2026-02-28 (UTC)"] == [cover["A5"].value, cover["B5"].value]
    assert sheet["A1"].value == "Period" and sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:L4"
    assert sheet["A2"].value == datetime(2026, 1, 1) and sheet["A2"].number_format == "yyyy-mm-dd"
    assert sheet["I2"].value == 58.3 and '"CNY"' in sheet["I2"].number_format
    assert '"USD"' in sheet["I4"].number_format
    assert sheet["A5"].value == "Total CNY"
    assert sheet["I5"].value == '=SUMIFS(I2:I4,B2:B4,"CNY")'
    assert sheet["L5"].value == '=IF(C5=0,"",I5/C5)'  # AOV of the totals row
    assert sheet["A6"].value == "Total USD" and sheet["C6"].value == '=SUMIFS(C2:C4,B2:B4,"USD")'
    assert len(sheet._charts) == 1
    assert sheet.column_dimensions["A"].width >= 10


def test_excel_in_chinese_translates_headers(sales, tmp_path):
    wb = load_workbook(export_report(sales, tmp_path / "s.xlsx", lang="zh"))
    assert wb.worksheets[0]["A1"].value == "销售报表"
    assert wb.worksheets[1]["C1"].value == "订单数"


def test_pdf_text_has_title_shop_figures_totals_and_page_numbers(sales, tmp_path):
    path = export_report(sales, tmp_path / "sales.pdf", shop="Tea Shop")
    text = "\n".join(page.extract_text() for page in PdfReader(path).pages)
    for expected in ("Sales report", "Tea Shop", "58.30", "53.30", "29.15", "Total CNY", "108.30",
                     "Total USD", "130.00", "Page 1 of 1"):
        assert expected in text, expected


def test_pdf_in_chinese_renders_chinese_text(sales, tmp_path):
    path = export_report(sales, tmp_path / "sales.pdf", lang="zh", shop="茶叶小店")
    text = PdfReader(path).pages[0].extract_text()
    assert "销售报表" in text and "茶叶小店" in text and "订单数" in text


def test_pdf_table_header_repeats_on_every_page(engine, tmp_path):
    build_shop(engine)
    result = run_report(engine, "sales", JAN_FEB)
    table = result.tables[0]
    table.rows = table.rows * 60  # 180 rows: several pages
    reader = PdfReader(export_report(result, tmp_path / "long.pdf"))
    assert len(reader.pages) >= 3
    for page in reader.pages[1:]:
        text = page.extract_text()
        assert "Currency" in text and "AOV" in text
    assert f"Page {len(reader.pages)} of {len(reader.pages)}" in reader.pages[-1].extract_text()


def test_csv_reads_back_with_plain_values_and_totals(sales, tmp_path):
    path = export_report(sales, tmp_path / "sales.csv")
    with open(path, encoding="utf-8-sig") as fh:
        lines = list(csv.reader(fh))
    assert lines[0][:3] == ["Period", "Currency", "Orders"]
    assert lines[1][:3] == ["2026-01-01", "CNY", "2"] and lines[1][8] == "58.30"
    assert lines[4][0] == "Total CNY" and lines[4][8] == "108.30"


def test_every_report_exports_to_every_format(engine, tmp_path):
    build_shop(engine)
    for name in ("products", "stock", "logistics", "aftersales", "customers"):
        result = run_report(engine, name, JAN_FEB)
        for fmt in ("xlsx", "pdf", "csv"):
            assert export_report(result, tmp_path / f"{name}.{fmt}", lang="zh").stat().st_size > 0


def test_raw_order_export_streams_rows_with_formats(engine, tmp_path):
    build_shop(engine)
    seen = []
    count = export_orders(engine, JAN_FEB, tmp_path / "orders.xlsx",
                          progress=lambda done, total: seen.append((done, total)) or True)
    assert count == 4 and seen[-1] == (4, 4)
    ws = load_workbook(tmp_path / "orders.xlsx").active
    assert ws["A2"].value == "CN001" and ws["C2"].value == datetime(2026, 1, 5, 10, 0)
    assert ws["M2"].value == 47 and ws["M2"].number_format == "#,##0.00"
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref == "A1:M5"


# -- bad input and failures: a clear message, nothing half-written --------------------------------

def test_cancel_halfway_leaves_no_file_and_keeps_the_old_one(sales, tmp_path):
    target = tmp_path / "sales.xlsx"
    target.write_bytes(b"previous report")
    with pytest.raises(Cancelled, match="cancelled"):
        export_report(sales, target, progress=lambda done, total: False)
    assert target.read_bytes() == b"previous report"
    assert files(tmp_path) == ["sales.xlsx"]  # no temporary file left behind


def test_cancelling_a_raw_export_leaves_nothing(engine, tmp_path):
    build_shop(engine)
    with pytest.raises(Cancelled):
        export_orders(engine, JAN_FEB, tmp_path / "orders.xlsx", progress=lambda d, t: False)
    assert files(tmp_path) == []


def test_a_missing_folder_or_a_folder_as_name_is_a_clear_error(sales, tmp_path):
    with pytest.raises(ExportError, match="does not exist"):
        export_report(sales, tmp_path / "nope" / "sales.pdf")
    with pytest.raises(ExportError, match="folder"):
        export_report(sales, tmp_path, fmt="pdf")


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
def test_a_read_only_file_or_folder_is_a_clear_error(sales, tmp_path):
    locked = tmp_path / "locked.xlsx"
    locked.write_bytes(b"open in Excel")
    locked.chmod(0o444)
    with pytest.raises(ExportError, match="read-only or open in another program"):
        export_report(sales, locked)
    assert locked.read_bytes() == b"open in Excel"
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(ExportError, match="may not write"):
            export_report(sales, folder / "x.csv")
    finally:
        folder.chmod(0o755)


def test_disk_full_is_reported_and_nothing_is_left(sales, tmp_path, monkeypatch):
    import errno
    from ordermgr.reports import excel

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr(excel.Workbook, "save", full)
    with pytest.raises(ExportError, match="disk is full"):
        export_report(sales, tmp_path / "sales.xlsx")
    assert files(tmp_path) == []


def test_a_file_locked_when_replacing_is_reported(sales, tmp_path, monkeypatch):
    import errno
    target = tmp_path / "sales.csv"
    target.write_text("old")

    def locked(src, dst):
        raise PermissionError(errno.EACCES, "Permission denied")
    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(ExportError, match="open in another program"):
        export_report(sales, target)
    assert target.read_text() == "old" and files(tmp_path) == ["sales.csv"]


def test_an_unknown_format_is_refused(sales, tmp_path):
    from ordermgr.errors import ValidationError
    with pytest.raises(ValidationError, match="xlsx, pdf or csv"):
        export_report(sales, tmp_path / "sales.docx")


def test_an_empty_period_still_exports_and_says_so(engine, tmp_path):
    result = run_report(engine, "sales", ReportParams(date(2030, 1, 1), date(2030, 1, 31)))
    text = PdfReader(export_report(result, tmp_path / "empty.pdf")).pages[0].extract_text()
    assert "No data for this period." in text
    wb = load_workbook(export_report(result, tmp_path / "empty.xlsx"))
    assert any(c.value == "No data for this period." for row in wb.worksheets[0].iter_rows() for c in row)


@pytest.mark.skipif(shutil.which("soffice") is None,
                    reason="LibreOffice (soffice) is not installed: cannot check headless conversion")
def test_libreoffice_opens_the_excel_and_pdf_files(engine, tmp_path):
    if engine.dialect.name != "sqlite":
        pytest.skip("checks files only; once is enough")
    build_shop(engine)
    result = run_report(engine, "sales", JAN_FEB)
    xlsx = export_report(result, tmp_path / "sales.xlsx", lang="zh")
    out = tmp_path / "out"
    profile = f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}"
    done = subprocess.run(["soffice", profile, "--headless", "--convert-to", 'csv:Text - txt - csv (StarCalc):44,34,76', "--outdir",
                           str(out), str(xlsx)], capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr
    text = (out / "sales.csv").read_text(encoding="utf-8", errors="replace")
    assert "销售报表" in text  # the cover sheet, the first sheet
    pdf = export_report(result, tmp_path / "sales.pdf")
    done = subprocess.run(["soffice", profile, "--headless", "--convert-to", "odg", "--outdir",
                           str(out), str(pdf)], capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr


def test_a_year_of_daily_sales_charts_every_day(engine, tmp_path):
    from dataclasses import replace
    build_shop(engine)
    result = run_report(engine, "sales", replace(JAN_FEB, grouping="day"))
    table = result.tables[0]
    table.rows = [(f"2026-{1 + i // 28:02d}-{1 + i % 28:02d}", *row[1:])
                  for i, row in enumerate(table.rows * 90)][:336]
    from ordermgr.reports.pdf import _chart
    drawing = _chart(table, "Helvetica", "en")
    chart = drawing.contents[0]
    assert len(chart.data[0]) == len({r[0] for r in table.rows})  # no day dropped
    assert sum(1 for name in chart.categoryAxis.categoryNames if name) <= 40
    assert export_report(result, tmp_path / "daily.pdf").stat().st_size > 0


def test_the_chinese_pdf_embeds_its_font(sales, tmp_path):
    from ordermgr.reports.fonts import EMBEDDED_NAME, cjk_font
    assert cjk_font() == EMBEDDED_NAME  # the font shipped in ordermgr/resources/fonts/
    reader = PdfReader(export_report(sales, tmp_path / "zh.pdf", lang="zh"))
    fonts = reader.pages[0]["/Resources"]["/Font"]
    embedded = [f for f in fonts.values()
                if "/FontFile2" in f.get_object().get("/FontDescriptor", {})
                or any("/FontFile2" in d.get_object().get("/FontDescriptor", {})
                       for d in f.get_object().get("/DescendantFonts", []))]
    assert embedded, "the CJK font is not embedded"
