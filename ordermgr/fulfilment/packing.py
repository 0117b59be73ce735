"""Scan-to-verify packing, without a database: what the packing station checks with every scan.

    check = PackingCheck(order_number, lines)
    result = check.scan("6900000000001")        # right item -> ok, else wrong / surplus / unknown
    check.missing()                              # what is still to scan
    check.complete                               # every line scanned in full

Barcodes match a line by its SKU barcode or SKU code (case-insensitive). A bulk item can be
scanned once with a quantity typed in.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum


class ScanOutcome(StrEnum):
    OK = "ok"  # a line that still needed this item
    LINE_DONE = "line_done"  # ... and that completed the line
    COMPLETE = "complete"  # ... and that completed the order
    WRONG = "wrong"  # a known product that is not in this order
    UNKNOWN = "unknown"  # a barcode we do not know at all
    SURPLUS = "surplus"  # in the order, but all of it is already packed

    @property
    def is_error(self) -> bool:
        return self in (ScanOutcome.WRONG, ScanOutcome.UNKNOWN, ScanOutcome.SURPLUS)


@dataclass
class PackLine:
    line_id: int
    sku: str
    name: str
    barcode: str
    quantity: int  # to pack now (ordered minus already shipped)
    scanned: int = 0

    @property
    def missing(self) -> int:
        return self.quantity - self.scanned


@dataclass(frozen=True)
class ScanResult:
    outcome: ScanOutcome
    message: str
    line_id: int | None = None


@dataclass
class PackingCheck:
    order_id: int
    order_number: str
    lines: list[PackLine]
    # asks the catalogue whether a code not in this order is a product at all (wrong vs unknown)
    is_known: Callable[[str], bool] | None = None
    log: list[tuple[str, int, str]] = field(default_factory=list)  # (code, qty, outcome)

    def _find(self, code: str) -> list[PackLine]:
        key = code.strip().casefold()
        return [line for line in self.lines
                if key and key in (line.barcode.casefold(), line.sku.casefold())]

    def scan(self, code: str, quantity: int = 1) -> ScanResult:
        code = (code or "").strip()
        if quantity < 1:
            return self._log(code, quantity, ScanResult(
                ScanOutcome.UNKNOWN, f"A quantity of {quantity} makes no sense; scan again."))
        matches = self._find(code)
        if not matches:
            if self.is_known is not None and self.is_known(code):
                return self._log(code, quantity, ScanResult(
                    ScanOutcome.WRONG, f"WRONG ITEM: {code} is not in order #{self.order_number}. "
                                       "Put it back."))
            return self._log(code, quantity, ScanResult(
                ScanOutcome.UNKNOWN, f"Unknown barcode {code!r}: no product has it. Check the "
                                     "label or type the SKU."))
        open_lines = [line for line in matches if line.missing > 0]
        room = sum(line.missing for line in open_lines)
        if quantity > room:
            sku = matches[0].sku
            return self._log(code, quantity, ScanResult(
                ScanOutcome.SURPLUS, f"TOO MANY: order #{self.order_number} needs "
                                     f"{room} more of {sku}, you scanned {quantity}. Put the extra back."))
        left = quantity
        line = open_lines[0]
        for line in open_lines:
            take = min(left, line.missing)
            line.scanned += take
            left -= take
            if not left:
                break
        if self.complete:
            outcome, text = ScanOutcome.COMPLETE, f"Order #{self.order_number} is complete."
        elif line.missing == 0:
            outcome, text = ScanOutcome.LINE_DONE, f"{line.sku} complete ({line.quantity})."
        else:
            outcome, text = ScanOutcome.OK, f"{line.sku}: {line.scanned} of {line.quantity}."
        return self._log(code, quantity, ScanResult(outcome, text, line.line_id))

    def _log(self, code: str, quantity: int, result: ScanResult) -> ScanResult:
        self.log.append((code, quantity, result.outcome.value))
        return result

    @property
    def complete(self) -> bool:
        return all(line.missing == 0 for line in self.lines)

    def missing(self) -> list[PackLine]:
        return [line for line in self.lines if line.missing > 0]

    def scanned(self) -> dict[int, int]:
        return {line.line_id: line.scanned for line in self.lines}
