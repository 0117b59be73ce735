"""New orders typed in by staff (phone and B2B orders)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select, update

from ordermgr.addresses import check_country, check_postcode
from ordermgr.db.uow import UnitOfWork
from ordermgr.errors import ValidationError
from ordermgr.models import Counter, Customer, Order, OrderLine, Sku, utcnow
from ordermgr.models.limits import check_columns
from ordermgr.models.money import check_currency, to_decimal
from ordermgr.services.catalog import manual_store
from ordermgr.services.orders import _done


@dataclass(frozen=True)
class LineInput:
    sku: str  # code or barcode
    quantity: int
    unit_price: object | None = None  # default: the SKU's list price


@dataclass(frozen=True)
class AddressInput:
    name: str
    line1: str
    city: str
    country: str
    phone: str = ""
    line2: str = ""
    region: str = ""
    postcode: str = ""


def create_order(uow: UnitOfWork, *, lines: list[LineInput], address: AddressInput,
                 customer_id: int | None = None, customer_name: str = "", email: str = "",
                 phone: str = "", currency: str = "CNY", shipping: object = "0",
                 discount: object = "0", note: str = "") -> int:
    if not lines:
        raise ValidationError("Add at least one line to the order.")
    currency = check_currency(currency)
    shipping_value = to_decimal(shipping, currency, what="shipping")
    discount_value = to_decimal(discount, currency, what="discount")
    if shipping_value < 0 or discount_value < 0:
        raise ValidationError("Shipping and discount can't be negative.")
    if not address.line1.strip() or not address.city.strip():
        raise ValidationError("The address needs a street and a city.")
    country = check_country(address.country)
    postcode = check_postcode(country, address.postcode)
    check_columns(Order, {"customer_name": customer_name or address.name, "email": email,
                          "phone": phone, "note": note,
                          **{f"ship_{key}": value for key, value in vars(address).items()}})
    with uow:
        uow.require("orders.create", "create orders")
        customer = _customer(uow, customer_id, customer_name or address.name, email, phone)
        store = manual_store(uow)
        number = f"{store.code}{next_number(uow, 'order:' + store.code):06d}"
        order = Order(number=number, store_id=store.id, customer_id=customer.id,
                      customer_name=customer.name, email=customer.email, phone=customer.phone,
                      placed_at=utcnow(), currency=currency, shipping=shipping_value,
                      discount=discount_value, tax=Decimal("0.00"), note=note.strip(),
                      ship_name=address.name.strip(), ship_phone=address.phone.strip(),
                      ship_line1=address.line1.strip(), ship_line2=address.line2.strip(),
                      ship_city=address.city.strip(), ship_region=address.region.strip(),
                      ship_postcode=postcode, ship_country=country)
        for item in lines:
            sku = _find_sku(uow, item.sku)
            if sku.currency != currency and item.unit_price is None:
                raise ValidationError(f"{sku.code} is priced in {sku.currency}; enter its price in "
                                      f"{currency}.")
            line = OrderLine(sku_id=sku.id, sku=sku.code, name=sku.name, quantity=item.quantity,
                             unit_price=sku.price if item.unit_price is None
                             else to_decimal(item.unit_price, currency, what=f"price of {sku.code}"),
                             discount=Decimal("0.00"))
            line.price()
            order.lines.append(line)
        order.recompute_totals()
        order.refresh_search_text()
        order.record("created", f"Created by hand by {uow.actor.username}", by=uow.actor.user_id)
        uow.session.add(order)
        uow.session.flush()
        _done(uow, order, "order.create", total=str(order.total), currency=currency)
        return order.id


def _customer(uow: UnitOfWork, customer_id, name, email, phone) -> Customer:
    if customer_id is not None:
        customer = uow.session.get(Customer, customer_id)
        if customer is None:
            raise ValidationError(f"Customer {customer_id} does not exist.")
        return customer
    name = (name or "").strip()
    if not name:
        raise ValidationError("Enter the customer's name.")
    customer = Customer(name=name, email=(email or "").strip(), phone=(phone or "").strip())
    uow.session.add(customer)
    uow.session.flush()
    uow.changes.customers = True
    return customer


def _find_sku(uow: UnitOfWork, code: str) -> Sku:
    code = (code or "").strip()
    sku = uow.session.scalar(select(Sku).where((Sku.code == code) | (Sku.barcode == code)))
    if sku is None:
        raise ValidationError(f"No product has the SKU or barcode {code!r}.")
    return sku


def next_number(uow: UnitOfWork, name: str) -> int:
    """Atomically bump a named counter (safe with several workstations)."""
    value = uow.session.execute(update(Counter).where(Counter.name == name)
                                .values(value=Counter.value + 1).returning(Counter.value)).scalar()
    if value is None:
        uow.session.add(Counter(name=name, value=1))
        uow.session.flush()
        value = 1
    return value
