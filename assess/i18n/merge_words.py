"""Words of the merge output, Dutch and English: key -> (nl, en). Keys start with "merge."."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
}
