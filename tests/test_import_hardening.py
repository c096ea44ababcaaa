"""assess import: old Mac line ends, NUL bytes, Dutch header typos, empty rows in the duplicate check."""

from __future__ import annotations

from pathlib import Path

import pytest


def sheet(tmp_path: Path, data: bytes) -> Path:
    path = tmp_path / "answers.csv"
    path.write_bytes(data)
    return path


def test_a_cr_only_csv_is_read(cli, tmp_path: Path) -> None:
    path = sheet(tmp_path, b"service;norm;result;opmerking\rX;1.1;voldaan;eerste\rX;1.2;niet voldaan;\r")
    status, out, err = cli("import", str(path), "-o", str(tmp_path / "out"))
    assert (status, err) == (0, "")
    assert out == f"{tmp_path / 'out' / 'x.yaml'}: X (2 of 62 norms assessed)\n"


def test_a_cr_only_csv_names_the_right_line(cli, tmp_path: Path) -> None:
    path = sheet(tmp_path, b"service;norm;result\rX;1.1;voldaan\rX;1.2;fout\r")
    status, _, err = cli("import", str(path), "-o", str(tmp_path / "out"))
    assert status == 2
    assert err.startswith(f"{path}:3: column 'result': ")


@pytest.mark.parametrize(("data", "line"), [
    (b"service,norm,result\nX,1.1,met\x00\n", 2),
    (b"service,norm,result,note\nX,1.1,met,\"a\nb\x00\"\n", 3),
    (b"service\x00,norm,result\n", 1),
])
def test_a_nul_is_one_error_with_its_line(cli, tmp_path: Path, data: bytes, line: int) -> None:
    path = sheet(tmp_path, data)
    status, _, err = cli("import", str(path), "-o", str(tmp_path / "out"))
    assert (status, err) == (2, f"{path}:{line}: a NUL character (byte 0) in this line: not a text CSV; save the "
                                "spreadsheet as “CSV UTF-8”\n")
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(("typo", "meant"), [
    ("opmerkng", "opmerking"), ("bewijss", "bewijs"), ("eigenar", "eigenaar"), ("opmerkingen", "opmerking"),
    ("acties", "actie"), ("prioritijt", "prioriteit"), ("notte", "note"),
])
def test_a_misspelled_dutch_or_english_header_is_an_error(cli, tmp_path: Path, typo: str, meant: str) -> None:
    path = sheet(tmp_path, f"dienst;norm;resultaat;{typo}\nX;1.1;voldaan;tekst\n".encode())
    status, _, err = cli("import", str(path), "-o", str(tmp_path / "out"))
    assert (status, err) == (2, f"{path}:1: column {typo!r}: unknown column; did you mean {meant!r}?\n")


def test_an_unused_column_warning_comes_with_the_errors(cli, tmp_path: Path) -> None:
    path = sheet(tmp_path, b"service;norm;result;kleur\nX;1.1;fout;rood\n")
    status, _, err = cli("import", str(path), "-o", str(tmp_path / "out"))
    assert status == 2
    assert f"{path}:1: warning: column 'kleur' is not used" in err.splitlines()


@pytest.mark.parametrize("rows", [
    "X;1.1;\nX;1.1;voldaan\n",  # the empty row first: was imported, 1.10's answer stored as 1.1
    "X;1.1;voldaan\nX;1.1;\n",
    "X;1.1;;;\nX;1.1;;;\n",
])
def test_every_row_counts_for_the_duplicate_check(cli, tmp_path: Path, rows: str) -> None:
    path = sheet(tmp_path, ("service;norm;result;note;evidence\n" + rows).encode())
    status, _, err = cli("import", str(path), "-o", str(tmp_path / "out"))
    assert status == 2
    assert err == (f"{path}:3: column 'norm': norm '1.1' given twice for service 'X' (first on line 2); a "
                   "spreadsheet may have turned 1.10 into 1.1: format the norm column as text and check both rows\n")
