"""The rights floor: critical norms not fully met, disputed critical norms, critical setting items."""

from __future__ import annotations

from assess.analysis.scoring import floor_status, score
from assess.model.assessment import Answer, Assessment, Position, Service
from assess.model.catalog import Catalog

CRITICAL_SETTING_ITEMS = {
    "outpatient.14", "outpatient.15", "outpatient.17", "short-term-inpatient.5", "short-term-inpatient.7",
    "short-term-inpatient.16", "long-term-residential.13", "long-term-residential.20", "outreach.7",
    "non-specialised.5",
}


def make(catalog: Catalog, results: dict[str, str], settings: tuple[str, ...] = (),
         answers: dict[str, Answer] | None = None) -> Assessment:
    all_answers = {k: Answer(v) for k, v in results.items()} | (answers or {})
    return Assessment(catalog.id, Service("S"), settings=settings, answers=all_answers)


def all_met(catalog: Catalog) -> dict[str, str]:
    return {n.id: "met" for n in catalog.principle_norms}


DISPUTE = Answer(disputed=(Position("A", "not_met"), Position("B", "not_met"), Position("C", "met")))


def test_the_critical_annotations(catalog: Catalog) -> None:
    principles = {n.id for n in catalog.principle_norms if n.critical}
    assert principles == {"2.1", "2.2", "2.3", "2.5", "3.5"}
    settings = {n.id for s in catalog.settings.values() for i in s.norm_ids if (n := catalog.item(i)).critical}
    assert settings == CRITICAL_SETTING_ITEMS


def test_floor_status() -> None:
    norm = object()
    assert floor_status("green", (norm,), ()) == "red"  # type: ignore[arg-type]
    assert floor_status("green", (), (norm,)) == "amber"  # type: ignore[arg-type]
    assert floor_status("amber", (), (norm,)) == "amber"  # type: ignore[arg-type]
    assert floor_status("red", (), (norm,)) == "red"  # type: ignore[arg-type]
    assert floor_status(None, (), (norm,)) == "amber"  # type: ignore[arg-type]
    assert floor_status("green", (), ()) == "green"


def test_every_critical_norm_partial_is_red(catalog: Catalog) -> None:
    for norm_id in ("2.1", "2.2", "2.3", "2.5", "3.5"):
        card = score(make(catalog, all_met(catalog) | {norm_id: "partial"}), catalog)
        assert card.score is not None and card.score > 99 and card.status == "red", norm_id


def test_critical_not_met_and_partial_both_listed(catalog: Catalog) -> None:
    card = score(make(catalog, all_met(catalog) | {"2.3": "partial", "3.5": "not_met"}), catalog)
    assert [n.id for n in card.critical_failures] == ["2.3", "3.5"]
    assert [n.id for n in card.critical_not_met] == ["3.5"]
    assert [g.norm.id for g in card.gaps] == ["3.5", "2.3"]


def test_disputed_critical_norm_is_not_green(catalog: Catalog) -> None:
    results = all_met(catalog)
    del results["2.1"]
    card = score(make(catalog, results, answers={"2.1": DISPUTE}), catalog)
    assert card.score == 100.0 and card.score_status == "green" and card.status == "amber"
    assert [n.id for n in card.critical_disputed] == ["2.1"] and [n.id for n in card.disputed] == ["2.1"]
    assert card.critical_failures == ()


def test_disputed_ordinary_norm_is_listed_but_does_not_cap(catalog: Catalog) -> None:
    results = all_met(catalog)
    del results["1.4"]
    card = score(make(catalog, results, answers={"1.4": DISPUTE}), catalog)
    assert card.status == "green" and [n.id for n in card.disputed] == ["1.4"] and card.critical_disputed == ()


def test_disputed_critical_with_low_score_stays_red(catalog: Catalog) -> None:
    card = score(make(catalog, {"1.1": "not_met"}, answers={"2.2": DISPUTE}), catalog)
    assert card.status == "red" and card.critical_failures == ()


def test_critical_setting_item_makes_its_setting_red_not_the_overall(catalog: Catalog) -> None:
    outpatient = {i: "met" for i in catalog.settings["outpatient"].norm_ids}
    results = all_met(catalog) | outpatient | {"outpatient.14": "partial"}
    card = score(make(catalog, results, ("outpatient",)), catalog)
    setting = card.section_score("outpatient")
    assert setting.score_status == "green" and setting.status == "red"
    assert [n.id for n in setting.critical_failures] == ["outpatient.14"]
    assert card.status == "green" and card.critical_failures == ()
    assert [n.id for n in card.critical_setting_failures] == ["outpatient.14"]


def test_disputed_critical_setting_item_caps_its_setting(catalog: Catalog) -> None:
    outreach = {i: "met" for i in catalog.settings["outreach"].norm_ids if i != "outreach.7"}
    card = score(make(catalog, all_met(catalog) | outreach, ("outreach",), {"outreach.7": DISPUTE}), catalog)
    assert card.section_score("outreach").status == "amber" and card.status == "green"
    assert [n.id for n in card.disputed] == ["outreach.7"]


def test_principle_section_status_stays_the_score_status(catalog: Catalog) -> None:
    # The floor acts on the overall status; a principle's own status is its score's.
    card = score(make(catalog, all_met(catalog) | {"2.3": "partial"}), catalog)
    assert card.section_score("2").status == "green"


def test_reports_lead_with_the_floor_and_list_disputed_norms(catalog: Catalog) -> None:
    from assess.render import gap_json, gap_markdown

    results = all_met(catalog) | {"2.3": "partial"}
    del results["2.1"], results["1.4"]
    card = score(make(catalog, results, answers={"2.1": DISPUTE, "1.4": DISPUTE}), catalog)
    md = gap_markdown.render(card, "en")
    lines = md.splitlines()
    lead = lines.index(next(x for x in lines if x.startswith("> **Critical norm not fully met: 2.3.**")))
    disputed = lines.index(next(x for x in lines if x.startswith("> **Critical norm disputed: 2.1.**")))
    assert lead < disputed < lines.index("## Summary")
    assert "## Disputed norms (2)" in md and "| A: not met; B: not met; C: met |" in md.replace("  ", " ")
    data = gap_json.report_data(card)
    assert data["critical_not_fully_met"] == ["2.3"] and data["critical_disputed"] == ["2.1"]
    assert data["overall"]["status"] == "red"
    assert [d["id"] for d in data["disputed"]] == ["1.4", "2.1"]
    nl = gap_markdown.render(card, "nl")
    assert "Kritieke norm niet volledig voldaan: 2.3." in nl and "## Betwiste normen (2)" in nl


def test_disputed_critical_status_says_disputed(catalog: Catalog) -> None:
    from assess.render import gap_json, gap_markdown

    results = all_met(catalog)
    del results["2.1"]
    card = score(make(catalog, results, answers={"2.1": DISPUTE}), catalog)
    md = gap_markdown.render(card, "nl")
    assert "**ORANJE** (betwist)" in md and "> **Kritieke norm betwist: 2.1.**" in md
    data = gap_json.report_data(card)
    assert data["overall"]["status"] == "amber" and data["critical_disputed"] == ["2.1"]


def test_the_licence_disclaimer_is_verbatim_in_every_footer() -> None:
    from assess.i18n import t
    from assess.i18n.report_words import DISCLAIMER

    assert DISCLAIMER == (
        "“This translation was not created by the World Health Organization (WHO) or the United Nations Office on "
        "Drugs and Crime (UNODC). Neither WHO nor UNODC are responsible for the content or accuracy of this "
        "translation. The original English edition shall be the binding and authentic edition”.")
    for lang in ("nl", "en"):
        assert t("report.source", lang).endswith(DISCLAIMER)
        values = dict.fromkeys(("file", "critical", "priorities", "sheets", "answers", "service"), "x")
        assert DISCLAIMER in t("form.instructions", lang, **values)
    assert "herziene editie met opname van de resultaten van praktijktesten" in t("report.source", "nl")


def test_english_spells_with_ize(catalog: Catalog) -> None:
    import re

    texts = [n.text.en for n in catalog.items_for(tuple(catalog.settings))]
    assert not [w for text in texts for w in re.findall(r"\b\w+(?:ised|isation|isations)\b", text)
                if w not in ("supervised", "advised", "revised")]
