"""Carrier tracking: the adapter interface, an HTTP adapter for a carrier-style JSON API, and a
local fake carrier service (127.0.0.1) for tests and the demo.

A real carrier is added as a module with a class implementing `TrackingAdapter.fetch`.
The fake service speaks:  GET /track/<carrier code>/<waybill>  ->
    {"waybill": "...", "events": [{"at": ISO-8601, "status": "...", "location": "...",
                                   "description": "..."}]}
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Protocol
from urllib.parse import quote, unquote

# tracking statuses (match ShipmentStatus values) and what a carrier may report
STATUSES = ("label_created", "in_transit", "out_for_delivery", "delivered", "exception",
            "returned_to_sender", "lost")


class TrackingError(Exception):
    """The carrier's service could not be asked (network, bad answer)."""


@dataclass(frozen=True)
class TrackingUpdate:
    at: datetime
    status: str
    location: str = ""
    description: str = ""


class TrackingAdapter(Protocol):
    name: str

    def fetch(self, carrier_code: str, waybill: str) -> list[TrackingUpdate]:
        """Every event the carrier knows for this waybill, oldest first."""


class HttpTrackingAdapter:
    """A JSON-over-HTTP tracking API such as the fake carrier below."""

    name = "http"

    def __init__(self, base_url: str, *, timeout: float = 10.0):
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout

    def fetch(self, carrier_code: str, waybill: str) -> list[TrackingUpdate]:
        import requests
        url = f"{self.base_url}/track/{quote(carrier_code)}/{quote(waybill)}"
        try:
            response = requests.get(url, timeout=self.timeout)
        except requests.RequestException as exc:
            raise TrackingError(f"The tracking service at {self.base_url} did not answer: {exc}") from exc
        if response.status_code == 404:
            return []
        if response.status_code != 200:
            raise TrackingError(f"The tracking service answered {response.status_code} for {waybill}.")
        try:
            events = response.json()["events"]
            return [parse_update(e) for e in events]
        except (ValueError, KeyError, TypeError) as exc:
            raise TrackingError(f"The tracking service sent an answer we cannot read: {exc}") from exc


def parse_update(event: dict) -> TrackingUpdate:
    at = datetime.fromisoformat(event["at"])
    if at.tzinfo is None:
        at = at.replace(tzinfo=timezone.utc)
    status = event["status"]
    if status not in STATUSES:
        raise ValueError(f"unknown status {status!r}")
    return TrackingUpdate(at.astimezone(timezone.utc), status, event.get("location", ""),
                          event.get("description", ""))


def demo_journey(waybill: str, since: datetime, now: datetime) -> list[dict]:
    """A deterministic journey per waybill that unfolds from `since` (when the service first
    heard of it): most arrive, some stall, a few go wrong. Only events up to `now` are told."""
    import hashlib
    from datetime import timedelta
    digest = int(hashlib.sha256(waybill.encode()).hexdigest()[:8], 16)
    step = timedelta(hours=1 + digest % 6)
    steps = [("in_transit", "Shenzhen hub", "departed the sorting centre"),
             ("in_transit", "Shanghai hub", "arrived at the destination city"),
             ("out_for_delivery", "Shanghai", "with the courier")]
    fate = digest % 10
    if fate < 6:
        steps.append(("delivered", "Shanghai", "signed for"))
    elif fate == 6:
        steps.append(("exception", "Shanghai", "recipient refused the parcel"))
    elif fate == 7:
        steps = steps[:1]  # stalls: no news after the first scan
    return [{"at": (since + step * i).isoformat(), "status": status, "location": place,
             "description": text}
            for i, (status, place, text) in enumerate(steps) if since + step * i <= now]


class FakeCarrierService:
    """A carrier tracking API on 127.0.0.1 (port 0 = any free port), fed by the test or demo."""

    def __init__(self, host: str = "127.0.0.1", port: int = 0, *, demo: bool = False):
        self.events: dict[tuple[str, str], list[dict]] = {}
        self.demo = demo  # invent a plausible journey for any waybill it was not told about
        self.first_seen: dict[str, datetime] = {}
        self.requests = 0
        service = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 - http.server's name
                service.requests += 1
                parts = [unquote(p) for p in self.path.strip("/").split("/")]
                if len(parts) != 3 or parts[0] != "track":
                    self._send(404, {"error": "not found"})
                    return
                events = service.events.get((parts[1], parts[2]))
                if events is None and service.demo:
                    now = datetime.now(timezone.utc)
                    since = service.first_seen.setdefault(parts[2], now)
                    events = demo_journey(parts[2], since, now)
                if events is None:
                    self._send(404, {"error": "unknown waybill"})
                else:
                    self._send(200, {"waybill": parts[2], "events": events})

            def _send(self, code: int, body: dict) -> None:
                data = json.dumps(body).encode()
                self.send_response(code)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):  # keep test output quiet
                pass

        self.server = ThreadingHTTPServer((host, port), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def add_event(self, carrier_code: str, waybill: str, status: str, at: datetime,
                  location: str = "", description: str = "") -> None:
        self.events.setdefault((carrier_code, waybill), []).append(
            {"at": at.isoformat(), "status": status, "location": location,
             "description": description})

    def __enter__(self) -> "FakeCarrierService":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()
