"""The core never imports Textual: the TUI is a thin shell over it.

Which module may import which is declared as import contracts in pyproject.toml (``lint-imports`` in CI);
this test checks the same promise at run time, where an import made by a plugin or a lazy import hides.
"""

import subprocess
import sys

from assess.files.paths import package_data

DEMO = package_data("data") / "demo.yaml"


def loaded_after(code: str) -> set[str]:
    """The names in ``sys.modules`` after running ``code`` in a fresh interpreter."""
    script = code + "\nimport sys\nprint('\\n'.join(sorted(sys.modules)))\n"
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    return set(result.stdout.split())


def test_core_commands_load_no_textual_module() -> None:
    code = (
        "import contextlib, io\n"
        "from assess.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    for command in (['validate', {str(DEMO)!r}], ['report', {str(DEMO)!r}], ['norms'],\n"
        f"                    ['report', {str(DEMO)!r}, '--format', 'json']):\n"
        "        assert main(command) == 0, command\n"
    )
    textual = sorted(m for m in loaded_after(code) if m == "textual" or m.startswith(("textual.", "assess.tui")))
    assert textual == []


def test_the_check_would_notice_textual() -> None:
    """Guard against a test that cannot fail: importing Textual does show up."""
    assert "textual" in loaded_after("import textual")
