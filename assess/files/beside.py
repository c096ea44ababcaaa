"""A function run beside this process, in a forked child, its result or its exception brought back.

A batch ends with one process writing the portfolio in each of its formats while the CPUs that ran its workers
stand idle (on two CPUs, a tenth of a batch of 1,000 files). With :func:`start`, the main process writes
portfolio.md while a child writes the other formats. The child is a fork, so it starts at once and has what the
parent has (the catalog, the built portfolio, the function to run); it reads the batch's spool through a
connection of its own (:meth:`assess.files.spool.Spool.share`) and writes into the staging folder only.

Only where a fork is cheap and safe: on Linux, with no other thread running in this process (a fork copies only
the thread that forks; a lock another thread held would stay held in the child). Elsewhere the function runs at
once, in this process, and :meth:`Beside.result` gives what it gave: the same outcome, without the overlap.

The child ignores Ctrl+C (the parent stops it with :meth:`Beside.cancel`, as it does on any error) and ends on
SIGTERM. Should the parent be killed outright (``kill -9``), the child finishes its writing and exits by itself.
"""

from __future__ import annotations

import contextlib
import gc
import os
import pickle
import signal
import sys
import threading
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


def can_fork() -> bool:
    return sys.platform == "linux" and hasattr(os, "fork") and threading.active_count() == 1


class Beside(Generic[T]):
    """A function running in a child process (or already run here): :meth:`result` waits for it."""

    def __init__(self, function: Callable[[], T], fork: bool | None = None) -> None:
        self._pid: int | None = None
        self._outcome: tuple[bool, object] | None = None
        if not (can_fork() if fork is None else fork):
            self._outcome = _run(function)
            return
        reading, writing = os.pipe()
        # Every object there is now is left out of the collector's passes in both processes: a pass in the child
        # would write to each object's header and so copy every page of the parent's memory into its own.
        gc.freeze()
        try:
            pid = os.fork()
            if pid == 0:  # the child: never returns
                os.close(reading)
                _child(function, writing)
        finally:
            gc.unfreeze()
        os.close(writing)
        self._pid, self._reading = pid, reading

    def result(self) -> T:
        """What the function returned; what it raised is raised here."""
        if self._outcome is None:
            self._outcome = self._collect()
        done, value = self._outcome
        if not done:
            raise value  # type: ignore[misc]  # an exception, by _run
        return value  # type: ignore[return-value]  # what the function returned, by _run

    def cancel(self) -> None:
        """Stop the child if it still runs (the parent stopped on an error or Ctrl+C)."""
        if self._pid is not None:
            with contextlib.suppress(ProcessLookupError):  # it has ended and been waited for
                os.kill(self._pid, signal.SIGKILL)
            self._collect()

    def _collect(self) -> tuple[bool, object]:
        assert self._pid is not None
        chunks = []
        while chunk := os.read(self._reading, 1 << 16):
            chunks.append(chunk)
        os.close(self._reading)
        _, status = os.waitpid(self._pid, 0)
        self._pid = None
        if not chunks:
            return False, RuntimeError(f"the process beside this one ended without an answer (status {status})")
        outcome: tuple[bool, object] = pickle.loads(b"".join(chunks))
        return outcome


def _run(function: Callable[[], T]) -> tuple[bool, object]:
    try:
        return True, function()
    except Exception as error:
        return False, error


def _child(function: Callable[[], object], writing: int) -> None:
    """Run ``function``, send its outcome to the parent, exit without the parent's exit handlers or buffers."""
    code = 0
    try:
        # Ctrl+C reaches the parent, which stops this child; SIGTERM ends it (not through the parent's handler)
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        outcome = _run(function)
        try:
            data = pickle.dumps(outcome, pickle.HIGHEST_PROTOCOL)
        except Exception as error:  # an exception or a result that cannot be pickled: its text
            data = pickle.dumps((False, RuntimeError(f"{type(outcome[1]).__name__}: {outcome[1]} ({error})")))
        view = memoryview(data)
        while view:
            view = view[os.write(writing, view):]
    except BaseException:
        code = 1
    finally:
        os._exit(code)
