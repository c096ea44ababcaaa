"""Scoring rules, checked against cases computed by hand."""

from __future__ import annotations

from assess.analysis.scoring import round1, score, status_of
from assess.model.assessment import Action, Answer, Assessment, Service
from assess.model.catalog import Catalog


def make(catalog: Catalog, results: dict[str, str], settings: tuple[str, ...] = (),
         answers: dict[str, Answer] | None = None) -> Assessment:
    all_answers = {k: Answer(v) for k, v in results.items()} | (answers or {})
    return Assessment(catalog.id, Service("S"), settings=settings, answers=all_answers)


def test_principle_score_excludes_na_and_not_assessed(catalog: Catalog) -> None:
    # Principle 1 has 10 norms. met 1.1, 1.2; partial 1.3; not_met 1.4; na 1.5; 1.6-1.10 not assessed.
    # Counted: 4 norms, points 1 + 1 + 0.5 + 0 = 2.5 -> 100 * 2.5 / 4 = 62.5 (amber).
    # Completeness: 5 assessed (na included) of 10 = 50%.
    a = make(catalog, {"1.1": "met", "1.2": "met", "1.3": "partial", "1.4": "not_met", "1.5": "na"})
    card = score(a, catalog)
    p1 = card.section_score("1")
    assert (p1.score, p1.status, p1.completeness) == (62.5, "amber", 50.0)
    t = p1.tally
    assert (t.met, t.partial, t.not_met, t.na, t.not_assessed, t.counted) == (2, 1, 1, 1, 5, 4)
    # Overall: the same 4 counted norms of 62; completeness 5 / 62 = 8.0645... -> 8.1.
    assert (card.score, card.completeness, card.status) == (62.5, 8.1, "amber")


def test_empty_principle_has_no_score(catalog: Catalog) -> None:
    a = make(catalog, {"1.1": "met", "2.6": "na"})
    card = score(a, catalog)
    assert card.section_score("3").score is None and card.section_score("3").status is None
    assert card.section_score("3").completeness == 0.0
    # Principle 2: only an na -> assessed but nothing counted: no score, completeness 1/7 = 14.3.
    p2 = card.section_score("2")
    assert (p2.score, p2.status, p2.completeness) == (None, None, 14.3)
    assert (card.score, card.status) == (100.0, "green")


def test_nothing_assessed(catalog: Catalog) -> None:
    card = score(make(catalog, {}), catalog)
    assert (card.score, card.status, card.completeness) == (None, None, 0.0)
    assert len(card.not_assessed) == 62 and card.gaps == ()


def test_each_norm_weighs_the_same_overall(catalog: Catalog) -> None:
    # Principle 1: 10 met. Principle 2: 1 not_met. Mean of principle means would be 50;
    # norm-weighted overall is 10 / 11 = 90.909... -> 90.9.
    results = {f"1.{n}": "met" for n in range(1, 11)} | {"2.4": "not_met"}
    card = score(make(catalog, results), catalog)
    assert card.section_score("1").score == 100.0 and card.section_score("2").score == 0.0
    assert card.score == 90.9 and card.status == "green"


def test_status_thresholds() -> None:
    from fractions import Fraction

    assert status_of(Fraction(80)) == "green" and status_of(Fraction(7999, 100)) == "amber"
    assert status_of(Fraction(50)) == "amber" and status_of(Fraction(4999, 100)) == "red"
    assert status_of(None) is None


def test_rounding_is_half_up_from_exact_values() -> None:
    from fractions import Fraction

    assert round1(Fraction(6225, 100)) == 62.3  # float round() would give 62.2
    assert round1(Fraction(200, 3)) == 66.7
    assert round1(None) is None


def test_critical_not_met_makes_overall_red(catalog: Catalog) -> None:
    # 20 norms met, 2.3 (critical) not met: 20 / 21 = 95.2, green by score, red overall.
    results = {n.id: "met" for n in [m for m in catalog.principle_norms if m.id != "2.3"][:20]} | {"2.3": "not_met"}
    card = score(make(catalog, results), catalog)
    assert card.score == 95.2 and card.score_status == "green"
    assert card.status == "red" and [n.id for n in card.critical_failures] == ["2.3"]


def test_critical_partial_makes_overall_red(catalog: Catalog) -> None:
    # The rights floor: 2.5 / 3 = 83.3 is green by score, but critical 2.1 is only partially met.
    card = score(make(catalog, {"1.1": "met", "2.1": "partial", "1.2": "met"}), catalog)
    assert card.score_status == "green" and card.status == "red"
    assert [n.id for n in card.critical_failures] == ["2.1"] and card.critical_not_met == ()


def test_gap_order(catalog: Catalog) -> None:
    a = make(
        catalog,
        {"1.1": "partial", "1.2": "not_met", "1.3": "met", "4.1": "not_met", "2.2": "partial", "3.5": "not_met",
         "6.1": "na"},
        answers={"1.4": Answer("partial", action=Action("x", priority="high")),
                 "5.1": Answer("not_met", action=Action("y", priority="low")),
                 "5.2": Answer("not_met", action=Action("z", priority="high"))},
    )
    order = [g.norm.id for g in score(a, catalog).gaps]
    # critical first (3.5 not_met, then 2.2 partial), then not_met by priority (5.2 high, 5.1 low,
    # then 1.2 and 4.1 without action, in norm order), then partial (1.4 high, then 1.1).
    assert order == ["3.5", "2.2", "5.2", "5.1", "1.2", "4.1", "1.4", "1.1"]


def test_settings_are_scored_apart(catalog: Catalog) -> None:
    results = {"1.1": "met", "outreach.1": "not_met", "outreach.2": "partial"}
    card = score(make(catalog, results, settings=("outreach",)), catalog)
    assert card.score == 100.0  # the overall score is the principles' only
    (outreach,) = card.settings
    assert (outreach.score, outreach.status) == (25.0, "red")  # 0.5 / 2
    assert round(outreach.completeness, 1) == round(200 / 13, 1)
    assert [g.norm.id for g in card.gaps] == ["outreach.1", "outreach.2"]
    assert card.overall.total == 62


def _with_a_fifth_answer(tmp_path) -> Catalog:
    """The bundled checklist with ``largely`` (worth 0.75) added to its answer set, before ``not_met``."""
    import shutil

    from assess.files.catalog_file import load_catalog_from
    from assess.files.paths import norms_directory

    norms = tmp_path / "norms"
    shutil.copytree(norms_directory(), norms)
    sets = norms / "answer-sets.yaml"
    sets.write_text(sets.read_text(encoding="utf-8").replace(
        "      - id: not_met\n",
        '      - id: largely\n        value: 0.75\n        label: {nl: "grotendeels voldaan", en: "largely met"}\n'
        "      - id: not_met\n"), encoding="utf-8")
    return load_catalog_from(norms)


def test_results_and_their_values_come_from_the_answer_set(tmp_path) -> None:
    """A fifth answer in norms/answer-sets.yaml is scored by its value, with no code naming it."""
    catalog = _with_a_fifth_answer(tmp_path)
    assert catalog.answer_set.gap_ids == ("partial", "largely", "not_met")
    card = score(make(catalog, {"1.1": "largely", "1.2": "met", "1.3": "na"}), catalog)
    p1 = card.section_score("1").tally
    assert (p1.count("largely"), p1.counted, p1.excluded, p1.not_assessed) == (1, 2, 1, 7)
    assert p1.score == 87.5  # 100 * (0.75 + 1) / 2
    assert [gap.norm.id for gap in card.gaps] == ["1.1"]


def test_round1_rounds_half_away_from_zero_exactly_as_decimal_does() -> None:
    import random
    from decimal import ROUND_HALF_UP, Decimal
    from fractions import Fraction

    from assess.analysis.scoring import round1

    def by_decimal(value: Fraction) -> float:
        exact = Decimal(value.numerator) / Decimal(value.denominator)
        return float(exact.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))

    chance = random.Random(18)
    values = [Fraction(chance.randint(-20000, 20000), chance.randint(1, 400)) for _ in range(20000)]
    values += [Fraction(6225, 100), Fraction(-6225, 100), Fraction(1, 20), Fraction(-1, 20), Fraction(0)]
    assert [round1(v) for v in values] == [by_decimal(v) for v in values]
    assert (round1(Fraction(6225, 100)), round1(Fraction(-6225, 100)), round1(0.05)) == (62.3, -62.3, 0.1)


def test_a_tally_works_out_its_score_status_and_completeness_as_the_exact_fractions_give() -> None:
    """The integers a tally is made with give what rounding and judging its exact fractions give."""
    import random
    from fractions import Fraction

    from assess.analysis.scoring import Tally

    chance = random.Random(180)
    for _ in range(5000):
        total = chance.randint(0, 90)
        not_assessed = chance.randint(0, total)
        excluded = chance.randint(0, total - not_assessed)
        unit = chance.choice((1, 2, 4, 20, 1000))
        counted = total - not_assessed - excluded
        tally = Tally(total, (), not_assessed, excluded, chance.randint(0, counted * unit), unit)
        assert tally.score == (round1(tally.exact_score) if tally.exact_score is not None else None)
        assert tally.score_status == status_of(tally.exact_score)
        assert tally.completeness == (round1(tally.exact_completeness) or 0.0)
        assert tally.points == Fraction(tally.points_units, unit)
        assert (tally.score is None) == (counted == 0)


def test_a_file_may_use_every_result_of_the_answer_set_and_no_other(tmp_path) -> None:
    """The assessment schema takes its results from the checklist's answer set: a fifth answer in
    norms/answer-sets.yaml is accepted in a file (by the compiled check and by jsonschema alike), an unknown
    result is refused with its line and the results there are, and ``assess schema`` lists the fifth."""
    import json

    import pytest

    from assess.errors import InputError
    from assess.files import schema_check
    from assess.files.assessment_file import loads
    from assess.files.catalog_file import load_catalog
    from assess.files.compiled_schema import schema_accepts
    from assess.files.paths import package_data
    from assess.files.schema_files import schema_text

    catalog = _with_a_fifth_answer(tmp_path)
    text = ("assess: 1\nchecklist: unodc-who-2020\nservice: {name: De Overloop}\nanswers:\n"
            '  "1.1": largely\n  "1.2": {result: largely, note: bijna}\n')
    loaded = loads(text, "a.yaml", catalog)
    assert loaded.assessment.result("1.1") == loaded.assessment.result("1.2") == "largely"
    assert score(loaded.assessment, catalog).section_score("1").tally.score == 75.0
    data = {"assess": 1, "checklist": "unodc-who-2020", "service": {"name": "x"}, "answers": {"1.1": "largely"}}
    results = catalog.answer_set.ids
    assert schema_accepts("assessment", results)(data)
    assert schema_check.validator("assessment", results).is_valid(data)
    assert not schema_accepts("assessment")(data)  # the bundled answer set has no "largely"
    assert not schema_check.validator("assessment").is_valid(data)

    with pytest.raises(InputError) as refused:
        loads(text.replace('"1.1": largely', '"1.1": mostly'), "a.yaml", catalog)
    assert str(refused.value) == ("a.yaml:5: answers.\"1.1\": unknown result 'mostly'; "
                                  "expected one of met, partial, largely, not_met, na")
    with pytest.raises(InputError) as nested:
        loads(text.replace("{result: largely", "{result: mostly"), "a.yaml", catalog)
    assert str(nested.value).startswith("a.yaml:6: answers.\"1.2\".result: ")
    assert "largely" in str(nested.value)

    printed = json.loads(schema_text("assessment", results))
    assert printed["$defs"]["result"]["enum"] == ["met", "partial", "largely", "not_met", "na"]
    bundled = (package_data("schemas") / "assessment.schema.json").read_text(encoding="utf-8")
    assert schema_text("assessment", load_catalog().answer_set.ids) == bundled  # the shipped file, as it is


def test_a_blank_template_names_the_results_of_the_answer_set(tmp_path, monkeypatch, capsys) -> None:
    """``assess template``'s first line, the guide, lists the answer set's results as the header beneath it does
    (a fifth answer in norms/answer-sets.yaml shows in both, not in one only)."""
    from assess.cli import main
    from assess.files import catalog_file

    catalog = _with_a_fifth_answer(tmp_path)
    monkeypatch.setattr(catalog_file, "load_catalog", lambda: catalog)
    for lang in ("nl", "en"):
        assert main(["template", "--lang", lang]) == 0
        guide, _format, results = capsys.readouterr().out.splitlines()[:3]
        assert "met | partial | largely | not_met | na" in results
        assert "met | partial | largely | not_met | na," in guide, guide
