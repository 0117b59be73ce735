"""The order desk driven through its real widgets (offscreen), on SQLite and PostgreSQL."""

from decimal import Decimal

import pytest
from PySide6.QtCore import QThreadPool, Qt
from sqlalchemy import select

from ordermgr.db.engine import make_engine
from ordermgr.db.uow import UnitOfWork
from ordermgr.models import Order, OrderStatus, StockLevel
from ordermgr.services import orders
from ordermgr.services.users import resolve_actor
from ordermgr.ui import ops
from ordermgr.ui.orders import model as model_module
from ordermgr.ui.orders.desk import OrderDesk
from tests.conftest import uow_for
from tests.factories import build_catalog, place_order


class FakeDialogs:
    """Answers the desk's questions instead of a clerk; remembers what it was shown."""

    def __init__(self):
        self.reason_answer = "customer asked"
        self.prompts = []
        self.conflicts = []
        self.reports = []

    def reason(self, title, prompt):
        self.prompts.append((title, prompt))
        return self.reason_answer

    hold_reason = reason

    def unpaid_confirm_reason(self, title, prompt):
        self.prompts.append((title, prompt))
        return "cash on delivery"

    def text(self, title, prompt, default=""):
        return "called the customer"

    def tags(self, current, subject=""):
        return ["vip"], []

    def ask(self, title, question):
        return True

    def conflict(self, message, detail):
        self.conflicts.append((message, detail))

    def bulk_report(self, title, results):
        self.reports.append(results)


@pytest.fixture(autouse=True)
def small_pages(monkeypatch):
    monkeypatch.setattr(model_module, "PAGE_SIZE", 5)


@pytest.fixture
def shop(ctx):
    uow = ctx.uow()
    cat = build_catalog(uow)
    ids = [place_order(uow, {"TEA-01": 1}, phone=f"1391234{i:04d}") for i in range(12)]
    return cat, ids


@pytest.fixture
def desk(qtbot, ctx, shop):
    dialogs = FakeDialogs()
    widget = OrderDesk(ctx, None, dialogs=dialogs)
    qtbot.addWidget(widget)
    widget.resize(1000, 240)  # a few rows visible: the view fetches only what it shows
    widget.show()
    qtbot.waitUntil(lambda: widget.model.rowCount() >= 5 and widget.counts.get("all") == 12)
    yield widget
    QThreadPool.globalInstance().waitForDone(5000)
    ops.writer_pool().waitForDone(5000)
    qtbot.wait(10)  # deliver the last results while the widget still exists


def status_of(ctx, order_id):
    with ctx.engine.connect() as conn:
        return conn.execute(select(Order.status).where(Order.id == order_id)).scalar()


def row_of_number(desk, number):
    for r in range(desk.model.rowCount()):
        if desk.model.row_at(r).number == number:
            return r
    raise AssertionError(number)


def test_the_queue_fetches_pages_as_the_clerk_scrolls(qtbot, desk, qtmodeltester):
    assert desk.model.canFetchMore() and desk.model.rowCount() < 12
    before = desk.model.rowCount()
    desk.table.scrollToBottom()
    qtbot.waitUntil(lambda: desk.model.rowCount() > before)
    desk.go_to_row(11)
    assert desk.model.rowCount() == 12 and not desk.model.canFetchMore()
    numbers = [desk.model.row_at(r).number for r in range(12)]
    assert numbers == sorted(numbers, reverse=True)  # newest first
    assert "12" in desk.queues.item(list(model_module.queries.QUEUES).index("all")).text()
    qtmodeltester.check(desk.model, force_py=True)


def test_sorting_by_a_column_is_done_by_the_database(qtbot, desk):
    header = desk.table.horizontalHeader()
    header.setSortIndicator(0, Qt.AscendingOrder)  # number, ascending
    qtbot.waitUntil(lambda: desk.model.sort_key == "number" and not desk.model.loading)
    first = [desk.model.row_at(r).number for r in range(5)]
    assert first == sorted(first) and first[0].endswith("000001")


def test_search_by_a_phone_fragment_finds_the_order(qtbot, desk):
    qtbot.keyClicks(desk.search, "1234 0007", delay=50)  # typed, not scanned
    qtbot.waitUntil(lambda: desk.model.filter.search == "1234 0007" and not desk.model.loading
                    and desk.model.rowCount() == 1)
    assert desk.model.rowCount() == 1
    assert desk.model.row_at(0).number.endswith("000008")


def test_odd_characters_in_the_search_find_nothing_and_break_nothing(qtbot, desk):
    for text in ('"%_\'', "😀 张", "a\\b"):
        desk.search.setText(text)
        desk.apply_filter()
        qtbot.waitUntil(lambda t=text: desk.model.filter.search == t and not desk.model.loading)
        assert desk.model.rowCount() == 0


def test_a_scanned_order_number_opens_the_order(qtbot, desk, shop):
    number = desk.model.row_at(3).number
    desk.search.setFocus()
    qtbot.keyClicks(desk.search, number)  # a scanner types very fast ...
    qtbot.keyClick(desk.search, Qt.Key_Return)  # ... and ends with Enter
    qtbot.waitUntil(lambda: desk.detail.detail is not None)
    assert desk.detail.isVisible() and desk.detail.detail["number"] == number
    assert desk.search.text() == ""  # ready for the next scan


def test_a_scanned_product_barcode_finds_the_orders_with_that_sku(qtbot, ctx, desk, shop):
    cup = place_order(ctx.uow(), {"CUP-02": 1})
    with ctx.engine.connect() as conn:
        number = conn.execute(select(Order.number).where(Order.id == cup)).scalar()
    qtbot.keyClicks(desk.search, "69000000" + "00001")  # CUP-02's EAN, at scanner speed
    qtbot.keyClick(desk.search, Qt.Key_Return)
    qtbot.waitUntil(lambda: not desk.model.loading and desk.model.rowCount() == 1
                    and desk.model.row_at(0).number == number)


def test_an_unknown_scan_clears_the_detail_says_so_and_beeps(qtbot, desk, monkeypatch):
    beeps = []
    monkeypatch.setattr("ordermgr.ui.orders.desk.QApplication.beep", lambda: beeps.append(1))
    desk.open_number(desk.model.row_at(0).number)
    qtbot.waitUntil(lambda: desk.detail.detail is not None and desk.detail.isVisible())
    with qtbot.waitSignal(desk.said, timeout=5000) as said:
        qtbot.keyClicks(desk.search, "4006381333931")  # a barcode of nothing we sell
        qtbot.keyClick(desk.search, Qt.Key_Return)
    assert "Nothing matches 4006381333931" in said.args[0]
    assert not desk.detail.isVisible() and beeps == [1]
    qtbot.waitUntil(lambda: not desk.model.loading and desk.model.rowCount() == 0)


def test_the_open_detail_follows_the_selection_the_toolbar_acts_on(qtbot, desk):
    desk.table.setFocus()
    desk.table.setCurrentIndex(desk.model.index(0, 0))
    qtbot.keyClick(desk.table, Qt.Key_Return)
    qtbot.waitUntil(lambda: desk.detail.detail is not None)
    for _ in range(2):
        qtbot.keyClick(desk.table, Qt.Key_Down)
    second = desk.model.row_at(2)
    assert [r.id for r in desk.target_rows()] == [second.id]
    qtbot.waitUntil(lambda: desk.detail.detail["number"] == second.number)


def test_enter_opens_the_detail_and_escape_closes_it(qtbot, desk):
    desk.table.setFocus()
    desk.table.setCurrentIndex(desk.model.index(0, 0))
    qtbot.keyClick(desk.table, Qt.Key_Return)
    qtbot.waitUntil(lambda: desk.detail.detail is not None)
    d = desk.detail.detail
    assert d["number"] == desk.model.row_at(0).number
    assert desk.detail.lines.rowCount() == 1 and desk.detail.lines.item(0, 0).text() == "TEA-01"
    assert desk.detail.timeline.rowCount() >= 1
    qtbot.keyClick(desk.table, Qt.Key_Escape)
    assert not desk.detail.isVisible()


def test_cancelling_an_order_releases_its_stock(qtbot, ctx, desk, shop):
    cat, ids = shop
    orders.confirm_order(ctx.uow(), ids[-1], override_reason="B2B terms")  # the newest: row 0 after a refresh
    desk.refresh()
    qtbot.waitUntil(lambda: desk.model.row_at(0) is not None
                    and desk.model.row_at(0).status == OrderStatus.ALLOCATED)
    desk.select_rows([0])
    assert desk.actions_by_key["cancel"].isEnabled()
    assert not desk.actions_by_key["release"].isEnabled()
    with qtbot.waitSignal(desk.action_finished, timeout=5000):
        desk.actions_by_key["cancel"].trigger()
    assert status_of(ctx, ids[-1]) == OrderStatus.CANCELLED
    with ctx.engine.connect() as conn:
        assert conn.execute(select(StockLevel.reserved).where(
            StockLevel.sku_id == cat.skus["TEA-01"], StockLevel.warehouse_id == cat.main)).scalar() == 0
    qtbot.waitUntil(lambda: desk.model.row_at(0).status == OrderStatus.CANCELLED)
    assert desk.selected_rows()[0].id == ids[-1]  # the selection survived the refresh
    assert not desk.actions_by_key["cancel"].isEnabled()  # the state machine says no more


def test_bulk_confirm_reports_the_one_it_refused(qtbot, ctx, desk, shop):
    _, ids = shop
    orders.cancel_order(ctx.uow(), ids[-2], reason="duplicate")
    desk.refresh()
    qtbot.waitUntil(lambda: desk.model.row_at(1).status == OrderStatus.CANCELLED)
    desk.select_rows([0, 1, 2])
    assert desk.actions_by_key["confirm"].isEnabled()
    said = []
    desk.said.connect(said.append)
    with qtbot.waitSignal(desk.action_finished, timeout=10000):
        desk.actions_by_key["confirm"].trigger()
    (report,) = desk.dialogs.reports
    assert [ok for _, ok, _ in report] == [True, False, True] or \
        sorted(ok for _, ok, _ in report) == [False, True, True]
    refused = next(r for r in report if not r[1])
    assert "cancelled" in refused[2]
    assert status_of(ctx, ids[-1]) == status_of(ctx, ids[-3]) == OrderStatus.ALLOCATED
    (title, prompt), = desk.dialogs.prompts  # unpaid: one reason for the lot, and it says so
    assert title == "Confirm: 2 of the 3 selected orders"
    assert "the payment of 2 of them is pending" in prompt and "The other 1 can't be" in prompt
    assert said == ["Confirm: 2 of 3 orders done"]


def test_a_change_by_someone_else_shows_the_conflict_instead_of_overwriting(qtbot, ctx, desk, shop):
    _, ids = shop
    desk.select_rows([0])
    bob = uow_for(ctx.engine, "bob", "supervisor")
    orders.hold_order(bob, ids[-1], reason="address check")  # bob, on another workstation
    with qtbot.waitSignal(desk.action_finished, timeout=5000):
        desk.actions_by_key["confirm"].trigger()
    (message, detail), = desk.dialogs.conflicts
    assert "changed by someone else" in message
    assert detail["status"] == OrderStatus.ON_HOLD
    assert status_of(ctx, ids[-1]) == OrderStatus.ON_HOLD
    qtbot.waitUntil(lambda: desk.model.row_at(0).status == OrderStatus.ON_HOLD)


def test_another_workstation_s_change_appears_by_itself(qtbot, ctx, shop):
    from ordermgr.ui.main_window import MainWindow
    _, ids = shop
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    desk = window.open_area("orders")
    desk.dialogs = FakeDialogs()
    qtbot.waitUntil(lambda: desk.model.rowCount() >= 5 and window.live.listening.is_set())
    other = make_engine(ctx.engine.url.render_as_string(hide_password=False))
    try:
        clerk = UnitOfWork(other, resolve_actor(other, "carol"))
        orders.hold_order(clerk, ids[-1], reason="fraud check")
        qtbot.waitUntil(lambda: desk.model.row_at(0).status == OrderStatus.ON_HOLD, timeout=2500)
        qtbot.waitUntil(lambda: desk.counts.get("on_hold") == 1, timeout=2500)
    finally:
        window.close()
        other.dispose()


def test_a_phone_order_typed_in_by_hand_lands_in_the_queue(qtbot, ctx, desk, shop):
    from ordermgr.ui.orders.new_order import NewOrderDialog
    dialog = NewOrderDialog(ctx, desk)
    qtbot.addWidget(dialog)
    dialog.lookup.setText("1391234")
    dialog._find_customers()
    qtbot.waitUntil(lambda: dialog.matches.count() > 0)
    dialog.choose_customer(dialog.matches.item(0).data(Qt.UserRole))
    assert dialog.address["city"].text() == "北京"
    dialog.open()  # shown as the desk shows it, window-modal
    qtbot.waitExposed(dialog)
    for _ in range(2):  # CUP-02's barcode scanned twice: the scanner types it, then Return
        qtbot.keyClicks(dialog.sku_input, "69000000" + "00001")
        qtbot.keyClick(dialog.sku_input, Qt.Key_Return)
        assert dialog.isVisible()
    qtbot.waitUntil(lambda: len(dialog.lines) == 1 and dialog.lines[0]["spin"].value() == 2)
    assert dialog.isVisible() and dialog.result() == 0  # no Return pressed Save
    assert dialog.lines[0]["code"] == "CUP-02" and dialog.lines[0]["available"] == 3
    dialog.shipping.selectAll()
    qtbot.keyClicks(dialog.shipping, "8")
    assert "47.80 CNY" in dialog.totals.text()
    dialog.created.connect(desk._order_created)
    with qtbot.waitSignal(dialog.created, timeout=5000) as blocker:
        qtbot.mouseClick(dialog.save_button, Qt.LeftButton)
    order_id, number, _ = blocker.args
    assert status_of(ctx, order_id) == OrderStatus.PENDING_PAYMENT
    qtbot.waitUntil(lambda: desk.detail.detail is not None and desk.detail.detail["number"] == number)
    assert desk.detail.detail["total"] == "47.80"


def test_splitting_from_the_desk_creates_a_second_order(qtbot, ctx, desk, shop):
    _, ids = shop
    oid = place_order(ctx.uow(), {"TEA-01": 2, "CUP-02": 1})
    desk.refresh()
    qtbot.waitUntil(lambda: desk.model.row_at(0) is not None and desk.model.row_at(0).id == oid)
    desk.select_rows([0])
    desk.dialogs.split = lambda detail: {detail["lines"][1]["id"]: 1}  # move the cup
    assert desk.actions_by_key["split"].isEnabled()
    with qtbot.waitSignal(desk.action_finished, timeout=5000):
        desk.actions_by_key["split"].trigger()
    qtbot.waitUntil(lambda: desk.counts.get("all") == 14)
    with ctx.engine.connect() as conn:
        split = conn.execute(select(Order.number, Order.item_count)
                             .where(Order.number.like("%-2"))).all()
    assert len(split) == 1 and split[0].item_count == 1


def test_the_orders_menu_lists_every_action_with_its_shortcut(qtbot, ctx, shop):
    from ordermgr.ui.main_window import MainWindow
    window = MainWindow(ctx, live=False)
    qtbot.addWidget(window)
    desk = window.open_area("orders")
    texts = {a.text(): a.shortcut().toString() for a in desk.menu.actions() if a.text()}
    assert texts["&Confirm"] == "Ctrl+Shift+C" and texts["Cance&l order…"] == "Ctrl+Shift+X"
    assert "Ctrl+Shift+C" in desk.actions_by_key["confirm"].toolTip()
    assert desk.menu.menuAction().isVisible()
    window.open_area("settings")
    assert not desk.menu.menuAction().isVisible()
    qtbot.waitUntil(lambda: desk.model.rowCount() > 0)


def test_a_lost_connection_during_a_bulk_action_is_reported_per_order(qtbot, ctx, desk, shop,
                                                                      monkeypatch):
    from ordermgr.errors import DatabaseUnavailable
    _, ids = shop
    real = orders.confirm_order

    def flaky(uow, order_id, **kwargs):
        if order_id == ids[-2]:
            raise DatabaseUnavailable("Cannot reach the database. Nothing was saved; try again.")
        return real(uow, order_id, **kwargs)
    monkeypatch.setattr(orders, "confirm_order", flaky)
    desk.select_rows([0, 1, 2])
    with qtbot.waitSignal(desk.action_finished, timeout=10000):
        desk.actions_by_key["confirm"].trigger()
    (report,) = desk.dialogs.reports
    assert sorted(ok for _, ok, _ in report) == [False, True, True]
    assert "Nothing was saved" in next(m for _, ok, m in report if not ok)
    assert status_of(ctx, ids[-2]) == OrderStatus.PENDING_PAYMENT
    assert status_of(ctx, ids[-1]) == OrderStatus.ALLOCATED


def test_deep_in_a_long_queue_a_change_rereads_only_the_visible_pages(qtbot, ctx, desk, shop,
                                                                       monkeypatch):
    _, ids = shop
    monkeypatch.setattr(model_module, "FULL_RELOAD_ROWS", 0)  # treat the queue as long
    desk.go_to_row(11)
    row = desk.model.row_of(ids[0])  # the oldest order: the last row
    assert row == 11
    orders.hold_order(uow_for(ctx.engine, "dave", "supervisor"), ids[0], reason="check")
    with qtbot.waitSignal(desk.model.window_refreshed, timeout=5000):
        desk.refresh()
    assert desk.model.row_at(11).status == OrderStatus.ON_HOLD
    assert desk.model.rowCount() == 12 and desk.model.cached_rows <= 2 * model_module.PAGE_SIZE


def test_a_clerk_is_not_offered_what_the_role_does_not_allow(qtbot, ctx, shop):
    from ordermgr.config import Settings
    from ordermgr.context import Context
    uow_for(ctx.engine, "erin", "clerk")
    clerk_ctx = Context(Settings(database_url=ctx.settings.database_url, username="erin"))
    clerk_ctx.__dict__["engine"] = ctx.engine
    widget = OrderDesk(clerk_ctx, None, dialogs=FakeDialogs())
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitUntil(lambda: widget.model.rowCount() >= 5)
    widget.select_rows([0])
    assert widget.actions_by_key["confirm"].isEnabled()  # clerks confirm ...
    assert not widget.actions_by_key["cancel"].isEnabled()  # ... but only agents cancel
    widget.select_rows([0, 1])
    assert not widget.actions_by_key["confirm"].isEnabled()  # bulk needs orders.bulk
    QThreadPool.globalInstance().waitForDone(5000)
    qtbot.wait(10)


def test_the_detail_shows_a_breakdown_that_adds_up_with_incl_tax_and_whole_yen(qtbot, ctx, desk):
    number = desk.model.row_at(0).number
    with ctx.uow() as uow:  # a tax-inclusive JPY order, as a Japanese storefront sends it
        order = uow.session.scalar(select(Order).where(Order.number == number))
        order.currency, order.prices_include_tax, order.tax = "JPY", True, Decimal("180.00")
        for line in order.lines:
            line.unit_price = line.total = Decimal("1980.00")
        order.shipping, order.discount = Decimal("0.00"), Decimal("0.00")
        order.recompute_totals()
        uow.commit()
    desk.table.setFocus()
    desk.table.setCurrentIndex(desk.model.index(0, 0))
    qtbot.keyClick(desk.table, Qt.Key_Return)
    qtbot.waitUntil(lambda: desk.detail.detail is not None and desk.detail.detail["number"] == number)
    text = desk.detail.amounts.text()
    assert text.splitlines()[0] == ("Subtotal 1,980 JPY + shipping 0 JPY − discount 0 JPY = "
                                    "total 1,980 JPY (incl. tax 180 JPY)")
    assert text.splitlines()[1] == "Paid 0 JPY · refunded 0 JPY · balance 1,980 JPY"
    assert desk.detail.lines.item(0, 3).text() == "1,980 JPY"
