"""File and service names that hold control characters or undecodable bytes, through every portfolio format and
the fill-in workbook: no raw control character in any file written, no traceback, each name shown as an escape
(``\\x1b``, ``\\udcff``), as on a terminal. Found by a hostile review: the portfolio's list of files not processed
was written as it was, and a name that is not UTF-8 stopped the portfolio (md, csv, xlsx)."""

from __future__ import annotations

import os
import re
import zipfile
from pathlib import Path

import openpyxl

from assess.files.paths import package_data

RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200b-\u200f\ud800-\udfff]")
FORMATS = "md,json,csv,html,xlsx"


def _demo() -> bytes:
    return (package_data("data") / "demo.yaml").read_bytes()


def _raw_in_outputs(folder: Path) -> dict[str, list[str]]:
    found = {}
    for path in folder.iterdir():
        if path.suffix == ".xlsx":
            with zipfile.ZipFile(path) as book:
                text = "".join(book.read(n).decode("utf-8") for n in book.namelist() if n.endswith(".xml"))
        else:
            text = path.read_text(encoding="utf-8")  # every text file is valid UTF-8, too
        if raw := RAW.findall(text):
            found[path.name] = raw[:3]
    return found


def test_a_failing_file_named_with_escapes_is_listed_escaped_in_every_portfolio(cli, tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "ok.yaml").write_bytes(_demo())
    (inputs / "bad\x1b]0;PWN\x07\x1b[2J\x9b\u202e.yaml").write_text("assess: 1\n", encoding="utf-8")
    status, _, err = cli("batch", str(inputs), "--out", str(tmp_path / "out"), "--format", FORMATS, "--jobs", "1")
    assert status == 2 and "Traceback" not in err
    out = tmp_path / "out"
    assert _raw_in_outputs(out) == {}
    escaped = "bad\\x1b]0;PWN\\x07\\x1b[2J\\x9b\\u202e.yaml"
    for name in ("portfolio.md", "portfolio.html"):
        assert escaped in (out / name).read_text(encoding="utf-8"), name  # the list of files not processed
    sheet = openpyxl.load_workbook(out / "portfolio.xlsx").worksheets[-1]
    assert any(escaped in str(cell.value) for row in sheet.iter_rows() for cell in row)


def test_names_that_are_not_utf8_stop_no_portfolio(cli, tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    folder = os.fsencode(inputs)
    with open(folder + b"/good\xfe.yaml", "wb") as handle:
        handle.write(_demo())
    with open(folder + b"/bad\xff.yaml", "wb") as handle:
        handle.write(b"assess: 1\n")
    status, _, err = cli("batch", str(inputs), "--out", str(tmp_path / "out"), "--format", FORMATS, "--jobs", "1")
    assert status == 2 and "Traceback" not in err and "bad\\udcff.yaml:1:" in err
    out = tmp_path / "out"
    assert {p.name for p in out.iterdir()} >= {f"portfolio.{fmt}" for fmt in FORMATS.split(",")}
    assert _raw_in_outputs(out) == {}
    for name in ("portfolio.csv", "portfolio.json"):
        text = (out / name).read_text(encoding="utf-8")
        assert "good\\udcfe.yaml" in text, name  # the counted service's file, written as the terminal shows it
    assert "bad\\udcff.yaml" in (out / "portfolio.md").read_text(encoding="utf-8")


def test_the_fill_in_workbook_takes_a_service_name_with_control_characters(cli, tmp_path: Path) -> None:
    target = tmp_path / "form.xlsx"
    status, _, err = cli("template", "--service", "T\x1b]0;x\x07\u202e\x9b", "--format", "xlsx", "-o", str(target))
    assert status == 0, err
    book = openpyxl.load_workbook(target)
    titles = [sheet.title for sheet in book.worksheets]
    assert not any(RAW.search(title) for title in titles) and any(title.startswith("T") for title in titles[1:])
    cells = [str(c.value) for sheet in book.worksheets for row in sheet.iter_rows() for c in row if c.value]
    assert "T\\x1b]0;x\\x07\\u202e\\x9b" in cells and not any(RAW.search(text) for text in cells)


def test_a_workbook_cell_shows_controls_as_escapes() -> None:
    from assess.render.xlsx.cells import clean

    assert clean("a\x1b[2Jb\x9bc\x7fd\u202ee\u200bf") == "a\\x1b[2Jb\\x9bc\\x7fd\\u202ee\\u200bf"
    assert clean("line 1\r\nline 2\tend – één") == "line 1\nline 2\tend – één"
    assert clean("=HYPERLINK(\"x\")") == "=HYPERLINK(\"x\")"  # text stays text: as_text makes it a string cell
