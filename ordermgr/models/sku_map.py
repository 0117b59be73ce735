"""Storefront SKUs mapped to catalogue SKUs: a line whose SKU is not in the catalogue waits until
a clerk maps it once; the mapping then serves every later order of that store."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ordermgr.models.base import Base, UTCDateTime, utcnow


class SkuMapping(Base):
    __tablename__ = "sku_mappings"
    __table_args__ = (UniqueConstraint("store_id", "remote_sku"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    store_id: Mapped[int] = mapped_column(ForeignKey("stores.id", ondelete="CASCADE"))
    remote_sku: Mapped[str] = mapped_column(String(64))  # the storefront's SKU (or variant id)
    sku_id: Mapped[int] = mapped_column(ForeignKey("skus.id"), index=True)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
