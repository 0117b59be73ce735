"""A local storefront speaking the real API shapes of Shopify (GraphQL Admin), WooCommerce (REST v3)
and Medusa v2 (Admin API), for `ordermgr demo-store`, the tests and the benchmark."""

from ordermgr.sync.fake.server import DemoServer  # noqa: F401
from ordermgr.sync.fake.store import DemoStore  # noqa: F401
