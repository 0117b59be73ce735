"""The exchange-rate table a manager maintains, and conversion of per-currency report figures.

`set_exchange_rate` is a service (permission, audit, one transaction); `rates_for` and `convert`
are the read side used by the reports.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation

from sqlalchemy import Connection, select

from ordermgr.db.uow import UnitOfWork
from ordermgr.errors import ValidationError
from ordermgr.models.money import check_currency
from ordermgr.models.reports import ExchangeRate


def parse_rate(value: object) -> Decimal:
    try:
        rate = Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        raise ValidationError(f"The exchange rate {value!r} is not a number.") from None
    if not rate.is_finite() or rate <= 0:
        raise ValidationError(f"The exchange rate {value} must be a positive number.")
    if rate.as_tuple().exponent < -8:
        raise ValidationError(f"The exchange rate {value} has more than eight decimals.")
    return rate


def set_exchange_rate(uow: UnitOfWork, *, currency: str, base_currency: str, rate: object,
                      valid_from: date) -> int:
    """Record 1 `currency` = `rate` `base_currency` from `valid_from` on (replacing that day's rate)."""
    currency, base_currency = check_currency(currency), check_currency(base_currency)
    if currency == base_currency:
        raise ValidationError("A currency converts to itself at 1; choose two different currencies.")
    value = parse_rate(rate)
    with uow:
        uow.require("settings.edit", "maintain exchange rates")
        row = uow.session.scalar(select(ExchangeRate).where(
            ExchangeRate.currency == currency, ExchangeRate.base_currency == base_currency,
            ExchangeRate.valid_from == valid_from))
        if row is None:
            row = ExchangeRate(currency=currency, base_currency=base_currency, valid_from=valid_from)
            uow.session.add(row)
        row.rate = format(value, "f")
        row.updated_by = uow.actor.user_id
        uow.session.flush()
        uow.audit("exchange_rate.set", "exchange_rate", row.id, currency=currency,
                  base=base_currency, rate=row.rate, valid_from=valid_from.isoformat())
        uow.commit()
        return row.id


def rates_for(conn: Connection, currencies: set[str], base: str, on: date) -> dict[str, tuple[Decimal, date]]:
    """{currency: (rate, valid_from)}: the latest rate on or before `on` for each currency.

    Raises ValidationError naming the currencies without a rate, so a report never silently
    drops or mixes money.
    """
    found: dict[str, tuple[Decimal, date]] = {}
    missing = []
    for cur in sorted(currencies):
        if cur == base:
            found[cur] = (Decimal(1), on)
            continue
        row = conn.execute(
            select(ExchangeRate.rate, ExchangeRate.valid_from)
            .where(ExchangeRate.currency == cur, ExchangeRate.base_currency == base,
                   ExchangeRate.valid_from <= on)
            .order_by(ExchangeRate.valid_from.desc()).limit(1)).first()
        if row is None:
            missing.append(cur)
        else:
            found[cur] = (Decimal(row.rate), row.valid_from)
    if missing:
        raise ValidationError(
            f"No exchange rate to {base} on or before {on} for {', '.join(missing)}. Add the rate "
            "(Reports → Exchange rates, or `ordermgr report rate`) or report per currency.")
    return found


def describe_rates(rates: dict[str, tuple[Decimal, date]], base: str) -> list[str]:
    return [f"1 {cur} = {rate} {base} (rate from {since})"
            for cur, (rate, since) in sorted(rates.items()) if cur != base]
