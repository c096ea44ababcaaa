"""``portfolio.xlsx`` (``assess batch --format xlsx``): services, norms, gaps and action plan, pivot-ready.

* **services**: one row per service (the columns of ``portfolio.csv``: :func:`assess.render.tables.service_columns`),
  in the order of ``portfolio.md``;
* **norms**: one row per service per norm, with the service, date, kind and location on every row, so a pivot
  table works at once;
* **gaps** and **action plan**: one row per service per gap, per action, in each report's order;
* **not processed**: every problem of an input that could not be used (``FILE``, line, message), as in
  ``portfolio.md``; it counts nowhere.

Numbers are numbers, ids are text, statuses and results are words (with a fill; the word is always there).
Every number comes from the service's scorecard. The per-norm rows are written by the workers beside the
reports (:func:`dump_rows`, a small JSON file per service in the staging folder) and streamed from there, so
the main process never holds them all.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Callable, Iterator, Sequence
from typing import Any, BinaryIO

from openpyxl import Workbook

from assess.analysis.portfolio import PortfolioData
from assess.analysis.scoring import Scorecard
from assess.i18n import t
from assess.model.catalog import Catalog
from assess.render.tables import (
    ACTION_COLUMNS,
    GAP_COLUMNS,
    NORM_COLUMNS,
    Column,
    Value,
    action_rows,
    gap_rows,
    norm_rows,
    service_columns,
    service_row,
)
from assess.render.xlsx.cells import save
from assess.render.xlsx.report import write_table

PORTFOLIO_NORM_COLUMNS = [c for c in NORM_COLUMNS if c.key != "text"]  # the text is in each service's report
NOT_PROCESSED_COLUMNS = [Column("file", width=40), Column("line", "number", 8), Column("problem", width=100)]
_TABLES = {"norms": PORTFOLIO_NORM_COLUMNS, "gaps": GAP_COLUMNS, "actions": ACTION_COLUMNS}


def _plain(value: Value) -> Value:
    return value.isoformat() if isinstance(value, dt.date) else value


def dump_rows(card: Scorecard) -> str:
    """A service's rows for the portfolio workbook, as JSON (dates as ``YYYY-MM-DD``; no text of norms)."""
    keep = len(PORTFOLIO_NORM_COLUMNS)
    return json.dumps({
        "norms": [[_plain(v) for v in row[:keep]] for row in norm_rows(card, "en")],
        "gaps": [[_plain(v) for v in row] for row in gap_rows(card)],
        "actions": [[_plain(v) for v in row] for row in action_rows(card)],
    }, ensure_ascii=False)


def _typed(row: Sequence[Value], columns: Sequence[Column]) -> list[Value]:
    return [dt.date.fromisoformat(v) if c.kind == "date" and isinstance(v, str) else v
            for v, c in zip(row, columns, strict=True)]


def render(data: PortfolioData, catalog: Catalog, lang: str, rows_file: Callable[[int], str]) -> bytes:
    """The workbook's bytes; ``rows_file(index)`` is where :func:`dump_rows` put service ``index``'s rows."""
    buffer = io.BytesIO()
    write(data, catalog, lang, rows_file, buffer)
    return buffer.getvalue()


def write(data: PortfolioData, catalog: Catalog, lang: str, rows_file: Callable[[int], str], target: BinaryIO
          ) -> None:
    """The workbook into ``target`` (a seekable file), its rows streamed (:func:`assess.render.xlsx.cells.save`)."""
    wb: Any = Workbook(write_only=True)
    write_table(wb, t("sheet.services", lang), service_columns(catalog),
                (service_row(e.summary, catalog) for e in data.services), lang, catalog)

    def rows(table: str) -> Iterator[list[Value]]:
        columns = _TABLES[table]
        for entry in data.services:
            with open(rows_file(entry.summary.index), encoding="utf-8") as handle:
                for row in json.load(handle)[table]:
                    yield _typed(row, columns)

    for table, sheet in (("norms", "sheet.norms"), ("gaps", "sheet.gaps"), ("actions", "sheet.plan")):
        write_table(wb, t(sheet, lang), _TABLES[table], rows(table), lang, catalog)
    write_table(wb, t("sheet.not_processed", lang), NOT_PROCESSED_COLUMNS,
                ([p.file, p.line, p.message] for p in data.problems), lang, catalog)
    save(wb, target)
