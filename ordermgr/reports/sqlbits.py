"""Dialect-specific SQL pieces in one place: date buckets, time differences, cents.

Every report query is built from these, so the same report runs on SQLite and PostgreSQL.
Buckets are 'YYYY-MM-DD' text (the first day of the day/week/month) on both databases; weeks
start on Monday (ISO).
"""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import BigInteger, Float, Integer, func, literal_column, type_coerce
from sqlalchemy.sql import ColumnElement

from ordermgr.models.money import from_storage



def bucket(dialect: str, column, grouping: str, utc_offset: int = 0) -> ColumnElement:
    """The first day of the column's day, ISO week or month, as 'YYYY-MM-DD', in the time zone
    `utc_offset` minutes east of UTC (stored times are UTC)."""
    offset = int(utc_offset)
    if dialect == "sqlite":
        shift = (f"{offset:+d} minutes",) if offset else ()
        if grouping == "day":
            return func.strftime("%Y-%m-%d", column, *shift)
        if grouping == "week":
            # 'weekday 0' moves forward to Sunday (or stays), -6 days is that week's Monday
            return func.date(column, *shift, "weekday 0", "-6 days")
        return func.strftime("%Y-%m-01", column, *shift)
    local = column.op("AT TIME ZONE")(literal_column("'UTC'"))
    if offset:
        local = local + literal_column(f"interval '{offset} minutes'")
    return func.to_char(func.date_trunc(grouping, local), "YYYY-MM-DD")


def hours_between(dialect: str, later, earlier) -> ColumnElement:
    """(later - earlier) in hours as a float; NULL if either is NULL."""
    if dialect == "sqlite":
        return type_coerce((func.julianday(later) - func.julianday(earlier)) * 24.0, Float)
    return type_coerce(func.extract("epoch", later - earlier) / 3600.0, Float)


def days_between(dialect: str, later, earlier) -> ColumnElement:
    return hours_between(dialect, later, earlier) / 24.0


def cents(column) -> ColumnElement:
    """An Amount column as its raw stored integer (thousandths; so SUM stays in integers)."""
    return type_coerce(column, BigInteger)


def sum_cents(expr) -> ColumnElement:
    return func.coalesce(func.sum(expr), 0)


def count_int(expr=None) -> ColumnElement:
    return type_coerce(func.count(expr) if expr is not None else func.count(), Integer)


def money(value) -> Decimal:
    """Stored integer minor units from an aggregate (int, Decimal or None) as Decimal units."""
    if value is None:
        return Decimal("0.00")
    return from_storage(value)


def ratio(numerator, denominator, places: str = "0.01") -> Decimal | None:
    if not denominator:
        return None
    return (Decimal(numerator) / Decimal(denominator)).quantize(Decimal(places))
