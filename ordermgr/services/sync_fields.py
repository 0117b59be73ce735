"""Storefront edits to an order already imported: every field a clerk sees follows the
storefront's latest version, unless staff already acted on it.

A three-way comparison per group of fields: the storefront's previous version (the payload
received last time, mapped the same way), its latest, and what the order holds now.
- the storefront did not change the group: nothing to do (an edit made here stays);
- it changed, and nobody here acted on the group: the new values are applied, on the timeline;
- it changed, but staff changed the same fields here or already acted on them (a waybill
  printed for the address, packing started for the customer's note): nothing is overwritten;
  the order is flagged "exception" with both values on its timeline.
Tags merge instead: tags the storefront added are added, tags it removed are removed; tags set
here stay.
Lines are not followed here (`sync_import._line_changes` flags them for review).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ordermgr.models import Order, OrderStatus
from ordermgr.models.states import ORDER_SHIPPED_STATES

S = OrderStatus
ADDRESS = ("ship_name", "ship_given_name", "ship_family_name", "ship_phone", "ship_line1",
           "ship_line2", "ship_city", "ship_region", "ship_postcode", "ship_country")
BEING_PACKED = {S.PICKING, S.PACKED}
HOLD_WHEN_ADDRESS_BLOCKED = {S.ALLOCATED, S.PICKING, S.PACKED, S.AWAITING_FULFILMENT}


def _address_acted(order: Order) -> str:
    if any(s.waybill for s in order.shipments):
        return "the waybill was printed"
    if order.status == S.PACKED or order.status in ORDER_SHIPPED_STATES:
        return "the order was packed"
    return ""


def _note_acted(order: Order) -> str:
    if order.status in BEING_PACKED or order.status in ORDER_SHIPPED_STATES:
        return "picking started"
    return ""


@dataclass(frozen=True)
class Group:
    label: str
    fields: tuple[str, ...]
    acted: Callable[[Order], str] = lambda order: ""  # why staff already acted ("" if not)


GROUPS = (
    Group("shipping address", ADDRESS, _address_acted),
    Group("customer name", ("customer_name",)),
    Group("e-mail", ("email",)),
    Group("phone", ("phone",)),
    Group("customer note", ("note",), _note_acted),
    Group("amounts", ("shipping", "tax", "discount", "total", "prices_include_tax")),
)


@dataclass
class Conflict:
    """A storefront change that was not applied; the caller flags the order with it."""
    group: str
    message: str
    here: dict
    storefront: dict
    hold: str = ""  # put the order on hold with this reason ("" : don't)


def follow(order: Order, latest: dict, previous: dict | None, *, tags: set[str],
           previous_tags: set[str]) -> list[Conflict]:
    """Apply the storefront's changes in `latest` (an order row as the import maps it) over
    `previous` (the row of the version received before; None if unknown: then every
    difference counts as a storefront change and nothing as an edit made here). `tags`: the
    storefront's own tags, now and before (ordermgr's flags are not the storefront's to remove)."""
    conflicts = []
    for group in GROUPS:
        if not all(f in latest for f in group.fields):
            continue  # e.g. the storefront sent no address
        new = {f: latest[f] for f in group.fields}
        here = {f: getattr(order, f) for f in group.fields}
        base = {f: previous[f] for f in group.fields} if previous is not None else None
        if new == here or new == base:
            continue  # nothing new from the storefront
        edited_here = base is not None and here != base
        acted = group.acted(order)
        if edited_here or acted:
            conflicts.append(_conflict(order, group, here, new, acted or "it was edited here"))
            continue
        for f, value in new.items():
            setattr(order, f, value)
        order.record("edit", f"{group.label.capitalize()} updated from the storefront", by=None,
                     old=_plain(here), new=_plain(new))
    _follow_tags(order, tags, previous_tags)
    return conflicts


def _conflict(order: Order, group: Group, here: dict, new: dict, why: str) -> Conflict:
    shown = ", ".join(str(v) for v in new.values() if v not in ("", None))
    if group.fields == ADDRESS and why == "the waybill was printed":
        # worded as the clerks know it from before this module generalised it
        message = (f"The address was changed on the storefront after the waybill was printed. "
                   f"New address (not applied): {shown}")
    else:
        now = ", ".join(str(v) for v in here.values() if v not in ("", None))
        message = (f"The {group.label} was changed on the storefront after {why}; not applied. "
                   f"Storefront: {shown or '(empty)'}; here: {now or '(empty)'}")
    hold = ""
    if group.fields == ADDRESS and group.acted(order) and order.status in HOLD_WHEN_ADDRESS_BLOCKED:
        hold = "Address changed on the storefront after the waybill was printed"
    return Conflict(group.label, message, _plain(here), _plain(new), hold)


def _follow_tags(order: Order, theirs_now: set[str], theirs_before: set[str]) -> None:
    added, removed = theirs_now - theirs_before, theirs_before - theirs_now
    here = set(order.tag_list)
    wanted = (here - removed) | added
    if wanted != here:
        order.set_tags(sorted(wanted))
        order.record("edit", "Tags updated from the storefront", by=None,
                     old=sorted(here), new=sorted(wanted))


def _plain(values: dict) -> dict:
    """JSON-ready values for the timeline (amounts as text)."""
    return {k: v if isinstance(v, (str, int, type(None))) else str(v) for k, v in values.items()}
