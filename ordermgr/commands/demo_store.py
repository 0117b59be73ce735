"""`ordermgr demo-store`: a local storefront on 127.0.0.1 speaking the real API shape of Shopify,
WooCommerce or Medusa, with generated orders that keep arriving and changing."""

from __future__ import annotations

import time


def register(sub) -> None:
    demo = sub.add_parser("demo-store", help="run a local demo storefront to try the sync offline")
    demo.add_argument("--platform", default="shopify", choices=["shopify", "woocommerce", "medusa"])
    demo.add_argument("--port", type=int, default=0, help="port on 127.0.0.1 (default: any free one)")
    demo.add_argument("--orders", type=int, default=200, help="orders to start with (default 200)")
    demo.add_argument("--every", type=float, default=10.0,
                      help="seconds between new and changed orders (default 10; 0 = static)")
    demo.add_argument("--seed", type=int, default=1)
    demo.add_argument("--currency", default="CNY", help="the shop's currency (default CNY)")
    demo.add_argument("--tax", default="none", choices=["none", "exclusive", "inclusive"],
                      help="tax added at checkout, or included in the prices (VAT shops)")
    demo.add_argument("--plain", action="store_true",
                      help="plain orders only: no coupons, refunds, deleted products, foreign "
                           "names or presentment currencies (Shopify and WooCommerce)")
    demo.add_argument("--plain-woocommerce", action="store_true",
                      help="WooCommerce without the Shipment Tracking extension (tracking goes in notes)")
    demo.set_defaults(func=_run, needs_database=False)  # serves its own generated orders


def _run(args, ctx) -> int:
    from ordermgr.sync.fake import DemoServer, DemoStore
    store = DemoStore(platform=args.platform, orders=args.orders, seed=args.seed,
                      currency=args.currency.upper(), tax=args.tax,
                      variety=not args.plain and args.platform != "medusa")
    if args.platform == "woocommerce" and not args.plain_woocommerce:
        store.extensions.add("shipment-tracking")
    with DemoServer(store, port=args.port) as server:
        print(f"Demo {args.platform} store with {args.orders} orders at {server.url}", flush=True)
        print("Connect it with:", flush=True)
        print("  ordermgr db upgrade    # only if you have no database yet", flush=True)
        print(f"  ordermgr store add 'Demo {args.platform}' --platform {args.platform} "
              f"--url {server.url} --credential '{store.credential}'", flush=True)
        print("  ordermgr sync --watch --interval 10", flush=True)
        print("Press Ctrl+C to stop.", flush=True)
        try:
            while True:
                time.sleep(args.every if args.every > 0 else 3600)
                if args.every > 0:
                    store.tick(new=1, changes=2)
        except KeyboardInterrupt:
            print("Demo store stopped.")
    return 0
