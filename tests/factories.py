"""Small builders for test data, going through the services like a user would."""

from __future__ import annotations

from dataclasses import dataclass

from ordermgr.db.uow import UnitOfWork
from ordermgr.services import catalog, stock
from ordermgr.services.order_entry import AddressInput, LineInput, create_order

ADDRESS = AddressInput(name="张伟", line1="建国路 88 号", city="北京", country="CN",
                       phone="138 0013 8000", postcode="100022")


@dataclass
class Catalog:
    main: int  # warehouse ids
    backup: int
    skus: dict[str, int]


def build_catalog(uow: UnitOfWork, stock_levels: dict[str, tuple[int, int]] | None = None) -> Catalog:
    """Two warehouses (MAIN first) and SKUs; stock_levels = {sku: (main on hand, backup on hand)}."""
    stock_levels = stock_levels or {"TEA-01": (10, 5), "CUP-02": (3, 0), "POT-03": (0, 4)}
    main = catalog.create_warehouse(uow, code="MAIN", name="Main warehouse", priority=1)
    backup = catalog.create_warehouse(uow, code="BACK", name="Backup warehouse", priority=2)
    skus = {}
    for i, (code, (in_main, in_backup)) in enumerate(stock_levels.items()):
        skus[code] = catalog.create_sku(uow, product=f"Product {code}", code=code,
                                        barcode=f"69000000{i:05d}", price="19.90", currency="CNY",
                                        threshold=2)
        with uow:
            for wh, qty in ((main, in_main), (backup, in_backup)):
                if qty:
                    stock.move(uow, skus[code], wh, "receive", on_hand=qty, reason="opening stock")
            uow.commit()
    return Catalog(main, backup, skus)


def place_order(uow: UnitOfWork, lines: dict[str, int], **kwargs) -> int:
    return create_order(uow, lines=[LineInput(sku, qty) for sku, qty in lines.items()],
                        address=kwargs.pop("address", ADDRESS),
                        customer_name=kwargs.pop("customer_name", "张伟"),
                        phone=kwargs.pop("phone", "13800138000"), **kwargs)
