"""The inventory area of the main window: stock table, adjustments, stocktakes, transfers, low
stock alerts and reorder suggestions, import and export."""

from __future__ import annotations

from ordermgr.ui.inventory.model import StockTableModel
from ordermgr.ui.inventory.page import InventoryPage


def create(ctx, window):
    return InventoryPage(ctx, window)


__all__ = ["InventoryPage", "StockTableModel", "create"]
