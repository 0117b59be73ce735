"""Shipping documents: one PDF per batch with the text and page count we expect."""

import errno
import io

import pytest
from pypdf import PdfReader

from ordermgr.reports import documents
from ordermgr.services import fulfilment, orders
from ordermgr.services.fulfilment import WaybillInput
from tests.factories import build_catalog, place_order


def read(data: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(data))


def test_slips_and_labels_for_a_batch_are_one_pdf_with_chinese_text(uow):
    build_catalog(uow)
    ids = [place_order(uow, {"TEA-01": 1, "CUP-02": 1}) for _ in range(2)]
    for oid in ids:
        orders.confirm_order(uow, oid, override_reason="B2B terms")
    batch = fulfilment.create_pick_batch(uow, ids)
    for oid in ids:
        orders.pack_order(uow, oid)
    fulfilment.ship_with_waybill(uow, ids[0], WaybillInput("UPS", "1Z999AA10123456784"))
    with uow:
        docs = documents.load_order_documents(uow.session, ids)
        plist = fulfilment.pick_list(uow.session, batch)
    pdf = read(documents.documents_pdf(docs))
    assert len(pdf.pages) == 4  # slip + label per order
    slip, label = pdf.pages[0].extract_text(), pdf.pages[1].extract_text()
    assert f"Order #{docs[0].number}" in slip and "TEA-01" in slip and "Packing slip" in slip
    assert "张伟" in slip and "北京" in slip  # CJK through the STSong-Light CID font
    assert "1Z999AA10123456784" in label and "UPS" in label and "张伟" in label
    assert abs(float(pdf.pages[1].mediabox.width) - 283.46) < 0.1  # 100 mm
    assert abs(float(pdf.pages[1].mediabox.height) - 425.2) < 0.1  # 150 mm
    picks = read(documents.pick_list_pdf(plist))
    text = picks.pages[0].extract_text()
    assert plist.batch_number in text and "Warehouse MAIN" in text and "TEA-01" in text


def test_a_long_pick_list_runs_over_several_pages():
    from ordermgr.services.fulfilment import PickList, PickRow
    rows = [PickRow("MAIN", f"A-{i:03d}", f"SKU-{i:04d}", f"产品 {i}", 3,
                    [(1, "S1-100", 1), (2, "S1-101", 2)]) for i in range(120)]
    pdf = read(documents.pick_list_pdf(PickList("PB-000001", 2, rows)))
    assert len(pdf.pages) > 2 and "SKU-0119" in pdf.pages[-1].extract_text()


def test_an_unwritable_printer_file_gives_a_clear_message_and_leaves_nothing(tmp_path, monkeypatch):
    missing = tmp_path / "no-printer" / "label.pdf"
    with pytest.raises(documents.DocumentError, match="does not exist"):
        documents.save_pdf(b"%PDF-1.4", missing)
    target = tmp_path / "labels.pdf"
    target.write_bytes(b"old")

    def refuse(src, dst):  # the printer share refuses the file (works even when run as root)
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(documents.os, "replace", refuse)
    with pytest.raises(documents.DocumentError, match="permission denied"):
        documents.save_pdf(b"%PDF-1.4 new", target)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["labels.pdf"]  # no temp file left behind


def test_save_replaces_the_file_in_one_step(tmp_path):
    target = tmp_path / "docs.pdf"
    target.write_bytes(b"old")
    documents.save_pdf(b"%PDF-new", target)
    assert target.read_bytes() == b"%PDF-new" and len(list(tmp_path.iterdir())) == 1
