"""The JSON gap report: the same numbers as the Markdown report, for machines."""

from __future__ import annotations

from assess.analysis.scoring import Scorecard, SectionScore
from assess.analysis.signoff import sign_state
from assess.model.assessment import Action, Answer, Assessment, Evidence
from assess.render import json_text

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing (the quick commands never load it)
if TYPE_CHECKING:
    from typing import Any


def action_json(action: Action | None) -> dict[str, Any] | None:
    if action is None:
        return None
    return {"description": action.description, "owner": action.owner,
            "due": action.due.isoformat() if action.due else None,
            "priority": action.priority, "done": action.done}


def evidence_json(item: Evidence) -> dict[str, Any]:
    return {"text": item.text, "source": item.source, "date": item.date.isoformat() if item.date else None,
            "ref": item.ref}


def signoff_json(assessment: Assessment) -> dict[str, Any]:
    """``state``: final, changed (after sign-off; ``changed`` names the norms) or draft; who and when."""
    state = sign_state(assessment)
    sig = state.signature
    return {"state": state.state, "by": sig.by if sig else None, "role": sig.role if sig else None,
            "at": sig.at if sig else None, "changed": list(state.changed),
            "history": [{"by": s.by, "role": s.role, "at": s.at} for s in assessment.signatures_history]}


def _section(entry: SectionScore) -> dict[str, Any]:
    tl = entry.tally
    data: dict[str, Any] = {"id": entry.section.id, "score": entry.score, "completeness": entry.completeness,
            "status": entry.status, "total": tl.total, "met": tl.met, "partial": tl.partial,
            "not_met": tl.not_met, "na": tl.na, "not_assessed": tl.not_assessed}
    if entry.section.kind == "setting":
        data |= {"score_status": entry.score_status,
                 "critical_not_fully_met": [n.id for n in entry.critical_failures],
                 "critical_disputed": [n.id for n in entry.critical_disputed]}
    return data


def disputed_json(card: Scorecard) -> list[dict[str, Any]]:
    """Every norm still disputed, with each assessor's answer."""
    return [{"id": n.id, "critical": n.critical,
             "positions": [{"assessor": p.assessor, "result": p.result}
                           for p in card.assessment.answer(n.id).disputed]} for n in card.disputed]


def _item(card: Scorecard, norm_id: str, answer: Answer) -> dict[str, Any]:
    norm = card.catalog.item(norm_id)
    setting = norm.section if norm.section in card.catalog.settings else None
    return {"id": norm.id, "principle": None if setting else norm.section, "setting": setting,
            "result": answer.result, "critical": norm.critical, "evidence": list(answer.evidence_texts),
            "sources": list(answer.sources), "evidence_items": [evidence_json(e) for e in answer.evidence],
            "note": answer.note, "action": action_json(answer.action)}


def report_data(card: Scorecard) -> dict[str, Any]:
    a = card.assessment
    return {
        "service": {"name": a.service.name, "kind": a.service.kind, "location": a.service.location},
        "checklist": card.catalog.id,
        "checklist_version": card.catalog.version,
        "date": a.date.isoformat() if a.date else None,
        "assessors": list(a.assessors),
        "signoff": signoff_json(a),
        "overall": {"score": card.score, "completeness": card.completeness, "status": card.status,
                    "score_status": card.score_status, "counted": card.overall.counted,
                    "na": card.overall.na, "not_assessed": card.overall.not_assessed,
                    "total": card.overall.total},
        "critical_not_fully_met": [n.id for n in card.critical_failures],
        "critical_not_met": [n.id for n in card.critical_not_met],
        "critical_disputed": [n.id for n in card.critical_disputed],
        "disputed": disputed_json(card),
        "principles": [_section(e) for e in card.principles],
        "settings": [_section(e) for e in card.settings],
        "gaps": [_item(card, g.norm.id, g.answer) for g in card.gaps],
        "evidence_sources": {n.id: list(answer.sources) for n in card.catalog.items_for(a.settings)
                             if (answer := a.answer(n.id)).sources},
        "not_applicable": [{"id": g.norm.id, "note": g.answer.note} for g in card.not_applicable],
        "not_assessed": [n.id for n in card.not_assessed],
    }


def render(card: Scorecard, lang: str) -> str:
    return json_text.dumps(report_data(card)) + "\n"
