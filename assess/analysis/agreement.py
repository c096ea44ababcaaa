"""Agreement between assessors: percent agreement, Cohen's kappa (two) and Fleiss' kappa (three or more).

Pure functions over exact fractions: no files, no catalog, no language. The categories are
nominal (``met``, ``partial``, ``not_met``, ``na`` in assess), so no weights are used.

* Percent agreement: the share of items on which *all* raters gave the same category.
  For two raters this is Cohen's observed agreement p_o.
* Cohen's kappa (Cohen 1960): kappa = (p_o - p_e) / (1 - p_e), with p_e = sum over categories of the
  product of the two raters' marginal shares.
* Fleiss' kappa (Fleiss 1971): kappa = (P - P_e) / (1 - P_e), with P the mean over items of the share
  of agreeing rater pairs and P_e the sum of squared pooled category shares.

Kappa is undefined when there are no items, or when chance agreement is 1 (every rating falls in one
category): then ``Kappa.value`` is None and ``Kappa.reason`` says why. Nothing here divides by zero.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import overload

NO_ITEMS = "no_items"
CHANCE_IS_ONE = "chance_is_one"

# Landis & Koch (1977), The measurement of observer agreement for categorical data, Biometrics 33:159-174.
# Below 0: poor; above 0.80: almost perfect.
BANDS: tuple[tuple[Fraction, str], ...] = (
    (Fraction(1, 5), "slight"),  # 0.00-0.20
    (Fraction(2, 5), "fair"),  # 0.21-0.40
    (Fraction(3, 5), "moderate"),  # 0.41-0.60
    (Fraction(4, 5), "substantial"),  # 0.61-0.80
)


@dataclass(frozen=True)
class Kappa:
    """A kappa coefficient with the numbers it was computed from."""

    method: str  # "cohen" or "fleiss"
    items: int
    raters: int
    observed: Fraction | None  # Cohen: p_o; Fleiss: mean pairwise agreement P
    expected: Fraction | None  # chance agreement p_e / P_e
    value: Fraction | None  # None: undefined, see ``reason``
    reason: str | None = None  # NO_ITEMS or CHANCE_IS_ONE when undefined

    @property
    def defined(self) -> bool:
        return self.value is not None


@dataclass(frozen=True)
class Agreement:
    """Percent agreement and the kappa that fits the number of raters."""

    items: int
    raters: int
    percent: Fraction | None  # share (0..1) of items all raters agree on; None without items
    kappa: Kappa


def _quantize(value: Fraction, places: int) -> Decimal:
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


@overload
def round_half_up(value: Fraction, places: int) -> float: ...
@overload
def round_half_up(value: None, places: int) -> None: ...
def round_half_up(value: Fraction | None, places: int) -> float | None:
    """Round half up (away from zero at .5) from the exact fraction, like ``assess.analysis.scoring.round1``.

    A value that rounds to zero is 0.0, never -0.0 (which would print as "-0.00").
    """
    if value is None:
        return None
    return float(_quantize(value, places)) + 0.0


def band(value: Fraction | None) -> str | None:
    """The Landis & Koch label of a kappa: poor, slight, fair, moderate, substantial, almost_perfect.

    Landis & Koch give two-decimal ranges (0.41-0.60 moderate, 0.61-0.80 substantial, ...), so the label is
    that of the kappa rounded half up to two decimals, as it is printed: 0.6018 is "0.60 (moderate)".
    """
    if value is None:
        return None
    value = Fraction(_quantize(value, 2))
    if value < 0:
        return "poor"
    for upper, name in BANDS:
        if value <= upper:
            return name
    return "almost_perfect"


def _kappa(method: str, items: int, raters: int, observed: Fraction, expected: Fraction) -> Kappa:
    if expected == 1:
        return Kappa(method, items, raters, observed, expected, None, CHANCE_IS_ONE)
    return Kappa(method, items, raters, observed, expected, (observed - expected) / (1 - expected))


def cohen_kappa_table(table: Sequence[Sequence[int]]) -> Kappa:
    """Cohen's kappa from a square contingency table: rows rater 1, columns rater 2, same category order."""
    size = len(table)
    if any(len(row) != size for row in table):
        raise ValueError("the contingency table must be square")
    if any(cell < 0 for row in table for cell in row):
        raise ValueError("counts cannot be negative")
    total = sum(sum(row) for row in table)
    if total == 0:
        return Kappa("cohen", 0, 2, None, None, None, NO_ITEMS)
    observed = Fraction(sum(table[k][k] for k in range(size)), total)
    rows = [sum(row) for row in table]
    columns = [sum(row[k] for row in table) for k in range(size)]
    expected = Fraction(sum(r * c for r, c in zip(rows, columns, strict=True)), total * total)
    return _kappa("cohen", total, 2, observed, expected)


def _categories(ratings: Sequence[Sequence[Hashable]], categories: Sequence[Hashable] | None) -> list[Hashable]:
    if categories is not None:
        known = list(categories)
        for item in ratings:
            for rating in item:
                if rating not in known:
                    raise ValueError(f"unknown category {rating!r}")
        return known
    seen: list[Hashable] = []
    for item in ratings:
        for rating in item:
            if rating not in seen:
                seen.append(rating)
    return seen


def cohen_kappa(pairs: Sequence[Sequence[Hashable]], categories: Sequence[Hashable] | None = None) -> Kappa:
    """Cohen's kappa from one (rater 1, rater 2) pair per item."""
    if any(len(pair) != 2 for pair in pairs):
        raise ValueError("Cohen's kappa needs exactly two ratings per item")
    known = _categories(pairs, categories)
    index = {c: i for i, c in enumerate(known)}
    table = [[0] * len(known) for _ in known]
    for first, second in pairs:
        table[index[first]][index[second]] += 1
    return cohen_kappa_table(table)


def fleiss_kappa_counts(counts: Sequence[Sequence[int]]) -> Kappa:
    """Fleiss' kappa from an items x categories table of how many raters chose each category."""
    if not counts:
        return Kappa("fleiss", 0, 0, None, None, None, NO_ITEMS)
    raters = sum(counts[0])
    width = len(counts[0])
    for row in counts:
        if len(row) != width or sum(row) != raters or any(cell < 0 for cell in row):
            raise ValueError("every item must be rated by the same number of raters, over the same categories")
    if raters < 2:
        raise ValueError("Fleiss' kappa needs at least two ratings per item")
    items = len(counts)
    pair_agreement = sum(Fraction(sum(c * c for c in row) - raters, raters * (raters - 1)) for row in counts)
    observed = pair_agreement / items
    shares = [Fraction(sum(row[j] for row in counts), items * raters) for j in range(width)]
    expected = sum((p * p for p in shares), Fraction(0))
    return _kappa("fleiss", items, raters, Fraction(observed), expected)


def fleiss_kappa(ratings: Sequence[Sequence[Hashable]], categories: Sequence[Hashable] | None = None) -> Kappa:
    """Fleiss' kappa from the ratings of each item (one per rater, same number for every item)."""
    if not ratings:
        return Kappa("fleiss", 0, 0, None, None, None, NO_ITEMS)
    known = _categories(ratings, categories)
    return fleiss_kappa_counts([[list(item).count(c) for c in known] for item in ratings])


def percent_agreement(ratings: Sequence[Sequence[Hashable]]) -> Fraction | None:
    """The share (0..1) of items on which all raters gave the same category; None without items."""
    if not ratings:
        return None
    return Fraction(sum(1 for item in ratings if len(set(item)) == 1), len(ratings))


def agreement(ratings: Sequence[Sequence[Hashable]], raters: int,
              categories: Sequence[Hashable] | None = None) -> Agreement:
    """Percent agreement plus Cohen's kappa (two raters) or Fleiss' kappa (three or more)."""
    if raters < 2:
        raise ValueError("agreement needs at least two raters")
    if any(len(item) != raters for item in ratings):
        raise ValueError(f"every item needs {raters} ratings")
    if not ratings:
        kappa = Kappa("cohen" if raters == 2 else "fleiss", 0, raters, None, None, None, NO_ITEMS)
    elif raters == 2:
        kappa = cohen_kappa(ratings, categories)
    else:
        kappa = fleiss_kappa(ratings, categories)
    return Agreement(len(ratings), raters, percent_agreement(ratings), kappa)
