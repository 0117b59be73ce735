"""Money: a Decimal amount with its currency. Never a float.

Amounts are stored as integer minor units (cents), so every supported currency has at most two
decimals; currencies with three (KWD, BHD, ...) are refused as unsupported rather than rounded.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation

from ordermgr.errors import ValidationError
from ordermgr.models.limits import ABSOLUTE_MAX_AMOUNT

# ISO 4217 currencies we accept, with their number of decimals.
CURRENCY_DECIMALS: dict[str, int] = {
    "CNY": 2, "USD": 2, "EUR": 2, "GBP": 2, "HKD": 2, "TWD": 2, "SGD": 2, "AUD": 2, "CAD": 2,
    "NZD": 2, "CHF": 2, "SEK": 2, "NOK": 2, "DKK": 2, "PLN": 2, "CZK": 2, "MXN": 2, "BRL": 2,
    "INR": 2, "THB": 2, "MYR": 2, "PHP": 2, "IDR": 2, "AED": 2, "ZAR": 2, "ILS": 2, "TRY": 2,
    "JPY": 0, "KRW": 0, "VND": 0, "HUF": 2, "RON": 2, "MOP": 2,
}

MINOR_UNITS = 100  # storage scale: amounts are kept as integer hundredths


def check_currency(code: str) -> str:
    code = (code or "").strip().upper()
    if code not in CURRENCY_DECIMALS:
        raise ValidationError(f"Unknown or unsupported currency {code!r}.")
    return code


def to_decimal(value: object, *, what: str = "amount") -> Decimal:
    """Parse user or payload input into a Decimal with at most two decimals."""
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
    if amount != amount.quantize(Decimal("0.01"), rounding=ROUND_HALF_EVEN):
        raise ValidationError(f"The {what} {value} has more than two decimals.")
    return amount.quantize(Decimal("0.01"))


@dataclass(frozen=True, slots=True)
class Money:
    amount: Decimal
    currency: str

    def __post_init__(self) -> None:
        if not isinstance(self.amount, Decimal):
            raise TypeError("Money needs a Decimal amount")

    @classmethod
    def of(cls, amount: object, currency: str) -> "Money":
        return cls(to_decimal(amount), check_currency(currency))

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
        places = CURRENCY_DECIMALS.get(self.currency, 2)
        return f"{self.amount:,.{places}f} {self.currency}"
