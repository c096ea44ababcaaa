"""The date fields of an assessment file as parsed (``date``, each action's ``due``, each typed evidence item's
``date``): where they are, and the data with YAML's date objects turned back into text for the schema check."""

from __future__ import annotations

import datetime as dt

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing (the quick commands never load it)
if TYPE_CHECKING:
    from typing import Any


def date_places(data: dict[str, Any]) -> list[tuple[list[object], Any]]:
    """The path and value of each date field: ``date``, every action's ``due``, every typed evidence item's ``date``."""
    places: list[tuple[list[object], Any]] = [(["date"], data.get("date"))]
    answers = data.get("answers")
    for norm_id, answer in (answers.items() if isinstance(answers, dict) else ()):
        if not isinstance(answer, dict):
            continue
        action = answer.get("action")
        if isinstance(action, dict):
            places.append((["answers", norm_id, "action", "due"], action.get("due")))
        places += [(["answers", norm_id, *where, "date"], item.get("date"))
                   for where, item in _typed_evidence(answer)]
    return places


def _typed_evidence(answer: dict[str, Any]) -> list[tuple[list[object], dict[str, Any]]]:
    """The typed evidence items of an answer (and of its disputed positions), each with its path in it."""
    found: list[tuple[list[object], dict[str, Any]]] = []
    owners: list[tuple[list[object], Any]] = [([], answer)]
    positions = answer.get("disputed")
    if isinstance(positions, list):
        owners += [(["disputed", k], p) for k, p in enumerate(positions)]
    for prefix, owner in owners:
        evidence = owner.get("evidence") if isinstance(owner, dict) else None
        if isinstance(evidence, dict):
            found.append(([*prefix, "evidence"], evidence))
        elif isinstance(evidence, list):
            found += [([*prefix, "evidence", k], item) for k, item in enumerate(evidence) if isinstance(item, dict)]
    return found


def dates_to_text(data: Any) -> Any:
    """YAML reads 2026-11-23 as a date; the schema checks the date fields as text. An unquoted date in a
    text field (``note: 2026-11-23``) stays a date, so the schema names it rather than a crash later.

    Never changes ``data``: the mappings and lists on the way to a date are copied, each once however many
    dates it holds; everything else is shared. The places are those of :func:`date_places`, looked at without
    making a path for each (this runs on every file of a batch)."""
    if not isinstance(data, dict):
        return data
    out = data
    top = data.get("date")
    if isinstance(top, dt.date):
        out = dict(data)
        out["date"] = top.isoformat()
    answers = data.get("answers")
    if isinstance(answers, dict):
        changed: dict[Any, Any] | None = None
        for norm_id, answer in answers.items():
            if isinstance(answer, dict):
                fixed = _answer_dates(answer)
                if fixed is not answer:
                    if changed is None:
                        changed = dict(answers)
                    changed[norm_id] = fixed
        if changed is not None:
            if out is data:
                out = dict(data)
            out["answers"] = changed
    return out


def _answer_dates(answer: dict[str, Any]) -> dict[str, Any]:
    """``answer``, or a copy with the dates of its action, its evidence and its disputed positions as text."""
    out = answer
    action = answer.get("action")
    if isinstance(action, dict) and isinstance(action.get("due"), dt.date):
        out = dict(answer)
        out["action"] = {**action, "due": action["due"].isoformat()}
    evidence = answer.get("evidence")
    fixed = _evidence_dates(evidence)
    if fixed is not evidence:
        if out is answer:
            out = dict(answer)
        out["evidence"] = fixed
    positions = answer.get("disputed")
    if isinstance(positions, list):
        changed: list[Any] | None = None
        for k, position in enumerate(positions):
            if isinstance(position, dict):
                given = position.get("evidence")
                fixed = _evidence_dates(given)
                if fixed is not given:
                    if changed is None:
                        changed = list(positions)
                    changed[k] = {**position, "evidence": fixed}
        if changed is not None:
            if out is answer:
                out = dict(answer)
            out["disputed"] = changed
    return out


def _evidence_dates(evidence: Any) -> Any:
    """An evidence item or list of items, or a copy with the typed items' dates as text."""
    if isinstance(evidence, dict):
        day = evidence.get("date")
        return {**evidence, "date": day.isoformat()} if isinstance(day, dt.date) else evidence
    if not isinstance(evidence, list):
        return evidence
    changed: list[Any] | None = None
    for k, item in enumerate(evidence):
        if isinstance(item, dict) and isinstance(item.get("date"), dt.date):
            if changed is None:
                changed = list(evidence)
            changed[k] = {**item, "date": item["date"].isoformat()}
    return evidence if changed is None else changed
