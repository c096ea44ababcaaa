"""New files written by a thread of their own, in the order given, so that the file system's work on one
service's reports overlaps the rendering of the next.

Creating a file is a system call whose cost depends on the disk and its state far more than on the program:
on the 2-CPU VM of the benches it took 0.06 ms in one folder and 1.1 ms in another (ext4 mounted with
``discard``, after many files had been deleted there); on a network share it takes longer still. A batch
creates a file per report. The calls release the GIL, so a second thread can wait on them while the first
renders.

The caller learns of a write that failed at :meth:`BackgroundWriter.wait`, keyed as it was given, and must not
use the files of a key before then.
"""

from __future__ import annotations

import queue
import sys
import threading
from collections.abc import Hashable, Iterator
from contextlib import contextmanager

from assess.files.storage import write_whole

# How long a thread that waits for the GIL lets the running one go on before asking for it (Python's default
# is 5 ms). The writer needs the GIL back after each system call of a file; at the default it would get it at
# most once per 5 ms and fall behind. Set only for the time of a batch (see :func:`short_switches`).
SWITCH_INTERVAL = 0.0002


@contextmanager
def short_switches() -> Iterator[None]:
    before = sys.getswitchinterval()
    sys.setswitchinterval(SWITCH_INTERVAL)
    try:
        yield
    finally:
        sys.setswitchinterval(before)


class BackgroundWriter:
    """``write(key, path, data, flags)`` queues a whole-file write (:func:`~assess.files.storage.write_whole`);
    ``wait()`` returns when every queued write is done, with the first error of each key that had one (an
    ``OSError`` as a rule; any other exception is kept too, so that ``wait`` never waits on a thread that died)."""

    def __init__(self) -> None:
        self._queue: queue.SimpleQueue[tuple[Hashable, str, bytes, int] | threading.Event | None] = \
            queue.SimpleQueue()
        self._errors: dict[Hashable, Exception] = {}
        self._thread: threading.Thread | None = None

    def write(self, key: Hashable, path: str, data: bytes, flags: int) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="assess-writer", daemon=True)
            self._thread.start()
        self._queue.put((key, path, data, flags))

    def wait(self) -> dict[Hashable, Exception]:
        """Every write queued so far done: the errors by key (and forgotten here)."""
        if self._thread is None:
            return {}
        done = threading.Event()
        self._queue.put(done)
        done.wait()
        errors, self._errors = self._errors, {}
        return errors

    def close(self) -> None:
        if self._thread is not None:
            self._queue.put(None)
            self._thread.join()
            self._thread = None

    def _run(self) -> None:
        while True:
            item = self._queue.get()
            if item is None:
                return
            if isinstance(item, threading.Event):
                item.set()
                continue
            key, path, data, flags = item
            if key in self._errors:
                continue  # its reports are not used: the first error is the one to tell
            try:
                write_whole(path, data, flags)
            except Exception as error:  # told to the caller at wait(), so that wait never waits on a dead thread
                self._errors[key] = error
