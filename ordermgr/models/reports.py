"""Exchange rates a manager maintains, so reports can convert money between currencies.

Reports never add amounts in different currencies; they show figures per currency, or convert
each currency with the rate recorded here (the rate used is printed on the report).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ordermgr.models.base import Base, UTCDateTime, utcnow


class ExchangeRate(Base):
    """1 unit of `currency` = `rate` units of `base_currency`, valid from `valid_from` on."""

    __tablename__ = "exchange_rates"
    __table_args__ = (UniqueConstraint("currency", "base_currency", "valid_from"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    currency: Mapped[str] = mapped_column(String(3))
    base_currency: Mapped[str] = mapped_column(String(3))
    # decimal text (e.g. "0.13850000"): exact on SQLite and PostgreSQL alike
    rate: Mapped[str] = mapped_column(String(32))
    valid_from: Mapped[date] = mapped_column(Date)
    updated_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
