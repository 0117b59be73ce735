"""The order desk: the "orders" area of the main window."""

from __future__ import annotations

from ordermgr.ui.orders.desk import OrderDesk
from ordermgr.ui.orders.model import OrderTableModel


def create(ctx, window):
    return OrderDesk(ctx, window)


__all__ = ["OrderDesk", "OrderTableModel", "create"]
