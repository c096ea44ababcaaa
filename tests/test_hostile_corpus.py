"""The hostile corpus (tests/hostile/) through every command: no traceback, no hang, exit 0, 1 or 2, no raw
control character on a terminal, no live formula in a CSV."""

from __future__ import annotations

import csv
import io
import re
import signal
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from assess.cli import main
from tests.conftest import assessment_text
from tests.hostile.generate import csv_cases, yaml_cases

YAML_CASES = yaml_cases()
CSV_CASES = csv_cases()
SECONDS = 20  # per command; a hang fails the test instead of stopping CI
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200b-\u200f]")
LIVE = ("=", "+", "-", "@", "\t", "\r")
PROGRESS = "\r\x1b[K"  # batch's own progress line on a terminal: layout, not user text


def test_the_corpus_is_large_enough() -> None:
    assert len(YAML_CASES) + len(CSV_CASES) >= 100
    assert len({name for name, _ in YAML_CASES + CSV_CASES}) == len(YAML_CASES) + len(CSV_CASES)


class Hang(Exception):
    pass


@pytest.fixture
def terminal(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
             ) -> Iterator[Callable[..., tuple[int, str, str]]]:
    """Run the CLI in-process as if stdout and stderr were a terminal, with a time limit."""

    def alarm(signum: int, frame: object) -> None:
        raise Hang(f"no answer within {SECONDS} s")

    previous = signal.signal(signal.SIGALRM, alarm)

    def run(*args: str) -> tuple[int, str, str]:
        monkeypatch.setattr(sys.stdout, "isatty", lambda: True)  # the captured streams of this moment
        monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
        signal.alarm(SECONDS)
        try:
            status = main(list(args))  # any exception but SystemExit (argparse) is a traceback: the test fails
        except SystemExit as exit_:
            status = int(exit_.code or 0)
        finally:
            signal.alarm(0)
        out, err = capsys.readouterr()
        assert status in (0, 1, 2), (args, status, err)
        for stream in (out, err.replace(PROGRESS, "")):
            raw = RAW_CONTROL.findall(stream)
            assert not raw, (args, raw, stream[:500])
        return status, out, err

    yield run
    signal.signal(signal.SIGALRM, previous)


def live_formulas(csv_text: str) -> list[str]:
    found = ["NUL"] if "\x00" in csv_text else []
    for row in csv.reader(io.StringIO(csv_text, newline="")):
        for value in row:
            found += [line for line in re.split(r"\r\n|\r|\n", value) if line.startswith(LIVE)]
    return found


@pytest.fixture
def good(tmp_path: Path) -> Path:
    path = tmp_path / "good.yaml"
    path.write_text(assessment_text('"1.1": partial', '"1.2": met'), encoding="utf-8")
    return path


@pytest.mark.parametrize(("name", "data"), YAML_CASES, ids=[name for name, _ in YAML_CASES])
def test_yaml_case(terminal, tmp_path: Path, good: Path, name: str, data: bytes) -> None:
    path = tmp_path / f"{name}.yaml"
    path.write_bytes(data)
    status, _, err = terminal("validate", str(path))
    assert ("Traceback" not in err) and (status == 0 or err)
    for fmt in ("md", "json", "csv"):
        terminal("report", str(path), "--format", fmt)
    target = tmp_path / "report.csv"
    if terminal("report", str(path), "--format", "csv", "-o", str(target))[0] == 0:
        assert live_formulas(target.read_text(encoding="utf-8")) == []
    terminal("diff", str(good), str(path), "--force")
    terminal("merge", str(path), str(good), "-o", str(tmp_path / "consensus.yaml"), "--force")


def test_batch_of_the_whole_corpus(terminal, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, data in YAML_CASES:
        (folder / f"{name}.yaml").write_bytes(data)
    out = tmp_path / "out"
    status, _, err = terminal("batch", str(folder), "--out", str(out), "--format", "md,json,csv", "-j", "2")
    assert status == 2  # some inputs are broken on purpose
    assert "Traceback" not in err
    reports = sorted(out.glob("*.csv"))
    assert len(reports) > 50
    for report in reports:
        assert live_formulas(report.read_text(encoding="utf-8")) == [], report.name
    assert not [p for p in out.iterdir() if p.name.startswith(".")]


@pytest.mark.parametrize(("name", "data"), CSV_CASES, ids=[name for name, _ in CSV_CASES])
def test_csv_case(terminal, tmp_path: Path, name: str, data: bytes) -> None:
    path = tmp_path / f"{name}.csv"
    path.write_bytes(data)
    status, _, err = terminal("import", str(path), "-o", str(tmp_path / "out"))
    assert status == 0 or err
    if status == 0:
        for written in sorted((tmp_path / "out").glob("*.yaml")):
            assert terminal("validate", str(written))[0] == 0
            report = tmp_path / "r.csv"
            assert terminal("report", str(written), "--format", "csv", "-o", str(report))[0] == 0
            assert live_formulas(report.read_text(encoding="utf-8")) == []
