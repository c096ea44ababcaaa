"""Saving files so that nothing a user typed is ever lost.

Writes to regular files are atomic (temp file in the same folder, fsync, rename, fsync of the folder); a
FIFO or a device (``-o /dev/null``, ``-o /dev/stdout``) is written into instead, never renamed over. A
save refuses to overwrite a file that changed on disk since it was last read or written.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import stat
from pathlib import Path


class ChangedOnDisk(Exception):
    """The file on disk is not the one we last read or wrote: someone else changed it."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"{path}: changed on disk since it was opened; not overwritten")
        self.path = path


def digest(text: str | bytes) -> str:
    data = text.encode("utf-8") if isinstance(text, str) else text
    import hashlib  # on first use: a command that writes nothing never loads it
    return hashlib.sha256(data).hexdigest()


def _special(path: Path) -> bool:
    """True when ``path`` exists and is not a regular file or folder: a FIFO, a device, a socket (also
    ``/dev/stdout``). Such a file is written into, never renamed over, and holds no content to protect."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def fingerprint(path: Path) -> str | None:
    """sha256 of the file's bytes, or None when there is no file (or it is a FIFO or device, which is never
    read: reading it could wait forever or never end)."""
    if _special(Path(path)):
        return None
    from assess.files.hashing import sha256  # not hashlib's: the TUI's start needs no OpenSSL

    sha = sha256()
    try:
        with open(path, "rb") as handle:  # in pieces: a huge file is refused by the loader, not read whole here
            for piece in iter(lambda: handle.read(1 << 20), b""):
                sha.update(piece)
    except FileNotFoundError:
        return None
    return sha.hexdigest()


def write_whole(path: str | Path, data: bytes, flags: int, mode: int = 0o666) -> None:
    """Open ``path`` with ``flags`` (``O_WRONLY`` and more) and write all of ``data`` (one ``write`` may take
    less than it is given), without a buffered file object."""
    fd = os.open(path, flags | getattr(os, "O_CLOEXEC", 0), mode)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
    finally:
        os.close(fd)


def _write_into(path: Path, data: bytes) -> str:
    """Write ``data`` into a FIFO or device as it is. A FIFO no program reads within :data:`FIFO_WAIT` is refused
    (ENXIO), not waited for forever: an import with such a name among its outputs hung."""
    if stat.S_ISFIFO(os.stat(path).st_mode):
        fd = _open_fifo(path)
        try:
            os.set_blocking(fd, True)
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
        finally:
            os.close(fd)
    else:
        write_whole(path, data, os.O_WRONLY)
    return digest(data)


FIFO_WAIT = 2.0  # seconds a FIFO's reader is waited for (it may be starting beside assess, as `cat FIFO &`)


def _open_fifo(path: Path) -> int:
    import time

    deadline = time.monotonic() + FIFO_WAIT
    while True:
        try:
            return os.open(path, os.O_WRONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
        except OSError as error:
            if error.errno != errno.ENXIO:  # ENXIO: no reader (yet)
                raise
            if time.monotonic() > deadline:
                raise OSError(errno.ENXIO, "a FIFO no program reads", str(path)) from None
            time.sleep(0.02)


def refuse_read_only(path: Path) -> None:
    """Raise PermissionError when ``path`` is a file whose mode lets no one write it (``chmod 444``: someone
    froze it). Checked on the mode, not with ``os.access``, which says yes to root."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return
    if stat.S_ISREG(mode) and not mode & 0o222:
        raise PermissionError(errno.EACCES, "the file is read-only (chmod u+w to allow it)", str(path))


def refuse_replacing(path: Path) -> None:
    """Raise OSError when ``path`` is a file a folder's output (``import -o DIR``, ``batch -o DIR``) must not
    replace: read-only (:func:`refuse_read_only`), or a FIFO, a device or a socket put there under an output's
    name (written into, an import waited for a reader; renamed over, it was gone)."""
    refuse_read_only(path)
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return
    if not stat.S_ISREG(mode) and not stat.S_ISDIR(mode):
        from assess.files.input_file import kind

        raise OSError(errno.EEXIST, f"{kind(mode)} has this name, not a regular file (remove it, or "
                      "write elsewhere)", str(path))


def atomic_write(path: Path, text: str | bytes) -> str:
    """Replace ``path`` with ``text`` atomically; returns the new fingerprint. A symlink stays a symlink:
    the file it points to is replaced. A FIFO or device (``/dev/null``, ``/dev/stdout``) is written into,
    never replaced."""
    path = Path(path)
    data = text.encode("utf-8") if isinstance(text, str) else text
    if _special(path):
        return _write_into(path, data)
    if path.is_symlink():
        path = Path(os.path.realpath(path))
    refuse_read_only(path)
    directory = path.parent if str(path.parent) else Path(".")
    tmp_name = synced_temporary(path, data)
    try:
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


def synced_temporary(path: Path, data: bytes) -> str:
    """``data`` in a new hidden file beside ``path``, flushed to the disk; the caller renames, links or removes it."""
    import tempfile  # on first use: a command that writes nothing never loads it

    directory = path.parent if str(path.parent) else Path(".")
    fd, tmp_name = tempfile.mkstemp(dir=directory, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    return tmp_name


def guarded_write(path: Path, text: str, expected: str | None) -> str:
    """Write only when the file on disk still has fingerprint ``expected`` (None: no file)."""
    if fingerprint(Path(path)) != expected:
        raise ChangedOnDisk(Path(path))
    return atomic_write(Path(path), text)


BACKUP_SUFFIX = ".bak"


def backup_path(path: Path, now: dt.datetime, kind: str = "conflict") -> Path:
    """``name.yaml.conflict-YYYYmmdd-HHMMSS.bak`` beside ``path`` (``-2``, ``-3``… when that name is taken);
    ``kind`` "unsaved" for changes a killed audit could not save."""
    stem = f"{path.name}.{kind}-{now:%Y%m%d-%H%M%S}"
    candidate = path.with_name(stem + BACKUP_SUFFIX)
    number = 2
    while candidate.exists():
        candidate = path.with_name(f"{stem}-{number}{BACKUP_SUFFIX}")
        number += 1
    return candidate


def write_backup(path: Path, data: bytes, now: dt.datetime | None = None, kind: str = "conflict") -> Path:
    """Keep ``data`` (the version about to be replaced) in a new file beside ``path``; returns its path.

    The backup is complete or absent: written to a temporary file, synced, then linked to a name no file has
    (an existing file is never replaced).
    """
    now = now or dt.datetime.now()
    tmp_name = synced_temporary(path, data)
    try:
        while True:
            target = backup_path(path, now, kind)
            try:
                os.link(tmp_name, target)
            except FileExistsError:
                continue
            return target
    finally:
        Path(tmp_name).unlink(missing_ok=True)
