"""`ordermgr refund ...` as an agent runs it: list the failed ones, retry, record as paid back by
bank, cancel; one clear line and exit 1 when something can't be done (SQLite and PostgreSQL)."""

import json

from ordermgr.cli import main
from ordermgr.services import refunds
from tests.factories import build_catalog
from tests.services.aftersales_helpers import shipped_order, storefront


def run(engine, capsys, *argv):
    url = engine.url.render_as_string(hide_password=False)
    code = main(["--database", url, "--user", "alice", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def refused(engine, uow, number, reason):
    """The storefront refuses the refund `number` for good (as the outbox pusher reports it)."""
    with engine.connect() as conn:
        refund_id = refunds.find_refund_id(conn, number)
    refunds.push_failed(uow, refund_id, reason=reason, final=True)


def test_failed_refunds_from_the_command_line(engine, uow, capsys):
    build_catalog(uow)
    order_id = shipped_order(uow, {"TEA-01": 2}, storefront=storefront(uow))
    with uow:
        order = uow.get_order(order_id).number
    code, out, _ = run(engine, capsys, "refund", order, "5.00", "--reason", "goodwill")
    assert code == 0 and "Case RMA0000001 opened and refunded (RF0000001)" in out
    code, out, _ = run(engine, capsys, "refund", "list", "--pending", "--json")
    assert [(r["number"], r["status"]) for r in json.loads(out)] == [("RF0000001", "requested")]
    refused(engine, uow, "RF0000001", "422: refund window closed")

    code, out, _ = run(engine, capsys, "refund", "list", "--failed", "--json")
    [row] = json.loads(out)
    assert (row["number"], row["order"], row["case"], row["amount"], row["error"]) == \
        ("RF0000001", order, "RMA0000001", "5.00", "422: refund window closed")
    assert row["actions"] == ["confirm", "retry", "record_paid", "cancel"]
    code, out, _ = run(engine, capsys, "refund", "list", "--failed")
    assert code == 0 and "RF0000001" in out and "failed" in out and "422: refund window closed" in out

    assert run(engine, capsys, "refund", "retry", "RF0000001")[0] == 0
    code, out, _ = run(engine, capsys, "refund", "list", "--failed")
    assert code == 0 and out.strip() == "No refunds."
    refused(engine, uow, "RF0000001", "422: still closed")
    code, out, _ = run(engine, capsys, "refund", "record-paid", "RF0000001", "--method", "bank",
                       "--reference", "ICBC-7781")
    assert code == 0 and "paid back by bank_transfer (ICBC-7781)" in out
    code, out, _ = run(engine, capsys, "refund", "list", "--order", order, "--json")
    assert [(r["status"], r["method"], r["reference"]) for r in json.loads(out)] == \
        [("paid_elsewhere", "bank_transfer", "ICBC-7781")]
    code, out, _ = run(engine, capsys, "returns", "show", "RMA0000001", "--json")
    assert json.loads(out)["status"] == "refunded"

    # a second refund, refused and given up: the order can be refunded again
    run(engine, capsys, "refund", order, "3.00", "--reason", "goodwill")
    refused(engine, uow, "RF0000002", "gateway declined")
    code, _, err = run(engine, capsys, "refund", "cancel", "RF0000002", "--reason", " ")
    assert code == 1 and "Say why the refund is cancelled" in err
    assert run(engine, capsys, "refund", "cancel", "RF0000002", "--reason", "voucher instead")[0] == 0
    code, _, err = run(engine, capsys, "refund", "retry", "RF0000002")
    assert code == 1 and err.startswith("ordermgr: Refund RF0000002 on Order #") and \
        "is cancelled; it can't be retried any more." in err
    code, _, err = run(engine, capsys, "refund", "retry", "RF9999999")
    assert code == 1 and "No refund 'RF9999999'" in err
    code, _, err = run(engine, capsys, "refund", "cancel", "RF0000001", "--reason", "x")
    assert code == 1 and "is paid elsewhere; it can't be cancelled any more." in err
