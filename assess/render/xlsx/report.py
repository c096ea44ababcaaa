"""``assess report --format xlsx``: one service's gap report as a workbook (summary, norms, actions).

Every number comes from the :class:`~assess.analysis.scoring.Scorecard`; the rows of the norms and actions sheets are
those of :mod:`assess.render.tables` (the same as the CSV report's), with the words of the report's language.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Font, PatternFill

from assess.analysis.scoring import Scorecard, SectionScore
from assess.i18n import t
from assess.render.tables import ACTION_COLUMNS, NORM_COLUMNS, Column, Value, action_rows, norm_rows
from assess.render.xlsx.cells import (
    BOLD,
    HEADER_FILL,
    STATUS_FILLS,
    WRAP,
    as_text,
    close_table,
    print_setup,
    table_sheet,
    to_bytes,
    write_only_row,
)

SECTION_COLUMNS = [Column("section", "text", 16), Column("title", "text", 60), Column("score", "number", 10),
                   Column("status", "status", 11), Column("completeness", "percent", 13),
                   Column("met", "number", 9), Column("partial", "number", 9), Column("not_met", "number", 9),
                   Column("na", "number", 9), Column("not_assessed", "number", 12), Column("total", "number", 9)]
_SECTION_HEADERS = {"section": "col.section", "title": "col.title", "score": "col.score", "status": "col.status",
                    "completeness": "xl.complete", "met": "col.met", "partial": "col.partial",
                    "not_met": "col.not_met", "na": "col.na", "not_assessed": "col.not_assessed",
                    "total": "xl.total"}


def write_table(wb: Workbook, title: str, columns: Sequence[Column], rows: Any, lang: str, catalog: Any) -> int:
    """A sheet of ``rows`` under a header row; returns the number of rows."""
    ws = table_sheet(wb, title, columns, lang)
    count = 0
    for values in rows:
        ws.append(write_only_row(ws, columns, values, lang, catalog))
        count += 1
    close_table(ws, columns, count, lang, catalog)
    return count


def _section_values(entry: SectionScore, lang: str) -> list[Value]:
    tally = entry.tally
    return [entry.section.label(lang), entry.section.title[lang], entry.score, entry.status, entry.completeness,
            tally.met, tally.partial, tally.not_met, tally.na, tally.not_assessed, tally.total]


def _summary(wb: Workbook, card: Scorecard, lang: str) -> None:
    ws = wb.create_sheet(t("sheet.summary", lang))
    for letter, column in zip("ABCDEFGHIJK", SECTION_COLUMNS, strict=True):
        ws.column_dimensions[letter].width = max(column.width, 22) if letter == "A" else column.width
    catalog, a = card.catalog, card.assessment

    def pair(label: str, value: Value, kind: str = "text") -> list[Any]:
        head = as_text(WriteOnlyCell(ws), label, None)
        head.font = BOLD
        return [head, *write_only_row(ws, [Column("value", kind)], [value], lang, catalog)]  # type: ignore[arg-type]

    title = as_text(WriteOnlyCell(ws), f"{t('report.title', lang)}: {a.service.name}", None)
    title.font = Font(bold=True, size=14)
    rows: list[list[Any]] = [[title], []]
    rows += [pair(t("xl.service", lang), a.service.name), pair(t("xl.kind", lang), a.service.kind),
             pair(t("xl.location", lang), a.service.location), pair(t("xl.date", lang), a.date, "date"),
             pair(t("xl.assessors", lang), "; ".join(a.assessors) or None),
             pair(t("xl.checklist", lang), f"{catalog.title[lang]} ({catalog.id}, {t('report.version', lang)} "
                                           f"{a.checklist_version or catalog.version})"), []]
    overall = card.overall
    status_rows = f"B{len(rows) + 2}:B{len(rows) + 3}"  # status, then status by score alone
    rows += [pair(t("xl.score", lang), card.score, "number"), pair(t("xl.status", lang), card.status, "status"),
             pair(t("xl.score_status", lang), card.score_status, "status"),
             pair(t("xl.completeness", lang), card.completeness, "percent"),
             pair(t("xl.counted", lang), overall.counted, "number"), pair(t("col.met", lang), overall.met, "number"),
             pair(t("col.partial", lang), overall.partial, "number"),
             pair(t("col.not_met", lang), overall.not_met, "number"),
             pair(t("xl.na_count", lang), overall.na, "number"),
             pair(t("xl.not_assessed_count", lang), overall.not_assessed, "number"),
             pair(t("xl.gaps_count", lang), len(card.gaps), "number"),
             pair(t("xl.critical_not_fully_met", lang),
                  ", ".join(n.id for n in card.critical_failures) or None, "id"), []]
    headers = []
    for column in SECTION_COLUMNS:
        cell = as_text(WriteOnlyCell(ws), t(_SECTION_HEADERS[column.key], lang), None)
        cell.font, cell.fill, cell.alignment = BOLD, HEADER_FILL, WRAP
        headers.append(cell)
    rows.append(headers)
    table_start = len(rows) + 1
    rows += [write_only_row(ws, SECTION_COLUMNS, _section_values(e, lang), lang, catalog) for e in card.principles]
    if card.settings:
        rows += [write_only_row(ws, SECTION_COLUMNS, _section_values(e, lang), lang, catalog) for e in card.settings]
    table_end = len(rows)
    rows.append([])
    if card.settings:
        rows.append([as_text(WriteOnlyCell(ws), t("report.settings_apart", lang), None)])
    rows += [[as_text(WriteOnlyCell(ws), line, None)] for line in t("report.rules_text", lang).split("\n")]
    rows += [[], [as_text(WriteOnlyCell(ws), t("report.source", lang), None)]]
    for row in rows:
        ws.append(row)
    for status, colour in STATUS_FILLS.items():
        fill = PatternFill("solid", start_color=colour, end_color=colour)
        rule = CellIsRule(operator="equal", formula=[f'"{t("status." + status, lang)}"'], fill=fill)
        ws.conditional_formatting.add(f"{status_rows} D{table_start}:D{table_end}", rule)
    print_setup(ws)


def render(card: Scorecard, lang: str) -> bytes:
    """The workbook's bytes: a summary sheet, a norms sheet (one row per norm), an actions sheet."""
    wb: Any = Workbook(write_only=True)
    _summary(wb, card, lang)
    write_table(wb, t("sheet.norms", lang), NORM_COLUMNS, norm_rows(card, lang), lang, card.catalog)
    write_table(wb, t("sheet.actions", lang), ACTION_COLUMNS, action_rows(card), lang, card.catalog)
    return to_bytes(wb)
