"""The after-sales desk: the "returns" area of the main window."""

from __future__ import annotations

from ordermgr.ui.aftersales.desk import AfterSalesDesk


def create(ctx, window):
    return AfterSalesDesk(ctx, window)


__all__ = ["AfterSalesDesk", "create"]
