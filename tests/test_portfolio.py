"""The portfolio's numbers, computed by hand on a small fixture, in portfolio.json and portfolio.md."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from tabulate import tabulate

from assess.files.paths import package_data
from assess.i18n.portfolio_words import WORDS as LABELS
from assess.render.markdown_table import table
from assess.render.markdown_table import table_lines as pipe_table
from tests.conftest import assessment_text


def service_file(name: str, *answers: str, extra: str = "") -> str:
    return assessment_text(*answers, extra=extra).replace('service: {name: "Test"}', f"service: {{name: {name!r}}}")


# Four services and one bad file. Values: met 1, partial 0.5, not_met 0; na and absent are excluded.
FIXTURE = {
    # Alfa: P1 = 1.1 met + 1.2 partial + 1.3 not_met = 1.5 / 3 counted = 50.0 AMBER (1.4 na: excluded)
    #       P2 = 2.1 met = 1 / 1 = 100.0 GREEN
    #       overall = (1 + 0.5 + 0 + 1) / 4 = 62.5 AMBER; completeness 5 assessed (na counts) / 62 = 8.1%
    "a.yaml": service_file("Alfa", '"1.1": met', '"1.2": partial', '"1.3": not_met',
                           '"1.4": {result: na, note: "Systeemnorm"}', '"2.1": met'),
    # Bravo (setting outreach): P1 = 1.1 not_met + 1.3 not_met = 0 / 2 = 0.0 RED; P2 = 2.2 not_met = 0.0 RED
    #       P3 = 3.1 met = 100.0 GREEN; overall = 1 / 4 = 25.0, RED (2.2 is critical and not met anyway)
    #       completeness 4 / 62 = 6.5%; outreach (apart) = (1 + 0) / 2 = 50.0 AMBER, 2 / 13 = 15.4%
    "b.yaml": service_file("Bravo", '"1.1": not_met', '"1.3": not_met', '"2.2": not_met', '"3.1": met',
                           '"outreach.1": met', '"outreach.2": not_met', extra="settings: [outreach]\n"),
    # Charlie: P1 = 1.3 partial = 0.5 / 1 = 50.0 AMBER (1.1 na); P2 = 2.3 partial = 50.0 AMBER
    #       overall = 1 / 2 = 50.0, RED (the rights floor: critical 2.3 is only partially met); 3 / 62 = 4.8%
    "c.yaml": service_file("Charlie", '"1.1": {result: na, note: "n.v.t."}', '"1.3": partial',
                           '"2.3": {result: partial, action: {description: "Convenant herzien"}}'),
    # Delta: nothing assessed: no score, completeness 0.0
    "d.yaml": service_file("Delta"),
    # Echo: not processed (line 5: unknown result)
    "e.yaml": service_file("Echo", '"1.1": ja'),
}
# Norms not met (count / services that assessed the norm as applicable):
#   1.3: Alfa not_met, Bravo not_met, Charlie partial     -> 2 of 3 = 66.7%, partial 1
#   2.2: Bravo                                            -> 1 of 1 = 100.0%
#   outreach.2: Bravo (only Bravo chose outreach)         -> 1 of 1 = 100.0%
#   1.1: Alfa met, Bravo not_met, Charlie na (excluded)   -> 1 of 2 = 50.0%
# Order: count desc, then share desc, then catalog order (2.2 before outreach.2).


@pytest.fixture
def portfolio(cli, tmp_path: Path) -> tuple[dict, str, str, Path]:
    inputs = tmp_path / "in"
    inputs.mkdir()
    for name, text in FIXTURE.items():
        (inputs / name).write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    status, _, stderr = cli("batch", str(inputs), "--out", str(out), "--lang", "en", "--format", "md,json")
    assert status == 2
    assert stderr == f"{inputs / 'e.yaml'}:5: answers.\"1.1\": unknown result 'ja'; expected one of met, partial, " \
                     "not_met, na\n"
    data = json.loads((out / "portfolio.json").read_text(encoding="utf-8"))
    return data, (out / "portfolio.md").read_text(encoding="utf-8"), stderr, out


def test_services_sorted_by_overall_score_no_score_last(portfolio) -> None:
    data = portfolio[0]
    assert [(s["rank"], s["name"], s["overall"]["score"], s["overall"]["status"]) for s in data["services"]] == [
        (1, "Alfa", 62.5, "amber"), (2, "Charlie", 50.0, "red"), (3, "Bravo", 25.0, "red"), (4, "Delta", None, None)]
    assert [s["overall"]["completeness"] for s in data["services"]] == [8.1, 4.8, 6.5, 0.0]
    assert data["summary"] == {"processed": 4, "not_processed": 1,
                               "status": {"green": 0, "amber": 1, "red": 2, "none": 1},
                               "critical_not_fully_met": 2, "critical_disputed": 0, "not_counted": 0}


def test_principle_scores_per_service(portfolio) -> None:
    by_name = {s["name"]: s for s in portfolio[0]["services"]}
    def principles(name):
        return {p["id"]: (p["score"], p["status"]) for p in by_name[name]["principles"] if p["score"] is not None}
    assert principles("Alfa") == {"1": (50.0, "amber"), "2": (100.0, "green")}
    assert principles("Bravo") == {"1": (0.0, "red"), "2": (0.0, "red"), "3": (100.0, "green")}
    assert principles("Charlie") == {"1": (50.0, "amber"), "2": (50.0, "amber")}
    assert principles("Delta") == {}
    assert len(by_name["Delta"]["principles"]) == 7


def test_settings_are_shown_apart_and_never_mixed_in(portfolio) -> None:
    by_name = {s["name"]: s for s in portfolio[0]["services"]}
    bravo = by_name["Bravo"]
    assert bravo["settings"] == ["outreach"]
    assert bravo["setting_scores"] == [{"id": "outreach", "score": 50.0, "status": "amber", "completeness": 15.4}]
    # overall = the 7 principles only: outreach.1 met would have raised it above 25.0
    assert (bravo["overall"]["score"], bravo["overall"]["counted"], bravo["overall"]["total"]) == (25.0, 4, 62)
    assert by_name["Alfa"]["setting_scores"] == []


def test_norms_most_often_not_met(portfolio) -> None:
    assert portfolio[0]["norms_not_met"] == [
        {"id": "1.3", "section": "1", "critical": False, "not_met": 2, "applicable": 3, "share": 66.7, "partial": 1},
        {"id": "2.2", "section": "2", "critical": True, "not_met": 1, "applicable": 1, "share": 100.0, "partial": 0},
        {"id": "outreach.2", "section": "outreach", "critical": False, "not_met": 1, "applicable": 1,
         "share": 100.0, "partial": 0},
        {"id": "1.1", "section": "1", "critical": False, "not_met": 1, "applicable": 2, "share": 50.0, "partial": 0},
    ]


def test_critical_gaps_by_service(portfolio) -> None:
    by_name = {s["name"]: s for s in portfolio[0]["services"]}
    assert by_name["Bravo"]["critical_not_fully_met"] == ["2.2"]
    assert by_name["Bravo"]["critical_gaps"] == [{"id": "2.2", "result": "not_met", "action": None}]
    assert by_name["Charlie"]["critical_not_fully_met"] == ["2.3"]
    assert by_name["Charlie"]["critical_gaps"] == [{"id": "2.3", "result": "partial", "action": "Convenant herzien"}]


def test_not_processed(portfolio) -> None:
    data, md, stderr, _ = portfolio
    assert [p["text"] for f in data["not_processed"] for p in f["problems"]] == stderr.splitlines()
    assert data["not_processed"][0]["problems"][0]["line"] == 5
    assert f"## Not processed (1)\n\nThese inputs could not be used and count nowhere. One per line: FILE:LINE: " \
           f"message.\n\n```text\n{stderr}```\n" in md


def test_markdown_matrix_and_tables(portfolio) -> None:
    md = portfolio[1]
    matrix = md.split("## Scores per principle")[1].split("##")[0]
    lines = [line for line in matrix.splitlines() if line.startswith("|")]
    header = [c.strip() for c in lines[0].split("|")[1:-1]]
    assert header == ["#", "Service", "P1", "P2", "P3", "P4", "P5", "P6", "P7", "Overall", "Complete", "Settings"]
    cells = [[c.strip() for c in row.split("|")[1:-1]] for row in lines[2:]]
    # every fixture service assessed only a few norms of each principle: each score is marked *
    assert cells[0] == ["1", "[Alfa](alfa.md)", "50.0 AMBER *", "100.0 GREEN *", "–", "–", "–", "–", "–", "62.5 AMBER",
                        "8.1%", "–"]
    assert [c[1] for c in cells] == ["[Alfa](alfa.md)", "[Charlie](charlie.md)", "[Bravo](bravo.md)",
                                     "[Delta](delta.md)"]
    assert cells[2][2:12] == ["0.0 RED *", "0.0 RED *", "100.0 GREEN *", "–", "–", "–", "–", "25.0 RED ⚠", "6.5%",
                              "outreach"]
    assert cells[3][9:11] == ["no score", "0.0%"]
    assert "| GREEN 0 · AMBER 1 · RED 2 · no score 1 |" in md
    assert "⚠ = a critical norm is not fully met: the overall status is RED, whatever the score" in md
    assert "\\* = not every norm of this principle was assessed: the score counts only the assessed norms" in md
    assert "| [Bravo](bravo.md) | outreach (Setting 4.1.1) | 50.0 AMBER |      15.4% |" in md
    norms = md.split("## Norms most often not met")[1].split("##")[0]
    assert [line.split("|")[1].strip() for line in norms.splitlines() if line.startswith("| ")][1:] == [
        "1.3", "2.2 ⚠ critical", "outreach.2", "1.1"]
    row = next(line for line in norms.splitlines() if line.startswith("| 1.3 "))
    assert [c.strip() for c in row.split("|")[3:-1]] == ["2", "3", "66.7%", "1"]
    gaps = md.split("## Critical gaps by service")[1].split("##")[0]
    critical = ("2.1, 2.2, 2.3, 2.5, 3.5, outreach.7, non-specialised.5, outpatient.14, outpatient.15, "
                "outpatient.17, short-term-inpatient.5, short-term-inpatient.7, short-term-inpatient.16, "
                "long-term-residential.13, long-term-residential.20")
    assert f"Critical norms ({critical}; the assess project's reading)" in gaps
    assert "| [Charlie](charlie.md) | 2.3    | partially met | Convenant herzien |" in gaps
    assert "| [Bravo](bravo.md)     | 2.2    | not met       | –                 |" in gaps
    assert "### Portfolio" in md and "no average across services" in md


def test_dutch_portfolio(cli, tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    for name in ("a.yaml", "b.yaml"):
        (inputs / name).write_text(FIXTURE[name], encoding="utf-8")
    assert cli("batch", str(inputs), "--out", str(tmp_path / "out"), "--lang", "nl")[0] == 0
    md = (tmp_path / "out" / "portfolio.md").read_text(encoding="utf-8")
    for text in ("# Portfolio-overzicht", "| 62,5 ORANJE", "| 25,0 ROOD ⚠", "## Settings (apart gescoord)",
                 "## Normen die het vaakst niet voldaan zijn", "## Kritieke tekortkomingen per dienst",
                 "## Niet verwerkt (0)", "Alle invoer is verwerkt.", "## Rekenregels", "B1 = Beginsel 1:"):
        assert text in md, text


def test_every_label_has_dutch_and_english() -> None:
    for key, (nl, en) in LABELS.items():
        assert nl and en and nl != "" and en != "", key


def test_empty_portfolio(cli, tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "x.yaml").write_text("[]", encoding="utf-8")
    assert cli("batch", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--lang", "en")[0] == 2
    md = (tmp_path / "out" / "portfolio.md").read_text(encoding="utf-8")
    assert "No services processed." in md and "No norm was assessed as not met" in md
    data = json.loads((tmp_path / "out" / "portfolio.json").read_text(encoding="utf-8"))
    assert data["services"] == [] and data["summary"]["not_processed"] == 1


def test_markdown_cells_are_escaped(cli, tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "x.yaml").write_text(service_file("A | B_*", '"1.1": met'), encoding="utf-8")
    assert cli("batch", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--lang", "en")[0] == 0
    md = (tmp_path / "out" / "portfolio.md").read_text(encoding="utf-8")
    assert "[A \\| B\\_\\*](a-b.md)" in md


def test_services_link_to_their_markdown_report_whatever_the_format_order(cli, tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "x.yaml").write_text(service_file("Alfa", '"1.1": met'), encoding="utf-8")
    assert cli("batch", str(tmp_path / "in"), "--out", str(tmp_path / "o1"), "--format", "csv,md")[0] == 0
    assert "[Alfa](alfa.md)" in (tmp_path / "o1" / "portfolio.md").read_text(encoding="utf-8")
    assert cli("batch", str(tmp_path / "in"), "--out", str(tmp_path / "o2"), "--format", "json,csv")[0] == 0
    assert "[Alfa](alfa.json)" in (tmp_path / "o2" / "portfolio.md").read_text(encoding="utf-8")


def test_pipe_table_is_tabulates_pipe_format() -> None:
    rng = random.Random(5)
    words = ["", "a", "–", "62.5 AMBER", "[De Overloop](de-overloop.md) · Dordrecht", "Heroïne", "⚠", "x" * 30]
    for _ in range(200):
        width = rng.randint(1, 6)
        headers = [rng.choice(words) for _ in range(width)]
        rows = [[rng.choice(words) for _ in range(width)] for _ in range(rng.randint(1, 5))]
        align = [rng.choice(["left", "right"]) for _ in range(width)]
        assert "\n".join(pipe_table(headers, lambda rows=rows: rows, align)) == table(headers, rows, align)
    assert table(["a"], [["b"]], ["left"]) == tabulate([["b"]], headers=["a"], tablefmt="pipe",
                                                       disable_numparse=True, colalign=["left"])


def test_only_partly_assessed_principles_are_marked(cli, tmp_path: Path) -> None:
    """The demo assessed every norm but 7.8: principle 7 alone carries the mark."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "demo.yaml").write_text((package_data("data") / "demo.yaml").read_text(encoding="utf-8"),
                                      encoding="utf-8")
    assert cli("batch", str(inputs), "--out", str(tmp_path / "out"), "--lang", "en")[0] == 0
    md = (tmp_path / "out" / "portfolio.md").read_text(encoding="utf-8")
    row = next(line for line in md.splitlines() if line.startswith("|   1 |"))
    cells = [c.strip() for c in row.split("|")[1:-1]]
    assert [c.endswith(" *") for c in cells[2:9]] == [False] * 6 + [True]
    assert cells[8] == "85.7 GREEN *" and cells[10] == "98.4%"
