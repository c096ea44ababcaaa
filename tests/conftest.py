from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from assess.cli import main
from assess.files.catalog_file import load_catalog
from assess.model.catalog import Catalog

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
STANDARDS = SEEDS / "004_c998a5404968b47d.txt"
# The parts of STANDARDS the catalog comes from, line for line, so the verbatim checks run in any clone;
# tests/test_catalog.py checks the excerpt against STANDARDS whenever that file is beside the checkout.
EXCERPT = Path(__file__).resolve().parent / "data" / "standards-excerpt.txt"


def excerpt_blocks() -> list[tuple[int, int, list[str]]]:
    """(first line, last line, lines) of each block of the excerpt, in source order."""
    blocks: list[tuple[int, int, list[str]]] = []
    for line in EXCERPT.read_text(encoding="utf-8").split("\n")[:-1]:
        if line.startswith("### lines "):
            first, last = line.removeprefix("### lines ").split("-")
            blocks.append((int(first), int(last), []))
        else:
            blocks[-1][2].append(line)
    return blocks


def standards_text() -> str:
    """The source lines the catalog comes from: the excerpt's blocks, in order, as one text."""
    return "\n\n".join("\n".join(lines) for _, _, lines in excerpt_blocks())


@pytest.fixture(params=["libyaml", "pure-python"])
def yaml_loader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run a test under libyaml's loader and under PyYAML's pure-Python one: the words must not differ."""
    import yaml

    from assess.files import strict_yaml

    if request.param == "pure-python":
        monkeypatch.setattr(strict_yaml, "StrictLoader", strict_yaml.PythonStrictLoader)
        monkeypatch.setattr(strict_yaml, "_BaseLoader", yaml.SafeLoader)
    elif not hasattr(yaml, "CSafeLoader"):
        pytest.skip("this PyYAML was built without libyaml")
    return str(request.param)


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return load_catalog()


@pytest.fixture
def write(tmp_path: Path) -> Callable[[str, str], Path]:
    """Write a dedented text file under tmp_path and return its path."""

    def _write(name: str, text: str) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    return _write


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., tuple[int, str, str]]:
    """Run the CLI in-process: returns (exit status, stdout, stderr)."""

    def _run(*args: str) -> tuple[int, str, str]:
        try:
            status = main(list(args))
        except SystemExit as exit_:  # argparse usage errors
            status = int(exit_.code or 0)
        out, err = capsys.readouterr()
        return status, out, err

    return _run


HEAD = 'assess: 1\nchecklist: unodc-who-2020\nservice: {name: "Test"}\n'


def assessment_text(*answer_lines: str, extra: str = "") -> str:
    """A small assessment file: HEAD, ``extra`` lines, then one answers entry per argument."""
    body = "".join(f"  {line}\n" for line in answer_lines)
    return HEAD + extra + ("answers:\n" + body if body else "answers: {}\n")
