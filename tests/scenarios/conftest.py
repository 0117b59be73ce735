# The scenarios drive a demo storefront over real HTTP, like the connector tests.
from tests.connectors.conftest import connect, secret_file, serve  # noqa: F401
