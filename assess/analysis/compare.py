"""Comparing two assessments of one service (``assess diff``, ``assess report --previous``).

Every number comes from :func:`assess.analysis.scoring.score`; this module only subtracts. A delta is the
difference of the exact scores (fractions), rounded half up to one decimal like every score, so it
can differ by 0.1 from the difference of the two rounded scores.

Direction of a change: met > partial > not_met. A change to or from na is "changed" (neither better
nor worse). A gap (not_met or partial) is *closed* when the norm is now met or na; a norm no longer
assessed is listed as such, not as a closed gap. A gap is *opened* when a norm that was not a gap
(met, na or not assessed) now is. An action is *completed* when it is done in NEW and was not done
(or absent) in OLD; it is *overdue* when it is not done, its due date is before the reference date
(NEW's ``date``, else today) and its norm is still a gap in NEW. NEW's action is used, else OLD's.

Plain results only: the words and the Markdown/JSON are in :mod:`assess.render.diff_markdown`,
:mod:`assess.render.diff_json` and :mod:`assess.render.trend`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from assess.analysis.scoring import Scorecard, Tally, is_overdue, round1, score
from assess.model.assessment import Action, Assessment
from assess.model.catalog import AnswerSet, Catalog

IMPROVED, REGRESSED, CHANGED = "improved", "regressed", "changed"


def direction(before: str, after: str, answers: AnswerSet) -> str | None:
    """improved / regressed by the answers' values; changed to or from an answer that does not count
    (not applicable); None when the results are the same."""
    if before == after:
        return None
    values = {option.id: option.value for option in answers.options}
    old, new = values.get(before), values.get(after)
    if old is None or new is None:
        return CHANGED
    return IMPROVED if new > old else REGRESSED


def score_delta(before: Tally | None, after: Tally | None) -> float | None:
    """after - before from the exact scores, rounded half up to one decimal; None if either has no score."""
    if before is None or after is None or before.exact_score is None or after.exact_score is None:
        return None
    return round1(after.exact_score - before.exact_score)


@dataclass(frozen=True)
class ScoreChange:
    """Scores of one section (or overall, id None); a tally is None where the setting was not chosen."""

    id: str | None
    before_tally: Tally | None
    after_tally: Tally | None

    @property
    def before(self) -> float | None:
        return self.before_tally.score if self.before_tally else None

    @property
    def after(self) -> float | None:
        return self.after_tally.score if self.after_tally else None

    @property
    def delta(self) -> float | None:
        return score_delta(self.before_tally, self.after_tally)


@dataclass(frozen=True)
class NormChange:
    id: str
    before: str | None
    after: str | None
    direction: str | None = None  # improved / regressed / changed when both sides have a result


@dataclass(frozen=True)
class ActionStatus:
    id: str
    action: Action
    result: str | None  # the norm's result in NEW
    from_old: bool = False  # NEW has no action for the norm; this is OLD's


@dataclass(frozen=True)
class Diff:
    old: Scorecard
    new: Scorecard
    reference_date: dt.date
    reference_is_today: bool
    overall: ScoreChange
    principles: tuple[ScoreChange, ...]
    settings: tuple[ScoreChange, ...]
    changes: tuple[NormChange, ...]  # assessed in both, different result
    newly_assessed: tuple[NormChange, ...]
    no_longer_assessed: tuple[NormChange, ...]
    gaps_closed: tuple[NormChange, ...]
    gaps_opened: tuple[NormChange, ...]
    actions_completed: tuple[ActionStatus, ...]
    actions_overdue: tuple[ActionStatus, ...]
    old_file: str = ""
    new_file: str = ""

    def by_direction(self, which: str) -> tuple[NormChange, ...]:
        return tuple(c for c in self.changes if c.direction == which)


def _settings(catalog: Catalog, old: Assessment, new: Assessment) -> tuple[str, ...]:
    chosen = set(old.settings) | set(new.settings)
    return tuple(s for s in catalog.settings if s in chosen)


def compare(old: Assessment, new: Assessment, catalog: Catalog, today: dt.date | None = None,
            old_file: str = "", new_file: str = "") -> Diff:
    """What changed from ``old`` to ``new`` (both already loaded against ``catalog``)."""
    old_card, new_card = score(old, catalog), score(new, catalog)
    reference = new.date or today or dt.date.today()
    overall = ScoreChange(None, old_card.overall, new_card.overall)
    principles = tuple(ScoreChange(b.section.id, b.tally, a.tally)
                       for b, a in zip(old_card.principles, new_card.principles, strict=True))
    old_sections = {s.section.id: s.tally for s in old_card.settings}
    new_sections = {s.section.id: s.tally for s in new_card.settings}
    settings_ids = _settings(catalog, old, new)
    settings = tuple(ScoreChange(s, old_sections.get(s), new_sections.get(s)) for s in settings_ids)

    answers = catalog.answer_set
    gap = answers.gap_ids
    changes, newly, dropped, closed, opened = [], [], [], [], []
    completed, overdue = [], []
    for norm in catalog.items_for(settings_ids):
        before, after = old.result(norm.id), new.result(norm.id)
        moved = direction(before, after, answers) if before is not None and after is not None else None
        change = NormChange(norm.id, before, after, moved)
        if before is None and after is not None:
            newly.append(change)
        elif before is not None and after is None:
            dropped.append(change)
        elif before != after:
            changes.append(change)
        if before in gap and after is not None and after not in gap:
            closed.append(change)
        if before not in gap and after in gap:
            opened.append(change)
        old_action, new_action = old.answer(norm.id).action, new.answer(norm.id).action
        if new_action and new_action.done and not (old_action and old_action.done):
            completed.append(ActionStatus(norm.id, new_action, after))
        action = new_action or old_action
        if action is not None and is_overdue(action, reference) and after in gap:
            overdue.append(ActionStatus(norm.id, action, after, from_old=new_action is None))
    return Diff(old_card, new_card, reference, new.date is None, overall, principles, settings,
                tuple(changes), tuple(newly), tuple(dropped), tuple(closed), tuple(opened),
                tuple(completed), tuple(overdue), old_file, new_file)


# ---------------------------------------------------------------- shared with assess merge and report --previous


def same_service(first: str, second: str) -> bool:
    """Service names match ignoring case and runs of spaces ("De  Overloop" is "de overloop")."""
    return " ".join(first.split()).casefold() == " ".join(second.split()).casefold()
