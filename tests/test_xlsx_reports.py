"""Workbooks for consultants (report --format xlsx, portfolio.xlsx) and the CSV outputs for tools."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from assess.analysis.scoring import score
from assess.files.paths import package_data
from assess.files.writer import dump
from assess.model.assessment import Action, Answer, Assessment, Service
from assess.render import renderer

DEMO = package_data("data") / "demo.yaml"
EVIL = '=HYPERLINK("http://evil.example","klik")'


def evil_assessment(catalog) -> Assessment:
    return Assessment(
        catalog.id, Service("De Brug", "inloop", "Zwolle"), checklist_version=catalog.version,
        assessors=("A. Jansen",), date=dt.date(2026, 11, 2), language="nl", settings=("outreach",),
        answers={"1.1": Answer("met"),
                 "1.10": Answer("not_met", ("+31 6 1234", "@team"), EVIL,
                                Action("-weekend open", "=A1", dt.date(2027, 2, 1), "high")),
                 "2.1": Answer("not_met", note="Geen klachtenregeling"),
                 "outreach.2": Answer("partial")})


def fills(ws) -> dict[str, set[str]]:
    """The conditional fills of a sheet: the word each rule matches -> the cell ranges it covers."""
    out: dict[str, set[str]] = {}
    for entry in ws.conditional_formatting:
        for rule in entry.rules:
            out.setdefault(rule.formula[0].strip('"'), set()).add(str(entry.sqref))
    return out


def header_index(ws) -> dict[str, int]:
    return {cell.value: cell.column for cell in ws[1]}


def test_report_workbook(cli, tmp_path: Path, catalog) -> None:
    source = tmp_path / "brug.yaml"
    source.write_text(dump(evil_assessment(catalog), catalog), encoding="utf-8")
    target = tmp_path / "brug.xlsx"
    assert cli("report", str(source), "--format", "xlsx", "-o", str(target), "--lang", "nl") == (0, "", "")
    card = score(evil_assessment(catalog), catalog)
    wb = load_workbook(target)
    assert wb.sheetnames == ["Samenvatting", "Normen", "Acties"]

    summary = {row[0].value: row[1] for row in wb["Samenvatting"].iter_rows(min_row=3) if row[0].value}
    assert summary["Totaalscore"].value == pytest.approx(card.score) and summary["Totaalscore"].data_type == "n"
    assert summary["Status"].value == "ROOD", "2.1 is critical and not met"
    assert summary["Status op score alleen"].value == "ROOD"
    assert summary["Volledigheid (%)"].value == pytest.approx(card.completeness)
    assert summary["Kritiek niet volledig voldaan"].value == "2.1"
    assert summary["Datum"].is_date and summary["Datum"].value.date() == dt.date(2026, 11, 2)
    principles = {row[0].value: row for row in wb["Samenvatting"].iter_rows() if str(row[0].value).startswith(
        ("Beginsel", "Setting"))}
    assert principles["Beginsel 1"][2].value == pytest.approx(card.principles[0].score)
    assert principles["Setting 4.1.1"][2].value == pytest.approx(card.settings[0].score)
    status_fills = fills(wb["Samenvatting"])
    assert set(status_fills) == {"GROEN", "ORANJE", "ROOD"}, "statuses get fills"
    (ranges,) = status_fills["ROOD"]
    assert ranges.startswith(summary["Status"].coordinate + ":"), "the status cell and the table's status column"

    norms = wb["Normen"]
    col = header_index(norms)
    assert list(col)[:5] == ["Dienst", "Datum", "Soort", "Locatie", "Norm"]
    rows = {r[col["Norm"] - 1].value: r for r in norms.iter_rows(min_row=2)}
    assert len(rows) == 62 + 13
    ten = rows["1.10"]
    assert ten[col["Norm"] - 1].data_type == "s" and ten[col["Norm"] - 1].value == "1.10"
    note = ten[col["Opmerking"] - 1]
    assert (note.value, note.data_type) == (EVIL, "s"), "a note that looks like a formula is a string, never run"
    assert ten[col["Eigenaar"] - 1].value == "=A1" and ten[col["Eigenaar"] - 1].data_type == "s"
    assert ten[col["Bewijs"] - 1].value == "+31 6 1234\n@team"
    assert ten[col["Resultaat"] - 1].value == "niet voldaan" and ten[col["Kritiek"] - 1].value == "nee"
    assert ten[col["Uiterlijk"] - 1].is_date
    assert rows["2.1"][col["Kritiek"] - 1].value == "ja"
    assert rows["1.2"][col["Resultaat"] - 1].value == "niet beoordeeld"
    assert rows["outreach.2"][col["Setting"] - 1].value == "outreach"
    assert norms.freeze_panes == "A2" and norms.auto_filter.ref == f"A1:S{len(rows) + 1}"
    actions = list(wb["Acties"].iter_rows(min_row=2, values_only=True))
    assert len(actions) == 1 and actions[0][4:8] == ("hoog", "1.10", "niet voldaan", "-weekend open")


def test_a_workbook_needs_a_file(cli, tmp_path: Path) -> None:
    assert cli("report", str(DEMO), "--format", "xlsx") == (
        2, "", "-o: a workbook is written to a file: give -o FILE.xlsx\n")
    assert cli("report", str(DEMO), "--format", "xlsx", "-o", str(DEMO))[2] == (
        f"{DEMO}: is also an input ({DEMO}); not overwritten: write the report to another file\n")
    assert cli("report", str(DEMO), "--format", "md", "--excel-nl")[2] == (
        "--excel-nl: --excel-nl changes the CSV report: use it with --format csv\n")


def test_csv_report_leads_with_the_service(catalog) -> None:
    text = renderer("csv")(score(evil_assessment(catalog), catalog), "en")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert text.startswith("service,date,kind,location,id,principle,setting,critical,")
    assert {(r["service"], r["date"], r["kind"], r["location"]) for r in rows} == {
        ("De Brug", "2026-11-02", "inloop", "Zwolle")}
    ten = next(r for r in rows if r["id"] == "1.10")
    assert ten["note"] == "'" + EVIL and ten["action_owner"] == "'=A1"


def test_csv_for_a_dutch_excel(catalog) -> None:
    text = renderer("csv")(score(evil_assessment(catalog), catalog), "nl", excel_nl=True)
    assert text.startswith("\ufeffservice;date;kind;location;id;")
    rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff")), delimiter=";"))
    ten = next(r for r in rows if r["id"] == '="1.10"')
    assert ten["note"] == "'" + EVIL and ten["result"] == "not_met"
    assert "\r\n" in text


def test_batch_workbook_and_portfolio_csv(cli, tmp_path: Path, catalog) -> None:
    answers = tmp_path / "answers"
    answers.mkdir()
    shutil.copy(DEMO, answers / "demo.yaml")
    (answers / "brug.yaml").write_text(dump(evil_assessment(catalog), catalog), encoding="utf-8")
    out = tmp_path / "reports"
    status, _, err = cli("batch", str(answers), "--out", str(out), "--format", "csv,xlsx", "--lang", "en", "-j", "1")
    assert (status, err) == (0, "")
    assert sorted(p.name for p in out.iterdir()) == [
        "de-brug.csv", "de-brug.xlsx", "de-overloop.csv", "de-overloop.xlsx", "portfolio.csv", "portfolio.json",
        "portfolio.md", "portfolio.xlsx"]
    portfolio = json.loads((out / "portfolio.json").read_text(encoding="utf-8"))
    by_name = {s["name"]: s for s in portfolio["services"]}

    wb = load_workbook(out / "portfolio.xlsx")
    assert wb.sheetnames == ["Services", "Norms", "Gaps", "Action plan", "Not processed"]
    assert list(wb["Not processed"].iter_rows(min_row=2)) == [], "every input was processed"
    services = wb["Services"]
    col = header_index(services)
    assert list(col)[:9] == ["Service", "Kind", "Location", "Date", "Assessors", "Overall score", "Status",
                             "Completeness (%)", "Critical not fully met"]
    assert "P1" in col and "P7" in col and "Setting outreach" in col
    rows = list(services.iter_rows(min_row=2))
    assert [r[0].value for r in rows] == [s["name"] for s in portfolio["services"]], "the portfolio's order"
    for row in rows:
        expected = by_name[row[0].value]
        assert row[col["Overall score"] - 1].value == pytest.approx(expected["overall"]["score"])
        assert row[col["Overall score"] - 1].data_type == "n"
        assert row[col["Completeness (%)"] - 1].value == pytest.approx(expected["overall"]["completeness"])
        assert row[col["P3"] - 1].value == pytest.approx(expected["principles"][2]["score"])
        assert row[col["Status"] - 1].value == expected["overall"]["status"].upper()
    brug = next(r for r in rows if r[0].value == "De Brug")
    assert brug[col["Critical not fully met"] - 1].value == "2.1" and brug[col["Date"] - 1].is_date
    assert services.freeze_panes == "A2" and services.auto_filter.ref
    status_column = services.cell(1, col["Status"]).column_letter
    assert f"{status_column}2:{status_column}{len(rows) + 1}" in fills(services)["RED"]

    norms = wb["Norms"]
    ncol = header_index(norms)
    norm_rows = list(norms.iter_rows(min_row=2))
    demo_items = len(catalog.items_for(("outreach", "outpatient")))
    assert len(norm_rows) == demo_items + 62 + 13
    ten = next(r for r in norm_rows if r[0].value == "De Brug" and r[ncol["Norm"] - 1].value == "1.10")
    assert ten[ncol["Note"] - 1].value == EVIL and ten[ncol["Note"] - 1].data_type == "s"
    assert ten[ncol["Result"] - 1].value == "not met" and ten[ncol["Location"] - 1].value == "Zwolle"
    assert all(r[ncol["Norm"] - 1].data_type == "s" for r in norm_rows)
    result_letter = norms.cell(1, ncol["Result"]).column_letter
    assert {"met", "partially met", "not met"} <= set(fills(norms))
    assert f"{result_letter}2:{result_letter}{len(norm_rows) + 1}" in fills(norms)["not met"]
    gaps = list(wb["Gaps"].iter_rows(min_row=2, values_only=True))
    assert [g[4] for g in gaps if g[0] == "De Brug"] == ["2.1", "1.10", "outreach.2"], "the report's gap order"
    plan = list(wb["Action plan"].iter_rows(min_row=2, values_only=True))
    assert ("De Brug", "1.10") in {(p[0], p[5]) for p in plan}

    table = list(csv.DictReader(io.StringIO((out / "portfolio.csv").read_text(encoding="utf-8"))))
    assert [r["service"] for r in table] == [s["name"] for s in portfolio["services"]]
    for row in table:
        expected = by_name[row["service"]]
        assert float(row["score"]) == expected["overall"]["score"]
        assert row["status"] == expected["overall"]["status"]
        assert row["principle_1"] == f"{expected['principles'][0]['score']:.1f}"
    assert next(r for r in table if r["service"] == "De Brug")["setting_outreach"] == "50.0"


def test_batch_workbook_lists_what_was_not_processed(cli, tmp_path: Path) -> None:
    answers = tmp_path / "answers"
    answers.mkdir()
    (answers / "kapot.yaml").write_text("assess: 1\nchecklist: [\n", encoding="utf-8")
    (answers / "leeg.yaml").write_text('assess: 1\nchecklist: unodc-who-2020\nservice: {name: "Leeg"}\n'
                                       "answers: {}\n", encoding="utf-8")
    out = tmp_path / "reports"
    assert cli("batch", str(answers), "--out", str(out), "--format", "xlsx", "--lang", "nl", "-j", "1")[0] == 2
    wb = load_workbook(out / "portfolio.xlsx")
    (problem,) = wb["Niet verwerkt"].iter_rows(min_row=2, values_only=True)
    assert problem[0] == str(answers / "kapot.yaml") and isinstance(problem[1], int) and problem[2]
    (leeg,) = wb["Diensten"].iter_rows(min_row=2, values_only=True)
    assert (leeg[0], leeg[5], leeg[6]) == ("Leeg", None, "geen score")


def test_excel_nl_needs_csv_in_batch(cli, tmp_path: Path) -> None:
    assert cli("batch", str(DEMO), "--out", str(tmp_path / "r"), "--excel-nl")[2] == (
        "--excel-nl: --excel-nl changes the CSV outputs: add csv to --format\n")


def test_batch_portfolio_csv_for_a_dutch_excel(cli, tmp_path: Path) -> None:
    answers = tmp_path / "answers"
    answers.mkdir()
    shutil.copy(DEMO, answers / "demo.yaml")
    out = tmp_path / "reports"
    assert cli("batch", str(answers), "--out", str(out), "--format", "csv", "--excel-nl", "-j", "1")[0] == 0
    text = (out / "portfolio.csv").read_text(encoding="utf-8")
    assert text.startswith("\ufeffservice;kind;location;date;assessors;score;status;completeness;")
    (row,) = csv.DictReader(io.StringIO(text.removeprefix("\ufeff")), delimiter=";")
    assert row["score"] == "72,2" and row["completeness"] == "98,4"
    assert (out / "de-overloop.csv").read_text(encoding="utf-8").startswith("\ufeffservice;")


LAZY = """
import sys
from assess.cli import main
status = main(sys.argv[1:])
print(status, "openpyxl" in sys.modules)
"""


@pytest.mark.parametrize(("args", "loads"), [
    (["validate", str(DEMO)], False),
    (["report", str(DEMO), "--format", "md"], False),
    (["report", str(DEMO), "--format", "csv", "--excel-nl"], False),
    (["norms"], False),
    (["import", "CSV", "-o", "DIR"], False),
    (["report", str(DEMO), "--format", "xlsx", "-o", "OUT"], True),  # the check can tell
])
def test_openpyxl_is_imported_only_for_workbooks(tmp_path: Path, args: list[str], loads: bool) -> None:
    (tmp_path / "a.csv").write_text("service,norm,result\nX,1.10,met\n", encoding="utf-8")
    places = {"OUT": str(tmp_path / "r.xlsx"), "CSV": str(tmp_path / "a.csv"), "DIR": str(tmp_path / "out")}
    args = [places.get(a, a) for a in args]
    done = subprocess.run([sys.executable, "-c", LAZY, *args], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines()[-1] == f"0 {loads}"


def _soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(_soffice() is None, reason="LibreOffice (soffice) is not installed on this machine; the "
                                               "conversion test needs it")
def test_libreoffice_reads_the_workbooks(cli, tmp_path: Path) -> None:
    form, report = tmp_path / "form.xlsx", tmp_path / "report.xlsx"
    assert cli("template", "--format", "xlsx", "--service", "De Brug", "--lang", "nl", "-o", str(form))[0] == 0
    assert cli("report", str(DEMO), "--format", "xlsx", "-o", str(report))[0] == 0
    # every sheet to a CSV of its own (the last field of the filter options, -1); by default only the first
    every_sheet = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"
    for workbook in (form, report):
        done = subprocess.run([_soffice(), "--headless", "--convert-to", every_sheet, "--outdir", str(tmp_path / "csv"),
                               str(workbook)], capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr

    def first_cells(name: str, column: int = 0) -> list[str]:
        text = (tmp_path / "csv" / name).read_text(encoding="utf-8")
        return [row[column] for row in csv.reader(io.StringIO(text)) if len(row) > column]

    ids = first_cells("form-De Brug.csv")
    assert "1.1" in ids and "1.10" in ids, "LibreOffice keeps 1.10 as text, apart from 1.1"
    report_ids = first_cells("report-Normen.csv", 4)
    assert report_ids.index("1.1") < report_ids.index("1.2") < report_ids.index("1.10")
    summary = dict(row[:2] for row in csv.reader(io.StringIO(
        (tmp_path / "csv" / "report-Samenvatting.csv").read_text(encoding="utf-8"))) if len(row) > 1)
    overall = json.loads(cli("report", str(DEMO), "--format", "json")[1])["overall"]
    assert summary["Dienst"] == "De Overloop" and summary["Datum"] == "2026-10-14", "a date as the file has it"
    assert float(summary["Totaalscore"]) == overall["score"], "the score LibreOffice reads is the report's"
