"""A real `assess audit` in a pseudo-terminal: killed with SIGKILL mid-audit, it loses nothing it was given;
quit, it says in the terminal what was saved."""

from __future__ import annotations

import contextlib
import fcntl
import os
import signal
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time
from pathlib import Path

import pytest

from assess.errors import InputError
from assess.files import assessment_file
from assess.files.catalog_file import load_catalog

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")

KEYS = {"m": "met", "p": "partial", "n": "not_met", "a": "na"}


class Terminal:
    """`assess ARGS...` on a pseudo-terminal of 80x24, its output drained so it never blocks."""

    def __init__(self, *args: str, cwd: Path | None = None) -> None:
        self.master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        env = {**os.environ, "TERM": "xterm-256color", "LANG": "en_GB.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}
        env.pop("ASSESS_KEYMAP", None)
        env.setdefault("XDG_STATE_HOME", tempfile.mkdtemp(prefix="assess-state-"))  # drafts, positions: not in ~
        self.process = subprocess.Popen(
            [sys.executable, "-m", "assess", *args],
            stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True, close_fds=True, cwd=cwd,
        )
        os.close(slave)
        self.output = bytearray()
        self._reader = threading.Thread(target=self._drain, daemon=True)
        self._reader.start()

    def _drain(self) -> None:
        while True:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                return
            if not chunk:
                return
            self.output += chunk

    def send(self, keys: str) -> None:
        with contextlib.suppress(OSError):  # the terminal is gone: the process was killed
            os.write(self.master, keys.encode())

    def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)
        master, self.master = self.master, -1
        os.close(master)


def results_on_disk(path: Path) -> dict[str, str | None] | None:
    """The results in the file, or None while it cannot be loaded."""
    try:
        loaded = assessment_file.load(str(path), load_catalog())
    except InputError:
        return None
    return {norm_id: answer.result for norm_id, answer in loaded.assessment.answers.items()}


def wait_for(condition, what: str, timeout: float = 20.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.02)
    raise AssertionError(f"timed out waiting for {what}")


def test_sigkill_mid_audit_loses_nothing(tmp_path: Path) -> None:
    path = tmp_path / "killed.yaml"
    norms = [n.id for n in load_catalog().principle_norms]
    terminal = Terminal("audit", str(path), "--lang", "en")
    try:
        wait_for(lambda: b"Quit" in terminal.output, "the audit to be on screen")
        assert results_on_disk(path) == {}, "a new FILE is created before the audit starts"
        confirmed: dict[str, str] = {}
        for index, key in enumerate("mpnamm"):
            terminal.send(key + ("\r" if key == "a" else ""))  # `a` asks why: enter goes on without a reason
            confirmed[norms[index]] = KEYS[key]
            wait_for(lambda: results_on_disk(path) == confirmed, f"answer {index + 1} on disk")
        burst = "pnam" * 14  # every norm left, typed fast: a key every 5 ms
        typed = [k + ("\r" if k == "a" else "") for k in burst]  # after `a`, enter: no reason
        typist = threading.Thread(target=lambda: [terminal.send(k) or time.sleep(0.005) for k in typed], daemon=True)
        typist.start()
        # Kill while keys are still coming and being saved.
        wait_for(lambda: len(results_on_disk(path) or {}) >= len(confirmed) + 10, "the burst to reach the disk", 10)
        terminal.kill()
    finally:
        if terminal.process.poll() is None:
            terminal.kill()
    assert terminal.process.returncode == -signal.SIGKILL

    on_disk = results_on_disk(path)
    assert on_disk is not None, "the file on disk is a valid assessment after SIGKILL"
    for norm_id, result in confirmed.items():
        assert on_disk[norm_id] == result, f"{norm_id}: an answer given before the kill was lost"
    after = [on_disk.get(norm_id) for norm_id in norms[len(confirmed):len(confirmed) + len(burst)]]
    saved_of_burst = len([r for r in after if r is not None])
    print(f"{saved_of_burst} of the {len(burst)} keys of the burst were on disk at the kill")
    assert after[:saved_of_burst] == [KEYS[k] for k in burst[:saved_of_burst]], "the burst was saved in order"
    assert set(on_disk) == set(norms[:len(confirmed) + saved_of_burst]), "nothing else was written"


def test_demo_in_dutch_says_where_it_copied_and_what_was_saved(tmp_path: Path) -> None:
    terminal = Terminal("demo", "--lang", "nl", cwd=tmp_path)
    try:
        wait_for(lambda: b"Stop" in terminal.output, "the audit to be on screen")
        terminal.send("q")
        terminal.process.wait(timeout=20)
    finally:
        if terminal.process.poll() is None:
            terminal.kill()
    assert terminal.process.returncode == 0
    wait_for(lambda: b"assess report" in terminal.output, "the closing line")
    said = terminal.output.decode("utf-8", "replace").replace("\r", "")
    copy = tmp_path / "assess-demo.yaml"
    assert f"assess demo: de demo is gekopieerd naar {copy}" in said
    principle_norms = {n.id for n in load_catalog().principle_norms}  # settings are scored apart, as in the report
    assessed = len(set(results_on_disk(copy) or {}) & principle_norms)
    assert assessed > 0
    assert f"{copy}: {assessed} van 62 normen beoordeeld, opgeslagen. Rapport: assess report {copy}" in said
