"""Storefront connectors (one module per platform), the HTTP layer they share, the demo store and
the runner that pulls orders and pushes the outbox. Nothing here imports Qt.

Adding a platform = one new module defining a `Connector` subclass and registering it in
`CONNECTORS` below (see `connector_for`).
"""

from __future__ import annotations

import importlib

# platform -> module holding `CONNECTOR` (a Connector subclass)
CONNECTORS = {
    "shopify": "ordermgr.sync.shopify",
    "woocommerce": "ordermgr.sync.woocommerce",
    "medusa": "ordermgr.sync.medusa",
}


def connector_class(platform: str):
    from ordermgr.errors import ValidationError
    try:
        module = CONNECTORS[platform]
    except KeyError:
        raise ValidationError(f"There is no connector for the platform {platform!r} yet; "
                              f"supported: {', '.join(CONNECTORS)}.") from None
    return importlib.import_module(module).CONNECTOR
