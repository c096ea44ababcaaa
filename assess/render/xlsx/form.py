"""The fill-in workbook (``assess template --format xlsx``): an instructions sheet, then one sheet per service.

Why a sheet per service and not one long sheet: each service fills in its own sheet, with only the norms of
its own settings, its own name at the top, and nothing of another service to scroll past or overwrite; the
consultant sends the workbook (or, with ``--service``, a workbook per service) and imports it whole.

A service sheet::

    row 1-7   Dienst | De Overloop           the service block: label in A, value in B
              Soort | gebruiksruimte         (kind, location, assessors and date are open;
              ...                             name, settings and language are locked)
    row 9     Norm | Onderdeel | Tekst | Kritiek | Reikwijdte | Resultaat | Bewijs | Opmerking | Actie | ...
    row 10-   1.1  | Beginsel 1 | ...                          ^ a dropdown of the four answers

The header row and the service block are what :mod:`assess.files.workbook_reader` reads back: the table is the LONG
layout of the CSV import (the service block fills its service columns), so a filled-in form goes through the
same checks as a CSV.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from assess.i18n import t
from assess.model.catalog import Catalog
from assess.render.xlsx.cells import (
    BOLD,
    DATE_FORMAT,
    HEADER_FILL,
    TEXT_FORMAT,
    TOP,
    WRAP,
    as_text,
    print_setup,
    to_bytes,
)
from assess.terminal_text import visible

META = ("service", "kind", "location", "assessor", "date", "settings", "language")  # rows 1-7, in this order
OPEN_META = ("kind", "location", "assessor", "date")  # the service may fill in or correct these
HEADER_ROW = 9
# (label key, width, open for answers)
COLUMNS: tuple[tuple[str, float, bool], ...] = (
    ("xl.id", 8, False), ("xl.section", 12, False), ("xl.text", 55, False), ("xl.critical", 8, False),
    ("xl.scope", 10, False), ("xl.result", 20, True), ("xl.evidence", 30, True), ("xl.note", 30, True),
    ("xl.action", 30, True), ("xl.owner", 16, True), ("xl.due", 12, True), ("xl.priority", 11, True),
    ("xl.source", 18, True),  # the kind of source of the evidence (one for all lines, or one per line)
)
INFO_KEYS = ("xl.section", "xl.text", "xl.critical", "xl.scope", "xl.principle")  # shown, not read back
_FORBIDDEN = str.maketrans({c: "-" for c in "[]:*?/\\"})
OPEN = Protection(locked=False)


@dataclass(frozen=True)
class FormService:
    """One service to make a sheet for."""

    name: str
    kind: str | None = None
    location: str | None = None
    settings: tuple[str, ...] = ()


def sheet_names(names: Sequence[str], reserved: Sequence[str]) -> list[str]:
    """Valid, unique sheet names: at most 31 characters, none of ``[]:*?/\\``, no two equal ignoring case, and no
    control or invisible character (a tab's name cannot hold the ``\\x1b`` a cell shows instead: they are left out)."""
    taken = {r.casefold() for r in reserved}
    out = []
    for name in names:
        name = "".join(char for char in name if visible(char) == char)
        base = " ".join(name.translate(_FORBIDDEN).split()).strip("'") or "-"
        candidate, number = base[:31], 2
        while candidate.casefold() in taken:
            suffix = f" ({number})"
            candidate, number = base[:31 - len(suffix)] + suffix, number + 1
        taken.add(candidate.casefold())
        out.append(candidate)
    return out


def _list_validation(values: Sequence[str], lang: str, error_key: str) -> DataValidation:
    validation = DataValidation(type="list", formula1='"' + ",".join(values) + '"', allow_blank=True,
                                showErrorMessage=True, errorStyle="stop")
    validation.error, validation.errorTitle = t(error_key, lang), t("form.error_title", lang)
    return validation


def _date_validation(lang: str) -> DataValidation:
    from openpyxl.utils.datetime import to_excel

    first, last = (str(int(to_excel(dt.datetime(*day)))) for day in ((2000, 1, 1), (2100, 12, 31)))
    validation = DataValidation(type="date", operator="between", formula1=first, formula2=last,  # date serials
                                allow_blank=True, showErrorMessage=True, errorStyle="stop")
    validation.error, validation.errorTitle = t("form.error_date", lang), t("form.error_title", lang)
    return validation


def answer_labels(catalog: Catalog, lang: str) -> list[str]:
    """The four answers as the dropdown shows them: the catalog's answer set, in ``lang``."""
    return [option.label[lang] for option in catalog.answer_set.options]


def priority_labels(lang: str) -> list[str]:
    return [t(f"priority.{p}", lang) for p in ("high", "medium", "low")]


def _instructions(wb: Workbook, catalog: Catalog, lang: str, sheets: Sequence[str], file_label: str) -> None:
    ws = wb.active
    ws.title = t("sheet.instructions", lang)
    ws.column_dimensions["A"].width = 110
    text = t("form.instructions", lang, sheets=", ".join(sheets), answers=", ".join(answer_labels(catalog, lang)),
             priorities=", ".join(priority_labels(lang)), file=file_label,
             critical=", ".join(n.id for n in catalog.items_for(tuple(catalog.settings)) if n.critical))
    for row, paragraph in enumerate(text.split("\n"), 1):
        cell = as_text(ws.cell(row, 1), paragraph, None)
        cell.alignment = WRAP
        if row == 1 or paragraph in ("Hoe vult u dit formulier in", "How to fill in this form"):
            cell.font = Font(bold=True, size=13 if row == 1 else 11)
    ws.protection.sheet = True
    print_setup(ws, landscape=False)


def _service_sheet(wb: Workbook, title: str, service: FormService, catalog: Catalog, lang: str) -> None:
    ws = wb.create_sheet(title)
    values = {"service": service.name, "kind": service.kind or "", "location": service.location or "",
              "assessor": "", "date": None, "settings": ", ".join(service.settings), "language": lang}
    date_check = _date_validation(lang)
    for row, key in enumerate(META, 1):
        as_text(ws.cell(row, 1), t(f"xl.{key}", lang), None).font = BOLD
        ws.merge_cells(start_row=row, start_column=2, end_row=row, end_column=3)
        cell = ws.cell(row, 2)
        if key == "date":
            cell.number_format = DATE_FORMAT
            cell.alignment = Alignment(horizontal="left")
            date_check.add(cell.coordinate)
        else:
            as_text(cell, values[key] or "")
        if key in OPEN_META:
            cell.protection = OPEN
    as_text(ws.cell(4, 4), t("form.assessors_hint", lang), None).font = Font(italic=True, color="666666")

    items = catalog.items_for(service.settings)
    first, last = HEADER_ROW + 1, HEADER_ROW + len(items)
    for column, (key, width, _) in enumerate(COLUMNS, 1):
        ws.column_dimensions[get_column_letter(column)].width = width
        cell = as_text(ws.cell(HEADER_ROW, column), t(key, lang), None)
        cell.font, cell.fill, cell.alignment = BOLD, HEADER_FILL, WRAP
    for row, norm in enumerate(items, first):
        section = catalog.section(norm.section)
        fixed = (norm.id, section.label(lang), norm.text[lang], t("critical", lang) if norm.critical else "",
                 t(f"scope.{norm.scope}", lang))
        for column, value in enumerate(fixed, 1):
            cell = as_text(ws.cell(row, column), value)
            cell.alignment = WRAP if column == 3 else TOP
        for column, (key, _, _) in enumerate(COLUMNS[5:], 6):
            cell = ws.cell(row, column)
            cell.protection = OPEN
            cell.alignment = WRAP
            cell.number_format = DATE_FORMAT if key == "xl.due" else TEXT_FORMAT
    result_col, due_col, priority_col = (get_column_letter(COLUMNS.index(c) + 1) for c in COLUMNS
                                         if c[0] in ("xl.result", "xl.due", "xl.priority"))
    results = _list_validation(answer_labels(catalog, lang), lang, "form.error_result")
    results.showInputMessage, results.prompt = True, t("form.prompt_result", lang)
    results.add(f"{result_col}{first}:{result_col}{last}")
    priorities = _list_validation(priority_labels(lang), lang, "form.error_priority")
    priorities.add(f"{priority_col}{first}:{priority_col}{last}")
    date_check.add(f"{due_col}{first}:{due_col}{last}")
    for validation in (results, priorities, date_check):
        ws.add_data_validation(validation)

    ws.freeze_panes = f"B{first}"
    ws.protection.sheet = True
    ws.protection.formatColumns = False  # allowed: widen a column, make a row taller
    ws.protection.formatRows = False
    print_setup(ws, title_rows=f"{HEADER_ROW}:{HEADER_ROW}")


def build(services: Sequence[FormService], catalog: Catalog, lang: str, file_label: str = "form.xlsx") -> bytes:
    """The workbook's bytes: instructions, then a sheet per service (in the order given)."""
    wb: Any = Workbook()
    instructions = t("sheet.instructions", lang)
    titles = sheet_names([s.name for s in services], [instructions])
    _instructions(wb, catalog, lang, titles, file_label)
    for title, service in zip(titles, services, strict=True):
        _service_sheet(wb, title, service, catalog, lang)
    return to_bytes(wb)
