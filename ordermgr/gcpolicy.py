"""Fewer cyclic-GC passes during bulk work (a storefront pull, say).

A pull decodes and keeps megabytes of JSON per page: tens of thousands of containers that
survive a page and are then freed by reference counting. With CPython's default thresholds they
are promoted into the oldest generation and trigger a full collection every page or two, each
scanning the whole heap: measured at a quarter of a 100,000-order pull. Raising the thresholds
while bulk work runs keeps the collector for real garbage cycles without the rescans.
"""

from __future__ import annotations

import gc
import threading
from contextlib import contextmanager

BULK_THRESHOLDS = (50_000, 20, 100)
_lock = threading.Lock()
_depth = 0
_saved: tuple[int, int, int] | None = None


@contextmanager
def bulk_work():
    """Reentrant and thread-safe: the thresholds come back when the last bulk job ends."""
    global _depth, _saved
    with _lock:
        if _depth == 0:
            _saved = gc.get_threshold()
            gc.set_threshold(*BULK_THRESHOLDS)
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _saved is not None:
                gc.set_threshold(*_saved)
                _saved = None
