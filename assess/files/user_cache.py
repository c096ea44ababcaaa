"""The user's cache folder, ``$XDG_CACHE_HOME/assess`` (by default ``~/.cache/assess``): work kept between runs
only to save time (the checked catalog, the compiled schema checks). Anything missing, unreadable, damaged or
not the user's own only means the work is done again; ``ASSESS_NO_CACHE=1`` turns the cache off."""

from __future__ import annotations

import os
import stat
from collections.abc import Mapping
from pathlib import Path

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing (the quick commands never load it)
if TYPE_CHECKING:
    from hashlib import blake2b


def key_digest() -> blake2b:
    """A new BLAKE2b digest (32 bytes) for the key of a cache entry: a run that finds its cache warm never
    imports hashlib (see :mod:`assess.files.hashing`), and BLAKE2b hashes the catalog's bytes in half the
    time SHA-256 takes."""
    from assess.files.hashing import blake2b

    return blake2b(32)


def cache_directory(environ: Mapping[str, str] | None = None) -> Path | None:
    """``$XDG_CACHE_HOME/assess`` (by default ``~/.cache/assess``); None when the cache is off."""
    environ = os.environ if environ is None else environ
    if environ.get("ASSESS_NO_CACHE"):
        return None
    base = environ.get("XDG_CACHE_HOME")
    if base and os.path.isabs(base):
        return Path(base) / "assess"
    try:
        return Path.home() / ".cache" / "assess"
    except RuntimeError:  # no home directory
        return None


def read_own(path: Path) -> bytes | None:
    """The bytes of a cache file, if it is a regular file of this user that nobody else may write."""
    try:
        with open(path, "rb") as handle:
            info = os.fstat(handle.fileno())
            if (not stat.S_ISREG(info.st_mode) or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
                    or (hasattr(os, "getuid") and info.st_uid != os.getuid())):
                return None
            return handle.read()
    except OSError:
        return None


def store(folder: Path, name: str, data: bytes, stale: str | None = None) -> None:
    """Keep ``data`` as ``folder/name``, written aside and renamed into place; files matching ``stale`` (a
    glob) other than it are removed. Errors are ignored: the cache only saves time."""
    import tempfile

    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".store-", suffix=".tmp", dir=folder)
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(temporary, folder / name)
        except BaseException:
            os.unlink(temporary)
            raise
        if stale:
            for old in folder.glob(stale):
                if old.name != name:
                    old.unlink(missing_ok=True)
    except OSError:
        return
