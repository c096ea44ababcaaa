"""New files written in the order given, by a thread of their own once creating them proves slow, so that the
file system's work on one service's reports overlaps the rendering of the next.

Creating a file is a system call whose cost depends on the disk and its state far more than on the program:
on the 2-CPU VM of the benches it took 0.06 ms in one folder and 1.1 ms in another (ext4 mounted with
``discard``, after many files had been deleted there); on a network share it takes longer still. A batch
creates a file per report. The calls release the GIL, so a second thread can wait on them while the first
renders.

On a quick disk (a RAM disk, a fresh folder: a file in 0.02-0.06 ms) handing each file to a thread costs more
than the write itself: about 0.05 ms of switching per file, 3-4% of a batch on two CPUs. So the writer writes in
the caller's thread while files are quick to create, and starts its thread once the median of the last
:data:`RECENT` writes took longer than :data:`SLOW_WRITE` (the median: a process preempted in the middle of one
write, as happens with a worker per CPU and the main process beside them, has not found a slow disk); from then
on every write goes there, in the order given.

The caller learns of a write that failed at :meth:`BackgroundWriter.wait`, keyed as it was given, and must not
use the files of a key before then.
"""

from __future__ import annotations

import queue
import sys
import threading
import time
from collections import deque
from collections.abc import Hashable, Iterator
from contextlib import contextmanager

from assess.files.storage import write_whole

# How long a thread that waits for the GIL lets the running one go on before asking for it (Python's default
# is 5 ms). The writer needs the GIL back after each system call of a file; at the default it would get it at
# most once per 5 ms and fall behind. Set only for the time of a batch (see :func:`short_switches`).
SWITCH_INTERVAL = 0.0002
SLOW_WRITE = 0.0001  # seconds: writes taking longer (their median) hand the writing to the thread (see above)
RECENT = 15  # writes whose median is judged


@contextmanager
def short_switches() -> Iterator[None]:
    before = sys.getswitchinterval()
    sys.setswitchinterval(SWITCH_INTERVAL)
    try:
        yield
    finally:
        sys.setswitchinterval(before)


class BackgroundWriter:
    """``write(key, path, data, flags)`` makes a whole-file write (:func:`~assess.files.storage.write_whole`), at
    once or, after a slow one, queued for the thread;
    ``wait()`` returns when every queued write is done, with the first error of each key that had one (an
    ``OSError`` as a rule; any other exception is kept too, so that ``wait`` never waits on a thread that died)."""

    def __init__(self, slow_write: float = SLOW_WRITE) -> None:
        self._queue: queue.SimpleQueue[tuple[Hashable, str, bytes, int] | threading.Event | None] = \
            queue.SimpleQueue()
        self._errors: dict[Hashable, Exception] = {}
        self._thread: threading.Thread | None = None
        self._slow_write = slow_write
        self._recent: deque[float] = deque(maxlen=RECENT)

    @property
    def threaded(self) -> bool:
        """Whether the writes go to the thread now (after one that was slow)."""
        return self._thread is not None

    def write(self, key: Hashable, path: str, data: bytes, flags: int) -> None:
        if self._thread is None:
            start = time.perf_counter()
            self._write(key, path, data, flags)
            self._recent.append(time.perf_counter() - start)
            # judged once there are RECENT writes: the first of a process is slow on any disk (a cold cache)
            if len(self._recent) == RECENT and sorted(self._recent)[RECENT // 2] > self._slow_write:
                self._thread = threading.Thread(target=self._run, name="assess-writer", daemon=True)
                self._thread.start()
            return
        self._queue.put((key, path, data, flags))

    def wait(self) -> dict[Hashable, Exception]:
        """Every write queued so far done: the errors by key (and forgotten here)."""
        if self._thread is not None:
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
            self._write(*item)

    def _write(self, key: Hashable, path: str, data: bytes, flags: int) -> None:
        if key in self._errors:
            return  # its reports are not used: the first error is the one to tell
        try:
            write_whole(path, data, flags)
        except Exception as error:  # told to the caller at wait(), so that wait never waits on a dead thread
            self._errors[key] = error
