"""`ordermgr report ...` and `ordermgr rates ...` as a scheduler would run them."""

from __future__ import annotations

import csv

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from ordermgr.cli import main
from tests.reports.dataset import build_shop


@pytest.fixture
def url(engine, admin):
    build_shop(engine)
    return engine.url.render_as_string(hide_password=False)


def run(url, *args):
    return main(["--database", url, "--user", "alice", *args])


def test_monthly_sales_to_csv_xlsx_and_pdf(url, tmp_path, capsys):
    out = tmp_path / "sales.csv"
    assert run(url, "report", "sales", "--from", "2026-01-01", "--to", "2026-02-28",
               "--format", "csv", "--out", str(out)) == 0
    assert "Wrote sales report (3 rows)" in capsys.readouterr().out
    with open(out, encoding="utf-8-sig") as fh:
        lines = list(csv.reader(fh))
    assert lines[1][:3] == ["2026-01-01", "CNY", "2"] and lines[1][8] == "58.30"
    assert run(url, "report", "sales", "--from", "2026-01-01", "--to", "2026-02-28", "--store",
               "US", "--out", str(tmp_path / "us.xlsx"), "--quiet") == 0
    ws = load_workbook(tmp_path / "us.xlsx").worksheets[1]
    assert ws["B2"].value == "USD" and ws["I2"].value == 130
    assert run(url, "report", "products", "--from", "2026-01-01", "--to", "2026-02-28",
               "--lang", "zh", "--format", "pdf", "--out", str(tmp_path / "p.pdf")) == 0
    assert "畅销商品" in PdfReader(tmp_path / "p.pdf").pages[0].extract_text()


def test_raw_order_rows(url, tmp_path, capsys):
    assert run(url, "report", "orders", "--from", "2026-01-01", "--to", "2026-02-28",
               "--out", str(tmp_path / "orders.xlsx")) == 0
    assert "Wrote 4 orders" in capsys.readouterr().out


def test_converted_report_after_setting_a_rate(url, tmp_path, capsys):
    assert run(url, "rates", "set", "USD", "CNY", "7.10", "--from", "2026-01-01") == 0
    assert run(url, "rates", "list") == 0
    assert "1 USD = 7.10 CNY  from 2026-01-01" in capsys.readouterr().out
    assert run(url, "report", "sales", "--from", "2026-02-01", "--to", "2026-02-28",
               "--convert-to", "CNY", "--out", str(tmp_path / "c.csv")) == 0
    text = (tmp_path / "c.csv").read_text(encoding="utf-8-sig")
    assert "973.00" in text


@pytest.mark.parametrize("args, message", [
    (["--from", "2026-03-01", "--to", "2026-01-01"], "reversed"),
    (["--from", "2026-13-01", "--to", "2026-12-31"], "not a date"),
    (["--to", "2026-01-01"], "Give the period"),
    (["--from", "2026-01-01", "--to", "2026-01-31", "--store", "XX"], "No store 'XX'"),
    (["--from", "2026-02-01", "--to", "2026-02-28", "--convert-to", "CNY"], "No exchange rate"),
])
def test_bad_input_is_one_clear_line_and_no_file(url, tmp_path, capsys, args, message):
    out = tmp_path / "x.xlsx"
    assert run(url, "report", "sales", *args, "--out", str(out)) == 1
    err = capsys.readouterr().err
    assert err.startswith("ordermgr: ") and message in err and len(err.strip().splitlines()) == 1
    assert not out.exists()


def test_unwritable_target_is_a_clear_error(url, tmp_path, capsys):
    assert run(url, "report", "sales", "--period", "this_month", "--out",
               str(tmp_path / "missing" / "x.pdf")) == 1
    assert "does not exist" in capsys.readouterr().err


def test_a_clerk_may_not_run_reports(engine, url, tmp_path, capsys):
    from tests.conftest import uow_for
    uow_for(engine, "carl", "clerk")
    assert main(["--database", url, "--user", "carl", "report", "sales", "--period", "today",
                 "--out", str(tmp_path / "x.csv")]) == 1
    assert "may not view reports" in capsys.readouterr().err


def test_the_time_zone_offset_option(url, tmp_path):
    out = tmp_path / "tz.csv"
    assert run(url, "report", "sales", "--from", "2026-02-01", "--to", "2026-02-28", "--group",
               "day", "--utc-offset=-10:00", "--out", str(out)) == 0
    text = out.read_text(encoding="utf-8-sig")
    assert "2026-02-02,USD" in text and "(UTC-10:00)" not in text  # CSV: figures only
    with pytest.raises(SystemExit):  # argparse: usage and exit status 2
        run(url, "report", "sales", "--period", "today", "--utc-offset", "eight", "--out", str(out))
