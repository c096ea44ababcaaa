"""Saving every change at once, off the UI thread, never over a file someone else changed.

One worker thread does all disk work in order, so a check never races a write. When changes come
faster than the disk, only the newest assessment is written: every write is a complete, valid file
(``storage.guarded_write`` is atomic), so skipping an intermediate version loses nothing.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Protocol

from assess.files.storage import ChangedOnDisk, fingerprint, guarded_write
from assess.files.writer import dump
from assess.model.assessment import Assessment
from assess.model.catalog import Catalog

# The writer waits until the UI says the change is drawn (:meth:`Autosaver.drawn`), at most this long,
# before it dumps: writing the file (some 10 ms of Python) then does not compete with drawing the change
# for the interpreter, and a burst of keys becomes one write.
SETTLE_SECONDS = 0.008  # the least it waits
DRAWN_WAIT_SECONDS = 0.1  # the most it waits for the UI


class SaveListener(Protocol):
    """Told what happened; called on the worker thread."""

    def saved_to_disk(self, fingerprint: str) -> None: ...

    def changed_on_disk(self) -> None: ...

    def save_failed(self, error: OSError) -> None: ...

    def backup_kept(self, backup: Path) -> None: ...


class Autosaver:
    def __init__(self, path: Path, catalog: Catalog, expected: str | None, listener: SaveListener,
                 before_first_write: Callable[[], Path | None] | None = None) -> None:
        """``before_first_write``: keeps the file as a person wrote it before the first save replaces it (its
        backup, or None when there was nothing to keep); a save waits until it could."""
        self.path = path
        self._before_first_write = before_first_write
        self._catalog = catalog
        self._expected = expected
        self._listener = listener
        self._lock = threading.Lock()
        self._pending: Assessment | None = None
        self._blocked = False  # the file changed on disk: write nothing until the user decides
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="assess-autosave")
        self._drawn = threading.Event()  # the UI has drawn the latest change (or nobody waits for it)

    @property
    def blocked(self) -> bool:
        return self._blocked

    @property
    def unsaved(self) -> bool:
        """A change is not on disk yet (queued, refused after a conflict, or its write failed)."""
        return self._pending is not None

    def save(self, assessment: Assessment) -> None:
        """Write ``assessment`` soon: once the UI has drawn it (:meth:`drawn`), or after a short wait."""
        with self._lock:
            self._pending = assessment
            self._drawn.clear()
        self._executor.submit(self._settle_and_write)

    def drawn(self) -> None:
        """The UI has drawn the latest change: write it now (called on the UI thread)."""
        self._drawn.set()

    def check(self) -> None:
        """Look whether the file changed on disk (cheap: one read and a hash)."""
        self._executor.submit(self._check)

    def overwrite(self, assessment: Assessment, expected: str | None) -> None:
        """Keep mine: write ``assessment`` over the version on disk with fingerprint ``expected`` (the one the
        user saw and a backup keeps); if the file changed again meanwhile, that is a new conflict."""
        self._executor.submit(self._overwrite, assessment, expected)

    def adopt(self, expected: str | None) -> None:
        """After a reload: the file on disk is ours again; drop unsaved changes."""
        self._executor.submit(self._adopt, expected)

    def flushed(self) -> Future[None]:
        """Done when every save and check queued so far has run (nothing waits for the UI any more)."""
        self._drawn.set()
        return self._executor.submit(lambda: None)

    def close(self) -> None:
        self._drawn.set()
        self._executor.shutdown(wait=True)

    def _settle_and_write(self) -> None:
        time.sleep(SETTLE_SECONDS)
        self._drawn.wait(DRAWN_WAIT_SECONDS)
        self._write_pending()

    def _write_pending(self) -> None:
        if self._blocked:
            return
        with self._lock:
            assessment, self._pending = self._pending, None
        if assessment is None:
            return
        try:
            if self._before_first_write is not None:
                backup = self._before_first_write()  # an OSError: not saved, as any failed write, tried again
                self._before_first_write = None
                if backup is not None:
                    self._listener.backup_kept(backup)
            self._expected = guarded_write(self.path, dump(assessment, self._catalog), self._expected)
        except ChangedOnDisk:
            self._blocked = True
            with self._lock:
                if self._pending is None:
                    self._pending = assessment
            self._listener.changed_on_disk()
        except OSError as error:
            with self._lock:
                if self._pending is None:
                    self._pending = assessment
            self._listener.save_failed(error)
        else:
            self._listener.saved_to_disk(self._expected)

    def _check(self) -> None:
        if self._blocked:
            return
        if fingerprint(self.path) != self._expected:
            self._blocked = True
            self._listener.changed_on_disk()
        elif self._pending is not None:  # an earlier write failed (disk full, no permission): retry
            self._write_pending()

    def _overwrite(self, assessment: Assessment, expected: str | None) -> None:
        with self._lock:
            self._pending = assessment
        self._expected = expected
        self._blocked = False
        self._write_pending()

    def _adopt(self, expected: str | None) -> None:
        with self._lock:
            self._pending = None
        self._expected = expected
        self._blocked = False
