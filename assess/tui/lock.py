"""Whether the audit may write its file (no Textual here): a read-only file or folder, or another `assess audit`
that has the file open, makes the audit read-only.

The lock is an ``fcntl.flock`` on ``.NAME.lock`` beside the file: the kernel drops it when the process ends,
however it ends (kill -9 included), so a stale lock file never blocks anyone.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import stat
from dataclasses import dataclass
from pathlib import Path

READ_ONLY_FILE = "file"
READ_ONLY_FOLDER = "folder"
LOCKED = "locked"


def lock_path(path: Path) -> Path:
    return path.with_name(f".{path.name}.lock")


def _no_write_bits(path: Path) -> bool:
    return not os.stat(path).st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)


def read_only_reason(path: Path) -> str | None:
    """``READ_ONLY_FILE`` or ``READ_ONLY_FOLDER`` when saving ``path`` would go against its permissions.

    Saving replaces the file by a rename, which the folder's permissions allow even for a file of mode 0444
    (and root may write anything): so the mode bits are asked, not only ``os.access``.
    """
    folder = path.parent if str(path.parent) else Path(".")
    try:
        if path.exists() and (not os.access(path, os.W_OK) or _no_write_bits(path)):
            return READ_ONLY_FILE
        if not os.access(folder, os.W_OK | os.X_OK) or _no_write_bits(folder):
            return READ_ONLY_FOLDER
    except OSError:
        return READ_ONLY_FOLDER
    return None


@dataclass
class Lock:
    """An held lock on one assessment file; :meth:`release` it when the audit ends."""

    path: Path
    fd: int

    def release(self) -> None:
        if self.fd < 0:
            return
        fd, self.fd = self.fd, -1
        with contextlib.suppress(OSError):
            self.path.unlink()  # while still held: whoever opens the name next makes a new file
        os.close(fd)


def holder(path: Path) -> str:
    """What the lock file says about who holds it (``pid 1234``), or ""."""
    try:
        return lock_path(path).read_text(encoding="utf-8").strip()[:100]
    except (OSError, UnicodeDecodeError):
        return ""


def is_locked(path: Path) -> bool:
    """True when another audit holds the lock on ``path`` now (asked without taking it)."""
    held = acquire(path)
    if held is None:
        return True
    held.release()
    return False


def acquire(path: Path) -> Lock | None:
    """Lock ``path`` for this audit; None when another audit holds it. A folder where no lock file can be made
    (read-only) gives an unheld lock: nothing will be written there anyway."""
    target = lock_path(path)
    for _attempt in range(5):
        try:
            fd = os.open(target, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError:
            return Lock(target, -1)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            return None
        try:
            same = os.fstat(fd).st_ino == os.stat(target).st_ino
        except FileNotFoundError:
            same = False
        if not same:  # the holder released it (and removed the file) between our open and our lock: again
            os.close(fd)
            continue
        os.ftruncate(fd, 0)
        os.write(fd, f"pid {os.getpid()}\n".encode())
        return Lock(target, fd)
    return None
