"""The audit TUI's words: ``label`` is the one lookup of :mod:`assess.i18n` (the TUI's table is
``assess/i18n/tui_words.py``), and ``os_error`` says why a read or write failed in the user's language."""

from __future__ import annotations

import errno

from assess.i18n import t
from assess.i18n.tui_words import WORDS as LABELS  # noqa: F401 (the TUI's own words, for its tests)

# The system's reason for a failed read or write, in the user's language (the OS says it in English).
OS_ERRORS: dict[int, tuple[str, str]] = {
    errno.EACCES: ("geen toestemming", "permission denied"),
    errno.EPERM: ("niet toegestaan", "operation not permitted"),
    errno.ENOSPC: ("de schijf is vol", "no space left on the disk"),
    errno.EDQUOT: ("schijfquotum overschreden", "disk quota exceeded"),
    errno.EROFS: ("alleen-lezen bestandssysteem", "read-only file system"),
    errno.ENOENT: ("bestand of map bestaat niet", "no such file or folder"),
    errno.EISDIR: ("is een map", "is a folder"),
    errno.ENOTDIR: ("is geen map", "is not a folder"),
    errno.EIO: ("invoer-/uitvoerfout van de schijf", "input/output error of the disk"),
    errno.ENAMETOOLONG: ("bestandsnaam te lang", "file name too long"),
    errno.EEXIST: ("bestaat al", "already exists"),
}


def label(name: str, lang: str, **values: object) -> str:
    """A word of the TUI: the one lookup of :mod:`assess.i18n`, under the name the screens use."""
    return t(name, lang, **values)


def os_error(error: OSError, lang: str) -> str:
    """Why an OS call failed, in ``lang`` (the system's own words when the reason is not one we know)."""
    known = OS_ERRORS.get(error.errno or -1)
    if known:
        return known[0] if lang == "nl" else known[1]
    return error.strerror or str(error)
