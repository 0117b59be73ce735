"""Warehouse commands: pick lists, shipping documents, waybill checks and bulk import, carriers,
tracking.

    ordermgr picklist --queue allocated --out picks.pdf
    ordermgr documents --orders S1-1001,S1-1002 --out docs.pdf
    ordermgr waybills import list.xlsx [--carrier "SF Express"] [--commit]
    ordermgr carriers list
    ordermgr waybill check UPS 1Z999AA10123456784
    ordermgr tracking poll --url http://127.0.0.1:8765 | delays | complete
"""

from __future__ import annotations

import argparse
import sys

from sqlalchemy import select
from sqlalchemy.orm import Session

from ordermgr.errors import NotFound, ValidationError
from ordermgr.jsonout import add_json_flag, emit


def register(sub) -> None:
    picks = sub.add_parser("picklist", help="start a pick batch and write its pick list as PDF")
    picks.add_argument("--queue", default="allocated", help="queue to pick from (default: allocated)")
    picks.add_argument("--limit", type=_count, default=500, help="at most this many orders (default 500)")
    picks.add_argument("--batch", help="print an existing batch (PB-000012) instead of starting one")
    picks.add_argument("--out", required=True, help="PDF file to write")
    picks.set_defaults(func=_picklist)

    docs = sub.add_parser("documents", help="packing slips and labels for orders, as one PDF")
    which = docs.add_mutually_exclusive_group(required=True)
    which.add_argument("--orders", help="order numbers, comma separated")
    which.add_argument("--batch", help="every order of a pick batch (PB-000012)")
    docs.add_argument("--out", required=True, help="PDF file to write")
    docs.add_argument("--no-slips", action="store_true", help="labels only")
    docs.add_argument("--no-labels", action="store_true", help="packing slips only")
    docs.set_defaults(func=_documents)

    waybills = sub.add_parser("waybills", help="bulk waybill import")
    wb_actions = waybills.add_subparsers(dest="waybills_command", metavar="ACTION", required=True)
    imp = wb_actions.add_parser("import", help="ship orders from a two-column list "
                                "(order number, waybill): CSV, TSV or .xlsx")
    imp.add_argument("file")
    imp.add_argument("--carrier", help="carrier of every row (default: detect from the number)")
    imp.add_argument("--commit", action="store_true",
                     help="ship them (all or nothing); without it, only the preview")
    imp.set_defaults(func=_import)

    waybill = sub.add_parser("waybill", help="check one waybill number")
    w_actions = waybill.add_subparsers(dest="waybill_command", metavar="ACTION", required=True)
    check = w_actions.add_parser("check", help="is NUMBER a valid waybill of CARRIER?")
    check.add_argument("carrier")
    check.add_argument("number")
    check.set_defaults(func=_check)

    carriers = sub.add_parser("carriers", help="the carrier list")
    c_actions = carriers.add_subparsers(dest="carriers_command", metavar="ACTION", required=True)
    c_list = c_actions.add_parser("list", help="carriers with their formats")
    add_json_flag(c_list)
    c_list.set_defaults(func=_carriers)
    add = c_actions.add_parser("add", help="add a custom carrier")
    add.add_argument("name")
    add.add_argument("pattern", help=r"regular expression of a waybill, e.g. BE\d{10}")
    add.add_argument("--url", default="", help="tracking URL with {waybill}")
    add.add_argument("--hint", default="", help="the format in words, for error messages")
    add.add_argument("--delayed-after", type=int, default=4, help="days without news = delayed")
    add.set_defaults(func=_add_carrier)

    trk = sub.add_parser("tracking", help="tracking updates, delays, completion")
    t_actions = trk.add_subparsers(dest="tracking_command", metavar="ACTION", required=True)
    poll = t_actions.add_parser("poll", help="ask a carrier tracking service for news")
    poll.add_argument("--url", required=True, help="base URL of the tracking service")
    poll.set_defaults(func=_poll)
    fake = t_actions.add_parser("fake-carrier", help="run the local fake carrier tracking service "
                                "(demo data for any waybill) until Ctrl-C")
    fake.add_argument("--port", type=int, default=8765)
    fake.set_defaults(func=_fake_carrier)
    t_actions.add_parser("delays", help="open 'delayed' exceptions for silent parcels"
                         ).set_defaults(func=_delays)
    t_actions.add_parser("complete", help="complete orders delivered without complaint"
                         ).set_defaults(func=_complete)


def _count(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if not 1 <= number <= 1000:
        raise argparse.ArgumentTypeError("must be between 1 and 1000")
    return number


def _batch_id(session: Session, number: str) -> int:
    from ordermgr.models.fulfilment import PickBatch
    found = session.scalar(select(PickBatch.id).where(PickBatch.number == number.strip().upper()))
    if found is None:
        raise NotFound(f"No pick batch {number}.")
    return found


def _picklist(args, ctx) -> int:
    from ordermgr.reports import documents
    from ordermgr.services import fulfilment
    with Session(ctx.engine) as session:
        batch_id = _batch_id(session, args.batch) if args.batch else None
    if batch_id is None:
        batch_id = fulfilment.create_pick_batch(ctx.uow(), queue=args.queue, limit=args.limit)
    with Session(ctx.engine) as session:
        plist = fulfilment.pick_list(session, batch_id)
    path = documents.save_pdf(documents.pick_list_pdf(plist), args.out)
    print(f"{plist.batch_number}: {plist.order_count} orders, {len(plist.rows)} pick lines -> {path}")
    return 0


def _documents(args, ctx) -> int:
    from ordermgr.models import Order
    from ordermgr.reports import documents
    from ordermgr.services import fulfilment
    with Session(ctx.engine) as session:
        if args.batch:
            ids = fulfilment.batch_order_ids(session, _batch_id(session, args.batch))
        else:
            numbers = [n.strip().lstrip("#") for n in args.orders.split(",") if n.strip()]
            found = dict(session.execute(select(Order.number, Order.id)
                                         .where(Order.number.in_(numbers))).all())
            missing = [n for n in numbers if n not in found]
            if missing:
                raise NotFound(f"No order {', '.join('#' + n for n in missing[:10])}.")
            ids = [found[n] for n in numbers]
        docs = documents.load_order_documents(session, ids)
    data = documents.documents_pdf(docs, slips=not args.no_slips, labels=not args.no_labels)
    path = documents.save_pdf(data, args.out)
    print(f"{len(docs)} orders -> {path}")
    return 0


def _import(args, ctx) -> int:
    from ordermgr.services import fulfilment
    rows = fulfilment.parse_waybill_rows(args.file)
    with Session(ctx.engine) as session:
        checks = fulfilment.check_waybill_import(session, rows, carrier=args.carrier)
    for c in checks:
        state = c.outcome if c.ok else f"ERROR {c.error}"
        print(f"row {c.row:>5}  {c.order_number:<14} {c.waybill:<24} {c.carrier:<14} {state}")
    bad = [c for c in checks if not c.ok]
    if bad:
        print(fulfilment.import_error_report(bad, total=len(checks)), file=sys.stderr)
        return 1
    if not args.commit:
        print(f"{len(checks)} rows are fine: {fulfilment.plan_summary(checks)}; run again with "
              "--commit to ship them.")
        return 0
    ids = fulfilment.import_waybills(ctx.uow(), rows, carrier=args.carrier)
    with Session(ctx.engine) as session:
        parcels = fulfilment.count_parcels(session, ids)
    print(f"{len(ids)} shipments with {parcels} parcels created from {len(checks)} rows.")
    return 0


def _check(args, ctx) -> int:
    from ordermgr.services import fulfilment
    with Session(ctx.engine) as session:
        registry = fulfilment.carrier_registry(session)
    try:
        carrier, number = registry.validate(args.carrier, args.number)
    except ValidationError as exc:
        print(f"invalid: {exc}")
        return 1
    print(f"valid {carrier.name} waybill {number}")
    if carrier.tracking_url:
        print(carrier.url_for(number))
    return 0


def _carriers(args, ctx) -> int:
    from ordermgr.services import fulfilment
    with Session(ctx.engine) as session:
        registry = fulfilment.carrier_registry(session)
    if args.json:
        emit([{"code": c.code, "name": c.name, "custom": c.custom, "hint": c.hint,
               "tracking_url": c.tracking_url, "delayed_after_days": c.delayed_after_days,
               "aliases": c.aliases} for c in registry.all])
        return 0
    for c in registry.all:
        kind = "custom" if c.custom else "built-in"
        print(f"{c.name:<16} {kind:<9} delayed after {c.delayed_after_days} d  {c.hint}")
    return 0


def _add_carrier(args, ctx) -> int:
    from ordermgr.services import fulfilment
    fulfilment.add_custom_carrier(ctx.uow(), name=args.name, pattern=args.pattern,
                                  tracking_url=args.url, hint=args.hint,
                                  delayed_after_days=args.delayed_after)
    print(f"Added carrier {args.name}.")
    return 0


def _poll(args, ctx) -> int:
    from ordermgr.fulfilment.tracking import HttpTrackingAdapter
    from ordermgr.services import tracking
    report = tracking.poll_tracking(ctx.uow(), HttpTrackingAdapter(args.url))
    print(f"asked about {report['asked']} parcels, {report['events']} new events")
    for error in report["errors"][:10]:
        print(f"  {error}", file=sys.stderr)
    return 1 if report["errors"] else 0


def _delays(args, ctx) -> int:
    from ordermgr.services import tracking
    print(f"{tracking.flag_delayed_shipments(ctx.uow())} parcels flagged as delayed")
    return 0


def _complete(args, ctx) -> int:
    from ordermgr.services import tracking
    print(f"{tracking.complete_delivered_orders(ctx.uow())} orders completed")
    return 0


def _fake_carrier(args, ctx) -> int:
    import time
    from ordermgr.fulfilment.tracking import FakeCarrierService
    with FakeCarrierService(port=args.port, demo=True) as service:
        print(f"fake carrier tracking at {service.url}; poll it with "
              f"`ordermgr tracking poll --url {service.url}`. Ctrl-C stops it.")
        while True:
            time.sleep(3600)
