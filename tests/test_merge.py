"""assess merge: consensus files, agreement statistics, and the round trip merge -> settle -> report."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path

from assess.files import assessment_file
from assess.files.catalog_file import load_catalog
from assess.model.assessment import Action, Answer, Position
from assess.model.catalog import Catalog


def head(assessors: str, date: str = "2026-10-01", name: str = "De Overloop", extra: str = "") -> str:
    return (f'assess: 1\nchecklist: unodc-who-2020\nchecklist_version: "2020.1"\nservice:\n  name: "{name}"\n'
            f"assessors: {assessors}\ndate: {date}\nlanguage: nl\n{extra}answers:\n")


A = head('["A. Jansen"]') + """\
  "1.1": met
  "1.2":
    result: partial
    evidence: "Werkinstructie naloxon 2025"
    note: "Alleen overdag"
    action:
      description: "Avondopenstelling"
      owner: "M. de Vries"
      due: 2027-03-01
      priority: high
  "1.3": not_met
  "1.4":
    result: met
    evidence: "Bushalte op 150 m"
  "2.1": met
"""

B = head('["B. de Boer"]', date="2026-10-03") + """\
  "1.1": met
  "1.2":
    result: partial
    evidence: "Rooster 2026"
    action:
      description: "Weekendopenstelling"
  "1.3":
    result: partial
    note: "Wel een wachtlijst"
  "1.5": na
  "2.1": not_met
"""

# Agreed: 1.1 met, 1.2 partial. Disputed: 1.3 (not_met / partial), 2.1 (met / not_met), and 1.4 and 1.5,
# which only one of the two assessed.
# Agreement over the norms both assessed (1.1, 1.2, 1.3, 2.1): p_o = 2/4 = 50.0%.
#   A: met 2, partial 1, not_met 1; B: met 1, partial 2, not_met 1 (of 4)
#   p_e = (2*1 + 1*2 + 1*1) / 16 = 5/16; kappa = (8/16 - 5/16) / (11/16) = 3/11 = 0.27 (fair).
# Principle 1 (1.1, 1.2, 1.3): p_o = 2/3 = 66.7%; A met 1 partial 1 not_met 1, B met 1 partial 2:
#   p_e = (1*1 + 1*2) / 9 = 1/3; kappa = (2/3 - 1/3) / (2/3) = 0.50 (moderate).
# Principle 2 (2.1): p_o = 0, p_e = 0 -> kappa 0.00 (slight). Principles 3-7: nothing assessed by both.


def merge(cli, tmp_path: Path, *texts: str, args: tuple[str, ...] = ()) -> tuple[int, str, str, Path]:
    paths = []
    for index, text in enumerate(texts):
        path = tmp_path / f"{'abcdefgh'[index]}.yaml"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    out = tmp_path / "consensus.yaml"
    status, stdout, stderr = cli("merge", *paths, "-o", str(out), *args)
    return status, stdout, stderr, out


def row(markdown: str, first: str) -> list[str]:
    for line in markdown.splitlines():
        parts = [c.strip() for c in line.split("|")[1:-1]]
        if line.startswith("|") and parts and parts[0] == first:
            return parts
    raise AssertionError(f"no row {first!r} in\n{markdown}")


def test_two_assessors(cli, tmp_path: Path, catalog: Catalog) -> None:
    status, out, err, target = merge(cli, tmp_path, A, B)
    assert status == 0, err
    consensus = assessment_file.load(str(target), catalog).assessment
    answers = consensus.answers
    # Agreed: result kept, evidence and notes of every assessor kept and labelled; the actions differ, so
    # the first is kept and both are recorded in the note with their assessor.
    assert answers["1.1"] == Answer("met")
    assert answers["1.2"] == Answer(
        "partial", ("[A. Jansen] Werkinstructie naloxon 2025", "[B. de Boer] Rooster 2026"),
        "[A. Jansen] Alleen overdag\n"
        "[A. Jansen] actie: Avondopenstelling (eigenaar: M. de Vries; uiterlijk: 2027-03-01; prioriteit: hoog)\n"
        "[B. de Boer] actie: Weekendopenstelling",
        Action("Avondopenstelling", "M. de Vries", dt.date(2027, 3, 1), "high"))
    # Disputed: no result, one position per assessor, in input order.
    assert answers["1.3"] == Answer(disputed=(Position("A. Jansen", "not_met"),
                                              Position("B. de Boer", "partial", (), "Wel een wachtlijst")))
    assert answers["1.4"].disputed == (Position("A. Jansen", "met", ("Bushalte op 150 m",)), Position("B. de Boer"))
    assert answers["1.5"].disputed == (Position("A. Jansen"), Position("B. de Boer", "na"))
    assert answers["2.1"].result is None and len(answers["2.1"].disputed) == 2
    assert set(answers) == {"1.1", "1.2", "1.3", "1.4", "1.5", "2.1"}
    # Traceable: each input's sha256 and assessors; assessors the union; the latest date.
    sources = consensus.merged_from
    assert [s.file for s in sources] == [str(tmp_path / "a.yaml"), str(tmp_path / "b.yaml")]
    assert sources[0].sha256 == hashlib.sha256((tmp_path / "a.yaml").read_bytes()).hexdigest()
    assert [s.assessors for s in sources] == [("A. Jansen",), ("B. de Boer",)]
    assert consensus.assessors == ("A. Jansen", "B. de Boer") and str(consensus.date) == "2026-10-03"
    # The summary: counts, agreement table, disputed norms.
    assert "2 normen eensgezind, 4 betwist, 56 door niemand beoordeeld." in out
    assert row(out, "Totaal (7 beginselen)") == ["Totaal (7 beginselen)", "62", "4", "50,0%", "0,27 (matig)"]
    assert row(out, "Beginsel 1")[2:] == ["3", "66,7%", "0,50 (redelijk)"]
    assert row(out, "Beginsel 2")[2:] == ["1", "0,0%", "0,00 (gering)"]
    assert row(out, "Beginsel 3")[3:] == ["–", "n.b. (geen normen die door alle beoordelaars beoordeeld zijn)"]
    assert "Cohens kappa (twee beoordelaars)" in out
    assert row(out, "1.3") == ["1.3", "niet voldaan", "gedeeltelijk voldaan"]
    assert row(out, "1.4") == ["1.4", "voldaan", "niet beoordeeld"]


def test_json_summary(cli, tmp_path: Path) -> None:
    status, out, _, target = merge(cli, tmp_path, A, B, args=("--format", "json"))
    data = json.loads(out)
    assert status == 0 and data["method"] == "cohen" and data["consensus"] == str(target)
    assert data["agreement"]["overall"] == {"id": None, "norms": 62, "assessed_by_all": 4, "percent": 50.0,
                                            "kappa": 0.273, "kappa_reason": None, "band": "fair",
                                            "observed": 0.5, "expected": 0.313}
    assert data["agreement"]["principles"][2]["kappa_reason"] == "no_items"
    assert [d["id"] for d in data["disputed"]] == ["1.3", "1.4", "1.5", "2.1"]
    assert data["disputed"][1]["positions"] == [{"assessor": "A. Jansen", "result": "met"},
                                                {"assessor": "B. de Boer", "result": None}]


def test_three_assessors_use_fleiss(cli, tmp_path: Path, catalog: Catalog) -> None:
    # Same table as the Fleiss test in test_agreement.py: kappa 13/25 = 0.52 (moderate), 2 of 4 agreed.
    a = head('["A"]') + '  "1.1": met\n  "1.2": met\n  "1.3": not_met\n  "1.4": na\n'
    b = head('["B"]') + '  "1.1": met\n  "1.2": met\n  "1.3": partial\n  "1.4": na\n'
    c = head("[]") + '  "1.1": met\n  "1.2": partial\n  "1.3": partial\n  "1.4": na\n'
    status, out, err, target = merge(cli, tmp_path, a, b, c, args=("--lang", "en"))
    assert status == 0, err
    assert "Fleiss' kappa (3 assessors)" in out
    assert row(out, "Overall (7 principles)")[1:] == ["62", "4", "50.0%", "0.52 (moderate)"]
    # The third file lists no assessors: it is labelled by its file name.
    assert row(out, "Norm") == ["Norm", "A", "B", "c.yaml"]
    assert row(out, "1.3") == ["1.3", "not met", "partially met", "partially met"]
    consensus = assessment_file.load(str(target), catalog).assessment
    assert consensus.result("1.1") == "met" and consensus.result("1.4") == "na"
    assert [p.assessor for p in consensus.answer("1.2").disputed] == ["A", "B", "c.yaml"]
    assert consensus.assessors == ("A", "B")


def test_kappa_undefined_is_reported_not_divided(cli, tmp_path: Path) -> None:
    a = head('["A"]') + '  "1.1": met\n  "1.2": met\n'
    b = head('["B"]') + '  "1.1": met\n  "1.2": met\n'
    status, out, _, _ = merge(cli, tmp_path, a, b, args=("--lang", "en"))
    assert status == 0
    assert row(out, "Principle 1")[3:] == ["100.0%", "n/a (all answers in one category, chance agreement is 1)"]
    assert "None: the assessors agreed on every norm." in out


def test_identical_actions_are_kept_once(cli, tmp_path: Path, catalog: Catalog) -> None:
    action = '    action:\n      description: "Klachtenregeling"\n      due: 2027-01-01\n'
    a = head('["A"]') + '  "2.2":\n    result: not_met\n' + action
    b = head('["B"]') + '  "2.2":\n    result: not_met\n' + action
    _, _, _, target = merge(cli, tmp_path, a, b)
    answer = assessment_file.load(str(target), catalog).assessment.answer("2.2")
    assert answer.action.description == "Klachtenregeling" and answer.note is None


def test_settings_union_and_partly_assessed_setting(cli, tmp_path: Path, catalog: Catalog) -> None:
    a = head('["A"]', extra="settings: [outreach]\n") + '  "1.1": met\n  "outreach.1": met\n'
    b = head('["B"]') + '  "1.1": met\n'
    status, out, _, target = merge(cli, tmp_path, a, b, args=("--lang", "en"))
    assert status == 0
    consensus = assessment_file.load(str(target), catalog).assessment
    assert consensus.settings == ("outreach",)
    assert consensus.answer("outreach.1").disputed == (Position("A", "met"), Position("B"))
    assert row(out, "Setting 4.1.1")[1:4] == ["13", "0", "–"]


def test_different_service_exits_2_unless_forced(cli, tmp_path: Path) -> None:
    b = head('["B. de Boer"]', name="De Kade") + '  "1.1": met\n'
    status, out, err, target = merge(cli, tmp_path, A, b)
    assert status == 2 and out == "" and not target.exists()
    assert err.strip() == (f"{tmp_path / 'b.yaml'}:5: service.name: 'De Kade' differs from 'De Overloop' in "
                           f"{tmp_path / 'a.yaml'} (use --force to merge anyway)")
    status, _, err, target = merge(cli, tmp_path, A, b, args=("--force",))
    assert status == 0 and target.exists() and "warning: service.name" in err


def test_different_checklist_version_exits_2(cli, tmp_path: Path) -> None:
    b = B.replace('checklist_version: "2020.1"', 'checklist_version: "2019.1"')
    status, _, err, _ = merge(cli, tmp_path, A, b)
    assert status == 2
    assert f"{tmp_path / 'b.yaml'}:3: checklist_version: 2019.1 differs from 2020.1" in err


def test_different_checklist_exits_2(cli, tmp_path: Path) -> None:
    b = B.replace("checklist: unodc-who-2020", "checklist: other-list")
    status, _, err, _ = merge(cli, tmp_path, A, b)
    assert status == 2 and err.startswith(f"{tmp_path / 'b.yaml'}:2: checklist: unknown checklist 'other-list'")


def test_refuses_to_overwrite(cli, tmp_path: Path) -> None:
    status, _, _, target = merge(cli, tmp_path, A, B)
    before = target.read_bytes()
    status, _, err, _ = merge(cli, tmp_path, A, B)
    assert status == 2 and "already exists; not overwritten (use --force)" in err
    assert target.read_bytes() == before
    status, _, _, _ = merge(cli, tmp_path, A, B, args=("--force",))
    assert status == 0
    # Never over an input, even with --force.
    status, _, err = cli("merge", str(tmp_path / "a.yaml"), str(tmp_path / "b.yaml"), "-o",
                         str(tmp_path / "a.yaml"), "--force")
    assert status == 2 and "is also an input" in err


def test_bad_inputs(cli, tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(A, encoding="utf-8")
    status, _, err = cli("merge", str(tmp_path / "a.yaml"), "-o", str(tmp_path / "c.yaml"))
    assert status == 2 and "at least two" in err
    status, _, err = cli("merge", str(tmp_path / "a.yaml"), str(tmp_path / "a.yaml"), "-o", str(tmp_path / "c.yaml"))
    assert status == 2 and "identical to" in err
    status, _, err = cli("merge", str(tmp_path / "a.yaml"), str(tmp_path / "nope.yaml"), "-o",
                         str(tmp_path / "c.yaml"))
    assert status == 2 and err.strip() == f"{tmp_path / 'nope.yaml'}: no such file"


def settle(text: str, norm_id: str, result: str) -> str:
    """Settle a disputed norm the way a person would: write a result, delete the disputed list."""
    lines = text.splitlines()
    start = lines.index(f'  "{norm_id}":')
    end = start + 1
    while end < len(lines) and lines[end].startswith("    "):
        end += 1
    kept = [line for line in lines[start + 1:end] if not line.startswith("    disputed:")
            and not line.startswith("      ")]
    return "\n".join([*lines[:start + 1], f"    result: {result}", *kept, *lines[end:]]) + "\n"


def test_round_trip_merge_settle_report(cli, tmp_path: Path) -> None:
    status, _, _, target = merge(cli, tmp_path, A, B)
    assert status == 0
    assert cli("validate", str(target)) == (0, f"{target}: ok (2 of 62 norms assessed)\n", "")
    # Before settling only the agreed norms count: 1.1 met 1 + 1.2 partial 0.5 -> 1.5 / 2 = 75.0.
    status, out, _ = cli("report", str(target), "--format", "json")
    assert status == 0 and json.loads(out)["overall"]["score"] == 75.0
    text = target.read_text(encoding="utf-8")
    for norm_id, result in (("1.3", "partial"), ("1.4", "met"), ("1.5", "na"), ("2.1", "not_met")):
        text = settle(text, norm_id, result)
    assert "disputed:" not in text
    target.write_text(text, encoding="utf-8")
    assert cli("validate", str(target)) == (0, f"{target}: ok (6 of 62 norms assessed)\n", "")
    # After: 1.1 1 + 1.2 0.5 + 1.3 0.5 + 1.4 1 + 2.1 0 = 3 of 5 -> 60.0; principle 1: 3 / 4 = 75.0;
    # principle 2: 0 / 1 = 0.0 (1.5 is na, excluded).
    status, out, _ = cli("report", str(target), "--format", "json")
    data = json.loads(out)
    assert data["overall"]["score"] == 60.0
    assert [p["score"] for p in data["principles"][:2]] == [75.0, 0.0]
    status, md, _ = cli("report", str(target))
    assert status == 0 and re.search(r"\| Totaalscore +\| \*\*60,0\*\*", md)
    assert "\\[A. Jansen\\] Werkinstructie naloxon 2025" in md  # labelled evidence reaches the report (escaped)
    # The settled consensus can be compared with one of its inputs.
    status, out, _ = cli("diff", str(tmp_path / "a.yaml"), str(target), "--format", "json")
    assert status == 0 and {c["id"] for c in json.loads(out)["changes"]} == {"1.3", "2.1"}


def test_settled_file_with_leftover_dispute_cannot_be_merged_again(cli, tmp_path: Path) -> None:
    status, _, _, target = merge(cli, tmp_path, A, B)
    c = tmp_path / "c.yaml"
    c.write_text(A.replace('"A. Jansen"', '"C. Visser"'), encoding="utf-8")
    status, _, err = cli("merge", str(target), str(c), "-o", str(tmp_path / "again.yaml"))
    assert status == 2 and 'answers."1.3": disputed; settle it before merging' in err
    assert re.search(rf"{re.escape(str(target))}:\d+: answers", err)


def test_merge_end_to_end(tmp_path: Path, catalog: Catalog) -> None:
    (tmp_path / "a.yaml").write_text(A, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(B, encoding="utf-8")
    out = tmp_path / "consensus.yaml"
    result = subprocess.run([sys.executable, "-m", "assess", "merge", "a.yaml", "b.yaml", "-o", "consensus.yaml"],
                            capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Consensus geschreven naar consensus.yaml" in result.stdout
    loaded = assessment_file.load(str(out), catalog).assessment
    assert [s.file for s in loaded.merged_from] == ["a.yaml", "b.yaml"]
    result = subprocess.run([sys.executable, "-m", "assess", "validate", str(out)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_a_consensus_cannot_be_merged_with_one_of_its_own_inputs(cli, tmp_path: Path) -> None:
    status, _, _, target = merge(cli, tmp_path, A, B)
    text = target.read_text(encoding="utf-8")
    for norm_id, result in (("1.3", "partial"), ("1.4", "met"), ("1.5", "na"), ("2.1", "not_met")):
        text = settle(text, norm_id, result)
    target.write_text(text, encoding="utf-8")
    status, _, err = cli("merge", str(target), str(tmp_path / "a.yaml"), "-o", str(tmp_path / "again.yaml"))
    assert status == 2
    assert f"{tmp_path / 'a.yaml'}: already merged into {target} (its merged_from lists this file's sha256); " \
           "an assessor would count twice" in err
    assert not (tmp_path / "again.yaml").exists()


def test_every_line_of_a_note_keeps_its_assessor(cli, tmp_path: Path) -> None:
    two_lines = A.replace('note: "Alleen overdag"', 'note: "Alleen overdag\\nWeekend dicht"')
    status, _, _, target = merge(cli, tmp_path, two_lines, B)
    assert status == 0
    note = assessment_file.load(str(target), load_catalog()).assessment.answers["1.2"].note
    assert note.splitlines()[:2] == ["[A. Jansen] Alleen overdag", "[A. Jansen] Weekend dicht"]


def test_an_assessor_who_assessed_nothing_is_pointed_out(cli, tmp_path: Path) -> None:
    empty = head('["C. Visser"]').replace("answers:\n", "answers: {}\n")
    status, _, err, _ = merge(cli, tmp_path, A, empty)
    assert status == 0
    assert f"{tmp_path / 'b.yaml'}: warning: no norm is assessed in this file; every norm another assessor " \
           "answered becomes disputed" in err


def test_an_empty_output_name_is_said_so(cli, tmp_path: Path) -> None:
    """It said ": cannot write: Is a directory", naming no file."""
    paths = []
    for name, text in (("a.yaml", A), ("b.yaml", B)):
        (tmp_path / name).write_text(text, encoding="utf-8")
        paths.append(str(tmp_path / name))
    status, _, err = cli("merge", *paths, "-o", "")
    assert (status, err) == (2, "-o: the output file name is empty\n")


def test_a_utf16_input_is_named_so(cli, tmp_path: Path) -> None:
    from tests.conftest import assessment_text

    a = tmp_path / "a.yaml"
    a.write_bytes(assessment_text('"1.1": met').encode("utf-16"))
    b = tmp_path / "b.yaml"
    b.write_text(assessment_text('"1.1": partial'), encoding="utf-8")
    status, _, err = cli("merge", str(a), str(b), "-o", str(tmp_path / "c.yaml"))
    assert (status, err) == (2, f"{a}:1: UTF-16 text (saved as \"Unicode\"): save the file as UTF-8\n")
