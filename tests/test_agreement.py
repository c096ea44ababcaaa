"""Agreement statistics, checked against worked examples from the literature and cases computed by hand."""

from __future__ import annotations

from fractions import Fraction

import pytest

from assess.analysis.agreement import (
    CHANCE_IS_ONE,
    NO_ITEMS,
    agreement,
    band,
    cohen_kappa,
    cohen_kappa_table,
    fleiss_kappa,
    fleiss_kappa_counts,
    percent_agreement,
    round_half_up,
)

# Wikipedia, "Cohen's kappa", section "Simple example": 50 grant proposals read by readers A and B.
#                 B yes   B no
#   A yes           20      5
#   A no            10     15
# p_o = (20 + 15) / 50 = 0.7; p_yes = 0.5 * 0.6 = 0.3, p_no = 0.5 * 0.4 = 0.2, p_e = 0.5;
# kappa = (0.7 - 0.5) / (1 - 0.5) = 0.4.
WIKIPEDIA_COHEN = [[20, 5], [10, 15]]

# Fleiss (1971), reproduced in Wikipedia, "Fleiss' kappa", section "Worked example": 10 subjects,
# 14 raters each, 5 categories; each row counts the raters who chose category 1..5 for that subject.
# P (mean agreement) = 0.378, P_e = 0.213, kappa = 0.210 (0.20993...).
WIKIPEDIA_FLEISS = [
    [0, 0, 0, 0, 14],
    [0, 2, 6, 4, 2],
    [0, 0, 3, 5, 6],
    [0, 3, 9, 2, 0],
    [2, 2, 8, 1, 1],
    [7, 7, 0, 0, 0],
    [3, 2, 6, 3, 0],
    [2, 5, 3, 2, 2],
    [6, 5, 2, 1, 0],
    [0, 2, 2, 3, 7],
]


def test_cohen_kappa_matches_wikipedia_example() -> None:
    kappa = cohen_kappa_table(WIKIPEDIA_COHEN)
    assert (kappa.observed, kappa.expected, kappa.value) == (Fraction(7, 10), Fraction(1, 2), Fraction(2, 5))
    assert kappa.items == 50 and kappa.method == "cohen" and kappa.reason is None


def test_cohen_kappa_from_pairs_equals_the_table() -> None:
    pairs = [("yes", "yes")] * 20 + [("yes", "no")] * 5 + [("no", "yes")] * 10 + [("no", "no")] * 15
    assert cohen_kappa(pairs).value == Fraction(2, 5)
    # Category order and unused categories do not change kappa.
    assert cohen_kappa(pairs, ["no", "maybe", "yes"]).value == Fraction(2, 5)
    assert percent_agreement(pairs) == Fraction(7, 10)


def test_fleiss_kappa_matches_fleiss_1971_worked_example() -> None:
    kappa = fleiss_kappa_counts(WIKIPEDIA_FLEISS)
    assert (kappa.items, kappa.raters, kappa.method) == (10, 14, "fleiss")
    assert round_half_up(kappa.observed, 3) == 0.378 and round_half_up(kappa.expected, 3) == 0.213
    assert round_half_up(kappa.value, 3) == 0.210
    assert float(kappa.value) == pytest.approx(0.20993070442195522)


def test_fleiss_kappa_three_assessors_by_hand() -> None:
    # 4 norms, 3 assessors, categories met / partial / not_met / na:
    #   1.1 met met met          counts [3, 0, 0, 0]  P_i = (9 - 3) / 6 = 1
    #   1.2 met met partial      counts [2, 1, 0, 0]  P_i = (4 + 1 - 3) / 6 = 1/3
    #   1.3 not_met partial partial  [0, 2, 1, 0]     P_i = 1/3
    #   1.4 na na na             counts [0, 0, 0, 3]  P_i = 1
    # P = (1 + 1/3 + 1/3 + 1) / 4 = 2/3; shares 5/12, 3/12, 1/12, 3/12 -> P_e = 44/144 = 11/36;
    # kappa = (24/36 - 11/36) / (25/36) = 13/25 = 0.52 (moderate).
    ratings = [("met", "met", "met"), ("met", "met", "partial"), ("not_met", "partial", "partial"),
               ("na", "na", "na")]
    kappa = fleiss_kappa(ratings, ["met", "partial", "not_met", "na"])
    assert (kappa.observed, kappa.expected, kappa.value) == (Fraction(2, 3), Fraction(11, 36), Fraction(13, 25))
    assert band(kappa.value) == "moderate"
    result = agreement(ratings, 3)
    assert result.percent == Fraction(1, 2) and result.kappa.method == "fleiss"


def test_agreement_uses_cohen_for_two_raters() -> None:
    result = agreement([("met", "met"), ("partial", "not_met")], 2)
    assert result.kappa.method == "cohen" and result.percent == Fraction(1, 2)


def test_kappa_undefined_when_chance_agreement_is_one() -> None:
    # Everyone answered "met" everywhere: p_o = p_e = 1; kappa would be 0/0.
    for kappa in (cohen_kappa([("met", "met")] * 5), fleiss_kappa([("met",) * 3] * 4),
                  agreement([("na", "na")], 2).kappa):
        assert kappa.value is None and kappa.reason == CHANCE_IS_ONE and not kappa.defined
    assert agreement([("met", "met")] * 3, 2).percent == 1


def test_kappa_undefined_without_items() -> None:
    for kappa in (cohen_kappa([]), cohen_kappa_table([[0, 0], [0, 0]]), fleiss_kappa([]),
                  fleiss_kappa_counts([]), agreement([], 2).kappa, agreement([], 4).kappa):
        assert kappa.value is None and kappa.reason == NO_ITEMS
    assert agreement([], 3).percent is None and percent_agreement([]) is None


def test_perfect_and_chance_level_agreement() -> None:
    assert cohen_kappa([("met", "met"), ("na", "na")]).value == 1
    # p_o = 0, p_e = 0: kappa 0, defined.
    assert cohen_kappa([("met", "na")]).value == 0
    # Systematic disagreement: kappa below 0 ("poor").
    kappa = cohen_kappa([("met", "na"), ("na", "met")])
    assert kappa.value == -1 and band(kappa.value) == "poor"


def test_landis_koch_bands() -> None:
    assert [band(Fraction(x, 100)) for x in (-1, 0, 20, 21, 40, 41, 60, 61, 80, 81, 100)] == [
        "poor", "slight", "slight", "fair", "fair", "moderate", "moderate", "substantial", "substantial",
        "almost_perfect", "almost_perfect"]
    assert band(None) is None


def test_round_half_up() -> None:
    assert round_half_up(Fraction(3, 11), 2) == 0.27 and round_half_up(Fraction(1, 8), 2) == 0.13
    assert round_half_up(Fraction(-1, 8), 2) == -0.13 and round_half_up(None, 2) is None


def test_bad_input_is_rejected() -> None:
    with pytest.raises(ValueError):
        fleiss_kappa_counts([[1, 2], [3, 1]])  # 3 raters, then 4
    with pytest.raises(ValueError):
        fleiss_kappa_counts([[1, 0]])  # one rater
    with pytest.raises(ValueError):
        cohen_kappa_table([[1, 2, 3], [4, 5, 6]])
    with pytest.raises(ValueError):
        cohen_kappa([("met", "maybe")], ["met", "na"])
    with pytest.raises(ValueError):
        agreement([("met", "met")], 3)
    with pytest.raises(ValueError):
        agreement([("met",)], 1)


def test_band_goes_with_the_kappa_as_printed() -> None:
    # 15 items, 2x2 table [[6, 1], [2, 6]]: p_o = 12/15, p_e = (7*8 + 8*7)/225 = 112/225,
    # kappa = (180/225 - 112/225) / (113/225) = 68/113 = 0.6018 -> printed 0.60, which Landis & Koch call moderate.
    kappa = cohen_kappa_table([[6, 1], [2, 6]])
    assert kappa.value == Fraction(68, 113) and round_half_up(kappa.value, 2) == 0.60
    assert band(kappa.value) == "moderate"
    assert band(Fraction(2049, 10000)) == "slight" and band(Fraction(205, 1000)) == "fair"
    # A kappa that rounds to zero is 0.00, not -0.00, and not "poor".
    assert str(round_half_up(Fraction(-4, 1000), 2)) == "0.0" and band(Fraction(-4, 1000)) == "slight"
    assert band(Fraction(-5, 1000)) == "poor"
