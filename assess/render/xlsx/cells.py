"""Writing workbook cells: user text is data (a string cell, never a formula), numbers are numbers,
ids are text, dates are dates; shared styles; saving to bytes.

Imports openpyxl: import this module only where a workbook is made.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import tempfile
import zipfile
from collections.abc import Sequence
from typing import Any, BinaryIO

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from assess.i18n import t
from assess.render.tables import Column, Kind, Value
from assess.terminal_text import visible

MAX_TEXT = 32_767  # Excel's limit for one cell
TEXT_FORMAT = "@"
DATE_FORMAT = "yyyy-mm-dd"
SCORE_FORMAT = "0.0"
BOLD = Font(bold=True)
HEADER_FILL = PatternFill("solid", start_color="D9D9D9", end_color="D9D9D9")
WRAP = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")
STATUS_FILLS = {"green": "C6EFCE", "amber": "FFEB9C", "red": "FFC7CE"}
RESULT_FILLS = {"met": "C6EFCE", "partial": "FFEB9C", "not_met": "FFC7CE"}


def clean(text: str) -> str:
    """Text a workbook can hold and shows as written: control characters (C0 are not allowed in its XML; C1, DEL),
    BiDi controls, zero-width characters and lone surrogates written as visible escapes (``\\x1b``, ``\\u202e``),
    as in the other documents; the text cut at Excel's 32,767 characters per cell."""
    text = visible(text.replace("\r\n", "\n"))
    return text if len(text) <= MAX_TEXT else text[:MAX_TEXT - 1] + "…"


def as_text(cell: Any, text: str, number_format: str | None = TEXT_FORMAT) -> Any:
    """Put ``text`` in ``cell`` as a string, whatever it looks like (``=SUM(A1)`` stays text, never a
    formula; ``1.10`` stays ``1.10``)."""
    cell.value = clean(text)
    cell.data_type = "s"  # openpyxl would make a formula of a text starting with "="
    if number_format:
        cell.number_format = number_format
    return cell


def shown(value: Value, kind: Kind, lang: str, catalog: Any) -> Value:
    """A table value as a workbook shows it: words of ``lang`` for ids of results, statuses and the like."""
    if kind == "result":
        return catalog.answer_set.option(value).label[lang] if value else t("xl.not_assessed", lang)
    if kind == "status" and value is None:
        return t("status.none", lang)  # no score: said in words, as in the reports
    if value is None:
        return None
    if kind == "bool":
        return t("xl.yes" if value else "xl.no", lang)
    if kind == "status":
        return t(f"status.{value}", lang)
    if kind == "scope":
        return t(f"scope.{value}", lang)
    if kind == "priority":
        return t(f"priority.{value}", lang)
    if kind == "action_state":
        return t(f"action.{value}", lang)
    if kind == "section":
        return str(value)
    return value


def write_only_row(ws: Any, columns: Sequence[Column], values: Sequence[Value], lang: str,
                   catalog: Any) -> list[Any]:  # cells, or None for an empty one
    """The cells of one row of a write-only sheet: text as strings, numbers and dates typed."""
    cells: list[Any] = []
    for column, value in zip(columns, values, strict=True):
        value = shown(value, column.kind, lang, catalog)
        if value is None:
            cells.append(None)  # an empty cell: nothing is written
            continue
        cell = WriteOnlyCell(ws)
        if isinstance(value, str):
            as_text(cell, value, TEXT_FORMAT if column.kind == "id" else None)  # a string cell is text anyway
            if column.kind == "text" and ("\n" in value or len(value) > column.width):
                cell.alignment = WRAP
        elif isinstance(value, dt.date):
            cell.value = value
            cell.number_format = DATE_FORMAT
        else:
            cell.value = value
            if isinstance(value, float):
                cell.number_format = SCORE_FORMAT
        cells.append(cell)
    return cells


def header_cells(ws: Any, columns: Sequence[Column], lang: str) -> list[Any]:
    cells = []
    for column in columns:
        cell = as_text(WriteOnlyCell(ws), header(column.key, lang), None)
        cell.font = BOLD
        cell.fill = HEADER_FILL
        cell.alignment = WRAP
        cells.append(cell)
    return cells


A4 = "9"  # the paper size code of A4 in a workbook


def print_setup(ws: Any, landscape: bool = True, title_rows: str | None = None) -> None:
    """Print on A4, fit to the page's width (as many pages down as needed), the header row on every page."""
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.paperSize = A4
    if landscape:
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
    if title_rows:
        ws.print_title_rows = title_rows


def table_sheet(wb: Workbook, title: str, columns: Sequence[Column], lang: str) -> Any:
    """A write-only sheet with a frozen, bold header row, column widths and an autofilter (set on save:
    call :func:`close_table` with the number of rows)."""
    ws = wb.create_sheet(title)
    for index, column in enumerate(columns, 1):
        ws.column_dimensions[get_column_letter(index)].width = column.width
    ws.freeze_panes = "A2"
    print_setup(ws, title_rows="1:1")
    ws.append(header_cells(ws, columns, lang))
    return ws


def close_table(ws: Any, columns: Sequence[Column], rows: int, lang: str, catalog: Any) -> None:
    """Autofilter over the table, and fills by status and by result (the word is always there; the colour is
    extra, never the only sign)."""
    last_row = max(rows, 1) + 1
    ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{last_row}"
    for index, column in enumerate(columns, 1):
        letter = get_column_letter(index)
        if column.kind == "status":
            words = {t(f"status.{s}", lang): colour for s, colour in STATUS_FILLS.items()}
        elif column.kind == "result":
            words = {catalog.answer_set.option(r).label[lang]: colour for r, colour in RESULT_FILLS.items()}
        else:
            continue
        for word, colour in words.items():
            fill = PatternFill("solid", start_color=colour, end_color=colour)
            ws.conditional_formatting.add(f"{letter}2:{letter}{last_row}",
                                          CellIsRule(operator="equal", formula=[f'"{word}"'], fill=fill))


FIXED_TIME = (2000, 1, 1, 0, 0, 0)  # the time stamped in a workbook, so that the same input gives the same bytes
_STAMP = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")


def to_bytes(wb: Workbook) -> bytes:
    """The workbook's bytes, deterministic: the same content gives the same bytes (openpyxl stamps the time of
    saving in the file's properties and in every zip entry; both are set to 2000-01-01)."""
    buffer = io.BytesIO()
    save(wb, buffer)
    return buffer.getvalue()


def save(wb: Workbook, target: BinaryIO) -> None:
    """:func:`to_bytes` into ``target`` (a seekable file), an entry at a time through a temporary file, so a
    workbook of any size (``portfolio.xlsx`` of thousands of services) is never held whole in memory."""
    wb.properties.creator = "assess"
    with tempfile.TemporaryFile() as saved:
        wb.save(saved)
        saved.seek(0)
        with zipfile.ZipFile(saved) as source, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as fixed:
            for info in source.infolist():
                entry = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME)
                entry.compress_type = zipfile.ZIP_DEFLATED
                entry.external_attr = info.external_attr
                if info.filename == "docProps/core.xml":
                    fixed.writestr(entry, _STAMP.sub(rb"\g<1>2000-01-01T00:00:00Z\g<2>", source.read(info.filename)))
                    continue
                entry.file_size = info.file_size  # as writestr would know it (the same headers)
                with source.open(info) as data, fixed.open(entry, "w") as copy:
                    shutil.copyfileobj(data, copy, 1 << 16)


def header(key: str, lang: str) -> str:
    """The header of a table column (:class:`assess.render.tables.Column` key) in ``lang``."""
    if key.startswith("principle_"):
        return t("xl.principle_n", lang, id=key.removeprefix("principle_"))
    if key.startswith("setting_"):
        return t("xl.setting_n", lang, id=key.removeprefix("setting_"))
    return t("xl." + key, lang)
