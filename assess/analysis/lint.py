"""The quality of an assessment (``assess check``): findings an inspector would raise, as plain data.

Each :class:`Finding` names its rule, its norm and the path of the place in the file it is about (the command
and the reports turn the path into a line and the rule into words, Dutch or English). Which results count as
met, as a gap or as not applicable comes from the answer set; no result id is written here.

Rules (:data:`RULES`, in this order):

* ``met-without-evidence``: a norm met (full marks) with no evidence.
* ``critical-single-source``: a critical norm (or setting item) met on fewer than two kinds of source
  (triangulation; only typed evidence names its kind).
* ``na-without-reason``: a norm not applicable without a note saying why.
* ``gap-without-action``: a norm partially met or not met without an improvement action.
* ``action-incomplete``: an open action without an owner or a due date.
* ``action-overdue``: an open action due before the assessment's date (:func:`scoring.is_overdue`).
* ``evidence-stale``: evidence dated more than two years before the assessment's date.
* ``disputed-left``: a norm still disputed after ``assess merge``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from assess.analysis.scoring import is_disputed, is_overdue
from assess.model.assessment import Answer, Assessment
from assess.model.catalog import Catalog, Norm

RULES = ("met-without-evidence", "critical-single-source", "na-without-reason", "gap-without-action",
         "action-incomplete", "action-overdue", "evidence-stale", "disputed-left")
MIN_SOURCES = 2  # kinds of source a critical norm met needs (triangulation)
STALE_YEARS = 2


@dataclass(frozen=True)
class Finding:
    """One quality finding: the rule, the norm, and where in the file it points."""

    rule: str
    norm: str
    path: tuple[object, ...]  # in the assessment file, for FILE:LINE
    count: int = 0  # kinds of source (critical-single-source)
    date: dt.date | None = None  # the action's due date, or the evidence's date


def stale_before(assessed_on: dt.date) -> dt.date:
    """Evidence dated before this is stale: two years before the assessment (28 February for 29 February)."""
    try:
        return assessed_on.replace(year=assessed_on.year - STALE_YEARS)
    except ValueError:
        return assessed_on.replace(year=assessed_on.year - STALE_YEARS, day=28)


def _evidence_path(norm_id: str, answer: Answer, index: int) -> tuple[object, ...]:
    base: tuple[object, ...] = ("answers", norm_id, "evidence")
    return (*base, index) if len(answer.evidence) > 1 else base


def _norm_findings(norm: Norm, answer: Answer, assessment: Assessment, catalog: Catalog,
                   stale_limit: dt.date | None, out: list[Finding]) -> None:
    """Add the findings of one norm to ``out``, in the order of :data:`RULES`."""
    answers = catalog.answer_set
    where: tuple[object, ...] = ("answers", norm.id)
    result = answer.result
    if result in answers.met_ids:
        if not answer.evidence:
            out.append(Finding("met-without-evidence", norm.id, where))
        elif norm.critical and len(answer.sources) < MIN_SOURCES:
            out.append(Finding("critical-single-source", norm.id, (*where, "evidence"), count=len(answer.sources)))
    if result in answers.excluded_ids and not answer.note:
        out.append(Finding("na-without-reason", norm.id, where))
    action = answer.action
    if action is None:
        if result in answers.gap_ids:
            out.append(Finding("gap-without-action", norm.id, where))
    elif not action.done:
        if not action.owner or not action.due:
            out.append(Finding("action-incomplete", norm.id, (*where, "action")))
        if is_overdue(action, assessment.date):
            out.append(Finding("action-overdue", norm.id, (*where, "action", "due"), date=action.due))
    if stale_limit is not None:
        for index, item in enumerate(answer.evidence):
            if item.date is not None and item.date < stale_limit:
                out.append(Finding("evidence-stale", norm.id, _evidence_path(norm.id, answer, index),
                                   date=item.date))
    if is_disputed(answer):
        out.append(Finding("disputed-left", norm.id, (*where, "disputed")))


def norm_findings(norm: Norm, assessment: Assessment, catalog: Catalog) -> tuple[Finding, ...]:
    """The findings of every rule on one norm (the audit shows them beside its answer)."""
    answer = assessment.answers.get(norm.id)
    if answer is None:
        return ()
    out: list[Finding] = []
    _norm_findings(norm, answer, assessment, catalog,
                   stale_before(assessment.date) if assessment.date is not None else None, out)
    return tuple(out)


def findings(assessment: Assessment, catalog: Catalog, rules: Iterable[str] = RULES) -> tuple[Finding, ...]:
    """The findings of ``rules`` over every norm of the checklist and the chosen settings, in catalog order."""
    chosen = set(rules)
    limit = stale_before(assessment.date) if assessment.date is not None else None
    out: list[Finding] = []
    answers = assessment.answers
    for norm in catalog.items_for(assessment.settings):
        answer = answers.get(norm.id)
        if answer is not None:  # not answered: no rule applies
            _norm_findings(norm, answer, assessment, catalog, limit, out)
    return tuple(out) if chosen.issuperset(RULES) else tuple(f for f in out if f.rule in chosen)
