"""Storefronts area (issue 13, item 10): a quarantined order is shown with its reason and is
fetched again with a button once fixed; a store that cannot connect is not saved."""

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from ordermgr.models import Order, Store
from ordermgr.services import stores
from ordermgr.sync.fake import DemoServer, DemoStore
from ordermgr.ui.sync import StorefrontsPanel


pytestmark = pytest.mark.usefixtures("file_secrets")  # store credentials in a temp file


@pytest.fixture
def demo():
    store = DemoStore(platform="medusa", orders=3)
    store.change(store.orders[2], currency="XYZ")
    server = DemoServer(store).start()
    yield store, server
    server.stop()


def test_a_quarantined_order_is_fetched_again_and_imported_once_fixed(qtbot, ctx, demo):
    store, server = demo
    stores.add_store(ctx.uow(), name="Medusa", platform="medusa", url=server.url,
                     credential=store.credential, code="ME")
    panel = StorefrontsPanel(ctx)
    qtbot.addWidget(panel)
    qtbot.waitUntil(lambda: panel.stores.rowCount() == 1, timeout=5000)
    with qtbot.waitSignal(panel.synced, timeout=30000):
        qtbot.mouseClick(panel.sync_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: panel.quarantine.rowCount() == 1, timeout=5000)
    assert "XYZ" in panel.quarantine.rows[0].reason
    assert not panel.retry_order_button.isEnabled()  # nothing selected yet
    panel.quarantine_view.selectRow(0)
    assert "XYZ" in panel.reason.toPlainText()
    with qtbot.waitSignal(panel.retried, timeout=15000) as retried:
        qtbot.mouseClick(panel.retry_order_button, Qt.LeftButton)
    assert retried.args[0][0] is False and "still quarantined" in panel.status.text()
    store.orders[2].currency = "CNY"  # fixed on the storefront
    qtbot.waitUntil(lambda: panel.quarantine.rowCount() == 1, timeout=5000)
    panel.quarantine_view.selectRow(0)
    with qtbot.waitSignal(panel.retried, timeout=15000) as retried:
        qtbot.mouseClick(panel.retry_order_button, Qt.LeftButton)
    assert retried.args[0][0] is True and "was imported" in panel.status.text()
    qtbot.waitUntil(lambda: panel.quarantine.rowCount() == 0, timeout=5000)
    with ctx.uow() as uow:
        assert uow.session.scalar(select(Order.currency).where(
            Order.number == f"ME{store.orders[2].number}")) == "CNY"


def test_a_store_whose_test_fails_is_not_saved(qtbot, ctx, demo):
    store, server = demo
    panel = StorefrontsPanel(ctx)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.tested, timeout=15000) as tested:
        panel.save_new_store("Medusa", "medusa", server.url, "sk_wrong")
    assert not tested.args[0].ok
    assert "credentials were refused" in panel.status.text() and "not saved" in panel.status.text()
    with ctx.uow() as uow:
        assert uow.session.scalar(select(Store.id).where(Store.name == "Medusa")) is None
    with qtbot.waitSignal(panel.tested, timeout=15000) as tested:
        panel.save_new_store("Medusa", "medusa", server.url, store.credential)
    assert tested.args[0].ok
    qtbot.waitUntil(lambda: panel.stores.rowCount() == 1, timeout=5000)
