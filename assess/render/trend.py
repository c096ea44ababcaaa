"""Score changes as a person reads them: ``↑ +7.5``, ``↓ -3.0``, ``=``; for the diff and the report's trend column."""

from __future__ import annotations

from assess.analysis.scoring import Tally
from assess.i18n import number

UP, DOWN, SAME = "↑", "↓", "="


def arrow(delta: float | None) -> str | None:
    if delta is None:
        return None
    return UP if delta > 0 else DOWN if delta < 0 else SAME


def delta_text(delta: float | None, lang: str) -> str:
    """``↑ +7.5``, ``↓ -3.0`` (Dutch ``↑ +7,5``), ``=`` or ``–`` (no score on one side)."""
    if delta is None:
        return "–"
    return SAME if delta == 0 else f"{arrow(delta)} {number(delta, lang, sign=True)}"


def trend_text(before: Tally | None, after: Tally | None, lang: str) -> str:
    """The report's trend column: :func:`delta_text` of the two tallies' scores."""
    from assess.analysis.compare import score_delta  # only a report against a previous one gets here

    return delta_text(score_delta(before, after), lang)
