"""What the after-sales dialogs share: a red validation line, an OK button enabled only when
the input is valid, and one write through a service on the writer thread."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTableWidgetItem

from ordermgr.ui.errors import show_error
from ordermgr.ui.ops import WriteOp


def readonly_item(text: str) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(item.flags() & ~Qt.ItemIsEditable)
    return item


class ServiceDialog(QDialog):
    saved = Signal(object)  # the Changes of the write
    result_ready = Signal(object)  # what the service call returned (a new case's id, ...)

    def _build_footer(self, layout, ok_text: str, message_name: str) -> None:
        self.message = QLabel()
        self.message.setObjectName(message_name)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.Ok)
        self.ok_button.setText(ok_text)
        self.ok_button.setEnabled(False)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def show_problems(self, problems: list[str]) -> None:
        self.message.setText("\n".join(problems))
        self.ok_button.setEnabled(not problems)

    def submit(self) -> None:  # pragma: no cover - each dialog defines it
        raise NotImplementedError

    def run_write(self, fn, label: str) -> None:
        """`fn(uow)` on the writer thread with a fresh unit of work; its Changes are emitted."""
        ctx = self.ctx

        def work():
            uow = ctx.uow()
            result = fn(uow)
            return uow.changes, result

        self.ok_button.setEnabled(False)
        WriteOp(self, work, label=label).success(self._saved).failure(self._failed).run()

    def _saved(self, outcome) -> None:
        changes, result = outcome
        self.result_ready.emit(result)
        self.saved.emit(changes)
        self.accept()

    def _failed(self, exc) -> None:
        show_error(self, exc)
        self.ok_button.setEnabled(True)
