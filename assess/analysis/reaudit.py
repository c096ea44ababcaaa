"""Re-audits in a portfolio: the same service assessed more than once is counted once.

* A consensus file (``assess merge``) stands for its inputs: an input whose sha256 a consensus of the same batch
  lists under ``merged_from`` is not counted; it is listed as an input of that consensus.
* Assessments of one service (the same name and location, ignoring case and spacing) are counted once: the
  latest, by date and then by path (no date counts as oldest). The earlier ones are listed.
* The latest gets a trend against the one before it: the change of the overall score and of each principle's
  score (rounded scores as shown, the change rounded half up to one decimal).

Plain data over :class:`assess.analysis.portfolio.ServiceSummary`; no words.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from assess.analysis.scoring import round1

if TYPE_CHECKING:
    from assess.analysis.portfolio import ServiceSummary


@dataclass(frozen=True, slots=True)
class Trend:
    """The change against the previous assessment of the same service."""

    previous_path: str
    previous_date: dt.date | None
    overall: float | None  # None when either has no score
    principles: tuple[tuple[str, float | None], ...]


@dataclass(frozen=True, slots=True)
class Superseded:
    """An assessment not counted: an earlier one of a service, or an input of a consensus in the batch."""

    path: str
    name: str
    date: dt.date | None
    reason: str  # "earlier" or "consensus-input"
    counted_path: str  # the assessment counted instead


def service_key(summary: ServiceSummary) -> tuple[str, str]:
    return (" ".join(summary.name.split()).casefold(), " ".join((summary.location or "").split()).casefold())


def _order(summary: ServiceSummary) -> tuple[dt.date, str]:
    return (summary.date or dt.date.min, summary.path)


def _delta(new: float | None, old: float | None) -> float | None:
    return None if new is None or old is None else round1(new - old)


def trend(latest: ServiceSummary, previous: ServiceSummary) -> Trend:
    before = {r.id: r.score for r in previous.principles}
    return Trend(previous.path, previous.date, _delta(latest.score, previous.score),
                 tuple((r.id, _delta(r.score, before.get(r.id))) for r in latest.principles))


@dataclass(frozen=True)
class Resolution:
    counted: tuple[int, ...]  # indexes (into the summaries given) of the assessments counted
    trends: dict[int, Trend]  # by index of a counted one
    superseded: tuple[Superseded, ...]
    earlier: dict[int, tuple[str, ...]]  # by index of a counted one: the paths of its earlier assessments


def resolve(summaries: Sequence[ServiceSummary]) -> Resolution:
    """Which assessments count, each earlier one or consensus input listed, and the trends."""
    consensus_of: dict[str, int] = {}
    for k, s in enumerate(summaries):
        for sha in s.merged_from:
            consensus_of.setdefault(sha, k)
    superseded: list[Superseded] = []
    remaining = []
    for k, s in enumerate(summaries):
        holder = consensus_of.get(s.sha256) if s.sha256 else None
        if holder is not None and holder != k:
            superseded.append(Superseded(s.path, s.name, s.date, "consensus-input", summaries[holder].path))
        else:
            remaining.append(k)
    groups: dict[tuple[str, str], list[int]] = {}
    for k in remaining:
        groups.setdefault(service_key(summaries[k]), []).append(k)
    counted, trends, earlier = [], {}, {}
    for members in groups.values():
        members.sort(key=lambda k: _order(summaries[k]))
        latest = members[-1]
        counted.append(latest)
        if len(members) > 1:
            trends[latest] = trend(summaries[latest], summaries[members[-2]])
            earlier[latest] = tuple(summaries[k].path for k in members[:-1])
            superseded += [Superseded(summaries[k].path, summaries[k].name, summaries[k].date, "earlier",
                                      summaries[latest].path) for k in members[:-1]]
    superseded.sort(key=lambda s: s.path)
    return Resolution(tuple(sorted(counted)), trends, tuple(superseded), earlier)
