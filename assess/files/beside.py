"""A function run beside this process, in a forked child, its result or its exception brought back.

A batch ends with one process writing the portfolio in each of its formats while the CPUs that ran its workers
stand idle (on two CPUs, a tenth of a batch of 1,000 files). With :class:`Beside`, the main process writes
portfolio.md while a child writes the other formats. The child is a fork, so it starts at once and has what the
parent has (the catalog, the built portfolio, the function to run); it reads the batch's spool through a
connection of its own (:meth:`assess.files.spool.Spool.share`) and writes into the staging folder only.

Only where a fork is cheap and safe: on Linux, with no other thread running in this process (a fork copies only
the thread that forks; a lock another thread held would stay held in the child). Elsewhere the function runs at
once, in this process, and :meth:`Beside.result` gives what it gave: the same outcome, without the overlap.

The child ignores Ctrl+C (the parent stops it with :meth:`Beside.cancel`, as it does on any error) and ends on
SIGTERM. Should the parent be killed outright (``kill -9``), the child finishes its writing and exits by itself.
A child that ends without an answer (killed, out of memory) is :class:`Lost`, and a system that refuses the fork
gets the function run here; an exception from the child comes back with the child's traceback as a note.
"""

from __future__ import annotations

import contextlib
import gc
import os
import pickle
import signal
import sys
import threading
import traceback
from collections.abc import Callable
from typing import Generic, TypeVar

from assess.errors import InputError

T = TypeVar("T")
E = TypeVar("E", bound=BaseException)


def can_fork() -> bool:
    return sys.platform == "linux" and hasattr(os, "fork") and threading.active_count() == 1


class Lost(RuntimeError):
    """The child ended without an answer (killed by a signal, out of memory): what it did is not to be trusted,
    and the caller may do it again here."""


class Beside(Generic[T]):
    """A function running in a child process (or already run here): :meth:`result` waits for it."""

    def __init__(self, function: Callable[[], T], fork: bool | None = None) -> None:
        self._pid: int | None = None
        self._outcome: tuple[bool, object] | None = None
        if (can_fork() if fork is None else fork) and self._fork(function):
            return
        self._outcome = _run(function)

    def _fork(self, function: Callable[[], T]) -> bool:
        """Start the child; False when the system refuses one (no memory, too many processes)."""
        reading, writing = os.pipe()
        # Every object there is now is left out of the collector's passes in both processes: a pass in the child
        # would write to each object's header and so copy every page of the parent's memory into its own.
        gc.freeze()
        try:
            pid = os.fork()
        except OSError:
            gc.unfreeze()
            os.close(reading)
            os.close(writing)
            return False
        if pid == 0:  # the child: never returns, its inherited objects kept frozen
            os.close(reading)
            _child(function, writing)
        gc.unfreeze()
        os.close(writing)
        self._pid, self._reading = pid, reading
        return True

    def result(self) -> T:
        """What the function returned; what it raised is raised here (:class:`Lost` when the child gave no
        answer)."""
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
            self._outcome = self._collect()

    def _collect(self) -> tuple[bool, object]:
        pid, reading = self._pid, self._reading
        assert pid is not None
        self._pid = None  # collected once, even if interrupted here
        chunks = []
        try:
            while chunk := os.read(reading, 1 << 16):
                chunks.append(chunk)
        except BaseException:  # Ctrl+C while waiting: the child goes too
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
            raise
        finally:
            os.close(reading)
            os.waitpid(pid, 0)
        try:
            done, text, value = pickle.loads(b"".join(chunks))
        except Exception:
            return False, Lost("the process beside this one ended without an answer")
        try:
            return done, pickle.loads(value)
        except Exception:  # an exception the child pickled that cannot be made again here
            return False, RuntimeError(text)


_in_child = False  # True in the child
_NOTE = "in the process beside"


def remembered(error: E) -> E:
    """``error``, in the child with its traceback as a note: pickling it for the parent loses its frames. For an
    exception the function returns rather than raises; one it raises gets the note anyway. An InputError is told
    as its problems, one line each, and gets none."""
    noted = any(note.startswith(_NOTE) for note in getattr(error, "__notes__", ()))
    if _in_child and not isinstance(error, InputError) and not noted:
        error.add_note(f"{_NOTE} (pid {os.getpid()}):\n{''.join(traceback.format_exception(error))}")
    return error


def _run(function: Callable[[], T]) -> tuple[bool, object]:
    try:
        return True, function()
    except Exception as error:
        return False, error


def _child(function: Callable[[], object], writing: int) -> None:
    """Run ``function``, send its outcome to the parent, exit without the parent's exit handlers or buffers.

    The outcome goes as (done, text, pickled value): the text (an exception's traceback) is what the parent
    raises when it cannot unpickle the value, and an exception is sent with the child's traceback as a note, the
    frames that pickling loses."""
    code = 0
    try:
        # Ctrl+C reaches the parent, which stops this child; SIGTERM ends it (not through the parent's handler)
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        global _in_child
        _in_child = True
        done, value = _run(function)
        text = ""
        if isinstance(value, BaseException):
            text = "".join(traceback.format_exception(value))
            remembered(value)
        try:
            pickled = pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
        except Exception as error:  # an exception or a result that cannot be pickled: its text
            done, text = False, f"{text or repr(value)} ({error})"
            pickled = pickle.dumps(RuntimeError(text))
        data = pickle.dumps((done, text, pickled), pickle.HIGHEST_PROTOCOL)
        view = memoryview(data)
        while view:
            view = view[os.write(writing, view):]
    except BaseException:
        code = 1
    finally:
        os._exit(code)
