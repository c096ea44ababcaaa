"""Gap reports: Markdown for people, JSON and CSV for machines, all from the same scorecard."""

from __future__ import annotations

import csv
import io
import json

from assess.analysis.scoring import score
from assess.model.assessment import Action, Answer, Assessment, Service
from assess.model.catalog import Catalog
from assess.render import renderer
from assess.render.text import bar, md_escape


def sample(catalog: Catalog) -> Assessment:
    return Assessment(
        catalog.id, Service("De | Kade", "gebruiksruimte", "Zwolle"), language="nl",
        answers={
            "1.1": Answer("met", ("Werkinstructie",)),
            "1.7": Answer("not_met", ("Open 10-16 | ma-vr",), "Geen avond\nen geen weekend",
                          Action("Avondopenstelling | proef", "M. de Vries", None, "high")),
            "2.3": Answer("not_met", note="Lijst gedeeld met politie"),
            "3.2": Answer("na"),
            "3.3": Answer("na", note="Wettelijk kader"),
            "4.1": Answer("partial"),
        },
    )


def test_md_escape_keeps_tables_intact() -> None:
    assert md_escape("a | b\nc") == "a \\| b<br>c"
    assert md_escape("*bold* _x_ <script>") == "\\*bold\\* \\_x\\_ \\<script\\>"


def test_md_escape_changes_exactly_the_characters_it_escapes() -> None:
    """md_escape leaves a text alone only when no character of it would be changed: its set of characters
    to look for is the one escaping changes (every code point tried)."""
    from assess.render.text import _MD_SPECIAL, _md_changes, md_escape
    from assess.terminal_text import visible

    changed = {c for c in map(chr, range(0x110000))
               if _MD_SPECIAL.sub(r"\\\1", c) != c or visible(c) != c or c in "\r\n"}
    assert {"\x1b", "\x9b", "\x7f", "\x00", "\u202e", "\ud800", "|", "\n"} <= changed
    assert "\t" not in changed and "é" not in changed

    md_escape("")  # compiles the class md_escape searches with
    assert {c for c in map(chr, range(0x110000)) if _md_changes[0].search(c)} == changed


def test_bar() -> None:
    assert bar(62.5) == "█" * 13 + "░" * 7 and bar(None) == "·" * 20 and bar(100.0) == "█" * 20


def test_markdown_report(catalog: Catalog) -> None:
    md = renderer("md")(score(sample(catalog), catalog), "nl")
    lines = md.splitlines()
    assert lines[0] == "# Gap-rapport: De \\| Kade"
    # A critical norm not met leads the report, before the summary.
    lead = next(i for i, line in enumerate(lines) if line.startswith("> **Kritieke norm niet volledig voldaan: 2.3.**"))
    assert lead < lines.index("## Samenvatting")
    # Counted 4: met 1, partial 1, not_met 2 -> (1 + 0.5) / 4 = 37.5; status red.
    assert "| Totaalscore  | **37,5**" in md and "**ROOD**" in md  # Dutch: decimal comma
    assert "6,5% (4 van 62 normen beoordeeld)" not in md  # na counts as assessed: 6 of 62
    assert "9,7% (6 van 62 normen beoordeeld)" in md
    assert "2 niet van toepassing, 56 niet beoordeeld" in md
    # Every table row has the same number of unescaped pipes as its header.
    for table_lines in _tables(lines):
        widths = {_cells(row) for row in table_lines}
        assert len(widths) == 1, table_lines
    assert "Open 10-16 \\| ma-vr" in md and "Geen avond<br>en geen weekend" in md
    assert "⚠ geen reden opgegeven" in md and "Wettelijk kader" in md
    assert "## Rekenregels" in md


def _tables(lines: list[str]) -> list[list[str]]:
    tables, current = [], []
    for line in lines:
        if line.startswith("|"):
            current.append(line)
        elif current:
            tables.append(current)
            current = []
    return tables


def _cells(row: str) -> int:
    return row.replace("\\|", "").count("|")


def test_every_bar_shows_its_completeness(catalog: Catalog) -> None:
    md = renderer("md")(score(sample(catalog), catalog), "en")
    block = md.split("```text\n")[1].split("```")[0].splitlines()
    # principle 1: 1.1 met and 1.7 not met of 10 -> 50.0; principle 3: two n/a of 10, no score
    assert block[0].split() == ["Principle", "1", "██████████░░░░░░░░░░", "50.0*", "AMBER", "2", "of", "10",
                                "norms", "assessed"], "2 of 10 norms assessed: a provisional score"
    assert block[2].split()[2:] == ["·" * 20, "–", "no", "score", "2", "of", "10", "norms", "assessed"]
    assert block[-1].split()[-5:] == ["6", "of", "62", "norms", "assessed"]


def test_a_score_over_part_of_its_norms_is_marked_provisional(catalog: Catalog) -> None:
    md = renderer("md")(score(sample(catalog), catalog), "nl")
    assert "| **" in md and "**\\*" in md, "the overall score of 6 of 62 norms is provisional"
    principles = md.split("## Beginselen")[1].split("##")[0]
    assert "50,0\\*" in principles, "principle 1 (2 of 10 assessed) is marked"
    assert "\\* = voorlopig: niet elke norm is beoordeeld" in principles, "and the table says what * means"
    assert "|       – |" in principles and "–\\*" not in md, "no score: nothing to mark"


def test_a_complete_section_is_not_marked(catalog: Catalog, tmp_path) -> None:
    from assess.model.assessment import Answer, Assessment, Service

    answers = {norm_id: Answer("met") for norm_id in catalog.principles[0].norm_ids}
    assessment = Assessment(catalog.id, Service("X"), catalog.version, answers=answers)
    md = renderer("md")(score(assessment, catalog), "en")
    row = next(line for line in md.splitlines() if line.startswith("| Principle 1 "))
    assert "100.0 " in row and "\\*" not in row
    bars = md.split("```text\n")[1].split("```")[0].splitlines()
    assert bars[0].split()[3] == "100.0" and bars[1].split()[3] == "–"


def test_english_markdown(catalog: Catalog) -> None:
    md = renderer("md")(score(sample(catalog), catalog), "en")
    assert md.startswith("# Gap report: De \\| Kade") and "**RED**" in md and "## Scoring rules" in md


def test_json_report(catalog: Catalog) -> None:
    data = json.loads(renderer("json")(score(sample(catalog), catalog), "nl"))
    assert data["service"]["name"] == "De | Kade" and data["checklist"] == "unodc-who-2020"
    assert data["overall"] == {"score": 37.5, "completeness": 9.7, "status": "red", "score_status": "red",
                               "counted": 4, "na": 2, "not_assessed": 56, "total": 62}
    p1 = data["principles"][0]
    assert p1 == {"id": "1", "score": 50.0, "completeness": 20.0, "status": "amber", "total": 10, "met": 1,
                  "partial": 0, "not_met": 1, "na": 0, "not_assessed": 8}
    assert data["principles"][2]["score"] is None and data["principles"][2]["status"] is None
    assert [g["id"] for g in data["gaps"]] == ["2.3", "1.7", "4.1"]
    assert data["gaps"][1]["action"]["owner"] == "M. de Vries" and data["gaps"][0]["critical"] is True
    assert data["critical_not_met"] == ["2.3"]


def test_csv_report(catalog: Catalog) -> None:
    rows = list(csv.DictReader(io.StringIO(renderer("csv")(score(sample(catalog), catalog), "en"))))
    assert len(rows) == 62
    row = next(r for r in rows if r["id"] == "1.7")
    assert row["result"] == "not_met" and row["note"] == "Geen avond\nen geen weekend"
    assert row["action"] == "Avondopenstelling | proef" and row["action_priority"] == "high"
    assert next(r for r in rows if r["id"] == "1.10")["result"] == "not_assessed"


def test_reports_are_deterministic(catalog: Catalog) -> None:
    for fmt in ("md", "json", "csv"):
        first = renderer(fmt)(score(sample(catalog), catalog), "nl")
        assert first == renderer(fmt)(score(sample(catalog), catalog), "nl")


def test_action_plan_order_and_status(catalog: Catalog) -> None:
    import datetime as dt

    a = Assessment(
        catalog.id, Service("S"), date=dt.date(2026, 6, 1),
        answers={
            "1.1": Answer("partial", action=Action("late low", due=dt.date(2026, 1, 1), priority="low")),
            "1.2": Answer("not_met", action=Action("later high", due=dt.date(2027, 1, 1), priority="high")),
            "1.3": Answer("partial", action=Action("sooner high", due=dt.date(2026, 9, 1), priority="high")),
            "1.4": Answer("partial", action=Action("finished", priority="medium", done=True)),
        },
    )
    md = renderer("md")(score(a, catalog), "en")
    plan = md.split("## Action plan")[1].split("##")[0]
    rows = [line for line in plan.splitlines() if line.startswith("| ") and "Priority" not in line]
    assert [r.split("|")[3].strip() for r in rows] == ["sooner high", "later high", "finished", "late low"]
    assert [r.split("|")[6].strip() for r in rows] == ["open", "open", "done", "overdue"]


def test_reports_with_and_without_settings(catalog: Catalog) -> None:
    plain = sample(catalog)
    with_setting = Assessment(plain.checklist, plain.service, language="nl", settings=("outpatient",),
                              answers=dict(plain.answers) | {"outpatient.1": Answer("met"),
                                                             "outpatient.2": Answer("not_met")})
    md_plain = renderer("md")(score(plain, catalog), "en")
    md_setting = renderer("md")(score(with_setting, catalog), "en")
    assert "## Settings" not in md_plain and "## Settings" in md_setting
    assert "never" not in md_plain and "do not count towards the overall score" in md_setting
    assert "| Setting 4.1.3 |" in md_setting
    data_plain = json.loads(renderer("json")(score(plain, catalog), "en"))
    data = json.loads(renderer("json")(score(with_setting, catalog), "en"))
    assert data_plain["settings"] == [] and data["overall"] == data_plain["overall"]
    (outpatient,) = data["settings"]
    assert (outpatient["id"], outpatient["score"], outpatient["total"], outpatient["not_assessed"]) == (
        "outpatient", 50.0, 18, 16)
    gap = next(g for g in data["gaps"] if g["id"] == "outpatient.2")
    assert gap["setting"] == "outpatient" and gap["principle"] is None
    rows = list(csv.DictReader(io.StringIO(renderer("csv")(score(with_setting, catalog), "en"))))
    assert len(rows) == 62 + 18 and rows[-1]["setting"] == "outpatient" and rows[-1]["id"] == "outpatient.18"


def test_csv_cells_cannot_run_as_formulas(catalog: Catalog) -> None:
    evil = Assessment(catalog.id, Service("x"), answers={
        "1.1": Answer("not_met", ("=HYPERLINK(\"http://x\")", "ok"), "+cmd|' /C calc'!A0",
                      Action("@SUM(A1)", "-1")),
        "1.2": Answer("partial", note="a = b"),
    })
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(renderer("csv")(score(evil, catalog), "en")))}
    assert rows["1.1"]["evidence"] == "'=HYPERLINK(\"http://x\")\nok" and rows["1.1"]["note"] == "'+cmd|' /C calc'!A0"
    assert rows["1.1"]["action"] == "'@SUM(A1)" and rows["1.1"]["action_owner"] == "'-1"
    assert rows["1.2"]["note"] == "a = b"


def test_user_text_starting_a_line_cannot_become_a_list(catalog: Catalog) -> None:
    card = score(Assessment(catalog.id, Service("x", "- gebruiksruimte", "Zwolle")), catalog)
    assert "\n\\- gebruiksruimte · Zwolle\n" in renderer("md")(card, "nl")
    card = score(Assessment(catalog.id, Service("x", "    2. locatie")), catalog)
    assert "\n2\\. locatie\n" in renderer("md")(card, "nl")
