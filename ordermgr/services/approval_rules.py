"""The one approval rule for after-sales money: what a refund may be and who may approve it.

Limits are kept per role in one limit currency (a shared setting, CNY unless a manager chose
another); a case in another currency is compared through the stored exchange rates
(`exchange_rates`, the reports' table). Without the needed rate the approval is refused with a
message naming it: a limit is never compared across currencies unconverted.

`load_rule` reads everything once (limits, rate, refundable money); `Rule.check` is pure, so the
approval form asks it on every keystroke and the service asks it once inside its transaction;
both get the same verdict and the same words.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select

from ordermgr.errors import PermissionDenied, ValidationError
from ordermgr.models import Setting, utcnow
from ordermgr.models.aftersales import DEFAULT_LIMITS, ApprovalLimit
from ordermgr.models.money import check_currency, format_money, round_minor
from ordermgr.models.reports import ExchangeRate

ZERO = Decimal("0.00")
LIMIT_CURRENCY_KEY = "aftersales.limit_currency"
DEFAULT_LIMIT_CURRENCY = "CNY"


def limit_currency(conn) -> str:
    value = conn.execute(select(Setting.value).where(Setting.key == LIMIT_CURRENCY_KEY)).scalar()
    return value or DEFAULT_LIMIT_CURRENCY


def approval_limits(conn) -> dict[str, Decimal | None]:
    """Limits by role in the limit currency; roles never set keep the seeded defaults."""
    return {**DEFAULT_LIMITS,
            **dict(conn.execute(select(ApprovalLimit.role, ApprovalLimit.max_amount)).all())}


def rate_between(conn, currency: str, base: str, on: date) -> Decimal | None:
    """1 `currency` in `base` on `on`: the latest stored rate on or before that day, direct or
    the inverse of the opposite rate; None when neither is stored."""
    if currency == base:
        return Decimal(1)
    for cur, to, invert in ((currency, base, False), (base, currency, True)):
        rate = conn.execute(select(ExchangeRate.rate).where(
            ExchangeRate.currency == cur, ExchangeRate.base_currency == to,
            ExchangeRate.valid_from <= on).order_by(ExchangeRate.valid_from.desc()).limit(1)).scalar()
        if rate is not None:
            return 1 / Decimal(rate) if invert else Decimal(rate)
    return None


def role_limit(limits: dict[str, Decimal | None], actor, *, own_request: bool) -> Decimal | None:
    """The most `actor` may approve (None: unlimited; -1: may not approve at all). Approving
    one's own request is capped at the agent limit: above it somebody else must look at it."""
    if not actor.may("returns.approve"):
        return Decimal("-1")
    mine = limits.get(actor.role, ZERO) if actor.role in limits else ZERO
    if own_request:
        base = limits.get("agent", ZERO)
        if base is not None and (mine is None or mine > base):
            mine = base
    return mine


@dataclass(frozen=True)
class Problem:
    """One reason to refuse: the English text, and a code with its arguments (amounts already
    formatted, the subject left out) from which the GUI words it in the reader's language."""

    text: str
    permission: bool = False  # True: the amount is fine, the approver is not
    code: str = ""
    args: tuple[str, ...] = ()

    def raise_(self):
        raise (PermissionDenied if self.permission else ValidationError)(self.text)


@dataclass(frozen=True)
class Rule:
    """What an amount on one order is checked against."""

    subject: str  # "Return RMA0000012 on order #1001" or "Order #1001"
    currency: str
    paid: Decimal
    already_refunded: Decimal  # done and pending
    limit: Decimal | None  # the approver's limit in `limit_currency`; None: no limit
    limit_currency: str
    rate: Decimal | None  # 1 `currency` in `limit_currency`; None: no stored rate
    own_request: bool = False
    approver: str = ""  # "ann (agent)"

    @property
    def refundable(self) -> Decimal:
        return max(self.paid - self.already_refunded, ZERO)

    def money(self, amount: Decimal) -> str:
        return format_money(amount, self.currency)

    def converted(self, amount: Decimal) -> Decimal | None:
        """`amount` in the limit currency (None when the rate is missing)."""
        if self.rate is None:
            return None
        return round_minor(amount * self.rate, self.limit_currency)

    def amount_text(self, amount: Decimal) -> str:
        """'1,830.00 CNY ≈ 253.94 USD' (just '1,830.00 CNY' in the limit currency)."""
        converted = self.converted(amount)
        if self.currency == self.limit_currency or converted is None:
            return self.money(amount)
        return f"{self.money(amount)} ≈ {format_money(converted, self.limit_currency)}"

    def check(self, amount: Decimal, *, computed: Decimal, goods: Decimal, shipping: Decimal,
              fee: Decimal, reason: str = "", unchanged: Decimal | None = None,
              approving: bool = True) -> list[Problem]:
        """Every reason `amount` can't be refunded (approved, when `approving`) on this order.

        `computed` is goods + shipping - fee, capped at what is refundable; an amount other
        than that (or than `unchanged`, the amount already on the case) needs a `reason`."""
        out: list[Problem] = []
        s, m = self.subject, self.money
        if fee < 0:
            out.append(Problem(f"{s}: the restocking fee can't be negative.", code="fee_negative"))
        elif fee > goods + shipping:
            out.append(Problem(f"{s}: the restocking fee {m(fee)} is more than the goods and "
                               f"shipping refunded ({m(goods + shipping)}); lower the fee.",
                               code="fee_above", args=(m(fee), m(goods + shipping))))
        if amount < 0:
            out.append(Problem(f"{s}: the refund can't be negative.", code="negative"))
        elif amount > self.refundable:
            args = (m(amount), m(self.refundable), m(self.paid), m(self.already_refunded))
            out.append(Problem(f"{s}: cannot refund {args[0]}; only {args[1]} is refundable (paid "
                               f"{args[2]}, already refunded {args[3]}).",
                               code="above_refundable", args=args))
        if amount not in (computed, unchanged) and not (reason or "").strip():
            out.append(Problem(f"{s}: the refund {m(amount)} differs from the computed "
                               f"{m(computed)}; give a reason.", code="needs_reason",
                               args=(m(amount), m(computed))))
        if approving and amount > 0:
            problem = self.limit_problem(amount)
            if problem:
                out.append(problem)
        return out

    def limit_problem(self, amount: Decimal) -> Problem | None:
        if self.limit is None:
            return None
        limit_text = format_money(max(self.limit, ZERO), self.limit_currency)
        asked = self.amount_text(amount)
        if self.limit < 0:
            return Problem(f"{self.approver} may not approve refunds; {self.subject} asks "
                           f"{asked}. A supervisor must approve it.", True, "may_not_approve",
                           (self.approver, asked))
        converted = self.converted(amount)
        if converted is None:
            return Problem(f"{self.subject} asks {asked}, but there is no exchange rate from "
                           f"{self.currency} to {self.limit_currency} to compare it with the "
                           f"approval limit of {limit_text}. Add the rate {self.currency} → "
                           f"{self.limit_currency} (Reports → Exchange rates).", True,
                           "missing_rate", (asked, self.currency, self.limit_currency, limit_text))
        if converted <= self.limit:
            return None
        if self.own_request:
            return Problem(f"{self.subject} asks {asked}; you opened it yourself and may approve "
                           f"your own requests only up to {limit_text}. Ask a supervisor to "
                           "approve it.", True, "own_request", (asked, limit_text))
        return Problem(f"{self.subject} asks {asked}, above your {limit_text} limit "
                       f"({self.approver}). A supervisor must approve it.", True, "above_limit",
                       (asked, limit_text, self.approver))


MONEY_KINDS = frozenset({"return_refund", "refund_only", "intercept"})  # propose a refund


def expected_amounts(kind: str, proposed: Decimal, *, requested: Decimal | None = None,
                     has_lines: bool = True, terms_changed: bool = False
                     ) -> tuple[Decimal, Decimal | None]:
    """(computed, unchanged): the amounts that need no reason. `proposed` is the quote's (goods +
    shipping - fee, capped); kinds without money compute nothing. A case with lines is computed
    from them; one without (refund only, goodwill) from what was requested. Approving keeps the
    requested amount unless the fee or the shipping changed (then the money follows them)."""
    proposed = proposed if kind in MONEY_KINDS else ZERO
    computed = proposed if has_lines or requested is None else requested
    unchanged = None if requested is None or terms_changed else requested
    return computed, unchanged


LINES_NEEDED = frozenset({"return_refund", "exchange", "reship"})


def missing_lines(subject: str, kind: str, kind_label: str, has_lines: bool) -> Problem | None:
    if kind in LINES_NEEDED and not has_lines:
        return Problem(f"{subject}: choose the items and quantities for the {kind_label}.",
                       code="missing_lines")
    return None


def load_rule(conn, *, subject: str, currency: str, paid: Decimal, already_refunded: Decimal,
              actor=None, own_request: bool = False, on: date | None = None) -> Rule:
    """The rule for one order's money as `actor` sees it (no actor: no limit checked)."""
    base = check_currency(limit_currency(conn))
    limit = (role_limit(approval_limits(conn), actor, own_request=own_request)
             if actor is not None else None)
    rate = rate_between(conn, currency, base, on or utcnow().date()) if limit is not None else None
    approver = f"{actor.username}, {actor.role}" if actor is not None else ""
    return Rule(subject, currency, paid, already_refunded, limit, base, rate, own_request, approver)
