"""The CSV report: one row per norm, for spreadsheets."""

from __future__ import annotations

import csv
import io

from assess.scoring import Scorecard

COLUMNS = ["id", "principle", "setting", "critical", "scope", "result", "evidence", "note",
           "action", "action_owner", "action_due", "action_priority", "action_done", "text"]


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
            "\n".join(answer.evidence), answer.note or "",
            action.description if action else "", (action.owner or "") if action else "",
            action.due.isoformat() if action and action.due else "",
            (action.priority or "") if action else "", ("yes" if action.done else "no") if action else "",
            norm.text[lang],
        ])
    return buffer.getvalue()
