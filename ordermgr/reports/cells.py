"""Exported cells stay data: text a spreadsheet would run as a formula is written as text.

Names, notes and addresses come from shoppers (through the storefronts) and from staff. A
spreadsheet program treats a cell starting with `=`, `+`, `-` or `@` as a formula, and some strip
a leading tab or carriage return before looking (OWASP "CSV injection"): a shopper called
`=HYPERLINK("http://evil.example/","x")` would become a live link in the orders report. Every
xlsx and CSV writer of ordermgr passes its values through here. Only text is touched: a negative
amount is a number and stays one.
"""

from __future__ import annotations

from collections.abc import Iterable

FORMULA_STARTS = frozenset("=+-@\t\r")


def is_formula_like(value: object) -> bool:
    return type(value) is str and value[:1] in FORMULA_STARTS


def csv_value(value: object) -> object:
    """A CSV field: formula-like text gets a leading apostrophe (shown by spreadsheet programs
    as text, as OWASP recommends); everything else is unchanged."""
    return "'" + value if is_formula_like(value) else value


def csv_unescape(text: str) -> str:
    """The value `csv_value` escaped, for a file of ours read back (stock export → import)."""
    return text[1:] if text[:1] == "'" and text[1:2] in FORMULA_STARTS else text


def csv_row(values: Iterable[object]) -> list[object]:
    return [csv_value(value) for value in values]


def as_text(cell):
    """Mark an openpyxl cell holding formula-like text as text: stored as a string (never a
    formula) and quote-prefixed, so editing it in Excel keeps it text. Returns the cell."""
    if is_formula_like(cell.value):
        cell.data_type = "s"
        cell.quotePrefix = True
    return cell


def put(ws, row: int, column: int, value: object):
    """`ws.cell(row, column, value)` for data (never a formula) in a normal worksheet."""
    return as_text(ws.cell(row, column, value))


def write_only_value(ws, value: object) -> object:
    """A value to append to a write-only worksheet: formula-like text becomes a text cell."""
    if not is_formula_like(value):
        return value
    from openpyxl.cell import WriteOnlyCell
    return as_text(WriteOnlyCell(ws, value))
