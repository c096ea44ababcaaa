"""Words of the diff output, Dutch and English: key -> (nl, en). Keys start with "diff."."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
}
