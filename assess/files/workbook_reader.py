"""``assess import FILE.xlsx``: the sheets of a workbook fed, as tables of text, to the CSV import's checks.

Every sheet is looked at. A sheet whose first rows hold a header of the LONG layout (``norm``, ``result``, ...)
or the WIDE one (a column per norm id) is read as that table; rows above the header whose first cell names a
service field (``Dienst``/``Service``, ``Soort``/``Kind``, ``Datum``/``Date``, ...) with its value in the next
cell are the service block of a fill-in form (:mod:`assess.render.xlsx.form`) and fill the service's columns. The
form's columns that only show the norm (section, text, critical, scope) are left out. Other sheets are
skipped with a warning (the form's instructions sheet silently).

Cells become the text the CSV would hold: a date is ``YYYY-MM-DD``, a whole number has no decimals. Problems
are reported as ``FILE:SHEET!CELL: message``. Norm ids are text: a norm id cell that holds a number which may
have lost a trailing zero (``1.1`` for ``1.10``) is an error.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from assess.errors import InputError, Problem
from assess.files.answer_sheet import _NORM_LIKE, LONG_COLUMNS, WIDE_COLUMNS, Sheet, _column_key, _Reader
from assess.i18n.workbook_words import WORDS as LABELS
from assess.model.catalog import Catalog

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # an encrypted (password-protected) workbook, or an old .xls
MAX_ROWS = 100_000
MAX_COLUMNS = 300  # the WIDE layout of every norm and setting item has about 150
MAX_CELLS = 3_000_000
HEADER_SEARCH = 30  # rows in which a header is looked for
META = ("service", "kind", "location", "assessor", "date", "settings", "language")
_INFO = {LABELS[key][i].casefold() for key in ("xl.section", "xl.text", "xl.critical", "xl.scope", "xl.principle")
         for i in (0, 1)}
_INSTRUCTIONS = {LABELS["sheet.instructions"][i].casefold() for i in (0, 1)}
_PLAIN_SHEET_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.]*$")


def looks_like_workbook(data: bytes, name: str) -> bool:
    """Whether ``data`` is meant as a workbook: its bytes (a zip, an encrypted file) or its name say so."""
    return data.startswith((ZIP_MAGIC, OLE_MAGIC)) or name.lower().endswith((".xlsx", ".xlsm"))


def sheet_ref(title: str) -> str:
    """A sheet name as Excel writes it in a reference: ``'De Overloop'``, ``Normen``."""
    return title if _PLAIN_SHEET_NAME.match(title) else "'" + title.replace("'", "''") + "'"


def column_letter(index: int) -> str:
    letters = ""
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


@dataclass
class WorkbookLocator:
    """Problems as ``FILE:SHEET!CELL``: each record the reader sees has a line number of its own, and for each
    of its positions the cell it came from."""

    name: str
    lines: list[tuple[str, int, list[str]]] = field(default_factory=list)  # (sheet, row, cell of each position)

    def add(self, sheet: str, row: int, cells: list[str]) -> int:
        self.lines.append((sheet, row, cells))
        return len(self.lines)

    def at(self, line: int | None, position: int | None) -> tuple[str, int | None]:
        if not line:
            return self.name, None
        sheet, row, cells = self.lines[line - 1]
        cell = cells[position - 1] if position and position <= len(cells) else f"A{row}"
        return f"{self.name}:{sheet_ref(sheet)}!{cell}", None

    def place(self, line: int) -> str:
        sheet, row, _ = self.lines[line - 1]
        return f"row {row} of sheet {sheet!r}"


def _text(value: Any) -> str:
    """A cell as the CSV would hold it."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def open_workbook(data: bytes, name: str) -> Any:
    """The workbook, read-only with the values of formulas; any defect is one line, never a traceback."""
    if data.startswith(OLE_MAGIC):
        raise InputError.single(name, None, "a password-protected workbook or an old Excel file (.xls): remove the "
                                            "password (File → Info → Protect Workbook) or save it as an Excel "
                                            "workbook (.xlsx), then import it again")
    if not data.startswith(ZIP_MAGIC):
        kind = "text" if _is_text(data) else "not a workbook"
        raise InputError.single(name, None, f"not an Excel workbook (.xlsx), although it is named so: the file is "
                                            f"{kind}; a CSV must be named .csv")
    _refuse_unpacked_size(data, name)
    import warnings

    from openpyxl import load_workbook

    try:
        with warnings.catch_warnings():  # openpyxl's own (a defined name of a missing sheet) is not for the user
            warnings.simplefilter("ignore")
            return load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except zipfile.BadZipFile:
        raise InputError.single(name, None, "cannot read this workbook: the file is damaged (not a complete "
                                            ".xlsx); save it again from the spreadsheet program") from None
    except Exception as error:  # openpyxl raises many kinds on a broken or foreign file
        detail = " ".join(str(error).split())[:120]
        raise InputError.single(name, None, f"cannot read this workbook: it is damaged or not an .xlsx "
                                            f"({type(error).__name__}: {detail})") from None


MAX_UNPACKED = 64 * 1024 * 1024  # bytes of XML a workbook may unpack to (a 10 MB file of answers unpacks to less)


def _refuse_unpacked_size(data: bytes, name: str) -> None:
    """A workbook that unpacks to more than :data:`MAX_UNPACKED` is refused before openpyxl reads it: a 348 KB
    file of one row of 3 million cells took 2.8 GB of memory and 30 s to be found wanting."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(member.file_size for member in archive.infolist())
    except zipfile.BadZipFile:
        return  # said as a damaged workbook by the loader
    if unpacked > MAX_UNPACKED:
        raise InputError.single(name, None, f"too large when unpacked ({unpacked / 1024 / 1024:.0f} MB of sheets; "
                                            f"at most {MAX_UNPACKED // 1024 // 1024} MB): not a workbook of answers")


def _is_text(data: bytes) -> bool:
    try:
        data[:4096].decode("utf-8")
    except UnicodeDecodeError as error:
        return error.start > 4090  # a character cut at the end of the sample
    return True


def _rows(ws: Any, name: str) -> Iterator[tuple[int, list[Any]]]:
    """The rows of a sheet, up to :data:`MAX_ROWS` and :data:`MAX_CELLS` (a workbook is a zip: a small file
    can unpack into a huge sheet) and :data:`MAX_COLUMNS` cells wide."""
    cells = 0
    for number, row in enumerate(ws.iter_rows(values_only=True), 1):
        cells += min(len(row), MAX_COLUMNS)
        if number > MAX_ROWS or cells > MAX_CELLS:
            raise InputError.single(f"{name}:{sheet_ref(ws.title)}", None, f"too big: more than {MAX_ROWS:,} rows "
                                    f"or {MAX_CELLS:,} cells; split the workbook")
        yield number, list(row[:MAX_COLUMNS])


def _header_score(cells: list[Any]) -> tuple[bool, int]:
    """(is a header, how many known columns) for one row."""
    known = set(LONG_COLUMNS) | set(WIDE_COLUMNS)
    texts = [_text(c).strip() for c in cells]
    keys = {_column_key(c) for c in texts if c}
    norms = sum(1 for c in texts if _NORM_LIKE.match(c))
    if "norm" in keys or ("service" in keys and norms):
        return True, len(keys & known) + norms
    return False, 0


class _WorkbookReader:
    def __init__(self, name: str, catalog: Catalog) -> None:
        self.name = name
        self.catalog = catalog
        self.locator = WorkbookLocator(name)
        self.reader = _Reader(name, catalog, self.locator)
        self.tables = 0

    def sheet(self, ws: Any) -> None:
        rows = list(_rows(ws, self.name))
        header_at = next((i for i, (_, cells) in enumerate(rows[:HEADER_SEARCH]) if _header_score(cells)[0]), None)
        if header_at is None:
            blank = not any(_text(c).strip() for _, cells in rows for c in cells)
            if not blank and ws.title.casefold() not in _INSTRUCTIONS:
                self.reader.warnings.append(Problem(f"{self.name}:{sheet_ref(ws.title)}", None, "warning: no header "
                                                    "row of answers (service, norm, result or norm ids) in this "
                                                    "sheet; skipped"))
            return
        self.tables += 1
        meta: dict[str, tuple[str, str]] = {}  # key -> (value, cell)
        for number, cells in rows[:header_at]:
            key = _column_key(_text(cells[0])) if cells else ""
            if key in META and key not in meta:
                meta[key] = (_text(cells[1]) if len(cells) > 1 else "", f"B{number}")
        header_row, header_cells = rows[header_at]
        texts = [_text(c).strip() for c in header_cells]
        while texts and not texts[-1]:
            texts.pop()
        keep = [i for i, text in enumerate(texts) if text.casefold() not in _INFO]
        keys = {_column_key(texts[i]) for i in keep}
        extra = [key for key in META if key in meta and key not in keys]
        fed_header = [texts[i] for i in keep] + extra
        meta_cells = [meta[key][1] for key in extra]
        records = [(self.locator.add(ws.title, header_row, [f"{column_letter(i + 1)}{header_row}" for i in keep]
                                     + meta_cells), fed_header)]
        numbers: list[tuple[int, int, str]] = []  # (line, position, text) of norm ids that are numbers
        dates: list[tuple[int, int]] = []  # (line, position) of norm ids that became dates
        norm_positions = [p for p, i in enumerate(keep, 1) if _column_key(texts[i]) == "norm"]
        first = True
        for number, cells in rows[header_at + 1:]:
            values = [cells[i] if i < len(cells) else None for i in keep]
            tail = [c for c in cells[len(texts):] if _text(c).strip()]
            row = [_text(v) for v in values] + [_text(c) for c in tail]
            if not any(c.strip() for c in row):
                continue
            extra_values = [meta[key][0] if first or key == "service" else "" for key in extra]
            first = False
            refs = ([f"{column_letter(i + 1)}{number}" for i in keep] + meta_cells
                    + [f"{column_letter(len(texts) + j + 1)}{number}" for j in range(len(tail))])
            line = self.locator.add(ws.title, number, refs)
            records.append((line, row[:len(keep)] + extra_values + row[len(keep):]))
            numbers += [(line, p, row[p - 1]) for p in norm_positions if isinstance(values[p - 1], int | float)]
            dates += [(line, p) for p in norm_positions if isinstance(values[p - 1], dt.date | dt.datetime)]
        numbers += [(records[0][0], p, fed_header[p - 1]) for p, i in enumerate(keep, 1)
                    if isinstance(header_cells[i], int | float)]
        self.reader.table(records)
        for line, position in dates:
            self.reader.problem(line, None, "the cell holds a date: a spreadsheet turned a norm id (such as 1.10) "
                                            "into a date; format the column as text and type the id again", position)
        for line, position, text in numbers:
            if self.catalog.has_item(text + "0"):
                self.reader.problem(line, None, f"the cell holds the number {text}, not text: a spreadsheet may have "
                                                f"turned {text}0 into {text}; format the column as text and type "
                                                f"the id again", position)

    def finish(self) -> Sheet:
        if not self.tables:
            raise InputError.single(self.name, None, "no sheet holds a table of answers: a header row with service, "
                                                     "norm and result (one row per norm), or service and a column "
                                                     "per norm id")
        return self.reader.finish()


def read_workbook(data: bytes, name: str, catalog: Catalog) -> Sheet:
    """Check every sheet of a workbook and turn the answers into assessments; raises :class:`InputError`."""
    import warnings

    wb = open_workbook(data, name)
    try:
        workbook = _WorkbookReader(name, catalog)
        try:
            with warnings.catch_warnings():  # openpyxl warns as it parses a sheet ("Data Validation extension
                warnings.simplefilter("ignore")  # is not supported"), with its own path: not for the user
                for ws in wb.worksheets:
                    workbook.sheet(ws)
        except InputError:
            raise
        except Exception as error:  # a sheet openpyxl cannot parse
            detail = " ".join(str(error).split())[:120]
            raise InputError.single(name, None, f"cannot read this workbook: it is damaged "
                                                f"({type(error).__name__}: {detail})") from None
        return workbook.finish()
    finally:
        wb.close()
