"""Words of the portfolio output, Dutch and English: key -> (nl, en). Keys start with "portfolio."."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
}
