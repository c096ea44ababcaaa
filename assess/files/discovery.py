"""The input files of a batch: folders searched for ``*.yaml``/``*.yml``, files as named, ``-`` for a list."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import PurePath
from typing import TextIO

from assess.errors import Problem

YAML_SUFFIXES = (".yaml", ".yml")


def _path_key(path: str) -> tuple[str, ...]:
    return PurePath(path).parts


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


def find_inputs(inputs: Sequence[str], stdin: TextIO | None = None) -> tuple[list[str], list[Problem]]:
    """The files to process, sorted by path and without duplicates, and the inputs that gave none.

    ``-`` reads one path per line from ``stdin`` (blank lines and lines starting with ``#`` are skipped).
    A file named on the command line or on stdin is taken whatever its extension.
    """
    entries: list[tuple[str, str | None]] = []  # (path, where it was listed)
    stdin_read = False
    for item in inputs:
        if item != "-":
            entries.append((item, None))
            continue
        if stdin_read:
            continue
        stdin_read = True
        for number, line in enumerate(stdin if stdin is not None else sys.stdin, 1):
            entry = line.strip()
            if entry and not entry.startswith("#"):
                entries.append((entry, f"stdin line {number}"))
    problems: list[Problem] = []
    found: dict[str, str] = {}  # real path -> path as shown
    for entry, origin in entries:
        listed = f" (listed on {origin})" if origin else ""
        if os.path.isdir(entry):
            before = len(problems)
            files = list(_walk(entry, problems))
            if not files and len(problems) == before:
                problems.append(Problem(entry, None, f"no *.yaml or *.yml files in this folder{listed}"))
        elif os.path.exists(entry):
            files = [os.path.normpath(entry)]
        else:
            problems.append(Problem(entry, None, f"no such file or folder{listed}"))
            continue
        for path in files:
            found.setdefault(os.path.realpath(path), path)
    return sorted(found.values(), key=_path_key), problems
