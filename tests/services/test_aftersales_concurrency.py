"""Two agents press "Refund" on the same case at the same moment, each on its own connection."""

import threading

import pytest
from sqlalchemy import func, select

from ordermgr.errors import ConflictError, InvalidTransition
from ordermgr.models import ReturnCase
from ordermgr.models.aftersales import Refund
from ordermgr.services import aftersales as cs
from tests.conftest import uow_for
from tests.factories import build_catalog
from tests.services.aftersales_helpers import shipped_order


def _race(engine, case_id, expected_version):
    barrier = threading.Barrier(2)
    outcomes = []

    def agent(name):
        uow = uow_for(engine, name)
        barrier.wait()
        try:
            outcomes.append(("ok", cs.refund_case(uow, case_id, reference=f"BANK-{name}",
                                                  expected_version=expected_version)))
        except (ConflictError, InvalidTransition) as exc:
            outcomes.append(("refused", str(exc)))

    threads = [threading.Thread(target=agent, args=(name,)) for name in ("ann", "bob")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    return outcomes


@pytest.mark.parametrize("with_version", [True, False])
def test_two_agents_refunding_the_same_case_at_once_give_exactly_one_refund(engine, uow, with_version):
    build_catalog(uow)
    for name in ("ann", "bob"):
        uow_for(engine, name, "supervisor")
    order_id = shipped_order(uow, {"TEA-01": 2})
    case_id = cs.open_case(uow, order_id, kind="refund_only", reason="goodwill", refund_amount="15.00",
                           amount_reason="late parcel")
    cs.approve_case(uow, case_id)
    with uow:
        version = uow.session.get(ReturnCase, case_id).version
    outcomes = _race(engine, case_id, version if with_version else None)
    assert sorted(kind for kind, _ in outcomes) == ["ok", "refused"]
    refused = next(text for kind, text in outcomes if kind == "refused")
    assert "RMA" in refused and ("already" in refused or "changed by someone else" in refused)
    with uow:
        assert uow.session.scalar(select(func.count()).select_from(Refund)) == 1
        order = uow.get_order(order_id)
        assert order.amount_refunded == 15 and uow.session.get(ReturnCase, case_id).status == "refunded"
