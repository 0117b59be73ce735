"""`ordermgr stock list|verify|ledger|adjust|import|export|reorder`: inventory from a terminal."""

from __future__ import annotations

import json

from ordermgr.commands.orders import _positive  # the same --limit rule as orders list
from ordermgr.jsonout import add_json_flag, emit
from ordermgr.models.inventory import ADJUSTMENT_REASONS


def register(sub) -> None:
    stock = sub.add_parser("stock", help="stock levels, ledger check, adjustments, import/export")
    actions = stock.add_subparsers(dest="stock_command", metavar="ACTION", required=True)

    ls = actions.add_parser("list", help="stock per SKU and warehouse")
    ls.add_argument("--warehouse", help="only this warehouse (code)")
    ls.add_argument("--low", action="store_true", help="only levels at or below their threshold")
    ls.add_argument("--search", default="", help="SKU, barcode or name fragment")
    ls.add_argument("--limit", type=_positive, default=100, help="at most this many rows (default 100)")
    ls.add_argument("--json", action="store_true", help="print JSON instead of a table")
    ls.set_defaults(func=_list)

    verify = actions.add_parser("verify", help="prove every stock level equals the sum of its "
                                               "ledger movements and holds a sane number "
                                               "(exit 1 otherwise)")
    add_json_flag(verify)
    verify.set_defaults(func=_verify)

    ledger = actions.add_parser("ledger", help="the newest movements of a SKU")
    ledger.add_argument("sku", help="SKU code or barcode")
    ledger.add_argument("--warehouse", help="only this warehouse (code)")
    ledger.add_argument("--limit", type=_positive, default=50)
    add_json_flag(ledger)
    ledger.set_defaults(func=_ledger)

    adjust = actions.add_parser("adjust", help="add or remove units with a reason")
    adjust.add_argument("sku", help="SKU code or barcode")
    adjust.add_argument("warehouse", help="warehouse code")
    adjust.add_argument("delta", help="+N to add, -N to remove")
    adjust.add_argument("--reason", required=True, choices=list(ADJUSTMENT_REASONS))
    adjust.add_argument("--note", default="", help="free text kept in the ledger")
    adjust.set_defaults(func=_adjust)

    imp = actions.add_parser("import", help="preview (and with --commit, apply) products and stock "
                                            "levels from an .xlsx or .csv file")
    imp.add_argument("file")
    imp.add_argument("--commit", action="store_true",
                     help="write the file (all or nothing); without it only the preview is shown")
    imp.set_defaults(func=_import)

    exp = actions.add_parser("export", help="write every stock level to an .xlsx or .csv file")
    exp.add_argument("file")
    exp.set_defaults(func=_export)

    reorder = actions.add_parser("reorder", help="reorder suggestions (threshold, 30-day sales, "
                                                 "lead time)")
    reorder.add_argument("--export", metavar="FILE", help="write them to an .xlsx or .csv file")
    add_json_flag(reorder)
    reorder.set_defaults(func=_reorder)


def _list(args, ctx) -> int:
    from ordermgr.services.inventory import StockFilter, fetch_stock_page, find_warehouse
    from sqlalchemy.orm import Session
    with Session(ctx.engine) as session:
        wh_id = find_warehouse(session, args.warehouse).id if args.warehouse else None
        rows = fetch_stock_page(session.connection(), StockFilter(
            warehouse_id=wh_id, low_only=args.low, search=args.search), limit=args.limit)
    if args.json:
        print(json.dumps([{"sku": r.sku, "barcode": r.barcode, "name": r.name,
                           "warehouse": r.warehouse, "on_hand": r.on_hand, "reserved": r.reserved,
                           "available": r.available, "incoming": r.incoming,
                           "threshold": r.threshold, "state": r.state,
                           "days_of_cover": None if r.days_of_cover is None
                           else round(r.days_of_cover, 1)} for r in rows],
                         ensure_ascii=False, indent=2))
        return 0
    if not rows:
        print("No stock levels match.")
        return 0
    print(f"{'SKU':<16} {'WH':<6} {'ON HAND':>8} {'RESERVED':>8} {'AVAIL':>6} {'INCOMING':>8} "
          f"{'THRESH':>6} {'COVER':>6}  STATE  NAME")
    for r in rows:
        cover = "-" if r.days_of_cover is None else f"{r.days_of_cover:.0f}d"
        state = {"ok": "", "low": "LOW", "out": "OUT", "oversold": "OVERSOLD!"}[r.state]
        print(f"{r.sku[:16]:<16} {r.warehouse[:6]:<6} {r.on_hand:>8} {r.reserved:>8} "
              f"{r.available:>6} {r.incoming:>8} {r.threshold:>6} {cover:>6}  {state:<6} {r.name[:30]}")
    return 0


def _verify(args, ctx) -> int:
    from ordermgr.services.stock import bad_values, verify_ledger
    with ctx.engine.connect() as conn:
        bad = bad_values(conn)
        drift = verify_ledger(conn)
    if args.json:
        emit({"ok": not drift and not bad, "drift": drift,
              "bad_values": [b.describe() for b in bad]})
        return 1 if drift or bad else 0
    if not drift and not bad:
        print("Ledger OK: every stock level equals the sum of its movements.")
        return 0
    if bad:
        print(f"{len(bad)} stock number(s) that can't be right:")
        for b in bad:
            print(f"  {b.describe()}")
    if drift:
        print(f"Ledger drift in {len(drift)} stock level(s):")
        for d in drift:
            print(f"  {d.describe()}")
    return 1


def _ledger(args, ctx) -> int:
    from sqlalchemy.orm import Session

    from ordermgr.services.inventory import find_sku, find_warehouse, ledger
    with Session(ctx.engine) as session:
        sku = find_sku(session, args.sku)
        wh_id = find_warehouse(session, args.warehouse).id if args.warehouse else None
        rows = ledger(session.connection(), sku.id, wh_id, limit=args.limit)
    if args.json:
        emit({"sku": sku.code, "name": sku.name, "movements": [
            {"at": at, "warehouse": wh, "kind": kind, "on_hand_change": d_on_hand,
             "reserved_change": d_reserved, "on_hand": on_hand, "reserved": reserved,
             "reason": reason} for at, wh, kind, d_on_hand, d_reserved, on_hand, reserved, reason, _
            in rows]})
        return 0
    print(f"{sku.code} {sku.name}")
    print(f"{'WHEN (UTC)':<16} {'WH':<6} {'KIND':<13} {'ΔON HAND':>8} {'ΔRESERVED':>9} "
          f"{'ON HAND':>8} {'RESERVED':>8}  REASON")
    for at, wh, kind, d_on_hand, d_reserved, on_hand, reserved, reason, _ref in rows:
        print(f"{at:%Y-%m-%d %H:%M} {wh[:6]:<6} {kind[:13]:<13} {d_on_hand:>+8d} {d_reserved:>+9d} "
              f"{on_hand:>8} {reserved:>8}  {reason}")
    return 0


def _adjust(args, ctx) -> int:
    from ordermgr.services.inventory import adjust_stock
    on_hand, reserved = adjust_stock(ctx.uow(), args.sku, args.warehouse, args.delta,
                                     reason=args.reason, note=args.note)
    print(f"{args.sku} in {args.warehouse.upper()}: {on_hand} on hand, {reserved} reserved, "
          f"{on_hand - reserved} available.")
    return 0


def _import(args, ctx) -> int:
    from ordermgr.services.permissions import require_all
    from ordermgr.services.stock_import import commit_import, preview_import
    if args.commit:  # say so before reading a large file, not after
        require_all(ctx.actor, ("stock.import",), "import products and stock")
    with ctx.engine.connect() as conn:
        preview = preview_import(conn, args.file)
    print(preview.summary)
    for error in preview.errors[:200]:
        print(f"  {error}")
    if preview.error_count > 200:
        print(f"  … and {preview.error_count - 200} more")
    if preview.error_count:
        print("Nothing was imported. Fix the rows above and run the import again.")
        return 1
    if not args.commit:
        print("Preview only: nothing was written. Run again with --commit to import.")
        return 0
    result = commit_import(ctx.uow(), args.file)
    print(f"Imported {result.rows} rows: {result.created} new SKUs, {result.movements} stock "
          "movements.")
    return 0


def _export(args, ctx) -> int:
    from ordermgr.services.stock_import import export_stock
    with ctx.engine.connect() as conn:
        count = export_stock(conn, args.file)
    print(f"Wrote {count} stock levels to {args.file}.")
    return 0


def _reorder(args, ctx) -> int:
    from ordermgr.services.inventory import reorder_suggestions
    from ordermgr.services.stock_import import export_reorder
    with ctx.engine.connect() as conn:
        if args.export:
            count = export_reorder(conn, args.export)
            print(f"Wrote {count} reorder suggestions to {args.export}.")
            return 0
        suggestions = reorder_suggestions(conn)
    if args.json:
        emit(suggestions)
        return 0
    if not suggestions:
        print("Nothing needs reordering.")
        return 0
    print(f"{'SKU':<16} {'AVAIL':>6} {'TRANSIT':>7} {'PER DAY':>7} {'LEAD':>5} {'POINT':>6} {'ORDER':>6}")
    for s in suggestions:
        print(f"{s.sku[:16]:<16} {s.available:>6} {s.in_transit:>7} {s.daily_sales:>7.2f} "
              f"{s.lead_time_days:>5} {s.reorder_point:>6} {s.quantity:>6}")
    return 0
