"""Every output, byte for byte, against fixtures written before the core was restructured.

A change of an output is then a decision, never an accident of moving code: when one is meant, rewrite
the fixtures with ``ASSESS_UPDATE_GOLDEN=1 python -m pytest tests/test_golden_outputs.py`` and read the
diff of ``tests/data/golden/expected/`` before committing it.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import pytest

GOLDEN = Path(__file__).resolve().parent / "data" / "golden"
UPDATE = os.environ.get("ASSESS_UPDATE_GOLDEN") == "1"

# name: (command line, files it writes). Inputs are in tests/data/golden/inputs; paths are relative so
# that no output holds the test's temporary folder.
CASES: dict[str, tuple[list[str], list[str]]] = {
    "report-md-nl": (["report", "demo.yaml"], []),
    "report-md-en": (["report", "demo.yaml", "--lang", "en"], []),
    "report-json": (["report", "demo.yaml", "--format", "json"], []),
    "report-csv": (["report", "demo.yaml", "--format", "csv"], []),
    "report-settings-en": (["report", "english.yaml"], []),
    "report-settings-csv": (["report", "english.yaml", "--format", "csv"], []),
    "report-previous": (["report", "demo.yaml", "--previous", "previous.yaml"], []),
    "diff-md": (["diff", "previous.yaml", "demo.yaml"], []),
    "diff-md-en": (["diff", "previous.yaml", "demo.yaml", "--lang", "en"], []),
    "diff-json": (["diff", "previous.yaml", "demo.yaml", "--format", "json"], []),
    "merge-md": (["merge", "demo.yaml", "assessor-b.yaml", "-o", "consensus.yaml"], ["consensus.yaml"]),
    "merge-json": (["merge", "demo.yaml", "assessor-b.yaml", "-o", "consensus.yaml", "--format", "json"], []),
    "batch": (["batch", "demo.yaml", "english.yaml", "previous.yaml", "--out", "out", "--format", "md,json,csv",
               "--jobs", "1"],
              ["out/portfolio.md", "out/portfolio.json", "out/de-overloop.md", "out/de-overloop.json",
               "out/de-overloop.csv", "out/het-anker.md", "out/de-overloop-2.md"]),
    "import": (["import", "answers.csv", "-o", "imported"], ["imported/de-overloop.yaml", "imported/het-anker.yaml"]),
    "validate": (["validate", "demo.yaml", "english.yaml", "previous.yaml", "assessor-b.yaml"], []),
    "norms-md": (["norms", "--format", "md", "--setting", "outreach"], []),
    # the HTML pages, written before their rendering was made quicker (templates per language)
    "report-html-nl": (["report", "demo.yaml", "--format", "html", "--previous", "previous.yaml", "-o", "report.html"],
                       ["report.html"]),
    "report-html-en": (["report", "english.yaml", "--format", "html", "-o", "report.html"], ["report.html"]),
    "diff-html": (["diff", "previous.yaml", "demo.yaml", "--format", "html", "--lang", "en", "-o", "diff.html"],
                  ["diff.html"]),
    "batch-html": (["batch", "demo.yaml", "english.yaml", "previous.yaml", "--out", "out", "--format", "md,html",
                    "--jobs", "1", "--group-by", "location"],
                   ["out/portfolio.html", "out/de-overloop.html", "out/het-anker.html", "out/de-overloop-2.html"]),
    "template": (["template", "--service", "De Overloop", "--setting", "outpatient", "--lang", "nl"], []),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_output_is_unchanged(name: str, cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    argv, written = CASES[name]
    work = tmp_path / "work"
    shutil.copytree(GOLDEN / "inputs", work)
    monkeypatch.chdir(work)
    monkeypatch.setenv("LANG", "C.UTF-8")
    status, out, err = cli(*argv)
    produced = {"status": f"{status}\n", "stdout": out, "stderr": err}
    produced.update({path: (work / path).read_text(encoding="utf-8") for path in written})
    today = dt.date.today().isoformat()  # `template` writes today's date
    produced = {key: text.replace(today, "<today>") for key, text in produced.items()}
    expected_dir = GOLDEN / "expected" / name
    if UPDATE:
        shutil.rmtree(expected_dir, ignore_errors=True)
        for key, text in produced.items():
            target = expected_dir / key.replace("/", "__")
            target.parent.mkdir(parents=True, exist_ok=True)
            with open(target, "w", encoding="utf-8", newline="") as handle:
                handle.write(text)
    for key, text in produced.items():
        with open(expected_dir / key.replace("/", "__"), encoding="utf-8", newline="") as handle:
            expected = handle.read()
        assert text == expected, f"{name}: {key} differs from tests/data/golden/expected/{name}"
