"""One ``assess batch`` at a time per output folder, and no silent leftovers of an interrupted one.

* The lock: ``DIR/.assess-batch.lock``, held with ``flock`` (non-blocking) for the whole run. A second batch
  into the same folder stops at once (exit 2) instead of mixing its reports with the first one's.
* Staging folders ``DIR/.assess-batch-*/`` exist only while their run holds the lock, so once the lock is
  ours, any that are left are from a run that was killed: they are removed, with a warning.
* While a run publishes (from its first report moved into place until its portfolio is), the lock file
  says so; a run that ends with the folder consistent removes the lock file. A run killed in between
  leaves that note behind, and the next batch into the folder warns that the
  reports and the portfolio there may be from two runs (until it has published its own).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
from pathlib import Path
from types import TracebackType

from assess.errors import InputError

LOCK_NAME = ".assess-batch.lock"
STAGING_PREFIX = ".assess-batch-"
_PUBLISHING = "publishing"

try:
    import fcntl
except ImportError:  # not on Windows: there the lock is only advisory text
    fcntl = None  # type: ignore[assignment]


class OutputLock:
    """Hold the batch lock on ``out``; ``warnings`` says what an earlier, interrupted run left."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self.path = out / LOCK_NAME
        self.warnings: list[str] = []
        self._fd: int | None = None
        self._marked = False  # this run has noted that it publishes
        self._unfinished = False  # the folder may mix two runs (noted in the lock file)

    def __enter__(self) -> OutputLock:
        try:
            self._fd = os.open(self.path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o644)
        except OSError as error:
            raise InputError.single(str(self.path), None, f"cannot create the batch lock: "
                                    f"{error.strerror or error}") from None
        if fcntl is not None:
            try:
                fcntl.flock(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                os.close(self._fd)
                self._fd = None
                raise InputError.single(str(self.out), None, "another assess batch is writing into this folder "
                                        "now; wait for it to finish or choose another --out") from None
            except OSError as error:  # a file system without locks: go on, but say so
                self.warnings.append(f"{self.out}: warning: cannot lock the folder ({error.strerror or error}); "
                                     "make sure no other batch writes into it at the same time")
        self._look_for_leftovers()
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        if self._fd is None:
            return
        if not self._unfinished:  # removed while still held: a run that opens it later makes a new one
            with contextlib.suppress(OSError):
                self.path.unlink()
        os.close(self._fd)  # releases the lock
        self._fd = None

    def _look_for_leftovers(self) -> None:
        assert self._fd is not None
        note = os.pread(self._fd, 200, 0).decode("utf-8", "replace").strip()
        if note.startswith(_PUBLISHING):
            self._unfinished = True
            since = note[len(_PUBLISHING):].strip() or "at an unknown time"
            self.warnings.append(f"{self.out}: warning: an earlier batch into this folder was stopped while it "
                                 f"was publishing ({since}); its reports and the portfolio here may not match "
                                 "until this run has finished")
        try:
            with os.scandir(self.out) as entries:  # a chunk at a time: the folder may hold 50,000 reports
                stale = sorted(entry.name for entry in entries
                               if entry.name.startswith(STAGING_PREFIX) and entry.name != LOCK_NAME
                               and entry.is_dir(follow_symlinks=False))
        except OSError:
            return
        for name in stale:
            shutil.rmtree(self.out / name, ignore_errors=True)
        if stale:
            shown = ", ".join(stale[:3]) + (", …" if len(stale) > 3 else "")
            self.warnings.append(f"{self.out}: warning: removed {len(stale)} staging folder(s) left by an "
                                 f"interrupted batch ({shown})")

    def publishing(self) -> None:
        """Note (once) that this run starts replacing files in the folder."""
        if self._marked or self._fd is None:
            return
        self._marked = self._unfinished = True
        started = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
        self._set(f"{_PUBLISHING} {started}, pid {os.getpid()}\n")

    def published(self) -> None:
        """The reports and the portfolio in the folder are all this run's."""
        if self._fd is not None:
            self._set("")
            self._marked = self._unfinished = False

    def _set(self, note: str) -> None:
        assert self._fd is not None
        os.ftruncate(self._fd, 0)
        os.pwrite(self._fd, note.encode("utf-8"), 0)
        os.fsync(self._fd)
