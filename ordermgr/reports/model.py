"""What a report is, independent of how it is shown: tables of typed columns, charts, notes.

Builders (Excel, PDF, CSV, the GUI's table) read only these classes, so every report renders the
same way everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone

from ordermgr.errors import UserError
from ordermgr.models.money import format_money
from ordermgr.reports.params import ReportParams

# Column kinds: text, int, money, decimal, percent (a fraction, 0.25 = 25 %), hours, days, date
KINDS = ("text", "int", "money", "decimal", "percent", "hours", "days", "date")


@dataclass(frozen=True)
class Column:
    key: str
    label: str  # English; translated through i18n.label()
    kind: str = "text"
    # how the totals row combines the column: "sum", ("ratio", num_key, den_key) or None
    total: object = None
    width: int | None = None


@dataclass(frozen=True)
class Chart:
    kind: str  # "line" | "bar"
    category: str  # column key on the x axis
    values: tuple[str, ...]  # column keys plotted
    title: str = ""
    series_by: str | None = None  # e.g. "currency": one series per value of this column


@dataclass
class Table:
    key: str
    title: str
    columns: list[Column]
    rows: list[tuple]
    chart: Chart | None = None
    # totals are split per value of this column (money never adds up across currencies)
    total_per: str | None = None

    def index(self, key: str) -> int:
        return next(i for i, c in enumerate(self.columns) if c.key == key)

    def row_currency(self, row) -> str | None:
        """The row's currency, where the table has a currency column (amounts shown in its
        decimals: 1,980 JPY, not 1,980.00)."""
        i = next((i for i, c in enumerate(self.columns) if c.key == "currency"), None)
        return row[i] if i is not None and isinstance(row[i], str) else None

    def column_values(self, key: str) -> list:
        i = self.index(key)
        return [row[i] for row in self.rows]

    def totals(self) -> list[tuple[object, dict[str, object]]]:
        """[(group value or None, {column key: total})]: the totals the Excel formulas compute."""
        from decimal import Decimal
        groups: dict[object, list[tuple]] = {}
        per = self.index(self.total_per) if self.total_per else None
        for row in self.rows:
            groups.setdefault(row[per] if per is not None else None, []).append(row)
        result = []
        for group, rows in groups.items():
            sums = {}
            for i, col in enumerate(self.columns):
                if col.total == "sum":
                    values = [r[i] for r in rows if r[i] is not None]
                    sums[col.key] = (sum(values, Decimal("0.00") if col.kind == "money" else 0)
                                     if values else None)
            for col in self.columns:
                if isinstance(col.total, tuple) and col.total[0] == "ratio":
                    num, den = sums.get(col.total[1]), sums.get(col.total[2])
                    sums[col.key] = (Decimal(num) / Decimal(den)) if den and num is not None else None
            result.append((group, sums))
        return result


@dataclass
class ReportResult:
    name: str
    title: str
    params: ReportParams
    tables: list[Table]
    notes: list[str] = field(default_factory=list)  # rates used, caveats: printed on the report
    generated_at: datetime = field(default_factory=lambda: datetime.now(timezone.utc))

    @property
    def empty(self) -> bool:
        return all(not t.rows for t in self.tables)

    def table(self, key: str) -> Table:
        return next(t for t in self.tables if t.key == key)


class Cancelled(UserError):
    """The user cancelled a running report or export; nothing was written."""

    def __init__(self, message: str = "The report was cancelled; no file was written."):
        super().__init__(message)


def format_value(column: Column, value, currency: str | None = None) -> str:
    """A value as a person reads it (PDF cells, the GUI's table); money in `currency`'s
    decimals where the row has one."""
    from datetime import date as _date
    from decimal import Decimal
    if value is None:
        return ""
    kind = column.kind
    if kind == "int":
        return f"{int(value):,}"
    if kind == "money":
        return format_money(Decimal(value), currency, with_code=False)
    if kind == "percent":
        return f"{Decimal(value) * 100:.1f} %"
    if kind in ("hours", "days", "decimal"):
        return f"{Decimal(value):,.1f}" if kind != "decimal" else f"{Decimal(value):,.2f}"
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, _date):
        return value.isoformat()
    return str(value)
