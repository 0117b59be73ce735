"""The fulfilment area: pick batches, packing station, waybill form, bulk waybill import and the
tracking/exceptions queue, one tab each (the last tab used is remembered)."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QTabWidget

from ordermgr.ui.fulfilment.batches import PickBatches
from ordermgr.ui.fulfilment.bulk import BulkWaybillImport
from ordermgr.ui.fulfilment.exceptions import TrackingQueue
from ordermgr.ui.fulfilment.packing import PackingStation
from ordermgr.ui.fulfilment.waybill import WaybillForm


class FulfilmentPage(QTabWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.batches = PickBatches(ctx, self)
        self.packing = PackingStation(ctx, self)
        self.waybill = WaybillForm(ctx, self)
        self.bulk = BulkWaybillImport(ctx, self)
        self.tracking = TrackingQueue(ctx, self)
        self.addTab(self.batches, self.tr("Pick batches"))
        self.addTab(self.packing, self.tr("Packing station"))
        self.addTab(self.waybill, self.tr("Waybills"))
        self.addTab(self.bulk, self.tr("Bulk waybill import"))
        self.addTab(self.tracking, self.tr("Tracking and exceptions"))
        self.setCurrentIndex(QSettings().value("fulfilment/tab", 0, type=int))
        self.currentChanged.connect(lambda i: QSettings().setValue("fulfilment/tab", i))
        self.waybill.shipped.connect(lambda _: self.tracking.reload())
        self.bulk.imported.connect(lambda _: self.tracking.reload())


def create(ctx, window):
    return FulfilmentPage(ctx, window)


__all__ = ["FulfilmentPage", "create"]
