"""JSON for storefront payloads and JSON columns: orjson (several times faster than the standard
library on the megabyte pages a sync pulls), falling back to the standard library for the few
things orjson refuses, so nothing that used to load or save stops working.

orjson reads integers beyond 64 bits as floats; no storefront API we speak uses such numbers
(ids are strings or small integers, money is a string or `raw_*` value).
"""

from __future__ import annotations

import json

import orjson


def loads(data: bytes | str):
    """Parse JSON; raises ValueError if it is malformed."""
    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError:
        return json.loads(data)  # NaN / Infinity, which the standard library accepts


def dumps_bytes(value) -> bytes:
    """Compact UTF-8 JSON."""
    try:
        return orjson.dumps(value, option=orjson.OPT_NON_STR_KEYS)
    except TypeError:  # integers beyond 64 bits, subclasses orjson does not know
        return json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode()


def dumps(value) -> str:
    return dumps_bytes(value).decode()
