"""`assess audit` in a real pseudo-terminal: kill -9 with the edit form or the details form open keeps the draft;
keys typed fast across Tab land in their fields; a second audit of an open file is read-only; no control sequence
from a file reaches the terminal."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

from assess.files import assessment_file
from assess.files.catalog_file import load_catalog
from assess.model.assessment import Answer
from tests.test_tui_kill import Terminal, wait_for
from tests.test_tui_support import write_assessment

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")


def screen_text(terminal: Terminal) -> str:
    return terminal.output.decode("utf-8", "replace")


def stop(terminal: Terminal) -> None:
    if terminal.process.poll() is None:
        terminal.kill()


def test_kill_9_with_the_form_open_then_reopen_offers_the_draft(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    path = write_assessment(tmp_path / "a.yaml", {"1.1": Answer("met")})
    terminal = Terminal("audit", str(path), "--lang", "en")
    try:
        wait_for(lambda: b"Quit" in terminal.output, "the audit on screen")
        terminal.send("e")
        wait_for(lambda: b"Evidence (one per line" in terminal.output, "the edit form")
        terminal.send("Rooster weekend")
        wait_for(lambda: list((tmp_path / "state").rglob("drafts/*.json")), "the draft on disk", 10)
        terminal.kill()
    finally:
        stop(terminal)
    assert assessment_file.load(str(path), load_catalog()).assessment.answer("1.2") == Answer(), "nothing saved"

    again = Terminal("audit", str(path), "--lang", "en")
    try:
        wait_for(lambda: b"put back (not saved yet)" in again.output, "the draft offered back")
        again.send("\x13")  # ctrl+s
        wait_for(lambda: (assessment_file.load(str(path), load_catalog()).assessment.answer("1.2").evidence
                          == ("Rooster weekend",)), "the draft saved")
        again.send("q")
        again.process.wait(timeout=20)
    finally:
        stop(again)
    assert not list((tmp_path / "state").rglob("drafts/*.json")), "saved: no draft left"


def test_kill_9_with_the_details_form_open_then_reopen_offers_what_was_typed(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    path = write_assessment(tmp_path / "a.yaml", {"1.1": Answer("met")})
    terminal = Terminal("audit", str(path), "--lang", "en")
    try:
        wait_for(lambda: b"Quit" in terminal.output, "the audit on screen")
        terminal.send("i")
        wait_for(lambda: b"Name of the service" in terminal.output, "the details form")
        terminal.send(" Noord")  # after the name there
        wait_for(lambda: list((tmp_path / "state").rglob("drafts/*.json")), "the draft on disk", 10)
        terminal.kill()
    finally:
        stop(terminal)
    assert assessment_file.load(str(path), load_catalog()).assessment.service.name == "Test", "nothing saved"

    again = Terminal("audit", str(path), "--lang", "en")
    try:
        wait_for(lambda: b"put back (not saved yet)" in again.output, "the draft offered back")
        again.send("\x13")  # ctrl+s
        wait_for(lambda: assessment_file.load(str(path), load_catalog()).assessment.service.name == "Test Noord",
                 "the draft saved")
        again.send("q")
        again.process.wait(timeout=20)
    finally:
        stop(again)
    assert not list((tmp_path / "state").rglob("drafts/*.json")), "saved: no draft left"


def test_a_burst_across_tab_in_a_terminal_lands_in_each_field(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    path = write_assessment(tmp_path / "a.yaml", {})
    terminal = Terminal("audit", str(path), "--lang", "en")
    try:
        wait_for(lambda: b"Quit" in terminal.output, "the audit on screen")
        terminal.send("e")
        wait_for(lambda: b"Evidence (one per line" in terminal.output, "the edit form")
        terminal.send("Rooster\tWeekend dicht\tOpen op zaterdag\tM. de Vries\t2027-03-01\x13")  # one write
        wait_for(lambda: (assessment_file.load(str(path), load_catalog()).assessment.answer("1.1").action
                          is not None), "the form saved")
        terminal.send("q")
        terminal.process.wait(timeout=20)
    finally:
        stop(terminal)
    answer = assessment_file.load(str(path), load_catalog()).assessment.answer("1.1")
    assert answer.evidence == ("Rooster",) and answer.note == "Weekend dicht"
    assert answer.action is not None
    assert (answer.action.description, answer.action.owner, str(answer.action.due)) == (
        "Open op zaterdag", "M. de Vries", "2027-03-01")


def test_a_second_audit_of_an_open_file_opens_read_only(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    path = write_assessment(tmp_path / "a.yaml", {})
    first = Terminal("audit", str(path), "--lang", "en")
    second = None
    try:
        wait_for(lambda: b"Quit" in first.output, "the first audit on screen")
        second = Terminal("audit", str(path), "--lang", "en")
        wait_for(lambda: b"read-only: open elsewhere" in second.output, "the second audit says it is read-only")
        before = path.read_bytes()
        second.send("m")
        time.sleep(0.5)
        assert path.read_bytes() == before, "the second audit saves nothing"
        first.send("m")
        wait_for(lambda: path.read_bytes() != before, "the first audit saves")
    finally:
        stop(first)
        if second is not None:
            stop(second)
    assert assessment_file.load(str(path), load_catalog()).assessment.result("1.1") == "met"


def test_control_sequences_in_a_file_never_reach_the_terminal(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    path = write_assessment(tmp_path / "a.yaml", {"1.1": Answer("met", note="x\x1b]0;PWNED\x07y \x1b[2J")})
    path.write_text(path.read_text(encoding="utf-8").replace('name: "Test"', 'name: "T\\e]2;PWNED\\a"'),
                    encoding="utf-8")
    terminal = Terminal("audit", str(path), "--lang", "en")
    try:
        wait_for(lambda: b"Quit" in terminal.output, "the audit on screen")
        terminal.send("k")  # to 1.1 and its note
        wait_for(lambda: b"PWNED\\x07y" in terminal.output, "the note shown, escaped")
        terminal.send("q")
        terminal.process.wait(timeout=20)
    finally:
        stop(terminal)
    assert b"\x1b]0;PWNED" not in terminal.output and b"\x1b]2;PWNED" not in terminal.output
    assert b"x\\x1b]0;PWNED\\x07y \\x1b[2J" in terminal.output


def test_a_burst_of_a_a_reason_and_enter_in_a_terminal_lands_the_reason(tmp_path: Path, monkeypatch) -> None:
    """`a`, the reason and enter typed in one go (one write: the keys arrive together): the reason is the note of
    the norm scored not applicable, no letter of it scores or moves, and the keys after enter score again."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    path = write_assessment(tmp_path / "a.yaml", {})
    terminal = Terminal("audit", str(path), "--lang", "en")
    try:
        wait_for(lambda: b"Quit" in terminal.output, "the audit on screen")
        terminal.send("mageen jeugd, ook geen kliniek\rm")  # 1.1 met, 1.2 na with a reason, 1.3 met
        wait_for(lambda: assessment_file.load(str(path), load_catalog()).assessment.result("1.3") == "met",
                 "the burst saved")
        terminal.send("a\x1b")  # 1.4: not applicable, no reason (esc)
        wait_for(lambda: assessment_file.load(str(path), load_catalog()).assessment.result("1.4") == "na",
                 "1.4 saved")
        time.sleep(0.5)  # a lone esc is told from the start of a sequence by a pause: then q is q, not alt+q
        terminal.send("q")
        terminal.process.wait(timeout=20)
    finally:
        stop(terminal)
    answers = assessment_file.load(str(path), load_catalog()).assessment.answers
    assert {k: (a.result, a.note) for k, a in answers.items()} == {
        "1.1": ("met", None), "1.2": ("na", "geen jeugd, ook geen kliniek"), "1.3": ("met", None),
        "1.4": ("na", None)}


def resize(terminal: Terminal, columns: int, rows: int) -> None:
    """The terminal's new size, told to the program as a terminal emulator tells it (SIGWINCH)."""
    import fcntl
    import os
    import signal
    import struct
    import termios

    fcntl.ioctl(terminal.master, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
    os.killpg(terminal.process.pid, signal.SIGWINCH)


def test_a_terminal_resized_under_an_open_dialog_keeps_the_audit_running(tmp_path: Path, monkeypatch) -> None:
    """Taller, shorter, wider and narrower with the edit form open (the dimmed audit drawn below it at a size it
    was not laid out for yet), then with the summary open: the audit goes on, and saves what was typed."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    path = write_assessment(tmp_path / "a.yaml", {"1.1": Answer("met")})
    terminal = Terminal("audit", str(path), "--lang", "en")
    try:
        wait_for(lambda: b"Quit" in terminal.output, "the audit on screen")
        terminal.send("e")
        wait_for(lambda: b"Evidence (one per line" in terminal.output, "the edit form")
        terminal.send("Rooster")
        for columns, rows in ((80, 40), (80, 24), (120, 30), (90, 26)):
            resize(terminal, columns, rows)
            time.sleep(0.8)
            assert terminal.process.poll() is None, screen_text(terminal)[-3000:]
        terminal.send("\x13")  # ctrl+s
        wait_for(lambda: (assessment_file.load(str(path), load_catalog()).assessment.answer("1.2").evidence
                          == ("Rooster",)), "the evidence saved")
        terminal.send("s")
        wait_for(lambda: b"Overall" in terminal.output or b"overall" in terminal.output, "the summary")
        for columns, rows in ((100, 40), (80, 24)):
            resize(terminal, columns, rows)
            time.sleep(0.8)
            assert terminal.process.poll() is None, screen_text(terminal)[-3000:]
        terminal.send("s")
        time.sleep(0.3)
        terminal.send("q")
        assert terminal.process.wait(timeout=20) == 0
    finally:
        stop(terminal)
    assert b"Traceback" not in terminal.output and b"Error" not in terminal.output
