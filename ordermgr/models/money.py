"""Money: a Decimal amount with its currency. Never a float.

The one rounding rule
---------------------
Every amount ordermgr keeps is exact to its currency's minor unit (ISO 4217 exponent: JPY, KRW,
VND 0 decimals; BHD, IQD, JOD, KWD, LYD, OMR, TND 3; the others here 2). Amounts that arrive
with more decimals from a storefront (Medusa does not round: taxes like 22.31858…, 195.132, totals like -6E-21) are rounded once, by
`round_minor(amount, currency)`: **half up, away from zero** (`ROUND_HALF_UP`), commercial
rounding: WooCommerce rounds with PHP's `round()` (half away from zero), Shopify rounds its
amounts to the cent with halves up, and a receipt or invoice printed from Medusa's unrounded
figures does the same, so our figure is the one the customer saw. Banker's rounding (half even)
would differ from the shop by a cent on exact halves. Negative amounts (refunds) round
symmetrically. Amounts typed by a person are never rounded: `to_decimal(text, currency)` refuses more
decimals than the currency has ("19.5 JPY" is an error, so is "19.999 USD" and "1.2345 KWD").

Storage
-------
Every amount is stored as integer thousandths (`MINOR_UNITS`, the `Amount` column type), so the
three-decimal dinars are exact. `to_storage` / `from_storage` are the one conversion, used by the
column type and by every raw SQL reader that sums those integers: a stored value that is a whole
number of hundredths reads back with two places (so every two-decimal amount prints exactly as it
always did), any other with three.

`format_money(amount, currency)` is the one way an amount is written for people: the currency's
own number of decimals and thousands separators ("1,980 JPY", "19.90 USD").
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from ordermgr.errors import ValidationError
from ordermgr.models.limits import ABSOLUTE_MAX_AMOUNT

# ISO 4217 currencies we accept, with their number of decimals (the minor-unit exponent).
CURRENCY_DECIMALS: dict[str, int] = {
    "CNY": 2, "USD": 2, "EUR": 2, "GBP": 2, "HKD": 2, "TWD": 2, "SGD": 2, "AUD": 2, "CAD": 2,
    "NZD": 2, "CHF": 2, "SEK": 2, "NOK": 2, "DKK": 2, "PLN": 2, "CZK": 2, "MXN": 2, "BRL": 2,
    "INR": 2, "THB": 2, "MYR": 2, "PHP": 2, "IDR": 2, "AED": 2, "ZAR": 2, "ILS": 2, "TRY": 2,
    "JPY": 0, "KRW": 0, "VND": 0, "HUF": 2, "RON": 2, "MOP": 2,
    "BHD": 3, "IQD": 3, "JOD": 3, "KWD": 3, "LYD": 3, "OMR": 3, "TND": 3,
}

MINOR_UNITS = 1000  # storage scale: amounts are kept as integer thousandths
ROUNDING = ROUND_HALF_UP
_QUANTA = {places: Decimal(1).scaleb(-places) for places in range(0, 4)}
_HUNDREDTHS = MINOR_UNITS // 100  # stored units per cent


def to_storage(amount: Decimal) -> int:
    """`amount` as the integer thousandths an `Amount` column keeps; more decimals is an error."""
    scaled = Decimal(amount) * MINOR_UNITS
    if scaled != scaled.to_integral_value():
        raise ValueError(f"amount {amount} has more than three decimals")
    return int(scaled)


def from_storage(value: int) -> Decimal:
    """Stored integer thousandths (a column value or a raw SQL SUM of them) as a Decimal: two
    places when it is a whole number of hundredths, else three."""
    value = int(value)
    if value % _HUNDREDTHS == 0:  # (scaleb: exact and cheap, exports convert millions of these)
        return Decimal(value // _HUNDREDTHS).scaleb(-2)
    return Decimal(value).scaleb(-3)


def check_currency(code: str) -> str:
    code = (code or "").strip().upper()
    if code not in CURRENCY_DECIMALS:
        raise ValidationError(f"Unknown or unsupported currency {code!r}.")
    return code


def decimals(currency: str | None) -> int:
    """How many decimals the currency has (2 for an unknown or missing one)."""
    return CURRENCY_DECIMALS.get((currency or "").upper(), 2)


def minor_unit(currency: str | None) -> Decimal:
    """The smallest amount of the currency: 1 for JPY, 0.01 for USD."""
    return _QUANTA[decimals(currency)]


_ZERO = Decimal("0.00")
_ZERO3 = Decimal("0.000")


def amount_quantum(currency: str | None) -> Decimal:
    """The places amounts of the currency are kept with: 0.001 for a three-decimal currency,
    else 0.01 (whole-number currencies too)."""
    return _QUANTA[3] if decimals(currency) == 3 else _QUANTA[2]


def round_minor(amount: Decimal, currency: str | None) -> Decimal:
    """`amount` rounded half up (away from zero) to the currency's minor unit, as a Decimal
    with three places for a three-decimal currency, else two. -0 becomes 0. The one rounding
    rule for amounts."""
    places = CURRENCY_DECIMALS.get(currency, 2) if currency else 2  # (a hot path when syncing)
    rounded = amount.quantize(_QUANTA[places], rounding=ROUNDING)
    if places == 3:
        return rounded if rounded else _ZERO3
    if not rounded:
        return _ZERO  # also for -0 and -6E-21
    return rounded if places == 2 else rounded.quantize(_QUANTA[2])


def to_decimal(value: object, currency: str | None = None, *, what: str = "amount") -> Decimal:
    """Parse an amount a person typed (or a trusted number) into a Decimal with two places
    (three for a three-decimal currency).

    Nothing is rounded: more decimals than `currency` has (two when no currency is given) is an
    error that says how many are allowed."""
    return _parse(value, decimals(currency), currency, what)


def to_decimal_before_currency(value: object, *, what: str = "amount") -> Decimal:
    """`to_decimal` for a service's first look, before it has loaded the order whose currency
    decides: up to three decimals. The service parses again with the currency."""
    return _parse(value, 3, None, what)


_WORDS = {2: "two", 3: "three"}


def _parse(value: object, places: int, currency: str | None, what: str) -> Decimal:
    if isinstance(value, float):
        # floats reach us only from JSON payloads; go through repr so 19.99 stays 19.99
        value = repr(value)
    try:
        amount = Decimal(str(value).strip().replace(",", "")) if value is not None else None
    except (InvalidOperation, ValueError):
        amount = None
    if amount is None or not amount.is_finite():
        raise ValidationError(f"The {what} {value!r} is not a number.")
    if abs(amount) > ABSOLUTE_MAX_AMOUNT:  # before quantize, which fails past 28 digits
        raise ValidationError(f"The {what} {value} is more than the limit of "
                              f"{ABSOLUTE_MAX_AMOUNT:,}; check for a typo.")
    if amount != amount.quantize(_QUANTA[places], rounding=ROUNDING):
        if currency and places == 0:
            raise ValidationError(f"The {what} {value} has decimals, but {currency.upper()} "
                                  "amounts are whole numbers.")
        where = f" (the most {currency.upper()} amounts have)" if currency else ""
        raise ValidationError(f"The {what} {value} has more than {_WORDS[places]} "
                              f"decimals{where}.")
    if currency is None and amount == amount.quantize(_QUANTA[2]):
        places = 2  # (no currency yet: a two-decimal amount reads as it always did)
    return (amount + 0).quantize(_QUANTA[max(places, 2)])


def format_money(amount: Decimal | int | None, currency: str | None, *,
                 with_code: bool = True) -> str:
    """'1,980 JPY', '19.90 USD': the currency's own decimals; '' for no amount."""
    if amount is None:
        return ""
    text = f"{Decimal(amount):,.{decimals(currency)}f}"
    return f"{text} {currency}" if with_code and currency else text


def plain_amount(amount: Decimal, currency: str | None) -> str:
    """An amount for an input field: the currency's decimals, no separators ('1980', '19.90')."""
    return f"{Decimal(amount):.{decimals(currency)}f}"


@dataclass(frozen=True, slots=True)
class Money:
    amount: Decimal
    currency: str

    def __post_init__(self) -> None:
        if not isinstance(self.amount, Decimal):
            raise TypeError("Money needs a Decimal amount")

    @classmethod
    def of(cls, amount: object, currency: str) -> "Money":
        currency = check_currency(currency)
        return cls(to_decimal(amount, currency), currency)

    def _same(self, other: "Money") -> None:
        if self.currency != other.currency:
            raise ValidationError(f"Cannot combine {self.currency} and {other.currency} amounts.")

    def __add__(self, other: "Money") -> "Money":
        self._same(other)
        return Money(self.amount + other.amount, self.currency)

    def __sub__(self, other: "Money") -> "Money":
        self._same(other)
        return Money(self.amount - other.amount, self.currency)

    def __mul__(self, qty: int) -> "Money":
        return Money(self.amount * qty, self.currency)

    def __str__(self) -> str:
        return format_money(self.amount, self.currency)
