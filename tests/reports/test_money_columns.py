"""Money in reports in each currency's own decimals (JPY whole, the others in cents)."""

from decimal import Decimal

from ordermgr.reports.excel import money_format
from ordermgr.reports.model import Column, Table, format_value


def test_report_money_follows_the_row_currency():
    table = Table(key="t", title="t", columns=[Column("currency", "Currency"),
                                               Column("total", "Total", "money")],
                  rows=[("JPY", Decimal("1980.00")), ("CNY", Decimal("1980.50"))])
    total = table.columns[1]
    assert [format_value(total, row[1], table.row_currency(row)) for row in table.rows] == [
        "1,980", "1,980.50"]
    assert format_value(total, Decimal("12.5")) == "12.50"  # no currency column: cents
    assert money_format("JPY") == '#,##0 "JPY";-#,##0 "JPY"'
    assert money_format("EUR") == '#,##0.00 "EUR";-#,##0.00 "EUR"'
