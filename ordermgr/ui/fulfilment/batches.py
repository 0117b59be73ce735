"""Pick batches: start one from the allocated queue or from order numbers, see the selected
batch's pick list on screen, print it (and the batch's packing slips and labels) as PDF."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QLineEdit, QPushButton, QSpinBox, QSplitter,
                               QTableView, QVBoxLayout, QWidget)
from sqlalchemy import select
from sqlalchemy.orm import Session

from ordermgr.models import Order
from ordermgr.services import fulfilment
from ordermgr.ui.fulfilment.model import Col, PagedModel
from ordermgr.ui.fulfilment.picklist import PickListView, ask_pdf_path, write_batch_pdf
from ordermgr.ui.ops import WriteOp


class PickBatches(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.limit = QSpinBox(minimum=1, maximum=fulfilment.MAX_BATCH, value=100)
        self.selection = QLineEdit(placeholderText=self.tr("or order numbers, comma separated"))
        from_queue = QPushButton(self.tr("Start batch from allocated queue"))
        from_selection = QPushButton(self.tr("Start batch from these orders"))
        self.print_list = QPushButton(self.tr("Pick list PDF…"))
        self.print_docs = QPushButton(self.tr("Slips and labels PDF…"))
        self.model = PagedModel(ctx.engine, [
            Col(self.tr("Batch"), lambda r: r.number), Col(self.tr("Status"), lambda r: r.status),
            Col(self.tr("Created"), lambda r: f"{r.created_at:%Y-%m-%d %H:%M}"),
            Col(self.tr("Orders"), lambda r: r.orders, True)],
            fetch=fulfilment.batches_page, key=lambda r: r.id, parent=self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectRows)
        self.table.setSelectionMode(QTableView.SingleSelection)
        self.pick_list = PickListView(ctx.engine)
        self.split = QSplitter(Qt.Vertical)
        self.split.addWidget(self.table)
        self.split.addWidget(self.pick_list)
        self.split.setStretchFactor(1, 2)
        state = QSettings().value("fulfilment/batches_splitter")
        if state is not None:
            self.split.restoreState(state)
        self.split.splitterMoved.connect(lambda *_: QSettings().setValue(
            "fulfilment/batches_splitter", self.split.saveState()))
        self.ask_path = ask_pdf_path  # (parent, suggested name) -> path or None; tests swap it
        self.message = QLabel()
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Orders")))
        bar.addWidget(self.limit)
        bar.addWidget(from_queue)
        bar.addWidget(self.selection, 1)
        bar.addWidget(from_selection)
        prints = QHBoxLayout()
        prints.addStretch(1)
        prints.addWidget(self.print_list)
        prints.addWidget(self.print_docs)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.split, 1)
        layout.addWidget(self.message)
        layout.addLayout(prints)
        from_queue.clicked.connect(self.start_from_queue)
        from_selection.clicked.connect(self._start_from_selection)
        self.print_list.clicked.connect(lambda: self._print(pick_list=True))
        self.print_docs.clicked.connect(lambda: self._print(pick_list=False))
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.model.modelReset.connect(self.pick_list.clear_list)
        self.model.reload()

    def start_from_queue(self) -> None:
        ctx, limit = self.ctx, self.limit.value()
        WriteOp(self, lambda: fulfilment.create_pick_batch(ctx.uow(), queue="allocated",
                                                           limit=limit),
                label=self.tr("Starting the batch…")).success(self._started).run()

    def start_from_ids(self, order_ids: list[int]) -> None:
        """Start a batch from orders selected elsewhere (e.g. the orders area)."""
        ctx, ids = self.ctx, list(order_ids)
        WriteOp(self, lambda: fulfilment.create_pick_batch(ctx.uow(), ids),
                label=self.tr("Starting the batch…")).success(self._started).run()

    def _start_from_selection(self) -> None:
        numbers = [n.strip().lstrip("#") for n in self.selection.text().replace(";", ",").split(",")
                   if n.strip()]
        ctx = self.ctx

        def work():
            with Session(ctx.engine) as session:
                ids = list(session.scalars(select(Order.id).where(Order.number.in_(numbers))))
            if len(ids) != len(set(numbers)):
                from ordermgr.errors import NotFound
                raise NotFound("Some of these order numbers do not exist; check the list.")
            return fulfilment.create_pick_batch(ctx.uow(), ids)

        WriteOp(self, work, label=self.tr("Starting the batch…")).success(self._started).run()

    def _started(self, batch_id: int) -> None:
        self.message.setText(self.tr("Batch started; its orders are now being picked."))
        self.model.reload()
        self.pick_list.show_batch(batch_id)

    def select_batch(self, row: int) -> None:
        self.table.selectRow(row)

    def _selection_changed(self, *_args) -> None:
        rows = self.table.selectionModel().selectedRows()
        batch = self.model.row_at(rows[0].row()) if rows else None
        if batch is not None:
            self.pick_list.show_batch(batch.id)

    def _selected_batch(self):
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else self.model.row_at(0)

    def _print(self, *, pick_list: bool) -> None:
        batch = self._selected_batch()
        if batch is None:
            self.message.setText(self.tr("Start a batch first."))
            return
        name = f"{batch.number}-{'picklist' if pick_list else 'documents'}.pdf"
        path = self.ask_path(self, name)
        if path:
            self.write_pdf(batch.id, path, pick_list=pick_list)

    def write_pdf(self, batch_id: int, path: str, *, pick_list: bool):
        return write_batch_pdf(self, self.ctx.engine, batch_id, path, pick_list=pick_list).success(
            lambda p: self.message.setText(self.tr("Saved {0}").format(p))).run()
