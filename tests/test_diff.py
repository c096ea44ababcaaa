"""assess diff and assess report --previous: deltas and changes computed by hand on small files."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from assess.analysis.compare import compare, direction
from assess.files import assessment_file
from assess.model.catalog import Catalog
from assess.render.trend import delta_text

OLD = """
assess: 1
checklist: unodc-who-2020
checklist_version: "2020.1"
service:
  name: "De Overloop"
date: 2025-10-01
language: nl
settings: [outreach]
answers:
  "1.1": met
  "1.2": partial
  "1.3": not_met
  "1.4":
    result: not_met
    action:
      description: "Bushalte verplaatsen"
      owner: "Gemeente"
      due: 2026-03-01
  "1.5": na
  "1.6":
    result: partial
    action:
      description: "Verwijsafspraken huisartsen"
  "2.1": met
  "2.2": met
  "2.3": partial
  "outreach.1": partial
  "outreach.2": met
"""

NEW = """
assess: 1
checklist: unodc-who-2020
checklist_version: "2020.1"
service:
  name: "De Overloop"
date: 2026-10-01
language: nl
settings: [outreach]
answers:
  "1.1": partial
  "1.2": met
  "1.3": na
  "1.4": not_met
  "1.6":
    result: partial
    action:
      description: "Verwijsafspraken huisartsen"
      done: true
  "1.7":
    result: not_met
    action:
      description: "Avondopenstelling"
      due: 2026-12-01
  "2.1": met
  "2.2":
    result: not_met
    action:
      description: "Klachtenregeling"
      due: 2026-09-30
  "2.3":
    result: partial
    action:
      description: "Privacyreglement"
      due: 2026-10-01
  "outreach.1": met
"""

# Scores worked out by hand (met 1, partial 0.5, not_met 0; na and not assessed excluded):
# OLD principle 1: 1.1 1 + 1.2 0.5 + 1.3 0 + 1.4 0 + 1.6 0.5 = 2 of 5 -> 40.0 (1.5 na)
# OLD principle 2: 1 + 1 + 0.5 = 2.5 of 3 -> 83.333... -> 83.3
# OLD overall: 4.5 of 8 -> 56.25 -> 56.3;  OLD outreach: 0.5 + 1 = 1.5 of 2 -> 75.0
# NEW principle 1: 1.1 0.5 + 1.2 1 + 1.4 0 + 1.6 0.5 + 1.7 0 = 2 of 5 -> 40.0 (1.3 na)
# NEW principle 2: 1 + 0 + 0.5 = 1.5 of 3 -> 50.0
# NEW overall: 3.5 of 8 -> 43.75 -> 43.8;  NEW outreach: 1 of 1 -> 100.0
# Deltas: overall 43.75 - 56.25 = -12.5; principle 1: 0.0; principle 2: 50 - 83.333 = -33.333 -> -33.3;
# outreach +25.0; principles 3-7: no score on either side -> None.


def load(write: Callable[[str, str], Path], name: str, text: str, catalog: Catalog) -> assessment_file.Assessment:
    return assessment_file.load(str(write(name, text)), catalog).assessment


def cells(markdown: str, first: str) -> list[str]:
    """The cells of the first table row whose first cell is ``first``."""
    for line in markdown.splitlines():
        parts = [c.strip() for c in line.split("|")[1:-1]]
        if line.startswith("|") and parts and parts[0] == first:
            return parts
    raise AssertionError(f"no row {first!r}")


def test_direction(catalog: Catalog) -> None:
    answers = catalog.answer_set
    assert direction("partial", "met", answers) == "improved" and direction("not_met", "partial", answers) == "improved"
    assert direction("met", "not_met", answers) == "regressed" and direction("met", "partial", answers) == "regressed"
    assert direction("na", "met", answers) == "changed" and direction("not_met", "na", answers) == "changed"
    assert direction("met", "met", answers) is None


def test_deltas_by_hand(write, catalog: Catalog) -> None:
    diff = compare(load(write, "old.yaml", OLD, catalog), load(write, "new.yaml", NEW, catalog), catalog)
    assert (diff.overall.before, diff.overall.after, diff.overall.delta) == (56.3, 43.8, -12.5)
    principles = {p.id: (p.before, p.after, p.delta) for p in diff.principles}
    assert principles["1"] == (40.0, 40.0, 0.0)
    assert principles["2"] == (83.3, 50.0, -33.3)
    assert principles["3"] == (None, None, None)
    assert [(s.id, s.before, s.after, s.delta) for s in diff.settings] == [("outreach", 75.0, 100.0, 25.0)]


def test_norm_changes_by_hand(write, catalog: Catalog) -> None:
    diff = compare(load(write, "old.yaml", OLD, catalog), load(write, "new.yaml", NEW, catalog), catalog)
    assert [(c.id, c.before, c.after, c.direction) for c in diff.changes] == [
        ("1.1", "met", "partial", "regressed"), ("1.2", "partial", "met", "improved"),
        ("1.3", "not_met", "na", "changed"), ("2.2", "met", "not_met", "regressed"),
        ("outreach.1", "partial", "met", "improved"),
    ]
    assert [c.id for c in diff.newly_assessed] == ["1.7"]
    assert [(c.id, c.before) for c in diff.no_longer_assessed] == [("1.5", "na"), ("outreach.2", "met")]
    # Closed: was not_met/partial, now met or na. Opened: now not_met/partial, was not (or not assessed).
    assert [c.id for c in diff.gaps_closed] == ["1.2", "1.3", "outreach.1"]
    assert [c.id for c in diff.gaps_opened] == ["1.1", "1.7", "2.2"]


def test_actions_by_hand(write, catalog: Catalog) -> None:
    diff = compare(load(write, "old.yaml", OLD, catalog), load(write, "new.yaml", NEW, catalog), catalog)
    assert diff.reference_date == dt.date(2026, 10, 1) and not diff.reference_is_today
    assert [a.id for a in diff.actions_completed] == ["1.6"]
    # 1.4: OLD's action (due 2026-03-01), NEW has none and 1.4 is still not met -> overdue, from OLD.
    # 2.2: due 2026-09-30 < 2026-10-01 -> overdue. 2.3: due on the reference date -> not yet.
    # 1.7: due 2026-12-01 -> not yet. 1.6: done -> not overdue.
    assert [(a.id, a.from_old) for a in diff.actions_overdue] == [("1.4", True), ("2.2", False)]


def test_reference_date_is_today_without_new_date(write, catalog: Catalog) -> None:
    new = load(write, "new.yaml", NEW.replace("date: 2026-10-01\n", ""), catalog)
    diff = compare(load(write, "old.yaml", OLD, catalog), new, catalog, today=dt.date(2026, 11, 1))
    assert diff.reference_date == dt.date(2026, 11, 1) and diff.reference_is_today
    assert [a.id for a in diff.actions_overdue] == ["1.4", "2.2", "2.3"]


def test_delta_rounds_the_exact_difference(write, catalog: Catalog) -> None:
    # OLD: 4 met, 1 partial, 3 not_met -> 4.5 / 8 = 56.25 (shown 56.3).
    # NEW: 5 met, 1 not_met -> 5 / 6 = 83.333... (shown 83.3).
    # Exact delta 27.0833... -> 27.1; the difference of the rounded scores would say 27.0.
    head = 'assess: 1\nchecklist: unodc-who-2020\nservice: {name: "S"}\nanswers:\n'
    old = head + "".join(f'  "1.{i}": {r}\n' for i, r in enumerate(
        ["met", "met", "met", "met", "partial", "not_met", "not_met", "not_met"], start=1))
    new = head + "".join(f'  "1.{i}": {r}\n' for i, r in enumerate(
        ["met", "met", "met", "met", "met", "not_met"], start=1))
    diff = compare(load(write, "o.yaml", old, catalog), load(write, "n.yaml", new, catalog), catalog)
    assert (diff.overall.before, diff.overall.after, diff.overall.delta) == (56.3, 83.3, 27.1)


def test_delta_text() -> None:
    assert delta_text(7.5, "en") == "↑ +7.5" and delta_text(-3.0, "en") == "↓ -3.0"
    assert delta_text(7.5, "nl") == "↑ +7,5" and delta_text(-3.0, "nl") == "↓ -3,0"
    assert delta_text(0.0, "nl") == "=" and delta_text(None, "en") == "–"


def test_cli_json_shape(write, cli) -> None:
    old, new = write("old.yaml", OLD), write("new.yaml", NEW)
    status, out, err = cli("diff", str(old), str(new), "--format", "json")
    assert status == 0, err
    data = json.loads(out)
    assert data["overall"] == {"before": 56.3, "after": 43.8, "delta": -12.5}
    assert data["principles"][1] == {"id": "2", "before": 83.3, "after": 50.0, "delta": -33.3}
    assert data["settings"] == [{"id": "outreach", "before": 75.0, "after": 100.0, "delta": 25.0,
                                 "chosen_before": True, "chosen_after": True}]
    assert data["changes"][0] == {"id": "1.1", "before": "met", "after": "partial", "direction": "regressed"}
    assert {c["direction"] for c in data["changes"]} == {"improved", "regressed", "changed"}
    assert data["newly_assessed"] == [{"id": "1.7", "before": None, "after": "not_met"}]
    assert [a["id"] for a in data["actions_overdue"]] == ["1.4", "2.2"]
    assert data["actions_overdue"][0]["from"] == "old" and data["reference_date"] == "2026-10-01"


def test_cli_markdown_in_both_languages(write, cli) -> None:
    old, new = write("old.yaml", OLD), write("new.yaml", NEW)
    status, out, _ = cli("diff", str(old), str(new))
    assert status == 0
    assert out.startswith("# Vergelijking: De Overloop")
    assert cells(out, "Totaalscore") == ["Totaalscore", "56,3", "43,8", "↓ -12,5"]  # Dutch decimal commas
    assert cells(out, "Beginsel 2")[2:] == ["83,3", "50,0", "↓ -33,3"]
    assert "### Verbeterd (2)" in out and "### Verslechterd (2)" in out and "## Acties over tijd (2)" in out
    assert "Bushalte verplaatsen (uit de vorige beoordeling)" in out
    status, out, _ = cli("diff", str(old), str(new), "--lang", "en")
    assert "# Comparison: De Overloop" in out and "## Gaps closed (3)" in out and "### Newly assessed (1)" in out


def test_same_file_twice_has_no_changes(write, cli) -> None:
    old = write("old.yaml", OLD)
    status, out, _ = cli("diff", str(old), str(old), "--format", "json")
    data = json.loads(out)
    assert status == 0 and data["overall"]["delta"] == 0.0 and data["changes"] == []
    assert data["gaps_opened"] == [] and data["gaps_closed"] == []


def test_different_checklist_exits_2_with_file_and_line(write, cli) -> None:
    old = write("old.yaml", OLD)
    new = write("new.yaml", NEW.replace("checklist: unodc-who-2020", "checklist: who-mhgap-2016"))
    status, out, err = cli("diff", str(old), str(new))
    assert status == 2 and out == ""
    assert err.startswith(f"{new}:2: checklist: unknown checklist 'who-mhgap-2016'")


def test_other_version_with_unknown_ids_exits_2(write, cli) -> None:
    old = write("old.yaml", OLD.replace('"2020.1"', '"2016.1"').replace('"1.6":', '"1.12":'))
    status, _, err = cli("diff", str(old), str(write("new.yaml", NEW)))
    assert status == 2
    assert f'{old}:20: answers."1.12": unknown norm id (it is not in unodc-who-2020 version 2020.1)' in err


def test_other_version_with_known_ids_maps_with_a_warning(write, cli) -> None:
    old = write("old.yaml", OLD.replace('"2020.1"', '"2019.2"'))
    status, out, err = cli("diff", str(old), str(write("new.yaml", NEW)), "--format", "json")
    assert status == 0 and json.loads(out)["overall"]["delta"] == -12.5
    assert f"{old}:3: warning: checklist_version 2019.2 differs from 2020.1" in err
    assert "norms compared by id" in err


def test_different_service_exits_2_unless_forced(write, cli) -> None:
    old = write("old.yaml", OLD)
    new = write("new.yaml", NEW.replace('"De Overloop"', '"De Kade"'))
    status, out, err = cli("diff", str(old), str(new))
    assert status == 2 and out == ""
    assert err.startswith(f"{new}:5: service.name: 'De Kade' differs from 'De Overloop'") and "--force" in err
    status, out, err = cli("diff", str(old), str(new), "--force")
    assert status == 0 and "# Vergelijking: De Kade" in out and f"{new}:5: warning: service.name" in err
    # Case and spacing do not make another service.
    status, _, _ = cli("diff", str(old), str(write("new2.yaml", NEW.replace('"De Overloop"', '"de  overloop"'))))
    assert status == 0


def test_report_previous_adds_trend_column(write, cli) -> None:
    old, new = write("old.yaml", OLD), write("new.yaml", NEW)
    status, out, err = cli("report", str(new), "--previous", str(old), "--lang", "en")
    assert status == 0, err
    lines = out.splitlines()
    header = next(line for line in lines if line.startswith("| Section"))
    assert [c.strip() for c in header.split("|")[1:5]] == ["Section", "Title", "Score", "Trend"]
    row = {line.split("|")[1].strip(): [c.strip() for c in line.split("|")[1:-1]]
           for line in lines if line.startswith("| Principle") or line.startswith("| Setting")}
    # scores over part of their section's norms are marked provisional (\*)
    assert row["Principle 1"][2:4] == ["40.0\\*", "="]
    assert row["Principle 2"][2:4] == ["50.0\\*", "↓ -33.3"]
    assert row["Principle 3"][2:4] == ["–", "–"]
    assert row["Setting 4.1.1"][2:4] == ["100.0\\*", "↑ +25.0"]
    assert "| Previous assessment | 56.3 (2025-10-01), RED; change ↓ -12.5" in out
    # Every table keeps one cell per header.
    for line in lines:
        if line.startswith("| Principle"):
            assert line.count("|") == header.count("|")


def test_report_without_previous_is_unchanged(write, cli) -> None:
    new = write("new.yaml", NEW)
    _, out, _ = cli("report", str(new), "--lang", "en")
    assert "Trend" not in out and "Previous assessment" not in out


def test_report_previous_needs_markdown(write, cli) -> None:
    old, new = write("old.yaml", OLD), write("new.yaml", NEW)
    status, out, err = cli("report", str(new), "--previous", str(old), "--format", "json")
    assert status == 2 and out == "" and err.startswith("--previous: ")


def test_diff_end_to_end(write, tmp_path: Path) -> None:
    old, new = write("old.yaml", OLD), write("new.yaml", NEW)
    result = subprocess.run([sys.executable, "-m", "assess", "diff", str(old), str(new), "--format", "json",
                             "-o", str(tmp_path / "diff.json")], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert json.loads((tmp_path / "diff.json").read_text(encoding="utf-8"))["overall"]["delta"] == -12.5
    bad = write("bad.yaml", NEW.replace('"De Overloop"', '"Elders"'))
    result = subprocess.run([sys.executable, "-m", "assess", "diff", str(old), str(bad)],
                            capture_output=True, text=True)
    assert result.returncode == 2 and result.stderr.startswith(f"{bad}:5: service.name:")


def test_output_equal_to_an_input_is_refused(write, cli) -> None:
    old, new = write("old.yaml", OLD), write("new.yaml", NEW)
    for target in (str(new), str(old), str(new.parent / "." / "new.yaml")):
        status, out, err = cli("diff", str(old), str(new), "-o", target)
        assert status == 2 and out == ""
        assert err.startswith(f"{target}: is also an input") and err.count("\n") == 1
    assert old.read_text(encoding="utf-8").lstrip("\n") == OLD.lstrip("\n")
    assert new.read_text(encoding="utf-8").lstrip("\n") == NEW.lstrip("\n")


def test_old_dated_after_new_warns(write, cli) -> None:
    old, new = write("old.yaml", OLD), write("new.yaml", NEW)
    status, out, err = cli("diff", str(new), str(old), "--format", "json")
    assert status == 0 and json.loads(out)["overall"]["delta"] == 12.5
    assert f"{new}:6: warning: OLD is dated 2026-10-01, after NEW (2025-10-01 in {old}); OLD and NEW swapped?" in err
    _, _, err = cli("diff", str(old), str(new))
    assert "swapped" not in err


def test_json_tells_a_setting_not_chosen_from_one_without_a_score(write, cli) -> None:
    old = write("old.yaml", OLD.replace("settings: [outreach]\n", "").replace('  "outreach.1": partial\n', "")
                .replace('  "outreach.2": met\n', ""))
    status, out, _ = cli("diff", str(old), str(write("new.yaml", NEW)), "--format", "json")
    assert status == 0
    assert json.loads(out)["settings"] == [{"id": "outreach", "before": None, "after": 100.0, "delta": None,
                                            "chosen_before": False, "chosen_after": True}]
