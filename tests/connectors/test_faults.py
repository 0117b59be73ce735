"""Each fault a storefront can throw at us, on real HTTP against the demo store: the pull either
recovers (retries with backoff, Retry-After, THROTTLED restore time) or fails with a message that
names the store and says what to do. A request that is not safe to repeat (a POST that creates
something) is only sent again when it never left or was turned away unprocessed."""

import time

import pytest

from ordermgr.sync import connector_class
from ordermgr.sync.base import (OutcomeUnknown, RateLimited, StoreAuthError, StoreBadResponse,
                                StoreUnreachable)
from tests.connectors.conftest import PLATFORMS, fast_http


def connector(platform, demo, server, **http):
    cls = connector_class(platform)
    return cls(name="Tea House", base_url=server.url, credential=demo.credential,
               http=fast_http("Tea House", **http))


def pull_all(conn, page_size=7):
    seen = {}
    for page in conn.iter_order_pages(None, page_size=page_size):
        for order in page.parsed():
            seen[order.external_id] = order
    return seen


@pytest.mark.parametrize("platform", PLATFORMS)
@pytest.mark.parametrize("fault", ["429", "500", "503", "drop", "malformed"])
def test_a_transient_fault_is_retried_and_the_pull_completes(serve, platform, fault):
    demo, server = serve(platform, orders=15)
    demo.inject(fault, times=2, method="GET" if platform != "shopify" else "POST", seconds=0.02)
    conn = connector(platform, demo, server)
    assert len(pull_all(conn)) == 15
    assert conn.http.retries >= 2


def test_retry_after_is_honoured(serve):
    demo, server = serve("woocommerce", orders=3)
    demo.inject("429", seconds=0.3)
    slept = []
    conn = connector("woocommerce", demo, server)
    conn.http.sleep = lambda s: slept.append(s)
    pull_all(conn)
    assert slept == [0.3]


def test_shopify_throttled_inside_a_200_waits_for_the_restore_time(serve):
    demo, server = serve("shopify", orders=5)
    demo.inject("throttled", seconds=0.4)  # (requested - available) / restoreRate = 0.4 s
    slept = []
    conn = connector("shopify", demo, server)
    conn.http.sleep = lambda s: slept.append(s)
    assert len(pull_all(conn)) == 5
    assert slept and abs(slept[0] - 0.4) < 1e-6


def test_shopify_slows_down_before_the_bucket_runs_dry():
    from ordermgr.sync.shopify import ShopifyConnector
    slept = []
    conn = ShopifyConnector(name="Tea House", base_url="http://127.0.0.1:9", credential="x",
                            http=fast_http("Tea House"))
    conn.http.sleep = lambda s: slept.append(s)
    conn._available, conn._next_cost, conn._restore = 20.0, 120.0, 100.0
    conn._slow_down()
    assert slept == [1.0]


def test_timeouts_are_retried_then_reported(serve):
    demo, server = serve("medusa", orders=3)
    demo.inject("timeout", times=1, path="/admin/orders", seconds=0.6)
    conn = connector("medusa", demo, server, timeout=(0.3, 0.3))
    assert len(pull_all(conn)) == 3
    demo.inject("timeout", times=3, path="/admin/orders", seconds=0.5)
    conn = connector("medusa", demo, server, timeout=(0.2, 0.2), max_attempts=2)
    with pytest.raises(StoreUnreachable, match="Tea House.*did not answer in time"):
        pull_all(conn)
    time.sleep(0.5)  # let the slow handlers finish before the server stops


@pytest.mark.parametrize("platform", PLATFORMS)
def test_an_html_page_instead_of_json_is_reported_as_a_hosting_problem(serve, platform):
    demo, server = serve(platform, orders=3)
    demo.inject("html", times=5)
    with pytest.raises(StoreBadResponse, match="Tea House: returned a web page instead of JSON"):
        pull_all(connector(platform, demo, server))


@pytest.mark.parametrize("platform", PLATFORMS)
def test_malformed_json_that_persists_is_reported(serve, platform):
    demo, server = serve(platform, orders=3)
    demo.inject("malformed", times=10)
    with pytest.raises(StoreBadResponse, match="malformed JSON"):
        pull_all(connector(platform, demo, server))


@pytest.mark.parametrize("platform", PLATFORMS)
def test_credentials_revoked_mid_run_stop_the_pull_with_a_clear_message(serve, platform):
    demo, server = serve(platform, orders=30)
    conn = connector(platform, demo, server)
    pages = conn.iter_order_pages(None, page_size=5)
    next(pages)
    demo.inject("revoke")
    demo.take_fault("GET", "/")  # the next request finds the credential revoked
    with pytest.raises(StoreAuthError, match="Tea House: the storefront refused our credentials"):
        list(pages)


def test_a_store_that_stays_rate_limited_gives_up_with_a_clear_message(serve):
    demo, server = serve("woocommerce", orders=3)
    demo.inject("429", times=10, seconds=0.01)
    with pytest.raises(RateLimited, match="Tea House: the storefront keeps asking us to slow down"):
        pull_all(connector("woocommerce", demo, server, max_attempts=3))


def test_a_wrong_url_names_the_store_and_the_host():
    conn = connector_class("shopify")(name="Tea House", base_url="http://127.0.0.1:9",
                                      credential="x", http=fast_http("Tea House", max_attempts=2))
    with pytest.raises(StoreUnreachable, match="Tea House: cannot connect to 127.0.0.1:9"):
        conn.test_connection()


def test_a_run_summary_names_the_store_once():
    from ordermgr.sync.runner import StoreRun
    run = StoreRun("Tea House", error="Tea House: cannot connect to 127.0.0.1:9 (connection refused).")
    assert run.summary().count("Tea House") == 1
    assert run.summary().endswith("ERROR: cannot connect to 127.0.0.1:9 (connection refused).")


# -- requests that are not safe to repeat --------------------------------------------------------

def _notes_url(demo, server) -> str:
    return f"{server.url}/wp-json/wc/v3/orders/{next(iter(demo.orders))}/notes"


@pytest.mark.parametrize("fault, settled", [("500", True), ("500_after", True), ("drop", False),
                                            ("drop_after", False), ("late", False)])
def test_a_post_without_a_clear_answer_is_never_sent_again_by_the_http_layer(serve, fault, settled):
    demo, server = serve("woocommerce", orders=1)
    demo.inject(fault, method="POST", seconds=0.5)
    http = fast_http("Tea House", timeout=(1.0, 0.2))
    with pytest.raises(OutcomeUnknown, match="Tea House: no clear answer to adding a note") as caught:
        http.request("POST", _notes_url(demo, server), json={"note": "x"}, auth=("ck_demo", "cs_demo"),
                     what="adding a note")
    assert caught.value.settled is settled
    assert [m for m, _ in demo.requests] == ["POST"] and http.retries == 0
    time.sleep(0.5 if fault == "late" else 0)


@pytest.mark.parametrize("fault", ["500", "drop", "late"])
def test_a_put_or_a_post_said_to_be_idempotent_is_retried(serve, fault):
    demo, server = serve("woocommerce", orders=1)
    url = f"{server.url}/wp-json/wc/v3/orders/{next(iter(demo.orders))}"
    demo.inject(fault, method="PUT", seconds=0.5)
    http = fast_http("Tea House", timeout=(1.0, 0.2))
    assert http.request("PUT", url, json={"status": "processing"}, auth=("ck_demo", "cs_demo")).status == 200
    demo.inject(fault, method="POST", seconds=0.5)
    assert http.request("POST", _notes_url(demo, server), json={"note": "x"}, auth=("ck_demo", "cs_demo"),
                        idempotent=True).status == 201
    assert http.retries == 2
    time.sleep(0.5 if fault == "late" else 0)


def test_a_post_turned_away_by_the_rate_limit_is_sent_again(serve):
    demo, server = serve("woocommerce", orders=1)
    demo.inject("429", method="POST", seconds=0.01)
    http = fast_http("Tea House")
    assert http.request("POST", _notes_url(demo, server), json={"note": "x"},
                        auth=("ck_demo", "cs_demo")).status == 201
    assert [m for m, _ in demo.requests] == ["POST", "POST"]
    assert len(next(iter(demo.orders.values())).notes) == 1
