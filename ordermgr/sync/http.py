"""HTTP for connectors: one requests Session per store with timeouts, retries with exponential
backoff (connection drops, timeouts, 5xx, malformed JSON), 429 with Retry-After, and errors that
name the store and say what to do.

Only requests that are safe to repeat are retried after the storefront may have received them.
A POST that creates something (a refund, a fulfilment, a note) is sent again only when it never
left (connection refused, connect timeout) or was turned away unprocessed (429, THROTTLED);
after a read timeout, a dropped connection or a 5xx it raises `OutcomeUnknown` and the
connector asks the storefront whether it landed (`sync/landing.py`)."""

from __future__ import annotations

import email.utils
import logging
import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone

import requests
from urllib3.exceptions import ConnectTimeoutError

from ordermgr import jsonutil
from ordermgr.sync.base import (OutcomeUnknown, RateLimited, StoreAuthError, StoreBadResponse,
                                StoreRejected, StoreUnreachable)

log = logging.getLogger(__name__)

# HTTP methods whose repetition has the effect of one call (RFC 9110 9.2.2)
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})


class RetryAfter(Exception):
    """Raised by a response check (e.g. Shopify THROTTLED inside a 200) to retry after a delay."""

    def __init__(self, seconds: float, why: str = "throttled"):
        super().__init__(why)
        self.seconds = seconds
        self.why = why


@dataclass
class Reply:
    status: int
    headers: dict
    data: object
    url: str


class HttpClient:
    def __init__(self, *, store_name: str, timeout: tuple[float, float] = (5.0, 30.0),
                 max_attempts: int = 5, backoff: float = 0.5, max_sleep: float = 60.0,
                 sleep: Callable[[float], None] = time.sleep):
        self.store_name = store_name
        self.timeout = timeout
        self.max_attempts = max_attempts
        self.backoff = backoff
        self.max_sleep = max_sleep
        self.sleep = sleep
        self.session = requests.Session()
        self.session.headers["User-Agent"] = "ordermgr-sync/1"
        self.session.headers["Accept"] = "application/json"
        self.last_server_time: datetime | None = None
        self.requests_made = 0
        self.retries = 0

    def close(self) -> None:
        self.session.close()

    def _delay(self, attempt: int) -> float:
        return min(self.max_sleep, self.backoff * (2 ** attempt)) * (0.75 + random.random() / 2)

    def request(self, method: str, url: str, *, params=None, json=None, headers=None, auth=None,
                check: Callable[[Reply], None] | None = None, what: str = "",
                idempotent: bool | None = None) -> Reply:
        """One logical call, retried as needed. `check(reply)` may raise RetryAfter.

        `idempotent` (default: by the method) says whether sending the request twice does no
        harm; a GraphQL query is POSTed but idempotent, an absolute stock level too."""
        doing = what or f"{method} {url.split('?')[0]}"
        repeatable = method.upper() in IDEMPOTENT_METHODS if idempotent is None else idempotent
        last_problem = ""
        for attempt in range(self.max_attempts):
            final = attempt == self.max_attempts - 1
            try:
                self.requests_made += 1
                resp = self.session.request(method, url, params=params, json=json, headers=headers,
                                            auth=auth, timeout=self.timeout)
            except requests.Timeout as exc:
                last_problem = "timed out"
                if not repeatable and not _never_sent(exc):
                    raise self._unknown(doing, "no answer in time", settled=False) from None
                if final:
                    raise StoreUnreachable(
                        f"{self.store_name}: the storefront did not answer in time ({doing}). "
                        "It may be overloaded; sync will try again later.") from None
                self._wait(self._delay(attempt), last_problem)
                continue
            except requests.ConnectionError as exc:
                last_problem = f"connection failed ({_short(exc)})"
                if not repeatable and not _never_sent(exc):
                    raise self._unknown(doing, f"the connection broke: {_short(exc)}",
                                        settled=False) from None
                if final:
                    raise StoreUnreachable(
                        f"{self.store_name}: cannot connect to {_host(url)} ({_short(exc)}). "
                        "Check the store URL and your internet connection.") from None
                self._wait(self._delay(attempt), last_problem)
                continue
            self._note_server_time(resp)
            status = resp.status_code
            if status >= 500 and not repeatable and not _business_error(resp):
                raise self._unknown(doing, f"the storefront had an internal error, HTTP {status}: "
                                           f"{_error_text(resp)}", settled=True)
            if status == 429 or (status == 503 and "Retry-After" in resp.headers):
                wait = _retry_after(resp.headers.get("Retry-After"), self._delay(attempt))
                last_problem = f"rate limited (HTTP {status})"
                if final:
                    raise RateLimited(f"{self.store_name}: the storefront keeps asking us to slow "
                                      f"down ({doing}); sync will try again later.")
                self._wait(wait, last_problem)
                continue
            if status >= 500 and _business_error(resp):
                # WooCommerce answers some refusals with 500 and its own error code (e.g. the
                # gateway cannot refund): retrying will not change the answer
                raise StoreRejected(f"{self.store_name}: {doing} was refused (HTTP {status}: "
                                    f"{_error_text(resp)}).")
            if status >= 500:
                last_problem = f"server error HTTP {status}: {_error_text(resp)}"
                if final:
                    raise StoreUnreachable(f"{self.store_name}: the storefront had an internal "
                                           f"error ({last_problem}) on {doing}.")
                self._wait(self._delay(attempt), last_problem)
                continue
            if status in (401, 403):
                raise StoreAuthError(
                    f"{self.store_name}: the storefront refused our credentials (HTTP {status}: "
                    f"{_error_text(resp)}). Check the API key/token and its permissions.")
            if status >= 400:
                raise StoreRejected(f"{self.store_name}: {doing} was refused (HTTP {status}: "
                                    f"{_error_text(resp)}).", ) if status != 404 else StoreRejected(
                    f"{self.store_name}: not found (HTTP 404: {_error_text(resp)}) on {doing}. "
                    "Check the store URL.")
            try:
                data = _parse_json(resp)
            except StoreBadResponse as exc:
                last_problem = str(exc)
                if not repeatable and 200 <= status < 300:  # done, but we cannot read what
                    raise self._unknown(doing, last_problem, settled=False) from None
                if final or "web page" in last_problem:
                    raise StoreBadResponse(f"{self.store_name}: {last_problem} ({doing}).") from None
                self._wait(self._delay(attempt), last_problem)
                continue
            reply = Reply(status, dict(resp.headers), data, resp.url)
            if check is not None:
                try:
                    check(reply)
                except RetryAfter as exc:
                    last_problem = exc.why
                    if final:
                        raise RateLimited(f"{self.store_name}: still throttled after "
                                          f"{self.max_attempts} tries ({doing}).") from None
                    self._wait(exc.seconds, exc.why)
                    continue
            return reply
        raise StoreUnreachable(f"{self.store_name}: {doing} failed: {last_problem}.")

    def _unknown(self, doing: str, problem: str, *, settled: bool) -> OutcomeUnknown:
        return OutcomeUnknown(f"{self.store_name}: no clear answer to {doing} ({problem}); it may "
                              "have landed, so the storefront is checked before it is sent again.",
                              settled=settled)

    def _wait(self, seconds: float, why: str) -> None:
        self.retries += 1
        log.info("%s: %s; retrying in %.2f s", self.store_name, why, seconds)
        self.sleep(max(0.0, min(seconds, self.max_sleep)))

    def _note_server_time(self, resp) -> None:
        date = resp.headers.get("Date")
        if date:
            try:
                self.last_server_time = email.utils.parsedate_to_datetime(date).astimezone(timezone.utc)
            except (TypeError, ValueError):
                pass


def _never_sent(exc: requests.RequestException) -> bool:
    """The connection was never made (refused, unknown host, connect timeout): the request
    did not leave, so sending it again cannot double anything."""
    if isinstance(exc, requests.ConnectTimeout):
        return True
    reason = exc.args[0] if exc.args else None
    return isinstance(getattr(reason, "reason", reason), ConnectTimeoutError)


def _parse_json(resp) -> object:
    ctype = resp.headers.get("Content-Type", "")
    body = resp.content
    head = body[:200].lstrip().lower()
    if "html" in ctype or head.startswith(b"<!doctype") or head.startswith(b"<html"):
        raise StoreBadResponse("returned a web page instead of JSON - usually a login page, a "
                               "firewall/hosting challenge or a wrong URL; open the URL in a browser")
    if not body.strip():
        return None
    try:
        return jsonutil.loads(body)
    except ValueError:
        raise StoreBadResponse("sent malformed JSON (the reply was cut off or garbled)") from None


def _retry_after(value, default: float) -> float:
    if value is None:
        return default
    try:
        return float(value)
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(value)
            return max(0.0, (when - datetime.now(timezone.utc)).total_seconds())
        except (TypeError, ValueError):
            return default


def _error_text(resp) -> str:
    """The platform's own error message: Shopify {"errors": str|list|{field: [..]}},
    WooCommerce {"code", "message"}, Medusa {"type", "message"}; HTML reduced to a hint."""
    try:
        data = resp.json()
    except ValueError:
        text = resp.text.strip()
        if text.lower().startswith(("<!doctype", "<html")):
            return "an HTML page instead of JSON"
        return text[:200] or resp.reason or ""
    if isinstance(data, dict):
        if "errors" in data:
            errors = data["errors"]
            if isinstance(errors, str):
                return errors
            if isinstance(errors, list):
                return "; ".join(e.get("message", str(e)) if isinstance(e, dict) else str(e)
                                 for e in errors)
            if isinstance(errors, dict):
                return "; ".join(f"{k}: {', '.join(map(str, v)) if isinstance(v, list) else v}"
                                 for k, v in errors.items())
        if "message" in data:
            code = data.get("code") or data.get("type")
            return f"{data['message']}" + (f" [{code}]" if code else "")
    return str(data)[:200]


def _business_error(resp) -> bool:
    try:
        data = resp.json()
    except ValueError:
        return False
    code = data.get("code") if isinstance(data, dict) else None
    return isinstance(code, str) and code.startswith("woocommerce_rest_")


def _short(exc: Exception) -> str:
    text = str(exc)
    for marker in ("Connection refused", "Name or service not known", "timed out",
                   "Connection reset", "Remote end closed", "Connection aborted"):
        if marker in text:
            return marker.lower()
    return type(exc).__name__


def _host(url: str) -> str:
    from urllib.parse import urlsplit
    return urlsplit(url).netloc or url
