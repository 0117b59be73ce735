"""Table models for the after-sales desk: rows fetched page by page with a keyset (the service's
`after=` argument), off the UI thread; the whole queue is never read at once."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from ordermgr.models.money import format_money
from ordermgr.ui.ops import QueryOp

PAGE_SIZE = 200
ID_ROLE = int(Qt.UserRole) + 1
ROW_ROLE = int(Qt.UserRole) + 2
# Roles as plain ints: comparing a role with a Qt enum costs ~17 µs in PySide6, an int ~0.03 µs,
# and data() is called for every visible cell and role on each paint.
DISPLAY, ALIGN, BACKGROUND = int(Qt.DisplayRole), int(Qt.TextAlignmentRole), int(Qt.BackgroundRole)
HORIZONTAL = Qt.Horizontal
AMBER = QColor("#fff1c2")
RED = QColor("#ffd0d0")


def money_text(amount, currency: str) -> str:
    return format_money(amount, currency)


def local_time(when: datetime | None) -> str:
    return when.astimezone().strftime("%Y-%m-%d %H:%M") if when else ""


def age_text(when: datetime, now: datetime | None = None) -> str:
    seconds = int(((now or datetime.now(timezone.utc)) - when).total_seconds())
    if seconds < 3600:
        return QCoreApplication.translate("AfterSalesModel", "{0} min").format(max(seconds // 60, 0))
    if seconds < 86400:
        return QCoreApplication.translate("AfterSalesModel", "{0} h").format(seconds // 3600)
    return QCoreApplication.translate("AfterSalesModel", "{0} d").format(seconds // 86400)


def kind_text(kind: str) -> str:
    return {"return_refund": QCoreApplication.translate("AfterSalesModel", "Return & refund"),
            "refund_only": QCoreApplication.translate("AfterSalesModel", "Refund only"),
            "exchange": QCoreApplication.translate("AfterSalesModel", "Exchange"),
            "reship": QCoreApplication.translate("AfterSalesModel", "Re-ship"),
            "intercept": QCoreApplication.translate("AfterSalesModel", "Intercept"),
            "complaint": QCoreApplication.translate("AfterSalesModel", "Complaint")}.get(kind, kind)


def status_text(status: str) -> str:
    return {"requested": QCoreApplication.translate("AfterSalesModel", "requested"),
            "approved": QCoreApplication.translate("AfterSalesModel", "approved"),
            "rejected": QCoreApplication.translate("AfterSalesModel", "rejected"),
            "awaiting_goods": QCoreApplication.translate("AfterSalesModel", "awaiting goods"),
            "received": QCoreApplication.translate("AfterSalesModel", "received"),
            "inspected": QCoreApplication.translate("AfterSalesModel", "inspected"),
            "refunded": QCoreApplication.translate("AfterSalesModel", "refunded"),
            "exchanged": QCoreApplication.translate("AfterSalesModel", "exchanged"),
            "reshipped": QCoreApplication.translate("AfterSalesModel", "re-shipped"),
            "closed": QCoreApplication.translate("AfterSalesModel", "closed"),
            "cancelled": QCoreApplication.translate("AfterSalesModel", "cancelled"),
            "pending": QCoreApplication.translate("AfterSalesModel", "pending"),
            "done": QCoreApplication.translate("AfterSalesModel", "done"),
            "failed": QCoreApplication.translate("AfterSalesModel", "failed"),
            "pushed": QCoreApplication.translate("AfterSalesModel", "sent, waiting for the storefront"),
            "confirmed": QCoreApplication.translate("AfterSalesModel", "confirmed"),
            "paid_elsewhere": QCoreApplication.translate("AfterSalesModel", "paid back another way"),
            "pending_payment": QCoreApplication.translate("AfterSalesModel", "awaiting payment"),
            }.get(status, status.replace("_", " "))


@dataclass(frozen=True)
class Column:
    title: str
    format: Callable[[object], str]
    align: Qt.AlignmentFlag = Qt.AlignLeft | Qt.AlignVCenter


class ListTableModel(QAbstractTableModel):
    """Rows held as a list and shown through per-column formatters (built once, so data() is
    cheap). Used as is for small fixed lists (a customer's orders and cases)."""

    def __init__(self, columns: list[Column], rows=(), parent=None, *, key=lambda r: r.id,
                 background=None):
        super().__init__(parent)
        self.columns, self.key, self.background = columns, key, background
        self._formats = [c.format for c in columns]
        self._aligns = [int(c.align) for c in columns]
        self._titles = [c.title for c in columns]
        self._brushes = {"amber": QBrush(AMBER), "red": QBrush(RED)}
        self.rows: list = list(rows)
        self._display: dict[int, list[str]] = {}

    def set_rows(self, rows) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self._display = {}
        self.endResetModel()

    def row(self, index: int):
        return self.rows[index] if 0 <= index < len(self.rows) else None

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=DISPLAY):
        if role == DISPLAY and orientation is HORIZONTAL and 0 <= section < len(self._titles):
            return self._titles[section]
        return None

    def data(self, index, role=DISPLAY):
        r = index.row()
        if not 0 <= r < len(self.rows):
            return None
        row = self.rows[r]
        if role == DISPLAY:
            cells = self._display.get(r)
            if cells is None:  # format a row once, then repaints are lookups
                cells = self._display[r] = [f(row) for f in self._formats]
            return cells[index.column()]
        if role == ALIGN:
            return self._aligns[index.column()]
        if role == BACKGROUND:
            shade = self.background(row) if self.background is not None else ""
            return self._brushes[shade] if shade else None
        if role == ID_ROLE:
            return self.key(row)
        if role == ROW_ROLE:
            return row
        return None


class PagedTableModel(ListTableModel):
    """Rows from `fetch(conn, after, limit)`; the next page is read (off the UI thread) when the
    view scrolls near the end. `background(row)` may return "amber"/"red" for ageing rows."""

    reloaded = Signal()
    load_failed = Signal(object)

    def __init__(self, engine, columns: list[Column], fetch, *, key=lambda r: r.id,
                 after_of=lambda r: r.sort_key, background=None, parent=None):
        super().__init__(columns, parent=parent, key=key, background=background)
        self.engine, self.fetch, self.after_of = engine, fetch, after_of
        self.exhausted = True
        self.loading = False
        self._generation = 0

    def canFetchMore(self, parent=QModelIndex()) -> bool:
        return not parent.isValid() and not self.exhausted and not self.loading

    def fetchMore(self, parent=QModelIndex()) -> None:
        if parent.isValid() or self.exhausted or self.loading or not self.rows:
            return
        self._load(after=self.after_of(self.rows[-1]), append=True)

    def reload(self, *, synchronous: bool = False) -> None:
        self._load(after=None, append=False, synchronous=synchronous)

    def set_fetch(self, fetch) -> None:
        self.fetch = fetch
        self.reload()

    def _load(self, *, after, append: bool, synchronous: bool = False) -> None:
        self._generation += 1
        generation, fetch = self._generation, self.fetch
        self.loading = True

        def work():
            with self.engine.connect() as conn:
                return fetch(conn, after, PAGE_SIZE)

        def done(rows):
            if generation != self._generation:
                return
            self.loading = False
            self.exhausted = len(rows) < PAGE_SIZE
            if append:
                if rows:
                    self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(rows) - 1)
                    self.rows.extend(rows)
                    self.endInsertRows()
            else:
                self.set_rows(rows)
                self.reloaded.emit()

        def failed(exc):
            if generation == self._generation:
                self.loading = False
                self.load_failed.emit(exc)

        if synchronous:
            try:
                done(work())
            except Exception as exc:  # noqa: BLE001 - reported like an async failure
                failed(exc)
            return
        QueryOp(self, work).success(done).failure(failed).run()


RIGHT = Qt.AlignRight | Qt.AlignVCenter


def case_columns() -> list[Column]:
    return [
        Column(QCoreApplication.translate("AfterSalesModel", "RMA"), lambda r: r.number),
        Column(QCoreApplication.translate("AfterSalesModel", "Order"), lambda r: r.order_number),
        Column(QCoreApplication.translate("AfterSalesModel", "Customer"), lambda r: r.customer),
        Column(QCoreApplication.translate("AfterSalesModel", "Type"), lambda r: kind_text(r.kind)),
        Column(QCoreApplication.translate("AfterSalesModel", "Status"), lambda r: status_text(r.status)),
        Column(QCoreApplication.translate("AfterSalesModel", "Refund"),
               lambda r: money_text(r.amount, r.currency), RIGHT),
        Column(QCoreApplication.translate("AfterSalesModel", "Requested"),
               lambda r: local_time(r.requested_at)),
        Column(QCoreApplication.translate("AfterSalesModel", "Age"),
               lambda r: age_text(r.requested_at), RIGHT),
        Column(QCoreApplication.translate("AfterSalesModel", "Due"), lambda r: local_time(r.due_at)),
    ]
