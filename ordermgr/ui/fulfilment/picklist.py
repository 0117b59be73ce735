"""A batch's pick list on screen (the same services.fulfilment.pick_list data the PDF prints:
per warehouse and bin, the quantity of each SKU across the batch, then per order slot), and the
shared ways to ask where a batch PDF goes and to write it off the UI thread."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QTreeView, QWidget
from sqlalchemy.orm import Session

from ordermgr.reports import documents
from ordermgr.services import fulfilment
from ordermgr.ui import filedialogs
from ordermgr.ui.ops import QueryOp

QTY_COLUMN = 3


def ask_pdf_path(parent: QWidget | None, name: str) -> str | None:
    """A save-file dialog for a batch PDF, starting in the folder used last (remembered)."""
    settings = QSettings()
    folder = settings.value("fulfilment/pdf_folder", "")
    path = filedialogs.save_file(
        parent, QCoreApplication.translate("PickListView", "Save PDF"),
        str(Path(folder) / name) if folder else name,
        QCoreApplication.translate("PickListView", "PDF (*.pdf)"))
    if not path:
        return None
    settings.setValue("fulfilment/pdf_folder", str(Path(path).parent))
    return path


def write_batch_pdf(parent, engine, batch_id: int, path: str, *, pick_list: bool = True) -> QueryOp:
    """Write the batch's pick list (or its packing slips and labels) to `path`, off the UI
    thread; the op's success value is the saved Path."""
    def work(progress):
        with Session(engine) as session:
            if pick_list:
                data = documents.pick_list_pdf(fulfilment.pick_list(session, batch_id))
            else:
                docs = documents.load_order_documents(
                    session, fulfilment.batch_order_ids(session, batch_id))
                data = documents.documents_pdf(docs, progress=progress)
        return documents.save_pdf(data, path)

    return QueryOp(parent, work, label=QCoreApplication.translate("PickListView", "Writing the PDF…"),
                   wants_progress=True)


class PickListView(QTreeView):
    """Warehouse → bin/SKU row (total across the batch) → order slot (quantity for that order)."""

    def __init__(self, engine, parent=None):
        super().__init__(parent)
        self.engine = engine
        self.batch_id: int | None = None
        self.plist = None
        self._generation = 0
        self.tree = QStandardItemModel(self)
        self._headers()
        self.setModel(self.tree)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setEditTriggers(QTreeView.NoEditTriggers)
        header = self.header()
        header.setStretchLastSection(False)
        state = QSettings().value("fulfilment/picklist_header")
        if state is not None:
            header.restoreState(state)
        else:
            for column, width in enumerate((190, 140, 260, 70)):
                header.resizeSection(column, width)
        header.sectionResized.connect(self._save_header)
        header.sectionMoved.connect(self._save_header)

    def _headers(self) -> None:
        self.tree.setHorizontalHeaderLabels([
            self.tr("Warehouse / bin / order slot"), self.tr("SKU"), self.tr("Item"),
            self.tr("Quantity")])

    def _save_header(self, *_args) -> None:
        QSettings().setValue("fulfilment/picklist_header", self.header().saveState())

    def clear_list(self) -> None:
        self._generation += 1
        self.batch_id, self.plist = None, None
        self.tree.clear()
        self._headers()

    def show_batch(self, batch_id: int | None) -> QueryOp | None:
        """Load and show the pick list of a batch (None: empty)."""
        if batch_id is None:
            self.clear_list()
            return None
        self._generation += 1
        generation, engine = self._generation, self.engine
        self.batch_id = batch_id

        def work():
            with Session(engine) as session:
                return fulfilment.pick_list(session, batch_id)

        def done(plist) -> None:
            if generation == self._generation:
                self.show_list(plist)

        return QueryOp(self, work).success(done).run()

    def show_list(self, plist: fulfilment.PickList) -> None:
        self.plist = plist
        self.tree.clear()
        self._headers()
        root = self.tree.invisibleRootItem()
        for warehouse, rows in plist.by_warehouse().items():
            units = sum(r.total for r in rows)
            wh = self._row(root, self.tr("Warehouse {0}").format(warehouse), "",
                           self.tr("{0} SKUs").format(len(rows)), units, bold=True)
            for row in rows:
                item = self._row(wh[0], row.bin or self.tr("(no bin)"), row.sku, row.name,
                                 row.total, bold=True)
                for slot, number, qty in row.orders:
                    self._row(item[0], self.tr("[{0}] #{1}").format(slot, number), "", "", qty)
        self.expandAll()

    def _row(self, parent: QStandardItem, label: str, sku: str, name: str, qty: int, *,
             bold: bool = False) -> list[QStandardItem]:
        cells = [QStandardItem(label), QStandardItem(sku), QStandardItem(name),
                 QStandardItem(str(qty))]
        cells[QTY_COLUMN].setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
        if bold:
            for cell in (cells[0], cells[1], cells[QTY_COLUMN]):
                font = cell.font()
                font.setBold(True)
                cell.setFont(font)
        parent.appendRow(cells)
        return cells
