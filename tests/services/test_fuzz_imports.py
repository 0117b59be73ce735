"""Fuzzing the stock import: files of random rows (numbers of any size and type, text in any
script, formulas, dates, empty cells, unknown columns) as CSV in UTF-8, UTF-8 with BOM, GBK or
Latin-1, or as Excel, through the preview and the commit, on SQLite and PostgreSQL. No example
may crash: a file is refused with a ValidationError, or previewed; the commit succeeds exactly
when the preview was clean; a refused commit changes nothing; a successful one leaves the ledger
whole and every number within the limits."""

from __future__ import annotations

import csv
import io
import os
from datetime import datetime

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from ordermgr.errors import ValidationError
from ordermgr.services import stock
from ordermgr.services.stock_import import COLUMNS, commit_import, preview_import
from tests.cli.test_permissions_first import database_snapshot
from tests.factories import build_catalog

IMPORT_FUZZ = settings(max_examples=int(os.environ.get("FUZZ_DB_EXAMPLES", 30)), deadline=None,
                       suppress_health_check=[HealthCheck.too_slow,
                                              HealthCheck.function_scoped_fixture])

text = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=30)
cells = st.one_of(
    st.none(), st.just(""), st.booleans(),
    st.integers(min_value=-5, max_value=2_000_000), st.integers(), st.integers(min_value=2**62),
    st.floats(), st.decimals(allow_nan=False, allow_infinity=False),
    st.datetimes(min_value=datetime(1900, 1, 1)), text,
    st.integers(0, 400).map(lambda n: "长" * n),  # around the text limits (200 for names)
    st.sampled_from(["TEA-01", "CUP-02", "POT-03", "NEW-1", "新品-2", "MAIN", "BACK", "main",
                     "=1+2", "=SUM(A1:A3)", "+1", "-1", "1e30", "99999999999999999999",
                     "3,000,000,000", "12.345", "CNY", "JPY", "XXX", " 7 ", "0x1F", "\x00"]),
)
headers = st.lists(st.one_of(st.sampled_from(COLUMNS), st.sampled_from(["Qty", "EAN", "stock"]),
                             text), min_size=1, max_size=8)
# GBK and Latin-1 can't write every character: what they can't is replaced, like a spreadsheet
# program saving in a legacy encoding would.
ENCODINGS = ("utf-8", "utf-8-sig", "gbk", "latin-1")


# what a real file holds in each column: most cells are these, so that imports also succeed
SENSIBLE = {
    "sku": st.sampled_from(["TEA-01", "CUP-02", "POT-03", "TEA-01", "NEW-1", "新品-2"]),
    "warehouse": st.sampled_from(["MAIN", "BACK", "main"]),
    "on_hand": st.integers(0, 60) | st.integers(0, 60).map(str),
    "threshold": st.integers(0, 9), "weight_grams": st.integers(0, 5000),
    "price": st.sampled_from(["9.90", "12", "0.5", 19.9, 7]),
    "cost": st.sampled_from(["1.00", "", 2]), "currency": st.sampled_from(["CNY", "JPY", ""]),
    "product": text.filter(str.strip), "name": text, "category": text,
    "barcode": st.from_regex(r"\A69[0-9]{11}\Z"),
}


def column_cells(column: str, clean: bool):
    sensible = SENSIBLE.get(column)
    if sensible is None:
        return cells
    return sensible if clean else st.one_of(*[sensible] * 9, cells)


@st.composite
def import_files(draw, directory) -> str:
    if draw(st.integers(0, 3)):  # mostly a usable header, in any order
        header = ["sku"] + draw(st.lists(st.sampled_from(COLUMNS[1:]), unique=True, max_size=6))
        header = draw(st.permutations(header))
    else:
        header = draw(headers)
    clean = draw(st.booleans())  # half the files hold only sensible cells: some import
    row = st.tuples(*(column_cells(str(c).lower(), clean) for c in header)).map(list)
    odd_row = st.lists(cells, max_size=len(header) + 1)
    rows = draw(st.lists(row if clean else st.one_of(row, row, row, odd_row), max_size=4))
    if draw(st.booleans()):
        path = directory / "fuzz.xlsx"
        book = Workbook()
        for values in [header] + rows:
            book.active.append([_xlsx_safe(v) for v in values])
        book.save(path)
    else:
        path = directory / "fuzz.csv"
        buffer = io.StringIO()
        csv.writer(buffer).writerows([header] + rows)
        encoding = draw(st.sampled_from(ENCODINGS))
        path.write_bytes(buffer.getvalue().encode(encoding, errors="replace"))
    return str(path)


def _xlsx_safe(value):
    """Excel files can't hold control characters or huge integers (openpyxl refuses to write
    them): those come as text, as a user typing them would get."""
    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub("?", value)
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > 2**53:
        return str(value)
    return value


@pytest.fixture
def catalog(uow):
    return build_catalog(uow)


@IMPORT_FUZZ
@given(data=st.data())
def test_any_file_is_refused_or_imported_whole(engine, uow, catalog, tmp_path, data):
    path = data.draw(import_files(tmp_path))
    before = database_snapshot(engine)
    try:
        with engine.connect() as conn:
            preview = preview_import(conn, path)
    except ValidationError:
        preview = None  # the file as a whole (header, encoding, damage) is refused
        event("file refused")
    assert database_snapshot(engine) == before  # a preview never writes
    try:
        result = commit_import(uow, path)
    except ValidationError:
        assert preview is None or not preview.ok
        assert database_snapshot(engine) == before
        event("rows refused" if preview else "file refused by the commit too")
        return
    event("imported")
    assert preview is not None and preview.ok
    assert result.rows == preview.row_count
    with engine.connect() as conn:
        assert stock.verify_ledger(conn) == [] and stock.bad_values(conn) == []
