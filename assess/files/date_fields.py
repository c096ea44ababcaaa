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
    dates it holds (an answers mapping with a date in every answer is copied once, not once per date)."""
    if not isinstance(data, dict):
        return data
    copies: dict[int, Any] = {}

    def copy_of(node: Any) -> Any:
        copy = copies.get(id(node))
        if copy is None:
            copy = copies[id(node)] = dict(node) if isinstance(node, dict) else list(node)
        return copy

    for path, value in date_places(data):
        if not isinstance(value, dt.date):
            continue
        original, copy = data, copy_of(data)
        for head in path[:-1]:
            original = original[head]
            copy[head] = copy_of(original)
            copy = copy[head]
        copy[path[-1]] = value.isoformat()
    return copies.get(id(data), data)
