"""The pick list on screen: selecting a batch shows per warehouse and bin the quantity of each
SKU across the batch, then per order slot; the same data the PDF prints."""

from PySide6.QtCore import QModelIndex

from ordermgr.services import fulfilment, orders
from ordermgr.ui.fulfilment import create
from tests.factories import build_catalog, place_order


def allocated(uow, lines):
    oid = place_order(uow, lines)
    orders.confirm_order(uow, oid, override_reason="B2B terms")
    return oid


def texts(item_parent, model, column=0):
    item_parent = item_parent or QModelIndex()
    return [model.index(r, column, item_parent).data() for r in range(model.rowCount(item_parent))]


def test_selecting_a_batch_shows_its_pick_list_grouped_by_warehouse_bin_and_slot(qtbot, ctx, uow):
    build_catalog(uow)
    a = allocated(uow, {"TEA-01": 2, "CUP-02": 1})
    b = allocated(uow, {"TEA-01": 3})
    older = fulfilment.create_pick_batch(uow, [a])  # noqa: F841 - a second batch to choose from
    c = allocated(uow, {"CUP-02": 1})
    newest = fulfilment.create_pick_batch(uow, [b, c])
    with uow:
        numbers = {oid: uow.get_order(oid).number for oid in (a, b, c)}
        expected = fulfilment.pick_list(uow.session, newest)
    page = create(ctx, None)
    qtbot.addWidget(page)
    batches = page.batches
    qtbot.waitUntil(lambda: batches.model.rowCount() == 2, timeout=5000)
    view, tree = batches.pick_list, batches.pick_list.tree
    assert tree.rowCount() == 0  # nothing selected yet

    batches.select_batch(0)  # newest first
    qtbot.waitUntil(lambda: view.plist is not None and view.batch_id == newest, timeout=5000)
    assert view.plist == expected  # the very data the PDF is drawn from
    assert texts(None, tree) == ["Warehouse MAIN"]
    wh = tree.index(0, 0)
    assert tree.index(0, 3).data() == "4"  # units to pick in MAIN across the batch
    assert texts(wh, tree, 1) == ["CUP-02", "TEA-01"]
    assert texts(wh, tree, 3) == ["1", "3"]
    cup, tea = tree.index(0, 0, wh), tree.index(1, 0, wh)
    assert texts(cup, tree) == [f"[2] #{numbers[c]}"] and texts(cup, tree, 3) == ["1"]
    assert texts(tea, tree) == [f"[1] #{numbers[b]}"] and texts(tea, tree, 3) == ["3"]
    assert view.isExpanded(tea)

    batches.select_batch(1)  # the other batch replaces the list
    qtbot.waitUntil(lambda: view.batch_id == older and view.plist.batch_number
                    == batches.model.row_at(1).number, timeout=5000)
    wh = tree.index(0, 0)
    assert texts(wh, tree, 1) == ["CUP-02", "TEA-01"] and texts(wh, tree, 3) == ["1", "2"]
    assert texts(tree.index(1, 0, wh), tree) == [f"[1] #{numbers[a]}"]


def test_print_button_asks_for_a_file_and_writes_the_selected_batch(qtbot, ctx, uow, tmp_path):
    from pypdf import PdfReader
    build_catalog(uow)
    batch = fulfilment.create_pick_batch(uow, [allocated(uow, {"TEA-01": 1})])
    page = create(ctx, None)
    qtbot.addWidget(page)
    batches = page.batches
    qtbot.waitUntil(lambda: batches.model.rowCount() == 1, timeout=5000)
    asked = []
    out = tmp_path / "list.pdf"
    batches.ask_path = lambda parent, name: asked.append(name) or str(out)
    batches.select_batch(0)
    batches.print_list.click()
    qtbot.waitUntil(lambda: "Saved" in batches.message.text(), timeout=10000)
    number = batches.model.row_at(0).number
    assert asked == [f"{number}-picklist.pdf"] and batches.model.row_at(0).id == batch
    assert "TEA-01" in PdfReader(out).pages[0].extract_text()
