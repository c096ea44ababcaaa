"""Views of a built portfolio for the documents: the distribution of overall scores and groups of services.

Counting and grouping only (no score is recomputed): the bands count services by their overall score as
the portfolio holds it (rounded, as shown), and a group keeps the portfolio's order of its services.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from assess.analysis.portfolio import Entry, PortfolioData

BAND_WIDTH = 10
GROUP_BY = ("kind", "location")


@dataclass(frozen=True)
class Band:
    """Services whose overall score is at least ``low`` and under ``high`` (the last band includes 100)."""

    low: int
    high: int
    count: int


@dataclass(frozen=True)
class Distribution:
    bands: tuple[Band, ...]
    no_score: int  # services without an overall score

    @property
    def total(self) -> int:
        return sum(b.count for b in self.bands) + self.no_score


def distribution(data: PortfolioData) -> Distribution:
    counts = [0] * (100 // BAND_WIDTH)
    no_score = 0
    for score in data.services.scores():
        if score is None:
            no_score += 1
        else:
            counts[min(int(score // BAND_WIDTH), len(counts) - 1)] += 1
    bands = tuple(Band(i * BAND_WIDTH, (i + 1) * BAND_WIDTH, n) for i, n in enumerate(counts))
    return Distribution(bands, no_score)


@dataclass(frozen=True)
class Group:
    """The services of one kind or location (``name`` None: not given), in the portfolio's order; ``entries`` is
    read back from the portfolio's spool each time it is iterated."""

    name: str | None
    entries: Iterable[Entry]


def groups(data: PortfolioData, by: str | None) -> tuple[Group, ...]:
    """One group of every service when ``by`` is None; else a group per value of ``by`` (case and runs of spaces
    folded), by name, none last, named by its first spelling in the portfolio's order."""
    if by is None:
        return (Group(None, data.services),)
    if by not in GROUP_BY:
        raise ValueError(by)
    return tuple(Group(name, entries) for name, entries in data.services.grouped(by))
