"""The order queue as a Qt table model: keyset pages fetched on demand, never the whole table.

Rows live in pages of PAGE_SIZE. The model keeps the keyset boundary of every page it has seen
(a small tuple per 200 rows) and an LRU cache of at most MAX_CACHED_PAGES pages of rows, so
memory stays flat however far the clerk scrolls: a page that fell out of the cache is read again
with `fetch_order_page(after=boundary)` when it becomes visible. Sorting and filtering happen in
the database. Reloads (new filter, new sort, a change from another workstation) run off the UI
thread and keep the selection by order id.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone

from PySide6.QtCore import (QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication,
                            QModelIndex, Qt, Signal)

from ordermgr.db import queries
from ordermgr.db.queries import OrderFilter, OrderRow
from ordermgr.models.money import format_money  # noqa: F401 (the desk's formatter)
from ordermgr.ui.ops import QueryOp

PAGE_SIZE = 200
MAX_CACHED_PAGES = 40  # 8,000 rows at most in memory
FULL_RELOAD_ROWS = 2_000  # up to this many loaded rows a change reloads them all

ORDER_ID_ROLE = int(Qt.UserRole) + 1
ROW_ROLE = int(Qt.UserRole) + 2
_DISPLAY, _ALIGN, _TOOLTIP = int(Qt.DisplayRole), int(Qt.TextAlignmentRole), int(Qt.ToolTipRole)
_SERVED_ROLES = frozenset({_DISPLAY, _ALIGN, _TOOLTIP, ORDER_ID_ROLE, ROW_ROLE})


STATUS_LABELS = {
    "pending_payment": QT_TRANSLATE_NOOP("Status", "awaiting payment"),
    "awaiting_fulfilment": QT_TRANSLATE_NOOP("Status", "awaiting fulfilment"),
    "backordered": QT_TRANSLATE_NOOP("Status", "backordered"),
    "allocated": QT_TRANSLATE_NOOP("Status", "allocated"),
    "picking": QT_TRANSLATE_NOOP("Status", "picking"),
    "packed": QT_TRANSLATE_NOOP("Status", "packed"),
    "partially_shipped": QT_TRANSLATE_NOOP("Status", "partially shipped"),
    "shipped": QT_TRANSLATE_NOOP("Status", "shipped"),
    "delivered": QT_TRANSLATE_NOOP("Status", "delivered"),
    "completed": QT_TRANSLATE_NOOP("Status", "completed"),
    "on_hold": QT_TRANSLATE_NOOP("Status", "on hold"),
    "cancelled": QT_TRANSLATE_NOOP("Status", "cancelled"),
    "pending": QT_TRANSLATE_NOOP("Status", "pending"),
    "authorized": QT_TRANSLATE_NOOP("Status", "authorized"),
    "paid": QT_TRANSLATE_NOOP("Status", "paid"),
    "partially_refunded": QT_TRANSLATE_NOOP("Status", "partially refunded"),
    "refunded": QT_TRANSLATE_NOOP("Status", "refunded"),
    "failed": QT_TRANSLATE_NOOP("Status", "failed"),
    "voided": QT_TRANSLATE_NOOP("Status", "voided"),
    "unfulfilled": QT_TRANSLATE_NOOP("Status", "unfulfilled"),
    "partially_fulfilled": QT_TRANSLATE_NOOP("Status", "partially fulfilled"),
    "fulfilled": QT_TRANSLATE_NOOP("Status", "fulfilled"),
    "label_created": QT_TRANSLATE_NOOP("Status", "label created"),
    "in_transit": QT_TRANSLATE_NOOP("Status", "in transit"),
    "out_for_delivery": QT_TRANSLATE_NOOP("Status", "out for delivery"),
    "exception": QT_TRANSLATE_NOOP("Status", "exception"),
    "returned_to_sender": QT_TRANSLATE_NOOP("Status", "returned to sender"),
    "lost": QT_TRANSLATE_NOOP("Status", "lost"),
}


def status_text(status: str) -> str:
    """A translated label for any order, payment, fulfilment or shipment state."""
    label = STATUS_LABELS.get(status)
    return QCoreApplication.translate("Status", label) if label else status.replace("_", " ")


def format_local(when: datetime) -> str:
    return when.astimezone().strftime("%Y-%m-%d %H:%M")


def format_age(when: datetime, now: datetime | None = None) -> str:
    seconds = int(((now or datetime.now(timezone.utc)) - when).total_seconds())
    if seconds < 3600:
        text, value = QT_TRANSLATE_NOOP("OrderTableModel", "{0} min"), max(seconds // 60, 0)
    elif seconds < 86400:
        text, value = QT_TRANSLATE_NOOP("OrderTableModel", "{0} h"), seconds // 3600
    else:
        text, value = QT_TRANSLATE_NOOP("OrderTableModel", "{0} d"), seconds // 86400
    return QCoreApplication.translate("OrderTableModel", text).format(value)


def _tags(row: OrderRow) -> str:
    return ", ".join(t for t in row.tags.split(",") if t)


@dataclass(frozen=True)
class Column:
    key: str
    title: str  # translated when the column is built
    format: Callable[[OrderRow], str]
    sort: str | None = None  # a queries.SORTABLE key, None if the database can't sort by it
    align: Qt.AlignmentFlag = Qt.AlignLeft | Qt.AlignVCenter
    width: int = 110


_RIGHT = Qt.AlignRight | Qt.AlignVCenter
_LEFT = Qt.AlignLeft | Qt.AlignVCenter
# key, title, formatter, database sort key, alignment, width
_COLUMNS = (
    ("number", QT_TRANSLATE_NOOP("OrderTableModel", "Number"), lambda r: r.number, "number",
     _LEFT, 110),
    ("store", QT_TRANSLATE_NOOP("OrderTableModel", "Store"), lambda r: r.store, None, _LEFT, 110),
    ("placed_at", QT_TRANSLATE_NOOP("OrderTableModel", "Placed at"),
     lambda r: format_local(r.placed_at), "placed_at", _LEFT, 130),
    ("customer", QT_TRANSLATE_NOOP("OrderTableModel", "Customer"), lambda r: r.customer,
     "customer", _LEFT, 140),
    ("items", QT_TRANSLATE_NOOP("OrderTableModel", "Items"), lambda r: str(r.items), "items",
     _RIGHT, 60),
    ("total", QT_TRANSLATE_NOOP("OrderTableModel", "Total"),
     lambda r: format_money(r.total, r.currency), "total", _RIGHT, 120),
    ("payment", QT_TRANSLATE_NOOP("OrderTableModel", "Payment"), lambda r: status_text(r.payment),
     "payment", _LEFT, 110),
    ("fulfilment", QT_TRANSLATE_NOOP("OrderTableModel", "Fulfilment"),
     lambda r: status_text(r.fulfilment), "fulfilment", _LEFT, 120),
    ("status", QT_TRANSLATE_NOOP("OrderTableModel", "Status"), lambda r: status_text(r.status),
     "status", _LEFT, 130),
    ("tags", QT_TRANSLATE_NOOP("OrderTableModel", "Tags"), _tags, None, _LEFT, 120),
    ("age", QT_TRANSLATE_NOOP("OrderTableModel", "Age"), lambda r: format_age(r.placed_at),
     "placed_at", _RIGHT, 70),
)


def build_columns() -> list[Column]:
    """Built once per model: data() only calls the ready formatter."""
    return [Column(key, QCoreApplication.translate("OrderTableModel", title), fmt, sort, align,
                   width) for key, title, fmt, sort, align, width in _COLUMNS]


class OrderTableModel(QAbstractTableModel):
    """Queue rows from `queries.fetch_order_page`, fetched page by page."""

    reloaded = Signal()  # after a reload finished (the view restores its selection)
    window_refreshed = Signal()  # after refresh_window read the visible pages again
    load_failed = Signal(object)

    def __init__(self, engine, parent=None):
        super().__init__(parent)
        self.engine = engine
        self.columns = build_columns()
        self._align = [int(c.align.value if hasattr(c.align, "value") else c.align)
                       for c in self.columns]
        self.filter = OrderFilter()
        self.sort_key = "placed_at"
        self.descending = True
        self._generation = 0
        self._window_busy: int | None = None  # the generation a refresh_window runs for
        self._window_next: tuple[int, int] | None = None  # the rows to refresh after it
        self._reset_state()

    def _reset_state(self) -> None:
        # boundaries[p]: the keyset after which page p starts (None: the first page)
        self._boundaries: list[tuple | None] = [None]
        self._pages: OrderedDict[int, list[OrderRow]] = OrderedDict()
        self._count = 0
        self._exhausted = False
        self.loading = False

    # -- Qt model API -------------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if orientation == Qt.Horizontal and 0 <= section < len(self.columns):
            if role == Qt.DisplayRole:
                return self.columns[section].title
            if role == Qt.ToolTipRole and self.columns[section].sort is None:
                return QCoreApplication.translate("OrderTableModel",
                                                  "This column can't be sorted.")
        if orientation == Qt.Vertical and role == Qt.DisplayRole:
            return str(section + 1)
        return None

    def data(self, index, role=_DISPLAY):
        # Qt asks for many roles per cell; answer the ones we don't serve before any lookup.
        if role not in _SERVED_ROLES or not index.isValid():
            return None
        r = index.row()
        if r >= self._count:
            return None
        row = self.row_at(r)
        if row is None:
            return None
        if role == _DISPLAY:
            return self.columns[index.column()].format(row)
        if role == _ALIGN:
            return self._align[index.column()]
        if role == ORDER_ID_ROLE:
            return row.id
        if role == ROW_ROLE:
            return row
        if role == _TOOLTIP and self.columns[index.column()].key == "placed_at":
            return row.placed_at.astimezone().isoformat(" ", "seconds")
        return None

    def canFetchMore(self, parent=QModelIndex()) -> bool:
        return not parent.isValid() and not self._exhausted and not self.loading

    def fetchMore(self, parent=QModelIndex()) -> None:
        if parent.isValid() or self._exhausted or self.loading:
            return
        page_no = len(self._boundaries) - 1
        if page_no * PAGE_SIZE != self._count:  # a reload is under way or pages are misaligned
            return
        rows = self._read_page(page_no)
        self._add_page(page_no, rows)

    def sort(self, column: int, order=Qt.AscendingOrder) -> None:
        key = self.columns[column].sort if 0 <= column < len(self.columns) else None
        if key is None:
            return
        descending = order == Qt.DescendingOrder
        if self.columns[column].key == "age":  # older = larger age = earlier placed_at
            descending = not descending
        if (key, descending) == (self.sort_key, self.descending):
            return
        self.sort_key, self.descending = key, descending
        self.reload(keep_rows=False)

    # -- our API ------------------------------------------------------------------------------
    def set_filter(self, flt: OrderFilter) -> None:
        if flt != self.filter:
            self.filter = flt
            self.reload(keep_rows=False)

    def row_at(self, row: int) -> OrderRow | None:
        page_no = row // PAGE_SIZE
        page = self._pages.get(page_no)
        if page is None:
            if page_no >= len(self._boundaries):
                return None
            page = self._read_page(page_no)
            self._cache(page_no, page)
        else:
            self._pages.move_to_end(page_no)
        offset = row % PAGE_SIZE
        return page[offset] if offset < len(page) else None

    def order_id(self, row: int) -> int | None:
        found = self.row_at(row)
        return found.id if found else None

    def row_of(self, order_id: int) -> int | None:
        """Where this order is among the cached rows (None if not cached)."""
        for page_no, page in self._pages.items():
            for offset, row in enumerate(page):
                if row.id == order_id:
                    return page_no * PAGE_SIZE + offset
        return None

    @property
    def cached_rows(self) -> int:
        return sum(len(p) for p in self._pages.values())

    def extend_to(self, rows: int) -> None:
        """Make at least `rows` rows available (if the queue has them) with one keyset scan
        instead of loading every page in between: scrolling to row 500,000 costs one query."""
        if self._exhausted or rows <= self._count or self.loading:
            return
        if (len(self._boundaries) - 1) * PAGE_SIZE != self._count:
            return
        need = -(-(rows - self._count) // PAGE_SIZE) * PAGE_SIZE
        keys, seen = self._run(lambda conn: queries.page_keys(
            conn, self.filter, sort=self.sort_key, descending=self.descending,
            after=self._boundaries[-1], step=PAGE_SIZE, limit=need))
        if seen == 0:
            self._exhausted = True
            return
        self.beginInsertRows(QModelIndex(), self._count, self._count + seen - 1)
        self._boundaries.extend(keys)
        self._count += seen
        self._exhausted = seen < need
        self.endInsertRows()

    def reload(self, *, keep_rows: bool = True, synchronous: bool = False) -> None:
        """Read the queue again off the UI thread; as many rows as now (if keep_rows)."""
        self._generation += 1
        generation = self._generation
        want = max(self._count, PAGE_SIZE) if keep_rows else PAGE_SIZE
        flt, sort, desc = self.filter, self.sort_key, self.descending
        self.loading = True

        def work():
            with self.engine.connect() as conn:
                first = queries.fetch_order_page(conn, flt, sort=sort, descending=desc,
                                                 limit=PAGE_SIZE)
                keys, more, need = [], 0, 0
                if len(first) == PAGE_SIZE and want > PAGE_SIZE:
                    need = -(-(want - PAGE_SIZE) // PAGE_SIZE) * PAGE_SIZE
                    keys, more = queries.page_keys(conn, flt, sort=sort, descending=desc,
                                                   after=first[-1].sort_key, step=PAGE_SIZE,
                                                   limit=need)
                return first, keys, more, need

        def done(result):
            if generation != self._generation:
                return  # a newer reload superseded this one
            self._apply_reload(*result)

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

    def _apply_reload(self, first: list[OrderRow], keys: list[tuple], more: int,
                      need: int) -> None:
        self.beginResetModel()
        self._reset_state()
        self._pages[0] = first
        self._count = len(first) + more
        if len(first) == PAGE_SIZE:
            self._boundaries.append(first[-1].sort_key)
            self._boundaries.extend(keys)
            self._exhausted = more < need
        else:
            self._exhausted = True
        self.endResetModel()
        self.reloaded.emit()

    def refresh_window(self, first_row: int, last_row: int) -> None:
        """Another change arrived: read again what the clerk sees.

        A short queue is simply reloaded (keeping as many rows). Deep in a long queue the model
        is not reset: one keyset scan of keys only (no rows) rebuilds every page boundary up to
        as many rows as are loaded, and the pages on screen are read again as ONE contiguous
        range from the boundary before the first of them. Reading each visible page from its
        own old boundary (as this used to do) lost or doubled a row where two pages met once
        a row had been added to or removed from a page: pages are only consistent if their
        boundaries are re-cut from the same data. Pages off screen are dropped from the cache
        and read again from the new boundaries when they scroll into view."""
        if self._count <= FULL_RELOAD_ROWS or self.loading:
            self.reload(keep_rows=True)
            return
        if self._window_busy == self._generation:  # one at a time: the newest request next
            self._window_next = (first_row, last_row)
            return
        self._window_busy = self._generation
        page_size = PAGE_SIZE
        first_page = max(first_row, 0) // page_size
        last_page = max(min(max(last_row, first_row), self._count - 1) // page_size, first_page)
        # as many rows as are loaded (whole pages); one page more if the queue was read to its
        # end, so rows added at the end show up too
        need = -(-self._count // page_size) * page_size + (page_size if self._exhausted else 0)
        flt, sort, desc = self.filter, self.sort_key, self.descending
        generation, shape = self._generation, (self._count, len(self._boundaries))

        def work():
            with self.engine.connect() as conn:
                keys, seen = queries.page_keys(conn, flt, sort=sort, descending=desc,
                                               after=None, step=page_size, limit=need)
                boundaries = [None, *keys]
                first = min(first_page, len(boundaries) - 1)
                last = min(last_page, len(boundaries) - 1)
                rows = queries.fetch_order_page(conn, flt, sort=sort, descending=desc,
                                                after=boundaries[first],
                                                limit=(last - first + 1) * page_size)
                return boundaries, seen, first, rows

        def done(result) -> None:
            again = None
            if self._window_busy == generation:
                again, self._window_busy, self._window_next = self._window_next, None, None
            if generation != self._generation:
                return  # a reload replaced everything meanwhile
            if shape != (self._count, len(self._boundaries)):
                again = again or (first_row, last_row)  # more rows were fetched meanwhile
            else:
                self._apply_window(*result, exhausted_below=need)
            if again:
                self.refresh_window(*again)

        def failed(exc) -> None:
            if self._window_busy == generation:
                self._window_busy, self._window_next = None, None
            self.load_failed.emit(exc)

        QueryOp(self, work).success(done).failure(failed).run()

    def _apply_window(self, boundaries: list, seen: int, first: int, rows: list[OrderRow], *,
                      exhausted_below: int) -> None:
        page_size = PAGE_SIZE
        # the window's own rows decide the boundaries inside it (if another change slipped in
        # between the two queries, the next notification refreshes again)
        pages = [rows[i:i + page_size] for i in range(0, len(rows), page_size)]
        for offset, page in enumerate(pages):
            p = first + offset + 1
            if len(page) == page_size and p < len(boundaries):
                boundaries[p] = page[-1].sort_key
        count = seen
        old = self._count
        if count < old:
            self.beginRemoveRows(QModelIndex(), count, old - 1)
            self._count = count
            self.endRemoveRows()
        elif count > old:
            self.beginInsertRows(QModelIndex(), old, count - 1)
            self._count = count
            self.endInsertRows()
        # rows added or removed above the window move the rest: the selection and the current
        # row follow their orders (when those are on screen)
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        ids = [self._cached_id(i.row()) for i in persistent]
        self._boundaries = boundaries
        self._pages.clear()
        for offset, page in enumerate(pages):
            self._cache(first + offset, page)
        self._exhausted = seen < exhausted_below
        for index, order_id in zip(persistent, ids):
            row = self.row_of(order_id) if order_id is not None else None
            if row is not None and row != index.row():
                self.changePersistentIndex(index, self.index(row, index.column()))
        self.layoutChanged.emit()
        if count:
            self.dataChanged.emit(self.index(0, 0), self.index(count - 1, len(self.columns) - 1))
        self.window_refreshed.emit()

    # -- internals ----------------------------------------------------------------------------
    def _cached_id(self, row: int) -> int | None:
        page = self._pages.get(row // PAGE_SIZE)
        offset = row % PAGE_SIZE
        return page[offset].id if page is not None and offset < len(page) else None

    def _run(self, fn):
        with self.engine.connect() as conn:
            return fn(conn)

    def _read_page(self, page_no: int) -> list[OrderRow]:
        after = self._boundaries[page_no]
        return self._run(lambda conn: queries.fetch_order_page(
            conn, self.filter, sort=self.sort_key, descending=self.descending, after=after,
            limit=PAGE_SIZE))

    def _cache(self, page_no: int, rows: list[OrderRow]) -> None:
        self._pages[page_no] = rows
        self._pages.move_to_end(page_no)
        while len(self._pages) > MAX_CACHED_PAGES:
            self._pages.popitem(last=False)

    def _add_page(self, page_no: int, rows: list[OrderRow]) -> None:
        if not rows:
            self._exhausted = True
            return
        self.beginInsertRows(QModelIndex(), self._count, self._count + len(rows) - 1)
        self._cache(page_no, rows)
        self._count += len(rows)
        if len(rows) == PAGE_SIZE:
            self._boundaries.append(rows[-1].sort_key)
        else:
            self._exhausted = True
        self.endInsertRows()
