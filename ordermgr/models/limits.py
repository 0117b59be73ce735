"""Sane limits for numbers and texts that come from outside: imports, forms, storefront
payloads, the command line.

The database has its own limits (PostgreSQL INTEGER stops at 2^31, SQLite silently turns an
integer past 2^63 into a float, amounts are BIGINT minor units), and a typo of a few zeros is far
more likely than a real order of three billion units. Checking against these limits before
anything reaches the database turns both into one clear message naming the field.
"""

from __future__ import annotations

from decimal import Decimal

from ordermgr.errors import ValidationError

# Units on one order line, in one stock level, one movement, one count or one import row.
MAX_QUANTITY = 1_000_000
MAX_WEIGHT_GRAMS = 1_000_000  # one tonne per unit
MAX_DAYS = 3_650  # lead times, waiting periods

# The largest amount (in major units) of one price, line, order or refund, per currency.
# High-denomination currencies get more room; everything else shares the default.
DEFAULT_MAX_AMOUNT = Decimal("100000000")  # 100 million
MAX_AMOUNT_BY_CURRENCY: dict[str, Decimal] = {
    "JPY": Decimal("10000000000"), "HUF": Decimal("10000000000"),
    "KRW": Decimal("100000000000"), "VND": Decimal("1000000000000"),
    "IDR": Decimal("1000000000000"),
    # dinars, rials: worth more than a dollar each, so a lower ceiling catches the extra zeros
    "BHD": Decimal("10000000"), "JOD": Decimal("10000000"), "KWD": Decimal("10000000"),
    "OMR": Decimal("10000000"), "LYD": Decimal("100000000"), "TND": Decimal("100000000"),
    "IQD": Decimal("100000000000"),  # about 1,300 to the dollar
}
# Whatever the currency: keeps Decimal arithmetic exact and the stored thousandths (1e15 at
# most) far inside BIGINT (9.2e18), even summed over thousands of rows.
ABSOLUTE_MAX_AMOUNT = max(MAX_AMOUNT_BY_CURRENCY.values())

# Texts (the column sizes of the tables they go to).
MAX_SKU_CODE = 64
MAX_BARCODE = 64
MAX_NAME = 200
MAX_CATEGORY = 80
MAX_LONG_TEXT = 10_000  # notes and other unbounded (TEXT) columns

# Files read by imports: checked before reading, and read streaming.
MAX_IMPORT_BYTES = 64 * 1024 * 1024
MAX_IMPORT_ROWS = 200_000
MAX_LINE_CHARS = 64 * 1024  # one CSV line; longer is not a stock row
# An Excel file's table of distinct texts is read whole (by openpyxl, before the first row)
MAX_XLSX_STRINGS_BYTES = 20 * 1024 * 1024


def max_amount(currency: str) -> Decimal:
    return MAX_AMOUNT_BY_CURRENCY.get((currency or "").upper(), DEFAULT_MAX_AMOUNT)


def check_quantity(number: int, *, what: str = "quantity", limit: int = MAX_QUANTITY) -> int:
    """`number` (already a whole number) if its size is within `limit`, else a clear refusal."""
    if abs(number) > limit:
        raise ValidationError(f"The {what} {number:,} is more than the limit of {limit:,}; "
                              "check for a typo.")
    return number


def check_amount(amount: Decimal, currency: str, *, what: str = "amount") -> Decimal:
    limit = max_amount(currency)
    if abs(amount) > limit:
        raise ValidationError(f"The {what} {amount:,} {currency} is more than the limit of "
                              f"{limit:,} {currency}; check for a typo.")
    return amount


def check_text(value: str, *, what: str, limit: int) -> str:
    if len(value) > limit:
        raise ValidationError(f"The {what} is longer than {limit} characters.")
    if "\x00" in value:  # PostgreSQL refuses NUL in text; it is never meant
        raise ValidationError(f"The {what} contains a NUL character.")
    return value


def check_columns(model, values: dict[str, object]) -> None:
    """Texts meant for `model`'s columns fit them (PostgreSQL refuses a longer VARCHAR; SQLite
    would keep it and the next export or screen would choke on it)."""
    for name, value in values.items():
        if isinstance(value, str):
            length = getattr(model.__table__.c[name].type, "length", None)
            check_text(value.strip(), what=name.replace("_", " "), limit=length or MAX_LONG_TEXT)
