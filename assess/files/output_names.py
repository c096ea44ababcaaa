"""Report file names: a safe stem per service name, unique within one output folder."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from assess.files.spool import Spool, SpoolCounter, SpoolSet

MAX_STEM = 60
WINDOWS_RESERVED = frozenset({"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)),
                              *(f"lpt{i}" for i in range(10))})
_FOLD = str.maketrans({"ß": "ss", "ẞ": "ss", "æ": "ae", "Æ": "ae", "ø": "o", "Ø": "o", "œ": "oe", "Œ": "oe",
                       "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "þ": "th", "Þ": "th", "ð": "d", "Ð": "d",
                       "ı": "i", "'": "", "’": "", "‘": "", "`": "", "´": ""})
_NOT_SAFE = re.compile(r"[^a-z0-9]+")


def safe_stem(name: str, fallback: str = "service") -> str:
    """A file name stem that is safe on every file system: ``"Heroïnebehandeling 't Hoog"`` ->
    ``"heroinebehandeling-t-hoog"``.

    Accents are folded to ASCII, everything is lowercased (so names that differ only in case collide
    here, not on a case-insensitive disk), only ``a-z``, ``0-9`` and ``-`` remain, the length is capped
    and Windows' reserved device names (``con``, ``nul``, ``com1``...) get a prefix.
    """
    text = unicodedata.normalize("NFKD", name.translate(_FOLD))
    text = text.encode("ascii", "ignore").decode("ascii").lower()
    text = _NOT_SAFE.sub("-", text).strip("-")
    if len(text) > MAX_STEM:
        cut = text[:MAX_STEM]
        text = (cut.rsplit("-", 1)[0] if "-" in cut[MAX_STEM // 2:] else cut).strip("-")
    if not text:
        return fallback
    if text in WINDOWS_RESERVED:
        return f"{fallback}-{text}"
    return text


class NameAllocator:
    """Hands out unique stems in call order: the second "De Overloop" becomes ``de-overloop-2``."""

    def __init__(self, reserved: Iterable[str] = (), spool: Spool | None = None) -> None:
        """``spool``: keep the names taken there (a batch of any size), not in memory."""
        self._taken: set[str] | SpoolSet = set() if spool is None else SpoolSet(spool, "names_taken")
        for name in reserved:
            self._taken.add(name)
        # base -> the suffix to try first, so 10,000 equal names stay linear
        self._next: dict[str, int] | SpoolCounter = {} if spool is None else SpoolCounter(spool, "names_next")

    def allocate(self, name: str) -> str:
        stem = base = safe_stem(name)
        if stem in self._taken:
            number = self._next.get(base, 2)
            stem = f"{base}-{number}"
            while stem in self._taken:
                number += 1
                stem = f"{base}-{number}"
            self._next[base] = number + 1
        self._taken.add(stem)
        return stem
