"""The order desk's actions: one table that gives each its label, shortcut, permission and the
state rule that enables it, so menus, toolbar, detail buttons and tests all agree."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP

from ordermgr.models.states import ORDER_MACHINE, OrderStatus
from ordermgr.services.order_edits import SPLIT_STATES, can_edit_lines, can_merge


@dataclass(frozen=True)
class ActionSpec:
    key: str
    label: str  # translated in the "OrderActions" context
    shortcut: str
    permission: str
    enabled: Callable[[list], bool]  # from the selected queue rows
    bulk: bool = False  # may run on many selected orders at once
    together: bool = False  # acts on the whole selection in one step (merge, pick batch)


def _one(rule: Callable[[str], bool]) -> Callable[[list], bool]:
    return lambda rows: len(rows) == 1 and rule(rows[0].status)


def _each(rule: Callable[[str], bool]) -> Callable[[list], bool]:
    """Enabled for a selection when at least one selected order allows it (the others are
    reported as refused)."""
    return lambda rows: bool(rows) and any(rule(r.status) for r in rows)


def machine(action: str) -> Callable[[str], bool]:
    return lambda status: ORDER_MACHINE.can(status, action)


ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("confirm", QT_TRANSLATE_NOOP("OrderActions", "&Confirm"), "Ctrl+Shift+C",
               "orders.confirm", _each(machine("confirm")), bulk=True),
    ActionSpec("hold", QT_TRANSLATE_NOOP("OrderActions", "Put on &hold…"), "Ctrl+Shift+H",
               "orders.hold", _each(machine("hold")), bulk=True),
    ActionSpec("release", QT_TRANSLATE_NOOP("OrderActions", "&Release"), "Ctrl+Shift+R",
               "orders.hold", _one(lambda s: s == OrderStatus.ON_HOLD)),
    ActionSpec("cancel", QT_TRANSLATE_NOOP("OrderActions", "Cance&l order…"), "Ctrl+Shift+X",
               "orders.cancel", _each(machine("cancel")), bulk=True),
    ActionSpec("note", QT_TRANSLATE_NOOP("OrderActions", "Add &note…"), "Ctrl+Shift+N",
               "orders.note", _one(lambda s: True)),
    ActionSpec("tags", QT_TRANSLATE_NOOP("OrderActions", "&Tags…"), "Ctrl+Shift+T",
               "orders.tag", lambda rows: bool(rows), bulk=True),
    ActionSpec("address", QT_TRANSLATE_NOOP("OrderActions", "Edit &address…"), "Ctrl+Shift+A",
               "orders.edit", _one(machine("edit_address"))),
    ActionSpec("lines", QT_TRANSLATE_NOOP("OrderActions", "Edit l&ines…"), "Ctrl+Shift+L",
               "orders.edit", _one(can_edit_lines)),
    ActionSpec("split", QT_TRANSLATE_NOOP("OrderActions", "&Split…"), "Ctrl+Shift+S",
               "orders.edit", _one(lambda s: s in SPLIT_STATES)),
    ActionSpec("merge", QT_TRANSLATE_NOOP("OrderActions", "&Merge"), "Ctrl+Shift+M",
               "orders.edit", can_merge, together=True),
    ActionSpec("pick", QT_TRANSLATE_NOOP("OrderActions", "Start &pick batch"), "Ctrl+Shift+P",
               "orders.fulfil", lambda rows: bool(rows) and all(
                   machine("start_picking")(r.status) for r in rows), together=True),
)
