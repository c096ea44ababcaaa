"""The rows of the tabular outputs (CSV reports, ``portfolio.csv``, the workbooks), defined once.

Each table is a list of :class:`Column` and rows of plain values taken from a
:class:`~assess.analysis.scoring.Scorecard` or a :class:`~assess.analysis.portfolio.ServiceSummary` (never recomputed).
A value is language-neutral (a result id, a status id, a bool, a date, a number); how it is shown is
the format's business: a CSV writes ids (``not_met``, ``green``, ``yes``) for tools, a workbook writes the
words of its language (``niet voldaan``, ``GROEN``, ``ja``) and real numbers and dates.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, Union

from assess.analysis.scoring import PRIORITY_ORDER, Scorecard, action_state
from assess.model.catalog import Catalog

if TYPE_CHECKING:
    from assess.analysis.portfolio import ServiceSummary

Kind = Literal["text", "id", "number", "percent", "date", "status", "result", "bool", "scope", "priority",
               "action_state", "section"]
Value = Union[str, float, int, bool, dt.date, None]  # noqa: UP007 (a runtime alias)


@dataclass(frozen=True)
class Column:
    key: str  # the CSV header, and the key of the label in assess.i18n.workbook_words
    kind: Kind = "text"
    width: float = 14  # in a workbook, in characters


# --------------------------------------------------------------------------------------------------
# One service: a row per norm, and its action plan

SERVICE_HEAD = [Column("service", width=24), Column("date", "date", 11), Column("kind", width=18),
                Column("location", width=14)]
NORM_COLUMNS = [
    *SERVICE_HEAD,
    Column("id", "id", 11), Column("principle", "id", 9), Column("setting", width=14),
    Column("critical", "bool", 8), Column("scope", "scope", 10), Column("result", "result", 18),
    Column("evidence", width=36), Column("evidence_sources", width=18), Column("note", width=36),
    Column("action", width=30), Column("action_owner", width=16), Column("action_due", "date", 11),
    Column("action_priority", "priority", 10), Column("action_done", "bool", 9), Column("text", width=60),
]
GAP_COLUMNS = [*SERVICE_HEAD, Column("id", "id", 11), Column("section", "section", 9), Column("critical", "bool", 8),
               Column("result", "result", 18), Column("evidence", width=36), Column("note", width=36),
               Column("action", width=30), Column("action_owner", width=16), Column("action_due", "date", 11),
               Column("action_priority", "priority", 10)]
ACTION_COLUMNS = [*SERVICE_HEAD, Column("action_priority", "priority", 10), Column("id", "id", 11),
                  Column("result", "result", 18), Column("action", width=40), Column("action_owner", width=16),
                  Column("action_due", "date", 11), Column("action_state", "action_state", 11)]


def _head(card: Scorecard) -> list[Value]:
    a = card.assessment
    return [a.service.name, a.date, a.service.kind, a.service.location]


def norm_rows(card: Scorecard, lang: str) -> Iterator[list[Value]]:
    """One row per norm of the checklist and the chosen settings, in catalog order (``NORM_COLUMNS``);
    the norm's text in ``lang``."""
    head = _head(card)
    settings = card.catalog.settings
    for norm in card.catalog.items_for(card.assessment.settings):
        answer = card.assessment.answer(norm.id)
        action = answer.action
        in_setting = norm.section in settings
        yield [*head, norm.id, None if in_setting else norm.section, norm.section if in_setting else None,
               norm.critical, norm.scope, answer.result, "\n".join(answer.evidence_texts) or None,
               "; ".join(answer.sources) or None, answer.note,
               action.description if action else None, action.owner if action else None,
               action.due if action else None, action.priority if action else None,
               action.done if action else None, norm.text[lang]]


def gap_rows(card: Scorecard) -> Iterator[list[Value]]:
    """The gaps in the report's order (``GAP_COLUMNS``)."""
    head = _head(card)
    for gap in card.gaps:
        action = gap.answer.action
        yield [*head, gap.norm.id, gap.norm.section, gap.norm.critical, gap.answer.result,
               "\n".join(gap.answer.evidence_texts) or None, gap.answer.note,
               action.description if action else None, action.owner if action else None,
               action.due if action else None, action.priority if action else None]


def action_rows(card: Scorecard) -> Iterator[list[Value]]:
    """The action plan as the Markdown report orders it: priority, then due date, then gap order."""
    head = _head(card)
    with_action = sorted((g for g in card.gaps if g.answer.action),
                         key=lambda g: (PRIORITY_ORDER[g.answer.action.priority],  # type: ignore[union-attr]
                                        g.answer.action.due or dt.date.max))  # type: ignore[union-attr]
    for gap in with_action:
        action = gap.answer.action
        assert action is not None
        yield [*head, action.priority, gap.norm.id, gap.answer.result, action.description, action.owner,
               action.due, action_state(action, card.assessment.date)]


# --------------------------------------------------------------------------------------------------
# Many services: a row per service (portfolio.csv, the portfolio workbook's services sheet)


def service_columns(catalog: Catalog) -> list[Column]:
    return [Column("service", width=28), Column("kind", width=18), Column("location", width=14),
            Column("date", "date", 11), Column("assessors", width=20), Column("score", "number", 9),
            Column("status", "status", 10), Column("completeness", "percent", 11),
            Column("critical_not_fully_met", width=12), Column("disputed", width=12),
            *(Column(f"principle_{p.id}", "number", 7) for p in catalog.principles),
            *(Column(f"setting_{s}", "number", 10) for s in catalog.settings), Column("file", width=30)]


def service_row(summary: ServiceSummary, catalog: Catalog) -> list[Value]:
    principles = {r.id: r.score for r in summary.principles}
    settings = {r.id: r.score for r in summary.setting_scores}
    return [summary.name, summary.kind, summary.location, summary.date, "; ".join(summary.assessors) or None,
            summary.score, summary.status, summary.completeness, ", ".join(summary.critical_not_fully_met) or None,
            ", ".join(item for item, _ in summary.disputed) or None,
            *(principles.get(p.id) for p in catalog.principles), *(settings.get(s) for s in catalog.settings),
            summary.path]


# --------------------------------------------------------------------------------------------------
# CSV

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")


def csv_text(text: str) -> str:
    """User text as a cell a spreadsheet shows as text. NUL is removed (spreadsheets cut or skip the rest of
    a cell there). Any line of the cell that starts like a formula (``=``, ``+``, ``-``, ``@``, a tab or a
    CR), the first one or one after a line break inside the cell, gets a leading ``'``, so Excel or
    LibreOffice never runs it (CSV injection)."""
    if "\r" not in text and "\n" not in text and "\x00" not in text:  # one line: the usual cell, without a split
        return "'" + text if text.startswith(_FORMULA_START) else text
    lines = re.split(r"(\r\n|\r|\n)", text.replace("\x00", ""))  # the line breaks are kept, in their own items
    for k in range(0, len(lines), 2):
        if lines[k].startswith(_FORMULA_START):
            lines[k] = "'" + lines[k]
    return "".join(lines)


def _csv_field(value: str, delimiter: str) -> str:
    """One CSV field: quoted whenever it holds the separator, a quote, a CR or an LF (a bare CR too, which
    Python's csv module leaves unquoted and a spreadsheet reads as the start of a new row)."""
    if "\x00" in value:
        value = value.replace("\x00", "")
    if delimiter in value or '"' in value or "\r" in value or "\n" in value:
        return '"' + value.replace('"', '""') + '"'
    return value


def csv_value(value: Value, kind: Kind, excel_nl: bool = False) -> str:
    """A value as a CSV cell: ids and yes/no for tools; ``excel_nl``: decimal comma, ids as ``="1.10"``."""
    if type(value) is str:  # most cells: the same as the last lines below, tested first
        if kind == "text":
            return csv_text(value)
        return f'="{value}"' if kind == "id" and excel_nl else value
    if value is None:
        return "not_assessed" if kind == "result" else ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int | float):
        text = f"{value:.1f}" if isinstance(value, float) else str(value)
        return text.replace(".", ",") if excel_nl else text
    if kind == "id" and excel_nl:
        return f'="{value}"'  # Excel would read 1.10 as a number (1,1 or 110); a formula keeps it text
    if kind == "text":
        return csv_text(value)
    return value


_CACHED = frozenset({str, bool, int, type(None), dt.date})  # equal values of one of these: one cell


def write_csv(columns: Sequence[Column], rows: Iterable[Sequence[Value]], excel_nl: bool = False) -> str:
    """The table as CSV: UTF-8, ``,``, decimal point (for tools); ``excel_nl``: what a Dutch Excel opens by
    double-click (a byte-order mark, ``;`` between cells, a decimal comma, ids kept as text)."""
    buffer = io.StringIO()
    end, delimiter = _csv_header(columns, buffer.write, excel_nl)
    kinds = [c.kind for c in columns]
    # A report repeats most of its cells from row to row (its service, a norm's section and scope, the
    # results): each different (value, kind) is made once. The type is in the key, as True == 1 == 1.0; only
    # types whose equal values make one cell are kept (not a float: -0.0 == 0.0; not a datetime: one instant
    # in two time zones); the others are made each time.
    made: dict[tuple[type, Value, Kind], str] = {}
    for row in rows:
        cells = []
        for value, kind in zip(row, kinds, strict=True):
            key = (value.__class__, value, kind)
            cell = made.get(key)
            if cell is None:
                cell = _csv_field(csv_value(value, kind, excel_nl), delimiter)
                if value.__class__ in _CACHED:  # a value of another type is made into its cell each time
                    made[key] = cell
            cells.append(cell)
        buffer.write(delimiter.join(cells) + end)
    return buffer.getvalue()


def _csv_header(columns: Sequence[Column], write: Callable[[str], Any], excel_nl: bool) -> tuple[str, str]:
    """Write the byte-order mark (``excel_nl``) and the header row; the line end and the separator."""
    end, delimiter = ("\r\n", ";") if excel_nl else ("\n", ",")
    if excel_nl:
        write("\ufeff")
    write(delimiter.join([_csv_field(c.key, delimiter) for c in columns]) + end)
    return end, delimiter


def stream_csv(columns: Sequence[Column], rows: Iterable[Sequence[Value]], write: Callable[[str], Any],
               excel_nl: bool = False) -> None:
    """:func:`write_csv` a row at a time through ``write`` (``portfolio.csv``: never held whole, and its rows,
    one per service, share few cells, so none are kept)."""
    end, delimiter = _csv_header(columns, write, excel_nl)
    kinds = [c.kind for c in columns]
    for row in rows:  # lists, not generators, into join
        write(delimiter.join([_csv_field(csv_value(v, kind, excel_nl), delimiter)
                              for v, kind in zip(row, kinds, strict=True)]) + end)
