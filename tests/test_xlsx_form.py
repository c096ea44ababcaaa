"""assess template --format xlsx: the fill-in workbook, opened with openpyxl as Excel would open it."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from assess.render.xlsx.form import HEADER_ROW, sheet_names

FIRST = HEADER_ROW + 1  # the first norm's row


def validations(ws) -> dict[str, object]:
    """Each data validation of a sheet by the cells it covers (``F10:F84``)."""
    return {str(v.sqref): v for v in ws.data_validations.dataValidation}


def column_of(ws, label: str) -> str:
    for cell in ws[HEADER_ROW]:
        if cell.value == label:
            return cell.column_letter
    raise AssertionError(f"no column {label!r}")


def test_one_service_in_english(cli, tmp_path: Path, catalog) -> None:
    target = tmp_path / "form.xlsx"
    status, out, err = cli("template", "--format", "xlsx", "--service", "De Brug", "--setting", "outreach",
                           "--lang", "en", "-o", str(target))
    assert (status, out, err) == (0, "", "")
    wb = load_workbook(target)
    assert wb.sheetnames == ["Instructions", "De Brug"]
    ws = wb["De Brug"]
    assert [ws.cell(r, 1).value for r in range(1, 8)] == ["Service", "Kind", "Location", "Assessors", "Date",
                                                          "Settings", "Language"]
    assert (ws["B1"].value, ws["B6"].value, ws["B7"].value) == ("De Brug", "outreach", "en")
    assert [c.value for c in ws[HEADER_ROW]] == ["Norm", "Section", "Text", "Critical", "Scope", "Result", "Evidence",
                                                 "Note", "Action", "Owner", "Due", "Priority", "Source"]
    items = catalog.items_for(("outreach",))
    ids = [ws.cell(r, 1) for r in range(FIRST, FIRST + len(items))]
    assert [c.value for c in ids] == [n.id for n in items]
    assert ws.cell(FIRST + len(items), 1).value is None
    ten = next(c for c in ids if c.value == "1.10")
    assert (ten.data_type, ten.number_format) == ("s", "@"), "1.10 is text, formatted as text"
    row_21 = next(c.row for c in ids if c.value == "2.1")
    assert ws.cell(row_21, 3).value == catalog.item("2.1").text.en
    assert (ws.cell(row_21, 4).value, ws.cell(row_21, 5).value) == ("critical", "service")

    last = FIRST + len(items) - 1
    checks = validations(ws)
    result = checks[f"F{FIRST}:F{last}"]
    assert result.type == "list" and result.showErrorMessage and result.errorStyle == "stop"
    assert result.formula1 == '"' + ",".join(o.label.en for o in catalog.answer_set.options) + '"'
    assert result.formula1 == '"met,partially met,not met,not applicable"'
    assert checks[f"L{FIRST}:L{last}"].formula1 == '"high,medium,low"'
    dates = checks[f"B5 K{FIRST}:K{last}"]
    assert dates.type == "date" and ws[f"K{FIRST}"].number_format == "yyyy-mm-dd"
    assert (dates.operator, dates.formula1, dates.formula2) == ("between", "36526", "73415"), \
        "2000-01-01 to 2100-12-31 as date serials, which every spreadsheet reads"
    assert result.showInputMessage and result.prompt == "Choose an answer; leave it empty when not assessed."

    assert ws.protection.sheet and not ws.protection.password
    for column in "ABCDE":
        assert ws[f"{column}{FIRST}"].protection.locked, f"{column} is locked"
    for column in "FGHIJKL":
        assert not ws[f"{column}{FIRST}"].protection.locked, f"{column} is open for answers"
    assert ws["B1"].protection.locked and not ws["B4"].protection.locked and not ws["B5"].protection.locked
    assert ws[f"H{FIRST}"].number_format == "@", "a note typed as =... stays text"

    assert ws.freeze_panes == f"B{FIRST}"
    assert ws.print_title_rows == f"${HEADER_ROW}:${HEADER_ROW}"
    assert (ws.page_setup.orientation, ws.page_setup.paperSize, ws.page_setup.fitToWidth) == ("landscape", 9, 1)
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.column_dimensions["C"].width == 55 and ws[f"C{FIRST}"].alignment.wrap_text
    instructions = "\n".join(str(c.value) for c in wb["Instructions"]["A"] if c.value)
    assert "met, partially met, not met, not applicable" in instructions and "De Brug" in instructions
    assert "assess import form.xlsx" in instructions


def test_dutch_words_come_from_the_catalog(cli, tmp_path: Path, catalog) -> None:
    target = tmp_path / "formulier.xlsx"
    assert cli("template", "--format", "xlsx", "--lang", "nl", "-o", str(target))[0] == 0
    wb = load_workbook(target)
    assert wb.sheetnames == ["Instructies", "Naam van de dienst"]
    ws = wb["Naam van de dienst"]
    assert column_of(ws, "Resultaat") == "F" and column_of(ws, "Uiterlijk") == "K"
    checks = validations(ws)
    last = FIRST + len(catalog.principle_norms) - 1
    assert checks[f"F{FIRST}:F{last}"].formula1 == '"voldaan,gedeeltelijk voldaan,niet voldaan,niet van toepassing"'
    assert checks[f"L{FIRST}:L{last}"].formula1 == '"hoog,middel,laag"'
    assert checks[f"F{FIRST}:F{last}"].error == "Kies een antwoord uit de lijst."
    assert ws.cell(FIRST, 2).value == "Beginsel 1" and ws.cell(FIRST, 5).value == "systeem"


def test_a_sheet_per_service_from_a_list(cli, write, tmp_path: Path, catalog) -> None:
    services = write("services.csv", """\
        naam;soort;locatie;settings
        De Overloop;gebruiksruimte;Dordrecht;outreach
        Het Anker;medicatiepoli;Rotterdam;outpatient outreach
        Een heel lange naam van een dienst: met [tekens]
        """)
    target = tmp_path / "form.xlsx"
    status, _, err = cli("template", "--format", "xlsx", "--services", str(services), "--setting", "non-specialised",
                         "--lang", "nl", "-o", str(target))
    assert (status, err) == (0, "")
    wb = load_workbook(target)
    assert wb.sheetnames == ["Instructies", "De Overloop", "Het Anker", "Een heel lange naam van een die"]
    anker = wb["Het Anker"]
    assert (anker["B2"].value, anker["B3"].value) == ("medicatiepoli", "Rotterdam")
    assert anker["B6"].value == "outreach, non-specialised, outpatient", "catalog order, --setting added"
    ids = {anker.cell(r, 1).value for r in range(FIRST, anker.max_row + 1)}
    assert {"outreach.1", "outpatient.18", "non-specialised.8"} <= ids
    overloop = {c.value for c in wb["De Overloop"]["A"]}
    assert "outreach.1" in overloop and "outpatient.1" not in overloop
    assert wb["Een heel lange naam van een die"]["B1"].value == "Een heel lange naam van een dienst: met [tekens]"


def test_sheet_names_are_valid_and_unique() -> None:
    assert sheet_names(["A/B", "a-b", "Instructies", "x" * 40, "x" * 40, "'q'"], ["Instructies"]) == [
        "A-B", "a-b (2)", "Instructies (2)", "x" * 31, "x" * 27 + " (2)", "q"]


@pytest.mark.parametrize(("args", "message"), [
    (["--format", "xlsx"], "-o: a workbook is written to a file: give -o FILE.xlsx"),
    (["--format", "xlsx", "-o", "-"], "-o: a workbook is written to a file: give -o FILE.xlsx"),
    (["--services", "SERVICES", "-o", "x.yaml"], "--services: a list of services makes a workbook: add --format xlsx"),
    (["--format", "xlsx", "--services", "SERVICES", "--service", "X", "-o", "x.xlsx"],
     "--service: give either --service or --services, not both"),
    (["--format", "xlsx", "--services", "SERVICES", "-o", "SERVICES", "--force"],
     "SERVICES: is also an input (SERVICES); not overwritten: write the workbook to another file"),
])
def test_usage_errors(cli, write, tmp_path: Path, monkeypatch, args: list[str], message: str) -> None:
    monkeypatch.chdir(tmp_path)
    services = write("services.csv", "name\nX\n")
    args = [str(services) if a == "SERVICES" else a for a in args]
    status, out, err = cli("template", *args)
    assert (status, out) == (2, "")
    assert err == message.replace("SERVICES", str(services)) + "\n"


def test_an_existing_workbook_is_kept_without_force(cli, tmp_path: Path) -> None:
    target = tmp_path / "form.xlsx"
    target.write_bytes(b"mine")
    assert cli("template", "--format", "xlsx", "-o", str(target))[2] == \
        f"{target}: already exists; not overwritten (use --force)\n"
    assert target.read_bytes() == b"mine"
    assert cli("template", "--format", "xlsx", "-o", str(target), "--force")[0] == 0
    assert load_workbook(target).sheetnames[0] in ("Instructies", "Instructions")


def test_bad_service_lists(cli, write, tmp_path: Path) -> None:
    services = write("services.csv", """\
        name,kind,settings
        De Brug,,outreach
        ,inloop,
        de brug,,
        Het Dok,,outreech
        """)
    status, _, err = cli("template", "--format", "xlsx", "--services", str(services), "-o", str(tmp_path / "f.xlsx"))
    assert status == 2
    assert err.splitlines() == [
        f"{services}:3: column 'name': empty; every row needs the service's name",
        f"{services}:4: column 'name': 'de brug' is already on line 2",
        f"{services}:5: column 'settings': unknown setting 'outreech'; known: outreach, non-specialised, outpatient, "
        "short-term-inpatient, long-term-residential",
    ]
    assert not (tmp_path / "f.xlsx").exists()
    unknown = write("other.csv", "name,city\nX,Y\n")
    assert cli("template", "--format", "xlsx", "--services", str(unknown), "-o", str(tmp_path / "f.xlsx"))[2] == (
        f"{unknown}:1: column 'city': unknown column; the columns are name, kind, location and settings\n")
