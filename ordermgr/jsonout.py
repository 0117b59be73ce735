"""`--json` for the CLI's list and status commands: one JSON document on stdout for scripts.

Dates and times in ISO 8601 (UTC as stored), Decimals as strings (exact money), dataclasses as
objects; Chinese and other text as UTF-8, not escapes.
"""

from __future__ import annotations

import dataclasses
import json
from datetime import date, datetime
from decimal import Decimal


def add_json_flag(parser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")


def emit(value, *, compact: bool = False) -> None:
    """Print `value` as JSON (compact: one line, for a stream of rounds)."""
    print(json.dumps(value, ensure_ascii=False, default=_plain,
                     indent=None if compact else 2), flush=True)


def _plain(value):
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")
