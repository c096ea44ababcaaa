"""The diff as JSON (``assess diff --format json``), from a :class:`assess.analysis.compare.Diff`."""

from __future__ import annotations

from typing import Any

from assess.analysis.compare import ActionStatus, Diff, NormChange, ScoreChange
from assess.analysis.scoring import Scorecard
from assess.render import json_text


def _action(item: ActionStatus) -> dict[str, Any]:
    a = item.action
    return {"id": item.id, "description": a.description, "owner": a.owner,
            "due": a.due.isoformat() if a.due else None, "priority": a.priority, "done": a.done,
            "result": item.result, "from": "old" if item.from_old else "new"}


def _side(file: str, card: Scorecard) -> dict[str, Any]:
    a = card.assessment
    return {"file": file or None, "service": a.service.name, "date": a.date.isoformat() if a.date else None,
            "assessors": list(a.assessors), "checklist": a.checklist, "checklist_version": a.checklist_version,
            "settings": list(a.settings), "status": card.status, "completeness": card.completeness}


def _scores(entry: ScoreChange) -> dict[str, Any]:
    return {"id": entry.id, "before": entry.before, "after": entry.after, "delta": entry.delta}


def _change(c: NormChange) -> dict[str, Any]:
    return {"id": c.id, "before": c.before, "after": c.after, "direction": c.direction}


def _results(items: tuple[NormChange, ...]) -> list[dict[str, Any]]:
    return [{"id": c.id, "before": c.before, "after": c.after} for c in items]


def diff_data(diff: Diff) -> dict[str, Any]:
    """The diff as plain JSON values, keys in output order."""
    overall = _scores(diff.overall)
    del overall["id"]
    return {
        "old": _side(diff.old_file, diff.old),
        "new": _side(diff.new_file, diff.new),
        "reference_date": diff.reference_date.isoformat(),
        "overall": overall,
        "principles": [_scores(e) for e in diff.principles],
        # null means "no score" or "setting not chosen": the chosen_* fields tell which
        "settings": [{**_scores(e), "chosen_before": e.before_tally is not None,
                      "chosen_after": e.after_tally is not None} for e in diff.settings],
        "changes": [_change(c) for c in diff.changes],
        "newly_assessed": _results(diff.newly_assessed),
        "no_longer_assessed": _results(diff.no_longer_assessed),
        "gaps_closed": _results(diff.gaps_closed),
        "gaps_opened": _results(diff.gaps_opened),
        "actions_completed": [_action(a) for a in diff.actions_completed],
        "actions_overdue": [_action(a) for a in diff.actions_overdue],
    }


def render(diff: Diff) -> str:
    return json_text.dumps(diff_data(diff)) + "\n"
