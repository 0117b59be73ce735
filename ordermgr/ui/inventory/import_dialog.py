"""Import products and stock levels: choose a file, see the preview and every bad row, then
import all of it (one transaction) or nothing."""

from __future__ import annotations

from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHBoxLayout, QLabel,
                               QLineEdit, QPushButton, QTabWidget, QVBoxLayout)

from ordermgr.services.stock_import import commit_import, preview_import
from ordermgr.ui import filedialogs
from ordermgr.ui.errors import show_error
from ordermgr.ui.inventory.common import InventoryTab, alive, make_table
from ordermgr.ui.inventory.model import ListTableModel
from ordermgr.ui.ops import QueryOp


class ImportDialog(QDialog):
    def __init__(self, ctx, window=None, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import products and stock"))
        self.resize(900, 560)
        self.ctx = ctx
        self.writer = InventoryTab(ctx, window, self)  # runs the commit and publishes it
        self.writer.hide()
        self.preview = None
        self.path = QLineEdit()
        self.path.setPlaceholderText(self.tr("An Excel (.xlsx) or CSV file"))
        browse = QPushButton(self.tr("Choose…"))
        top = QHBoxLayout()
        top.addWidget(self.path, 1)
        top.addWidget(browse)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.errors_model = ListTableModel(
            [self.tr("Line"), self.tr("Column"), self.tr("What is wrong")],
            [lambda e: e.line, lambda e: e.column, lambda e: e.message], self,
            state=lambda _e: "out")
        self.rows_model = ListTableModel(
            [self.tr("Line"), self.tr("SKU"), self.tr("Action"), self.tr("Warehouse"),
             self.tr("On hand"), self.tr("Change"), self.tr("Threshold")],
            [lambda r: r.line, lambda r: r.sku, lambda r: r.action, lambda r: r.warehouse or "",
             lambda r: "" if r.on_hand is None else r.on_hand,
             lambda r: f"{r.delta:+d}" if r.warehouse else "",
             lambda r: "" if r.threshold is None else r.threshold], self)
        self.tabs = QTabWidget()
        self.errors_view = make_table(self.errors_model)
        self.errors_view.setObjectName("importErrors")
        self.tabs.addTab(self.errors_view, self.tr("Errors"))
        self.tabs.addTab(make_table(self.rows_model), self.tr("Rows"))
        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(self.tr("Import all"), QDialogButtonBox.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.Close)
        self.import_button.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttons)
        browse.clicked.connect(self.choose)
        self.path.returnPressed.connect(lambda: self.load(self.path.text().strip()))
        self.buttons.rejected.connect(self.reject)
        self.import_button.clicked.connect(self.commit)

    def choose(self) -> None:
        path = filedialogs.open_file(self, self.tr("Import"),
                                     self.tr("Spreadsheets (*.xlsx *.csv)"))
        if path:
            self.path.setText(path)
            self.load(path)

    def load(self, path: str) -> None:
        """Read and check the file off the UI thread; nothing is written."""
        self.import_button.setEnabled(False)
        self.summary.setText(self.tr("Checking {0}…").format(path))

        def work():
            with self.ctx.engine.connect() as conn:
                return preview_import(conn, path)

        def failed(exc):
            self.summary.setText(str(exc))
            self.errors_model.set_rows([])
            self.rows_model.set_rows([])

        QueryOp(self, work).success(alive(self, self.show_preview)).failure(alive(self, failed)).run()

    def show_preview(self, preview) -> None:
        self.preview = preview
        self.errors_model.set_rows(preview.errors)
        self.rows_model.set_rows(preview.rows)
        if preview.error_count:
            self.summary.setText(self.tr("{0} rows can't be imported. Fix them in the file and "
                                         "load it again; nothing will be written until every row "
                                         "is right.").format(preview.error_count))
            self.tabs.setCurrentIndex(0)
        else:
            self.summary.setText(self.tr("Ready: {0}").format(preview.summary))
            self.tabs.setCurrentIndex(1)
        self.import_button.setEnabled(preview.ok)

    def commit(self) -> None:
        if self.preview is None or not self.preview.ok:
            return
        path = self.preview.path
        self.import_button.setEnabled(False)

        def done(result):
            self.summary.setText(self.tr("Imported {0} rows: {1} new SKUs, {2} stock movements.")
                                 .format(result.rows, result.created, result.movements))

        def failed(exc):
            show_error(self, exc)
            self.load(path)  # show what changed since the preview

        self.writer.write(lambda uow: commit_import(uow, path), done,
                          label=self.tr("Importing…"), failed=failed)
