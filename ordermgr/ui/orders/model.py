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

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt, Signal

from ordermgr.db import queries
from ordermgr.db.queries import OrderFilter, OrderRow
from ordermgr.models.money import CURRENCY_DECIMALS
from ordermgr.ui.ops import QueryOp

PAGE_SIZE = 200
MAX_CACHED_PAGES = 40  # 8,000 rows at most in memory

ORDER_ID_ROLE = Qt.UserRole + 1
ROW_ROLE = Qt.UserRole + 2


def _t(text: str) -> str:
    return QCoreApplication.translate("OrderTableModel", text)


def status_text(status: str) -> str:
    """A translated label for any order, payment or fulfilment state."""
    return _STATUS_LABELS().get(status, status.replace("_", " "))


_labels_cache: dict[str, dict[str, str]] = {}


def _STATUS_LABELS() -> dict[str, str]:
    from PySide6.QtCore import QLocale
    key = QLocale().name() + str(id(QCoreApplication.instance()))
    if key not in _labels_cache:
        tr = lambda s: QCoreApplication.translate("Status", s)  # noqa: E731
        _labels_cache[key] = {
            "pending_payment": tr("awaiting payment"), "awaiting_fulfilment": tr("awaiting fulfilment"),
            "backordered": tr("backordered"), "allocated": tr("allocated"), "picking": tr("picking"),
            "packed": tr("packed"), "partially_shipped": tr("partially shipped"),
            "shipped": tr("shipped"), "delivered": tr("delivered"), "completed": tr("completed"),
            "on_hold": tr("on hold"), "cancelled": tr("cancelled"), "pending": tr("pending"),
            "authorized": tr("authorized"), "paid": tr("paid"),
            "partially_refunded": tr("partially refunded"), "refunded": tr("refunded"),
            "failed": tr("failed"), "voided": tr("voided"), "unfulfilled": tr("unfulfilled"),
            "partially_fulfilled": tr("partially fulfilled"), "fulfilled": tr("fulfilled"),
            "label_created": tr("label created"), "in_transit": tr("in transit"),
            "out_for_delivery": tr("out for delivery"), "exception": tr("exception"),
            "returned_to_sender": tr("returned to sender"), "lost": tr("lost"),
        }
    return _labels_cache[key]


def format_money(amount, currency: str) -> str:
    places = CURRENCY_DECIMALS.get(currency, 2)
    return f"{amount:,.{places}f} {currency}"


def format_local(when: datetime) -> str:
    return when.astimezone().strftime("%Y-%m-%d %H:%M")


def format_age(when: datetime, now: datetime | None = None) -> str:
    seconds = int(((now or datetime.now(timezone.utc)) - when).total_seconds())
    if seconds < 3600:
        return _t("{0} min").format(max(seconds // 60, 0))
    if seconds < 86400:
        return _t("{0} h").format(seconds // 3600)
    return _t("{0} d").format(seconds // 86400)


@dataclass(frozen=True)
class Column:
    key: str
    title: str
    format: Callable[[OrderRow], str]
    sort: str | None = None  # a queries.SORTABLE key, None if the database can't sort by it
    align: Qt.AlignmentFlag = Qt.AlignLeft | Qt.AlignVCenter
    width: int = 110


def build_columns() -> list[Column]:
    """Built once per model: data() only calls the ready formatter."""
    right = Qt.AlignRight | Qt.AlignVCenter
    return [
        Column("number", _t("Number"), lambda r: r.number, "number", width=110),
        Column("store", _t("Store"), lambda r: r.store, None, width=110),
        Column("placed_at", _t("Placed at"), lambda r: format_local(r.placed_at), "placed_at",
               width=130),
        Column("customer", _t("Customer"), lambda r: r.customer, "customer", width=140),
        Column("items", _t("Items"), lambda r: str(r.items), "items", right, width=60),
        Column("total", _t("Total"), lambda r: format_money(r.total, r.currency), "total", right,
               width=120),
        Column("payment", _t("Payment"), lambda r: status_text(r.payment), "payment", width=110),
        Column("fulfilment", _t("Fulfilment"), lambda r: status_text(r.fulfilment), "fulfilment",
               width=120),
        Column("status", _t("Status"), lambda r: status_text(r.status), "status", width=130),
        Column("tags", _t("Tags"), lambda r: ", ".join(t for t in r.tags.split(",") if t), None,
               width=120),
        Column("age", _t("Age"), lambda r: format_age(r.placed_at), "placed_at", right, width=70),
    ]


class OrderTableModel(QAbstractTableModel):
    """Queue rows from `queries.fetch_order_page`, fetched page by page."""

    reloaded = Signal()  # after a reload finished (the view restores its selection)
    load_failed = Signal(object)

    def __init__(self, engine, parent=None):
        super().__init__(parent)
        self.engine = engine
        self.columns = build_columns()
        self.filter = OrderFilter()
        self.sort_key = "placed_at"
        self.descending = True
        self._generation = 0
        self._reset_state()

    def _reset_state(self) -> None:
        self._boundaries: list[tuple | None] = [None]  # boundaries[p]: key after which page p starts
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
                return _t("This column can't be sorted.")
        if orientation == Qt.Vertical and role == Qt.DisplayRole:
            return str(section + 1)
        return None

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid() or index.row() >= self._count:
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        if role == Qt.DisplayRole:
            return self.columns[index.column()].format(row)
        if role == Qt.TextAlignmentRole:
            return int(self.columns[index.column()].align)
        if role == ORDER_ID_ROLE:
            return row.id
        if role == ROW_ROLE:
            return row
        if role == Qt.ToolTipRole and self.columns[index.column()].key == "placed_at":
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
        QueryOp(None, work).success(done).failure(failed).run()

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

    # -- internals ----------------------------------------------------------------------------
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
