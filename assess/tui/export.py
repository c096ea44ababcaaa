"""Where the TUI may write a report (no Textual here): never over the open assessment, nor over any file that
loads as an assessment, nor over a lock or a backup of assess's (a report over the audit's lock would let a
second audit edit the file too), a read-only file, or anything that is not a regular file."""

from __future__ import annotations

import os
from pathlib import Path

from assess.errors import InputError
from assess.files import assessment_file
from assess.model.catalog import Catalog

MAX_SNIFF = 10 * 1024 * 1024  # as the loader's own cap: a larger file is no assessment


def same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


def refusal(target: Path, assessment_path: Path, catalog: Catalog) -> str | None:
    """The labels.py key saying why ``target`` may not be written, or None when it may."""
    if same_file(target, assessment_path):
        return "export.is_assessment_open"
    name = target.name
    if (name.startswith(".") and name.endswith(".lock")) or name.endswith(".bak"):
        return "export.kept_file"  # whether it exists or not: the audit's own lock may be made after the check
    if not os.path.lexists(target):
        return None
    if not target.is_file():
        return "export.not_regular"
    try:
        if not target.stat().st_mode & 0o222:
            return "export.read_only"
    except OSError:
        return "export.not_regular"
    try:
        if target.stat().st_size > MAX_SNIFF:
            return None
        assessment_file.load(str(target), catalog)
    except (InputError, OSError, UnicodeDecodeError, ValueError):
        return None
    return "export.is_assessment"
