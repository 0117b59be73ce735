"""Live refresh deep in a long queue: every order exactly once, in the database's order.

Regression test: the partial refresh used to read each visible page again from its own keyset
boundary, so a row inserted into or removed from a page made that page overlap the next one (a
duplicate) or leave a gap (a missing row) where two cached pages meet, until a full reload.
"""

import pytest
from PySide6.QtCore import QThreadPool, Qt

from ordermgr.db.queries import fetch_order_page
from ordermgr.ui import ops
from ordermgr.ui.orders import model as model_module
from ordermgr.ui.orders.desk import OrderDesk
from ordermgr.services import orders
from tests.conftest import uow_for
from tests.factories import build_catalog, place_order

PAGE = 5
ORDERS = 60  # twelve pages of five


@pytest.fixture(autouse=True)
def small_pages(monkeypatch):
    monkeypatch.setattr(model_module, "PAGE_SIZE", PAGE)
    monkeypatch.setattr(model_module, "MAX_CACHED_PAGES", 3)  # pages fall out of the cache
    monkeypatch.setattr(model_module, "FULL_RELOAD_ROWS", 0)  # always the partial refresh


@pytest.fixture
def queue(ctx):
    """Orders awaiting payment with totals 19.90 + 10 * i, so sorting by total is predictable."""
    uow = ctx.uow()
    build_catalog(uow)
    return [place_order(uow, {"TEA-01": 1}, shipping=str(10 * i)) for i in range(ORDERS)]


@pytest.fixture
def desk(qtbot, ctx, queue):
    widget = OrderDesk(ctx, None, dialogs=None)
    qtbot.addWidget(widget)
    widget.resize(1000, 260)
    widget.show()
    qtbot.waitUntil(lambda: widget.model.rowCount() >= PAGE)
    queues = [widget.queues.item(i).data(Qt.UserRole) for i in range(widget.queues.count())]
    with qtbot.waitSignal(widget.model.reloaded, timeout=5000):
        widget.queues.setCurrentRow(queues.index("awaiting_payment"))
    total = next(i for i, c in enumerate(widget.model.columns) if c.key == "total")
    with qtbot.waitSignal(widget.model.reloaded, timeout=5000):
        widget.table.sortByColumn(total, Qt.AscendingOrder)
    assert (widget.model.sort_key, widget.model.descending) == ("total", False)
    yield widget
    QThreadPool.globalInstance().waitForDone(5000)
    ops.writer_pool().waitForDone(5000)
    qtbot.wait(10)


def sql_ids(ctx, model):
    with ctx.engine.connect() as conn:
        return [r.id for r in fetch_order_page(conn, model.filter, sort=model.sort_key,
                                               descending=model.descending, limit=10_000)]


def model_ids(model):
    return [model.order_id(r) for r in range(model.rowCount())]


def refresh(qtbot, desk):
    with qtbot.waitSignals([desk.model.window_refreshed], timeout=5000):
        desk.refresh()


def test_changes_around_a_page_seam_deep_in_the_queue_leave_every_row_once(qtbot, ctx, desk,
                                                                           queue):
    model = desk.model
    desk.go_to_row(ORDERS - 1)
    assert model.rowCount() == ORDERS
    desk.go_to_row(40)  # page 8 (rows 40-44) on top, the seam to page 9 on screen
    first, last = desk.visible_rows()
    assert first == 40 and last >= 45, (first, last)
    assert model_ids(model) == sql_ids(ctx, model) == queue  # every page read at least once

    other = uow_for(ctx.engine, "dave", "supervisor")
    orders.confirm_order(other, queue[44], override_reason="B2B terms")  # the last row before the seam leaves the queue
    orders.confirm_order(other, queue[46], override_reason="B2B terms")  # and one just after it
    place_order(other, {"TEA-01": 1}, shipping="435")  # a new row just before the seam (row 44)
    place_order(other, {"TEA-01": 1}, shipping="555")  # one below the screen (page 11)
    refresh(qtbot, desk)

    ids = model_ids(model)
    assert len(ids) == len(set(ids)), "a row shows twice"
    assert ids == sql_ids(ctx, model)
    assert model.rowCount() == ORDERS

    desk.select_rows([43])
    selected = model.order_id(43)
    orders.hold_order(other, queue[20], reason="check")  # above the screen: the rest move up
    place_order(other, {"TEA-01": 1}, shipping="445")  # on screen, after the new row
    refresh(qtbot, desk)
    ids = model_ids(model)
    assert len(ids) == len(set(ids))
    assert ids == sql_ids(ctx, model)
    assert [r.id for r in desk.selected_rows()] == [selected]  # the selection follows its order
    assert desk.table.currentIndex().row() == ids.index(selected) == 42
    assert model.cached_rows <= 3 * PAGE


def test_the_refresh_reaches_new_rows_at_the_end_of_an_exhausted_queue(qtbot, ctx, desk, queue):
    model = desk.model
    desk.go_to_row(ORDERS - 1)
    assert model.rowCount() == ORDERS and not model.canFetchMore()
    other = uow_for(ctx.engine, "dave", "supervisor")
    place_order(other, {"TEA-01": 1}, shipping="9999")  # the most expensive: the last row
    orders.confirm_order(other, queue[ORDERS - 3], override_reason="B2B terms")
    refresh(qtbot, desk)
    assert model_ids(model) == sql_ids(ctx, model)
    assert model.rowCount() == ORDERS


def test_refreshes_run_one_at_a_time_and_rows_fetched_meanwhile_are_kept(qtbot, ctx, desk, queue):
    model = desk.model
    desk.go_to_row(30)  # rows 0-34 loaded, more to fetch
    loaded = model.rowCount()
    assert loaded < ORDERS and model.canFetchMore()
    other = uow_for(ctx.engine, "dave", "supervisor")
    orders.confirm_order(other, queue[32], override_reason="B2B terms")
    place_order(other, {"TEA-01": 1}, shipping="305")
    refreshed = []
    model.window_refreshed.connect(lambda: refreshed.append(model.rowCount()))
    first, last = desk.visible_rows()
    model.refresh_window(first, last)
    model.refresh_window(first, last)  # while the first is under way: queued, not run alongside
    model.fetchMore()  # the clerk scrolls on meanwhile: the first answer is stale
    assert model.rowCount() == loaded + PAGE
    qtbot.waitUntil(lambda: len(refreshed) >= 1 and model._window_busy is None, timeout=5000)
    qtbot.wait(50)
    assert model.rowCount() == loaded + PAGE  # the fetched page stayed
    assert model_ids(model) == sql_ids(ctx, model)[:loaded + PAGE]
