"""assess.files.beside: a function run in a forked child, its result or its exception brought back."""

from __future__ import annotations

import os
import signal
import sys
import threading
import time

import pytest

from assess.errors import InputError, Problem
from assess.files import beside
from assess.files.beside import Beside

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="the child is forked on Linux only")


def test_the_function_runs_in_a_child_and_its_result_comes_back() -> None:
    running = Beside(lambda: (os.getpid(), [1, "twee", None]), fork=True)
    pid, value = running.result()
    assert pid != os.getpid() and value == [1, "twee", None]


def test_without_a_fork_it_runs_at_once_here() -> None:
    ran: list[int] = []
    running = Beside(lambda: ran.append(os.getpid()) or "klaar", fork=False)
    assert ran == [os.getpid()], "run before Beside returned"
    assert running.result() == "klaar"


def test_what_the_function_raised_is_raised_by_result() -> None:
    problems = tuple(Problem("portfolio.json", None, f"cannot write {k}") for k in range(3))

    def fails() -> None:
        raise InputError(problems)

    for fork in (True, False):
        with pytest.raises(InputError) as raised:
            Beside(fails, fork=fork).result()
        assert raised.value.problems == problems


def test_a_result_that_cannot_be_pickled_comes_back_as_its_text() -> None:
    with pytest.raises(RuntimeError, match="cannot pickle"):
        Beside(lambda: threading.Lock(), fork=True).result()


def test_a_child_that_dies_is_told_not_waited_for_forever() -> None:
    def dies() -> None:
        os.kill(os.getpid(), signal.SIGKILL)

    with pytest.raises(beside.Lost, match="ended without an answer"):
        Beside(dies, fork=True).result()


def test_cancel_stops_a_child_still_running() -> None:
    start = time.monotonic()
    running = Beside(lambda: time.sleep(30), fork=True)
    running.cancel()
    assert time.monotonic() - start < 5
    running.cancel()  # twice: nothing left to stop


def test_no_fork_while_another_thread_runs() -> None:
    assert beside.can_fork()
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert not beside.can_fork()
    finally:
        stop.set()
        other.join()


class TwoArguments(Exception):
    """Pickles, but cannot be made again from its args (as some libraries' exceptions)."""

    def __init__(self, message: str, line: int) -> None:
        super().__init__(f"{message} at line {line}")


def test_an_exception_that_cannot_be_made_again_comes_back_as_its_text() -> None:
    def fails() -> None:
        raise TwoArguments("broken template", 7)

    with pytest.raises(RuntimeError, match="TwoArguments: broken template at line 7"):
        Beside(fails, fork=True).result()


def test_a_bug_in_the_child_comes_back_with_the_childs_traceback() -> None:
    def buggy() -> None:
        {}["missing"]

    with pytest.raises(KeyError) as raised:
        Beside(buggy, fork=True).result()
    notes = "\n".join(getattr(raised.value, "__notes__", []))
    assert "in the process beside" in notes and "buggy" in notes and "KeyError" in notes


def test_a_child_killed_is_lost_and_said_so() -> None:
    with pytest.raises(beside.Lost):
        Beside(lambda: os.kill(os.getpid(), signal.SIGTERM), fork=True).result()


def test_when_the_system_refuses_a_fork_the_function_runs_here(monkeypatch) -> None:
    def refused() -> int:
        raise BlockingIOError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(os, "fork", refused)
    before = len(os.listdir("/proc/self/fd"))
    assert Beside(os.getpid, fork=True).result() == os.getpid()
    assert len(os.listdir("/proc/self/fd")) == before, "the pipe is closed again"
