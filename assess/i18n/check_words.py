"""Words of `assess check` and the report's quality section, Dutch and English: key -> (nl, en)."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
}
