"""assess batch under faults: outputs over inputs, two batches into one folder, a batch killed with -9."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from assess.files.batch_lock import LOCK_NAME, OutputLock
from tests.conftest import assessment_text


def service(name: str, answer: str = '"1.1": met') -> str:
    return assessment_text(answer).replace('service: {name: "Test"}', f"service: {{name: {name!r}}}")


@pytest.mark.parametrize(("input_name", "service_name", "formats"), [
    ("de-overloop.json", "De Overloop", "md,json"),
    ("svc.md", "svc", "md"),
    ("svc.csv", "Svc", "csv"),
])
def test_a_report_never_replaces_an_input(cli, tmp_path: Path, input_name: str, service_name: str,
                                          formats: str) -> None:
    out = tmp_path / "out"
    out.mkdir()
    source = out / input_name
    text = service(service_name)
    source.write_text(text, encoding="utf-8")
    status, _, err = cli("batch", str(source), "--out", str(out), "--format", formats, "-j", "1")
    assert status == 2
    assert f"{source}: is an input of this batch; not overwritten" in err
    assert source.read_text(encoding="utf-8") == text


@pytest.mark.parametrize("name", ["portfolio.json", "portfolio.md"])
def test_the_portfolio_never_replaces_an_input(cli, tmp_path: Path, name: str) -> None:
    out = tmp_path / "out"
    out.mkdir()
    source = out / name
    source.write_text(service("X"), encoding="utf-8")
    status, _, err = cli("batch", str(source), "--out", str(out))
    assert (status, err) == (2, f"{source}: is an input of this batch; not overwritten by its report: move the "
                                "assessment files out of the output folder or choose another --out\n")
    assert source.read_text(encoding="utf-8") == service("X")
    assert sorted(p.name for p in out.iterdir()) == [name]


def test_a_second_batch_into_the_same_folder_exits_2(cli, tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(service("A"), encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    with OutputLock(out):  # the first batch, still running
        status, _, err = cli("batch", str(tmp_path / "a.yaml"), "--out", str(out))
    assert (status, err) == (2, f"{out}: another assess batch is writing into this folder now; wait for it to "
                                "finish or choose another --out\n")
    assert not (out / "a.md").exists() and not (out / "portfolio.json").exists()
    status, _, err = cli("batch", str(tmp_path / "a.yaml"), "--out", str(out))
    assert (status, err) == (0, "")
    assert sorted(p.name for p in out.iterdir()) == ["a.md", "portfolio.json", "portfolio.md"]


def _many(folder: Path, count: int) -> None:
    folder.mkdir()
    note = "lange toelichting " * 200
    for number in range(count):
        answers = [f'"1.{k}": {{result: partial, note: "{note}"}}' for k in range(1, 8)]
        (folder / f"s{number:04d}.yaml").write_text(service(f"Service {number}", answers[0]).replace(
            "answers:\n", "answers:\n" + "".join(f"  {a}\n" for a in answers[1:])), encoding="utf-8")


def _wait_for_a_report(batch: subprocess.Popen[bytes], out: Path) -> None:
    """Until the running ``batch`` has put its first report in ``out`` (it must still be running then)."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and batch.poll() is None:
        if out.is_dir() and any(p.suffix == ".md" for p in out.iterdir()):
            break
        time.sleep(0.005)
    assert batch.poll() is None, "the batch ended before it could be stopped: give it more input"


def test_a_batch_killed_with_9_is_cleaned_up_and_reported_by_the_next(tmp_path: Path) -> None:
    inputs, out = tmp_path / "in", tmp_path / "out"
    _many(inputs, 400)
    command = [sys.executable, "-m", "assess", "batch", str(inputs), "--out", str(out), "-j", "1",
               "--format", "md,json,csv"]
    first = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_for_a_report(first, out)
        os.kill(first.pid, signal.SIGKILL)
    finally:
        first.wait(10)
    left = [p.name for p in out.iterdir()]
    assert any(name.startswith(".assess-batch-") and name != LOCK_NAME for name in left)
    assert "portfolio.json" not in left  # killed mid-run: some reports are in place, no portfolio yet
    second = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert second.returncode == 0, second.stderr
    warnings = second.stderr.splitlines()
    assert any("removed 1 staging folder(s) left by an interrupted batch" in w for w in warnings), warnings
    assert any("an earlier batch into this folder was stopped while it was publishing" in w for w in warnings)
    names = sorted(p.name for p in out.iterdir())
    assert not [n for n in names if n.startswith(".")]  # no staging folder, no lock file
    assert len(names) == 400 * 3 + 3  # the reports; portfolio.md, .json and .csv (csv is among the formats)
    third = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert (third.returncode, third.stderr) == (0, "")  # a finished run leaves nothing to warn about


def _stopped_while_running(tmp_path: Path, jobs: str, stop: Callable[[int], None]
                           ) -> tuple[int, bytes, bytes, list[str], Path, list[str]]:
    """Run a batch of 400 files, call ``stop(pid)`` once its first report is out: its exit status, stdout,
    stderr, command and output folder, and the names of what it left starting with a dot."""
    inputs, out = tmp_path / "in", tmp_path / "out"
    _many(inputs, 400)
    command = [sys.executable, "-m", "assess", "batch", str(inputs), "--out", str(out), "-j", jobs,
               "--format", "md,json,csv"]
    running = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    try:
        _wait_for_a_report(running, out)
        stop(running.pid)
        stdout, stderr = running.communicate(timeout=20)  # a worker left running would hold the pipes open
    finally:
        if running.poll() is None:
            os.killpg(running.pid, signal.SIGKILL)
            running.wait(10)
    with pytest.raises(ProcessLookupError):
        os.killpg(running.pid, 0)  # no process of the batch's group is left
    return running.returncode, stdout, stderr, command, out, [p.name for p in out.iterdir() if p.name[0] == "."]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_stops_a_batch_at_once_without_a_traceback(tmp_path: Path, jobs: str) -> None:
    """Ctrl+C in a terminal signals the whole process group: the main process and, with -j 2, its workers
    (whose tracebacks used to reach the terminal) and the thread writing the reports."""
    status, stdout, stderr, command, out, left = _stopped_while_running(
        tmp_path, jobs, lambda pid: os.killpg(pid, signal.SIGINT))
    assert (status, stdout, stderr) == (130, b"", b"")
    assert left == [LOCK_NAME], "the staging folder is removed"
    again = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert again.returncode == 0
    assert "an earlier batch into this folder was stopped while it was publishing" in again.stderr
    assert len([p for p in out.iterdir() if p.suffix == ".md"]) == 400 + 1


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_sigterm_to_the_batch_alone_stops_it_cleaned_up_with_143(tmp_path: Path, jobs: str) -> None:
    """``kill PID`` (or ``timeout``, a stopped CI job) reaches the main process only: its workers must not
    outlive it and print tracebacks as their pipes break."""
    status, stdout, stderr, _, _, left = _stopped_while_running(tmp_path, jobs,
                                                                 lambda pid: os.kill(pid, signal.SIGTERM))
    assert (status, stdout, stderr) == (143, b"", b"")
    assert left == [LOCK_NAME], "the staging folder is removed"
