"""assess import: a CSV of answers becomes assessment files, or exit 2 with FILE:LINE: column: message."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from assess.files import assessment_file

HEADER = "service,norm,result,evidence,note,action,owner,due,priority,kind,location,assessor,date,language\n"


def load(path: Path, catalog):
    return assessment_file.load(str(path), catalog).assessment


@pytest.fixture
def csv_file(tmp_path: Path):
    def _write(text: str, name: str = "answers.csv", encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        path.write_bytes(text.encode(encoding))
        return path
    return _write


def test_long_layout(cli, csv_file, tmp_path: Path, catalog) -> None:
    path = csv_file(
        HEADER
        + 'De Overloop,1.10,partial,"Folder NL\nWebsite",Alleen Nederlands,Folder vertalen,Communicatie,2027-03-01,'
          'hoog,gebruiksruimte,Dordrecht,M. de Vries; S. Bakker,2026-10-14,nl\n'
        + "De Overloop,1.1,N.v.t.,,Systeemnorm,,,,,,,,,\n"
        + "De Overloop,outreach.3,niet voldaan,,,,,,,,,S. Bakker,,\n"
        + "De Overloop,1.2,,,,,,,,,,,,\n"  # nothing filled in: not assessed
        + "Het Anker,1.1,met,,,,,,,medicatiepoli,,,,\n"
        + ",,,,,,,,,,,,,\n"  # an empty row, as spreadsheets export them
    )
    out = tmp_path / "out"
    status, stdout, stderr = cli("import", str(path), "-o", str(out))
    assert (status, stderr) == (0, "")
    assert stdout == (f"{out / 'de-overloop.yaml'}: De Overloop (2 of 62 norms assessed; outreach: 1 of 13)\n"
                      f"{out / 'het-anker.yaml'}: Het Anker (1 of 62 norms assessed)\n")
    a = load(out / "de-overloop.yaml", catalog)
    assert (a.service.name, a.service.kind, a.service.location) == ("De Overloop", "gebruiksruimte", "Dordrecht")
    assert a.assessors == ("M. de Vries", "S. Bakker")
    assert a.date.isoformat() == "2026-10-14" and a.language == "nl"
    assert a.settings == ("outreach",)  # from the outreach.3 row
    assert list(a.answers) == ["1.1", "1.10", "outreach.3"]
    assert a.answers["1.10"].result == "partial"
    assert a.answers["1.10"].evidence == ("Folder NL", "Website")
    assert a.answers["1.10"].note == "Alleen Nederlands"
    action = a.answers["1.10"].action
    assert (action.description, action.owner, action.due.isoformat(), action.priority) == \
        ("Folder vertalen", "Communicatie", "2027-03-01", "high")
    assert a.answers["1.1"].result == "na" and a.answers["outreach.3"].result == "not_met"
    text = (out / "de-overloop.yaml").read_text(encoding="utf-8")
    assert '  "1.10":\n    result: partial' in text, "norm ids stay text"
    assert load(out / "het-anker.yaml", catalog).answers["1.1"].result == "met"


def test_semicolons_bom_dutch_headers_and_crlf(cli, csv_file, tmp_path: Path, catalog) -> None:
    path = csv_file("\ufeffDienst;Norm;Resultaat;Opmerking\r\n"
                    "De Brug;2.1;Voldaan;Prima\r\nDe Brug;2.2;gedeeltelijk;\r\n")
    assert cli("import", str(path), "-o", str(tmp_path / "out"))[0] == 0
    a = load(tmp_path / "out" / "de-brug.yaml", catalog)
    assert {k: v.result for k, v in a.answers.items()} == {"2.1": "met", "2.2": "partial"}
    assert a.answers["2.1"].note == "Prima"


def test_wide_layout(cli, csv_file, tmp_path: Path, catalog) -> None:
    path = csv_file("service,kind,1.1,1.10,2.1,outreach.1\nDe Overloop,gebruiksruimte,met,not_met,,partial\n"
                    "Het Anker,,na,met,met,\n")
    status, _, stderr = cli("import", str(path), "-o", str(tmp_path / "out"))
    assert (status, stderr) == (0, "")
    a = load(tmp_path / "out" / "de-overloop.yaml", catalog)
    assert {k: v.result for k, v in a.answers.items()} == {"1.1": "met", "1.10": "not_met", "outreach.1": "partial"}
    assert a.settings == ("outreach",)
    b = load(tmp_path / "out" / "het-anker.yaml", catalog)
    assert {k: v.result for k, v in b.answers.items()} == {"1.1": "na", "1.10": "met", "2.1": "met"}


def test_errors_name_line_and_column_and_nothing_is_written(cli, csv_file, tmp_path: Path) -> None:
    path = csv_file(
        HEADER                                                         # line 1
        + "De Overloop,1.1,met,,,,,,,gebruiksruimte,,,,\n"             # line 2
        + "De Overloop,8.1,met,,,,,,,,,,,\n"                           # line 3: unknown norm
        + "De Overloop,1.2,voldoende,,,,,,,,,,,\n"                     # line 4: bad result
        + "De Overloop,1.1,partial,,,,,,,,,,,\n"                       # line 5: 1.10 became 1.1
        + "De Overloop,1,3,met,,,,,,,,,,\n"                            # line 6: 1,3 split into two cells
        + "Het Anker,\"1,1\",met,,,,,,,,,,,\n"                         # line 7: decimal comma
        + "Het Anker,2.1,met,,,,Jan,14-10-2026,urgent,,,,,\n"          # line 8: owner/due/priority, no action
        + "Het Anker,2.2,met,,,,,,,,,,2026-02-30,fr\n"                 # line 9: bad date and language
        + ",2.3,met,,,,,,,,,,,\n"                                      # line 10: no service
        + "De Overloop,2.4,met,,,,,,,medicatiepoli,,,,\n"              # line 11: kind differs from line 2
        + "De Overloop,,met,,,,,,,,,,,\n"                              # line 12: no norm
        + "De Overloop,2.5,met,,,,,,,,,,,,x\n"                         # line 13: too many cells
    )
    out = tmp_path / "out"
    status, stdout, stderr = cli("import", str(path), "-o", str(out))
    assert status == 2 and stdout == ""
    assert stderr.splitlines() == [
        f"{path}:3: column 'norm': unknown norm id '8.1'; did you mean '7.1'?",
        f"{path}:4: column 'result': 'voldoende' is not a result; use met, partial, not_met or na "
        "(or leave it empty: not assessed)",
        f"{path}:5: column 'norm': norm '1.1' given twice for service 'De Overloop' (first on line 2); a spreadsheet "
        "may have turned 1.10 into 1.1: format the norm column as text and check both rows",
        f"{path}:6: column 'norm': '1', then '3' under 'result': a norm id written with a decimal comma (1,3) was "
        "split into two cells; format the norm column as text and write 1.3",
        f"{path}:7: column 'norm': '1,1' has a decimal comma: the spreadsheet read the norm id as a number "
        "(1.10 may have become 1,1); format the column as text and type the ids again",
        f"{path}:8: column 'due': '14-10-2026' is not a date (YYYY-MM-DD); format the column as text or as yyyy-mm-dd",
        f"{path}:8: column 'priority': 'urgent' is not a priority; use high, medium or low",
        f"{path}:8: column 'owner': given without an action (column 'action' is empty)",
        f"{path}:8: column 'due': given without an action (column 'action' is empty)",
        f"{path}:8: column 'priority': given without an action (column 'action' is empty)",
        f"{path}:9: column 'date': '2026-02-30' is not a date (YYYY-MM-DD); format the column as text or as yyyy-mm-dd",
        f"{path}:9: column 'language': 'fr' is not a language; use nl or en",
        f"{path}:10: column 'service': empty; every row needs the service's name",
        f"{path}:11: column 'kind': 'medicatiepoli' differs from 'gebruiksruimte' given for service 'De Overloop' "
        "on line 2",
        f"{path}:12: column 'norm': empty; every row needs a norm id such as 1.10",
        f"{path}:13: 15 cells, but the header has 14; is a value missing quotes?",
    ]
    assert not out.exists()


def test_a_split_norm_id_is_explained_even_when_it_overflows_the_header(cli, csv_file, tmp_path: Path) -> None:
    # only the three required columns: the split pushes the result into a fourth cell, beyond the header
    path = csv_file("service,norm,result\nDe Brug,1,3,met\ndienst,resultaat,norm\n")
    other = csv_file("dienst,resultaat,norm\nDe Brug,met,1,3\n", "other.csv")
    status, _, stderr = cli("import", str(path), "-o", str(tmp_path / "out"))
    assert status == 2
    assert stderr.splitlines()[0] == (
        f"{path}:2: column 'norm': '1', then '3' under 'result': a norm id written with a decimal comma (1,3) was "
        "split into two cells; format the norm column as text and write 1.3")
    assert cli("import", str(other), "-o", str(tmp_path / "out"))[2] == (
        f"{other}:2: column 'norm': '1', then '3' in an extra cell: a norm id written with a decimal comma (1,3) "
        "was split into two cells; format the norm column as text and write 1.3\n")


def test_missing_and_mistyped_columns(cli, csv_file, tmp_path: Path) -> None:
    path = csv_file("service,norm,evidense,Tijdstempel\nX,1.1,a,b\n")
    status, _, stderr = cli("import", str(path), "-o", str(tmp_path / "out"))
    assert status == 2
    lines = stderr.splitlines()
    assert lines[0] == f"{path}:1: column 'evidense': unknown column; did you mean 'evidence'?"
    assert lines[1].startswith(f"{path}:1: missing column 'result'; the LONG layout has one row per service per norm")
    assert lines[2:] == [f"{path}:1: warning: column 'Tijdstempel' is not used"]  # shown with the errors (issue 13)


def test_unused_columns_are_a_warning(cli, csv_file, tmp_path: Path) -> None:
    path = csv_file("Tijdstempel,service,norm,result\n2026-10-01 10:00,X,1.1,met\n")
    status, _, stderr = cli("import", str(path), "-o", str(tmp_path / "out"))
    assert status == 0
    assert stderr == f"{path}:1: warning: column 'Tijdstempel' is not used\n"


def test_wide_header_trap_and_unknown_norm(cli, csv_file, tmp_path: Path) -> None:
    path = csv_file("service,1.1,1.2,1.1,9.1\nX,met,met,met,met\n")
    status, _, stderr = cli("import", str(path), "-o", str(tmp_path / "out"))
    assert status == 2
    assert stderr.splitlines() == [
        f"{path}:1: column '1.1': norm '1.1' has two columns (2 and 4); a spreadsheet may have turned 1.10 into 1.1: "
        "format the header row as text",
        f"{path}:1: column '9.1': unknown norm id '9.1'; did you mean '7.1'?",
    ]


def test_wide_layout_bad_cell_and_repeated_service(cli, csv_file, tmp_path: Path) -> None:
    path = csv_file("service,1.1,1.2\nX,met,ja\nX,met,met\n")
    status, _, stderr = cli("import", str(path), "-o", str(tmp_path / "out"))
    assert status == 2
    assert stderr.splitlines() == [
        f"{path}:2: column '1.2': 'ja' is not a result; use met, partial, not_met or na "
        "(or leave it empty: not assessed)",
        f"{path}:3: column 'service': service 'X' is already on line 2; the WIDE layout has one row per service",
    ]


def test_names_that_differ_only_in_capitals_are_two_services_with_a_warning(cli, csv_file, tmp_path: Path) -> None:
    path = csv_file("service,norm,result\nDe Brug,1.1,met\nde brug,1.2,met\nDe Brug,1.3,met\n")
    status, _, stderr = cli("import", str(path), "-o", str(tmp_path / "out"))
    assert status == 0
    assert stderr == (f"{path}:3: warning: column 'service': 'de brug' differs from 'De Brug' (line 2) only in "
                      "capitals; they become two services\n")
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["de-brug-2.yaml", "de-brug.yaml"]


def test_never_overwrites_without_force(cli, csv_file, tmp_path: Path) -> None:
    path = csv_file("service,norm,result\nDe Brug,1.1,met\nHet Dok,1.1,met\n")
    out = tmp_path / "out"
    out.mkdir()
    (out / "het-dok.yaml").write_text("mine\n", encoding="utf-8")
    status, _, stderr = cli("import", str(path), "-o", str(out))
    assert status == 2
    assert stderr == f"{out / 'het-dok.yaml'}: already exists; not overwritten (use --force)\n"
    assert sorted(p.name for p in out.iterdir()) == ["het-dok.yaml"], "nothing written, not even de-brug.yaml"
    assert (out / "het-dok.yaml").read_text(encoding="utf-8") == "mine\n"
    status, _, stderr = cli("import", str(path), "-o", str(out), "--force")
    assert status == 0
    [backup] = out.glob("het-dok.yaml.before-import-*.bak")
    assert backup.read_text(encoding="utf-8") == "mine\n", "the file replaced is kept"
    assert f"the file it replaced is kept in {backup.name}" in stderr
    assert sorted(p.name for p in out.iterdir() if p != backup) == ["de-brug.yaml", "het-dok.yaml"]
    assert cli("import", str(path), "-o", str(out), "--force")[0] == 0
    assert len(list(out.glob("*.bak"))) == 1, "a file that holds what is written again needs no backup"


@pytest.mark.parametrize("how", ["the same path", "a symlink"])
def test_force_never_overwrites_the_sheet_it_reads(cli, tmp_path: Path, how: str) -> None:
    out = tmp_path / "out"
    out.mkdir()
    rows = "service,norm,result\nDe Overloop,1.1,met\n"
    if how == "the same path":
        sheet = out / "de-overloop.yaml"
        sheet.write_text(rows, encoding="utf-8")
    else:
        sheet = out / "in.csv"
        sheet.write_text(rows, encoding="utf-8")
        (out / "de-overloop.yaml").symlink_to("in.csv")
    status, _, stderr = cli("import", str(sheet), "-o", str(out), "--force")
    assert status == 2 and "is also an input" in stderr and stderr.count("\n") == 1
    assert sheet.read_text(encoding="utf-8") == rows


def test_force_refuses_a_read_only_assessment(cli, csv_file, tmp_path: Path) -> None:
    path = csv_file("service,norm,result\nHet Dok,1.1,met\n")
    out = tmp_path / "out"
    out.mkdir()
    frozen = out / "het-dok.yaml"
    frozen.write_text("# mine, frozen\n", encoding="utf-8")
    frozen.chmod(0o444)
    status, _, stderr = cli("import", str(path), "-o", str(out), "--force")
    assert status == 2 and "read-only" in stderr and stderr.count("\n") == 1
    assert frozen.read_text(encoding="utf-8") == "# mine, frozen\n"
    assert [p.name for p in out.iterdir()] == ["het-dok.yaml"]


def test_same_file_name_for_two_services(cli, csv_file, tmp_path: Path) -> None:
    path = csv_file("service,norm,result\nDe Brug,1.1,met\nde brug!,1.1,met\n")
    status, stdout, _ = cli("import", str(path), "-o", str(tmp_path / "out"))
    assert status == 0
    assert "de-brug.yaml: De Brug" in stdout and "de-brug-2.yaml: de brug!" in stdout


def test_not_utf8(cli, csv_file, tmp_path: Path) -> None:
    path = csv_file("service,norm,result\nHeroïnepoli,1.1,met\n", encoding="cp1252")
    status, _, stderr = cli("import", str(path), "-o", str(tmp_path / "out"))
    assert status == 2
    assert stderr.startswith(f"{path}:2: not UTF-8 text; save the spreadsheet as “CSV UTF-8”")


def test_empty_and_header_only(cli, csv_file, tmp_path: Path) -> None:
    assert cli("import", str(csv_file("", "empty.csv")), "-o", str(tmp_path / "o"))[2].endswith(
        "empty.csv:1: the first line must be the header (service, norm, result, ...)\n")
    assert cli("import", str(csv_file("service,norm,result\n", "h.csv")), "-o", str(tmp_path / "o"))[2] == \
        f"{tmp_path / 'h.csv'}: no answers: the file has a header but no rows\n"


def test_stdin(cli, tmp_path: Path, monkeypatch, catalog) -> None:
    fake = io.TextIOWrapper(io.BytesIO(b"service,norm,result\nX,3.10,partial\n"), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", fake)
    assert cli("import", "-", "-o", str(tmp_path / "out"))[0] == 0
    assert load(tmp_path / "out" / "x.yaml", catalog).answers["3.10"].result == "partial"


def test_import_then_batch(cli, csv_file, tmp_path: Path) -> None:
    path = csv_file("service,norm,result\nDe Brug,1.1,met\nDe Brug,1.2,not_met\nHet Dok,2.2,not_met\n")
    assert cli("import", str(path), "-o", str(tmp_path / "answers"))[0] == 0
    status, _, stderr = cli("batch", str(tmp_path / "answers"), "--out", str(tmp_path / "reports"), "--lang", "en")
    assert (status, stderr) == (0, "")
    md = (tmp_path / "reports" / "portfolio.md").read_text(encoding="utf-8")
    assert "[De Brug](de-brug.md)" in md and "[Het Dok](het-dok.md)" in md


@pytest.mark.parametrize(("locale", "first_line"), [
    ("en_GB.UTF-8", "# assess assessment file, format 1."),
    ("nl_NL.UTF-8", "# assess-beoordelingsbestand, formaat 1."),
])
def test_comments_follow_the_system_language_without_lang(cli, csv_file, tmp_path: Path, monkeypatch,
                                                          locale: str, first_line: str) -> None:
    monkeypatch.setenv("LC_ALL", locale)
    path = csv_file("service,norm,result\nDe Brug,1.1,met\n")
    assert cli("import", str(path), "-o", str(tmp_path / "out"))[0] == 0
    assert (tmp_path / "out" / "de-brug.yaml").read_text(encoding="utf-8").startswith(first_line)


def test_evidence_lines_break_only_at_line_breaks(cli, csv_file, tmp_path: Path, catalog) -> None:
    """A cell's evidence is one item per line: \\n, \\r\\n or \\r; U+0085, U+2028 and a form feed are characters of
    the text (str.splitlines would have split at them), kept as written."""
    path = csv_file(HEADER + 'De Overloop,1.2,met,"Folder\x85NL\r\nWebsite\u2028oud\rPoster\x0cA4",,,,,,,,,,\n')
    out = tmp_path / "out"
    status, _, stderr = cli("import", str(path), "-o", str(out))
    assert status == 0, stderr
    evidence = load(out / "de-overloop.yaml", catalog).answers["1.2"].evidence
    assert evidence == ("Folder\x85NL", "Website\u2028oud", "Poster\x0cA4")


def test_force_refuses_a_fifo_under_an_output_name_at_once(cli, csv_file, tmp_path: Path) -> None:
    """A FIFO named as one of the outputs is refused before anything is written, not waited on."""
    import os
    import time

    path = csv_file("service,norm,result\nAlpha,1.1,met\nBeta,1.2,met\n")
    out = tmp_path / "out"
    out.mkdir()
    os.mkfifo(out / "beta.yaml")
    start = time.monotonic()
    status, _, stderr = cli("import", str(path), "-o", str(out), "--force")
    assert time.monotonic() - start < 1.5, "not the 2 s wait for a reader"
    assert status == 2 and stderr.count("\n") == 1
    assert stderr.startswith(f"{out / 'beta.yaml'}: cannot write: a pipe (FIFO) has this name, not a regular file")
    assert [p.name for p in out.iterdir()] == ["beta.yaml"], "alpha.yaml not written either"


def test_a_utf16_sheet_is_named_so(cli, csv_file, tmp_path: Path) -> None:
    path = csv_file("service,norm,result\nDe Brug,1.1,met\n", encoding="utf-16")
    status, _, stderr = cli("import", str(path), "-o", str(tmp_path / "out"))
    assert status == 2
    assert stderr == (f"{path}:1: UTF-16 text (saved as \"Unicode\"): save the spreadsheet as “CSV UTF-8” "
                      "(Excel: Save as → CSV UTF-8)\n")
