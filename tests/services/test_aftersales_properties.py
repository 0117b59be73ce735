"""Property tests: random sequences of after-sales steps never refund more than was paid, never
take back more than was shipped, and a closed case stays closed."""

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (RuleBasedStateMachine, initialize, invariant, precondition, rule,
                                 run_state_machine_as_test)
from sqlalchemy import select

from ordermgr.errors import UserError
from ordermgr.models import OrderLine, ReturnCase
from ordermgr.services import aftersales as cs
from ordermgr.services import refunds
from ordermgr.services.aftersales import CaseLineInput
from tests.factories import build_catalog
from tests.services.aftersales_helpers import shipped_order

KINDS = ["return_refund", "refund_only", "exchange", "reship", "complaint"]
REASONS = {"return_refund": "damaged", "refund_only": "goodwill", "exchange": "size_fit",
           "reship": "missing_item", "complaint": "courier"}


def test_random_after_sales_steps_keep_the_money_and_goods_invariants(engine, uow):
    # plenty of stock: every example (and every shrink step) ships a new order from it
    build_catalog(uow, {"TEA-01": (100_000, 0), "CUP-02": (100_000, 0)})

    class AfterSales(RuleBasedStateMachine):
        @initialize()
        def order(self):
            self.order_id = shipped_order(uow, {"TEA-01": 3, "CUP-02": 2})
            self.cases: list[int] = []
            self.closed: set[int] = set()

        def _try(self, fn, *args, **kwargs):
            try:
                fn(*args, **kwargs)
            except UserError:
                pass  # refusals are fine; the invariants must hold either way

        @rule(kind=st.sampled_from(KINDS), tea=st.integers(0, 4), cup=st.integers(0, 3),
              amount=st.one_of(st.none(), st.decimals("0.01", "120.00", places=2)))
        def open(self, kind, tea, cup, amount):
            lines = [CaseLineInput(q, REASONS[kind], sku=s) for s, q in (("TEA-01", tea), ("CUP-02", cup)) if q]
            try:
                self.cases.append(cs.open_case(
                    uow, self.order_id, kind=kind, lines=lines, reason=REASONS[kind],
                    refund_amount=str(amount) if amount is not None else None, amount_reason="test"))
            except UserError:
                pass

        @precondition(lambda self: self.cases)
        @rule(i=st.integers(0, 50), step=st.sampled_from(["approve", "receive", "inspect", "refund",
                                                           "close", "cancel", "reship"]))
        def step(self, i, step):
            case_id = self.cases[i % len(self.cases)]
            if step == "approve":
                self._try(cs.approve_case, uow, case_id)
            elif step == "receive":
                with uow:
                    ids = {line.id: line.quantity for line in uow.session.get(ReturnCase, case_id).lines}
                self._try(cs.receive_case, uow, case_id, quantities=ids)
            elif step == "inspect":
                with uow:
                    ids = [line.id for line in uow.session.get(ReturnCase, case_id).lines]
                self._try(cs.inspect_case, uow, case_id, results={i: "sellable" for i in ids})
            elif step == "refund":
                self._try(cs.refund_case, uow, case_id, reference="BANK")
            elif step == "close":
                self._try(cs.close_case, uow, case_id)
            elif step == "cancel":
                self._try(cs.cancel_case, uow, case_id, reason="test")
            elif step == "reship":
                self._try(cs.reship_case, uow, case_id)
            with uow:
                if uow.session.get(ReturnCase, case_id).status == "closed":
                    self.closed.add(case_id)

        @rule(amount=st.decimals("0.01", "60.00", places=2), ext=st.integers(1, 5))
        def storefront_refund(self, amount, ext):
            # a storefront refunds at most what it still holds (our refunds reach it through the
            # outbox); anything more it refuses itself, so such a refund never reaches a pull
            with uow:
                room = refunds.refundable(uow.session, self.order_id)
            if amount > room.paid - room.refunded:
                return
            self._try(refunds.record_storefront_refund, uow, self.order_id, external_id=f"ext-{ext}",
                      amount=str(amount))

        @invariant()
        def refunded_never_exceeds_paid(self):
            with uow:
                room = refunds.refundable(uow.session, self.order_id)
                assert room.refunded <= room.paid
                for p in room.payments:
                    assert p.refunded <= p.paid

        @invariant()
        def returned_never_exceeds_shipped(self):
            with uow:
                for line in uow.session.scalars(select(OrderLine).where(OrderLine.order_id == self.order_id)):
                    assert 0 <= line.quantity_returned <= line.quantity_shipped

        @invariant()
        def closed_stays_closed(self):
            with uow:
                for case_id in self.closed:
                    assert uow.session.get(ReturnCase, case_id).status == "closed"

    run_state_machine_as_test(AfterSales, settings=settings(
        max_examples=6, stateful_step_count=12, deadline=None,
        suppress_health_check=list(HealthCheck)))
