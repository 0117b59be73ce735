"""Sending a push that is not safe to repeat exactly once.

The HTTP layer never repeats such a request after it may have reached the storefront; it raises
`OutcomeUnknown`. Here the connector's own question "is it there?" (a re-read of the order's
refunds, fulfilments or notes, matched by the marker we put in the request) decides:

- it is there: the push landed; its id is the answer;
- it is not, and the server had answered (a 5xx): the server is done with the request and did
  not apply it, so it is sent once more (and the same rule applies to that try);
- it is not, and there was no answer (timeout, dropped connection): the request may still be
  running on the server, so nothing is sent now. The outbox tries later, and every try starts
  by asking the same question.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from ordermgr.sync.base import OutcomeUnknown

T = TypeVar("T")
SENDS = 2  # a settled failure is sent once more within one push; the outbox retries the rest


def send_once(send: Callable[[], T], landed: Callable[[], T | None]) -> T:
    """`send()` creates the thing; `landed()` finds it on the storefront (None: not there)."""
    for attempt in range(SENDS):
        try:
            return send()
        except OutcomeUnknown as exc:
            found = landed()
            if found is not None:
                return found
            if not exc.settled or attempt == SENDS - 1:
                raise
    raise AssertionError("unreachable")
