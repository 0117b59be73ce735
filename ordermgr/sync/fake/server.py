"""The demo store's HTTP server on 127.0.0.1: routes each request to the platform module and
applies the faults a test injected (429, THROTTLED, 500, timeouts, dropped connections,
malformed JSON, HTML pages, revoked credentials).

Most faults stand in for the request (it has no effect). The faults in `AFTER_EFFECT` strike
once the request has done its work, as a real network or server does to a reply: "late"
answers after the client's read timeout, "drop_after" closes the connection without an
answer, "500_after" answers 500; "slow" does the work only after `seconds` (the request is
still running when the client gives up)."""

from __future__ import annotations

import base64
import email.utils
import importlib
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from ordermgr import jsonutil
from ordermgr.sync.fake.store import DemoStore

PLATFORM_MODULES = {"shopify": "ordermgr.sync.fake.shopify",
                    "woocommerce": "ordermgr.sync.fake.woocommerce",
                    "medusa": "ordermgr.sync.fake.medusa"}

AFTER_EFFECT = {"late", "drop_after", "500_after", "slow"}

HTML_PAGE = (b"<!DOCTYPE html><html><head><title>Just a moment...</title></head>"
             b"<body>Checking your browser before accessing the site.</body></html>")


class Response:
    def __init__(self, status: int = 200, body=None, headers: dict | None = None,
                 ctype: str = "application/json; charset=utf-8"):
        """`body`: a value sent as JSON, or bytes sent as they are (with `ctype`)."""
        self.status, self.body, self.headers, self.ctype = status, body, headers or {}, ctype


class RawJSON(bytes):
    """A response body already encoded (built from cached per-order fragments)."""


def fragment(demo, key: str, order, render) -> bytes:
    """The order's JSON, re-rendered only when its state changed (a storefront's own caching:
    it keeps the benchmark measuring ordermgr, not the demo store)."""
    mark = (order.updated, order.paid, order.captured, order.cancelled, order.on_hold,
            order.status_override, order.broken, order.currency, order.street, len(order.refunds),
            tuple((f.number, f.shipped) for f in order.fulfilments),
            tuple(line.shipped for line in order.lines))
    cached = demo.render_cache.get((key, order.seq))
    if cached is None or cached[0] != mark:
        cached = (mark, jsonutil.dumps_bytes(render(order)))
        demo.render_cache[(key, order.seq)] = cached
    return cached[1]


def dumps(value) -> bytes:
    return jsonutil.dumps_bytes(value)


class Request:
    def __init__(self, method: str, path: str, query: dict, body, headers):
        self.method, self.path, self.query, self.body, self.headers = method, path, query, body, headers

    def q(self, name: str, default=None):
        values = self.query.get(name)
        return values[0] if values else default

    def basic_user(self) -> tuple[str, str] | None:
        auth = self.headers.get("Authorization", "")
        if not auth.startswith("Basic "):
            return None
        try:
            user, _, password = base64.b64decode(auth[6:]).decode().partition(":")
        except ValueError:
            return None
        return user, password


class _Handler(BaseHTTPRequestHandler):
    server_version = "DemoStore/1"
    protocol_version = "HTTP/1.1"
    # headers and body go out in two writes; with Nagle the body of a small reply waits for
    # the client's delayed ACK (40 ms a request), which real storefronts don't make you wait
    disable_nagle_algorithm = True

    def log_message(self, *args) -> None:  # quiet
        pass

    def _serve(self, method: str) -> None:
        demo: DemoStore = self.server.demo
        parts = urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        try:
            body = json.loads(raw) if raw else None
        except ValueError:
            body = None
        demo.requests.append((method, parts.path))
        fault = demo.take_fault(method, parts.path, raw)
        if fault is not None and fault.kind not in AFTER_EFFECT and self._fault(fault, demo):
            return
        if fault is not None and fault.kind == "slow":
            time.sleep(fault.seconds)
        request = Request(method, parts.path, parse_qs(parts.query), body, self.headers)
        try:
            response = self.server.platform.route(demo, request)
        except Exception as exc:  # noqa: BLE001 - the demo store answers 500 like a real one
            response = Response(500, {"message": f"demo store error: {exc}"})
        if fault is not None and fault.kind in AFTER_EFFECT:
            self._spoil_reply(fault, response)
        else:
            self._send(response)
        if demo.after_request is not None:
            demo.after_request(method, parts.path)

    def _fault(self, fault, demo) -> bool:
        kind = fault.kind
        if kind == "429":
            self._send(Response(429, {"errors": "Exceeded 2 calls per second for api client. "
                                                "Reduce request rates to resume uninterrupted service."},
                                {"Retry-After": str(fault.seconds)}))
        elif kind == "throttled":
            self._send(Response(200, self.server.platform.throttled_body(fault.seconds)))
        elif kind == "500":
            self._send(Response(500, {"errors": "Internal Server Error"}))
        elif kind == "503":
            self._send(Response(503, {"errors": "Service unavailable"}, {"Retry-After": str(fault.seconds)}))
        elif kind == "timeout":
            time.sleep(fault.seconds)
            self._send(Response(200, {"late": True}))
        elif kind == "drop":
            self.close_connection = True
            try:
                self.connection.shutdown(2)
            except OSError:
                pass
        elif kind == "malformed":
            payload = b'{"data": {"orders": {"nodes": [{"id": "gid://shopify/Order/1", "na'
            self._raw(200, payload, "application/json")
        elif kind == "gateway_refund_failed":
            self._send(Response(500, {"code": "woocommerce_rest_cannot_create_order_refund",
                                      "message": "The payment gateway for this order does not "
                                                 "support automatic refunds.", "data": {"status": 500}}))
        elif kind == "html":
            self._raw(200, HTML_PAGE, "text/html; charset=UTF-8")
        else:
            return False
        return True

    def _spoil_reply(self, fault, response: Response) -> None:
        """The request did its work; what becomes of its reply."""
        if fault.kind == "late":
            time.sleep(fault.seconds)
            self._send(response)
        elif fault.kind == "drop_after":
            self._fault(type(fault)("drop"), self.server.demo)
        elif fault.kind == "500_after":
            self._send(Response(500, {"errors": "Internal Server Error"}))
        else:  # slow: already waited before doing the work
            self._send(response)

    def _send(self, response: Response) -> None:
        if isinstance(response.body, bytes):  # RawJSON, or a plain-text reply
            data = bytes(response.body)
        else:
            data = b"" if response.body is None else dumps(response.body)
        self._raw(response.status, data, response.ctype, response.headers)

    def _raw(self, status: int, data: bytes, ctype: str, headers: dict | None = None) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(data)))
            self.send_header("Date", email.utils.formatdate(usegmt=True))
            for key, value in (headers or {}).items():
                self.send_header(key, value)
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def do_GET(self):  # noqa: N802
        self._serve("GET")

    def do_POST(self):  # noqa: N802
        self._serve("POST")

    def do_PUT(self):  # noqa: N802
        self._serve("PUT")

    def do_DELETE(self):  # noqa: N802
        self._serve("DELETE")


class DemoServer:
    """`with DemoServer(store) as server: server.url` — serves in a background thread."""

    def __init__(self, demo: DemoStore, *, port: int = 0, host: str = "127.0.0.1"):
        self.demo = demo
        self.httpd = ThreadingHTTPServer((host, port), _Handler)
        self.httpd.daemon_threads = True
        self.httpd.demo = demo
        self.httpd.platform = importlib.import_module(PLATFORM_MODULES[demo.platform])
        self.thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        return self.httpd.server_address[1]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> "DemoServer":
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05},
                                       name="demo-store", daemon=True)
        self.thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def __enter__(self) -> "DemoServer":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
