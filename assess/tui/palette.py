"""What the command palette finds (no Textual here): norms and setting items by id or by words of their text."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from assess.model.catalog import Norm


@dataclass(frozen=True)
class Found:
    score: float  # 0..1, higher first
    norm: Norm


def find(norms: Iterable[Norm], query: str, lang: str, answers: Mapping[str, str] | None = None) -> list[Found]:
    """Norms whose id starts with ``query`` (``4.7``, ``outreach.3``), else whose text (in either language, or
    ``answers``: the evidence and note given, by norm id) holds every word of it (``naloxon``); ids first, then
    by where the words occur."""
    words = query.lower().split()
    if not words:
        return []
    found = []
    for norm in norms:
        if norm.id.lower().startswith(query.strip().lower()):
            found.append(Found(1.0 - len(norm.id) / 1000, norm))
            continue
        text = " ".join([norm.id, norm.text[lang], norm.text["nl" if lang == "en" else "en"],
                         (answers or {}).get(norm.id, "")]).lower()
        if all(word in text for word in words):
            first = min(text.find(word) for word in words)
            found.append(Found(0.5 - min(first, 499) / 1000, norm))
    return sorted(found, key=lambda f: -f.score)
