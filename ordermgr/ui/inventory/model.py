"""Table models of the inventory area.

`StockTableModel` reads stock levels page by page (keyset paging in SQL through
`inventory.fetch_stock_page`), each page off the UI thread, and never holds more than the pages
the user scrolled through. Rows are coloured by state: amber at or below the threshold, red when
nothing is available, and a loud dark red with white bold text for an oversold level (which the
database constraints should make impossible).

`ListTableModel` shows a short, bounded list (a stocktake's lines, a transfer, suggestions).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from ordermgr.services.inventory import StockFilter, StockRow, fetch_stock_page
from ordermgr.ui.inventory.common import alive
from ordermgr.ui.ops import QueryOp

PAGE_SIZE = 200
ROW_ROLE = Qt.UserRole + 1
STATE_ROLE = Qt.UserRole + 2

AMBER = QColor("#ffe08a")
RED = QColor("#f4a6a6")
OVERSOLD = QColor("#b00020")


def state_brushes(state: str) -> tuple[QBrush | None, QBrush | None]:
    """(background, foreground) for a row state."""
    if state == "oversold":
        return QBrush(OVERSOLD), QBrush(QColor("white"))
    if state == "out":
        return QBrush(RED), None
    if state == "low":
        return QBrush(AMBER), None
    return None, None


def state_text(state: str) -> str:
    return {"ok": "",
            "low": QCoreApplication.translate("StockTableModel", "Low"),
            "out": QCoreApplication.translate("StockTableModel", "Out of stock"),
            "oversold": QCoreApplication.translate("StockTableModel", "OVERSOLD: check the ledger")}[state]


def format_cover(row: StockRow) -> str:
    cover = row.days_of_cover
    if cover is None:
        return "–"
    days = f"{cover:.0f}" if cover < 1000 else "999+"
    return QCoreApplication.translate("StockTableModel", "{0} d").format(days)


@dataclass(frozen=True)
class Column:
    key: str
    title: str
    format: Callable[[StockRow], str]
    sort: str | None
    numeric: bool = True


def build_columns() -> list[Column]:
    return [
        Column("sku", QCoreApplication.translate("StockTableModel", "SKU"), lambda r: r.sku, "sku", False),
        Column("name", QCoreApplication.translate("StockTableModel", "Name"),
               lambda r: r.name, "name", False),
        Column("barcode", QCoreApplication.translate("StockTableModel", "Barcode"),
               lambda r: r.barcode, None, False),
        Column("warehouse", QCoreApplication.translate("StockTableModel", "Warehouse"),
               lambda r: r.warehouse, "warehouse", False),
        Column("on_hand", QCoreApplication.translate("StockTableModel", "On hand"),
               lambda r: str(r.on_hand), "on_hand"),
        Column("reserved", QCoreApplication.translate("StockTableModel", "Reserved"),
               lambda r: str(r.reserved), "reserved"),
        Column("available", QCoreApplication.translate("StockTableModel", "Available"),
               lambda r: str(r.available), "available"),
        Column("incoming", QCoreApplication.translate("StockTableModel", "Incoming"),
               lambda r: str(r.incoming) if r.incoming else "", None),
        Column("threshold", QCoreApplication.translate("StockTableModel", "Threshold"),
               lambda r: str(r.threshold), "threshold"),
        Column("cover", QCoreApplication.translate("StockTableModel", "Days of cover"), format_cover, None),
        Column("state", QCoreApplication.translate("StockTableModel", "State"),
               lambda r: state_text(r.state), None, False),
    ]


class StockTableModel(QAbstractTableModel):
    reloaded = Signal()
    load_failed = Signal(object)

    def __init__(self, engine, parent=None):
        super().__init__(parent)
        self.engine = engine
        self.columns = build_columns()
        self.filter = StockFilter()
        self.sort_key, self.descending = "sku", False
        self._rows: list[StockRow] = []
        self._exhausted = True
        self.loading = False
        self._generation = 0
        self._bold = QFont()
        self._bold.setBold(True)

    # -- Qt model API ---------------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if orientation == Qt.Horizontal and role == Qt.DisplayRole and 0 <= section < len(self.columns):
            return self.columns[section].title
        return None

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        column = self.columns[index.column()]
        if role == Qt.DisplayRole:
            return column.format(row)
        if role == Qt.TextAlignmentRole:
            return int((Qt.AlignRight if column.numeric else Qt.AlignLeft) | Qt.AlignVCenter)
        if role in (Qt.BackgroundRole, Qt.ForegroundRole):
            background, foreground = state_brushes(row.state)
            return background if role == Qt.BackgroundRole else foreground
        if role == Qt.FontRole and row.state == "oversold":
            return self._bold
        if role == Qt.ToolTipRole:
            return state_text(row.state) or None
        if role == ROW_ROLE:
            return row
        if role == STATE_ROLE:
            return row.state
        return None

    def canFetchMore(self, parent=QModelIndex()) -> bool:
        return not parent.isValid() and not self._exhausted and not self.loading

    def fetchMore(self, parent=QModelIndex()) -> None:
        if not self.canFetchMore(parent):
            return
        after = self._rows[-1].sort_key if self._rows else None
        self._load(after, self._generation)

    def sort(self, column: int, order=Qt.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns) or self.columns[column].sort is None:
            return
        key, descending = self.columns[column].sort, order == Qt.DescendingOrder
        if (key, descending) != (self.sort_key, self.descending):
            self.sort_key, self.descending = key, descending
            self.reload()

    # -- our API --------------------------------------------------------------------------------
    def set_filter(self, flt: StockFilter) -> None:
        if flt != self.filter:
            self.filter = flt
            self.reload()

    def reload(self) -> None:
        """Read the first page again (off the UI thread); later pages come as the view scrolls."""
        self._generation += 1
        self._load(None, self._generation)

    def row_at(self, row: int) -> StockRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def _load(self, after, generation: int) -> None:
        self.loading = True
        flt, sort, descending = self.filter, self.sort_key, self.descending

        def work():
            with self.engine.connect() as conn:
                return fetch_stock_page(conn, flt, sort=sort, descending=descending, after=after,
                                        limit=PAGE_SIZE)

        def failed(exc):
            self.loading = False
            self.load_failed.emit(exc)

        QueryOp(None, work).success(alive(self, lambda rows: self._loaded(rows, after, generation))) \
            .failure(alive(self, failed)).run()

    def _loaded(self, rows: list[StockRow], after, generation: int) -> None:
        if generation != self._generation:
            return  # a newer reload is under way
        self.loading = False
        if after is None:
            self.beginResetModel()
            self._rows = list(rows)
            self._exhausted = len(rows) < PAGE_SIZE
            self.endResetModel()
            self.reloaded.emit()
            return
        if rows:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()
        self._exhausted = len(rows) < PAGE_SIZE


class ListTableModel(QAbstractTableModel):
    """A bounded list of rows with a formatter per column and an optional row colour."""

    def __init__(self, headers: list[str], formatters: list[Callable], parent=None, *,
                 state: Callable | None = None):
        super().__init__(parent)
        self.headers, self.formatters, self.state = headers, formatters, state
        self.rows: list = []

    def set_rows(self, rows: list) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if orientation == Qt.Horizontal and role == Qt.DisplayRole and 0 <= section < len(self.headers):
            return self.headers[section]
        return None

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == Qt.DisplayRole:
            value = self.formatters[index.column()](row)
            return "" if value is None else str(value)
        if role == Qt.TextAlignmentRole:
            numeric = isinstance(self.formatters[index.column()](row), int)
            return int((Qt.AlignRight if numeric else Qt.AlignLeft) | Qt.AlignVCenter)
        if role == ROW_ROLE:
            return row
        if self.state is not None and role in (Qt.BackgroundRole, Qt.ForegroundRole, STATE_ROLE):
            state = self.state(row)
            if role == STATE_ROLE:
                return state
            background, foreground = state_brushes(state)
            return background if role == Qt.BackgroundRole else foreground
        return None
