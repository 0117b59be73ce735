"""The Storefronts area: add a store (tested at once), "Sync now" off the UI thread, status per
store, quarantined orders with their reason, parked pushes retried and dismissed."""

import pytest
from sqlalchemy import select

from ordermgr.models import OutboxMessage, Store
from ordermgr.services.outbox import enqueue
from ordermgr.sync.fake import DemoServer, DemoStore
from ordermgr.ui.sync import StorefrontsPanel


pytestmark = pytest.mark.usefixtures("file_secrets")  # store credentials in a temp file


@pytest.fixture
def demo():
    store = DemoStore(platform="woocommerce", orders=6)
    store.change(store.orders[2], currency="XYZ")
    server = DemoServer(store).start()
    yield store, server
    server.stop()


def test_add_a_store_sync_it_and_see_status_and_quarantine(qtbot, ctx, demo):
    store, server = demo
    panel = StorefrontsPanel(ctx)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.tested, timeout=15000) as tested:
        panel.save_new_store("茶馆 Woo", "woocommerce", server.url, store.credential)
    assert tested.args[0].ok and "Connected" in panel.status.text()
    qtbot.waitUntil(lambda: panel.stores.rowCount() == 1, timeout=5000)
    panel.store_view.selectRow(0)
    with qtbot.waitSignal(panel.synced, timeout=30000) as synced:
        qtbot.mouseClick(panel.sync_button, qtbot_left())
    runs = synced.args[0]
    assert runs[0].new == 5 and runs[0].quarantined == 1
    qtbot.waitUntil(lambda: panel.quarantine.rowCount() == 1
                    and panel.stores.rows[0].last_success_at is not None, timeout=5000)
    assert "XYZ" in panel.quarantine.rows[0].reason
    assert panel.stores.rows[0].orders_pulled == 5
    assert "5 new" in panel.status.text()


def test_a_parked_push_can_be_retried_and_dismissed(qtbot, ctx, demo):
    store, server = demo
    uow = ctx.uow()
    from ordermgr.services import stores
    store_id = stores.add_store(uow, name="Woo", platform="woocommerce", url=server.url,
                                credential=store.credential)
    with uow:
        enqueue(uow, uow.session.get(Store, store_id), "refund",
                {"order_external_id": 1, "amount": "1.00", "currency": "CNY", "reason": "x"}, key="r1")
        uow.session.execute(OutboxMessage.__table__.update().values(status="parked", attempts=8,
                                                                    last_error="Invalid ID."))
        uow.commit()
    panel = StorefrontsPanel(ctx)
    qtbot.addWidget(panel)
    qtbot.waitUntil(lambda: panel.parked.rowCount() == 1, timeout=5000)
    assert panel.parked.rows[0].error == "Invalid ID."
    panel.parked_view.selectRow(0)
    with qtbot.waitSignal(panel.refreshed, timeout=5000):
        panel.retry_parked()
    qtbot.waitUntil(lambda: panel.parked.rowCount() == 0, timeout=5000)
    with uow:
        uow.session.execute(OutboxMessage.__table__.update().values(status="parked"))
        uow.commit()
    panel.refresh()
    qtbot.waitUntil(lambda: panel.parked.rowCount() == 1, timeout=5000)
    panel.parked_view.selectRow(0)
    panel.dismiss_parked(reason="done by hand")
    qtbot.waitUntil(lambda: panel.parked.rowCount() == 0, timeout=5000)
    with uow:
        assert uow.session.scalar(select(OutboxMessage.status)) == "dismissed"


def qtbot_left():
    from PySide6.QtCore import Qt
    return Qt.LeftButton


def test_the_area_opens_in_the_main_window_and_its_models_are_sound(qtbot, ctx, qtmodeltester):
    from ordermgr.ui.main_window import MainWindow
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    panel = window.open_area("sync")
    assert isinstance(panel, StorefrontsPanel)
    qtbot.waitUntil(lambda: panel.stores.columnCount() == 11, timeout=5000)
    for model in (panel.stores, panel.parked, panel.quarantine):
        qtmodeltester.check(model)


def test_sync_selected_syncs_one_store_and_sync_all_every_store(qtbot, ctx, demo):
    store, server = demo
    from ordermgr.services import stores
    for name, code in (("Alpha", "A"), ("Beta", "B")):
        stores.add_store(ctx.uow(), name=name, platform="woocommerce", url=server.url,
                         credential=store.credential, code=code)
    panel = StorefrontsPanel(ctx)
    qtbot.addWidget(panel)
    qtbot.waitUntil(lambda: panel.stores.rowCount() == 2, timeout=5000)
    assert not panel.sync_one_button.isEnabled()  # nothing selected yet
    beta = next(i for i, row in enumerate(panel.stores.rows) if row.name == "Beta")
    panel.store_view.selectRow(beta)
    assert panel.sync_one_button.isEnabled()
    with qtbot.waitSignal(panel.synced, timeout=30000) as synced:
        qtbot.mouseClick(panel.sync_one_button, qtbot_left())
    assert [run.store for run in synced.args[0]] == ["Beta"]
    qtbot.waitUntil(lambda: panel.sync_button.isEnabled(), timeout=5000)
    with qtbot.waitSignal(panel.synced, timeout=30000) as synced:
        qtbot.mouseClick(panel.sync_button, qtbot_left())
    assert sorted(run.store for run in synced.args[0]) == ["Alpha", "Beta"]
    by_store = {run.store: run for run in synced.args[0]}
    assert by_store["Beta"].new == 0  # pulled a moment ago
    # Alpha pulls the same demo orders for the first time (one bad currency and waybills that
    # Beta's copies already use are quarantined)
    assert by_store["Alpha"].new >= 1 and by_store["Alpha"].new + by_store["Alpha"].quarantined == 6
