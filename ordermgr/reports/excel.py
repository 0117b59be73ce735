"""Excel workbooks (openpyxl) that look made by hand: a cover sheet with the parameters, one sheet
per table with real number/currency/date formats, a frozen header, an autofilter, sensible widths,
a totals row of formulas (per currency), and a native Excel chart.

Large raw exports (`write_rows_streaming`) use write-only mode: constant memory, progress and
cancel every few thousand rows.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from ordermgr.models.money import decimals
from ordermgr.reports.cells import as_text, put, write_only_value
from ordermgr.reports.i18n import param_label, total_label, tr
from ordermgr.reports.model import Cancelled, Column, ReportResult, Table

HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="305496")
TOTAL_FONT = Font(bold=True)
TOTAL_BORDER = Border(top=Side(style="thin"), bottom=Side(style="double"))
FORMATS = {"int": "#,##0", "money": "#,##0.00", "decimal": "#,##0.00", "percent": "0.0%",
           "hours": "#,##0.0", "days": "#,##0.0", "date": "yyyy-mm-dd"}
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"


def money_format(currency: str | None) -> str:
    if currency and re.fullmatch(r"[A-Z]{3}", currency):
        places = decimals(currency)  # 1,980 JPY; 12.345 KWD
        number = "#,##0" + ("." + "0" * places if places else "")
        return f'{number} "{currency}";-{number} "{currency}"'
    return FORMATS["money"]


def cell_value(column: Column, value):
    """Python value → what Excel should store (numbers as numbers, dates as dates)."""
    if value is None:
        return None
    if column.kind == "date" and isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return value
    if isinstance(value, Decimal):
        return float(value) if column.kind in ("percent", "hours", "days") else value
    if isinstance(value, datetime):
        return value.replace(tzinfo=None)
    return value


def sheet_title(text: str, used: set[str]) -> str:
    base = re.sub(r"[\[\]\*\?/\\:]", " ", text).strip()[:28] or "Sheet"
    name, n = base, 2
    while name.lower() in used:
        name, n = f"{base[:25]} {n}", n + 1
    used.add(name.lower())
    return name


def write_workbook(result: ReportResult, path: Path, *, lang: str = "en", shop: str = "",
                   progress: Callable[[int, int], bool] | None = None) -> None:
    wb = Workbook()
    cover = wb.active
    used = set()
    cover.title = sheet_title(tr("Report", lang), used)
    _cover(cover, result, lang, shop)
    total = len(result.tables)
    for i, table in enumerate(result.tables):
        if progress is not None and progress(i, total) is False:
            raise Cancelled()
        ws = wb.create_sheet(sheet_title(tr(table.title, lang), used))
        _table_sheet(ws, table, lang)
    wb.properties.creator = shop or "ordermgr"
    wb.properties.title = tr(result.title, lang)
    wb.save(path)


def _cover(ws, result: ReportResult, lang: str, shop: str) -> None:
    put(ws, 1, 1, tr(result.title, lang)).font = Font(bold=True, size=16)
    put(ws, 2, 1, shop).font = Font(italic=True, size=12)
    ws["A4"], ws["A4"].font = tr("Parameters", lang), Font(bold=True)
    row = 5
    for label, value in result.params.describe():
        put(ws, row, 1, param_label(label, lang))
        put(ws, row, 2, value)
        row += 1
    ws.cell(row, 1, tr("Generated", lang))
    ws.cell(row, 2, result.generated_at.replace(tzinfo=None, microsecond=0)).number_format = DATETIME_FORMAT
    row += 2
    ws.cell(row, 1, tr("Notes", lang)).font = Font(bold=True)
    for note in result.notes:
        row += 1
        put(ws, row, 1, note).alignment = Alignment(wrap_text=False)
    if result.empty:
        ws.cell(row + 2, 1, tr("No data for this period.", lang)).font = Font(bold=True, color="C00000")
    ws.column_dimensions["A"].width = 18
    ws.column_dimensions["B"].width = 40


def _table_sheet(ws, table: Table, lang: str) -> None:
    cols = table.columns
    ncols = len(cols)
    for c, col in enumerate(cols, 1):
        cell = ws.cell(1, c, tr(col.label, lang))
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    cur_index = next((i for i, c in enumerate(cols) if c.key == "currency"), None)
    widths = [len(tr(c.label, lang)) + 2 for c in cols]
    for r, row in enumerate(table.rows, 2):
        currency = row[cur_index] if cur_index is not None else None
        for c, (col, value) in enumerate(zip(cols, row), 1):
            cell = put(ws, r, c, cell_value(col, value))
            if col.kind == "money":
                cell.number_format = money_format(currency)
            elif col.kind in FORMATS:
                cell.number_format = FORMATS[col.kind]
            if value is not None:
                widths[c - 1] = max(widths[c - 1], min(len(str(value)) + 3, 50))
    last = len(table.rows) + 1
    ws.freeze_panes = "A2"
    ws.row_dimensions[1].height = 30
    if table.rows:
        ws.auto_filter.ref = f"A1:{get_column_letter(ncols)}{last}"
        _totals(ws, table, lang, last)
    for c, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(c)].width = max(8, width)
    if table.chart and table.rows:
        _chart(ws, table, lang, last)


def _totals(ws, table: Table, lang: str, last: int) -> None:
    """One totals row per currency (SUMIFS), or one (SUM); ratios from the row's own totals."""
    cols = table.columns
    if not any(c.total for c in cols):
        return
    per = table.index(table.total_per) if table.total_per else None
    groups = [None] if per is None else list(dict.fromkeys(row[per] for row in table.rows))
    row = last + 1
    for group in groups:
        put(ws, row, 1, total_label(lang, group))
        if per is not None:
            put(ws, row, per + 1, group)
        letters = {col.key: get_column_letter(i + 1) for i, col in enumerate(cols)}
        for i, col in enumerate(cols):
            letter = letters[col.key]
            formula = None
            if col.total == "sum":
                if per is None:
                    formula = f"=SUM({letter}2:{letter}{last})"
                else:
                    key = get_column_letter(per + 1)
                    quoted = str(group).replace('"', '""')  # the group is data, never formula text
                    formula = f'=SUMIFS({letter}2:{letter}{last},{key}2:{key}{last},"{quoted}")'
            elif isinstance(col.total, tuple) and col.total[0] == "ratio":
                num, den = letters[col.total[1]], letters[col.total[2]]
                formula = f'=IF({den}{row}=0,"",{num}{row}/{den}{row})'
            if formula:
                cell = ws.cell(row, i + 1, formula)
                cell.number_format = (money_format(group) if col.kind == "money"
                                      else FORMATS.get(col.kind, "General"))
        for c in range(1, len(cols) + 1):
            ws.cell(row, c).font = TOTAL_FONT
            ws.cell(row, c).border = TOTAL_BORDER
        row += 1


def chart_series(table: Table) -> tuple[list, list[tuple[str, object, list]]]:
    """(categories, [(value label, group or None, values)]) for a table's chart, pivoted by `series_by`."""
    chart = table.chart
    cat_i = table.index(chart.category)
    categories = list(dict.fromkeys(row[cat_i] for row in table.rows))
    series = []
    by_i = table.index(chart.series_by) if chart.series_by else None
    groups = [None] if by_i is None else list(dict.fromkeys(row[by_i] for row in table.rows))
    for value_key in chart.values:
        v_i = table.index(value_key)
        label = next(c.label for c in table.columns if c.key == value_key)
        for group in groups:
            sums = dict.fromkeys(categories, 0)
            for row in table.rows:
                if by_i is None or row[by_i] == group:
                    sums[row[cat_i]] += float(row[v_i] or 0)
            series.append((label, group, list(sums.values())))
    return categories, series


def series_name(label: str, group, lang: str) -> str:
    return tr(label, lang) if group is None else f"{tr(label, lang)} {group}"


def _chart(ws, table: Table, lang: str, last: int) -> None:
    """A native chart over a pivoted block of the table's data, to the right of the table."""
    categories, series = chart_series(table)
    start_col = len(table.columns) + 2
    ws.cell(1, start_col, tr("Chart data", lang)).font = Font(italic=True)
    cat_col = get_column_letter(start_col)
    for r, cat in enumerate(categories, 2):
        put(ws, r, start_col, str(cat))
    for s, (label, group, values) in enumerate(series, 1):
        col = start_col + s
        put(ws, 1, col, series_name(label, group, lang))
        for r, value in enumerate(values, 2):
            ws.cell(r, col, value).number_format = "#,##0.00"
        ws.column_dimensions[get_column_letter(col)].width = 14
    ws.column_dimensions[cat_col].width = 14
    chart = LineChart() if table.chart.kind == "line" else BarChart()
    chart.title = tr(table.chart.title or table.title, lang)
    chart.height, chart.width = 8, 18
    data = Reference(ws, min_col=start_col + 1, max_col=start_col + len(series), min_row=1,
                     max_row=len(categories) + 1)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=start_col, min_row=2, max_row=len(categories) + 1))
    anchor_row = max(len(categories), 1) + 3
    ws.add_chart(chart, f"{cat_col}{anchor_row}")


def write_rows_streaming(path: Path, columns: list[Column], rows: Iterable[tuple], *,
                         title: str = "Rows", lang: str = "en", total: int = 0,
                         progress: Callable[[int, int], bool] | None = None,
                         every: int = 5000) -> int:
    """A large raw export in write-only mode (constant memory): frozen header, autofilter,
    formats. Returns the number of rows written; raises Cancelled if progress() says stop."""
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(sheet_title(tr(title, lang), set()))
    ws.freeze_panes = "A2"
    for i, col in enumerate(columns, 1):
        ws.column_dimensions[get_column_letter(i)].width = col.width or max(10, len(col.label) + 4)
    header = []
    for col in columns:
        cell = WriteOnlyCell(ws, tr(col.label, lang))
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
        header.append(cell)
    ws.append(header)
    # one styled prototype per column: each cell then shares its style array, instead of
    # looking its number format up again for every value
    styles = []
    for col in columns:
        # whole numbers read fine in General; dates and money need their formats
        fmt = None if col.kind == "int" else FORMATS.get(col.kind) if col.kind != "date" else DATETIME_FORMAT
        if fmt is None:
            styles.append(None)
        else:
            proto = WriteOnlyCell(ws, 0)
            proto.number_format = fmt
            styles.append(proto._style)
    count = 0
    try:
        count = _stream(ws, rows, styles, total, progress, every)
    except BaseException:
        _discard(ws)
        raise
    wb.save(path)
    return count


def _discard(ws) -> None:
    """Close a cancelled write-only sheet and remove openpyxl's temporary file."""
    try:
        ws.close()
        ws._writer.cleanup()
    except Exception:  # noqa: BLE001 - best effort: the export already failed
        pass


def _stream(ws, rows, styles, total, progress, every) -> int:
    count = 0
    for row in rows:
        out = []
        for style, value in zip(styles, row):
            if style is None or value is None:
                out.append(write_only_value(ws, value))
            else:
                cell = WriteOnlyCell(ws, value.replace(tzinfo=None) if isinstance(value, datetime) else value)
                cell._style = style
                out.append(as_text(cell))
        ws.append(out)
        count += 1
        if progress is not None and count % every == 0 and progress(count, total) is False:
            raise Cancelled()
    if progress is not None and progress(count, total or count) is False:
        raise Cancelled()
    ws.auto_filter.ref = f"A1:{get_column_letter(len(styles))}{count + 1}"
    return count
