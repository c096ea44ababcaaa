"""Quick single-file commands stay quick: what `validate`, `report` and `norms` do not load, and the CLI
configures only the command it runs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from assess.files.paths import package_data

DEMO = package_data("data") / "demo.yaml"
HEAVY = ("tabulate", "jsonschema", "importlib.metadata", "assess.analysis.merge", "assess.analysis.compare",
         "pkgutil", "tempfile", "difflib", "typing")


def loaded_after(argv: list[str], cache: Path) -> set[str]:
    script = ("import contextlib, io, sys\nfrom assess.cli import main\n"
              "with contextlib.redirect_stdout(io.StringIO()):\n"
              f"    assert main({argv!r}) == 0\n"
              "print('\\n'.join(sorted(sys.modules)))\n")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                            env={**os.environ, "XDG_CACHE_HOME": str(cache)})
    return set(result.stdout.split())


def test_quick_commands_load_nothing_heavy(tmp_path: Path) -> None:
    loaded_after(["validate", str(DEMO)], tmp_path)  # the first run keeps the checked catalog
    assert list((tmp_path / "assess").glob("catalog-*.json"))
    for argv in (["validate", str(DEMO)], ["report", str(DEMO)], ["norms"], ["norms", "--format", "md"]):
        loaded = loaded_after(argv, tmp_path)
        assert sorted(m for m in HEAVY if m in loaded) == [], argv
        commands = sorted(m for m in loaded if m.startswith("assess.commands.") and m != "assess.commands._common")
        assert commands == [f"assess.commands.{argv[0]}"], argv


def test_help_and_unknown_commands_still_see_every_command() -> None:
    done = subprocess.run([sys.executable, "-m", "assess", "--help"], capture_output=True, text=True, check=True)
    for name in ("demo", "norms", "template", "audit", "import", "validate", "report", "batch", "diff", "merge"):
        assert name in done.stdout
    wrong = subprocess.run([sys.executable, "-m", "assess", "repot"], capture_output=True, text=True)
    assert wrong.returncode == 2 and "invalid choice: 'repot'" in wrong.stderr and "'report'" in wrong.stderr
    imported = subprocess.run([sys.executable, "-m", "assess", "import", "--help"], capture_output=True, text=True)
    assert imported.returncode == 0 and "usage: assess import" in imported.stdout
