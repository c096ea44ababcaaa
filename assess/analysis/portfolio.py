"""The portfolio: one overview of many services' scorecards (``assess batch``), as plain data.

Every number per service is taken from its :class:`assess.analysis.scoring.Scorecard` as is; the portfolio
recomputes no score and averages nothing across services. What it adds is counting: how many services
assessed each norm as not met, out of how many that assessed it as applicable.

The builder is fed one small :class:`ServiceSummary` at a time and keeps only what the overview shows,
so a portfolio of thousands of services stays small in memory. Its words and layout are the renderers'
(:mod:`assess.render.portfolio_markdown`, :mod:`assess.render.portfolio_json`); nothing here is text for people.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from fractions import Fraction

from assess.analysis.reaudit import Superseded, Trend, resolve
from assess.analysis.scoring import Scorecard, SectionScore, round1
from assess.analysis.signoff import sign_state
from assess.errors import Problem
from assess.model.catalog import Catalog

# --------------------------------------------------------------------------------------------------
# What a worker sends back for one service: its summary, or the input it could not use


@dataclass(frozen=True, slots=True)
class Failure:
    """An input that could not be used (not read, not valid, or its reports not written), with every problem
    found in it. It counts nowhere in the portfolio, which lists it under "not processed"."""

    path: str
    problems: tuple[Problem, ...]


@dataclass(frozen=True, slots=True)
class SectionRow:
    id: str
    score: float | None
    status: str | None
    completeness: float


@dataclass(frozen=True, slots=True)
class CriticalGap:
    norm: str
    result: str
    action: str | None


@dataclass(frozen=True, slots=True)
class ServiceSummary:
    """One service's numbers for the portfolio, copied from its scorecard (small and picklable)."""

    index: int
    path: str
    name: str
    kind: str | None
    location: str | None
    settings: tuple[str, ...]
    score: float | None
    status: str | None
    score_status: str | None
    completeness: float
    counted: int
    met: int
    partial: int
    not_met: int
    na: int
    not_assessed: int
    total: int
    principles: tuple[SectionRow, ...]
    setting_scores: tuple[SectionRow, ...]
    critical_not_fully_met: tuple[str, ...]  # critical norms of the principles partially met or not met
    critical_gaps: tuple[CriticalGap, ...]
    applicable: tuple[tuple[str, str], ...] = ()  # (item id, result) for assessed, applicable items
    warnings: tuple[Problem, ...] = ()
    date: dt.date | None = None
    assessors: tuple[str, ...] = ()
    critical_disputed: tuple[str, ...] = ()  # critical norms of the principles still disputed
    disputed: tuple[tuple[str, bool], ...] = ()  # (item id, critical) of every item still disputed
    sha256: str = ""  # of the file, to find the inputs of a consensus in the same batch
    merged_from: tuple[str, ...] = ()  # sha256 of each input, for a consensus
    language: str | None = None
    signoff: str = "draft"  # final, changed (after sign-off) or draft


def _row(entry: SectionScore) -> SectionRow:
    return SectionRow(entry.section.id, entry.score, entry.status, entry.completeness)


def summarize(index: int, path: str, card: Scorecard, warnings: Iterable[Problem] = (),
              sha256: str = "") -> ServiceSummary:
    a = card.assessment
    counted_ids = {o.id for o in card.catalog.answer_set.options if not o.excluded}
    applicable = tuple((n.id, r) for n in card.catalog.items_for(a.settings)
                       if (r := a.result(n.id)) in counted_ids)
    o = card.overall
    return ServiceSummary(
        index=index, path=path, name=a.service.name, kind=a.service.kind, location=a.service.location,
        settings=tuple(a.settings), score=card.score, status=card.status, score_status=card.score_status,
        completeness=card.completeness, counted=o.counted, met=o.met, partial=o.partial, not_met=o.not_met,
        na=o.na, not_assessed=o.not_assessed, total=o.total,
        principles=tuple(_row(e) for e in card.principles), setting_scores=tuple(_row(e) for e in card.settings),
        critical_not_fully_met=tuple(n.id for n in card.critical_failures),
        critical_gaps=tuple(CriticalGap(g.norm.id, g.answer.result or "",
                                        g.answer.action.description if g.answer.action else None)
                            for g in card.gaps if g.norm.critical),
        applicable=applicable, warnings=tuple(warnings), date=a.date, assessors=tuple(a.assessors),
        critical_disputed=tuple(n.id for n in card.critical_disputed),
        disputed=tuple((n.id, n.critical) for n in card.disputed),
        sha256=sha256, merged_from=tuple(m.sha256 for m in a.merged_from), language=a.language,
        signoff=sign_state(a).state,
    )


# --------------------------------------------------------------------------------------------------
# Building the portfolio


@dataclass(frozen=True)
class Entry:
    summary: ServiceSummary
    stem: str  # report file name without extension
    trend: Trend | None = None  # against the previous assessment of the same service in the batch
    earlier: tuple[str, ...] = ()  # paths of the earlier assessments of the same service, not counted


@dataclass(frozen=True)
class NormCount:
    id: str
    section: str
    critical: bool
    not_met: int
    partial: int
    applicable: int

    @property
    def exact_share(self) -> Fraction:
        return Fraction(100 * self.not_met, self.applicable)

    @property
    def share(self) -> float | None:
        return round1(self.exact_share)


@dataclass(frozen=True)
class PortfolioData:
    """The built portfolio, as both renderers read it: services in their order, the counts, the norms most
    often not met and the inputs not processed. Plain data: the words are the renderers'."""

    catalog_id: str
    catalog_version: str
    formats: tuple[str, ...]
    services: tuple[Entry, ...]  # sorted by overall score
    norms_not_met: tuple[NormCount, ...]  # norms not met at one or more services, most often first
    critical_ids: tuple[str, ...]
    failures: tuple[Failure, ...]  # in input order
    superseded: tuple[Superseded, ...] = ()  # assessments not counted: earlier ones, inputs of a consensus

    @property
    def language(self) -> str | None:
        """The language of the services' files when they all name the same one, else None."""
        languages = {e.summary.language for e in self.services}
        return next(iter(languages)) if len(languages) == 1 else None

    @property
    def problems(self) -> list[Problem]:
        return [p for f in self.failures for p in f.problems]

    def status_counts(self) -> dict[str, int]:
        counts = {"green": 0, "amber": 0, "red": 0, "none": 0}
        for entry in self.services:
            counts[entry.summary.status or "none"] += 1
        return counts

    @property
    def critical_services(self) -> int:
        """Services with a critical norm not fully met (their overall status is red)."""
        return sum(1 for e in self.services if e.summary.critical_not_fully_met)

    @property
    def disputed_services(self) -> int:
        """Services with a critical norm still disputed."""
        return sum(1 for e in self.services if e.summary.critical_disputed)


def _sort_key(entry: Entry) -> tuple[bool, float, str, str, int]:
    s = entry.summary
    return (s.score is None, -(s.score or 0.0), s.name.casefold(), s.name, s.index)


_STATUSES = {s: s for s in ("green", "amber", "red")}


def _canonical(status: str | None) -> str | None:
    """One shared string per status (unpickling makes a copy per service otherwise)."""
    return _STATUSES.get(status, status) if status else None


def _compact(row: SectionRow) -> SectionRow:
    return SectionRow(sys.intern(row.id), row.score, _canonical(row.status), row.completeness)


class PortfolioBuilder:
    """Takes services one at a time (in input order) and failures; :meth:`build` gives the portfolio."""

    def __init__(self, catalog: Catalog, formats: tuple[str, ...] = ("md",)) -> None:
        self.catalog = catalog
        self.formats = formats
        self._entries: list[Entry] = []
        self._applicable_of: list[tuple[tuple[str, str], ...]] = []  # per entry; counted once it is known to count
        self._failures: list[Failure] = []
        self._failing, self._gaps = catalog.answer_set.failing_ids, catalog.answer_set.gap_ids

    def add(self, summary: ServiceSummary, stem: str) -> None:
        self._applicable_of.append(tuple((sys.intern(i), sys.intern(r)) for i, r in summary.applicable))
        compact = replace(summary, applicable=(), warnings=(), status=_canonical(summary.status),
                          score_status=_canonical(summary.score_status),
                          principles=tuple(_compact(r) for r in summary.principles),
                          setting_scores=tuple(_compact(r) for r in summary.setting_scores))
        self._entries.append(Entry(compact, stem))

    def fail(self, failure: Failure) -> None:
        """An input that could not be used: listed, counted nowhere."""
        self._failures.append(failure)

    def build(self) -> PortfolioData:
        catalog = self.catalog
        resolution = resolve([e.summary for e in self._entries])
        entries = [replace(self._entries[k], trend=resolution.trends.get(k), earlier=resolution.earlier.get(k, ()))
                   for k in resolution.counted]
        not_met: Counter[str] = Counter()
        partial: Counter[str] = Counter()
        applicable: Counter[str] = Counter()
        for k in resolution.counted:
            for item_id, result in self._applicable_of[k]:
                applicable[item_id] += 1
                if result in self._failing:
                    not_met[item_id] += 1
                elif result in self._gaps:
                    partial[item_id] += 1
        order = {n.id: i for i, n in enumerate(catalog.items_for(tuple(catalog.settings)))}
        counts = []
        for item_id, count in not_met.items():
            norm = catalog.item(item_id)
            counts.append(NormCount(item_id, norm.section, norm.critical, count, partial[item_id],
                                    applicable[item_id]))
        counts.sort(key=lambda c: (-c.not_met, -c.exact_share, order[c.id]))
        return PortfolioData(
            catalog_id=catalog.id, catalog_version=catalog.version, formats=self.formats,
            services=tuple(sorted(entries, key=_sort_key)), norms_not_met=tuple(counts),
            critical_ids=tuple(n.id for n in catalog.items_for(tuple(catalog.settings)) if n.critical),
            failures=tuple(self._failures), superseded=resolution.superseded,
        )
