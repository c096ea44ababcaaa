"""The CSV report: one row per norm, for spreadsheets."""

from __future__ import annotations

import csv
import io

from assess.analysis.scoring import Scorecard

COLUMNS = ["id", "principle", "setting", "critical", "scope", "result", "evidence", "note",
           "action", "action_owner", "action_due", "action_priority", "action_done", "text"]


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")


def cell(text: str) -> str:
    """User text as a cell a spreadsheet shows as text: one starting like a formula (``=``, ``+``, ``-``,
    ``@``) gets a leading ``'``, so Excel or LibreOffice never runs it (CSV injection)."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def render(card: Scorecard, lang: str) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
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
