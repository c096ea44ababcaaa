"""assess import FILE.xlsx: the filled-in form and the long and wide layouts in any sheet, with the CSV's checks."""

from __future__ import annotations

import datetime as dt
import io
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from assess.files import assessment_file
from assess.render.xlsx.form import HEADER_ROW

FIRST = HEADER_ROW + 1


def row_of(ws, norm_id: str) -> int:
    for (cell,) in ws.iter_rows(min_row=FIRST, max_col=1):
        if cell.value == norm_id:
            return cell.row
    raise AssertionError(norm_id)


def fill(ws, norm_id: str, result: str | None = None, evidence: str | None = None, note: str | None = None,
         action: str | None = None, owner: str | None = None, due: object = None, priority: str | None = None) -> None:
    """Type into a form row as a person would in Excel; text is typed as text (the columns are formatted so)."""
    row = row_of(ws, norm_id)
    for column, value in zip("FGHIJKL", (result, evidence, note, action, owner, due, priority), strict=True):
        if value is not None:
            cell = ws[f"{column}{row}"]
            cell.value = value
            if isinstance(value, str):
                cell.data_type = "s"  # a note such as =HYPERLINK(...) typed into a text-formatted cell stays text


@pytest.fixture
def form(cli, write, tmp_path: Path) -> Path:
    services = write("services.csv", """\
        name;kind;location;settings
        De Overloop;gebruiksruimte;Dordrecht;outreach
        Het Anker;medicatiepoli;Rotterdam;
        """)
    target = tmp_path / "form.xlsx"
    assert cli("template", "--format", "xlsx", "--services", str(services), "--lang", "nl", "-o", str(target))[0] == 0
    return target


def filled(form: Path) -> Path:
    wb = load_workbook(form)
    ws = wb["De Overloop"]
    ws["B4"] = "M. de Vries; S. Bakker"
    ws["B5"] = dt.date(2026, 10, 14)
    fill(ws, "1.1", "voldaan", "Werkinstructie naloxon, 2025")
    fill(ws, "1.10", "gedeeltelijk voldaan", "Folder NL\nWebsite", '=HYPERLINK("http://x")', "Folder vertalen",
         "Communicatie", dt.date(2027, 3, 1), "hoog")
    fill(ws, "2.1", "niet voldaan", note="Geen klachtenregeling", action="Klachtenregeling opstellen")
    fill(ws, "outreach.3", "niet van toepassing", note="Geen straatwerk")
    anker = wb["Het Anker"]
    anker["B4"] = "J. Jansen"
    fill(anker, "3.10", "voldaan")
    fill(anker, "7.8", note="1.10")
    wb.save(form)
    return form


EQUIVALENT_CSV = (
    "service,norm,result,evidence,note,action,owner,due,priority,kind,location,assessor,date,language,settings\n"
    'De Overloop,1.1,voldaan,"Werkinstructie naloxon, 2025",,,,,,gebruiksruimte,Dordrecht,M. de Vries; S. Bakker,'
    "2026-10-14,nl,outreach\n"
    'De Overloop,1.10,gedeeltelijk voldaan,"Folder NL\nWebsite","=HYPERLINK(""http://x"")",Folder vertalen,'
    "Communicatie,2027-03-01,hoog,,,,,,\n"
    "De Overloop,2.1,niet voldaan,,Geen klachtenregeling,Klachtenregeling opstellen,,,,,,,,,\n"
    "De Overloop,outreach.3,niet van toepassing,,Geen straatwerk,,,,,,,,,,\n"
    "Het Anker,3.10,voldaan,,,,,,,medicatiepoli,Rotterdam,J. Jansen,,nl,\n"
    "Het Anker,7.8,,,1.10,,,,,,,,,,\n"
)


def test_round_trip_is_byte_for_byte_the_csv_import(cli, form: Path, tmp_path: Path, catalog) -> None:
    workbook = filled(form)
    status, out, err = cli("import", str(workbook), "-o", str(tmp_path / "from-xlsx"))
    assert (status, err) == (0, "")
    assert out == (f"{tmp_path / 'from-xlsx' / 'de-overloop.yaml'}: "
                   "De Overloop (3 of 62 norms assessed; outreach: 1 of 13)\n"
                   f"{tmp_path / 'from-xlsx' / 'het-anker.yaml'}: Het Anker (1 of 62 norms assessed)\n")
    sheet = tmp_path / "answers.csv"
    sheet.write_text(EQUIVALENT_CSV, encoding="utf-8")
    assert cli("import", str(sheet), "-o", str(tmp_path / "from-csv"))[0] == 0
    for name in ("de-overloop.yaml", "het-anker.yaml"):
        assert (tmp_path / "from-xlsx" / name).read_bytes() == (tmp_path / "from-csv" / name).read_bytes(), name

    a = assessment_file.load(str(tmp_path / "from-xlsx" / "de-overloop.yaml"), catalog).assessment
    assert (a.service.kind, a.service.location, a.assessors) == ("gebruiksruimte", "Dordrecht",
                                                                  ("M. de Vries", "S. Bakker"))
    assert (a.date, a.language, a.settings) == (dt.date(2026, 10, 14), "nl", ("outreach",))
    ten = a.answers["1.10"]
    assert (ten.result, ten.evidence, ten.note) == ("partial", ("Folder NL", "Website"), '=HYPERLINK("http://x")')
    assert (ten.action.description, ten.action.owner, ten.action.due, ten.action.priority) == (
        "Folder vertalen", "Communicatie", dt.date(2027, 3, 1), "high")
    assert a.answers["outreach.3"].result == "na" and a.answers["2.1"].result == "not_met"
    anker = assessment_file.load(str(tmp_path / "from-xlsx" / "het-anker.yaml"), catalog).assessment
    assert anker.answers["7.8"].note == "1.10" and anker.answers["3.10"].result == "met"

    # ... and the report shows all of it
    status, md, _ = cli("report", str(tmp_path / "from-xlsx" / "de-overloop.yaml"), "--lang", "nl")
    assert status == 0
    for text in ("Folder NL", "Website", "HYPERLINK", "Folder vertalen", "Communicatie", "2027-03-01",
                 "Geen klachtenregeling", "Klachtenregeling opstellen", "Geen straatwerk", "M. de Vries"):
        assert text in md, text


def test_an_english_form_reads_english_answers(cli, tmp_path: Path, catalog) -> None:
    target = tmp_path / "form.xlsx"
    assert cli("template", "--format", "xlsx", "--service", "The Dock", "--lang", "en", "-o", str(target))[0] == 0
    wb = load_workbook(target)
    ws = wb["The Dock"]
    fill(ws, "1.1", "partially met", action="Longer hours", priority="medium")
    fill(ws, "2.2", "not applicable")
    wb.save(target)
    assert cli("import", str(target), "-o", str(tmp_path / "out"))[0] == 0
    a = assessment_file.load(str(tmp_path / "out" / "the-dock.yaml"), catalog).assessment
    assert {k: v.result for k, v in a.answers.items()} == {"1.1": "partial", "2.2": "na"}
    assert a.answers["1.1"].action.priority == "medium" and a.language == "en"


def test_problems_name_the_sheet_and_the_cell(cli, form: Path, tmp_path: Path) -> None:
    wb = load_workbook(form)
    ws = wb["De Overloop"]
    ws["B5"] = "gisteren"
    fill(ws, "1.1", "voldaan")
    fill(ws, "1.2", "ja")
    fill(ws, "1.3", due="14-10-2026")
    row = row_of(ws, "1.4")
    ws[f"A{row}"] = 1.1  # the id became a number
    ws[f"F{row}"] = "voldaan"
    wb["Het Anker"]["B2"] = "inloop"
    fill(wb["Het Anker"], "2.2", "voldaan", owner="Jan")
    wb.save(form)
    out = tmp_path / "out"
    status, stdout, stderr = cli("import", str(form), "-o", str(out))
    assert (status, stdout) == (2, "")
    assert stderr.splitlines() == [
        f"{form}:'De Overloop'!B5: column 'date': 'gisteren' is not a date (YYYY-MM-DD); format the column as text "
        "or as yyyy-mm-dd",
        f"{form}:'De Overloop'!F11: column 'result': 'ja' is not a result; use met, partial, not_met or na "
        "(or leave it empty: not assessed)",
        f"{form}:'De Overloop'!K12: column 'due': '14-10-2026' is not a date (YYYY-MM-DD); format the column as text "
        "or as yyyy-mm-dd",
        f"{form}:'De Overloop'!K12: column 'due': given without an action (column 'action' is empty)",
        f"{form}:'De Overloop'!A13: norm '1.1' given twice for service 'De Overloop' (first on row 10 of sheet "
        "'De Overloop'); a spreadsheet may have turned 1.10 into 1.1: format the norm column as text and check both "
        "rows".replace("A13: norm", "A13: column 'norm': norm"),
        f"{form}:'De Overloop'!A13: the cell holds the number 1.1, not text: a spreadsheet may have turned 1.10 into "
        "1.1; format the column as text and type the id again",
        f"{form}:'Het Anker'!J21: column 'owner': given without an action (column 'action' is empty)",
    ]
    assert not out.exists()


def test_long_and_wide_layouts_in_any_sheet(cli, tmp_path: Path, catalog) -> None:
    wb = Workbook()
    wb.active.title = "Toelichting"
    wb.active["A1"] = "Ingevuld door de regio"
    long = wb.create_sheet("Antwoorden")
    long.append(["Dienst", "Norm", "Resultaat", "Opmerking", "Uiterlijk", "Actie", "Datum"])
    long.append(["De Brug", "1.10", "niet voldaan", "Weekend dicht", dt.datetime(2027, 1, 31), "Open op zaterdag",
                 dt.datetime(2026, 9, 1)])
    long.append(["De Brug", "2.5", "met"])  # a number that cannot be another id (there is no 2.50)
    long["B3"].value = 2.5
    wide = wb.create_sheet("Snel")
    wide.append(["service", "kind", "1.1", "3.10", "outreach.1"])
    wide.append(["Het Dok", "inloop", "na", "partial", "met"])
    path = tmp_path / "regio.xlsx"
    wb.save(path)
    status, _, err = cli("import", str(path), "-o", str(tmp_path / "out"))
    assert status == 0
    assert err == (f"{path}:Toelichting: warning: no header row of answers (service, norm, result or norm ids) in "
                   "this sheet; skipped\n")
    brug = assessment_file.load(str(tmp_path / "out" / "de-brug.yaml"), catalog).assessment
    assert {k: v.result for k, v in brug.answers.items()} == {"1.10": "not_met", "2.5": "met"}
    assert brug.answers["1.10"].action.due == dt.date(2027, 1, 31) and brug.date == dt.date(2026, 9, 1)
    dok = assessment_file.load(str(tmp_path / "out" / "het-dok.yaml"), catalog).assessment
    assert {k: v.result for k, v in dok.answers.items()} == {"1.1": "na", "3.10": "partial", "outreach.1": "met"}
    assert dok.settings == ("outreach",) and dok.service.kind == "inloop"


def test_a_service_on_two_sheets_is_caught(cli, tmp_path: Path) -> None:
    wb = Workbook()
    wb.active.append(["service", "1.1"])
    wb.active.append(["X", "met"])
    other = wb.create_sheet("Tweede")
    other.append(["service", "1.2"])
    other.append(["X", "met"])
    path = tmp_path / "twice.xlsx"
    wb.save(path)
    assert cli("import", str(path), "-o", str(tmp_path / "out"))[2] == (
        f"{path}:Tweede!A2: column 'service': service 'X' is already on row 2 of sheet 'Sheet'; the WIDE layout has "
        "one row per service\n")


def _zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.parametrize(("name", "data", "message"), [
    ("text.xlsx", b"service,norm,result\nX,1.1,met\n",
     "not an Excel workbook (.xlsx), although it is named so: the file is text; a CSV must be named .csv"),
    ("binary.xlsx", bytes(range(256)) * 4,
     "not an Excel workbook (.xlsx), although it is named so: the file is not a workbook; a CSV must be named .csv"),
    ("secret.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600),
     "a password-protected workbook or an old Excel file (.xls): remove the password (File → Info → Protect "
     "Workbook) or save it as an Excel workbook (.xlsx), then import it again"),
    ("old.csv", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600),
     "a password-protected workbook or an old Excel file (.xls): remove the password (File → Info → Protect "
     "Workbook) or save it as an Excel workbook (.xlsx), then import it again"),
    ("other.xlsx", _zip({"hello.txt": b"hi"}), "cannot read this workbook: it is damaged or not an .xlsx"),
    ("broken.xlsx", _zip({"[Content_Types].xml": b"<Types", "xl/workbook.xml": b"<nope"}),
     "cannot read this workbook: it is damaged or not an .xlsx"),
    ("empty.xlsx", b"", "not an Excel workbook (.xlsx), although it is named so: the file is text; a CSV must be "
                        "named .csv"),
])
def test_a_bad_workbook_is_one_line(cli, tmp_path: Path, name: str, data: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    status, out, err = cli("import", str(path), "-o", str(tmp_path / "out"))
    assert (status, out) == (2, "")
    assert len(err.splitlines()) == 1 and err.startswith(f"{path}: {message}"), err
    assert "Traceback" not in err


def test_a_damaged_real_workbook_and_one_without_answers(cli, form: Path, tmp_path: Path) -> None:
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(form.read_bytes()[:3000])
    status, _, err = cli("import", str(cut), "-o", str(tmp_path / "out"))
    assert status == 2 and len(err.splitlines()) == 1 and err.startswith(f"{cut}: cannot read this workbook")
    wb = Workbook()
    wb.active["A1"] = "nothing here"
    empty = tmp_path / "nothing.xlsx"
    wb.save(empty)
    err = cli("import", str(empty), "-o", str(tmp_path / "out"))[2]
    assert err.splitlines()[-1] == (f"{empty}: no sheet holds a table of answers: a header row with service, norm "
                                    "and result (one row per norm), or service and a column per norm id")


def test_a_workbook_on_stdin_is_told_by_its_bytes(cli, form: Path, tmp_path: Path, monkeypatch, catalog) -> None:
    workbook = filled(form)
    fake = io.TextIOWrapper(io.BytesIO(workbook.read_bytes()))
    monkeypatch.setattr(sys, "stdin", fake)
    assert cli("import", "-", "-o", str(tmp_path / "out"))[0] == 0
    loaded = assessment_file.load(str(tmp_path / "out" / "het-anker.yaml"), catalog)
    assert loaded.assessment.answers["3.10"].result == "met"


def test_a_norm_id_turned_into_a_date_is_explained(cli, tmp_path: Path) -> None:
    wb = Workbook()
    wb.active.append(["service", "norm", "result"])
    wb.active.append(["X", dt.datetime(2026, 10, 1), "met"])
    path = tmp_path / "dates.xlsx"
    wb.save(path)
    status, _, err = cli("import", str(path), "-o", str(tmp_path / "out"))
    assert status == 2
    assert f"{path}:Sheet!B2: the cell holds a date: a spreadsheet turned a norm id (such as 1.10) into a date; " \
           "format the column as text and type the id again" in err.splitlines()


def test_a_sheet_that_unpacks_into_too_many_rows_is_refused(cli, tmp_path: Path, monkeypatch) -> None:
    import assess.files.workbook_reader as reader

    monkeypatch.setattr(reader, "MAX_ROWS", 5)
    wb = Workbook()
    wb.active.append(["service", "norm", "result"])
    for number in range(1, 10):
        wb.active.append(["X", f"1.{number}", "met"])
    path = tmp_path / "big.xlsx"
    wb.save(path)
    assert cli("import", str(path), "-o", str(tmp_path / "out")) == (
        2, "", f"{path}:Sheet: too big: more than 5 rows or 3,000,000 cells; split the workbook\n")


def test_the_form_reads_back_the_kind_of_source(cli, tmp_path: Path, catalog) -> None:
    from openpyxl import load_workbook

    form = tmp_path / "form.xlsx"
    status, _, err = cli("template", "--format", "xlsx", "--service", "De Kade", "--lang", "nl", "-o", str(form))
    assert status == 0, err
    wb = load_workbook(form)
    ws = wb[wb.sheetnames[-1]]
    header = next(r for r in ws.iter_rows(min_row=1, max_row=15) if r[0].value == "Norm")
    col = {c.value: c.column for c in header}
    row = next(r for r in ws.iter_rows(min_row=header[0].row + 1) if r[0].value == "2.2")[0].row
    ws.cell(row, col["Resultaat"], "voldaan")
    ws.cell(row, col["Bewijs"], "Formulier\nGesprek")
    ws.cell(row, col["Soort bron"], "document\ninterview cliënt")
    wb.save(form)
    out = tmp_path / "out"
    status, _, err = cli("import", str(form), "-o", str(out))
    assert status == 0, err
    a = assessment_file.load(str(out / "de-kade.yaml"), catalog).assessment
    assert a.answer("2.2").sources == ("document", "service-user-interview")


def one_answer_workbook(path: Path, edit: dict[str, tuple[bytes, bytes]]) -> Path:
    """A workbook of one answer, saved at ``path``, then in its zip each member named in ``edit`` with its first
    ``old`` replaced by ``new``: what openpyxl would not write itself."""
    wb = Workbook()
    wb.active.append(["service", "norm", "result"])
    wb.active.append(["De Brug", "1.1", "met"])
    wb.save(path)
    with zipfile.ZipFile(path) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    for name, (old, new) in edit.items():
        assert old in members[name]
        members[name] = members[name].replace(old, new, 1)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def test_a_workbook_that_unpacks_to_too_much_is_refused_before_it_is_read(cli, tmp_path: Path) -> None:
    """A small file of a huge sheet (a row of 3 million cells: 348 KB, 2.8 GB of memory) is refused on the sizes
    its zip declares, before openpyxl builds a cell."""
    cells = '<c t="inlineStr"><is><t>x</t></is></c>' * 2_000_000  # 76 MB of XML, a few hundred KB packed
    path = one_answer_workbook(tmp_path / "groot.xlsx",
                               {"xl/worksheets/sheet1.xml": (b"</row>", cells.encode() + b"</row>")})
    assert path.stat().st_size < 1_000_000
    status, _, err = cli("import", str(path), "-o", str(tmp_path / "out"))
    assert status == 2
    assert err.startswith(f"{path}: too large when unpacked (") and err.count("\n") == 1
    assert not (tmp_path / "out").exists()


def test_openpyxl_warnings_are_not_printed(cli, tmp_path: Path) -> None:
    """A defined name of a missing sheet (warned as the workbook opens) and an extension openpyxl does not support
    (warned as the sheet is read): no warning with a site-packages path on stderr."""
    path = one_answer_workbook(tmp_path / "w.xlsx", {
        "xl/workbook.xml": (b"<definedNames/>", b'<definedNames><definedName name="_xlnm.Print_Area" '
                            b'localSheetId="1">Sheet!$A$1:$B$2</definedName></definedNames>'),
        "xl/worksheets/sheet1.xml": (b"</worksheet>", b'<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" '
                                     b'xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">'
                                     b'<x14:dataValidations count="0"/></ext></extLst></worksheet>')})
    result = subprocess.run([sys.executable, "-W", "default", "-m", "assess", "import", str(path), "-o",
                             str(tmp_path / "out")], capture_output=True, text=True, timeout=60)
    assert (result.returncode, result.stderr) == (0, "")
    assert (tmp_path / "out" / "de-brug.yaml").is_file()
