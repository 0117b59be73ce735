"""Users, roles, permissions and the audit log."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Boolean, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ordermgr.models.base import Base, UTCDateTime, utcnow

ROLES = ("clerk", "agent", "supervisor", "manager", "admin")

# Permissions are named "area.verb". The seed below is what a fresh database gets; an admin may
# change a role's list in the roles table.
_CLERK = {"orders.view", "orders.confirm", "orders.hold", "orders.note", "orders.tag",
          "orders.fulfil", "orders.create", "orders.edit", "stock.view", "stock.count",
          "shipments.edit", "returns.view", "returns.receive", "customers.view"}
_AGENT = {"orders.view", "orders.note", "orders.tag", "orders.hold", "orders.create",
          "orders.edit", "orders.cancel", "customers.view", "customers.edit", "returns.view",
          "returns.request", "returns.approve", "payments.view", "payments.record",
          "payments.refund", "stock.view"}
_SUPERVISOR = _CLERK | _AGENT | {"orders.bulk", "orders.override", "stock.adjust",
                                 "stock.transfer", "returns.approve_any", "reports.view"}
_MANAGER = _SUPERVISOR | {"reports.view", "settings.edit", "stores.edit", "users.view",
                          "sync.run", "stock.import"}
ROLE_PERMISSIONS: dict[str, frozenset[str]] = {
    "clerk": frozenset(_CLERK),
    "agent": frozenset(_AGENT),
    "supervisor": frozenset(_SUPERVISOR),
    "manager": frozenset(_MANAGER),
    "admin": frozenset(_MANAGER | {"users.edit", "admin"}),
}


class Role(Base):
    __tablename__ = "roles"
    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    description: Mapped[str] = mapped_column(String(200), default="")
    permissions: Mapped[list] = mapped_column(JSON, default=list)


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(120), default="")
    role: Mapped[str] = mapped_column(ForeignKey("roles.name"))
    password_hash: Mapped[str | None] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class AuditEntry(Base):
    """Who did what, when, to which record. Written in the same transaction as the change."""

    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    action: Mapped[str] = mapped_column(String(64))
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[str] = mapped_column(String(64))
    details: Mapped[dict] = mapped_column(JSON, default=dict)


class Setting(Base):
    """Application-wide settings shared by every workstation (per-user UI state lives in QSettings)."""

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
