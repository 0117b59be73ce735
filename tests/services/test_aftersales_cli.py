"""`ordermgr returns ...` and `ordermgr refund` from a terminal, on SQLite and PostgreSQL."""

import json

from ordermgr.cli import main
from tests.factories import build_catalog
from tests.services.aftersales_helpers import shipped_order


def run(engine, capsys, *argv):
    url = engine.url.render_as_string(hide_password=False)
    code = main(["--database", url, "--user", "alice", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_a_return_from_the_command_line(engine, uow, capsys):
    build_catalog(uow)
    order_id = shipped_order(uow, {"TEA-01": 2})
    with uow:
        number = uow.get_order(order_id).number
    code, out, _ = run(engine, capsys, "returns", "open", number, "--line", "TEA-01:1:damaged")
    assert code == 0 and "Opened RMA0000001" in out and "refund 19.90 CNY" in out
    code, _, err = run(engine, capsys, "returns", "open", number, "--line", "TEA-01:5:damaged")
    assert code == 1 and "only 1 can be returned" in err
    assert run(engine, capsys, "returns", "approve", "RMA0000001")[0] == 0
    code, _, err = run(engine, capsys, "returns", "receive", number, "--scan", "CUP-02")
    assert code == 1 and f"CUP-02 is not on return RMA0000001 for order #{number}" in err
    assert run(engine, capsys, "returns", "receive", number, "--scan", "TEA-01")[0] == 0
    assert run(engine, capsys, "returns", "inspect", "RMA0000001", "--line", "TEA-01:sellable")[0] == 0
    code, _, err = run(engine, capsys, "returns", "refund", "RMA0000001")
    assert code == 1 and "enter the bank, cash or gateway reference" in err
    assert run(engine, capsys, "returns", "refund", "RMA0000001", "--reference", "ALI-R1")[0] == 0
    code, out, _ = run(engine, capsys, "refund", number, "5", "--reason", "goodwill", "--reference", "ALI-R2")
    assert code == 0 and "RMA0000002" in out
    code, out, _ = run(engine, capsys, "returns", "list", "--queue", "all", "--json")
    rows = json.loads(out)
    assert [(r["number"], r["status"]) for r in rows] == [("RMA0000001", "refunded"), ("RMA0000002", "refunded")]
    code, out, _ = run(engine, capsys, "returns", "show", "RMA0000001", "--json")
    assert json.loads(out)["refunds"][0]["amount"] == "19.90"


def test_approving_with_a_fee_from_the_command_line_saves_it_and_a_fee_too_high_exits_non_zero(
        engine, uow, capsys):
    from ordermgr.models import ReturnCase
    build_catalog(uow)
    order_id = shipped_order(uow, {"TEA-01": 2})
    with uow:
        number = uow.get_order(order_id).number
    assert run(engine, capsys, "returns", "open", number, "--line", "TEA-01:2:changed_mind")[0] == 0
    code, _, err = run(engine, capsys, "returns", "approve", "RMA0000001", "--restocking-fee", "50")
    assert code == 1 and "the restocking fee 50.00 CNY is more than the goods and shipping" in err
    assert run(engine, capsys, "returns", "approve", "RMA0000001", "--restocking-fee", "5.00")[0] == 0
    with uow:
        case = uow.session.get(ReturnCase, 1)
        assert (case.status, str(case.restocking_fee), str(case.refund_amount)) == (
            "awaiting_goods", "5.00", "34.80")
