"""A keyset-paged table model for the fulfilment queues (batches, tracking, exceptions).

`fetch(session, after, limit)` returns rows in key order; `key(row)` gives the keyset to continue
after. Pages load off the UI thread, only as the user scrolls (canFetchMore/fetchMore).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from sqlalchemy.orm import Session

from ordermgr.ui.ops import QueryOp

PAGE = 200


@dataclass(frozen=True)
class Col:
    title: str
    value: Callable[[Any], object]
    numeric: bool = False


class PagedModel(QAbstractTableModel):
    loaded = Signal(int)  # rows now held

    def __init__(self, engine, columns: list[Col], fetch: Callable[[Session, Any, int], list],
                 key: Callable[[Any], Any], *, colour: Callable[[Any], str | None] | None = None,
                 parent=None):
        super().__init__(parent)
        self.engine, self.columns, self._fetch, self._key = engine, columns, fetch, key
        self._colour = colour
        self.rows: list = []
        self._more = True
        self._busy = False
        self._generation = 0

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if role == Qt.DisplayRole and orientation == Qt.Horizontal:
            return self.columns[section].title
        return None

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        row, col = self.rows[index.row()], self.columns[index.column()]
        if role == Qt.DisplayRole:
            value = col.value(row)
            return "" if value is None else str(value)
        if role == Qt.TextAlignmentRole and col.numeric:
            return int(Qt.AlignRight | Qt.AlignVCenter)
        if role == Qt.BackgroundRole and self._colour is not None:
            colour = self._colour(row)
            return QBrush(QColor(colour)) if colour else None
        return None

    def canFetchMore(self, parent=QModelIndex()) -> bool:
        return not parent.isValid() and self._more and not self._busy

    def fetchMore(self, parent=QModelIndex()) -> None:
        if self.canFetchMore(parent):
            self._load(self._key(self.rows[-1]) if self.rows else None)

    def reload(self) -> None:
        self._generation += 1
        self.beginResetModel()
        self.rows, self._more, self._busy = [], True, False
        self.endResetModel()
        self.fetchMore()

    def row_at(self, row: int):
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def _load(self, after) -> None:
        self._busy = True
        generation = self._generation

        def work():
            with Session(self.engine) as session:
                return self._fetch(session, after, PAGE)

        QueryOp(self, work).success(lambda rows: self._loaded(rows, generation)).failure(
            lambda exc: self._failed(exc, generation)).run()

    def _loaded(self, rows: list, generation: int) -> None:
        if generation != self._generation:
            return
        self._busy = False
        self._more = len(rows) == PAGE
        if rows:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(rows) - 1)
            self.rows.extend(rows)
            self.endInsertRows()
        self.loaded.emit(len(self.rows))

    def _failed(self, exc: BaseException, generation: int) -> None:
        if generation == self._generation:
            self._busy, self._more = False, False
        from ordermgr.ui.errors import show_error
        show_error(None, exc)
