"""Scoring: the one place where scores, statuses, completeness and gaps are computed.

Rules (stated in every report):
* met counts 1, partial 0.5, not_met 0; na and not assessed are excluded from scores.
* Section score = 100 x mean value over its assessed, applicable norms (none: no score).
* Overall score = the same over all assessed, applicable norms of the 7 principles
  (each norm weighs the same); setting checklists are scored apart, never mixed in.
* Completeness = assessed norms (na included) / all norms.
* Status: green >= 80, amber >= 50, red < 50.
* The rights floor: a critical norm that is not fully met (any gap result: partial or not met) makes
  the overall status red whatever the score; a critical norm still disputed after a merge caps the
  overall status at amber (never green). A critical setting item does the same for its setting's
  status (settings never count in the overall score).
* A gap is an assessed, applicable norm that is not_met or partial, ordered: critical first,
  then not_met before partial, then action priority, then norm order.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from functools import cached_property

from assess.model.assessment import Action, Answer, Assessment
from assess.model.catalog import AnswerSet, Catalog, Norm, Section

GREEN_FROM = 80
AMBER_FROM = 50
PRIORITY_ORDER = {"high": 0, "medium": 1, "low": 2, None: 3}

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing (the quick commands never load it)
if TYPE_CHECKING:
    from typing import overload
else:
    def overload(function: object) -> object:  # only the type checker reads the variants
        return function


@overload
def round1(value: Fraction | float) -> float: ...
@overload
def round1(value: None) -> None: ...  # noqa: F811 (a variant: ruff does not see the stand-in as overload)
def round1(value: Fraction | float | None) -> float | None:  # noqa: F811
    """Round half up (away from zero at .5) to one decimal (62.25 -> 62.3), exactly, from a fraction."""
    if value is None:
        return None
    if isinstance(value, Fraction):
        # tenths = floor(|10 x| + 1/2), in integers: exact, and no Decimal context in the hot path
        numerator, denominator = value.numerator, value.denominator
        tenths = (20 * abs(numerator) + denominator) // (2 * denominator)
        return (-tenths if numerator < 0 else tenths) / 10
    exact = Decimal(str(value))
    return float(exact.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def status_of(score: Fraction | None) -> str | None:
    # compared in integers (Fraction's own comparison is Python code, and every report asks often)
    return None if score is None else _status(score.numerator, score.denominator)


def _tenths(numerator: int, denominator: int) -> float:
    """``round1(Fraction(numerator, denominator))`` for a fraction of at least 0, in integers."""
    return (20 * numerator + denominator) // (2 * denominator) / 10


def _status(numerator: int, denominator: int) -> str:
    """``status_of(Fraction(numerator, denominator))`` for a positive ``denominator``, in integers."""
    if numerator >= GREEN_FROM * denominator:
        return "green"
    return "amber" if numerator >= AMBER_FROM * denominator else "red"


@dataclass(frozen=True)
class Tally:
    """Counts and score over a set of norms; ``counts`` has one entry per result of the answer set.

    The score, its status and the completeness are worked out once, in integers, when the tally is made:
    every report asks for them many times, and fractions and cached properties are Python code each time.
    """

    total: int
    counts: tuple[tuple[str, int], ...]  # (result id, norms with it), in the answer set's order
    not_assessed: int
    excluded: int  # assessed with a result that takes the norm out of the score (na)
    points_units: int  # sum of values over assessed, applicable norms, in units of 1/unit
    unit: int = 1
    score: float | None = field(init=False, repr=False, compare=False)
    completeness: float = field(init=False, repr=False, compare=False)
    score_status: str | None = field(init=False, repr=False, compare=False)  # the status the score gives

    def __post_init__(self) -> None:
        counted = self.total - self.not_assessed - self.excluded
        put = object.__setattr__  # frozen: set once, here
        if counted:
            put(self, "score", _tenths(100 * self.points_units, self.unit * counted))
            put(self, "score_status", _status(100 * self.points_units, self.unit * counted))
        else:
            put(self, "score", None)
            put(self, "score_status", None)
        assessed = self.total - self.not_assessed
        put(self, "completeness", _tenths(100 * assessed, self.total) if self.total else 0.0)

    def count(self, result: str) -> int:
        return self._by_result.get(result, 0)

    @cached_property
    def _by_result(self) -> dict[str, int]:
        return dict(self.counts)

    # The default answer set's results, as the reports' columns name them.
    @property
    def met(self) -> int:
        return self.count("met")

    @property
    def partial(self) -> int:
        return self.count("partial")

    @property
    def not_met(self) -> int:
        return self.count("not_met")

    @property
    def na(self) -> int:
        return self.count("na")

    @property
    def assessed(self) -> int:
        return self.total - self.not_assessed

    @property
    def counted(self) -> int:
        """Norms that count towards the score: assessed and applicable."""
        return self.total - self.not_assessed - self.excluded

    @property
    def points(self) -> Fraction:
        """Sum of values over assessed, applicable norms."""
        return Fraction(self.points_units, self.unit)

    @cached_property
    def exact_score(self) -> Fraction | None:
        return Fraction(100 * self.points_units, self.unit * self.counted) if self.counted else None

    @cached_property
    def exact_completeness(self) -> Fraction:
        return Fraction(100 * self.assessed, self.total) if self.total else Fraction(0)


def tally(norm_ids: Iterable[str], assessment: Assessment, catalog: Catalog) -> Tally:
    """Count the results of ``norm_ids``; the results and what each is worth come from the answer set."""
    weights, denominator = _weights(catalog.answer_set)
    counts = dict.fromkeys(weights, 0)
    total = not_assessed = 0
    answers = assessment.answers
    for norm_id in norm_ids:
        total += 1
        answer = answers.get(norm_id)
        result = answer.result if answer is not None else None
        if result is None:
            not_assessed += 1
        else:
            counts[result] = counts.get(result, 0) + 1
    points = excluded = 0
    for result, count in counts.items():
        weight = weights.get(result)
        if weight is None:
            excluded += count
        else:
            points += count * weight
    return Tally(total, tuple(counts.items()), not_assessed, excluded, points, denominator)


_WEIGHTS: dict[int, tuple[AnswerSet, dict[str, int | None], int]] = {}  # by id: hashing a set costs more


def _weights(answer_set: AnswerSet) -> tuple[dict[str, int | None], int]:
    """What each result is worth, exactly, as whole multiples of one common denominator (0.5 is 1 of 2), so
    a tally adds integers; None: excluded from scores."""
    known = _WEIGHTS.get(id(answer_set))
    if known is not None and known[0] is answer_set:
        return known[1], known[2]
    exact = {o.id: None if o.value is None else Fraction(o.value).limit_denominator(1000)
             for o in answer_set.options}
    denominator = math.lcm(*(v.denominator for v in exact.values() if v is not None))
    weights = {k: None if v is None else v.numerator * (denominator // v.denominator) for k, v in exact.items()}
    _WEIGHTS[id(answer_set)] = (answer_set, weights, denominator)  # kept: its id is never reused
    return weights, denominator


def floor_status(status: str | None, failures: tuple[Norm, ...], disputed: tuple[Norm, ...]) -> str | None:
    """The rights floor over a score's status: red with a critical norm not fully met; with a critical norm
    still disputed, at most amber (never green)."""
    if failures:
        return "red"
    if disputed and status in ("green", None):
        return "amber"
    return status


@dataclass(frozen=True)
class SectionScore:
    """The tally of one principle or setting, with a setting's critical items not fully met or disputed."""

    section: Section
    tally: Tally
    critical_failures: tuple[Norm, ...] = ()  # settings only: critical items not fully met
    critical_disputed: tuple[Norm, ...] = ()  # settings only: critical items still disputed

    @property
    def score(self) -> float | None:
        return self.tally.score

    @property
    def completeness(self) -> float:
        return self.tally.completeness

    @property
    def score_status(self) -> str | None:
        return self.tally.score_status

    @property
    def status(self) -> str | None:
        return floor_status(self.score_status, self.critical_failures, self.critical_disputed)


@dataclass(frozen=True)
class Gap:
    """A norm and its answer (a gap: partial or not met; or not applicable)."""

    norm: Norm
    answer: Answer


@dataclass(frozen=True)
class Scorecard:
    """Everything the reports show of one assessment: scores, statuses, gaps, the rights floor."""

    assessment: Assessment
    catalog: Catalog
    overall: Tally
    principles: tuple[SectionScore, ...]
    settings: tuple[SectionScore, ...]
    critical_failures: tuple[Norm, ...]  # critical norms of the principles not fully met (partial or not met)
    gaps: tuple[Gap, ...]
    not_applicable: tuple[Gap, ...]
    not_assessed: tuple[Norm, ...]
    disputed: tuple[Norm, ...] = ()  # every item (principles and settings) still disputed after a merge
    critical_disputed: tuple[Norm, ...] = ()  # critical norms of the principles still disputed

    @property
    def critical_not_met(self) -> tuple[Norm, ...]:
        """The critical failures whose result is worth nothing (not met)."""
        failing = self.catalog.answer_set.failing_ids
        return tuple(n for n in self.critical_failures if self.assessment.result(n.id) in failing)

    @property
    def critical_setting_failures(self) -> tuple[Norm, ...]:
        return tuple(n for s in self.settings for n in s.critical_failures)

    @property
    def critical_setting_disputed(self) -> tuple[Norm, ...]:
        return tuple(n for s in self.settings for n in s.critical_disputed)

    @property
    def score(self) -> float | None:
        return self.overall.score

    @property
    def completeness(self) -> float:
        return self.overall.completeness

    @property
    def score_status(self) -> str | None:
        """The status the score alone gives."""
        return self.overall.score_status

    @property
    def status(self) -> str | None:
        """Overall status under the rights floor (see :func:`floor_status`)."""
        return floor_status(self.score_status, self.critical_failures, self.critical_disputed)

    @property
    def sections(self) -> tuple[SectionScore, ...]:
        return self.principles + self.settings

    def section_score(self, section_id: str) -> SectionScore:
        for entry in self.sections:
            if entry.section.id == section_id:
                return entry
        raise KeyError(section_id)


def is_overdue(action: Action | None, on: dt.date | None) -> bool:
    """The one rule for an overdue action: not done, and due before ``on`` (the assessment's date in a
    report, the reference date in a diff). Without a due date or a date to compare with, never overdue."""
    return bool(action and not action.done and action.due and on and action.due < on)


def action_state(action: Action, on: dt.date | None) -> str:
    """``done``, ``overdue`` (see :func:`is_overdue`) or ``open``."""
    if action.done:
        return "done"
    return "overdue" if is_overdue(action, on) else "open"


def _gap_key(order: dict[str, int], failing: tuple[str, ...]) -> Callable[[Gap], tuple[bool, bool, int, int]]:
    def key(gap: Gap) -> tuple[bool, bool, int, int]:
        priority = gap.answer.action.priority if gap.answer.action else None
        return (not gap.norm.critical, gap.answer.result not in failing, PRIORITY_ORDER[priority],
                order[gap.norm.id])
    return key


def is_disputed(answer: Answer) -> bool:
    """Still disputed after ``assess merge``: the assessors' positions are kept, not yet settled."""
    return bool(answer.disputed)


def _floor(norms: Iterable[Norm], assessment: Assessment, catalog: Catalog) -> tuple[tuple[Norm, ...],
                                                                                      tuple[Norm, ...]]:
    """The critical items among ``norms`` not fully met, and those still disputed (and not failing)."""
    gap_ids = catalog.answer_set.gap_ids
    critical = [n for n in norms if n.critical]
    failures = tuple(n for n in critical if assessment.result(n.id) in gap_ids)
    disputed = tuple(n for n in critical if n not in failures and is_disputed(assessment.answer(n.id)))
    return failures, disputed


def _setting_score(section: Section, assessment: Assessment, catalog: Catalog) -> SectionScore:
    failures, disputed = _floor((catalog.item(i) for i in section.norm_ids), assessment, catalog)
    return SectionScore(section, tally(section.norm_ids, assessment, catalog), failures, disputed)


def score(assessment: Assessment, catalog: Catalog) -> Scorecard:
    """Score ``assessment``; its chosen settings are scored as sections of their own."""
    principles = tuple(SectionScore(p, tally(p.norm_ids, assessment, catalog)) for p in catalog.principles)
    settings = tuple(_setting_score(catalog.settings[s], assessment, catalog) for s in assessment.settings)
    norms = catalog.principle_norms
    overall = tally((n.id for n in norms), assessment, catalog)
    answer_set = catalog.answer_set
    gap_ids, excluded_ids = answer_set.gap_ids, answer_set.excluded_ids
    gaps: list[Gap] = []
    na: list[Gap] = []
    missing: list[Norm] = []
    disputed: list[Norm] = []
    order: dict[str, int] = {}
    answers = assessment.answers
    for index, norm in enumerate(catalog.items_for(assessment.settings)):  # one pass, in catalog order
        order[norm.id] = index
        answer = answers.get(norm.id)
        if answer is None or answer.result is None:
            missing.append(norm)
            if answer is None:
                continue
        elif answer.result in gap_ids:
            gaps.append(Gap(norm, answer))
        elif answer.result in excluded_ids:
            na.append(Gap(norm, answer))
        if is_disputed(answer):
            disputed.append(norm)
    gaps.sort(key=_gap_key(order, answer_set.failing_ids))
    critical, critical_disputed = _floor(norms, assessment, catalog)
    return Scorecard(assessment, catalog, overall, principles, settings, critical, tuple(gaps), tuple(na),
                     tuple(missing), tuple(disputed), critical_disputed)
