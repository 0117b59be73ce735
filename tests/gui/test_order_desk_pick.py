"""Start a pick batch from the order desk's selection, then save (and open) its pick list."""

import pytest
from PySide6.QtCore import QThreadPool
from pypdf import PdfReader
from sqlalchemy import select

from ordermgr.models import OrderStatus
from ordermgr.models.fulfilment import PickBatch, PickBatchOrder
from ordermgr.services import orders
from ordermgr.ui import ops
from ordermgr.ui.orders.actions import ACTIONS
from ordermgr.ui.orders.desk import OrderDesk
from tests.factories import build_catalog, place_order


@pytest.fixture
def desk(qtbot, ctx):
    uow = ctx.uow()
    build_catalog(uow)
    ids = [place_order(uow, {"TEA-01": 1, "CUP-02": 1} if i == 0 else {"TEA-01": 2})
           for i in range(3)]
    for oid in ids[:2]:
        orders.confirm_order(uow, oid, override_reason="B2B terms")  # allocated; the third stays awaiting payment
    widget = OrderDesk(ctx, None)
    qtbot.addWidget(widget)
    widget.resize(1000, 400)
    widget.show()
    qtbot.waitUntil(lambda: widget.model.rowCount() == 3, timeout=5000)
    yield widget, ids
    QThreadPool.globalInstance().waitForDone(5000)  # the PDF writer and reads
    ops.writer_pool().waitForDone(5000)
    qtbot.wait(10)  # deliver the last results while the widget still exists


def select_orders(widget, ids):
    widget.select_rows([widget.model.row_of(i) for i in ids])


def test_the_pick_action_has_its_own_shortcut_and_needs_allocated_orders(qtbot, desk):
    widget, (a, b, pending) = desk
    shortcuts = [s.shortcut for s in ACTIONS]
    assert len(set(shortcuts)) == len(shortcuts) and "Ctrl+Shift+P" in shortcuts
    action = widget.actions_by_key["pick"]
    select_orders(widget, [a, b])
    assert action.isEnabled()  # several orders at once, without the bulk permission question
    select_orders(widget, [a, pending])
    assert not action.isEnabled()
    select_orders(widget, [pending])
    assert not action.isEnabled()


def test_start_pick_batch_from_the_selection_saves_and_opens_the_pick_list(qtbot, ctx, desk,
                                                                          tmp_path):
    widget, (a, b, pending) = desk
    asked, opened = [], []
    out = tmp_path / "picks.pdf"
    widget.pick_list_path = lambda parent, name: asked.append(name) or str(out)
    widget.open_file = opened.append
    select_orders(widget, [a, b])
    with qtbot.waitSignal(widget.action_finished, timeout=10000) as finished:
        widget.actions_by_key["pick"].trigger()
    assert finished.args == ["pick"]
    uow = ctx.uow()
    with uow:
        assert [uow.get_order(i).status for i in (a, b, pending)] == [
            OrderStatus.PICKING, OrderStatus.PICKING, OrderStatus.PENDING_PAYMENT]
        (batch,) = uow.session.scalars(select(PickBatch)).all()
        slots = uow.session.scalars(select(PickBatchOrder.order_id)
                                    .where(PickBatchOrder.batch_id == batch.id)).all()
        assert sorted(slots) == sorted([a, b]) and batch.status == "picking"
        number = batch.number
    assert asked == [f"{number}-picklist.pdf"]
    qtbot.waitUntil(lambda: opened == [str(out)], timeout=10000)
    text = PdfReader(out).pages[0].extract_text()
    assert number in text and "TEA-01" in text and "CUP-02" in text
    # the desk refreshed: the rows now show picking, so the action is off again
    qtbot.waitUntil(lambda: widget.model.row_at(widget.model.row_of(a)).status
                    == OrderStatus.PICKING, timeout=5000)
    select_orders(widget, [a, b])
    assert not widget.actions_by_key["pick"].isEnabled()


def test_cancelling_the_save_dialog_keeps_the_batch_and_writes_nothing(qtbot, ctx, desk, tmp_path):
    widget, (a, b, _) = desk
    widget.pick_list_path = lambda parent, name: None
    widget.open_file = lambda path: pytest.fail("nothing was saved, nothing to open")
    select_orders(widget, [a])
    with qtbot.waitSignal(widget.action_finished, timeout=10000):
        widget.actions_by_key["pick"].trigger()
    uow = ctx.uow()
    with uow:
        assert uow.get_order(a).status == OrderStatus.PICKING
        assert uow.get_order(b).status == OrderStatus.ALLOCATED
    assert "started" in widget.status_label.text()
    assert not list(tmp_path.glob("*.pdf"))
