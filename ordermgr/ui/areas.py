"""The areas of the main window. Each area lives in its own module, imported when first opened,
which defines `create(ctx, window) -> QWidget`."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class Area:
    key: str
    title: str  # translated in the "Areas" context
    module: str


AREAS = (
    Area("orders", QT_TRANSLATE_NOOP("Areas", "Orders"), "ordermgr.ui.orders"),
    Area("inventory", QT_TRANSLATE_NOOP("Areas", "Inventory"), "ordermgr.ui.inventory"),
    Area("fulfilment", QT_TRANSLATE_NOOP("Areas", "Fulfilment"), "ordermgr.ui.fulfilment"),
    Area("returns", QT_TRANSLATE_NOOP("Areas", "Returns"), "ordermgr.ui.aftersales"),
    Area("customers", QT_TRANSLATE_NOOP("Areas", "Customers"), "ordermgr.ui.customers"),
    Area("reports", QT_TRANSLATE_NOOP("Areas", "Reports"), "ordermgr.ui.reports"),
    Area("sync", QT_TRANSLATE_NOOP("Areas", "Storefronts"), "ordermgr.ui.sync"),
    Area("settings", QT_TRANSLATE_NOOP("Areas", "Settings"), "ordermgr.ui.settings"),
)
