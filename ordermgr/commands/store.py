"""`ordermgr store add|list|test|edit|remove`: storefront connections from a terminal.

The credential comes from --credential, else $ORDERMGR_STORE_CREDENTIAL, else a hidden prompt.
WooCommerce takes "consumer_key:consumer_secret"; Shopify an Admin API access token (shpat_…);
Medusa a secret API key (sk_…).
"""

from __future__ import annotations

import getpass
import os
import sys

from ordermgr.errors import ValidationError
from ordermgr.jsonout import add_json_flag, emit
from ordermgr.services import stores
from ordermgr.sync import CONNECTORS

CREDENTIAL_ENV = "ORDERMGR_STORE_CREDENTIAL"
HINTS = {"shopify": "Admin API access token (shpat_...)",
         "woocommerce": "consumer key and secret as ck_...:cs_...",
         "medusa": "secret API key (sk_...)"}


def register(sub) -> None:
    store = sub.add_parser("store", help="add, list, test, edit and remove storefront connections")
    actions = store.add_subparsers(dest="store_command", metavar="ACTION", required=True)
    add = actions.add_parser("add", help="connect a storefront")
    add.add_argument("name")
    add.add_argument("--platform", required=True, choices=sorted(CONNECTORS))
    add.add_argument("--url", required=True, help="the shop's address, e.g. https://shop.example.com")
    add.add_argument("--credential", help=f"API credential (else ${CREDENTIAL_ENV}, else a prompt)")
    add.add_argument("--currency", default="CNY", help="the shop's currency (default CNY)")
    add.add_argument("--code", help="order-number prefix (default: from the name)")
    add.add_argument("--option", action="append", default=[], metavar="KEY=VALUE",
                     help="connector option, e.g. api_version=2025-01 or location_id=...")
    add.add_argument("--no-test", action="store_true", help="don't test the connection after adding")
    add.set_defaults(func=_add)
    ls = actions.add_parser("list", help="list storefront connections and their sync status")
    add_json_flag(ls)
    ls.set_defaults(func=_list)
    test = actions.add_parser("test", help="check a store's URL and credentials")
    test.add_argument("name")
    test.set_defaults(func=_test)
    edit = actions.add_parser("edit", help="change a store's URL, credential or state")
    edit.add_argument("name")
    edit.add_argument("--url")
    edit.add_argument("--rename")
    edit.add_argument("--credential", help="new credential ('-' to be prompted)")
    edit.add_argument("--enable", dest="active", action="store_const", const=True)
    edit.add_argument("--disable", dest="active", action="store_const", const=False)
    edit.add_argument("--option", action="append", default=[], metavar="KEY=VALUE")
    edit.set_defaults(func=_edit)
    remove = actions.add_parser("remove", help="remove a store (deactivated if it has orders)")
    remove.add_argument("name")
    remove.set_defaults(func=_remove)


def _options(pairs: list[str]) -> dict:
    out = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise ValidationError(f"--option {pair!r} must look like KEY=VALUE.")
        out[key.strip()] = value.strip()
    return out


def _credential(platform: str, given: str | None) -> str:
    if given and given != "-":
        return given
    if given != "-" and os.environ.get(CREDENTIAL_ENV):
        return os.environ[CREDENTIAL_ENV]
    if not sys.stdin.isatty():
        raise ValidationError(f"Give the credential with --credential or ${CREDENTIAL_ENV} "
                              "(no terminal to ask on).")
    return getpass.getpass(f"{HINTS.get(platform, 'credential')}: ")


def _add(args, ctx) -> int:
    fields = dict(name=args.name, platform=args.platform, url=args.url,
                  credential=_credential(args.platform, args.credential), currency=args.currency,
                  code=args.code, options=_options(args.option))
    if args.no_test:
        stores.add_store(ctx.uow(), **fields)
    else:  # a store that cannot connect is not saved: fix the command and run it again
        store_id, result = stores.add_tested_store(ctx.uow(), **fields)
        print(result.message)
        if store_id is None:
            print(f"{args.name} was not saved; correct the URL or credential and run the same "
                  "command again (or add --no-test to save it untested).")
            return 2
    print(f"Added {args.name} ({args.platform}).")
    return 0


def _list(args, ctx) -> int:
    rows = stores.store_statuses(ctx.engine)
    if args.json:
        emit(rows)
        return 0
    if not rows:
        print("No storefronts yet; add one with `ordermgr store add NAME --platform ... --url ...`.")
        return 0
    print(f"{'NAME':<20} {'PLATFORM':<12} {'ACTIVE':<6} {'LAST SUCCESS (UTC)':<19} {'PULLED':>7} "
          f"{'PENDING':>7} {'PARKED':>6}  URL")
    for r in rows:
        last = r.last_success_at.strftime("%Y-%m-%d %H:%M") if r.last_success_at else "never"
        print(f"{r.name[:20]:<20} {r.platform:<12} {'yes' if r.active else 'no':<6} {last:<19} "
              f"{r.orders_pulled:>7} {r.pending:>7} {r.parked:>6}  {r.url}")
        if r.last_error:
            print(f"    last error: {r.last_error}")
    return 0


def _find(ctx, name: str) -> int:
    return stores.find_store(ctx.uow(), name)


def _test(args, ctx) -> int:
    result = stores.test_store(ctx.uow(), _find(ctx, args.name))
    print(result.message)
    return 0 if result.ok else 2


def _edit(args, ctx) -> int:
    store_id = _find(ctx, args.name)
    credential = None
    if args.credential is not None:
        platform = stores.get_connection(ctx.uow(), store_id).platform
        credential = _credential(platform, args.credential)
    stores.edit_store(ctx.uow(), store_id, name=args.rename, url=args.url, credential=credential,
                      active=args.active, options=_options(args.option) or None)
    print(f"Saved {args.rename or args.name}.")
    return 0


def _remove(args, ctx) -> int:
    print(stores.remove_store(ctx.uow(), _find(ctx, args.name)))
    return 0
