"""Changes made on other workstations, delivered to the GUI thread as `received(dict)`.

PostgreSQL: a background thread LISTENs on NOTIFY_CHANNEL on its own autocommit psycopg
connection (units of work send a NOTIFY with a Changes payload when they commit) and reconnects
if the server goes away. SQLite: a background thread polls `PRAGMA data_version` about once a
second on its own connection, which changes whenever another connection committed; the payload
is then a generic "something changed".

Payloads are re-emitted through a Qt signal, so slots run on the GUI thread. The background
thread never touches a LiveUpdates object itself (its window may be deleted at any moment, and
emitting on a QObject being destroyed crashes the process): it emits on one bridge object that
lives as long as the application, and each LiveUpdates picks out its own payloads.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import threading

from PySide6.QtCore import QObject, Qt, Signal

from ordermgr.db.uow import NOTIFY_CHANNEL

log = logging.getLogger(__name__)
POLL_SECONDS = 1.0
GENERIC = {"origin": None, "orders": [], "many": True, "stock": True, "returns": [],
           "customers": True, "stores": True}


class _ThreadBridge(QObject):
    """Created once on the GUI thread and never deleted; background threads emit only on it."""

    delivered = Signal(object, dict)  # (the listener's token, payload)


_bridge: _ThreadBridge | None = None


def _thread_bridge() -> _ThreadBridge:
    global _bridge
    if _bridge is None:
        _bridge = _ThreadBridge()
    return _bridge


class LiveUpdates(QObject):
    received = Signal(dict)

    def __init__(self, engine, parent=None, *, poll_seconds: float = POLL_SECONDS):
        super().__init__(parent)
        self.engine = engine
        self.poll_seconds = poll_seconds
        self._stop = threading.Event()
        self._resync = threading.Event()
        self._thread: threading.Thread | None = None
        self._token = object()
        # queued to the GUI thread; Qt drops the connection when this object is destroyed
        _thread_bridge().delivered.connect(self._from_bridge, Qt.QueuedConnection)
        self.listening = threading.Event()  # set once the listener is ready (tests wait on it)
        stop = self._stop  # a window deleted without being closed must not leave us running
        self.destroyed.connect(lambda *_args: stop.set())

    def start(self) -> None:
        if self._thread is not None:
            return
        name = self.engine.dialect.name
        target = {"postgresql": self._listen_postgres, "sqlite": self._poll_sqlite}.get(name)
        if target is None:
            return
        if name == "sqlite" and self.engine.url.database in (None, "", ":memory:"):
            return
        self._thread = threading.Thread(target=target, name="ordermgr-live", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=3)
            self._thread = None

    def mark_seen(self) -> None:
        """This process just committed and refreshed: don't report our own write as foreign."""
        self._resync.set()

    # -- PostgreSQL -----------------------------------------------------------------------------
    def _listen_postgres(self) -> None:
        import psycopg
        url = self.engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
        delay = 1.0
        first = True
        while not self._stop.is_set():
            try:
                with psycopg.connect(url, autocommit=True, connect_timeout=5,
                                     application_name="ordermgr-live") as conn:
                    conn.execute(f"LISTEN {NOTIFY_CHANNEL}")
                    self.listening.set()
                    if not first:
                        self._emit(dict(GENERIC))  # we may have missed some
                    first, delay = False, 1.0
                    while not self._stop.is_set():
                        for note in conn.notifies(timeout=0.5, stop_after=50):
                            self._deliver(note.payload)
            except Exception as exc:  # noqa: BLE001 - keep listening whatever happened
                log.warning("live updates: %s; retrying in %.0f s", exc, delay)
                self.listening.clear()
                first = False
                self._stop.wait(delay)
                delay = min(delay * 2, 30.0)

    def _from_bridge(self, token: object, payload: dict) -> None:
        if token is self._token:
            self.received.emit(payload)

    def _emit(self, payload: dict) -> None:
        """Called on the background thread: only the immortal bridge is touched."""
        if not self._stop.is_set():
            _thread_bridge().delivered.emit(self._token, payload)

    def _deliver(self, raw: str) -> None:
        try:
            payload = json.loads(raw)
        except ValueError:
            payload = dict(GENERIC)
        if isinstance(payload, dict):
            self._emit(payload)

    # -- SQLite ---------------------------------------------------------------------------------
    def _poll_sqlite(self) -> None:
        path = self.engine.url.database
        conn = None
        last = None
        while not self._stop.is_set():
            try:
                if conn is None:
                    conn = sqlite3.connect(path, timeout=5, check_same_thread=False)
                    last = conn.execute("PRAGMA data_version").fetchone()[0]
                    self.listening.set()
                version = conn.execute("PRAGMA data_version").fetchone()[0]
                if self._resync.is_set():
                    self._resync.clear()
                elif version != last:
                    self._emit(dict(GENERIC))
                last = version
            except sqlite3.Error as exc:
                log.warning("live updates: %s", exc)
                if conn is not None:
                    conn.close()
                conn = None
            self._stop.wait(self.poll_seconds)
        if conn is not None:
            conn.close()
