"""Stores, warehouses, products and SKUs."""

from __future__ import annotations

from sqlalchemy import select

from ordermgr.db.uow import UnitOfWork
from ordermgr.errors import ValidationError
from ordermgr.models import PLATFORMS, Product, Sku, StockLevel, Store, Warehouse
from ordermgr.models.inventory import parse_quantity
from ordermgr.models.limits import MAX_WEIGHT_GRAMS, check_amount
from ordermgr.models.money import check_currency, to_decimal


def create_store(uow: UnitOfWork, *, name: str, code: str, platform: str, currency: str,
                 base_url: str = "") -> int:
    name, code = (name or "").strip(), (code or "").strip().upper()
    if not name or not code:
        raise ValidationError("A store needs a name and a short code (used as order-number prefix).")
    if platform not in PLATFORMS:
        raise ValidationError(f"Unknown platform {platform!r}; choose one of {', '.join(PLATFORMS)}.")
    with uow:
        uow.require("stores.edit", "add stores")
        if uow.session.scalar(select(Store.id).where((Store.name == name) | (Store.code == code))):
            raise ValidationError(f"A store named {name} or with code {code} already exists.")
        store = Store(name=name, code=code, platform=platform, currency=check_currency(currency),
                      base_url=base_url.strip(), options={})
        uow.session.add(store)
        uow.session.flush()
        uow.audit("store.create", "store", store.id, name=name, platform=platform)
        uow.changes.stores = True
        uow.commit()
        return store.id


def manual_store(uow: UnitOfWork) -> Store:
    """The store that phone and B2B orders belong to; created on first use (inside a uow)."""
    store = uow.session.scalar(select(Store).where(Store.platform == "manual"))
    if store is None:
        store = Store(name="Phone & B2B", code="M", platform="manual", currency="CNY", options={})
        uow.session.add(store)
        uow.session.flush()
    return store


def create_warehouse(uow: UnitOfWork, *, code: str, name: str, priority: int = 100) -> int:
    code = (code or "").strip().upper()
    if not code or not (name or "").strip():
        raise ValidationError("A warehouse needs a code and a name.")
    with uow:
        uow.require("settings.edit", "add warehouses")
        if uow.session.scalar(select(Warehouse.id).where(Warehouse.code == code)):
            raise ValidationError(f"A warehouse with code {code} already exists.")
        wh = Warehouse(code=code, name=name.strip(), priority=priority)
        uow.session.add(wh)
        uow.session.flush()
        uow.audit("warehouse.create", "warehouse", wh.id, code=code)
        uow.commit()
        return wh.id


def create_sku(uow: UnitOfWork, *, product: str, code: str, price: object, currency: str,
               barcode: str | None = None, name: str | None = None, category: str = "",
               weight_grams: int = 0, cost: object | None = None, threshold: int = 0) -> int:
    code = (code or "").strip()
    if not code:
        raise ValidationError("A SKU needs a code.")
    price_value = check_amount(to_decimal(price, check_currency(currency), what="price"),
                               check_currency(currency), what=f"price of {code}")
    if price_value < 0:
        raise ValidationError(f"SKU {code}: the price can't be negative.")
    parse_quantity(weight_grams, what="weight", limit=MAX_WEIGHT_GRAMS)
    parse_quantity(threshold, what="threshold")
    with uow:
        uow.require("stock.import", "create products")
        if uow.session.scalar(select(Sku.id).where(Sku.code == code)):
            raise ValidationError(f"SKU {code} already exists.")
        prod = uow.session.scalar(select(Product).where(Product.name == product))
        if prod is None:
            prod = Product(name=product, category=category)
            uow.session.add(prod)
        sku = Sku(product=prod, code=code, barcode=barcode, name=name or product, price=price_value,
                  currency=check_currency(currency), weight_grams=weight_grams,
                  cost=to_decimal(cost, currency, what="cost") if cost is not None else None)
        uow.session.add(sku)
        uow.session.flush()
        for wh_id in uow.session.scalars(select(Warehouse.id)):
            uow.session.add(StockLevel(sku_id=sku.id, warehouse_id=wh_id, on_hand=0, reserved=0,
                                       threshold=threshold))
        uow.audit("sku.create", "sku", sku.id, code=code)
        uow.changes.stock = True
        uow.commit()
        return sku.id
