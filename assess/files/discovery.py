"""The input files of a batch: folders searched for ``*.yaml``/``*.yml``, files as named, ``-`` for a list."""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterator, Sequence
from pathlib import PurePath
from typing import TextIO

from assess.errors import Problem
from assess.files.spool import Spool, key, text

YAML_SUFFIXES = (".yaml", ".yml")


def _path_key(path: str) -> tuple[str, ...]:
    """``PurePath(path).parts``: the order inputs are listed in. On POSIX split here, as pathlib does (one or
    three or more leading slashes are the root ``/``, exactly two are ``//``; empty and ``.`` parts dropped),
    because pathlib interns every part it makes: interned strings of every input, in a table that grows."""
    if os.name != "posix":
        return PurePath(path).parts
    parts = tuple(part for part in path.split("/") if part and part != ".")
    if not path.startswith("/"):
        return parts
    return ("//" if path.startswith("//") and not path.startswith("///") else "/", *parts)


def _walk(directory: str, problems: list[Problem]) -> Iterator[str]:
    """``*.yaml``/``*.yml`` files under ``directory``, skipping hidden files and folders.

    A folder that cannot be read is added to ``problems``: its files would otherwise be missed silently.
    """

    def unreadable(error: OSError) -> None:
        problems.append(Problem(error.filename or directory, None,
                                f"cannot read this folder: {error.strerror or error}"))

    for root, dirs, files in os.walk(directory, onerror=unreadable):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and name.lower().endswith(YAML_SUFFIXES):
                yield os.path.normpath(os.path.join(root, name))


class Inputs:
    """The files of a batch in a spool: without duplicates (by real path, the first spelling kept), read back
    sorted by path, each with its (device, inode) to recognise an output that would replace an input."""

    def __init__(self, spool: Spool) -> None:
        self.spool = spool
        self._count = 0
        self._indexed = False
        self._folder: tuple[str, str] = ("", "")  # (folder, its real path) of the last file added
        spool.execute("CREATE TABLE inputs (seq INTEGER PRIMARY KEY, real BLOB UNIQUE, sort BLOB, path BLOB, "
                      "dev INTEGER, ino INTEGER)")

    def add(self, path: str) -> None:
        dev: int | None = None
        ino: int | None = None
        try:
            info = os.lstat(path)
            if stat.S_ISLNK(info.st_mode):
                info = os.stat(path)
                real = os.path.realpath(path)
            else:
                real = self._real_path(path)
            dev, ino = info.st_dev, info.st_ino
        except OSError:
            real = os.path.realpath(path)
        self._count += self.spool.execute(
            "INSERT OR IGNORE INTO inputs (real, sort, path, dev, ino) VALUES (?, ?, ?, ?, ?)",
            (key(real), key("\0".join(_path_key(path))), key(path), dev, ino))

    def _real_path(self, path: str) -> str:
        """``os.path.realpath`` of a file that is not a symbolic link: its folder's real path (kept for the
        next file of the same folder, as a folder's files come one after the other) and its name. realpath
        itself looks at every part of the path, five system calls per file for ``/a/b/c/d.yaml``."""
        folder, name = os.path.split(path)
        if name in ("", ".", ".."):
            return os.path.realpath(path)
        if folder != self._folder[0]:
            self._folder = (folder, os.path.realpath(folder or "."))
        return os.path.join(self._folder[1], name)

    def __len__(self) -> int:
        return self._count

    def paths(self) -> Iterator[str]:
        """The files, sorted by path (part by part)."""
        return (text(path) for (path,) in self.spool.rows("SELECT path FROM inputs ORDER BY sort, seq"))

    def __contains__(self, identity: object) -> bool:
        """Whether ``identity``, a (device, inode), is one of the inputs'."""
        if not self._indexed:
            self.spool.execute("CREATE INDEX inputs_identity ON inputs (dev, ino)")
            self._indexed = True
        if not isinstance(identity, tuple) or len(identity) != 2:
            return False
        return self.spool.one("SELECT 1 FROM inputs WHERE dev = ? AND ino = ? LIMIT 1", identity) is not None

    def write_list(self, path: str) -> None:
        """The sorted paths into the file ``path``, for :func:`read_list` (in another thread than the spool's)."""
        with open(path, "wb") as handle:
            for name in self.paths():
                handle.write(key(name) + b"\0")


def read_list(path: str) -> Iterator[str]:
    """The paths :meth:`Inputs.write_list` wrote, a block at a time."""
    with open(path, "rb") as handle:
        rest = b""
        while block := handle.read(1 << 16):
            *names, rest = (rest + block).split(b"\0")
            yield from (text(name) for name in names)


def spool_inputs(inputs: Sequence[str], spool: Spool, stdin: TextIO | None = None) -> tuple[Inputs, list[Problem]]:
    """The files to process, into ``spool`` (:class:`Inputs`), and the inputs that gave none.

    ``-`` reads one path per line from ``stdin`` (blank lines and lines starting with ``#`` are skipped).
    A file named on the command line or on stdin is taken whatever its extension.
    """
    found = Inputs(spool)
    problems: list[Problem] = []
    for entry, origin in _entries(inputs, stdin):
        listed = f" (listed on {origin})" if origin else ""
        if os.path.isdir(entry):
            before, count = len(problems), 0
            for path in _walk(entry, problems):
                found.add(path)
                count += 1
            if not count and len(problems) == before:
                problems.append(Problem(entry, None, f"no *.yaml or *.yml files in this folder{listed}"))
        elif os.path.exists(entry):
            found.add(os.path.normpath(entry))
        else:
            problems.append(Problem(entry, None, f"no such file or folder{listed}"))
    return found, problems


def _entries(inputs: Sequence[str], stdin: TextIO | None) -> Iterator[tuple[str, str | None]]:
    """(path, where it was listed) of each input, stdin's lines where ``-`` is (read once)."""
    stdin_read = False
    for item in inputs:
        if item != "-":
            yield item, None
            continue
        if stdin_read:
            continue
        stdin_read = True
        for number, line in enumerate(stdin if stdin is not None else sys.stdin, 1):
            entry = line.strip()
            if entry and not entry.startswith("#"):
                yield entry, f"stdin line {number}"


def find_inputs(inputs: Sequence[str], stdin: TextIO | None = None) -> tuple[list[str], list[Problem]]:
    """The files to process, sorted by path and without duplicates, and the inputs that gave none (as
    :func:`spool_inputs`, in a list)."""
    found, problems = spool_inputs(inputs, Spool(), stdin)
    paths = list(found.paths())
    found.spool.close()
    return paths, problems
