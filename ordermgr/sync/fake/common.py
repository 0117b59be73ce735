"""Helpers shared by the platform renderers of the demo store."""

from __future__ import annotations

from datetime import datetime, timezone
from decimal import Decimal

from ordermgr.models.money import amount_quantum


def z(dt: datetime) -> str:
    """UTC with Z and milliseconds (GraphQL / Medusa style)."""
    return dt.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.") + f"{dt.microsecond // 1000:03d}Z"


def gmt(dt: datetime) -> str:
    """WooCommerce *_gmt: UTC without Z, seconds."""
    return dt.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S")


def s2(value: Decimal) -> str:
    return str(Decimal(value).quantize(Decimal("0.01")))


def money_text(value: Decimal, currency: str) -> str:
    """An amount as the shops write it: three decimals for a dinar, else two (also for yen)."""
    return str(Decimal(value).quantize(amount_quantum(currency)))


def parse_dt(text: str) -> datetime:
    text = text.strip().strip("'\"")
    if text.endswith("Z"):
        text = text[:-1] + "+00:00"
    dt = datetime.fromisoformat(text)
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=timezone.utc)
    return dt.astimezone(timezone.utc)
