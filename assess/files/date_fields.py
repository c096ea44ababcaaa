"""The date fields of an assessment file as parsed (``date``, each action's ``due``, each typed evidence item's
``date``): where they are, and the data with YAML's date objects turned back into text for the schema check."""

from __future__ import annotations

import datetime as dt
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


def _set_in(data: dict[str, Any], path: list[object], value: Any) -> dict[str, Any]:
    """A copy of ``data`` with ``path`` set to ``value``, copying only the containers on the way."""
    def put(node: Any, rest: list[object]) -> Any:
        head = rest[0]
        copy: Any = dict(node) if isinstance(node, dict) else list(node)
        copy[head] = value if len(rest) == 1 else put(node[head], rest[1:])
        return copy
    result: dict[str, Any] = put(data, path)
    return result


def dates_to_text(data: Any) -> Any:
    """YAML reads 2026-11-23 as a date; the schema checks the date fields as text. An unquoted date in a
    text field (``note: 2026-11-23``) stays a date, so the schema names it rather than a crash later."""
    if not isinstance(data, dict):
        return data
    checked = data
    for path, value in date_places(data):
        if isinstance(value, dt.date):
            checked = _set_in(checked, path, value.isoformat())  # copies on the way, never changes in place
    return checked
