"""The warehouse commands end to end: pick list, documents, waybill import preview and commit."""

from pypdf import PdfReader

from ordermgr.cli import main
from ordermgr.models import OrderStatus
from ordermgr.services import orders
from tests.factories import build_catalog, place_order


def run(engine, *argv):
    return main(["--database", engine.url.render_as_string(hide_password=False), "--user", "alice",
                 *argv])


def test_picklist_documents_and_waybill_import_from_the_command_line(engine, uow, tmp_path, capsys):
    build_catalog(uow)
    ids = [place_order(uow, {"TEA-01": 1}) for _ in range(2)]
    for oid in ids:
        orders.confirm_order(uow, oid, override_reason="B2B terms")
    assert run(engine, "picklist", "--queue", "allocated", "--out", str(tmp_path / "p.pdf")) == 0
    assert "PB-000001: 2 orders" in capsys.readouterr().out
    assert "TEA-01" in PdfReader(tmp_path / "p.pdf").pages[0].extract_text()
    with uow:
        numbers = [uow.get_order(i).number for i in ids]
    assert run(engine, "documents", "--orders", ",".join(numbers), "--out",
               str(tmp_path / "d.pdf")) == 0
    assert len(PdfReader(tmp_path / "d.pdf").pages) == 4
    for oid in ids:
        orders.pack_order(uow, oid)
    listing = tmp_path / "w.csv"
    listing.write_text(f"{numbers[0]},SF1311520937431\n{numbers[1]},SF99\n", encoding="utf-8")
    assert run(engine, "waybills", "import", str(listing), "--commit") == 1
    out = capsys.readouterr()
    assert "too short" in out.out and "nothing was imported" in out.err
    listing.write_text(f"{numbers[0]},SF1311520937431\n{numbers[1]},1Z999AA10123456784\n")
    assert run(engine, "waybills", "import", str(listing)) == 0
    assert "--commit" in capsys.readouterr().out
    assert run(engine, "waybills", "import", str(listing), "--commit") == 0
    with uow:
        assert {uow.get_order(i).status for i in ids} == {OrderStatus.SHIPPED}
    assert run(engine, "documents", "--orders", "NOPE", "--out", str(tmp_path / "x.pdf")) == 1
    assert "No order #NOPE" in capsys.readouterr().err
