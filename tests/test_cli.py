"""The command line: real commands, real files, real exit codes."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from assess.files import assessment_file
from assess.files.paths import package_data
from assess.i18n import resolve_language
from assess.model.catalog import Catalog
from tests.conftest import assessment_text
from tests.test_catalog import normalise, source_text

DEMO = package_data("data") / "demo.yaml"


def test_version_and_help(cli) -> None:
    status, out, _ = cli("--version")
    assert status == 0 and re.fullmatch(r"assess \d+\.\d+\.\d+\n", out)
    status, out, _ = cli("--help")
    for command in ("norms", "template", "validate", "report", "schema"):
        assert command in out


def test_norms_json_lists_62_verbatim_norms(cli) -> None:
    status, out, _ = cli("norms", "--format", "json")
    assert status == 0
    norms = json.loads(out)
    assert len(norms) == 62 and norms[9]["id"] == "1.10" and norms[9]["principle"] == "1"
    assert {"id", "principle", "scope", "critical", "text"} <= set(norms[0])
    assert set(norms[0]["text"]) == {"nl", "en"}
    source = source_text()
    assert all(f"{n['id']} {normalise(n['text']['nl'])}" in source for n in norms)


def test_norms_filters(cli) -> None:
    _, out, _ = cli("norms", "--format", "json", "--principle", "2", "--scope", "service")
    assert [n["id"] for n in json.loads(out)] == ["2.1", "2.2", "2.4", "2.5", "2.7"]
    _, out, _ = cli("norms", "--format", "json", "--setting", "outreach")
    items = json.loads(out)
    assert len(items) == 13 and items[0]["setting"] == "outreach" and "principle" not in items[0]
    status, _, err = cli("norms", "--principle", "9")
    assert status == 2 and err.startswith("--principle: no principle '9'")


def test_norms_table_and_markdown(cli) -> None:
    _, out, _ = cli("norms", "--lang", "en", "--principle", "1")
    assert "1.10" in out and "Information on the availability" in out
    _, out, _ = cli("norms", "--format", "md", "--lang", "nl", "--principle", "7")
    assert out.startswith("| Norm") and "| 7.8 " in out


def test_template_round_trip(cli, tmp_path: Path, catalog: Catalog) -> None:
    target = tmp_path / "t.yaml"
    status, _, _ = cli("template", "--service", "De Kade", "--lang", "nl", "--setting", "outpatient", "-o", str(target))
    assert status == 0
    text = target.read_text(encoding="utf-8")
    assert "# 1.10 Informatie over de beschikbaarheid" in text and '"outpatient.18":' in text
    loaded = assessment_file.load(str(target), catalog).assessment
    assert loaded.service.name == "De Kade" and loaded.answers == {} and loaded.settings == ("outpatient",)
    # Fill two norms by hand, unquoted keys included, and it still validates.
    target.write_text(text.replace('  "1.10":\n', "  1.10: met\n").replace('  "2.1":\n', '  "2.1": na\n'))
    assert cli("validate", str(target))[0] == 0
    status, _, err = cli("template", "-o", str(target))
    assert status == 2 and "already exists" in err


def test_validate_reports_every_problem(cli, write) -> None:
    good = write("good.yaml", assessment_text('"1.1": met'))
    bad = write("bad.yaml", assessment_text('"1.1": done', '"9.9": met'))
    status, out, err = cli("validate", str(good), str(bad))
    assert status == 2
    assert out == f"{good}: ok (1 of 62 norms assessed)\n"
    assert err.splitlines() == [
        f"{bad}:5: answers.\"1.1\": unknown result 'done'; expected one of met, partial, not_met, na",
        f"{bad}:6: answers.\"9.9\": unknown norm id; did you mean '6.9'?",
    ]
    assert cli("validate", str(good))[0] == 0


def test_report_formats_and_output_file(cli, tmp_path: Path) -> None:
    status, out, _ = cli("report", str(DEMO), "--lang", "en")
    assert status == 0 and out.startswith("# Gap report: De Overloop")
    status, out, _ = cli("report", str(DEMO), "--format", "json")
    assert status == 0 and json.loads(out)["overall"]["status"] in ("green", "amber", "red")
    target = tmp_path / "r.csv"
    assert cli("report", str(DEMO), "--format", "csv", "-o", str(target))[0] == 0
    assert target.read_text(encoding="utf-8").startswith("service,date,kind,location,id,principle,setting")


def test_report_exit_codes(cli, write) -> None:
    path = write("a.yaml", assessment_text('"1.1": met', '"1.2": partial', '"2.2": not_met'))
    # (1 + 0.5 + 0) / 3 = 50.0
    assert cli("report", str(path), "--fail-under", "50")[0] == 0
    status, _, err = cli("report", str(path), "--fail-under", "50.1")
    assert status == 1 and "overall score 50.0 is under 50.1" in err
    assert cli("report", str(path))[0] == 0
    for nonsense in ("-5", "101", "nan", "abc"):
        status, out, err = cli("report", str(path), "--fail-under", nonsense)
        assert status == 2 and out == "" and "argument --fail-under: " in err, nonsense
    status, _, err = cli("report", str(path), "--fail-on-critical")
    assert status == 1 and "critical norm not fully met: 2.2" in err
    bad = write("bad.yaml", "assess: 1\n")
    status, out, err = cli("report", str(bad))
    assert status == 2 and out == "" and err.startswith(f"{bad}:1: ")


def test_report_reads_stdin_and_is_byte_identical() -> None:
    text = DEMO.read_text(encoding="utf-8")
    run = [sys.executable, "-m", "assess", "report", "-", "--format", "md"]
    first = subprocess.run(run, input=text, capture_output=True, text=True, check=True).stdout
    second = subprocess.run(run, input=text, capture_output=True, text=True, check=True).stdout
    assert first == second and first.startswith("# Gap-rapport: De Overloop")


def test_bad_input_never_prints_a_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_bytes(b"\xff\xfe not utf-8")
    result = subprocess.run([sys.executable, "-m", "assess", "report", str(bad)], capture_output=True, text=True)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.startswith(f"{bad}:1: not UTF-8 text")


def test_schema_command(cli) -> None:
    status, out, _ = cli("schema")
    schema = json.loads(out)
    assert status == 0 and schema["title"].startswith("assess assessment file")
    assert json.loads(cli("schema", "catalog")[1])["$id"].endswith("catalog.schema.json")


@pytest.mark.parametrize(
    ("requested", "file_lang", "env", "expected"),
    [("en", "nl", {"LANG": "nl_NL.UTF-8"}, "en"), (None, "en", {"LANG": "nl_NL.UTF-8"}, "en"),
     (None, None, {"LANG": "nl_NL.UTF-8"}, "nl"), (None, None, {"LC_ALL": "nl_BE", "LANG": "en_US"}, "nl"),
     (None, None, {"LANG": "de_DE.UTF-8"}, "en"), (None, None, {}, "en")],
)
def test_language_resolution(requested, file_lang, env, expected) -> None:
    assert resolve_language(requested, file_lang, env) == expected


def test_a_blank_service_name_is_a_usage_error(cli, tmp_path) -> None:
    for command in (["template"], ["audit", str(tmp_path / "new.yaml")]):
        status, out, err = cli(*command, "--service", "   ")
        assert status == 2 and out == ""
        assert err.splitlines()[-1].endswith("argument --service: must not be blank")
    assert not (tmp_path / "new.yaml").exists()
    status, out, _ = cli("template", "--service", "  De Brug ")
    assert status == 0 and '  name: "De Brug"\n' in out


def test_template_speaks_one_language(cli) -> None:
    _, dutch, _ = cli("template", "--lang", "nl")
    _, english, _ = cli("template", "--lang", "en")
    assert dutch.splitlines()[1] == "# assess-beoordelingsbestand, formaat 1. JSON Schema: `assess schema`."
    assert english.splitlines()[1] == "# assess assessment file, format 1. JSON Schema: `assess schema`."
    assert "# 1.1 Essentiële behandelingen" in dutch and "# 1.1 Essential treatment" in english


def test_report_never_writes_over_its_input(cli, tmp_path: Path) -> None:
    mine = tmp_path / "mine.yaml"
    mine.write_text(DEMO.read_text(encoding="utf-8"), encoding="utf-8")
    for args in (["report", str(mine), "-o", str(tmp_path / "." / "mine.yaml")],
                 ["report", str(DEMO), "--previous", str(mine), "-o", str(mine)]):
        status, out, err = cli(*args)
        assert status == 2 and "not overwritten" in err and out == "", args
        assert mine.read_text(encoding="utf-8") == DEMO.read_text(encoding="utf-8")
    status, _, err = cli("report", str(mine), "-o", "")
    assert status == 2 and err == "-o: the output file name is empty\n"


def test_template_lists_a_repeated_setting_once(cli, catalog: Catalog) -> None:
    status, out, _ = cli("template", "--service", "X", "--setting", "outreach", "--setting", "outreach")
    assert status == 0 and "settings: [outreach]\n" in out
    assert assessment_file.loads(out, "t.yaml", catalog).assessment.settings == ("outreach",)


def test_fail_under_without_a_score_says_so(cli, write) -> None:
    path = write("a.yaml", assessment_text('"2.1": na'))
    status, _, err = cli("report", str(path), "--fail-under", "0")
    assert status == 1 and err == (f"{path}: no overall score (every norm of the principles is na or not assessed), "
                                   "which counts as under 0\n")


def test_a_hostile_file_never_crashes_the_process(tmp_path: Path) -> None:
    # 100000 nested lists crashed libyaml (SIGSEGV): no output, no message
    deep = tmp_path / "deep.yaml"
    deep.write_text(assessment_text('"1.1":', "  evidence: " + "[" * 100_000 + "]" * 100_000), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "assess", "validate", str(deep), "-"], capture_output=True,
                            text=True, input=DEMO.read_text(encoding="utf-8"), timeout=60)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr == f"{deep}:6: invalid YAML: nested more than 40 levels deep\n"
    assert result.stdout == "<stdin>: ok (61 of 62 norms assessed; outreach: 10 of 13; outpatient: 4 of 18)\n"


def test_validate_reads_each_file_once(cli, write, monkeypatch) -> None:
    import io
    import sys

    good = write("a.yaml", assessment_text('"1.1": met'))
    monkeypatch.setattr(sys, "stdin", io.StringIO(good.read_text(encoding="utf-8")))
    status, out, err = cli("validate", "-", str(good), "-", str(good))
    assert (status, err) == (0, "")
    assert out.splitlines() == ["<stdin>: ok (1 of 62 norms assessed)", f"{good}: ok (1 of 62 norms assessed)"]


@pytest.mark.parametrize("command", [("norms",), ("norms", "--format", "json"), ("schema",), ("schema", "catalog")])
def test_norms_and_schema_never_replace_a_file_without_force(cli, tmp_path: Path, command: tuple[str, ...]) -> None:
    target = tmp_path / "out.txt"
    target.write_text("mine\n", encoding="utf-8")
    status, out, err = cli(*command, "-o", str(target))
    assert (status, out, err) == (2, "", f"{target}: already exists; not overwritten (use --force)\n")
    assert target.read_text(encoding="utf-8") == "mine\n"
    assert cli(*command, "-o", str(target), "--force")[0] == 0
    assert target.read_text(encoding="utf-8") != "mine\n"
    fresh = tmp_path / "new.txt"
    assert cli(*command, "-o", str(fresh))[0] == 0 and fresh.stat().st_size > 0
    assert cli(*command, "-o", "/dev/null")[0] == 0, "a device is written into, as before"


@pytest.mark.parametrize("command", [("norms",), ("schema",)])
def test_norms_and_schema_never_replace_an_assessment_even_with_force(cli, write, command: tuple[str, ...]) -> None:
    text = assessment_text('"1.1": met')
    path = write("de-brug.yaml", text)
    status, _, err = cli(*command, "-o", str(path), "--force")
    assert status == 2 and err.count("\n") == 1
    assert err.startswith(f"{path}: is an assessment file; not overwritten: write the ")
    assert path.read_text(encoding="utf-8") == text


@pytest.mark.parametrize("command", [("norms",), ("schema",)])
def test_norms_and_schema_refuse_a_read_only_file(cli, tmp_path: Path, command: tuple[str, ...]) -> None:
    frozen = tmp_path / "frozen.md"
    frozen.write_text("# frozen\n", encoding="utf-8")
    frozen.chmod(0o444)
    status, _, err = cli(*command, "-o", str(frozen), "--force")
    assert (status, err) == (2, f"{frozen}: cannot write: the file is read-only (chmod u+w to allow it)\n")
    assert frozen.read_text(encoding="utf-8") == "# frozen\n"
