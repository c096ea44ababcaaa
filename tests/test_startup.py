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
         "pkgutil", "tempfile", "difflib", "typing", "shutil", "hashlib")


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


def test_help_width_is_the_one_argparse_would_find(monkeypatch) -> None:
    """The CLI gives argparse's formatter the width it would find itself with shutil (not imported for it)."""
    import shutil

    from assess.cli import help_width

    for columns in ("100", "0", "-5", "wide", None):
        for lines in ("30", "0", None):
            for name, value in (("COLUMNS", columns), ("LINES", lines)):
                if value is None:
                    monkeypatch.delenv(name, raising=False)
                else:
                    monkeypatch.setenv(name, value)
            assert help_width() == shutil.get_terminal_size().columns - 2, (columns, lines)


def test_help_is_wrapped_as_argparse_wraps_it(monkeypatch) -> None:
    import argparse

    from assess.cli import _Parser, build_parser

    def helps() -> tuple[str, str]:
        parser = build_parser(["report", "x"])
        sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction)).choices["report"]
        return parser.format_help(), sub.format_help()

    seen = set()
    for columns in ("60", "200"):
        monkeypatch.setenv("COLUMNS", columns)
        ours = helps()
        with monkeypatch.context() as stock:
            stock.setattr(_Parser, "_get_formatter", argparse.ArgumentParser._get_formatter)
            assert helps() == ours
        seen.add(ours)
    assert len(seen) == 2  # the width matters
