"""What the palette finds (no Textual here): norms and setting items by number or words, and the screens it opens."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from assess.model.assessment import Assessment
from assess.model.catalog import Catalog, Norm
from assess.tui.labels import label, section_name
from assess.tui.safe import shown_line

ID_SCORE = 0.75  # a norm found by its number scores above this (0.98 or more), one found by words below (0.5 or less)


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


COMMANDS = ("summary", "overview", "details", "filter", "help", "language")  # the screens the palette opens
MAX_HITS = 30


@dataclass(frozen=True)
class Hit:
    """A line of the palette: ``kind`` "norm" (``target`` its id) or "command" (``target`` the screen's name)."""

    kind: str
    target: str
    text: str  # one line, made safe to show
    help: str = ""  # under it, dimmed (a norm's section)


def hits(catalog: Catalog, assessment: Assessment, query: str, lang: str) -> list[Hit]:
    """What the palette lists for ``query``: with nothing typed, the screens; else the norms of the chosen
    settings that :func:`find` finds (at most :data:`MAX_HITS`) and the screens whose name holds every word:
    norms by number first, then the screens, then norms by words."""
    commands = [Hit("command", name, label(f"palette.{name}", lang)) for name in COMMANDS]
    words = query.lower().split()
    if not words:
        return commands
    given = {norm_id: " ".join([*answer.evidence_texts, answer.note or ""])
             for norm_id, answer in assessment.answers.items()}
    found = find(catalog.items_for(assessment.settings), query, lang, given)[:MAX_HITS]

    def norm_hit(norm: Norm) -> Hit:
        return Hit("norm", norm.id, shown_line(f"{norm.id}  {' '.join(norm.text[lang].split())}")[:200],
                   shown_line(section_name(catalog.section(norm.section), lang)))

    return ([norm_hit(f.norm) for f in found if f.score >= ID_SCORE]
            + [hit for hit in commands if all(word in hit.text.lower() for word in words)]
            + [norm_hit(f.norm) for f in found if f.score < ID_SCORE])
