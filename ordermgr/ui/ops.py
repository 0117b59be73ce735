"""Run slow work off the UI thread (after Anki's QueryOp/CollectionOp).

    QueryOp(parent, lambda: fetch_rows(...)).success(self.show_rows).run()
    WriteOp(parent, lambda: confirm_order(ctx.uow(), oid), label=tr("Confirming…")).success(...).run()

Reads run in parallel on the global thread pool; writes run one at a time on a single writer
thread so two writes of this window never race each other. Results reach widgets only through
signals, on the GUI thread. A progress dialog appears only if the work takes longer than 600 ms;
`progress(done, total)` from the work function updates it and returns False once the user
pressed Cancel.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, QTimer, Signal, Qt
import shiboken6
from PySide6.QtWidgets import QProgressDialog, QWidget

from ordermgr.ui.errors import show_error

PROGRESS_DELAY_MS = 600
_writer_pool: QThreadPool | None = None
_live_ops: set["_Op"] = set()  # keeps ops alive until their signal has been delivered


def writer_pool() -> QThreadPool:
    global _writer_pool
    if _writer_pool is None:
        _writer_pool = QThreadPool()
        _writer_pool.setMaxThreadCount(1)
    return _writer_pool


class _Signals(QObject):
    finished = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int)


class _Runnable(QRunnable):
    def __init__(self, op: "_Op"):
        super().__init__()
        self.op = op

    def run(self) -> None:
        op = self.op
        try:
            result = op.work(op._report) if op.wants_progress else op.work()
        except BaseException as exc:  # noqa: BLE001 - every failure goes back to the GUI thread
            op.signals.failed.emit(exc)
        else:
            op.signals.finished.emit(result)


class _Op:
    pool: Callable[[], QThreadPool] = QThreadPool.globalInstance

    def __init__(self, parent: QObject | None, work: Callable[..., Any], *, label: str = "",
                 wants_progress: bool = False):
        self.parent, self.work, self.label = parent, work, label
        self.wants_progress = wants_progress
        self.signals = _Signals()
        self._on_success: Callable[[Any], None] | None = None
        self._on_failure: Callable[[BaseException], None] | None = None
        self._dialog: QProgressDialog | None = None
        self._cancelled = False
        self._timer: QTimer | None = None

    def success(self, fn: Callable[[Any], None]) -> "_Op":
        self._on_success = fn
        return self

    def failure(self, fn: Callable[[BaseException], None]) -> "_Op":
        self._on_failure = fn
        return self

    def run(self) -> "_Op":
        self.signals.finished.connect(self._finished, Qt.QueuedConnection)
        self.signals.failed.connect(self._failed, Qt.QueuedConnection)
        self.signals.progressed.connect(self._progressed, Qt.QueuedConnection)
        if self.label:
            self._timer = QTimer(singleShot=True, interval=PROGRESS_DELAY_MS)
            self._timer.timeout.connect(self._show_dialog)
            self._timer.start()
        _live_ops.add(self)
        self.pool().start(_Runnable(self))
        return self

    # called on the worker thread
    def _report(self, done: int, total: int) -> bool:
        self.signals.progressed.emit(done, total)
        return not self._cancelled

    # GUI thread from here on
    def _show_dialog(self) -> None:
        self._dialog = QProgressDialog(self.label, QCoreApplication.translate("Ops", "Cancel"),
                                       0, 0, self._widget())
        self._dialog.setWindowModality(Qt.WindowModal)
        self._dialog.setMinimumDuration(0)
        self._dialog.canceled.connect(self._cancel)
        self._dialog.show()

    def _cancel(self) -> None:
        self._cancelled = True

    def _progressed(self, done: int, total: int) -> None:
        if self._dialog is not None and not self._cancelled:
            self._dialog.setMaximum(total)
            self._dialog.setValue(done)

    def _close(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        if self._dialog is not None:
            self._dialog.reset()
            self._dialog.deleteLater()
            self._dialog = None
        _live_ops.discard(self)

    def _widget(self) -> QWidget | None:
        return self.parent if isinstance(self.parent, QWidget) and not self._parent_gone() else None

    def _parent_gone(self) -> bool:
        """The widget that asked was closed and deleted meanwhile: nobody wants the answer."""
        return self.parent is not None and not shiboken6.isValid(self.parent)

    def _finished(self, result: Any) -> None:
        self._close()
        if self._parent_gone():
            return
        if self._on_success is not None:
            self._on_success(result)

    def _failed(self, exc: BaseException) -> None:
        self._close()
        if self._parent_gone():
            return
        if self._on_failure is not None:
            self._on_failure(exc)
        else:
            show_error(self._widget(), exc)

    @property
    def cancelled(self) -> bool:
        return self._cancelled


class QueryOp(_Op):
    """A read or network call; may run in parallel with others."""


class WriteOp(_Op):
    """A write through the services; serialised on the single writer thread."""

    pool = staticmethod(writer_pool)
