"""FIFOs and devices: outputs are written into them, never renamed over; inputs that are not regular files
are refused at once, never waited on; every input has the same size cap."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest

from assess.files import input_file as inputfile
from assess.files.storage import atomic_write, fingerprint, guarded_write
from tests.conftest import assessment_text


def _reader(path: Path, into: list[bytes]) -> threading.Thread:
    def read() -> None:
        with open(path, "rb") as handle:
            into.append(handle.read())

    thread = threading.Thread(target=read, daemon=True)
    thread.start()
    return thread


def test_atomic_write_writes_into_a_fifo(tmp_path: Path) -> None:
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    got: list[bytes] = []
    thread = _reader(fifo, got)
    atomic_write(fifo, "hallo\n")
    thread.join(10)
    assert got == [b"hallo\n"]
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert [p.name for p in tmp_path.iterdir()] == ["out.fifo"]  # no temp file left


def test_atomic_write_to_dev_null_keeps_the_device() -> None:
    atomic_write(Path("/dev/null"), "x" * 10)
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_guarded_write_into_a_fifo_does_not_read_it(tmp_path: Path) -> None:
    fifo = tmp_path / "consensus.yaml"
    os.mkfifo(fifo)
    assert fingerprint(fifo) is None  # reading a FIFO to fingerprint it would wait for a writer
    got: list[bytes] = []
    thread = _reader(fifo, got)
    guarded_write(fifo, "a: 1\n", None)
    thread.join(10)
    assert got == [b"a: 1\n"]


def test_regular_files_stay_atomic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "r.md"
    target.write_text("old", encoding="utf-8")
    before = os.stat(target).st_ino
    atomic_write(target, "new")
    assert target.read_text(encoding="utf-8") == "new"
    assert os.stat(target).st_ino != before  # replaced by rename, not written into


def test_cli_output_into_a_fifo(cli, write, tmp_path: Path) -> None:
    source = write("a.yaml", assessment_text('"1.1": met'))
    fifo = tmp_path / "report.fifo"
    os.mkfifo(fifo)
    got: list[bytes] = []
    thread = _reader(fifo, got)
    status, _, err = cli("report", str(source), "-o", str(fifo))
    thread.join(10)
    assert (status, err) == (0, "")
    assert got and got[0].startswith(b"#")
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_merge_into_a_fifo_does_not_hang(cli, write, tmp_path: Path) -> None:
    a = write("a.yaml", assessment_text('"1.1": met'))
    b = write("b.yaml", assessment_text('"1.1": not_met'))
    fifo = tmp_path / "consensus.fifo"
    os.mkfifo(fifo)
    got: list[bytes] = []
    thread = _reader(fifo, got)
    status, _, err = cli("merge", str(a), str(b), "-o", str(fifo))
    thread.join(10)
    assert status == 0, err
    assert b"assess: 1" in got[0]


# -- inputs ------------------------------------------------------------------------------------


@pytest.mark.parametrize("command", [
    ("validate", "{}"), ("report", "{}"), ("import", "{}", "-o", "{out}"), ("merge", "{}", "{ok}", "-o", "{out}/c"),
    ("merge", "{ok}", "{}", "-o", "{out}/c"), ("diff", "{}", "{ok}"), ("audit", "{}"),
    ("template", "--format", "xlsx", "--services", "{}", "-o", "{out}.xlsx"),
])
def test_a_fifo_input_is_refused_at_once(cli, write, tmp_path: Path, command: tuple[str, ...]) -> None:
    fifo = tmp_path / "in.yaml"
    os.mkfifo(fifo)  # no writer: opening it without O_NONBLOCK would wait forever
    ok = write("ok.yaml", assessment_text('"1.1": met'))
    args = [part.format(fifo, ok=ok, out=tmp_path / "out") for part in command]
    status, _, err = cli(*args)
    assert status == 2
    assert f"{fifo}: is a pipe (FIFO), not a regular file; not read" in err
    assert "Traceback" not in err


def test_a_keymap_that_is_a_fifo_or_a_device_is_refused_at_once(tmp_path: Path) -> None:
    from assess.errors import InputError
    from assess.tui.keymap import load_keymap

    fifo = tmp_path / "keymap.yaml"
    os.mkfifo(fifo)  # it hung: read as a text file, waiting for a writer
    for named in (fifo, Path("/dev/zero")):
        with pytest.raises(InputError, match="not a regular file"):
            load_keymap({"ASSESS_KEYMAP": str(named)})


def test_a_device_input_is_refused(cli) -> None:
    for command in (["validate", "/dev/zero"], ["import", "/dev/zero", "-o", "/tmp/never"],
                    ["merge", "/dev/zero", "/dev/zero", "-o", "/tmp/never"], ["audit", "/dev/zero"],
                    ["template", "--format", "xlsx", "--services", "/dev/zero", "-o", "/tmp/never.xlsx"]):
        status, _, err = cli(*command)
        assert status == 2
        assert err.startswith("/dev/zero: is a device, not a regular file"), (command, err)


def test_a_fifo_in_a_batch_folder_is_refused_and_the_rest_processed(cli, write, tmp_path: Path) -> None:
    write("in/a.yaml", assessment_text('"1.1": met'))
    os.mkfifo(tmp_path / "in" / "b.yaml")
    status, _, err = cli("batch", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "-j", "1")
    assert status == 2
    assert f"{tmp_path / 'in' / 'b.yaml'}: is a pipe (FIFO), not a regular file" in err
    assert (tmp_path / "out" / "test.md").exists()


def test_every_input_has_the_size_cap(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(inputfile, "MAX_BYTES", 1000)
    big = tmp_path / "big.csv"
    big.write_text("service,norm,result\n" + "X,1.1,met\n" * 200, encoding="utf-8")
    status, _, err = cli("import", str(big), "-o", str(tmp_path / "out"))
    assert (status, err) == (2, f"{big}: too large for a spreadsheet (0.0 MB; at most 0 MB)\n")
    yaml_big = tmp_path / "big.yaml"
    yaml_big.write_text(assessment_text('"1.1": {result: met, note: "' + "x" * 2000 + '"}'), encoding="utf-8")
    for command in (["merge", str(yaml_big), str(yaml_big), "-o", str(tmp_path / "c.yaml")],
                    ["validate", str(yaml_big)], ["audit", str(yaml_big)]):
        status, _, err = cli(*command)
        assert status == 2
        assert err.startswith(f"{yaml_big}: too large for an assessment file"), (command, err)


def test_stdin_is_read_once_with_the_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    import io
    import sys

    monkeypatch.setattr(inputfile, "MAX_BYTES", 10)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"x" * 100)))
    with pytest.raises(inputfile.InputError) as caught:
        inputfile.read_bytes("-")
    assert str(caught.value) == "<stdin>: too large for an assessment file (over 0 MB)"


def test_a_full_disk_is_one_line_and_keeps_the_old_file(cli, write, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    source = write("a.yaml", assessment_text('"1.1": met'))
    status, _, err = cli("report", str(source), "-o", "/dev/full")  # a device: written into, and it is full
    assert (status, err) == (2, "/dev/full: cannot write: No space left on device\n")
    target = tmp_path / "r.md"
    target.write_text("old report", encoding="utf-8")

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    status, _, err = cli("report", str(source), "-o", str(target))
    assert (status, err) == (2, f"{target}: cannot write: No space left on device\n")
    assert target.read_text(encoding="utf-8") == "old report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.yaml", "r.md"]  # no temp file left


def test_output_to_dev_stdout_goes_to_the_pipe(write) -> None:
    import subprocess
    import sys

    source = write("a.yaml", assessment_text('"1.1": met'))
    result = subprocess.run([sys.executable, "-m", "assess", "report", str(source), "-o", "/dev/stdout"],
                            capture_output=True, text=True, timeout=60)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.startswith("# Gap report: Test")


def test_a_fifo_no_program_reads_is_refused_in_seconds_not_waited_for(cli, write, tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    from assess.files import storage

    monkeypatch.setattr(storage, "FIFO_WAIT", 0.3)
    source = write("a.yaml", assessment_text('"1.1": met'))
    fifo = tmp_path / "out.md"
    os.mkfifo(fifo)
    start = time.monotonic()
    status, _, err = cli("report", str(source), "-o", str(fifo))
    assert time.monotonic() - start < 5
    assert status == 2 and "a FIFO no program reads" in err and err.count("\n") == 1


@pytest.mark.parametrize("command", [("report", "-o"), ("template", "--force", "-o")])
def test_a_read_only_output_is_refused_and_kept(cli, write, tmp_path: Path, command: tuple[str, ...]) -> None:
    source = write("a.yaml", assessment_text('"1.1": met'))
    frozen = tmp_path / "frozen.md"
    frozen.write_text("# signed off by the board\n", encoding="utf-8")
    frozen.chmod(0o444)
    args = [command[0], str(source), *command[1:], str(frozen)] if command[0] == "report" else [
        *command, str(frozen)]
    status, _, err = cli(*args)
    assert status == 2 and "read-only" in err and err.count("\n") == 1, err
    assert frozen.read_text(encoding="utf-8") == "# signed off by the board\n"


def test_atomic_write_refuses_a_read_only_file(tmp_path: Path) -> None:
    frozen = tmp_path / "a.yaml"
    frozen.write_text("mine\n", encoding="utf-8")
    frozen.chmod(0o444)
    with pytest.raises(PermissionError, match="read-only"):
        atomic_write(frozen, "theirs\n")
    assert frozen.read_text(encoding="utf-8") == "mine\n"
    assert [p.name for p in tmp_path.iterdir()] == ["a.yaml"]


@pytest.mark.parametrize("obstacle", ["read-only", "fifo"])
def test_batch_never_replaces_a_read_only_report_or_a_fifo(cli, write, tmp_path: Path, obstacle: str) -> None:
    source = write("in/a.yaml", assessment_text('"1.1": met'))
    out = tmp_path / "out"
    out.mkdir()
    report = out / "test.md"
    if obstacle == "read-only":
        report.write_text("# frozen\n", encoding="utf-8")
        report.chmod(0o444)
    else:
        os.mkfifo(report)
    status, _, err = cli("batch", str(source), "-o", str(out))
    assert status == 2
    assert f"report not written: {report}: " in err
    assert ("read-only" if obstacle == "read-only" else "a pipe (FIFO) has this name") in err
    if obstacle == "read-only":
        assert report.read_text(encoding="utf-8") == "# frozen\n" and not report.stat().st_mode & 0o222
    else:
        assert stat.S_ISFIFO(os.lstat(report).st_mode)
