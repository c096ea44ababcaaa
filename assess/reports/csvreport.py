"""The CSV report: one row per norm, for spreadsheets."""

from __future__ import annotations

import io
import re

from assess.scoring import Scorecard

COLUMNS = ["id", "principle", "setting", "critical", "scope", "result", "evidence", "note",
           "action", "action_owner", "action_due", "action_priority", "action_done", "text"]


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")
_NEEDS_QUOTES = (",", '"', "\r", "\n")


def cell(text: str) -> str:
    """User text as a cell a spreadsheet shows as text. NUL is removed (spreadsheets cut or skip the rest of
    a cell there). Any line of the cell that starts like a formula (``=``, ``+``, ``-``, ``@``, a tab or a
    CR), the first one or one after a line break inside the cell, gets a leading ``'``, so Excel or
    LibreOffice never runs it (CSV injection)."""
    text = text.replace("\x00", "")
    lines = re.split(r"(\r\n|\r|\n)", text)  # the line breaks are kept, in their own items
    for k in range(0, len(lines), 2):
        if lines[k].startswith(_FORMULA_START):
            lines[k] = "'" + lines[k]
    return "".join(lines)


def _field(value: str) -> str:
    """One CSV field: quoted whenever it holds a comma, a quote, a CR or an LF (a bare CR too, which
    Python's csv module leaves unquoted and a spreadsheet reads as the start of a new row)."""
    value = value.replace("\x00", "")
    if any(mark in value for mark in _NEEDS_QUOTES):
        return '"' + value.replace('"', '""') + '"'
    return value


class _Writer:
    """``writerow`` like ``csv.writer`` with ``lineterminator="\\n"``, quoting every field that needs it."""

    def __init__(self, buffer: io.StringIO) -> None:
        self.buffer = buffer

    def writerow(self, row: list[str]) -> None:
        self.buffer.write(",".join(_field(value) for value in row) + "\n")


def render(card: Scorecard, lang: str) -> str:
    buffer = io.StringIO()
    writer = _Writer(buffer)
    writer.writerow(COLUMNS)
    settings = card.catalog.settings
    for norm in card.catalog.items_for(card.assessment.settings):
        answer = card.assessment.answer(norm.id)
        action = answer.action
        in_setting = norm.section in settings
        writer.writerow([
            norm.id, "" if in_setting else norm.section, norm.section if in_setting else "",
            "yes" if norm.critical else "no", norm.scope, answer.result or "not_assessed",
            cell("\n".join(answer.evidence)), cell(answer.note or ""),
            cell(action.description) if action else "", cell(action.owner or "") if action else "",
            action.due.isoformat() if action and action.due else "",
            (action.priority or "") if action else "", ("yes" if action.done else "no") if action else "",
            norm.text[lang],
        ])
    return buffer.getvalue()
