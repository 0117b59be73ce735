"""Shipping documents as PDF (reportlab): batch pick lists, packing slips and 100×150 mm labels.

Everything for a batch goes into one PDF (a packing slip, then the label, per order). Text
in Chinese (or any non-Latin script) is set in the CJK font of ordermgr.reports.fonts (embedded);
Latin text uses Helvetica. Order numbers and
waybills are Code128 barcodes.

Files are written whole or not at all: the PDF is built in memory, written to a temporary file
in the target folder and moved over the requested name in one step (os.replace).
"""

from __future__ import annotations

import errno
import io
import os
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from reportlab.graphics.barcode.code128 import Code128
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ordermgr.errors import UserError
from ordermgr.reports.fonts import cjk_font
from ordermgr.models import Order, Store, Warehouse

LABEL = (100 * mm, 150 * mm)
LATIN, LATIN_BOLD = "Helvetica", "Helvetica-Bold"


class DocumentError(UserError):
    """A document could not be written (printer file, folder, permissions)."""


# -- data ---------------------------------------------------------------------------------------

@dataclass
class DocLine:
    sku: str
    name: str
    quantity: int


@dataclass
class OrderDocument:
    number: str
    placed_at: datetime
    shop: str
    recipient: str
    phone: str
    address: list[str]
    lines: list[DocLine]
    carrier: str = ""
    waybill: str = ""
    sender: list[str] = field(default_factory=list)
    note: str = ""
    logo: str = ""  # path to the shop's logo image, if it has one


def load_order_documents(session: Session, order_ids: Iterable[int], *,
                         chunk: int = 500) -> list[OrderDocument]:
    """Everything the slips and labels need, read in chunks (keeps IN lists short)."""
    ids = list(order_ids)
    stores = {s.id: s for s in session.scalars(select(Store))}
    sender_wh = session.scalars(select(Warehouse).where(Warehouse.active)
                                .order_by(Warehouse.priority, Warehouse.id)).first()
    docs: dict[int, OrderDocument] = {}
    for start in range(0, len(ids), chunk):
        part = ids[start:start + chunk]
        orders = session.scalars(select(Order).where(Order.id.in_(part)).options(
            selectinload(Order.lines), selectinload(Order.shipments))).all()
        for order in orders:
            store = stores.get(order.store_id)
            shipment = order.shipments[-1] if order.shipments else None
            options = (store.options or {}) if store else {}
            sender = [store.name if store else ""]
            if sender_wh is not None:
                sender += [line for line in (sender_wh.address or sender_wh.name).splitlines() if line]
            docs[order.id] = OrderDocument(
                number=order.number, placed_at=order.placed_at,
                shop=store.name if store else "", recipient=order.ship_name or order.customer_name,
                phone=order.ship_phone or order.phone,
                address=[x for x in (order.ship_line1, order.ship_line2,
                                     " ".join(p for p in (order.ship_postcode, order.ship_city,
                                                          order.ship_region) if p),
                                     order.ship_country) if x],
                lines=[DocLine(line.sku, line.name, line.quantity) for line in order.lines],
                carrier=shipment.carrier if shipment else "",
                waybill=(shipment.waybill or "") if shipment else "",
                sender=[s for s in sender if s], note=order.note or "",
                logo=str(options.get("logo", "")))
    return [docs[i] for i in ids if i in docs]


# -- fonts --------------------------------------------------------------------------------------

def _font(text: str, bold: bool = False) -> str:
    """Helvetica for Latin-1 text (small, searchable), the CJK font for anything else."""
    try:
        text.encode("latin-1")
    except UnicodeEncodeError:
        return cjk_font()
    return LATIN_BOLD if bold else LATIN


def _text(c: Canvas, x: float, y: float, text: str, size: float = 9, *, bold: bool = False,
          right: bool = False, width: float | None = None) -> None:
    text = text or ""
    font = _font(text, bold)
    if width is not None:
        while text and pdfmetrics.stringWidth(text, font, size) > width:
            text = text[:-4] + "..." if len(text) > 4 else ""
            font = _font(text, bold)
    c.setFont(font, size)
    (c.drawRightString if right else c.drawString)(x, y, text)


def _barcode(c: Canvas, value: str, x: float, y: float, *, height: float, max_width: float) -> None:
    if not value:
        return
    code = Code128(value, barHeight=height, barWidth=0.3 * mm, humanReadable=False, quiet=False)
    if code.width > max_width:
        code = Code128(value, barHeight=height, barWidth=0.3 * mm * max_width / code.width,
                       humanReadable=False, quiet=False)
    code.drawOn(c, x, y)


# -- pages --------------------------------------------------------------------------------------

def draw_packing_slip(c: Canvas, doc: OrderDocument) -> None:
    width, height = A4
    c.setPageSize(A4)
    top = height - 20 * mm
    if doc.logo and Path(doc.logo).is_file():
        try:
            c.drawImage(doc.logo, 20 * mm, top - 12 * mm, width=30 * mm, height=15 * mm,
                        preserveAspectRatio=True, mask="auto")
        except OSError:
            pass  # an unreadable logo is left out, never a failed batch
    _text(c, 20 * mm if not doc.logo else 55 * mm, top, doc.shop, 16, bold=True)
    _text(c, 20 * mm if not doc.logo else 55 * mm, top - 7 * mm, "Packing slip", 10)
    _barcode(c, doc.number, width - 90 * mm, top - 8 * mm, height=14 * mm, max_width=70 * mm)
    _text(c, width - 20 * mm, top - 13 * mm, f"Order #{doc.number}", 10, bold=True, right=True)
    _text(c, width - 20 * mm, top - 18 * mm, f"Placed {doc.placed_at:%Y-%m-%d}", 9, right=True)
    y = top - 30 * mm
    _text(c, 20 * mm, y, "Ship to", 9, bold=True)
    for row in [doc.recipient, doc.phone, *doc.address]:
        y -= 5 * mm
        _text(c, 20 * mm, y, row, 10, width=90 * mm)
    if doc.waybill:
        _text(c, 120 * mm, top - 35 * mm, f"{doc.carrier} {doc.waybill}", 9, width=70 * mm)
    y -= 12 * mm
    _text(c, 20 * mm, y, "SKU", 9, bold=True)
    _text(c, 60 * mm, y, "Item", 9, bold=True)
    _text(c, width - 20 * mm, y, "Qty", 9, bold=True, right=True)
    c.line(20 * mm, y - 2 * mm, width - 20 * mm, y - 2 * mm)
    for line in doc.lines:
        y -= 7 * mm
        if y < 30 * mm:  # long orders continue on another page
            c.showPage()
            c.setPageSize(A4)
            y = height - 25 * mm
            _text(c, 20 * mm, y + 8 * mm, f"Order #{doc.number} (continued)", 9, bold=True)
        _text(c, 20 * mm, y, line.sku, 9, width=38 * mm)
        _text(c, 60 * mm, y, line.name, 9, width=width - 100 * mm)
        _text(c, width - 20 * mm, y, str(line.quantity), 10, bold=True, right=True)
    y -= 10 * mm
    _text(c, 20 * mm, y, f"{sum(l.quantity for l in doc.lines)} items", 9)
    if doc.note:
        _text(c, 20 * mm, y - 6 * mm, f"Note: {doc.note}", 9, width=width - 40 * mm)
    c.showPage()


def draw_label(c: Canvas, doc: OrderDocument) -> None:
    width, height = LABEL
    c.setPageSize(LABEL)
    m = 5 * mm
    c.rect(m / 2, m / 2, width - m, height - m)
    _text(c, m, height - 11 * mm, doc.carrier or "(no carrier yet)", 14, bold=True, width=width - 2 * m)
    _barcode(c, doc.waybill, m, height - 40 * mm, height=24 * mm, max_width=width - 2 * m)
    _text(c, width / 2, height - 45 * mm, doc.waybill or "no waybill", 11, bold=True)
    c.line(m / 2, height - 49 * mm, width - m / 2, height - 49 * mm)
    y = height - 56 * mm
    _text(c, m, y, "TO", 8, bold=True)
    for i, row in enumerate([doc.recipient, doc.phone, *doc.address]):
        y -= 6 * mm
        _text(c, m, y, row, 12 if i == 0 else 10, bold=i == 0, width=width - 2 * m)
    y -= 8 * mm
    c.line(m / 2, y + 4 * mm, width - m / 2, y + 4 * mm)
    _text(c, m, y - 1 * mm, "FROM", 8, bold=True)
    for row in doc.sender[:3]:
        y -= 5 * mm
        _text(c, m, y - 1 * mm, row, 8, width=width - 2 * m)
    _barcode(c, doc.number, m, 8 * mm, height=9 * mm, max_width=width / 2)
    _text(c, width - m, 10 * mm, f"#{doc.number}", 9, right=True)
    _text(c, width - m, 6 * mm, f"{sum(l.quantity for l in doc.lines)} pcs", 8, right=True)
    c.showPage()


def draw_pick_list(c: Canvas, plist, *, printed_at: datetime | None = None) -> None:
    """`plist` is a services.fulfilment.PickList: per warehouse and bin, total per SKU, then the
    quantity per order slot."""
    width, height = A4
    c.setPageSize(A4)
    page = [1]

    def header() -> float:
        _text(c, 15 * mm, height - 15 * mm, f"Pick list {plist.batch_number}", 14, bold=True)
        _text(c, width - 15 * mm, height - 15 * mm,
              f"{plist.order_count} orders · page {page[0]}", 9, right=True)
        _barcode(c, plist.batch_number, width - 75 * mm, height - 30 * mm, height=10 * mm,
                 max_width=60 * mm)
        return height - 38 * mm

    y = header()
    for warehouse, rows in plist.by_warehouse().items():
        if y < 40 * mm:
            c.showPage(), c.setPageSize(A4)
            page[0] += 1
            y = header()
        _text(c, 15 * mm, y, f"Warehouse {warehouse}", 11, bold=True)
        y -= 6 * mm
        _text(c, 15 * mm, y, "Bin", 8, bold=True)
        _text(c, 40 * mm, y, "SKU", 8, bold=True)
        _text(c, 80 * mm, y, "Item", 8, bold=True)
        _text(c, width - 15 * mm, y, "Total", 8, bold=True, right=True)
        y -= 2 * mm
        c.line(15 * mm, y, width - 15 * mm, y)
        for row in rows:
            per_order = "  ".join(f"[{slot}] #{number} ×{qty}" for slot, number, qty in row.orders)
            chunks = _wrap(per_order, 8, width - 55 * mm)
            needed = 6 * mm + 4 * mm * len(chunks)
            if y - needed < 15 * mm:
                c.showPage(), c.setPageSize(A4)
                page[0] += 1
                y = header()
            y -= 6 * mm
            _text(c, 15 * mm, y, row.bin or "-", 9, width=24 * mm)
            _text(c, 40 * mm, y, row.sku, 9, bold=True, width=38 * mm)
            _text(c, 80 * mm, y, row.name, 9, width=width - 115 * mm)
            _text(c, width - 15 * mm, y, str(row.total), 11, bold=True, right=True)
            for chunk in chunks:
                y -= 4 * mm
                _text(c, 45 * mm, y, chunk, 8)
        y -= 6 * mm
    c.showPage()


def _wrap(text: str, size: float, width: float) -> list[str]:
    words, lines, current = text.split("  "), [], ""
    for word in words:
        candidate = f"{current}  {word}" if current else word
        if current and pdfmetrics.stringWidth(candidate, _font(candidate), size) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    return lines + ([current] if current else [])


# -- building and writing -----------------------------------------------------------------------

def build_pdf(draw: Callable[[Canvas], None], *, title: str = "") -> bytes:
    buffer = io.BytesIO()
    c = Canvas(buffer, pagesize=A4, pageCompression=1)
    c.setTitle(title)
    c.setCreator("ordermgr")
    draw(c)
    c.save()
    return buffer.getvalue()


def documents_pdf(docs: list[OrderDocument], *, slips: bool = True, labels: bool = True,
                  progress: Callable[[int, int], bool] | None = None) -> bytes:
    """One PDF for the batch: per order its packing slip, then its label."""
    def draw(c: Canvas) -> None:
        for i, doc in enumerate(docs):
            if progress and i % 25 == 0 and progress(i, len(docs)) is False:
                raise DocumentError("Cancelled; no file was written.")
            if slips:
                draw_packing_slip(c, doc)
            if labels:
                draw_label(c, doc)
    return build_pdf(draw, title=f"Shipping documents ({len(docs)} orders)")


def pick_list_pdf(plist) -> bytes:
    return build_pdf(lambda c: draw_pick_list(c, plist), title=f"Pick list {plist.batch_number}")


def save_pdf(data: bytes, path: str | os.PathLike) -> Path:
    """Write `data` to `path` whole or not at all (a temp file in the same folder, then
    os.replace). A printer file or folder that cannot be written gives one clear sentence."""
    target = Path(path).expanduser()
    if target.is_dir():
        raise DocumentError(f"Cannot write {target}: that is a folder; give a file name.")
    folder = target.parent if str(target.parent) else Path(".")
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
        tmp = None
    except OSError as exc:
        raise DocumentError(_explain(target, exc)) from None
    finally:
        if tmp is not None and os.path.exists(tmp):
            os.unlink(tmp)
    return target


def _explain(target: Path, exc: OSError) -> str:
    if exc.errno == errno.ENOENT:
        return (f"Cannot write {target}: the folder {target.parent} does not exist (is the label "
                "printer's share connected?). Nothing was written.")
    if exc.errno in (errno.EACCES, errno.EPERM):
        return (f"Cannot write {target}: permission denied, or the file is open in another "
                "program. Close it or choose another file. Nothing was written.")
    if exc.errno == errno.ENOSPC:
        return f"Cannot write {target}: the disk is full. Nothing was written."
    return f"Cannot write {target}: {exc.strerror or exc}. Nothing was written."
