"""After-sales use cases: open a case (return, refund only, exchange, re-ship, parcel intercept,
complaint), approve or reject it within one's limit, receive and inspect the goods, refund,
exchange or re-ship, close or cancel; plus the desk's settings and the read side (queues,
counts, the approval form's figures, Customer 360).

Every step goes through the case's state machine (models.states.RETURN_MACHINE), lands on the
order's timeline and the case's history, is audited, and is checked against the version the
user saw (`expected_version`). Steps lock the order row first, so two workstations acting on the
same order at once are serialised (and the second sees the first's result).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal

from sqlalchemy import and_, exists, false, func, not_, or_, select, update
from sqlalchemy.orm import Session

from ordermgr.db.uow import UnitOfWork
from ordermgr.errors import ConflictError, InvalidTransition, NotFound, ValidationError
from ordermgr.models import (Customer, Order, OrderLine, OrderStatus, Payment, PaymentStatus,
                             ReturnCase, ReturnLine, ReturnStatus, ReturnType, Setting, Shipment,
                             Sku, User, Warehouse, utcnow)
from ordermgr.models.aftersales import (DEFAULT_REASON_CODES, DEFAULT_SLA_HOURS,
                                        MAX_ATTACHMENT, ApprovalLimit, CaseAttachment, ReasonCode,
                                        Refund, SlaSetting)
from ordermgr.models.money import (amount_quantum, check_currency, from_storage, to_decimal,
                                   to_decimal_before_currency)
from ordermgr.models.returns import (GOODS_BACK_KINDS, INSPECTION_RESULTS,
                                     KIND_LABELS, check_returnable, line_refund_value, quote_refund)
from ordermgr.models.states import (ORDER_SHIPPED_STATES, REFUND_DONE_STATES,
                                    REFUND_PENDING_STATES, RETURN_MACHINE, RefundStatus)
from ordermgr.services import approval_rules, refunds, stock
from ordermgr.services.refunds import ZERO, money
from ordermgr.services.stock import Ref

R = ReturnStatus
T = ReturnType
KINDS = tuple(T)
NEEDS_SHIPPED = frozenset({T.RETURN_REFUND, T.EXCHANGE, T.RESHIP, T.INTERCEPT})
UNRECEIVED = (R.REQUESTED, R.APPROVED, R.AWAITING_GOODS)  # claims not yet in quantity_returned
INTERCEPT_OUTCOMES = ("requested", "stopped", "returned", "delivered", "failed")


@dataclass(frozen=True)
class CaseLineInput:
    """A line of a new case: the order line (by id or SKU), how many, why."""

    quantity: int
    reason_code: str = ""
    order_line_id: int | None = None
    sku: str = ""
    note: str = ""


# -- loading and the common tail of every step ----------------------------------------------------

def _load(uow: UnitOfWork, case_id: int, expected_version: int | None = None
          ) -> tuple[ReturnCase, Order]:
    head = uow.session.execute(select(ReturnCase.order_id).where(ReturnCase.id == case_id)).first()
    if head is None:
        raise NotFound(f"Return case {case_id} does not exist.")
    order = uow.get_order(head.order_id, lock=True)  # serialises every step on this order
    case = uow.session.get(ReturnCase, case_id, with_for_update=True, populate_existing=True)
    if expected_version is not None and case.version != expected_version:
        raise ConflictError(
            f"{case.subject} (order #{order.number}) was changed by someone else since you opened "
            f"it (it is now {case.status.replace('_', ' ')}). Review it and try again.",
            current_version=case.version)
    return case, order


def _apply(case: ReturnCase, order: Order, action: str, *, by: int | None, note: str = "") -> None:
    RETURN_MACHINE.next(case.status, action, subject=f"{case.subject} (order #{order.number})")
    if case.status in WAITING_ON_OTHERS and case.due_at and case.status_changed_at:
        case.due_at += utcnow() - case.status_changed_at  # the clock was paused while we waited
    case.apply(action, by=by, note=note)


def _resume_clock(case: ReturnCase) -> None:
    """An intercept stops waiting on the carrier: its due time moves on by the wait (since the
    outcome was recorded), unless the case's own state was paused meanwhile (counted there)."""
    if not case.due_at or case.status in WAITING_ON_OTHERS:
        return
    since = next((entry["at"] for entry in reversed(case.history or [])
                  if entry.get("action") == f"intercept_{case.intercept_outcome}"), None)
    if since:
        started = max(datetime.fromisoformat(since), case.status_changed_at or case.requested_at)
        case.due_at += max(utcnow() - started, timedelta(0))


def _record(uow: UnitOfWork, case: ReturnCase, order: Order, action: str, message: str,
            **details) -> None:
    order.record("return", f"{case.number}: {message}", by=uow.actor.user_id, case=case.number,
                 action=action)
    uow.audit(f"return.{action}", "return", case.id, number=case.number, order=order.number,
              **details)
    uow.changes.returns.add(case.id)
    uow.changed_order(order)


def _finish(uow: UnitOfWork, case: ReturnCase, order: Order, action: str, message: str,
            **details) -> None:
    _record(uow, case, order, action, message, **details)
    uow.commit()


# -- settings: reason codes, SLA hours, approval limits -----------------------------------------

def reason_codes(conn, kind: str | None = None, *, include_inactive: bool = False) -> list[ReasonCode]:
    rows = conn.execute(select(ReasonCode.code, ReasonCode.label, ReasonCode.kinds, ReasonCode.active,
                               ReasonCode.position).order_by(ReasonCode.position, ReasonCode.code)).all()
    if not rows:  # an emptied table falls back to the seeded list rather than blocking every case
        rows = [ReasonCode(code=c, label=label, kinds=k, active=True, position=i)
                for i, (c, label, k) in enumerate(DEFAULT_REASON_CODES)]
    out = []
    for r in rows:
        if not include_inactive and not r.active:
            continue
        kinds = [k for k in r.kinds.split(",") if k]
        if kind and kinds and kind not in kinds:
            continue
        out.append(ReasonCode(code=r.code, label=r.label, kinds=r.kinds, active=r.active,
                              position=r.position))
    return out


def _check_reason(uow: UnitOfWork, code: str, kind: str, subject: str) -> str:
    code = (code or "").strip()
    allowed = {r.code for r in reason_codes(uow.session, kind)}
    if code not in allowed:
        raise ValidationError(f"{subject}: {code or '(none)'!s} is not a reason code for a "
                              f"{KIND_LABELS[kind]}; choose one of {', '.join(sorted(allowed))}.")
    return code


def save_reason_code(uow: UnitOfWork, code: str, *, label: str, kinds: Iterable[str] = (),
                     active: bool = True) -> None:
    code, label = (code or "").strip().lower(), (label or "").strip()
    if not code or not label or len(code) > 40 or " " in code:
        raise ValidationError("A reason code needs a short code (no spaces, at most 40 characters) "
                              "and a label.")
    kinds = [k for k in kinds if k]
    bad = [k for k in kinds if k not in KINDS]
    if bad:
        raise ValidationError(f"Unknown case types: {', '.join(bad)}.")
    with uow:
        uow.require("settings.edit", "maintain return reason codes")
        row = uow.session.get(ReasonCode, code)
        if row is None:
            position = uow.session.scalar(select(func.coalesce(func.max(ReasonCode.position), 0))) + 1
            row = ReasonCode(code=code, position=position)
            uow.session.add(row)
        row.label, row.kinds, row.active = label, ",".join(kinds), active
        uow.audit("settings.reason_code", "reason_code", code, label=label, kinds=kinds, active=active)
        uow.commit()


def sla_hours(conn) -> dict[str, int]:
    found = dict(conn.execute(select(SlaSetting.kind, SlaSetting.hours)).all())
    return {kind: found.get(kind, DEFAULT_SLA_HOURS.get(kind, 48)) for kind in KINDS}


def set_sla_hours(uow: UnitOfWork, kind: str, hours: int) -> None:
    """A manager sets the hours a case type may stay open; open cases get their new due time."""
    if kind not in KINDS:
        raise ValidationError(f"Unknown case type {kind!r}.")
    if not isinstance(hours, int) or not 1 <= hours <= 24 * 60:
        raise ValidationError("SLA hours must be a whole number from 1 to 1440.")
    with uow:
        uow.require("settings.edit", "set after-sales SLA hours")
        row = uow.session.get(SlaSetting, kind)
        old = row.hours if row else None
        if row is None:
            row = SlaSetting(kind=kind, hours=hours)
            uow.session.add(row)
        row.hours = hours
        # open cases of this kind move their due time by the change (keeping any paused time)
        delta = hours - (old if old is not None else DEFAULT_SLA_HOURS.get(kind, 48))
        if uow.engine.dialect.name == "postgresql":
            due = ReturnCase.due_at + func.make_interval(0, 0, 0, 0, delta)
        else:  # SQLite keeps UTC as text; strftime shifts it and keeps it comparable
            due = func.strftime("%Y-%m-%d %H:%M:%f", ReturnCase.due_at, f"{delta:+d} hours")
        uow.session.execute(update(ReturnCase)
                            .where(ReturnCase.kind == kind, ReturnCase.status.in_(list(OPEN_STATES)),
                                   ReturnCase.due_at.is_not(None))
                            .values(due_at=due).execution_options(synchronize_session=False))
        uow.audit("settings.sla_hours", "sla", kind, old=old, new=hours)
        uow.commit()


approval_limits = approval_rules.approval_limits


def set_approval_limit(uow: UnitOfWork, role: str, amount: object | None) -> None:
    """A manager sets how much a role may approve, in the limit currency (None: no limit)."""
    from ordermgr.models import ROLES
    if role not in ROLES:
        raise ValidationError(f"Unknown role {role!r}; choose one of {', '.join(ROLES)}.")
    with uow:
        uow.require("settings.edit", "set approval limits")
        currency = approval_rules.limit_currency(uow.session)
        value = None if amount in (None, "") else to_decimal(amount, currency, what="approval limit")
        if value is not None and value < 0:
            raise ValidationError("An approval limit can't be negative.")
        row = uow.session.get(ApprovalLimit, role)
        old = row.max_amount if row else None
        if row is None:
            row = ApprovalLimit(role=role)
            uow.session.add(row)
        row.max_amount = value
        uow.audit("settings.approval_limit", "role", role, old=old, new=value, currency=currency)
        uow.commit()


def set_limit_currency(uow: UnitOfWork, currency: str) -> None:
    """A manager chooses the currency approval limits are kept in (cases in other currencies
    are converted through the stored exchange rates)."""
    currency = check_currency(currency)
    with uow:
        uow.require("settings.edit", "set approval limits")
        row = uow.session.get(Setting, approval_rules.LIMIT_CURRENCY_KEY)
        old = row.value if row else approval_rules.DEFAULT_LIMIT_CURRENCY
        if row is None:
            row = Setting(key=approval_rules.LIMIT_CURRENCY_KEY, value=currency)
            uow.session.add(row)
        row.value = currency
        uow.audit("settings.limit_currency", "setting", approval_rules.LIMIT_CURRENCY_KEY,
                  old=old, new=currency)
        uow.commit()


# -- opening a case -----------------------------------------------------------------------------

def _claimed(session: Session, order_id: int, exclude: int | None = None) -> dict[int, int]:
    """Units of each order line claimed by live goods-back cases not yet received."""
    stmt = (select(ReturnLine.order_line_id, func.sum(ReturnLine.quantity))
            .join(ReturnCase, ReturnCase.id == ReturnLine.return_id)
            .where(ReturnCase.order_id == order_id, ReturnCase.kind.in_(list(GOODS_BACK_KINDS)),
                   ReturnCase.status.in_(UNRECEIVED))
            .group_by(ReturnLine.order_line_id))
    if exclude:
        stmt = stmt.where(ReturnCase.id != exclude)
    return {k: int(v) for k, v in session.execute(stmt).all()}


def returnable_quantities(session: Session, order: Order) -> dict[int, int]:
    claimed = _claimed(session, order.id)
    return {line.id: max(line.quantity_shipped - line.quantity_returned - claimed.get(line.id, 0), 0)
            for line in order.lines}


def _resolve_lines(uow: UnitOfWork, order: Order, kind: str, lines: Iterable[CaseLineInput]
                   ) -> list[ReturnLine]:
    by_id = {line.id: line for line in order.lines}
    claimed = _claimed(uow.session, order.id)
    wanted: dict[int, int] = {}
    out = []
    for item in lines:
        line = by_id.get(item.order_line_id) if item.order_line_id else next(
            (ol for ol in order.lines if item.sku and ol.sku == item.sku.strip()), None)
        if line is None:
            raise ValidationError(f"{order.subject} has no line {item.sku or item.order_line_id}.")
        what = f"{order.subject}, {line.sku or line.name}"
        if not isinstance(item.quantity, int):
            raise ValidationError(f"{what}: the quantity must be a whole number.")
        wanted[line.id] = wanted.get(line.id, 0) + item.quantity
        if kind in GOODS_BACK_KINDS:
            check_returnable(line.quantity_shipped, line.quantity_returned + claimed.get(line.id, 0),
                             wanted[line.id], what=what)
        elif kind == T.RESHIP:
            check_returnable(line.quantity_shipped, 0, wanted[line.id], what=what)
        else:
            check_returnable(line.quantity, 0, wanted[line.id], what=what)
        reason = _check_reason(uow, item.reason_code, kind, what)
        out.append(ReturnLine(order_line_id=line.id, quantity=item.quantity, reason_code=reason,
                              note=(item.note or "").strip()))
    return out


def _quote(uow: UnitOfWork, order: Order, case_lines: list[ReturnLine], *, include_shipping: bool,
           restocking_fee: Decimal, exclude_case: ReturnCase | None = None):
    """What the lines would refund. `exclude_case`: the case being approved, whose own live
    refunds (none yet, normally) don't count as already refunded."""
    room = refunds.refundable(uow.session, order.id)
    already = room.refunded - (refunds.live_on_case(uow.session, exclude_case.id)
                               if exclude_case is not None else ZERO)
    by_id = {line.id: line for line in order.lines}
    return quote_refund([(by_id[c.order_line_id].total, by_id[c.order_line_id].quantity, c.quantity)
                         for c in case_lines], shipping=order.shipping,
                        include_shipping=include_shipping, restocking_fee=restocking_fee,
                        paid=room.paid, already_refunded=already, currency=order.currency)


def _rule(uow: UnitOfWork, order: Order, quote, *, subject: str, approving: bool,
          own_request: bool = False) -> approval_rules.Rule:
    return approval_rules.load_rule(uow.session, subject=subject, currency=order.currency,
                                    paid=quote.paid, already_refunded=quote.already_refunded,
                                    actor=uow.actor if approving else None,
                                    own_request=own_request, on=utcnow().date())


def _check(rule: approval_rules.Rule, amount: Decimal, quote, *, computed: Decimal, reason: str,
           unchanged: Decimal | None = None, approving: bool) -> None:
    """Raise the first problem the one approval rule finds (validation before permission)."""
    problems = rule.check(amount, computed=computed, goods=quote.lines, shipping=quote.shipping,
                          fee=quote.restocking_fee, reason=reason, unchanged=unchanged,
                          approving=approving)
    for problem in sorted(problems, key=lambda p: p.permission):
        problem.raise_()


def open_case(uow: UnitOfWork, order_id: int, *, kind: str, lines: Iterable[CaseLineInput] = (),
              reason: str = "", note: str = "", refund_amount: object | None = None,
              refund_shipping: bool = False, restocking_fee: object = "0", amount_reason: str = "",
              external_id: str | None = None, expected_version: int | None = None) -> int:
    """Open an after-sales case on an order; returns its id."""
    with uow:
        uow.require("returns.request", "open return cases")
        order = uow.get_order(order_id, expected_version=expected_version, lock=True)
        case = _open(uow, order, kind=kind, lines=lines, reason=reason, note=note,
                     refund_amount=refund_amount, refund_shipping=refund_shipping,
                     restocking_fee=restocking_fee, amount_reason=amount_reason,
                     external_id=external_id)
        _finish(uow, case, order, "open", f"{KIND_LABELS[case.kind].capitalize()} case opened"
                f"{' (refund ' + money(case.refund_amount, case.currency) + ')' if case.refund_amount else ''}",
                kind=case.kind, amount=str(case.refund_amount or ZERO))
        return case.id


def _open(uow: UnitOfWork, order: Order, *, kind: str, lines, reason: str, note: str,
          refund_amount, refund_shipping: bool, restocking_fee, amount_reason: str,
          external_id: str | None, check_lines: bool = True) -> ReturnCase:
    if kind not in KINDS:
        raise ValidationError(f"Unknown case type {kind!r}; choose one of {', '.join(KINDS)}.")
    lines = list(lines)
    if kind in NEEDS_SHIPPED and order.status not in ORDER_SHIPPED_STATES:
        raise ValidationError(f"{order.subject} is {order.status.replace('_', ' ')}; a "
                              f"{KIND_LABELS[kind]} needs goods that have left the warehouse. "
                              "Cancel or edit the order instead.")
    problem = approval_rules.missing_lines(order.subject, kind, KIND_LABELS[kind], bool(lines))
    if problem:
        problem.raise_()
    if kind == T.INTERCEPT and not lines:
        lines = [CaseLineInput(order_line_id=ol.id, quantity=ol.quantity_shipped - ol.quantity_returned,
                               reason_code="cancelled_after_dispatch")
                 for ol in order.lines if ol.quantity_shipped - ol.quantity_returned > 0]
    case_lines = _resolve_lines(uow, order, kind, lines) if check_lines else lines
    reason = (reason or "").strip()
    if not case_lines:
        reason = _check_reason(uow, reason, kind, order.subject)
    fee = to_decimal(restocking_fee or "0", order.currency, what="restocking fee")
    quote = _quote(uow, order, case_lines, include_shipping=refund_shipping, restocking_fee=fee)
    proposed, _ = approval_rules.expected_amounts(kind, quote.proposed, has_lines=bool(case_lines))
    amount = proposed
    if refund_amount not in (None, ""):
        amount = to_decimal(refund_amount, order.currency, what="refund amount")
    rule = _rule(uow, order, quote, subject=order.subject, approving=False)
    _check(rule, amount, quote, computed=proposed, reason=amount_reason, approving=False)
    from ordermgr.services.order_entry import next_number
    now = utcnow()
    hours = sla_hours(uow.session)[kind]
    case = ReturnCase(number=rma_number(next_number(uow, 'rma')), order_id=order.id, kind=kind,
                      status=R.REQUESTED, reason=reason[:200], resolution=_resolution(kind),
                      requested_by=uow.actor.user_id, requested_at=now, status_changed_at=now,
                      due_at=now + timedelta(hours=hours), decision_note="",
                      refund_amount=amount, currency=order.currency, history=[],
                      external_id=external_id, refund_shipping=bool(refund_shipping),
                      restocking_fee=fee, amount_reason=(amount_reason or "").strip())
    case.lines = case_lines
    case.note("open", by=uow.actor.user_id, note=(note or "").strip())
    uow.session.add(case)
    uow.session.flush()
    return case


def _resolution(kind: str) -> str:
    return {T.EXCHANGE: "exchange", T.RESHIP: "reship", T.COMPLAINT: "none"}.get(kind, "refund")


def record_storefront_return(uow: UnitOfWork, order_id: int, *, external_id: str, lines: list[dict],
                             reason: str = "", note: str = "") -> int:
    """A return requested in the storefront becomes a case (idempotent on `external_id`); lines
    are {"sku" | "external_id" | "order_line_id", "quantity", "reason"?}. Returns the case id."""
    external_id = (external_id or "").strip()
    if not external_id:
        raise ValidationError("A storefront return needs its external id.")
    with uow:
        uow.require("returns.request", "record storefront returns")
        order = uow.get_order(order_id, lock=True)
        found = uow.session.scalar(select(ReturnCase.id).where(ReturnCase.order_id == order.id,
                                                               ReturnCase.external_id == external_id))
        if found:
            return found
        by_external = {ol.external_id: ol for ol in order.lines if ol.external_id}
        inputs = []
        for item in lines:
            ol = by_external.get(str(item.get("external_id"))) or next(
                (x for x in order.lines if x.id == item.get("order_line_id")
                 or (item.get("sku") and x.sku == item.get("sku"))), None)
            if ol is None:
                raise ValidationError(f"{order.subject} has no line {item!r} (storefront return {external_id}).")
            code = item.get("reason") or reason or "other"
            if code not in {r.code for r in reason_codes(uow.session, T.RETURN_REFUND)}:
                code = "other"
            inputs.append(CaseLineInput(int(item.get("quantity") or 0), code, order_line_id=ol.id,
                                        note=str(item.get("note") or "")))
        case = _open(uow, order, kind=T.RETURN_REFUND, lines=inputs, reason=reason or "other",
                     note=note or "requested in the storefront", refund_amount=None,
                     refund_shipping=False, restocking_fee="0", amount_reason="", external_id=external_id)
        _finish(uow, case, order, "open", f"Return requested in the storefront ({external_id})",
                external_id=external_id, amount=str(case.refund_amount or ZERO))
        return case.id


# -- attachments --------------------------------------------------------------------------------

def add_attachment(uow: UnitOfWork, case_id: int, *, filename: str, data: bytes,
                   content_type: str = "") -> int:
    filename = (filename or "").strip().replace("\\", "/").rsplit("/", 1)[-1][:200]
    if not filename or not data:
        raise ValidationError("Choose a file that is not empty.")
    if len(data) > MAX_ATTACHMENT:
        raise ValidationError(f"{filename} is {len(data) // 1024 // 1024} MB; attachments may be at "
                              f"most {MAX_ATTACHMENT // 1024 // 1024} MB.")
    with uow:
        uow.require("returns.request", "attach files to cases")
        case, order = _load(uow, case_id)
        digest = hashlib.sha256(data).hexdigest()
        row = CaseAttachment(return_id=case.id, filename=filename, size=len(data), sha256=digest,
                             content_type=content_type or _guess_type(filename), data=data,
                             added_by=uow.actor.user_id, added_at=utcnow())
        uow.session.add(row)
        case.note("attach", by=uow.actor.user_id, note=filename)
        uow.session.flush()
        _finish(uow, case, order, "attach", f"Attached {filename}", file=filename, sha256=digest)
        return row.id


def _guess_type(filename: str) -> str:
    import mimetypes
    return mimetypes.guess_type(filename)[0] or "application/octet-stream"


def read_attachment(conn, attachment_id: int) -> tuple[str, str, bytes]:
    row = conn.execute(select(CaseAttachment.filename, CaseAttachment.content_type,
                              CaseAttachment.data).where(CaseAttachment.id == attachment_id)).first()
    if row is None:
        raise NotFound(f"Attachment {attachment_id} does not exist.")
    return row.filename, row.content_type, row.data


# -- approval -----------------------------------------------------------------------------------

def approve_case(uow: UnitOfWork, case_id: int, *, amount: object | None = None,
                 amount_reason: str = "", note: str = "", restocking_fee: object | None = None,
                 refund_shipping: bool | None = None, expected_version: int | None = None) -> None:
    """Approve a case within one's limit. The restocking fee and the shipping refund may be
    changed here; the refund then follows them unless `amount` is given (with a reason)."""
    with uow:
        uow.require("returns.approve", "approve return cases")
        case, order = _load(uow, case_id, expected_version)
        before = {"amount": str(case.refund_amount or ZERO), "fee": str(case.restocking_fee or ZERO),
                  "shipping": case.refund_shipping}
        _approve(uow, case, order, amount=amount, amount_reason=amount_reason, note=note,
                 restocking_fee=restocking_fee, refund_shipping=refund_shipping)
        after = {"amount": str(case.refund_amount or ZERO), "fee": str(case.restocking_fee or ZERO),
                 "shipping": case.refund_shipping}
        changed = {k: [before[k], after[k]] for k in before if before[k] != after[k]}
        fee_text = (f", restocking fee {money(case.restocking_fee, case.currency)}"
                    if case.restocking_fee else "")
        _finish(uow, case, order, "approve",
                f"Approved by {uow.actor.username}, refund {money(case.refund_amount or ZERO, case.currency)}"
                f"{fee_text}", amount=after["amount"], fee=after["fee"],
                shipping=case.refund_shipping, changed=changed, note=note)


def _approve(uow: UnitOfWork, case: ReturnCase, order: Order, *, amount, amount_reason: str,
             note: str, from_storefront: bool = False, restocking_fee: object | None = None,
             refund_shipping: bool | None = None) -> None:
    """`from_storefront`: the money already went back in the storefront, so neither the
    approver's limit nor what is left to refund can refuse recording it."""
    if not case.can("approve"):
        _apply(case, order, "approve", by=uow.actor.user_id)  # the clear refusal
    subject = f"{case.subject} on order #{order.number}"
    fee = (case.restocking_fee or ZERO) if restocking_fee in (None, "") else to_decimal(
        restocking_fee, order.currency, what="restocking fee")
    fee_changed = fee != (case.restocking_fee or ZERO)
    shipping_changed = refund_shipping is not None and bool(refund_shipping) != case.refund_shipping
    if fee_changed:
        case.restocking_fee = fee
    if shipping_changed:
        case.refund_shipping = bool(refund_shipping)
    quote = _quote(uow, order, case.lines, include_shipping=case.refund_shipping,
                   restocking_fee=case.restocking_fee or ZERO, exclude_case=case)
    requested = case.refund_amount or ZERO
    computed, unchanged = approval_rules.expected_amounts(
        case.kind, quote.proposed, requested=requested, has_lines=bool(case.lines),
        terms_changed=fee_changed or shipping_changed)
    value = computed if unchanged is None else requested  # the money follows changed terms
    if amount not in (None, ""):
        value = to_decimal(amount, order.currency, what="refund amount")
    if not from_storefront:
        own = case.requested_by is not None and case.requested_by == uow.actor.user_id
        rule = _rule(uow, order, quote, subject=subject, approving=True, own_request=own)
        _check(rule, value, quote, computed=computed, unchanged=unchanged, reason=amount_reason,
               approving=True)
    if value != requested and (amount_reason or "").strip():
        case.amount_reason = amount_reason.strip()
    case.refund_amount = value
    _apply(case, order, "approve", by=uow.actor.user_id, note=(note or "").strip())
    case.decided_by, case.decided_at, case.decision_note = uow.actor.user_id, utcnow(), (note or "").strip()
    if case.takes_goods_back:
        _apply(case, order, "await_goods", by=uow.actor.user_id)


def reject_case(uow: UnitOfWork, case_id: int, *, reason: str,
                expected_version: int | None = None) -> None:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError("Give the reason for the rejection; the customer will be told.")
    with uow:
        uow.require("returns.approve", "reject return cases")
        case, order = _load(uow, case_id, expected_version)
        _apply(case, order, "reject", by=uow.actor.user_id, note=reason)
        case.decided_by, case.decided_at, case.decision_note = uow.actor.user_id, utcnow(), reason
        _finish(uow, case, order, "reject", f"Rejected by {uow.actor.username}: {reason}", reason=reason)


def cancel_case(uow: UnitOfWork, case_id: int, *, reason: str,
                expected_version: int | None = None) -> None:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError("Give the reason for cancelling the case.")
    with uow:
        uow.require("returns.request", "cancel return cases")
        case, order = _load(uow, case_id, expected_version)
        _refuse_with_open_refunds(uow, case, order, "cancelling")
        _apply(case, order, "cancel", by=uow.actor.user_id, note=reason)
        _finish(uow, case, order, "cancel", f"Cancelled: {reason}", reason=reason)


def close_case(uow: UnitOfWork, case_id: int, *, note: str = "",
               expected_version: int | None = None) -> None:
    with uow:
        uow.require("returns.request", "close return cases")
        case, order = _load(uow, case_id, expected_version)
        _refuse_with_open_refunds(uow, case, order, "closing")
        _apply(case, order, "close", by=uow.actor.user_id, note=(note or "").strip())
        _finish(uow, case, order, "close", f"Closed{': ' + note.strip() if note and note.strip() else ''}")


# -- returns desk: receive and inspect -------------------------------------------------------------

def find_case_id(conn, code: str) -> int | None:
    """A case by its RMA number, or the newest open case of an order found by number or waybill."""
    code = (code or "").strip().lstrip("#")
    if not code:
        return None
    found = conn.execute(select(ReturnCase.id).where(ReturnCase.number.in_(_rma_candidates(code)))
                         .order_by(ReturnCase.id.desc()).limit(1)).scalar()
    if found:
        return found
    order_id = conn.execute(select(Order.id).where(Order.number == code)).scalar()
    if order_id is None:
        order_id = conn.execute(select(Shipment.order_id).where(Shipment.waybill == code).limit(1)).scalar()
    if order_id is None:
        return None
    open_states = [s for s in ReturnStatus if s not in RETURN_MACHINE.terminal]
    rows = conn.execute(select(ReturnCase.id, ReturnCase.status).where(
        ReturnCase.order_id == order_id, ReturnCase.status.in_(open_states))
        .order_by(ReturnCase.id.desc())).all()
    for r in rows:
        if r.status == R.AWAITING_GOODS:
            return r.id
    return rows[0].id if rows else None


def match_scan(conn, case_id: int, code: str) -> int:
    """The case line a scanned SKU or barcode belongs to; a clear refusal if it is not on the case."""
    code = (code or "").strip()
    rows = conn.execute(
        select(ReturnLine.id, OrderLine.sku, Sku.barcode, ReturnCase.number, Order.number.label("order"))
        .join(ReturnCase, ReturnCase.id == ReturnLine.return_id)
        .join(Order, Order.id == ReturnCase.order_id)
        .join(OrderLine, OrderLine.id == ReturnLine.order_line_id)
        .outerjoin(Sku, Sku.id == OrderLine.sku_id)
        .where(ReturnLine.return_id == case_id).order_by(ReturnLine.id)).all()
    if not rows:
        raise NotFound(f"Return case {case_id} has no lines to receive.")
    for r in rows:
        if code and code in (r.sku, r.barcode):
            return r.id
    raise ValidationError(f"{code or '(empty scan)'} is not on return {rows[0].number} for order "
                          f"#{rows[0].order}; put it aside and check the parcel.")


def receive_case(uow: UnitOfWork, case_id: int, *, scanned: Iterable[str] | None = None,
                 quantities: dict[int, int] | None = None,
                 expected_version: int | None = None) -> dict[int, int]:
    """Goods arrived at the desk. `scanned` is every SKU/barcode scanned (one per unit), or give
    `quantities` {return line id: units}. Returns what was booked per case line."""
    with uow:
        uow.require("returns.receive", "receive returns")
        case, order = _load(uow, case_id, expected_version)
        if not case.can("receive"):
            _apply(case, order, "receive", by=uow.actor.user_id)
        counts: dict[int, int] = dict(quantities or {})
        for code in scanned or ():
            line_id = match_scan(uow.session, case.id, code)
            counts[line_id] = counts.get(line_id, 0) + 1
        by_id = {line.id: line for line in case.lines}
        for line_id, qty in counts.items():
            line = by_id.get(line_id)
            if line is None:
                raise ValidationError(f"Line {line_id} is not on {case.subject} for order #{order.number}.")
            if qty < 0 or qty > line.quantity:
                ol = uow.session.get(OrderLine, line.order_line_id)
                raise ValidationError(f"{case.subject} for order #{order.number} expects {line.quantity} "
                                      f"× {ol.sku}; {qty} were scanned. Check the parcel.")
        if not any(counts.values()):
            raise ValidationError(f"Nothing was scanned for {case.subject} (order #{order.number}).")
        for line in case.lines:
            got = counts.get(line.id, 0)
            line.quantity_received = got
            if got:
                ol = uow.session.get(OrderLine, line.order_line_id)
                ol.quantity_returned += got
        _apply(case, order, "receive", by=uow.actor.user_id)
        summary = ", ".join(f"{uow.session.get(OrderLine, line.order_line_id).sku} ×{counts.get(line.id, 0)}"
                            for line in case.lines)
        _finish(uow, case, order, "receive", f"Goods received: {summary}", received=counts)
        return counts


def inspect_case(uow: UnitOfWork, case_id: int, *, results: dict[int, str],
                 warehouse_id: int | None = None, expected_version: int | None = None) -> None:
    """Per received line: sellable (back into stock), damaged (written off) or supplier (returned
    to the supplier). Each writes the stock ledger with a reference to the case."""
    with uow:
        uow.require("returns.receive", "inspect returns")
        case, order = _load(uow, case_id, expected_version)
        if not case.can("inspect"):
            _apply(case, order, "inspect", by=uow.actor.user_id)
        wh = warehouse_id or _return_warehouse(uow, order)
        if wh is None or uow.session.get(Warehouse, wh) is None:
            raise ValidationError("Choose the warehouse the returned goods go to.")
        for line in case.lines:
            if not line.quantity_received:
                continue
            result = results.get(line.id)
            ol = uow.session.get(OrderLine, line.order_line_id)
            if result not in INSPECTION_RESULTS:
                raise ValidationError(f"{case.subject} (order #{order.number}): choose sellable, damaged "
                                      f"or supplier for {ol.sku}.")
            line.inspection_result = result
            if not ol.sku_id:
                continue
            qty, why, ref = line.quantity_received, f"return {case.number}", Ref("return", case.id)
            stock.receive(uow, ol.sku_id, wh, qty, reason=why, ref=ref)
            if result == "damaged":
                stock.move(uow, ol.sku_id, wh, "write_off", on_hand=-qty, reason=f"{why}: damaged", ref=ref)
            elif result == "supplier":
                stock.move(uow, ol.sku_id, wh, "to_supplier", on_hand=-qty,
                           reason=f"{why}: back to supplier", ref=ref)
        _apply(case, order, "inspect", by=uow.actor.user_id)
        text = ", ".join(f"{uow.session.get(OrderLine, line.order_line_id).sku} {line.inspection_result}"
                         for line in case.lines if line.inspection_result)
        _finish(uow, case, order, "inspect", f"Inspected: {text}", results=results, warehouse=wh)


def _return_warehouse(uow: UnitOfWork, order: Order) -> int | None:
    for shipment in order.shipments:
        if shipment.warehouse_id:
            return shipment.warehouse_id
    return uow.session.scalar(select(Warehouse.id).where(Warehouse.active)
                              .order_by(Warehouse.priority, Warehouse.id))


# -- refunds ------------------------------------------------------------------------------------

def _refuse_with_open_refunds(uow: UnitOfWork, case: ReturnCase, order: Order, doing: str, *,
                              pending_too: bool = True) -> None:
    """A case does not end while one of its refunds is on its way or failed and waiting for an
    agent, and is not refunded anew while one failed: the money's fate must be known first."""
    subject = f"{case.subject} (order #{order.number})"
    pending = refunds.live_on_case(uow.session, case.id, REFUND_PENDING_STATES) if pending_too else ZERO
    if pending:
        raise ValidationError(f"{subject} has a refund of {money(pending, case.currency)} waiting "
                              f"for the storefront; wait for its answer before {doing}.")
    failed = uow.session.scalars(select(Refund).where(
        Refund.return_id == case.id, Refund.status == RefundStatus.FAILED).order_by(Refund.id)).first()
    if failed is not None:
        raise ValidationError(
            f"{subject}: refund {failed.number} of {money(failed.amount, case.currency)} failed "
            f"({failed.failure_reason or 'no reason given'}). Retry it, record it as paid back "
            f"another way, or cancel it before {doing}.")


def refund_case(uow: UnitOfWork, case_id: int, *, amount: object | None = None, reference: str = "",
                split: dict[int, object] | None = None,
                expected_version: int | None = None) -> list[str]:
    """Pay back an approved case (refund only) or an inspected return. Returns the refund numbers."""
    with uow:
        uow.require("payments.refund", "refund customers")
        case, order = _load(uow, case_id, expected_version)
        numbers = _refund(uow, case, order, amount=amount, reference=reference, split=split)
        uow.commit()
        return numbers


def _refund(uow: UnitOfWork, case: ReturnCase, order: Order, *, amount, reference: str,
            split) -> list[str]:
    subject = f"{case.subject} (order #{order.number})"
    if not case.can("refund"):
        _apply(case, order, "refund", by=uow.actor.user_id)
    _refuse_with_open_refunds(uow, case, order, "refunding again", pending_too=False)
    approved = case.refund_amount or ZERO
    live = refunds.live_on_case(uow.session, case.id)
    remaining = approved - live
    if approved <= 0:
        raise ValidationError(f"{subject} has no approved refund amount; a {KIND_LABELS[case.kind]} is "
                              "settled without money, or open a refund-only case for a goodwill refund.")
    if remaining <= 0:
        raise InvalidTransition(f"{subject} is already refunded: {money(live, case.currency)} of the "
                                f"approved {money(approved, case.currency)} is paid back or on its way.")
    value = remaining if amount in (None, "") else to_decimal(amount, case.currency, what="refund amount")
    if value > remaining:
        raise ValidationError(f"{subject}: cannot refund {money(value, case.currency)}; "
                              f"{money(approved, case.currency)} was approved and "
                              f"{money(live, case.currency)} is already refunded or pending.")
    parts = {int(k): to_decimal(v, case.currency, what="refund part") for k, v in (split or {}).items()} or None
    issued = refunds.request(uow, order, value, reason=f"{case.number} {KIND_LABELS[case.kind]}",
                                    case=case, reference=reference, split=parts)
    done = refunds.live_on_case(uow.session, case.id, REFUND_DONE_STATES)
    numbers = ", ".join(r.number for r in issued)
    if done >= approved:
        _apply(case, order, "refund", by=uow.actor.user_id, note=numbers)
        _record(uow, case, order, "refund", f"Refunded {money(value, case.currency)} ({numbers})",
                amount=str(value), refunds=numbers)
    else:
        case.note("refund_queued", by=uow.actor.user_id, note=f"{numbers}: {money(value, case.currency)}")
        _record(uow, case, order, "refund_queued",
                f"Refund of {money(value, case.currency)} sent to the storefront ({numbers})",
                amount=str(value), refunds=numbers)
    return [r.number for r in issued]


def refund_settled(uow: UnitOfWork, refund: Refund) -> None:
    """A refund of a case was confirmed or paid by hand: the case is refunded once all of it is done."""
    case = uow.session.get(ReturnCase, refund.return_id)
    order = uow.session.get(Order, case.order_id)
    uow.session.flush()
    done = refunds.live_on_case(uow.session, case.id, REFUND_DONE_STATES)
    if case.can("refund") and done >= (case.refund_amount or ZERO):
        _apply(case, order, "refund", by=uow.actor.user_id, note=refund.number)
        _record(uow, case, order, "refund", f"Refund {refund.number} confirmed; case refunded",
                refund=refund.number)
    else:
        case.note("refund_confirmed", by=uow.actor.user_id, note=refund.number)
        uow.changes.returns.add(case.id)


def quick_refund(uow: UnitOfWork, order_id: int, *, amount: object, reason: str, reference: str = "",
                 split: dict[int, object] | None = None) -> list[str]:
    """Goodwill / partial refund without goods: a refund-only case opened, approved within the
    actor's limit and refunded in one transaction (nothing is kept if any step says no)."""
    to_decimal_before_currency(amount, what="refund amount")  # not a number: no transaction
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError("Give a reason for the refund.")
    with uow:
        uow.require("returns.request", "open refund cases")
        uow.require("payments.refund", "refund customers")
        order = uow.get_order(order_id, lock=True)
        value = to_decimal(amount, order.currency, what="refund amount")
        numbers = quick_refund_in(uow, order, value=value, reason=reason, reference=reference,
                                  split=split)
        uow.commit()
        return numbers


def quick_refund_in(uow: UnitOfWork, order: Order, *, value: Decimal, reason: str,
                    reference: str = "", split: dict[int, object] | None = None) -> list[str]:
    """quick_refund inside the caller's transaction (permissions checked, order locked by the
    caller); no commit. Returns the case number and the refund numbers."""
    code = reason if reason in {r.code for r in reason_codes(uow.session, T.REFUND_ONLY)} else "goodwill"
    case = _open(uow, order, kind=T.REFUND_ONLY, lines=[], reason=code, note=reason,
                 refund_amount=value, refund_shipping=False, restocking_fee="0",
                 amount_reason=reason, external_id=None)
    _record(uow, case, order, "open", f"Refund-only case opened: {reason}", amount=str(value))
    _approve(uow, case, order, amount=value, amount_reason=reason, note=reason)
    _record(uow, case, order, "approve", f"Approved by {uow.actor.username}", amount=str(value))
    numbers = _refund(uow, case, order, amount=value, reference=reference, split=split)
    return [case.number, *numbers]


def case_for_storefront_refund(uow: UnitOfWork, order: Order, *, external_id: str, amount: Decimal,
                               lines: list[dict], at: datetime) -> int:
    """Inside record_storefront_refund: the storefront refunded money we have no local refund for.
    Attach it to the open case waiting for that refund, or open an already-approved case."""
    open_states = (R.APPROVED, R.AWAITING_GOODS, R.RECEIVED, R.INSPECTED)
    for case in uow.session.scalars(select(ReturnCase).where(
            ReturnCase.order_id == order.id, ReturnCase.status.in_(open_states))
            .order_by(ReturnCase.id)):
        if (case.refund_amount or ZERO) - refunds.live_on_case(uow.session, case.id) >= amount:
            refund = refunds.storefront_refund_rows(uow, order, amount, external_id=external_id,
                                                     at=at, case=case)
            if case.can("refund") and refunds.live_on_case(uow.session, case.id, REFUND_DONE_STATES) \
                    >= (case.refund_amount or ZERO):
                _apply(case, order, "refund", by=uow.actor.user_id, note=f"storefront {external_id}")
            else:
                case.note("storefront_refund", by=uow.actor.user_id, note=external_id)
            _record(uow, case, order, "storefront_refund",
                    f"Storefront refunded {money(amount, order.currency)} ({external_id})",
                    external_id=external_id)
            return refund.id
    inputs, by_external = [], {ol.external_id: ol for ol in order.lines if ol.external_id}
    claimed = _claimed(uow.session, order.id)
    for item in lines:
        ol = (by_external.get(str(item.get("external_id"))) if item.get("external_id") else None) or next(
            (x for x in order.lines if x.id == item.get("order_line_id")
             or (item.get("sku") and x.sku == item.get("sku"))), None)
        room = ol.quantity_shipped - ol.quantity_returned - claimed.get(ol.id, 0) if ol else 0
        qty = min(int(item.get("quantity") or 0), room)
        if ol and qty > 0:
            inputs.append(ReturnLine(order_line_id=ol.id, quantity=qty, reason_code="other",
                                     note="returned in the storefront"))
    kind = T.RETURN_REFUND if inputs else T.REFUND_ONLY
    case = _open(uow, order, kind=kind, lines=inputs, reason="other", note="pulled from the storefront",
                 refund_amount=None, refund_shipping=False, restocking_fee="0", amount_reason="",
                 external_id=external_id, check_lines=False)
    case.refund_amount = amount
    _approve(uow, case, order, amount=None, amount_reason="", note="refunded in the storefront",
             from_storefront=True)
    refund = refunds.storefront_refund_rows(uow, order, amount, external_id=external_id, at=at,
                                             case=case)
    if case.can("refund"):
        _apply(case, order, "refund", by=uow.actor.user_id, note=f"storefront {external_id}")
    else:
        case.note("storefront_refund", by=uow.actor.user_id, note=external_id)
    _record(uow, case, order, "storefront_refund",
            f"Case opened from a storefront refund of {money(amount, order.currency)} ({external_id})",
            external_id=external_id)
    return refund.id


# -- exchange, re-ship, intercept ------------------------------------------------------------------

def exchange_case(uow: UnitOfWork, case_id: int, *, lines: list[tuple[str, int]],
                  reference: str = "", expected_version: int | None = None) -> int:
    """Send replacement goods: a linked order whose lines reserve stock. The returned goods'
    value is credited; a higher new value stays to be paid (a pending charge), a lower one is
    refunded. Returns the replacement order id."""
    if not lines:
        raise ValidationError("Choose the replacement items.")
    with uow:
        uow.require("returns.request", "exchange goods")
        case, order = _load(uow, case_id, expected_version)
        if not case.can("exchange"):
            _apply(case, order, "exchange", by=uow.actor.user_id)
        by_id = {ol.id: ol for ol in order.lines}
        credit = sum((line_refund_value(by_id[c.order_line_id].total, by_id[c.order_line_id].quantity,
                                        c.quantity_received or c.quantity, order.currency)
                      for c in case.lines), ZERO)
        items = [(_sku(uow, code), qty, None) for code, qty in lines]
        new = _replacement_order(uow, order, case, items, suffix="X", credit=credit)
        difference = new.subtotal - credit
        if difference > 0:
            new.payments.append(Payment(kind="charge", method="exchange_difference", amount=difference,
                                        currency=new.currency, status=PaymentStatus.PENDING,
                                        reference=case.number))
            new.refresh_payment_status()
            new.record("payment", f"Customer owes {money(difference, new.currency)} for the exchange",
                       by=uow.actor.user_id)
        elif difference < 0:
            refunds.request(uow, order, -difference, reason=f"{case.number} exchange difference",
                                  case=case, reference=reference)
        case.replacement_order_id = new.id
        _apply(case, order, "exchange", by=uow.actor.user_id, note=new.number)
        _finish(uow, case, order, "exchange", f"Exchanged: replacement order #{new.number}, difference "
                f"{money(difference, order.currency)}", replacement=new.number, difference=str(difference))
        return new.id


def reship_case(uow: UnitOfWork, case_id: int, *, expected_version: int | None = None) -> int:
    """Send the case's items again at no charge: a linked zero-price order. Returns its id."""
    with uow:
        uow.require("returns.request", "re-ship goods")
        case, order = _load(uow, case_id, expected_version)
        new = _reship(uow, case, order)
        _finish(uow, case, order, "reship", f"Re-shipped as order #{new.number}", replacement=new.number)
        return new.id


def _reship(uow: UnitOfWork, case: ReturnCase, order: Order) -> Order:
    if not case.can("reship"):
        _apply(case, order, "reship", by=uow.actor.user_id)
    by_id = {ol.id: ol for ol in order.lines}
    items = []
    for c in case.lines:
        ol = by_id[c.order_line_id]
        if not ol.sku_id:
            raise ValidationError(f"{order.subject}: {ol.name} has no SKU; it can't be re-shipped.")
        items.append((uow.session.get(Sku, ol.sku_id), c.quantity, Decimal("0.00")))
    if not items:
        raise ValidationError(f"{case.subject} (order #{order.number}) has no items to re-ship.")
    new = _replacement_order(uow, order, case, items, suffix="R", credit=ZERO)
    case.replacement_order_id = new.id
    _apply(case, order, "reship", by=uow.actor.user_id, note=new.number)
    return new


def quick_reship_in(uow: UnitOfWork, order: Order, lines: Iterable[CaseLineInput], *,
                    note: str) -> tuple[str, Order]:
    """A re-ship case opened, approved (no money) and re-shipped inside the caller's
    transaction (permission checked, order locked by the caller); no commit. Returns the case
    number and the replacement order."""
    case = _open(uow, order, kind=T.RESHIP, lines=lines, reason="", note=note, refund_amount=None,
                 refund_shipping=False, restocking_fee="0", amount_reason="", external_id=None)
    _record(uow, case, order, "open", f"Re-ship case opened: {note}", kind=case.kind)
    _approve(uow, case, order, amount=None, amount_reason="", note=note)
    _record(uow, case, order, "approve", f"Approved by {uow.actor.username}", amount="0")
    new = _reship(uow, case, order)
    _record(uow, case, order, "reship", f"Re-shipped as order #{new.number}", replacement=new.number)
    return case.number, new


def _sku(uow: UnitOfWork, code: str) -> Sku:
    sku = uow.session.scalar(select(Sku).where((Sku.code == code.strip()) | (Sku.barcode == code.strip())))
    if sku is None:
        raise ValidationError(f"No product has the SKU or barcode {code!r}.")
    return sku


def _replacement_order(uow: UnitOfWork, original: Order, case: ReturnCase,
                       items: list[tuple[Sku, int, Decimal | None]], *, suffix: str,
                       credit: Decimal) -> Order:
    from ordermgr.models import OrderLine as Line
    from ordermgr.services.orders import _allocate
    count = uow.session.scalar(select(func.count()).select_from(Order)
                               .where(Order.number.like(f"{original.number}-{suffix}%")))
    new = Order(number=f"{original.number}-{suffix}{count + 1}"[:32], store_id=original.store_id,
                customer_id=original.customer_id, customer_name=original.customer_name,
                email=original.email, phone=original.phone, placed_at=utcnow(),
                currency=original.currency, shipping=ZERO, tax=ZERO, discount=ZERO,
                note=f"Replacement for order #{original.number} ({case.number})",
                **{f: getattr(original, f) for f in ("ship_name", "ship_phone", "ship_line1",
                                                      "ship_line2", "ship_city", "ship_region",
                                                      "ship_postcode", "ship_country")})
    for sku, qty, price in items:
        if not isinstance(qty, int) or qty <= 0:
            raise ValidationError(f"{sku.code}: the quantity must be at least 1.")
        line = Line(sku_id=sku.id, sku=sku.code, name=sku.name, quantity=qty,
                    unit_price=sku.price if price is None else price, discount=ZERO)
        line.price()
        new.lines.append(line)
    new.subtotal = sum((line.total for line in new.lines), ZERO)
    new.discount = min(credit, new.subtotal)
    new.recompute_totals()
    new.refresh_search_text()
    new.set_tags([case.kind, "replacement"])
    new.record("created", f"Replacement for order #{original.number} ({case.number})",
               by=uow.actor.user_id, original=original.number, case=case.number)
    uow.session.add(new)
    uow.session.flush()
    new.refresh_payment_status()
    new.apply("confirm", by=uow.actor.user_id, message=f"Confirmed as replacement ({case.number})")
    _allocate(uow, new)
    uow.changed_order(new)
    return new


def record_intercept(uow: UnitOfWork, case_id: int, *, carrier: str = "", reference: str = "",
                     outcome: str = "requested", expected_version: int | None = None) -> None:
    """The carrier was asked to stop the parcel (`requested`), and later what happened. When the
    parcel comes back (`returned`) the case becomes an ordinary return for the desk."""
    if outcome not in INTERCEPT_OUTCOMES:
        raise ValidationError(f"Unknown intercept outcome {outcome!r}; use one of "
                              f"{', '.join(INTERCEPT_OUTCOMES)}.")
    with uow:
        uow.require("returns.request", "record parcel intercepts")
        case, order = _load(uow, case_id, expected_version)
        if case.kind != T.INTERCEPT:
            raise ValidationError(f"{case.subject} (order #{order.number}) is not a parcel intercept.")
        if not case.is_open:
            raise InvalidTransition(f"{case.subject} (order #{order.number}) is {case.status}; its "
                                    "intercept can't be changed any more.")
        if outcome == "requested":
            if not (carrier or "").strip():
                raise ValidationError(f"{case.subject}: enter the carrier asked to stop the parcel.")
            case.intercept_carrier, case.intercept_reference = carrier.strip(), (reference or "").strip()
        if (_waits_on_carrier(case.kind, case.intercept_outcome)
                and not _waits_on_carrier(case.kind, outcome)):
            _resume_clock(case)
        case.intercept_outcome = outcome
        case.note(f"intercept_{outcome}", by=uow.actor.user_id,
                  note=f"{case.intercept_carrier} {case.intercept_reference}".strip())
        text = {"requested": f"Intercept requested from {case.intercept_carrier} "
                             f"{case.intercept_reference}".strip(),
                "stopped": "The carrier stopped the parcel; it is coming back",
                "returned": "The parcel came back; the case is now a return for the desk",
                "delivered": "Intercept failed: the parcel was delivered",
                "failed": "The carrier could not stop the parcel"}[outcome]
        if outcome == "returned":
            case.kind = T.RETURN_REFUND
        _finish(uow, case, order, "intercept", text, outcome=outcome, carrier=case.intercept_carrier,
                reference=case.intercept_reference)


# -- read side: queues and counts -----------------------------------------------------------------

QUEUES = ("new", "awaiting_approval", "awaiting_goods", "to_inspect", "refunds_pending",
          "refunds_failed", "overdue", "open", "all")
OPEN_STATES = tuple(s for s in ReturnStatus if s not in RETURN_MACHINE.terminal)
# The SLA clock runs only while the case waits on us. Awaiting goods it waits on the customer or
# the carrier (the clock pauses, and the due time moves on by the wait when the goods arrive);
# refunded, exchanged or re-shipped cases only need closing and are never overdue.
# An intercept asked of the carrier (or stopped and on its way back) waits on the carrier.
WAITING_ON_OTHERS = (R.AWAITING_GOODS,)
CARRIER_WAIT = ("requested", "stopped")
ONLY_CLOSING = (R.REFUNDED, R.EXCHANGED, R.RESHIPPED)
AGEING_STATES = tuple(s for s in OPEN_STATES if s not in WAITING_ON_OTHERS + ONLY_CLOSING)
AMBER_SHARE = 0.75  # a row turns amber after 75 % of its SLA, red when overdue


def _waits_on_carrier(kind: str, intercept_outcome: str | None) -> bool:
    return kind == T.INTERCEPT and intercept_outcome in CARRIER_WAIT


def _clock_runs():
    """SQL: the case is waiting on us (its SLA clock runs)."""
    return and_(ReturnCase.status.in_(AGEING_STATES),
                not_(and_(ReturnCase.kind == T.INTERCEPT,
                          func.coalesce(ReturnCase.intercept_outcome, "").in_(CARRIER_WAIT))))


def _overdue(now: datetime):
    return and_(_clock_runs(), ReturnCase.due_at < now)


@dataclass(frozen=True)
class CaseRow:
    id: int
    number: str
    order_id: int
    order_number: str
    customer: str
    kind: str
    status: str
    amount: Decimal | None
    currency: str
    requested_at: datetime
    due_at: datetime | None
    version: int
    sort_key: tuple = field(compare=False, default=())
    sla: timedelta | None = field(compare=False, default=None)  # the kind's SLA when known
    intercept_outcome: str = field(compare=False, default="")

    def age(self, now: datetime) -> str:
        """'' (fine), 'amber' (most of the SLA used) or 'red' (overdue); only cases waiting on
        us age (AGEING_STATES, and not an intercept waiting on the carrier)."""
        if (self.due_at is None or self.status not in AGEING_STATES
                or _waits_on_carrier(self.kind, self.intercept_outcome)):
            return ""
        if now >= self.due_at:
            return "red"
        # time paused while waiting on others moved due_at on; what is left counts against the SLA
        span = self.sla or (self.due_at - self.requested_at)
        return "amber" if self.due_at - now <= span * (1 - AMBER_SHARE) else ""


def _above_agent_limit(conn):
    """A requested case asking more than an agent may approve, in its own currency converted
    to the limit currency (a currency without a rate always needs a supervisor)."""
    limit = approval_limits(conn).get("agent")
    if limit is None:
        return false()
    base, today = approval_rules.limit_currency(conn), utcnow().date()
    amount = func.coalesce(ReturnCase.refund_amount, 0)
    conds = []
    for currency in conn.execute(select(ReturnCase.currency).where(ReturnCase.status == R.REQUESTED)
                                 .distinct()).scalars():
        rate = approval_rules.rate_between(conn, currency, base, today)
        if rate is None:
            conds.append(and_(ReturnCase.currency == currency, amount > 0))
        else:  # the largest amount whose conversion stays within the limit
            conds.append(and_(ReturnCase.currency == currency,
                              amount > (limit / rate).quantize(amount_quantum(currency))))
    return or_(*conds) if conds else false()


def _queue_condition(conn, queue: str, now: datetime):
    if queue == "new":
        return and_(ReturnCase.status == R.REQUESTED, not_(_above_agent_limit(conn)))
    if queue == "awaiting_approval":
        return and_(ReturnCase.status == R.REQUESTED, _above_agent_limit(conn))
    if queue == "awaiting_goods":
        return ReturnCase.status == R.AWAITING_GOODS
    if queue == "to_inspect":
        return ReturnCase.status == R.RECEIVED
    if queue in ("refunds_pending", "refunds_failed"):  # a failure stays until an agent resolves it
        states = list(REFUND_PENDING_STATES) if queue == "refunds_pending" else [RefundStatus.FAILED]
        return exists().where(Refund.return_id == ReturnCase.id, Refund.status.in_(states))
    if queue == "overdue":
        return _overdue(now)
    if queue == "open":
        return ReturnCase.status.in_(OPEN_STATES)
    if queue == "all":
        return None
    raise ValidationError(f"Unknown queue {queue!r}; use one of {', '.join(QUEUES)}.")


def rma_number(n: int) -> str:
    """The one RMA numbering (the service's counter and the demo data): RMA0000710."""
    return f"RMA{n:07d}"


def _rma_candidates(term: str) -> set[str]:
    """'RMA709', 'rma000709', '709' all name RMA0000709 (and a six-digit RMA000709 of older
    demo data)."""
    found = re.fullmatch(r"(?:RMA)?0*(\d{1,9})", term.upper())
    if not found:
        return {term.upper()}
    n = int(found.group(1))
    return {rma_number(n), f"RMA{n:06d}", term.upper()}


def _search_condition(conn, term: str):
    """A case by its RMA number, or by its order found through the orders' substring index
    (order number, customer name, phone fragment, e-mail, waybill, SKU): one search for every
    queue, indexed on SQLite (FTS5 trigram) and PostgreSQL (pg_trgm)."""
    from ordermgr.db.queries import _search_condition as order_search
    conds = [ReturnCase.number.in_(_rma_candidates(term)), Order.number == term.lstrip("#")]
    orders = order_search(conn, term)
    if orders is not None:
        conds.append(ReturnCase.order_id.in_(select(Order.id).where(orders)))
    return or_(*conds)


def case_rows(conn, queue: str = "open", *, search: str = "", after: tuple | None = None,
              limit: int = 200, now: datetime | None = None) -> list[CaseRow]:
    """One page of a queue, oldest request first (keyset on requested_at, id)."""
    now = now or utcnow()
    conds = []
    cond = _queue_condition(conn, queue, now)
    if cond is not None:
        conds.append(cond)
    term = (search or "").strip()
    if term:
        conds.append(_search_condition(conn, term))
    if after is not None:
        conds.append(or_(ReturnCase.requested_at > after[0],
                         and_(ReturnCase.requested_at == after[0], ReturnCase.id > after[1])))
    stmt = (select(ReturnCase.id, ReturnCase.number, ReturnCase.order_id, Order.number,
                   Order.customer_name, ReturnCase.kind, ReturnCase.status, ReturnCase.refund_amount,
                   ReturnCase.currency, ReturnCase.requested_at, ReturnCase.due_at, ReturnCase.version,
                   ReturnCase.intercept_outcome)
            .join(Order, Order.id == ReturnCase.order_id).where(*conds)
            .order_by(ReturnCase.requested_at, ReturnCase.id).limit(limit))
    hours = sla_hours(conn)
    return [CaseRow(*r[:12], sort_key=(r.requested_at, r.id), sla=timedelta(hours=hours[r.kind]),
                    intercept_outcome=r.intercept_outcome or "")
            for r in conn.execute(stmt)]


def case_counts(conn, now: datetime | None = None) -> dict[str, int]:
    """Live counts for every queue (a handful of indexed aggregates)."""
    now = now or utcnow()
    by_status = dict(conn.execute(select(ReturnCase.status, func.count())
                                  .group_by(ReturnCase.status)).all())
    above = conn.execute(select(func.count()).where(
        ReturnCase.status == R.REQUESTED, _above_agent_limit(conn))).scalar()
    overdue = conn.execute(select(func.count()).where(_overdue(now))).scalar()
    pending = conn.execute(select(func.count(func.distinct(Refund.return_id)))
                           .where(Refund.status.in_(list(REFUND_PENDING_STATES)))).scalar()
    failed = conn.execute(select(func.count(func.distinct(Refund.return_id)))
                          .where(Refund.status == RefundStatus.FAILED)).scalar()
    requested = by_status.get(R.REQUESTED, 0)
    return {"new": requested - above, "awaiting_approval": above,
            "awaiting_goods": by_status.get(R.AWAITING_GOODS, 0),
            "to_inspect": by_status.get(R.RECEIVED, 0), "refunds_pending": pending,
            "refunds_failed": failed, "overdue": overdue,
            "open": sum(by_status.get(s, 0) for s in OPEN_STATES), "all": sum(by_status.values())}


def case_detail(session: Session, case_id: int) -> dict:
    """Everything about one case as plain data (the CLI's JSON, the GUI's panel)."""
    case = session.get(ReturnCase, case_id)
    if case is None:
        raise NotFound(f"Return case {case_id} does not exist.")
    order = session.get(Order, case.order_id)
    users = dict(session.execute(select(User.id, User.username)).all())
    lines = []
    for line in case.lines:
        ol = session.get(OrderLine, line.order_line_id)
        lines.append({"id": line.id, "order_line_id": ol.id, "sku": ol.sku, "name": ol.name,
                      "quantity": line.quantity, "received": line.quantity_received,
                      "reason": line.reason_code, "note": line.note,
                      "inspection": line.inspection_result,
                      "value": str(line_refund_value(ol.total, ol.quantity, line.quantity, order.currency))})
    case_refunds = refunds.refund_rows(session.connection(), case_id=case.id, limit=100)
    attachments = session.execute(select(CaseAttachment.id, CaseAttachment.filename, CaseAttachment.size,
                                         CaseAttachment.added_at).where(CaseAttachment.return_id == case.id)
                                  .order_by(CaseAttachment.id)).all()
    replacement = session.get(Order, case.replacement_order_id) if case.replacement_order_id else None
    return {
        "id": case.id, "number": case.number, "kind": case.kind, "status": case.status,
        "version": case.version, "order_id": order.id, "order": order.number,
        "customer": order.customer_name, "reason": case.reason, "currency": case.currency,
        "refund_amount": str(case.refund_amount or ZERO), "amount_reason": case.amount_reason,
        "refund_shipping": case.refund_shipping, "restocking_fee": str(case.restocking_fee or ZERO),
        "requested_by": users.get(case.requested_by, ""), "requested_at": case.requested_at.isoformat(),
        "decided_by": users.get(case.decided_by, ""), "decision_note": case.decision_note,
        "due_at": case.due_at.isoformat() if case.due_at else None,
        "intercept": {"carrier": case.intercept_carrier, "reference": case.intercept_reference,
                      "outcome": case.intercept_outcome},
        "replacement_order": replacement.number if replacement else None,
        "actions": RETURN_MACHINE.actions(case.status),
        "lines": lines,
        "refunds": [r.as_dict() for r in case_refunds],
        "attachments": [{"id": a.id, "filename": a.filename, "size": a.size} for a in attachments],
        "history": [{**h, "by": users.get(h.get("by"), "")} for h in case.history or []],
    }


@dataclass(frozen=True)
class FormLine:
    order_line_id: int
    sku: str
    name: str
    quantity: int
    shipped: int
    returnable: int
    total: Decimal


@dataclass(frozen=True)
class FormData:
    """What the return approval form shows: lines with returnable quantities, money and payments,
    and the approval rule it asks for its verdict (the service asks the same rule)."""

    order_id: int
    order_number: str
    order_version: int
    currency: str
    shipping: Decimal
    lines: tuple[FormLine, ...]
    refundable: refunds.Refundable
    rule: approval_rules.Rule


def approval_form_data(session: Session, order_id: int, actor=None, *,
                       case_id: int | None = None) -> FormData:
    """The form's figures for opening a case on `order_id`, or for approving `case_id` as
    `actor` (then the rule carries the actor's limit, converted to the case's currency)."""
    order = session.get(Order, order_id)
    if order is None:
        raise NotFound(f"Order {order_id} does not exist.")
    room = returnable_quantities(session, order)
    lines = tuple(FormLine(ol.id, ol.sku, ol.name, ol.quantity, ol.quantity_shipped, room[ol.id], ol.total)
                  for ol in order.lines)
    money_room = refunds.refundable(session, order.id)
    case = session.get(ReturnCase, case_id) if case_id else None
    subject = f"{case.subject} on order #{order.number}" if case else order.subject
    already = money_room.refunded - (refunds.live_on_case(session, case.id) if case else ZERO)
    own = case is not None and actor is not None and case.requested_by == actor.user_id
    rule = approval_rules.load_rule(session, subject=subject, currency=order.currency,
                                    paid=money_room.paid, already_refunded=already,
                                    actor=actor if case is not None else None, own_request=own,
                                    on=utcnow().date())
    return FormData(order.id, order.number, order.version, order.currency, order.shipping, lines,
                    money_room, rule)


# -- Customer 360 ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class CustomerHit:
    id: int
    name: str
    phone: str
    email: str
    tags: str


def search_customers(conn, text: str, *, limit: int = 50) -> list[CustomerHit]:
    """By name, phone (any fragment), email or order number. A fragment is looked up through the
    orders' substring index (FTS5 trigram / pg_trgm) and directly in the customers table."""
    from ordermgr.db.queries import _search_condition, normalise_search
    term = normalise_search(text)
    if len(term) < 2:
        return []
    ids: list[int] = []
    exact = conn.execute(select(Order.customer_id).where(Order.number == text.strip().lstrip("#"))).scalar()
    if exact:
        ids.append(exact)
    if "@" in term:  # indexed exact matches first
        ids += conn.execute(select(Customer.id).where(Customer.email == term).limit(limit)).scalars().all()
    if term.isdigit():
        ids += conn.execute(select(Customer.id).where(Customer.phone == term).limit(limit)).scalars().all()
    if len(term) >= 3:  # every customer with an order is in the orders' substring index
        cond = _search_condition(conn, term)
        ids += conn.execute(select(Order.customer_id).where(cond, Order.customer_id.is_not(None))
                            .limit(limit * 4)).scalars().all()
    else:  # two characters (many Chinese names): a prefix scan of the customers table
        escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        ids += conn.execute(select(Customer.id).where(
            func.lower(Customer.name).like(f"{escaped}%", escape="\\")).limit(limit)).scalars().all()
    unique = list(dict.fromkeys(i for i in ids if i))[:limit]
    if not unique:
        return []
    rows = {r.id: r for r in conn.execute(select(Customer.id, Customer.name, Customer.phone,
                                                 Customer.email, Customer.tags)
                                          .where(Customer.id.in_(unique)))}
    return [CustomerHit(*rows[i]) for i in unique if i in rows]


@dataclass(frozen=True)
class Customer360:
    id: int
    name: str
    phone: str
    email: str
    tags: str
    notes: str
    order_count: int
    total_spent: Decimal
    refunded: Decimal
    units_shipped: int
    units_returned: int
    orders: list  # OrderRow-like tuples, newest first
    cases: list[CaseRow]

    @property
    def return_rate(self) -> float:
        return self.units_returned / self.units_shipped if self.units_shipped else 0.0


def customer_360(conn, customer_id: int, *, orders_limit: int = 100) -> Customer360:
    from sqlalchemy import BigInteger, type_coerce
    c = conn.execute(select(Customer.id, Customer.name, Customer.phone, Customer.email, Customer.tags,
                            Customer.notes).where(Customer.id == customer_id)).first()
    if c is None:
        raise NotFound(f"Customer {customer_id} does not exist.")
    live = Order.status != OrderStatus.CANCELLED
    agg = conn.execute(select(func.count(), type_coerce(func.coalesce(func.sum(Order.total), 0), BigInteger))
                       .where(Order.customer_id == customer_id, live)).first()
    units = conn.execute(select(func.coalesce(func.sum(OrderLine.quantity_shipped), 0),
                                func.coalesce(func.sum(OrderLine.quantity_returned), 0))
                         .join(Order, Order.id == OrderLine.order_id)
                         .where(Order.customer_id == customer_id)).first()
    refunded = conn.execute(select(type_coerce(func.coalesce(func.sum(Payment.amount), 0), BigInteger))
                            .join(Order, Order.id == Payment.order_id)
                            .where(Order.customer_id == customer_id, Payment.kind == "refund",
                                   Payment.status == PaymentStatus.PAID)).scalar()
    orders = conn.execute(select(Order.id, Order.number, Order.placed_at, Order.status, Order.total,
                                 Order.currency, Order.payment_status, Order.item_count)
                          .where(Order.customer_id == customer_id)
                          .order_by(Order.placed_at.desc(), Order.id.desc()).limit(orders_limit)).all()
    cases = [CaseRow(*r, sort_key=(r.requested_at, r.id)) for r in conn.execute(
        select(ReturnCase.id, ReturnCase.number, ReturnCase.order_id, Order.number, Order.customer_name,
               ReturnCase.kind, ReturnCase.status, ReturnCase.refund_amount, ReturnCase.currency,
               ReturnCase.requested_at, ReturnCase.due_at, ReturnCase.version)
        .join(Order, Order.id == ReturnCase.order_id).where(Order.customer_id == customer_id)
        .order_by(ReturnCase.requested_at.desc()).limit(200))]
    return Customer360(c.id, c.name, c.phone, c.email, c.tags, c.notes, agg[0],
                       from_storage(agg[1] or 0), from_storage(refunded or 0),
                       int(units[0]), int(units[1]),
                       list(orders), cases)


def update_customer(uow: UnitOfWork, customer_id: int, *, notes: str | None = None,
                    tags: Iterable[str] | None = None) -> None:
    with uow:
        uow.require("customers.edit", "edit customers")
        customer = uow.session.get(Customer, customer_id)
        if customer is None:
            raise NotFound(f"Customer {customer_id} does not exist.")
        old = {"notes": customer.notes, "tags": customer.tags}
        if notes is not None:
            customer.notes = notes.strip()
        if tags is not None:
            clean = sorted({t.strip().lower() for t in tags if t and t.strip()})
            if any("," in t or len(t) > 40 for t in clean):
                raise ValidationError("Tags may not contain commas and are at most 40 characters.")
            value = ",".join(clean)
            if len(value) > 200:
                raise ValidationError("Too many tags (at most 200 characters together).")
            customer.tags = value
        uow.audit("customer.edit", "customer", customer.id, old=old,
                  new={"notes": customer.notes, "tags": customer.tags})
        uow.changes.customers = True
        uow.commit()
