"""The core never imports Textual: the TUI is a thin shell over it."""

import subprocess
import sys

CORE_MODULES = [
    "assess.catalog", "assess.assessment", "assess.scoring", "assess.writer", "assess.storage",
    "assess.reports.markdown", "assess.reports.jsonreport", "assess.reports.csvreport", "assess.cli",
    "assess.compare", "assess.merge", "assess.agreement", "assess.batch", "assess.portfolio",
    "assess.spreadsheet", "assess.fastschema", "assess.tables", "assess.service_list", "assess.xlsx.form",
    "assess.xlsx.reader", "assess.xlsx.report", "assess.xlsx.portfolio",
]


def test_core_does_not_import_textual() -> None:
    code = (
        "import sys\n"
        + "".join(f"import {m}\n" for m in CORE_MODULES)
        + "from assess.cli import build_parser\nbuild_parser()\n"
        + "from assess.catalog import load_catalog\nload_catalog()\n"
        + "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        + "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "", f"core imported {result.stdout.strip()}"


def test_the_check_would_notice_textual() -> None:
    """Guard against a test that cannot fail: importing Textual does show up."""
    code = "import sys, textual\nprint('textual' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "True"
