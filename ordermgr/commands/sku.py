"""`ordermgr sku unmatched [--json]` and `ordermgr sku map STORE REMOTE_SKU SKU`: storefront
SKUs missing from the catalogue, and mapping them (once per store) so their orders allocate."""

from __future__ import annotations

import json
from dataclasses import asdict

from ordermgr.jsonout import add_json_flag, emit
from ordermgr.services import sku_mapping, stores


def register(sub) -> None:
    sku = sub.add_parser("sku", help="storefront SKUs that are not in the catalogue, and mapping them")
    actions = sku.add_subparsers(dest="sku_command", metavar="ACTION", required=True)
    unmatched = actions.add_parser("unmatched", help="storefront SKUs that orders wait on")
    unmatched.add_argument("--store", metavar="NAME", help="only this store")
    unmatched.add_argument("--json", action="store_true", help="machine-readable output")
    unmatched.set_defaults(func=_unmatched)
    mapping = actions.add_parser("map", help="map a storefront SKU to a catalogue SKU (remembered "
                                             "for later orders; waiting orders are allocated)")
    mapping.add_argument("store", help="the storefront's name")
    mapping.add_argument("remote_sku", help="the SKU (or variant id) the storefront sends")
    mapping.add_argument("sku", help="the catalogue SKU (code or barcode)")
    mapping.set_defaults(func=_map)
    listing = actions.add_parser("mappings", help="list the SKU mappings")
    listing.add_argument("--store", metavar="NAME", help="only this store")
    add_json_flag(listing)
    listing.set_defaults(func=_mappings)


def _store_id(ctx, name: str | None) -> int | None:
    return stores.find_store(ctx.uow(), name) if name else None


def _unmatched(args, ctx) -> int:
    rows = sku_mapping.unmatched(ctx.engine, store_id=_store_id(ctx, args.store))
    if args.json:
        print(json.dumps([asdict(r) for r in rows], ensure_ascii=False, indent=2))
        return 0
    if not rows:
        print("No order waits on an unmatched SKU.")
        return 0
    print(f"{'STORE':<20} {'STOREFRONT SKU':<24} {'ORDERS':>6} {'QTY':>5}  PRODUCT")
    for r in rows:
        print(f"{r.store[:20]:<20} {r.remote_sku[:24]:<24} {r.orders:>6} {r.quantity:>5}  {r.name}")
    print("Map one with `ordermgr sku map STORE STOREFRONT_SKU CATALOGUE_SKU`.")
    return 0


def _map(args, ctx) -> int:
    result = sku_mapping.map_sku(ctx.uow(), store_id=stores.find_store(ctx.uow(), args.store),
                                 remote_sku=args.remote_sku, sku=args.sku)
    print(result.summary())
    return 0


def _mappings(args, ctx) -> int:
    rows = sku_mapping.mappings(ctx.engine, store_id=_store_id(ctx, args.store))
    if args.json:
        emit(rows)
        return 0
    if not rows:
        print("No SKU mappings yet.")
    for r in rows:
        print(f"{r.store[:20]:<20} {r.remote_sku:<24} -> {r.sku}")
    return 0
