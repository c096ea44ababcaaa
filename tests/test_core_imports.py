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


def test_loading_and_scoring_a_file_loads_neither_jsonschema_nor_textual() -> None:
    """jsonschema is imported only to explain a problem; the model and scoring import no validator."""
    code = (
        "from assess.files.catalog_file import load_catalog\n"
        "from assess.files.assessment_file import load\n"
        "from assess.analysis.scoring import score\n"
        "catalog = load_catalog()\n"
        f"assert score(load({str(DEMO)!r}, catalog).assessment, catalog).score is not None\n"
    )
    loaded = loaded_after(code)
    assert sorted(m for m in loaded if m.split(".")[0] in ("jsonschema", "textual")) == []
    model = loaded_after("import assess.model.catalog, assess.model.assessment, assess.analysis.scoring")
    assert sorted(m for m in model if m.split(".")[0] in ("yaml", "jsonschema", "textual")) == []


def test_validate_and_markdown_reports_load_neither_jinja2_nor_python_docx() -> None:
    """The HTML and Word renderers import Jinja2 and python-docx only when that format is asked for."""
    code = (
        "import contextlib, io\n"
        "from assess.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    for command in (['validate', {str(DEMO)!r}], ['report', {str(DEMO)!r}, '--format', 'md'],\n"
        f"                    ['report', {str(DEMO)!r}, '--format', 'json'], ['diff', {str(DEMO)!r}, {str(DEMO)!r}]):\n"
        "        assert main(command) == 0, command\n"
    )
    heavy = ("jinja2", "markupsafe", "docx", "lxml")
    assert sorted(m for m in loaded_after(code) if m.split(".")[0] in heavy) == []
    html = loaded_after(code.replace("'--format', 'md'", "'--format', 'html'"))
    assert "jinja2" in html and "docx" not in html  # the check would notice
