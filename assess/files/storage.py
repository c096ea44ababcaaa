"""Saving files so that nothing a user typed is ever lost.

Writes are atomic (temp file in the same folder, fsync, rename, fsync of the folder), and a
save refuses to overwrite a file that changed on disk since it was last read or written.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path


class ChangedOnDisk(Exception):
    """The file on disk is not the one we last read or wrote: someone else changed it."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"{path}: changed on disk since it was opened; not overwritten")
        self.path = path


def digest(text: str | bytes) -> str:
    data = text.encode("utf-8") if isinstance(text, str) else text
    return hashlib.sha256(data).hexdigest()


def fingerprint(path: Path) -> str | None:
    """sha256 of the file's bytes, or None when there is no file."""
    try:
        return digest(path.read_bytes())
    except FileNotFoundError:
        return None


def atomic_write(path: Path, text: str | bytes) -> str:
    """Replace ``path`` with ``text`` atomically; returns the new fingerprint. A symlink stays a symlink:
    the file it points to is replaced."""
    path = Path(path)
    if path.is_symlink():
        path = Path(os.path.realpath(path))
    directory = path.parent if str(path.parent) else Path(".")
    data = text.encode("utf-8") if isinstance(text, str) else text
    fd, tmp_name = tempfile.mkstemp(dir=directory, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        try:
            os.chmod(tmp_name, path.stat().st_mode & 0o777)
        except FileNotFoundError:
            os.chmod(tmp_name, 0o644)
        os.replace(tmp_name, path)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    try:
        dir_fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return digest(data)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)
    return digest(data)


def guarded_write(path: Path, text: str, expected: str | None) -> str:
    """Write only when the file on disk still has fingerprint ``expected`` (None: no file)."""
    if fingerprint(Path(path)) != expected:
        raise ChangedOnDisk(Path(path))
    return atomic_write(Path(path), text)
