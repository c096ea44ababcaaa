"""Re-audits in a portfolio: the same service assessed more than once is counted once.

* A consensus file (``assess merge``) stands for its inputs: an input whose sha256 a consensus of the same batch
  lists under ``merged_from`` is not counted; it is listed as an input of that consensus.
* Assessments of one service (the same name and location, ignoring case and spacing) are counted once: the
  latest, by date and then by path (no date counts as oldest). The earlier ones are listed.
* The latest gets a trend against the one before it: the change of the overall score and of each principle's
  score (rounded scores as shown, the change rounded half up to one decimal).

Plain data over :class:`assess.analysis.portfolio.ServiceSummary`; no words. The portfolio's builder applies
these rules to the services in its spool (:meth:`assess.analysis.portfolio.PortfolioBuilder.build`), reading one
service's assessments at a time in this order.
"""

from __future__ import annotations

import datetime as dt
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


def order_day(summary: ServiceSummary) -> str:
    """The date that orders the assessments of one service (then the path): no date counts as the oldest."""
    return (summary.date or dt.date.min).isoformat()


def _delta(new: float | None, old: float | None) -> float | None:
    return None if new is None or old is None else round1(new - old)


def trend(latest: ServiceSummary, previous: ServiceSummary) -> Trend:
    before = {r.id: r.score for r in previous.principles}
    return Trend(previous.path, previous.date, _delta(latest.score, previous.score),
                 tuple((r.id, _delta(r.score, before.get(r.id))) for r in latest.principles))
