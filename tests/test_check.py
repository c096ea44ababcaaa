"""assess check: each rule, the line it names, the languages, --select/--ignore/--list, exit statuses."""

from __future__ import annotations

import datetime as dt
import json

from assess.analysis.lint import RULES, findings, stale_before
from assess.model.assessment import Action, Answer, Assessment, Evidence, Position, Service
from assess.model.catalog import Catalog
from tests.conftest import assessment_text


def rules_of(catalog: Catalog, answers: dict[str, Answer], date: dt.date | None = dt.date(2026, 10, 1),
             settings: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    a = Assessment(catalog.id, Service("S"), date=date, settings=settings, answers=answers)
    return [(f.rule, f.norm) for f in findings(a, catalog)]


def test_met_without_evidence(catalog: Catalog) -> None:
    assert rules_of(catalog, {"1.1": Answer("met")}) == [("met-without-evidence", "1.1")]
    assert rules_of(catalog, {"1.1": Answer("met", (Evidence("Werkinstructie"),))}) == []


def test_critical_norm_met_needs_two_kinds_of_source(catalog: Catalog) -> None:
    one = (Evidence("Protocol", "document"), Evidence("Folder", "document"))
    assert rules_of(catalog, {"2.2": Answer("met", one)}) == [("critical-single-source", "2.2")]
    untyped = (Evidence("Protocol"), Evidence("Gesprek"))
    assert rules_of(catalog, {"2.2": Answer("met", untyped)}) == [("critical-single-source", "2.2")]
    two = (Evidence("Protocol", "document"), Evidence("Gesprek", "service-user-interview"))
    assert rules_of(catalog, {"2.2": Answer("met", two)}) == []
    assert rules_of(catalog, {"1.1": Answer("met", one)}) == []  # not critical
    setting = {"outpatient.14": Answer("met", one)}
    assert rules_of(catalog, setting, settings=("outpatient",)) == [("critical-single-source", "outpatient.14")]


def test_na_without_reason(catalog: Catalog) -> None:
    assert rules_of(catalog, {"3.2": Answer("na")}) == [("na-without-reason", "3.2")]
    assert rules_of(catalog, {"3.2": Answer("na", note="Geen justitiële setting")}) == []


def test_gap_without_action(catalog: Catalog) -> None:
    assert rules_of(catalog, {"1.2": Answer("partial", (Evidence("x"),)), "1.3": Answer("not_met")}) == [
        ("gap-without-action", "1.2"), ("gap-without-action", "1.3")]


def test_action_incomplete_and_overdue(catalog: Catalog) -> None:
    on = dt.date(2026, 10, 1)
    assert rules_of(catalog, {"1.2": Answer("partial", action=Action("Folder"))}) == [
        ("action-incomplete", "1.2")]
    assert rules_of(catalog, {"1.2": Answer("partial", action=Action("Folder", "Team", on))}) == []
    late = Action("Folder", "Team", dt.date(2026, 9, 30))
    assert rules_of(catalog, {"1.2": Answer("partial", action=late)}) == [("action-overdue", "1.2")]
    done = Action("Folder", None, dt.date(2026, 9, 30), done=True)
    assert rules_of(catalog, {"1.2": Answer("partial", action=done)}) == []
    assert rules_of(catalog, {"1.2": Answer("partial", action=late)}, date=None) == []


def test_stale_evidence(catalog: Catalog) -> None:
    on = dt.date(2026, 10, 1)
    assert stale_before(on) == dt.date(2024, 10, 1) and stale_before(dt.date(2028, 2, 29)) == dt.date(2026, 2, 28)
    fresh = Evidence("Protocol", "document", dt.date(2024, 10, 1))
    old = Evidence("Protocol", "document", dt.date(2024, 9, 30))
    assert rules_of(catalog, {"1.1": Answer("met", (fresh,))}) == []
    assert rules_of(catalog, {"1.1": Answer("met", (old,))}) == [("evidence-stale", "1.1")]
    assert rules_of(catalog, {"1.1": Answer("met", (old,))}, date=None) == []


def test_disputed_left(catalog: Catalog) -> None:
    dispute = Answer(disputed=(Position("A", "met"), Position("B", "not_met")))
    assert rules_of(catalog, {"2.1": dispute}) == [("disputed-left", "2.1")]


def test_every_rule_has_words() -> None:
    from assess.i18n import LABELS

    for rule in RULES:
        assert f"check.rule.{rule}" in LABELS and f"check.msg.{rule}" in LABELS


FILE = assessment_text(
    '"1.1": met',
    '"1.2":',
    "    result: partial",
    "    evidence: Folder",
    "    action: {description: Vertalen}",
    '"3.2": na',
    extra="date: 2026-10-01\nlanguage: nl\n",
)


def test_cli_lines_and_exit_status(write, cli) -> None:
    path = write("a.yaml", FILE)
    status, out, err = cli("check", str(path))
    assert (status, err) == (1, "")
    assert out.splitlines() == [
        f"{path}:7: met-without-evidence: 1.1 is voldaan zonder bewijs; noteer waarop het oordeel rust",
        f"{path}:11: action-incomplete: de actie bij 1.2 heeft geen eigenaar en geen uiterste datum",
        f"{path}:12: na-without-reason: 3.2 is niet van toepassing zonder reden; schrijf in een opmerking waarom",
    ]
    status, out, _ = cli("check", str(path), "--lang", "en", "--select", "met-without-evidence")
    assert status == 1 and out == f"{path}:7: met-without-evidence: 1.1 is met without evidence; record what the " \
                                  "judgement rests on\n"
    status, out, _ = cli("check", str(path), "--ignore", "met-without-evidence,action-incomplete,na-without-reason")
    assert (status, out) == (0, "")


def test_cli_json_and_list(write, cli) -> None:
    path = write("a.yaml", FILE)
    status, out, _ = cli("check", str(path), "--format", "json", "--lang", "en")
    data = json.loads(out)
    assert status == 1 and [(d["line"], d["rule"], d["norm"]) for d in data] == [
        (7, "met-without-evidence", "1.1"), (11, "action-incomplete", "1.2"), (12, "na-without-reason", "3.2")]
    status, out, _ = cli("check", "--list", "--lang", "en")
    assert status == 0 and [line.split()[0] for line in out.splitlines()] == list(RULES)


def test_cli_bad_input_is_2(write, cli) -> None:
    status, _, err = cli("check", str(write("b.yaml", assessment_text('"1.1": ja'))))
    assert status == 2 and "b.yaml:5:" in err
    status, _, err = cli("check", str(write("a.yaml", FILE)), "--select", "no-such-rule")
    assert status == 2 and "--select: unknown rule 'no-such-rule'" in err


def test_the_report_has_a_quality_section(write, cli) -> None:
    status, out, _ = cli("report", str(write("a.yaml", FILE)), "--lang", "en")
    assert status == 0 and "## Quality of the assessment (3)" in out
    rows = [[c.strip() for c in line.split("|")[1:-1]] for line in out.split("## Quality of the assessment")[1]
            .split("##")[0].splitlines() if line.startswith("| `")]
    assert rows == [["`met-without-evidence`", "met without evidence", "1", "1.1"],
                    ["`na-without-reason`", "not applicable without a reason (note)", "1", "3.2"],
                    ["`action-incomplete`", "open action without an owner or a due date", "1", "1.2"]]
    status, out, _ = cli("report", str(write("a.yaml", FILE)))
    assert "## Kwaliteit van de beoordeling (3)" in out
