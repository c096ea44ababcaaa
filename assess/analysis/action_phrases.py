"""The one phrasing of an action's details, kept apart from :mod:`assess.analysis.merge` so that a report
or a screen that phrases an action does not load the merge and agreement code."""

from __future__ import annotations

from collections.abc import Callable

from assess.model.assessment import Action

Words = Callable[[str], str]


def action_details(action: Action, words: Words, escape: Callable[[str], str] = str) -> list[str]:
    """Owner, due date, priority and done as phrases (``eigenaar: …``), with ``escape`` applied to the owner.

    The one phrasing of an action: the consensus file's notes (:func:`assess.analysis.merge.action_note`)
    and the reports and screens (``assess.render.text.action_details``) say it alike.
    """
    details = []
    if action.owner:
        details.append(f"{words('col.owner').lower()}: {escape(action.owner)}")
    if action.due:
        details.append(f"{words('col.due').lower()}: {action.due.isoformat()}")
    if action.priority:
        details.append(f"{words('col.priority').lower()}: {words('priority.' + action.priority)}")
    if action.done:
        details.append(words("action.done"))
    return details
