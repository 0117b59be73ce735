"""Helpers shared by the inventory tabs: run a service off the UI thread and tell the window."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QTableView, QWidget
from shiboken6 import isValid

from ordermgr.ui.errors import show_error
from ordermgr.ui.ops import QueryOp, WriteOp


class InventoryTab(QWidget):
    """A tab that can read, write through a service, and publish what it changed."""

    def __init__(self, ctx, window=None, parent=None):
        super().__init__(parent)
        self.ctx, self.window_ = ctx, window

    def read(self, fn: Callable, done: Callable) -> QueryOp:
        def work():
            with self.ctx.engine.connect() as conn:
                return fn(conn)
        return QueryOp(self, work).success(alive(self, done)) \
            .failure(alive(self, lambda exc: show_error(self, exc))).run()

    def write(self, fn: Callable, done: Callable | None = None, *, label: str = "",
              failed: Callable | None = None) -> WriteOp:
        """Run `fn(uow)` on the writer thread; on success publish the changes, then `done`."""
        def work():
            uow = self.ctx.uow()
            return fn(uow), uow.changes

        def ok(result):
            value, changes = result
            if not isValid(self):
                return
            if self.window_ is not None and hasattr(self.window_, "publish"):
                self.window_.publish(changes)
            if done is not None:
                done(value)

        op = WriteOp(self, work, label=label).success(ok)
        op.failure(failed or (lambda exc: show_error(self, exc)))
        return op.run()


def alive(owner, fn: Callable) -> Callable:
    """`fn`, skipped if `owner` (a QObject) was deleted while the work ran."""
    def call(*args):
        if isValid(owner):
            fn(*args)
    return call


def fill_warehouses(combo: QComboBox, rows: list[tuple[int, str, str]], *,
                    all_label: str | None = None) -> None:
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    if all_label is not None:
        combo.addItem(all_label, None)
    for wh_id, code, name in rows:
        combo.addItem(f"{code} – {name}", wh_id)
    index = combo.findData(current)
    combo.setCurrentIndex(max(index, 0))
    combo.blockSignals(False)


def make_table(model) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QTableView.SelectRows)
    view.setAlternatingRowColors(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    view.setWordWrap(False)
    view.horizontalHeader().setStretchLastSection(True)
    return view
